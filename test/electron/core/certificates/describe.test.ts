import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeCertificate, nameAttribute } from '../../../../electron/core/certificates';
import { ca, days, leaf, type Pair } from '../../../support/pki';

const now = new Date('2026-03-01T12:00:00Z');
let root: Pair;
let intermediate: Pair;
let server: Pair;

beforeAll(async () => {
  root = await ca('Contoso Test Root CA', now, { organization: 'Contoso Ltd' });
  intermediate = await ca('Contoso Issuing CA 01', now, { issuer: root, organization: 'Contoso Ltd' });
  server = await leaf(now, { issuer: intermediate });
});

describe('nameAttribute', () => {
  it('reads CN and O from Node\'s newline-separated names, commas inside values kept', () => {
    // As Node prints Entrust's root: RFC 4514 escapes for commas.
    const dn = 'C=US\nO=Contoso\\, Ltd.\nCN=Contoso Issuing CA 01';
    expect(nameAttribute(dn, 'CN')).toBe('Contoso Issuing CA 01');
    expect(nameAttribute(dn, 'o')).toBe('Contoso, Ltd.');
    expect(nameAttribute(dn, 'OU')).toBeUndefined();
  });
});

describe('describeCertificate', () => {
  it('names subject and issuer, marks a root as CA and self-signed', () => {
    const d = describeCertificate(root.cert, now);
    expect(d).toMatchObject({ subjectCN: 'Contoso Test Root CA', subjectO: 'Contoso Ltd', issuerCN: 'Contoso Test Root CA', isCA: true, selfSigned: true });
    expect(d.subject).toContain('CN=Contoso Test Root CA');
  });

  it('an intermediate is a CA but not self-signed; a leaf is neither', () => {
    expect(describeCertificate(intermediate.cert, now)).toMatchObject({ isCA: true, selfSigned: false, issuerCN: 'Contoso Test Root CA' });
    expect(describeCertificate(server.cert, now)).toMatchObject({ isCA: false, selfSigned: false, issuerCN: 'Contoso Issuing CA 01' });
  });

  it('its PEM round-trips through X509Certificate with the same SHA-256', () => {
    const d = describeCertificate(intermediate.cert, now);
    const again = new X509Certificate(d.pem);
    expect(again.fingerprint256).toBe(d.sha256);
    expect(d.sha256).toBe(new X509Certificate(intermediate.cert).fingerprint256);
    expect(d.pem).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----\n$/);
  });

  it('gives ISO dates for the validity period', () => {
    const d = describeCertificate(server.cert, now);
    expect(Date.parse(d.notBefore)).toBeLessThan(now.getTime());
    expect(Date.parse(d.notAfter)).toBeGreaterThan(now.getTime());
    expect(d.notAfter).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('flags expired, expiring within 30 days, and not yet valid, by the given clock', async () => {
    const valid = describeCertificate(server.cert, now);
    expect(valid).toMatchObject({ expired: false, expiringSoon: false, notYetValid: false });
    const notAfter = Date.parse(valid.notAfter);
    expect(describeCertificate(server.cert, new Date(notAfter + 1000))).toMatchObject({ expired: true, expiringSoon: false });
    expect(describeCertificate(server.cert, new Date(notAfter - days(29)))).toMatchObject({ expired: false, expiringSoon: true });
    expect(describeCertificate(server.cert, new Date(notAfter - days(30)))).toMatchObject({ expiringSoon: true });
    expect(describeCertificate(server.cert, new Date(notAfter - days(31)))).toMatchObject({ expiringSoon: false });
    expect(describeCertificate(server.cert, new Date(Date.parse(valid.notBefore) - 1000))).toMatchObject({ notYetValid: true });
  });
});
