import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import { keychainStatus, type KeychainStatus } from '../vault/keychain-status';

/** What appInfo asks the OS; tests pass a broken keychain. */
export interface AppDeps {
  keychainStatus?: () => Promise<KeychainStatus>;
}

/** Handlers for the `app` calls (shared/contract/app.ts). */
export function appHandlers(ctx: CoreContext, deps: AppDeps = {}): Pick<Handlers, 'appInfo'> {
  const status = deps.keychainStatus ?? keychainStatus;
  return {
    appInfo: async () => ({
      name: 'ise-smtp-oauth',
      version: ctx.version,
      shell: ctx.shell,
      platform: process.platform,
      // The raw detail can quote D-Bus internals (as keychainStatus strips it): reason only.
      keychain: withoutDetail(await status()),
      // Every desktop app and browser-mode process carries the practice tenant (started on first use).
      practice: ctx.practice || ctx.practiceHost !== undefined,
    }),
  };
}

function withoutDetail(status: KeychainStatus): KeychainStatus {
  return status.available ? { available: true } : { available: false, ...(status.reason ? { reason: status.reason } : {}) };
}
