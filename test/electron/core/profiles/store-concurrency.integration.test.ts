import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../../../electron/core/profiles/store';
import { withIndex } from '../../../../electron/core/profiles/store-layout';
import { loadKeytar } from '../../../../electron/core/vault/keychain-status';

/**
 * Issue 17 point 4: two processes on one data folder. Each write a process acknowledged must
 * be in the file afterwards; before the fix, two browser-mode instances lost ~40% of them, and
 * the app and the CLI together lost a profile whose secret stayed orphaned in the keychain.
 */
const WRITER = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../support/concurrent-store-writer.ts');
let writer: string[] = [];
let bundleDir: string | undefined;
beforeAll(async () => {
  // Bundled once (esbuild ships with tsx): a bundled child starts ~3x faster.
  const { buildSync } = await import('esbuild');
  bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concurrent-writer-'));
  const outfile = path.join(bundleDir, 'writer.mjs');
  buildSync({
    entryPoints: [WRITER], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'error',
    external: ['keytar'], // the profiles mode never loads it; the keychain case runs through tsx
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  writer = [outfile];
});
afterAll(() => {
  if (bundleDir) fs.rmSync(bundleDir, { recursive: true, force: true });
});

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-conc-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): Promise<string[]> {
  // The keychain case runs the source through tsx: keytar (native) resolves from the project only.
  const entry = args[0] === 'secrets' ? ['--import', 'tsx', WRITER] : writer;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out.trim().split('\n')) : reject(new Error(`writer exited ${code}: ${err.slice(0, 2000)}`))));
  });
}

describe('two processes writing one profiles folder', () => {
  it('keeps every acknowledged create and update of 2 × 200 changes', async () => {
    new ProfileStore({ dataDir: dir }); // the file exists before both start, as when the app runs
    const [a, b] = await Promise.all([run(['profiles', dir, 'a', '200']), run(['profiles', dir, 'b', '200'])]);
    const lines = [...a, ...b];
    expect(lines.filter((l) => l === 'end')).toHaveLength(2);
    const acked = lines.filter((l) => l.startsWith('ack ')).map((l) => l.split(' '));
    const updates = new Map<string, string>();
    for (const l of lines.filter((x) => x.startsWith('upd '))) {
      const [, id, customer] = l.split(' ');
      updates.set(id!, customer!); // each process prints its own updates in order: the last one wins
    }
    const stored = new ProfileStore({ dataDir: dir });
    expect(stored.recovered).toBeUndefined();
    const byId = new Map(stored.list().map((p) => [p.id, p]));
    expect(acked.length).toBeGreaterThan(250);
    const lost = acked.filter(([, , id]) => !byId.has(id!));
    expect(lost).toEqual([]);
    expect(byId.size).toBe(acked.length);
    for (const [id, customer] of updates) expect(byId.get(id)?.customer).toBe(customer);
    // The summary index in the file says exactly what its profiles say (store-layout.ts).
    const indexed = withIndex(stored.path, (ix) => ix?.rows.map((r) => `${r.id} ${r.name} ${r.customer}`));
    expect(indexed).toEqual(stored.list().map((p) => `${p.id} ${p.name} ${p.customer}`));
    expect(fs.readdirSync(dir).filter((f) => f !== 'profiles.json')).toEqual([]); // no lock or temp file left
  }, 120_000);

  it('the app and the CLI adding profiles with secrets at once leave no orphaned keychain secret', async () => {
    const loaded = await loadKeytar();
    if ('error' in loaded) throw new Error(`this test needs the OS keychain (run it through with-keyring.sh): ${loaded.error.reason}`);
    const service = `ise-smtp-oauth-test-${process.pid}-${Date.now()}`;
    try {
      new ProfileStore({ dataDir: dir });
      const [a, b] = await Promise.all([run(['secrets', dir, 'app', '40', service]), run(['secrets', dir, 'cli', '40', service])]);
      const acked = [...a, ...b].filter((l) => l.startsWith('ack ')).map((l) => l.split(' ')[2]!);
      expect(acked).toHaveLength(80);
      const ids = new Set(new ProfileStore({ dataDir: dir }).list().map((p) => p.id));
      const accounts = (await loaded.findCredentials(service)).map((c) => c.account);
      expect(accounts.filter((account) => !ids.has(account))).toEqual([]); // no orphan
      expect([...ids].sort()).toEqual([...acked].sort());
    } finally {
      for (const c of await loaded.findCredentials(service)) await loaded.deletePassword(service, c.account);
    }
  }, 120_000);
});
