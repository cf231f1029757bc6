import type { z } from 'zod';
import { appCalls } from './app';
import { troubleshootCalls } from './troubleshoot';
import { profileCalls } from './profiles';
import { practiceCalls } from './practice';
import { verificationCalls } from './verification';
import { desktopCalls } from './desktop';
import { certificateCalls } from './certificates';
import { fleetCalls } from './fleet';
import { iseCalls } from './ise';
import { automationCalls } from './automation';
import { draftSecretCalls } from './draft-secret';

/**
 * The one contract between the renderer and the main process (DESIGN §4). Every call is
 * declared once, in the domain file it belongs to, and listed here. Electron binds it to
 * ipcMain (electron/ipc.ts), browser mode to `POST /api/<name>` (electron/serve.ts).
 */
export const contract = {
  ...appCalls,
  ...troubleshootCalls,
  ...profileCalls,
  ...practiceCalls,
  ...verificationCalls,
  ...desktopCalls,
  ...certificateCalls,
  ...fleetCalls,
  ...iseCalls,
  ...automationCalls,
  ...draftSecretCalls,
};

export type Contract = typeof contract;
export type CallName = keyof Contract & string;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contract[K]['output']>;
export const CALL_NAMES = Object.keys(contract) as CallName[];

/** The typed surface both transports give the renderer (`window.setup` in Electron). */
export type SetupApi = {
  [K in CallName]: (input: CallInput<K>) => Promise<import('./define').CallResult<CallOutput<K>>>;
};

export * from './define';
