import { describe, expect, it } from 'vitest';
import { compareTrustStore, parseIseDate } from '../../../../electron/core/ise/compare';
import type { IseCaCertificate } from '../../../../shared/contract/certificates';
import type { TrustedCertificateRead } from '../../../../electron/core/ise/read';

const SHA = 'AB:CD:'.repeat(15) + 'AB:CD';
const ca = { sha256: SHA, subject: 'C=US, O=DigiCert Inc, CN=DigiCert Global Root G2', subjectCN: 'DigiCert Global Root G2', notAfter: '2038-01-15T12:00:00.000Z', role: 'root', endpoints: ['token', 'smtp'] } as unknown as IseCaCertificate;
const entry = (over: Partial<TrustedCertificateRead>): TrustedCertificateRead => ({ id: '1', friendlyName: 'DigiCert Global Root G2', subject: 'CN=DigiCert Global Root G2,O=DigiCert Inc,C=US', sha256Fingerprint: SHA, expirationDate: 'Fri Jan 15 12:00:00 UTC 2038', trustedFor: 'Infrastructure', status: 'Enabled', ...over });
const now = new Date('2026-12-01T00:00:00Z');

describe('the trusted store against the chains', () => {
  it('present: the same fingerprint, in any spelling (lower case, no colons)', () => {
    expect(compareTrustStore([ca], [entry({ sha256Fingerprint: SHA.replace(/:/g, '').toLowerCase() })], now)[0]).toMatchObject({ state: 'present', iseName: 'DigiCert Global Root G2' });
  });
  it('missing: nothing with that fingerprint or name', () => {
    expect(compareTrustStore([ca], [entry({ sha256Fingerprint: '00'.repeat(32), subject: 'CN=Other' })], now)[0]!.state).toBe('missing');
  });
  it('expired: ISE holds it but out of date, or an expired namesake', () => {
    expect(compareTrustStore([ca], [entry({ expirationDate: 'Mon Jan 15 12:00:00 UTC 2024' })], now)[0]!.state).toBe('expired');
    expect(compareTrustStore([ca], [entry({ sha256Fingerprint: '11'.repeat(32), expirationDate: 'Mon Jan 15 12:00:00 UTC 2024' })], now)[0]!.state).toBe('expired');
  });
  it('reads Java dates with zones V8 does not know, and ISO', () => {
    expect(new Date(parseIseDate('Tue Jan 15 12:00:00 CET 2036')).toISOString()).toBe('2036-01-15T12:00:00.000Z');
    expect(parseIseDate('2036-01-15T12:00:00Z')).toBe(Date.UTC(2036, 0, 15, 12));
  });
});
