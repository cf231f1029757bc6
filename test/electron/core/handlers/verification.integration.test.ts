import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch, type Handlers } from '../../../../electron/core/handlers/dispatch';
import { createHandlers } from '../../../../electron/core/handlers';
import { ProfileStore } from '../../../../electron/core/profiles/store';
import { Vault } from '../../../../electron/core/vault/vault';
import type { KeytarLike } from '../../../../electron/core/vault/keychain-status';
import { createPracticeHost } from '../../../../electron/practice/host';
import { practiceHandlers } from '../../../../electron/core/handlers/practice';
import { verificationHandlers } from '../../../../electron/core/handlers/verification';
import type { PracticeHost } from '../../../../electron/core/handlers/practice-tenant';

/** An in-memory keychain, so this test is about the practice wiring, not the OS keychain. */
function memoryKeytar(): KeytarLike {
  const items = new Map<string, string>();
  return {
    getPassword: async (s, a) => items.get(`${s}/${a}`) ?? null,
    setPassword: async (s, a, p) => void items.set(`${s}/${a}`, p),
    deletePassword: async (s, a) => items.delete(`${s}/${a}`),
    findCredentials: async () => [],
  };
}

let dataDir: string;
let practiceHost: PracticeHost;
let handlers: Handlers;
let vault: Vault;
const outputs: string[] = [];

async function run<K extends keyof Handlers>(name: K, input: unknown) {
  const result = await dispatch(handlers, name, input);
  outputs.push(JSON.stringify(result));
  return result;
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'practice-profile-'));
  practiceHost = createPracticeHost(dataDir);
  const ctx = { dataDir, version: '0.0.0', shell: 'browser' as const, practice: true, practiceHost };
  vault = new Vault({ keytar: memoryKeytar() });
  const services = { store: new ProfileStore({ dataDir }), vault };
  handlers = { ...createHandlers(ctx), ...practiceHandlers(ctx, services), ...verificationHandlers(ctx, services) };
});
afterAll(() => practiceHost.close());

describe('practice profile and diagnoseProfile', () => {
  it('reports the practice tenant as not running until first use', async () => {
    const status = await run('practiceStatus', {});
    expect(status).toMatchObject({ ok: true, value: { active: false } });
    if (status.ok) expect(status.value.scenarios.map((s) => s.name)).toContain('healthy');
  });

  it('creates the practice profile with its secret stored in main, not returned', async () => {
    const result = await run('practiceProfile', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ name: 'Practice tenant', practice: true, secretStored: true, route: 'classic' });
    const secret = await vault.get(result.value.id);
    expect(secret).toBeTruthy();
    expect(JSON.stringify(result)).not.toContain(secret!);
    expect((await run('practiceStatus', {})).ok && outputs.at(-1)).toContain('"active":true');
  });

  it('verifies the healthy practice tenant and saves the full run as the last verification', async () => {
    const list = await run('profilesPage', {});
    const profile = list.ok ? list.value.profiles.find((p) => p.practice)! : null;
    const report = await run('diagnoseProfile', { profileId: profile!.id });
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    expect(report.value.ok).toBe(true);
    expect(report.value.target.practice).toBe(true);
    expect(report.value.checks.find((c) => c.id === 'smtp.auth')?.status).toBe('pass');
    const saved = await run('profileGet', { profileId: profile!.id });
    expect(saved.ok && saved.value.lastVerification?.ok).toBe(true);
  });

  it('a step-only run is not saved as the last verification', async () => {
    const list = await run('profilesPage', {});
    const profile = list.ok ? list.value.profiles.find((p) => p.practice)! : null;
    const before = profile!.lastVerification?.startedAt;
    const report = await run('diagnoseProfile', { profileId: profile!.id, steps: ['app-registration'] });
    expect(report.ok && report.value.checks.some((c) => c.id === 'smtp.auth')).toBe(false);
    const after = await run('profileGet', { profileId: profile!.id });
    expect(after.ok && after.value.lastVerification?.startedAt).toBe(before);
  });

  it('switching the scenario refreshes the practice profile, and the diagnosis names the cause', async () => {
    const switched = await run('practiceSetScenario', { scenario: 'wrong-tenant' });
    expect(switched).toMatchObject({ ok: true, value: { active: true, scenario: 'wrong-tenant' } });
    const list = await run('profilesPage', {});
    const profile = list.ok ? list.value.profiles.find((p) => p.practice)! : null;
    expect(profile!.lastVerification).toBeNull();
    const report = await run('diagnoseProfile', { profileId: profile!.id });
    expect(report.ok && report.value.findings.map((f) => f.code)).toContain('TOKEN_TENANT_NOT_FOUND');
    await run('practiceSetScenario', { scenario: 'healthy' });
  });

  it('rejects an unknown scenario naming the field', async () => {
    const result = await run('practiceSetScenario', { scenario: 'no-such-thing' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'scenario' } });
  });

  it('never puts a practice secret in a reply or in a file under the data folder', async () => {
    const list = await run('profilesPage', {});
    const profile = list.ok ? list.value.profiles.find((p) => p.practice)! : null;
    const secret = (await vault.get(profile!.id))!;
    for (const output of outputs) expect(output).not.toContain(secret);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk(dataDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(readFileSync(file, 'latin1')).not.toContain(secret);
  });
});

describe('the access token never leaves main', () => {
  it('no reply and no file under the data folder holds a JWT, after real token-bearing diagnoses', async () => {
    // Each diagnoseProfile above fetched a fresh access token (a JWT) from the practice tenant.
    const jwt = /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+/;
    expect(outputs.some((o) => o.includes('"smtp.auth"'))).toBe(true);
    for (const output of outputs) expect(output).not.toMatch(jwt);
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
    for (const file of walk(dataDir)) expect(readFileSync(file, 'latin1')).not.toMatch(jwt);
  });
});
