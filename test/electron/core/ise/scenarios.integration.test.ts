import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMissingCas, inspectIse } from '../../../../electron/core/ise';
import { importTrustedCa } from '../../../../electron/core/ise/import';
import { IseSession } from '../../../../electron/core/ise/session';
import { describeCertificate } from '../../../../electron/core/certificates';
import { readAudit } from '../../../../electron/core/ise/audit';
import type { IseInspection } from '../../../../shared/contract/ise';
import { ISE_PRACTICE_SCENARIOS, type IsePracticeScenario } from '../../../../shared/ise-api/practice';
import { startPracticePair, type PracticePair } from '../../../support/practice-ise';

/**
 * Every practice ISE scenario through the real client (node:https, pinned certificate, Basic
 * auth) against the emulator, with the exact set of finding codes each must produce.
 */
const EXPECTED: Record<IsePracticeScenario, string[]> = {
  healthy: ['ISE_CA_MISSING'],
  unpatched: ['ISE_CA_MISSING', 'ISE_VERSION_UNSUPPORTED'],
  'openapi-off': ['ISE_API_DISABLED'],
  'ers-off': ['ISE_API_DISABLED', 'ISE_CA_MISSING'],
  'wrong-password': ['ISE_AUTH_FAILED'],
  csrf: ['ISE_CA_MISSING'],
  'cas-present': [],
  'guest-sender': ['ISE_CA_MISSING', 'ISE_GUEST_SENDER_MISMATCH'],
};

const codes = (i: { findings: Array<{ code: string }> }) => [...new Set(i.findings.map((f) => f.code))].sort();

let pair: PracticePair;
beforeAll(async () => {
  pair = await startPracticePair('healthy');
});
afterAll(async () => {
  await pair?.close();
});

async function inspect(scenario: IsePracticeScenario, extra = {}): Promise<IseInspection> {
  await pair.ise.setScenario(scenario);
  return inspectIse(pair.options(extra));
}

describe('practice ISE scenarios through the real client', () => {
  for (const scenario of ISE_PRACTICE_SCENARIOS) {
    it(`${scenario}: exactly ${EXPECTED[scenario].join(', ') || 'no findings'}`, async () => {
      const r = await inspect(scenario);
      expect(codes(r)).toEqual([...EXPECTED[scenario]].sort());
    });
  }

  it('healthy: 3.4 P4 supported, four nodes with personas, who sends what, the practice CA missing', async () => {
    const r = await inspect('healthy');
    expect(r.pin).toBe('matched');
    expect(r.version).toMatchObject({ version: '3.4.0.608', patch: 4, text: '3.4 P4', source: 'openapi' });
    expect(r.verdict).toEqual({ state: 'supported', required: '3.4 P4' });
    expect(r.nodes.map((n) => [n.hostname, n.personas])).toEqual([
      ['ise-pan01', ['Primary PAN', 'Primary MnT']],
      ['ise-pan02', ['Secondary PAN', 'Secondary MnT']],
      ['ise-psn01', ['PSN']],
      ['ise-psn02', ['PSN']],
    ]);
    expect(Object.fromEntries(r.mailRoutes.map((m) => [m.mail, m.nodes]))).toEqual({
      guestExpiry: ['ise-pan01'],
      alarms: ['ise-pan01'],
      portals: ['ise-psn01', 'ise-psn02'],
      passwordExpiry: ['ise-pan01'],
    });
    const missing = r.trustedStore.required.filter((c) => c.state === 'missing');
    expect(missing.map((c) => c.subjectCN)).toEqual(['ise-smtp-oauth Practice Root CA']);
    expect(missing[0]!.endpoints.sort()).toEqual(['smtp', 'token']);
    expect(r.guestSmtp?.matchesMailbox).toBe(true);
    expect(r.ok).toBe(false);
  });

  it('unpatched: 3.3 P6 against the 3.3 P8 minimum', async () => {
    const r = await inspect('unpatched');
    expect(r.version?.text).toBe('3.3 P6');
    expect(r.verdict).toEqual({ state: 'unsupported', required: '3.3 P8' });
    expect(r.findings.find((f) => f.code === 'ISE_VERSION_UNSUPPORTED')?.params).toEqual({ version: '3.3 P6', minimum: '3.3 P8' });
  });

  it('openapi-off: the version still comes from ERS; the finding names OpenAPI and the API Settings page', async () => {
    const r = await inspect('openapi-off');
    expect(r.apis.openapi.state).toBe('off');
    expect(r.apis.ers.state).toBe('answered');
    expect(r.version).toMatchObject({ text: '3.4 P4', source: 'ers' });
    const f = r.findings.find((x) => x.code === 'ISE_API_DISABLED')!;
    expect(f.params).toMatchObject({ api: 'OpenAPI', path: 'Administration > System > Settings > API Settings > API Service Settings' });
    expect(r.trustedStore.read).toBe(false);
  });

  it('ers-off: the ERS port is closed, OpenAPI reads everything but the guest settings', async () => {
    const r = await inspect('ers-off');
    expect(r.apis.ers.state).toBe('off');
    expect(r.findings.find((x) => x.code === 'ISE_API_DISABLED')!.params).toMatchObject({ api: 'ERS' });
    expect(r.nodes).toHaveLength(4);
    expect(r.guestSmtp).toBeNull();
  });

  it('csrf: the client fetches the token and replays it; the guest settings are read', async () => {
    const r = await inspect('csrf');
    expect(r.apis.csrf).toBe(true);
    expect(r.guestSmtp?.matchesMailbox).toBe(true);
  });

  it('csrf: a client that cannot do CSRF gets ISE_CSRF_REQUIRED (and healthy never does)', async () => {
    const r = await inspect('csrf', { honourCsrf: false });
    expect(codes(r)).toContain('ISE_CSRF_REQUIRED');
    expect(codes(await inspect('healthy', { honourCsrf: false }))).not.toContain('ISE_CSRF_REQUIRED');
  });

  it('guest-sender: names the default From ISE has and the mailbox', async () => {
    const r = await inspect('guest-sender');
    expect(r.findings.find((f) => f.code === 'ISE_GUEST_SENDER_MISMATCH')!.params).toEqual({ actual: 'donotreply@practice.example', mailbox: pair.tenant.credentials().mailbox });
  });
});

describe('connecting: the pin, the CA file, the account', () => {
  it('first contact: no pin → ISE_CERT_UNPINNED with fingerprint and subject, and no call is made', async () => {
    await pair.ise.setScenario('healthy');
    const before = pair.ise.requests().length;
    const r = await inspectIse(pair.options({ pinSha256: undefined }));
    expect(pair.ise.requests().length).toBe(before);
    expect(codes(r)).toEqual(['ISE_CERT_UNPINNED']);
    expect(r.findings[0]!.params).toMatchObject({ sha256: pair.ise.adminSha256, subject: 'CN=ise-pan01.practice.example, O=ise-smtp-oauth practice ISE' });
    expect(r.apis.ers.state).toBe('not-tried');
  });

  it('a CA file that holds the admin certificate verifies it (ca-verified); a foreign one does not', async () => {
    const ok = await inspectIse(pair.options({ pinSha256: undefined, caPem: pair.ise.adminCertificatePem }));
    expect(ok.pin).toBe('ca-verified');
    expect(codes(ok)).toEqual(['ISE_CA_MISSING']);
    const bad = await inspectIse(pair.options({ pinSha256: undefined, caPem: pair.tenant.caPem }));
    expect(codes(bad)).toEqual(['ISE_CERT_UNTRUSTED']);
  });

  it('the ERS Operator account: ERS reads work, OpenAPI is refused → ISE_ROLE_MISSING', async () => {
    const r = await inspect('healthy', { username: pair.ise.accounts.ersOperator });
    expect(codes(r)).toEqual(['ISE_ROLE_MISSING']);
    expect(r.findings[0]!.params).toMatchObject({ api: 'OpenAPI', user: 'ersoperator' });
  });

  it('a Helpdesk admin without the ERS group: OpenAPI answers, ERS 401 → ISE_ROLE_MISSING, not ISE_AUTH_FAILED', async () => {
    const r = await inspect('healthy', { username: pair.ise.accounts.helpdesk });
    expect(codes(r)).toEqual(['ISE_CA_MISSING', 'ISE_ROLE_MISSING']);
    expect(r.findings.find((f) => f.code === 'ISE_ROLE_MISSING')!.params).toMatchObject({ api: 'ERS', status: 401 });
  });

  it('nothing listening → ISE_UNREACHABLE', async () => {
    const r = await inspectIse(pair.options({ ersPort: 1, apiPort: 1 }));
    expect(codes(r)).toEqual(['ISE_UNREACHABLE']);
  });

  it('a re-issued admin certificate → ISE_CERT_CHANGED, and the password is never sent to it', async () => {
    await pair.ise.setScenario('healthy');
    const pinned = pair.ise.adminSha256;
    const fresh = await pair.ise.reissueAdminCertificate();
    try {
      const before = pair.ise.requests().length;
      const r = await inspectIse(pair.options({ pinSha256: pinned }));
      expect(pair.ise.requests().length).toBe(before);
      expect(codes(r)).toEqual(['ISE_CERT_CHANGED']);
      expect(r.findings[0]!.params).toMatchObject({ pinned, sha256: fresh });
      expect(r.apis.ers.state).toBe('not-tried');
      // Accepting the new fingerprint works again.
      expect(codes(await inspectIse(pair.options({ pinSha256: fresh })))).toEqual(['ISE_CA_MISSING']);
    } finally {
      await pair.ise.setScenario('healthy');
    }
  });
});

describe('egress judged from the proxy settings', () => {
  it('this laptop needs a proxy and ISE has none → ISE_NODE_NO_EGRESS for each sending node; with an ISE proxy it does not fire', async () => {
    await pair.ise.setScenario('cas-present');
    const viaProxy = (o: ReturnType<typeof pair.options>) => ({ ...o, microsoft: { ...o.microsoft, proxy: 'http://127.0.0.1:9', timeoutSeconds: 2 } });
    const r = await inspectIse(viaProxy(pair.options()));
    expect(r.laptopPath.token).toBe('proxy 127.0.0.1:9');
    expect(r.findings.filter((f) => f.code === 'ISE_NODE_NO_EGRESS').map((f) => f.params['node'])).toEqual(['ise-pan01', 'ise-psn01', 'ise-psn02']);
    pair.ise.setProxy({ fqdn: 'proxy.practice.example', port: 8080 });
    try {
      const withProxy = await inspectIse(viaProxy(pair.options()));
      expect(withProxy.proxy).toMatchObject({ configured: true, fqdn: 'proxy.practice.example', port: 8080 });
      expect(codes(withProxy)).not.toContain('ISE_NODE_NO_EGRESS');
    } finally {
      pair.ise.setProxy({ fqdn: '', port: null });
    }
  });
});

describe('the trusted store fixed', () => {
  it('healthy: imports the missing CA with the guide\'s trust flag, reads it back, audits it; a second run is a no-op', async () => {
    await pair.ise.setScenario('healthy');
    const r = await importMissingCas({ ...pair.options(), auditDataDir: pair.dataDir, profileId: '11111111-2222-4333-8444-555555555555' });
    expect(r.ok).toBe(true);
    expect(r.results).toHaveLength(1);
    expect(r.results[0]).toMatchObject({ outcome: 'imported', readBack: true });
    expect(r.trustFlags).toEqual({ trustForIseAuth: true, trustForClientAuth: false, trustForCertificateBasedAdminAuth: false, trustForCiscoServicesAuth: false });
    const entry = pair.ise.trustStore().find((e) => e.sha256Fingerprint === r.results[0]!.sha256)!;
    expect(entry.trustedFor).toBe('Infrastructure');
    expect(r.inspection.findings.map((f) => f.code)).not.toContain('ISE_CA_MISSING');
    const audit = await readAudit(pair.dataDir);
    expect(audit.at(-1)).toMatchObject({ action: 'ise.trusted-certificate.import', outcome: 'imported', sha256: r.results[0]!.sha256, iseHost: '127.0.0.1' });

    const again = await importMissingCas(pair.options());
    expect(again.results).toEqual([]);
    expect(codes(again.inspection)).toEqual([]);
  });

  it('a duplicate ("binary equal", 409) counts as success, and ISE keeps one copy', async () => {
    await pair.ise.setScenario('healthy');
    const ca = describeCertificate(pair.tenant.caPem);
    const item = { ...ca, role: 'root' as const, source: 'served' as const, endpoints: ['token' as const], fileName: 'ca.pem' };
    const o = pair.options();
    const session = new IseSession({ host: o.host, ersPort: o.ersPort!, apiPort: o.apiPort!, username: o.username, password: o.password, trust: { kind: 'pin', sha256: o.pinSha256! }, timeoutMs: 5000 });
    expect((await importTrustedCa(session, item)).outcome).toBe('imported');
    const second = await importTrustedCa(session, item);
    expect(second).toMatchObject({ outcome: 'already-present' });
    expect(second.message).toMatch(/binary equal/);
    expect(pair.ise.trustStore().filter((e) => e.sha256Fingerprint === ca.sha256)).toHaveLength(1);
  });

  it('what-if: plans the import, sends nothing', async () => {
    await pair.ise.setScenario('healthy');
    const before = pair.ise.trustStore().length;
    const r = await importMissingCas({ ...pair.options(), whatIf: true });
    expect(r.whatIf).toBe(true);
    expect(r.results).toEqual([]);
    expect(r.audit.map((a) => a.outcome)).toEqual(['planned']);
    expect(pair.ise.trustStore().length).toBe(before);
  });

  it('cas-present: nothing to import, the CA reads as present', async () => {
    await pair.ise.setScenario('cas-present');
    const p = await importMissingCas(pair.options());
    expect(p.results).toEqual([]);
    expect(p.ok).toBe(true);
    expect(p.inspection.trustedStore.required.map((c) => c.state)).toEqual(['present']);
  });
});
