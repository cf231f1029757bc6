import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFleetCommand } from '../../../electron/cli/fleet';
import { runDiagnose } from '../../../electron/cli/diagnose';
import { dispatch } from '../../../electron/core/handlers/dispatch';
import { fleetHandlers } from '../../../electron/core/handlers/fleet';
import type { PracticeHost } from '../../../electron/core/handlers/practice-tenant';
import { ProfileStore } from '../../../electron/core/profiles/store';
import { Vault } from '../../../electron/core/vault/vault';
import type { KeytarLike } from '../../../electron/core/vault/keychain-status';
import { createPracticeHost } from '../../../electron/practice/host';
import { runCommand } from '../../support/run-command';

/**
 * The fleet check against the practice tenant: a healthy profile, one whose secret is wrong,
 * one with no secret stored, one expiring soon; through the CLI (`diagnose --all-profiles`) and
 * the contract (fleetCheck / fleetResults).
 */

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
let vault: Vault;
const ids: Record<string, string> = {};
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-'));
  practiceHost = createPracticeHost(dataDir);
  const c = (await practiceHost.get()).credentials();
  vault = new Vault({ keytar: memoryKeytar() });
  const store = new ProfileStore({ dataDir });
  const base = { tenantId: c.tenantId, clientId: c.clientId, mailbox: c.mailbox, practice: true };
  for (const [name, secret, expiry] of [
    ['Contoso', c.clientSecret, inDays(200)],
    ['Fabrikam wrong secret', 'Abc8Q~wrongwrongwrongwrongwrongwrongwr', inDays(90)],
    ['Northwind no secret', null, undefined],
    ['Tailspin expiring', c.clientSecret, inDays(5)],
  ] as const) {
    const p = store.create({ ...base, name, customer: name.split(' ')[0]!, ...(expiry ? { secretExpiry: expiry } : {}) } as never);
    ids[name] = p.id;
    if (secret) await vault.set(p.id, secret);
  }
}, 60_000);
afterAll(async () => {
  await practiceHost.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('diagnose --all-profiles', () => {
  it('checks every profile: a table of result, days to expiry and top finding; exit 1 when any fails', async () => {
    const { code, out, err } = await runCommand({ summary: '', usage: '', run: () => runFleetCommand({ dataDir, practiceHost, vault, concurrency: '2' }) }, []);
    expect(code).toBe(1);
    const line = (name: string) => out.split('\n').find((l) => l.startsWith(name))!;
    expect(out.split('\n')[0]).toMatch(/^profile\s+result\s+days to expiry\s+top finding$/);
    expect(line('Contoso')).toMatch(/healthy\s+(199|200)\s+–/);
    expect(line('Fabrikam wrong secret')).toMatch(/FAILED\s+(89|90)\s+TOKEN_SECRET_INVALID/);
    expect(line('Northwind no secret')).toMatch(/not checked\s+–\s+no client secret stored/);
    expect(line('Tailspin expiring')).toMatch(/warning\s+[45]\s+SECRET_EXPIRING_SOON/);
    // One progress line (not a terminal here: the closing line only).
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^checked 4 profile\(s\) in [\d.]+ s, 2 at a time: 1 healthy, 1 warning, 1 failed, 1 not checked$/m);
  }, 60_000);

  it('--json gives one document with every row; --html writes the table as a page', async () => {
    const html = path.join(dataDir, 'fleet.html');
    const { code, out } = await runCommand({ summary: '', usage: '', run: () => runFleetCommand({ dataDir, practiceHost, vault, json: true, html }) }, []);
    expect(code).toBe(1);
    const doc = JSON.parse(out);
    expect(doc).toMatchObject({ ok: false, concurrency: 8, counts: { healthy: 1, warning: 1, failed: 1, 'not-checked': 1 } });
    expect(doc.rows.map((r: { name: string }) => r.name)).toEqual(['Contoso', 'Fabrikam wrong secret', 'Northwind no secret', 'Tailspin expiring']);
    const page = fs.readFileSync(html, 'utf8');
    expect(page).toContain('<td>TOKEN_SECRET_INVALID</td>');
    expect(page).not.toMatch(/<script/i);
  }, 60_000);

  it('exits 0 when every checked profile is healthy (no finding fires on a healthy tenant)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-ok-'));
    const c = (await practiceHost.get()).credentials();
    const store = new ProfileStore({ dataDir: dir });
    for (const name of ['A', 'B', 'C']) {
      const p = store.create({ name, tenantId: c.tenantId, clientId: c.clientId, mailbox: c.mailbox, practice: true, secretExpiry: inDays(300) } as never);
      await vault.set(p.id, c.clientSecret);
    }
    const { code, out } = await runCommand({ summary: '', usage: '', run: () => runFleetCommand({ dataDir: dir, practiceHost, vault, json: true }) }, []);
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.rows.map((r: { result: string; topFinding: string | null }) => [r.result, r.topFinding])).toEqual([["healthy", null], ["healthy", null], ["healthy", null]]);
    // Only the standing note that the laptop cannot prove each ISE node's path (info).
    expect(doc.rows[0].findings).toEqual(['ISE_NODES_NOT_PROVEN']);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('keeps each profile\'s last result for the Profiles screen (fleetResults), and fleetCheck does the same run', async () => {
    const handlers = fleetHandlers({ dataDir, version: '0', shell: 'browser', practice: true, practiceHost } as never, { store: new ProfileStore({ dataDir }), vault });
    const stored = await dispatch(handlers as never, 'fleetResults', {});
    expect(stored.ok && stored.value.rows.length).toBe(4);
    const run = await dispatch(handlers as never, 'fleetCheck', { concurrency: 3 });
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    expect(run.value.summary).toMatchObject({ concurrency: 3, counts: { healthy: 1, warning: 1, failed: 1, 'not-checked': 1 } });
    expect(run.value.rows.find((r) => r.profileId === ids['Fabrikam wrong secret'])).toMatchObject({ result: 'failed', topFinding: 'TOKEN_SECRET_INVALID' });
  }, 60_000);

  it('refuses flags that do not belong to it, and a bad --concurrency (exit 2)', async () => {
    expect((await runCommand({ summary: '', usage: '', run: () => runDiagnose(['--all-profiles', '--tenant-id', 'x']) }, [])).code).toBe(2);
    const bad = await runCommand({ summary: '', usage: '', run: () => runDiagnose(['--all-profiles', '--concurrency', '0', '--data-dir', dataDir]) }, []);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--concurrency must be a whole number/);
    expect((await runCommand({ summary: '', usage: '', run: () => runDiagnose(['--concurrency', '4']) }, [])).code).toBe(2);
  });
});
