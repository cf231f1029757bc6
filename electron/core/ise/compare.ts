import type { IseCaCertificate } from '../../../shared/contract/certificates';
import type { RequiredCa } from '../../../shared/contract/ise';
import { normaliseFingerprint } from '../../../shared/ise-api/connection';
import type { TrustedCertificateRead } from './read';

/** ISE's date text (Java's Date#toString, or ISO): ms since the epoch, or NaN. */
export function parseIseDate(text: string): number {
  const direct = Date.parse(text);
  if (!Number.isNaN(direct)) return direct;
  // "Tue Jan 15 12:00:00 UTC 2036" with a zone V8 does not know: drop the zone, read as UTC.
  const m = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}:\d{2}:\d{2}) \w+ (\d{4})$/.exec(text.trim());
  return m ? Date.parse(`${m[1]} ${m[2]} ${m[4]} ${m[3]} UTC`) : Number.NaN;
}

function sameFingerprint(a: string, b: string): boolean {
  return normaliseFingerprint(a) === normaliseFingerprint(b);
}

/** "CN=x,O=y" and Node's "CN=x, O=y" / "O=y\nCN=x": the same name, compared by its attributes. */
function nameKey(dn: string): string {
  return dn
    .split(/,(?![^=,]*\\)|\n/)
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean)
    .sort()
    .join('|');
}

/**
 * Which of the CAs the Microsoft chains need are in ISE's trusted store: present (same
 * fingerprint, not expired, enabled), expired (ISE holds it, or one of the same name, out of
 * date), or missing. Pure; `now` is injected.
 */
export function compareTrustStore(needed: readonly IseCaCertificate[], store: readonly TrustedCertificateRead[], now: Date): RequiredCa[] {
  return needed.map((ca) => {
    const base = {
      sha256: ca.sha256,
      subject: ca.subject,
      ...(ca.subjectCN ? { subjectCN: ca.subjectCN } : {}),
      notAfter: ca.notAfter,
      role: ca.role,
      endpoints: [...ca.endpoints],
    };
    const exact = store.find((e) => sameFingerprint(e.sha256Fingerprint, ca.sha256));
    if (exact) {
      const expiry = parseIseDate(exact.expirationDate);
      const expired = !Number.isNaN(expiry) && expiry < now.getTime();
      return { ...base, state: expired ? 'expired' : 'present', iseName: exact.friendlyName };
    }
    // An older copy of the same CA (same subject, other key or validity) that has run out.
    const namesake = store.find((e) => nameKey(e.subject) === nameKey(ca.subject));
    if (namesake) {
      const expiry = parseIseDate(namesake.expirationDate);
      if (!Number.isNaN(expiry) && expiry < now.getTime()) return { ...base, state: 'expired', iseName: namesake.friendlyName };
    }
    return { ...base, state: 'missing' };
  });
}
