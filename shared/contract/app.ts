import { z } from 'zod';
import { defineCalls } from './define';

/** Whether the OS keychain can hold a secret here, and if not, why (one message the UI shows). */
export const KeychainStatusSchema = z.object({
  available: z.boolean(),
  /** A stable reason code when unavailable: 'no-secret-service' | 'locked' | 'not-built' | 'error'. */
  reason: z.string().optional(),
  detail: z.string().optional(),
});

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** 'electron' in the desktop app, 'browser' in browser mode. */
  shell: z.enum(['electron', 'browser']),
  platform: z.string(),
  keychain: KeychainStatusSchema,
  /** True when the built-in practice tenant can be used here (it starts on first use). */
  practice: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const appCalls = defineCalls({
  /** What the welcome screen shows about this installation. */
  appInfo: { input: z.object({}).strict(), output: AppInfoSchema },
});
