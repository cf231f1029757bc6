import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  allPemFiles,
  bundlePem,
  describeCertificate,
  exportPem,
  localIssuerFinder,
  selectIseCas,
  splitPem,
  type CapturedChain,
} from '../../../../electron/core/certificates';
import type { CertificateSummary } from '../../../../shared/contract/certificates';
import { ca, leaf, type Pair } from '../../../support/pki';

const now = new Date('2026-03-01T12:00:00Z');
let root: Pair;
let issuing: Pair;
let otherIssuing: Pair;
let tokenLeaf: Pair;
let smtpLeaf: Pair;
let selfSignedLeaf: Pair;
const d = (p: Pair): CertificateSummary => describeCertificate(p.cert, now);
const none = () => undefined;

beforeAll(async () => {
  root = await ca('Contoso Global Root G2', now);
  issuing = await ca('Contoso RSA TLS Issuing CA 03', now, { issuer: root });
  otherIssuing = await ca('Contoso RSA TLS Issuing CA 04', now, { issuer: root });
  tokenLeaf = await leaf(now, { issuer: issuing, commonName: 'login.microsoftonline.com' });
  smtpLeaf = await leaf(now, { issuer: otherIssuing, commonName: 'outlook.office365.com' });
  selfSignedLeaf = await leaf(now, { commonName: 'smtp.contoso.com' });
});

describe('selectIseCas', () => {
  it('picks the intermediates and the root above the leaf, never the leaf', () => {
    const chains: CapturedChain[] = [{ endpoint: 'token', chain: [d(tokenLeaf), d(issuing), d(root)] }];
    const s = selectIseCas(chains, none, now);
    expect(s.caCertificates.map((c) => [c.subjectCN, c.role, c.source])).toEqual([
      ['Contoso RSA TLS Issuing CA 03', 'intermediate', 'served'],
      ['Contoso Global Root G2', 'root', 'served'],
    ]);
    expect(s.byEndpoint.token).toEqual({ rootPresent: true });
  });

  it('dedupes a root shared by both hosts and lists both endpoints', () => {
    const s = selectIseCas(
      [
        { endpoint: 'token', chain: [d(tokenLeaf), d(issuing), d(root)] },
        { endpoint: 'smtp', chain: [d(smtpLeaf), d(otherIssuing), d(root)] },
      ],
      none,
      now,
    );
    expect(s.caCertificates).toHaveLength(3);
    const rootEntry = s.caCertificates.find((c) => c.role === 'root')!;
    expect(rootEntry.endpoints).toEqual(['token', 'smtp']);
    expect(s.caCertificates.find((c) => c.subjectCN === 'Contoso RSA TLS Issuing CA 04')?.endpoints).toEqual(['smtp']);
    expect(new Set(s.caCertificates.map((c) => c.fileName)).size).toBe(3);
    expect(rootEntry.fileName).toBe('Contoso_Global_Root_G2.pem');
  });

  it('the same chain from both hosts gives each CA once', () => {
    const chain = [d(tokenLeaf), d(issuing), d(root)];
    const s = selectIseCas([{ endpoint: 'token', chain }, { endpoint: 'smtp', chain }], none, now);
    expect(s.caCertificates.map((c) => c.endpoints)).toEqual([['token', 'smtp'], ['token', 'smtp']]);
  });

  it('names the issuer to fetch when the root is neither served nor local', () => {
    const s = selectIseCas([{ endpoint: 'smtp', chain: [d(smtpLeaf), d(otherIssuing)] }], none, now);
    expect(s.caCertificates.map((c) => c.subjectCN)).toEqual(['Contoso RSA TLS Issuing CA 04']);
    expect(s.byEndpoint.smtp).toEqual({ rootPresent: false, missingRoot: { issuer: 'CN=Contoso Global Root G2', issuerCN: 'Contoso Global Root G2' } });
  });

  it('completes a chain without its root from the local trust store (by signature, not by name)', () => {
    const finder = localIssuerFinder(root.cert, []);
    const s = selectIseCas([{ endpoint: 'smtp', chain: [d(smtpLeaf), d(otherIssuing)] }], finder, now);
    expect(s.caCertificates.map((c) => [c.subjectCN, c.role, c.source])).toEqual([
      ['Contoso RSA TLS Issuing CA 04', 'intermediate', 'served'],
      ['Contoso Global Root G2', 'root', 'local-trust-store'],
    ]);
    expect(s.byEndpoint.smtp).toEqual({ rootPresent: true });
  });

  it('climbs from a lone leaf through a local intermediate to the root', () => {
    const finder = localIssuerFinder(`${issuing.cert}\n${root.cert}`, []);
    const s = selectIseCas([{ endpoint: 'token', chain: [d(tokenLeaf)] }], finder, now);
    expect(s.caCertificates.map((c) => c.subjectCN)).toEqual(['Contoso RSA TLS Issuing CA 03', 'Contoso Global Root G2']);
    expect(s.byEndpoint.token.rootPresent).toBe(true);
  });

  it('a lone self-signed server certificate is itself what ISE must trust', () => {
    const s = selectIseCas([{ endpoint: 'smtp', chain: [d(selfSignedLeaf)] }], none, now);
    expect(s.caCertificates.map((c) => [c.subjectCN, c.role])).toEqual([['smtp.contoso.com', 'self-signed-server']]);
  });

  it('an endpoint with no chain contributes nothing', () => {
    const s = selectIseCas([{ endpoint: 'token', chain: [] }], none, now);
    expect(s.caCertificates).toEqual([]);
    expect(s.byEndpoint.token).toEqual({ rootPresent: false });
  });

  it('keeps the expiry flags of each CA', async () => {
    const dying = await ca('Contoso Short-Lived CA', now, { issuer: root, days: 10 });
    const s = selectIseCas([{ endpoint: 'token', chain: [d(tokenLeaf), d(dying), d(root)] }], none, now);
    expect(s.caCertificates[0]).toMatchObject({ subjectCN: 'Contoso Short-Lived CA', expiringSoon: true, expired: false });
  });
});

describe('localIssuerFinder', () => {
  it('ignores a CA with the right name but another key', async () => {
    const impostor = await ca('Contoso Global Root G2', now);
    const finder = localIssuerFinder(impostor.cert, []);
    expect(finder(otherIssuing.cert)).toBeUndefined();
    expect(localIssuerFinder(`${impostor.cert}${root.cert}`, [])(otherIssuing.cert)).toBeDefined();
  });

  it('splits a PEM file with several certificates', () => {
    expect(splitPem(`junk\n${root.cert}\n# comment\n${issuing.cert}`)).toHaveLength(2);
  });
});

describe('PEM export', () => {
  it('one file per CA and a bundle; each round-trips through X509Certificate with its SHA-256', () => {
    const s = selectIseCas([{ endpoint: 'token', chain: [d(tokenLeaf), d(issuing), d(root)] }], none, now);
    const analysis = { caCertificates: s.caCertificates, bundleFileName: 'ise-trusted-ca-bundle.pem' };
    const files = allPemFiles(analysis);
    expect(files.map((f) => f.fileName)).toEqual(['Contoso_RSA_TLS_Issuing_CA_03.pem', 'Contoso_Global_Root_G2.pem', 'ise-trusted-ca-bundle.pem']);
    for (const [i, ca] of s.caCertificates.entries()) {
      expect(new X509Certificate(files[i]!.content).fingerprint256).toBe(ca.sha256);
      expect(files[i]!.mimeType).toBe('application/x-pem-file');
    }
    const bundle = splitPem(files[2]!.content).map((p) => new X509Certificate(p).fingerprint256);
    expect(bundle).toEqual(s.caCertificates.map((c) => c.sha256));
    expect(files[2]!.content).toBe(bundlePem(s.caCertificates));
  });

  it('finds a CA by fingerprint in any case, and nothing for an unknown one', () => {
    const s = selectIseCas([{ endpoint: 'token', chain: [d(tokenLeaf), d(issuing), d(root)] }], none, now);
    const analysis = { caCertificates: s.caCertificates, bundleFileName: 'b.pem' };
    expect(exportPem(analysis, s.caCertificates[1]!.sha256.toLowerCase())?.fileName).toBe('Contoso_Global_Root_G2.pem');
    expect(exportPem(analysis, d(tokenLeaf).sha256)).toBeUndefined();
    expect(exportPem({ caCertificates: [], bundleFileName: 'b.pem' }, 'bundle')).toBeUndefined();
  });
});
