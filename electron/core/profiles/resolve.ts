import { CallFailure } from '../errors/call-failure';
import { resolveDataDir } from './data-dir';
import type { Profile } from '../../../shared/contract/profiles';
import { ProfileService, type ProfileServices } from './profile-service';
import { defaultProfileServices } from './process-services';

/**
 * For `diagnose --profile NAME`: the profile and its secret from the keychain. Fails with a
 * CallFailure (PROFILE_NOT_FOUND, SECRET_NOT_STORED, KEYCHAIN_UNAVAILABLE) whose message says
 * what to do; the secret itself never appears in a message.
 */
export async function resolveProfileSecret(
  name: string,
  options: { dataDir?: string; services?: ProfileServices } = {},
): Promise<{ profile: Profile; secret: string }> {
  const service = new ProfileService(options.services ?? defaultProfileServices(resolveDataDir(options.dataDir)));
  const profile = service.resolve(name);
  const secret = await service.vault.get(profile.id);
  if (secret === null) {
    throw new CallFailure(
      'SECRET_NOT_STORED',
      `no client secret is stored for profile "${profile.name}": run ise-smtp-oauth profiles set-secret "${profile.name}" --secret-stdin`,
      'profile',
    );
  }
  return { profile, secret };
}
