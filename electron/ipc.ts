import type { IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES, type CallResult } from '../shared/contract';
import { dispatch, type Handlers } from './core/handlers/dispatch';

/** The part of Electron's ipcMain this module needs (a fake one in tests). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

/** IPC channel for a contract call; the preload uses the same names. */
export const channelFor = (name: string): string => `setup:${name}`;

/**
 * Binds every contract call to ipcMain.handle. A call is answered only when it comes from the
 * main frame of one of the app's own windows showing the app's own page (fiddle's pattern);
 * anything else (a subframe, a navigated-away page, another webContents) gets FORBIDDEN.
 * Input is `unknown` until the contract's zod schema has checked it (in dispatch).
 */
export function bindContract(ipcMain: IpcMainLike, handlers: Handlers, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(channelFor(name), async (event, input): Promise<CallResult<unknown>> => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'call from an untrusted sender' } };
      return dispatch(handlers, name, input);
    });
  }
}

/**
 * A sender is trusted when it is one of our windows' webContents, the message comes from its
 * main frame, and that frame shows the app's own renderer URL.
 */
export function makeSenderCheck(trustedWebContentsIds: () => ReadonlySet<number>, appUrlPrefix: string) {
  return (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    if (!frame || !trustedWebContentsIds().has(event.sender.id)) return false;
    if (frame !== event.sender.mainFrame) return false;
    return frame.url.startsWith(appUrlPrefix);
  };
}
