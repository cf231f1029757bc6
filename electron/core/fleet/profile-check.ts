import type { Profile } from '../../../shared/contract/profiles';
import { diagnose, type DiagnoseDeps } from '../diagnostics';
import { endpointsFor } from '../profiles/endpoints';
import type { PracticeHost } from '../handlers/practice-tenant';
import { KeychainUnavailableError, type Vault } from '../vault/vault';
import type { ProfileOutcome } from './check';

/**
 * Checks one stored profile the way ISE will use it: its secret from the vault, a fresh token,
 * SMTP AUTH, the expiry. A practice profile needs this process's practice tenant; without one
 * (the CLI) it is not checked.
 */
export async function checkStoredProfile(profile: Profile, vault: Vault, practiceHost: PracticeHost | undefined, deps: DiagnoseDeps = {}): Promise<ProfileOutcome> {
  if (profile.practice && !practiceHost) return { notChecked: 'practice' };
  let secret: string | null;
  try {
    secret = await vault.get(profile.id);
  } catch (err) {
    if (err instanceof KeychainUnavailableError) return { notChecked: 'keychain' };
    throw err;
  }
  if (secret === null) return { notChecked: 'no-secret' };
  const endpoints = await endpointsFor(profile, practiceHost);
  const report = await diagnose(
    {
      tenantId: profile.tenantId,
      clientId: profile.clientId,
      mailbox: profile.mailbox,
      clientSecret: secret,
      route: profile.route,
      ...(profile.scope ? { scope: profile.scope } : {}),
      ...(profile.servicePrincipalObjectId ? { servicePrincipalObjectId: profile.servicePrincipalObjectId } : {}),
      ...(profile.secretExpiry ? { secretExpiry: profile.secretExpiry } : {}),
      ...(profile.iseVersion ? { iseVersion: profile.iseVersion } : {}),
      ...endpoints,
    },
    deps,
  );
  return { report };
}
