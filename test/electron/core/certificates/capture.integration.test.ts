import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureChains, exportPem, splitPem } from '../../../../electron/core/certificates';
import { startPracticeTenant, type PracticeTenant } from '../../../../electron/practice';
import { CertificateAnalysisSchema, ISE_TRUST_OPTION } from '../../../../shared/contract/certificates';
import { freePort, startTinyproxy } from '../../../support/tinyproxy';

let dataDir: string;
let tenant: PracticeTenant;
let proxy: { url: string; stop: () => void };
let practiceCaSha: string;
let foreignCaSha: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'certs-capture-'));
  tenant = await startPracticeTenant({ dataDir });
  proxy = await startTinyproxy(dataDir);
  practiceCaSha = new X509Certificate(tenant.caPem).fingerprint256;
  foreignCaSha = new X509Certificate(readFileSync(path.join(dataDir, 'practice', 'untrusted-ca.pem'), 'utf8')).fingerprint256;
});

afterAll(async () => {
  proxy?.stop();
  await tenant?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const endpoints = () => ({ authorityHost: tenant.authorityHost, smtpHost: tenant.smtpHost, smtpPort: tenant.smtpPort, caPem: tenant.caPem, timeoutSeconds: 3 });

describe('captureChains against the practice tenant', () => {
  it('healthy: captures both chains, trusted, and names the practice root once for both hosts', async () => {
    tenant.setScenario('healthy');
    const a = CertificateAnalysisSchema.parse(await captureChains(endpoints(), { env: {} }));
    expect(a.ok).toBe(true);
    expect(a.endpoints.map((e) => [e.endpoint, e.captured, e.trusted, e.rootPresent])).toEqual([
      ['token', true, true, true],
      ['smtp', true, true, true],
    ]);
    for (const e of a.endpoints) {
      expect(e.chain.map((c) => c.subjectCN)).toEqual(['localhost', 'ise-smtp-oauth Practice Root CA']);
      expect(e.findings).toEqual([]);
    }
    expect(a.endpoints[1]!.port).toBe(tenant.smtpPort);
    expect(a.caCertificates).toHaveLength(1);
    expect(a.caCertificates[0]).toMatchObject({ sha256: practiceCaSha, role: 'root', source: 'served', endpoints: ['token', 'smtp'], isCA: true, selfSigned: true });
    expect(a.caCertificates[0]!.fileName).toBe('ise-smtp-oauth_Practice_Root_CA.pem');
    expect(a.trustOption).toBe(ISE_TRUST_OPTION);
  });

  it('healthy: each exported PEM round-trips through X509Certificate with the captured SHA-256', async () => {
    tenant.setScenario('healthy');
    const a = await captureChains(endpoints(), { env: {} });
    const one = exportPem(a, a.caCertificates[0]!.sha256)!;
    expect(new X509Certificate(one.content).fingerprint256).toBe(a.caCertificates[0]!.sha256);
    const bundle = exportPem(a, 'bundle')!;
    expect(splitPem(bundle.content).map((p) => new X509Certificate(p).fingerprint256)).toEqual([practiceCaSha]);
    for (const e of a.endpoints) for (const c of e.chain) expect(new X509Certificate(c.pem).fingerprint256).toBe(c.sha256);
  });

  it('untrusted-certificate: captures the foreign chain anyway and flags it untrusted', async () => {
    tenant.setScenario('untrusted-certificate');
    try {
      const a = await captureChains(endpoints(), { env: {} });
      expect(a.ok).toBe(true);
      for (const e of a.endpoints) {
        expect(e.captured).toBe(true);
        expect(e.trusted).toBe(false);
        expect(e.findings.map((f) => f.code)).toEqual(['TLS_UNTRUSTED_CHAIN']);
        expect(e.chain.at(-1)?.subjectCN).toBe('Untrusted Inspection CA');
      }
      expect(a.caCertificates.map((c) => c.sha256)).toEqual([foreignCaSha]);
    } finally {
      tenant.setScenario('healthy');
    }
  });

  it('without the extra CA the practice chain is captured but not trusted', async () => {
    const { caPem: _omit, ...rest } = endpoints();
    const a = await captureChains(rest, { env: {} });
    expect(a.endpoints.every((e) => e.captured && !e.trusted)).toBe(true);
    expect(a.caCertificates.map((c) => c.sha256)).toEqual([practiceCaSha]);
  });

  it('through tinyproxy: the same chains, with the proxy named', async () => {
    tenant.setScenario('healthy');
    const direct = await captureChains(endpoints(), { env: {} });
    const viaProxy = await captureChains({ ...endpoints(), proxy: proxy.url }, { env: {} });
    expect(viaProxy.ok).toBe(true);
    expect(viaProxy.endpoints.map((e) => e.proxy)).toEqual([proxy.url.replace('http://', ''), proxy.url.replace('http://', '')]);
    expect(viaProxy.endpoints.map((e) => e.chain.map((c) => c.sha256))).toEqual(direct.endpoints.map((e) => e.chain.map((c) => c.sha256)));
    expect(viaProxy.caCertificates.map((c) => c.sha256)).toEqual([practiceCaSha]);
  });

  it('a closed port and a dead proxy become classified findings, not exceptions', async () => {
    const closed = await freePort();
    const refused = await captureChains({ authorityHost: `https://127.0.0.1:${closed}`, smtpHost: '127.0.0.1', smtpPort: closed, timeoutSeconds: 2 }, { env: {} });
    expect(refused.ok).toBe(false);
    expect(refused.endpoints.map((e) => [e.captured, e.findings[0]?.code])).toEqual([
      [false, 'NET_CONNECT_REFUSED'],
      [false, 'NET_CONNECT_REFUSED'],
    ]);
    expect(refused.caCertificates).toEqual([]);
    const deadProxy = await captureChains({ ...endpoints(), proxy: `http://127.0.0.1:${closed}` }, { env: {} });
    expect(deadProxy.endpoints.map((e) => e.findings[0]?.code)).toEqual(['NET_PROXY_FAILED', 'NET_PROXY_FAILED']);
  });

  it('an unreadable CA file is reported, and the capture still runs', async () => {
    const { caPem: _omit, ...rest } = endpoints();
    const a = await captureChains({ ...rest, caFile: path.join(dataDir, 'missing.pem') }, { env: {} });
    expect(a.caFileError).toBe('ENOENT');
    expect(a.endpoints.every((e) => e.captured)).toBe(true);
  });
});
