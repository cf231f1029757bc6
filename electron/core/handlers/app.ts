import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import { keychainStatus } from '../vault/keychain-status';

/** Handlers for the `app` calls (shared/contract/app.ts). */
export function appHandlers(ctx: CoreContext): Pick<Handlers, 'appInfo'> {
  return {
    appInfo: async () => ({
      name: 'ise-smtp-oauth',
      version: ctx.version,
      shell: ctx.shell,
      platform: process.platform,
      keychain: await keychainStatus(),
      // Every desktop app and browser-mode process carries the practice tenant (started on first use).
      practice: ctx.practice || ctx.practiceHost !== undefined,
    }),
  };
}
