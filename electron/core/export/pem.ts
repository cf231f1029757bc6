import type { Profile } from '../../../shared/contract/profiles';
import { CallFailure } from '../errors/call-failure';
import { capturedCertificates } from './evidence';

/**
 * The CA certificates the last verification saw on the token and SMTP hosts, as one PEM
 * bundle for ISE's trusted store (Administration > System > Certificates > Trusted Certificates).
 */
export function caBundle(profile: Profile): string {
  const cas = capturedCertificates(profile.lastVerification).filter((c) => c.isCA);
  if (cas.length === 0) {
    throw new CallFailure(
      'EXPORT_NO_CERTIFICATES',
      'no CA certificates were captured for this profile: run the verification first, then export again',
      'format',
    );
  }
  return cas.map((c) => `# Subject: ${c.subject}\n# Issuer: ${c.issuer}\n# SHA-256: ${c.sha256}\n# Seen on: ${c.source}\n${c.pem}`).join('\n');
}
