import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../../electron/core/handlers/dispatch';
import { iseHandlers } from '../../../../electron/core/handlers/ise';
import type { PracticeHost } from '../../../../electron/core/handlers/practice-tenant';
import { ProfileStore } from '../../../../electron/core/profiles/store';
import type { KeytarLike } from '../../../../electron/core/vault/keychain-status';
import { Vault } from '../../../../electron/core/vault/vault';
import { createPracticeHost } from '../../../../electron/practice/host';
import type { CallName } from '../../../../shared/contract';
import { iseAccount } from '../../../../shared/ise-api/connection';

/** An in-memory keychain: what the handlers put there is what a real one would hold. */
function memoryKeytar(): KeytarLike & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getPassword: async (_s, a) => entries.get(a) ?? null,
    setPassword: async (_s, a, p) => void entries.set(a, p),
    deletePassword: async (_s, a) => entries.delete(a),
    findCredentials: async () => [...entries].map(([account, password]) => ({ account, password })),
  };
}

let dataDir: string;
let practiceHost: PracticeHost;
let store: ProfileStore;
let keytar: ReturnType<typeof memoryKeytar>;
let h: Handlers;
let practiceId: string;
let customerId: string;
const replies: string[] = [];

async function call<T = Record<string, unknown>>(name: CallName, input: unknown): Promise<T> {
  const r = await dispatch(h, name, input);
  replies.push(JSON.stringify(r));
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ise-handlers-'));
  practiceHost = createPracticeHost(dataDir);
  store = new ProfileStore({ dataDir });
  keytar = memoryKeytar();
  const c = (await practiceHost.get()).credentials();
  const fields = { tenantId: c.tenantId, clientId: c.clientId, mailbox: c.mailbox, customer: '', iseVersion: '', route: 'classic' as const };
  practiceId = store.create({ ...fields, name: 'Practice', practice: true }).id;
  customerId = store.create({ ...fields, name: 'Contoso', practice: false }).id;
  const ctx = { dataDir, version: '0.0.0', shell: 'browser' as const, practice: true, practiceHost };
  h = iseHandlers(ctx, { store, vault: new Vault({ keytar }) }) as unknown as Handlers;
});
afterAll(async () => {
  await practiceHost.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('ISE calls on the practice profile', () => {
  it('connect → fingerprint shown, accept → pinned, inspect → verdict, nodes, missing CA; import → read back', async () => {
    const ise = await practiceHost.ise!();
    const first = await call<{ pin: string; certificate: { sha256: string; subject: string }; findings: Array<{ code: string }> }>('iseConnect', { profileId: practiceId });
    expect(first.pin).toBe('unpinned');
    expect(first.certificate.sha256).toBe(ise.adminSha256);
    expect(first.findings.map((f) => f.code)).toEqual(['ISE_CERT_UNPINNED']);

    const accepted = await call<{ connection: { pinnedSha256: string; passwordStored: boolean } }>('iseAcceptCertificate', { profileId: practiceId, sha256: first.certificate.sha256 });
    expect(accepted.connection).toMatchObject({ pinnedSha256: ise.adminSha256, passwordStored: true });
    expect(store.get(practiceId).ise?.pinnedSha256).toBe(ise.adminSha256);

    const inspected = await call<{ verdict: { state: string }; nodes: Array<{ hostname: string }>; findings: Array<{ code: string }> }>('iseInspect', { profileId: practiceId });
    expect(inspected.verdict.state).toBe('supported');
    expect(inspected.nodes.map((n) => n.hostname)).toEqual(['ise-pan01', 'ise-pan02', 'ise-psn01', 'ise-psn02']);
    expect(inspected.findings.map((f) => f.code)).toEqual(['ISE_CA_MISSING']);

    const imported = await call<{ ok: boolean; results: Array<{ outcome: string; readBack: boolean }> }>('iseImportCas', { profileId: practiceId });
    expect(imported.ok).toBe(true);
    expect(imported.results).toEqual([expect.objectContaining({ outcome: 'imported', readBack: true })]);
    expect((await call<{ findings: unknown[] }>('iseInspect', { profileId: practiceId })).findings).toEqual([]);
  });

  it('the practice scenario switch: unpatched → ISE_VERSION_UNSUPPORTED; back to healthy', async () => {
    await call('isePracticeScenario', { scenario: 'unpatched' });
    const r = await call<{ verdict: { state: string; required: string } }>('iseInspect', { profileId: practiceId });
    expect(r.verdict).toEqual({ state: 'unsupported', required: '3.3 P8' });
    await call('isePracticeScenario', { scenario: 'healthy' });
  });

  it('accepting a fingerprint ISE does not present fails, and pins nothing', async () => {
    const r = await dispatch(h, 'iseAcceptCertificate', { profileId: practiceId, sha256: 'AA:'.repeat(31) + 'AA' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('ISE_CERT_MISMATCH');
  });
});

describe('ISE calls on a customer profile', () => {
  it('the password goes to the keychain under the profile, never into profiles.json or a reply', async () => {
    const ise = await practiceHost.ise!();
    const r = await call<{ connection: Record<string, unknown>; pin: string }>('iseConnect', { profileId: customerId, host: ise.host, username: ise.username, password: ise.password, ersPort: ise.ersPort, apiPort: ise.apiPort });
    expect(r.pin).toBe('unpinned');
    expect(r.connection).toMatchObject({ host: ise.host, username: 'admin', passwordStored: true });
    expect(keytar.entries.get(iseAccount(customerId))).toBe(ise.password);
    await call('iseAcceptCertificate', { profileId: customerId, sha256: ise.adminSha256 });
    await call('iseInspect', { profileId: customerId });
    const files = readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toContain(ise.password);
    for (const reply of replies) expect(reply).not.toContain(ise.password);
  });

  it('inspect without a connection or a password is a clear error, not a crash', async () => {
    const other = store.create({ tenantId: store.get(customerId).tenantId, clientId: store.get(customerId).clientId, mailbox: 'a@b.example', customer: '', iseVersion: '', route: 'classic', name: 'Fabrikam', practice: false }).id;
    const r = await dispatch(h, 'iseInspect', { profileId: other });
    expect(!r.ok && r.error.code).toBe('ISE_NOT_CONNECTED');
    await call('iseConnect', { profileId: other, host: '127.0.0.1', username: 'admin', apiPort: 1, ersPort: 1 });
    const r2 = await dispatch(h, 'iseInspect', { profileId: other });
    expect(!r2.ok && r2.error.code).toBe('ISE_PASSWORD_MISSING');
  });
});
