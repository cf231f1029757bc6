import type { Profile } from '../../../shared/contract/profiles';
import { CallFailure } from '../errors/call-failure';
import type { PracticeHost } from '../handlers/practice-tenant';

/** Where a profile's checks go: the profile's own overrides, or this process's practice tenant. */
export interface ProfileEndpoints {
  authorityHost?: string;
  smtpHost?: string;
  smtpPort?: number;
  proxy?: string;
  /** The practice tenant's CA, trusted on top of the system roots. */
  caPem?: string;
  practice: boolean;
}

/**
 * One answer for every call that goes on the network for a profile (diagnosis, certificate
 * capture): a practice profile is pointed at the practice tenant running in this process
 * (started on first use), any other at its own SMTP host, port and proxy, if it overrides them.
 */
export async function endpointsFor(profile: Profile, practiceHost: PracticeHost | undefined): Promise<ProfileEndpoints> {
  if (!profile.practice) {
    return {
      ...(profile.smtpHost ? { smtpHost: profile.smtpHost } : {}),
      ...(profile.smtpPort ? { smtpPort: profile.smtpPort } : {}),
      ...(profile.proxy ? { proxy: profile.proxy } : {}),
      practice: false,
    };
  }
  if (!practiceHost) throw new CallFailure('PRACTICE_UNAVAILABLE', 'the practice tenant is not available in this process');
  const tenant = await practiceHost.get();
  return { authorityHost: tenant.authorityHost, smtpHost: tenant.smtpHost, smtpPort: tenant.smtpPort, caPem: tenant.caPem, practice: true };
}
