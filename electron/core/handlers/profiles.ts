import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import { exportProfile } from '../export';
import { parseExport } from '../export/import';
import { installationKey } from '../export/integrity';
import { secretStatusOf, type ProfileServices } from '../profiles/profile-service';
import { lazyProfileService } from '../profiles/process-services';
import { keychainFixMessage } from '../vault/vault';

type ProfileCallName =
  | 'profileGet' | 'profileCreate' | 'profileUpdate' | 'profileRename' | 'profileDuplicate'
  | 'profileDelete' | 'secretSet' | 'keychainStatus' | 'exportProfile' | 'importProfile';

/**
 * Handlers for the profile calls (shared/contract/profiles.ts). The store and the vault come
 * from `services` (tests) or, lazily, from the process's defaults for ctx.dataDir. No output
 * carries a stored secret: only {secretStored, secretStorage}, never a part of the secret.
 */
export function profileHandlers(ctx: CoreContext, services?: ProfileServices): Pick<Handlers, ProfileCallName> {
  const svc = lazyProfileService(ctx.dataDir, services);
  return {
    profileGet: async ({ profileId }) => svc().view(svc().store.get(profileId)),
    profileCreate: async (input) => svc().create(input),
    profileUpdate: async ({ profileId, changes }) => svc().update(profileId, changes),
    profileRename: async ({ profileId, name }) => svc().rename(profileId, name),
    profileDuplicate: async ({ profileId, name }) => svc().duplicate(profileId, name),
    profileDelete: async ({ profileId, keepKeychainEntry }) => svc().delete(profileId, { keepKeychainEntry: keepKeychainEntry === true }),
    secretSet: async ({ profileId, secret }) => {
      const s = svc();
      s.store.get(profileId); // a secret only for an existing profile
      const result = await s.vault.set(profileId, secret, { allowSession: true });
      const status = await secretStatusOf(s.vault, profileId);
      return {
        ...status,
        ...(result.unavailable
          ? { keychainWarning: { code: 'KEYCHAIN_UNAVAILABLE' as const, reason: result.unavailable.reason, message: result.unavailable.message } }
          : {}),
      };
    },
    keychainStatus: async () => {
      const status = await svc().vault.status();
      // The raw detail can quote D-Bus internals; the UI gets the reason and the fix.
      return status.available
        ? { available: true }
        : { available: false, ...(status.reason ? { reason: status.reason } : {}), fix: keychainFixMessage(status.reason, process.platform, { session: true }) };
    },
    exportProfile: async ({ profileId, format, locale }) => {
      const s = svc();
      const profile = s.store.get(profileId);
      const { secretStored, secretStorage } = await secretStatusOf(s.vault, profileId);
      const integrityKey = format === 'json' ? await installationKey(s.vault, { create: true }) : undefined; // only the json carries integrity
      // A secret held in this session's memory is not in the keychain: the export must not say so.
      return exportProfile(profile, format, {
        secretStored: secretStored && secretStorage === 'keychain',
        toolVersion: ctx.version,
        locale,
        ...(integrityKey ? { integrityKey } : {}),
      });
    },
    importProfile: async ({ content }) => {
      const s = svc();
      const { origin, ...fields } = parseExport(content, await installationKey(s.vault, { create: false }));
      return { ...(await s.create({ ...fields, name: s.store.freeName(fields.name) })), importOrigin: origin };
    },
  };
}
