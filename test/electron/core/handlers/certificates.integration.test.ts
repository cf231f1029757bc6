import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureChains, type CaptureOptions } from '../../../../electron/core/certificates';
import { dispatch } from '../../../../electron/core/handlers/dispatch';
import { certificateHandlers } from '../../../../electron/core/handlers/certificates';
import type { PracticeHost } from '../../../../electron/core/handlers/practice-tenant';
import { ProfileStore } from '../../../../electron/core/profiles/store';
import { createPracticeHost } from '../../../../electron/practice/host';
import type { CertificateAnalysis } from '../../../../shared/contract/certificates';

let dataDir: string;
let practiceHost: PracticeHost;
let store: ProfileStore;
let practiceId: string;
let customerId: string;
const seen: CaptureOptions[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'certs-handlers-'));
  practiceHost = createPracticeHost(dataDir);
  store = new ProfileStore({ dataDir });
  const c = (await practiceHost.get()).credentials();
  const fields = { tenantId: c.tenantId, clientId: c.clientId, mailbox: c.mailbox, customer: '', iseVersion: '', route: 'classic' as const };
  practiceId = store.create({ ...fields, name: 'Practice', practice: true }).id;
  customerId = store.create({ ...fields, name: 'Contoso', practice: false, smtpHost: 'smtp.contoso.example', smtpPort: 2587, proxy: 'http://proxy.contoso.example:3128' }).id;
});
afterAll(async () => {
  await practiceHost.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function handlers(capture?: (o: CaptureOptions) => Promise<CertificateAnalysis>) {
  const ctx = { dataDir, version: '0.0.0', shell: 'browser' as const, practice: true, practiceHost };
  return certificateHandlers(ctx, {
    store,
    capture: capture ?? ((o) => (seen.push(o), captureChains({ ...o, timeoutSeconds: 3 }, { env: {} }))),
  }) as Parameters<typeof dispatch>[0];
}

describe('captureCertificates / exportCertificates', () => {
  it('a practice profile captures the practice tenant\'s chains with its CA', async () => {
    const h = handlers();
    const r = await dispatch(h, 'captureCertificates', { profileId: practiceId });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.practice).toBe(true);
    expect(r.value.endpoints.every((e) => e.captured && e.trusted)).toBe(true);
    const tenant = await practiceHost.get();
    expect(seen.at(-1)).toMatchObject({ authorityHost: tenant.authorityHost, smtpPort: tenant.smtpPort, caPem: tenant.caPem });
    expect(r.value.caCertificates[0]?.sha256).toBe(new X509Certificate(tenant.caPem).fingerprint256);
  });

  it('exports one CA by fingerprint and the bundle, from the last capture', async () => {
    const h = handlers();
    const captured = await dispatch(h, 'captureCertificates', { profileId: practiceId });
    if (!captured.ok) throw new Error('capture failed');
    const ca = captured.value.caCertificates[0]!;
    const one = await dispatch(h, 'exportCertificates', { profileId: practiceId, which: ca.sha256 });
    expect(one).toMatchObject({ ok: true, value: { fileName: ca.fileName, mimeType: 'application/x-pem-file' } });
    if (one.ok) expect(new X509Certificate(one.value.content).fingerprint256).toBe(ca.sha256);
    const bundle = await dispatch(h, 'exportCertificates', { profileId: practiceId, which: 'bundle' });
    expect(bundle).toMatchObject({ ok: true, value: { fileName: 'ise-trusted-ca-bundle.pem' } });
  });

  it('export without a previous capture captures first', async () => {
    const calls: CaptureOptions[] = [];
    const h = handlers((o) => (calls.push(o), captureChains({ ...o, timeoutSeconds: 3 }, { env: {} })));
    const r = await dispatch(h, 'exportCertificates', { profileId: practiceId, which: 'bundle' });
    expect(r.ok).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('a customer profile uses its own SMTP host, port and proxy (capture injected: no address but 127.0.0.1 in tests)', async () => {
    const calls: CaptureOptions[] = [];
    const empty = await captureChains({ authorityHost: 'https://127.0.0.1:1', smtpHost: '127.0.0.1', smtpPort: 1, timeoutSeconds: 1 }, { env: {} });
    const h = handlers(async (o) => (calls.push(o), empty));
    const r = await dispatch(h, 'captureCertificates', { profileId: customerId });
    expect(r.ok).toBe(true);
    expect(calls).toEqual([{ smtpHost: 'smtp.contoso.example', smtpPort: 2587, proxy: 'http://proxy.contoso.example:3128' }]);
  });

  it('errors are data naming the field: unknown fingerprint, malformed fingerprint, unknown profile', async () => {
    const h = handlers();
    await dispatch(h, 'captureCertificates', { profileId: practiceId });
    const unknown = await dispatch(h, 'exportCertificates', { profileId: practiceId, which: Array(32).fill('AA').join(':') });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'CERTIFICATE_NOT_FOUND', field: 'which' } });
    const malformed = await dispatch(h, 'exportCertificates', { profileId: practiceId, which: 'the-root' });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'which' } });
    const noProfile = await dispatch(h, 'captureCertificates', { profileId: customerId.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')) });
    expect(noProfile).toMatchObject({ ok: false, error: { code: 'PROFILE_NOT_FOUND' } });
  });
});
