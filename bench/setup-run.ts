// Client side of the automated-setup benchmark (issue 16 part 4): one `setup()` of
// electron/core/automation against the practice tenant's emulators behind the relays of
// practice-net.ts (--automation), on an empty directory (the bench resets it before each run).
// Sign-in is excluded: the admin signs in and both resource tokens (Graph, Exchange) are fetched
// before the clock starts. Replication waits are zero (replicationDelaysMs: the engine's option;
// the practice tenant has no replication lag unless its fault is on). The run is traced
// (electron/core/calls/trace.ts): every call with its start, end and the calls it needs, as the
// engine declares them. Prints one JSON line.
//
// Usage: node --import tsx bench/setup-run.ts <classic|app-rbac>  < far-side.json
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAutomation } from '../electron/core/automation';
import { practiceBrowser } from '../electron/core/automation/practice-browser';
import { CallTrace } from '../electron/core/calls/trace';
import { ProfileService } from '../electron/core/profiles/profile-service';
import { ProfileStore } from '../electron/core/profiles/store';
import { Vault } from '../electron/core/vault/vault';

const route = process.argv[2] === 'app-rbac' ? 'app-rbac' : 'classic';
const far = JSON.parse(readFileSync(0, 'utf8')) as {
  authorityHost: string;
  caFile: string;
  credentials: { tenantId: string; mailbox: string };
  automation: { graphHost: string; exchangeHost: string; signInClientId: string };
};
const caPem = readFileSync(far.caFile, 'utf8');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-setup-'));
// The keychain as the app uses it (a bench-only service name); a machine without one gets a memory stand-in, said in the output.
const keychain = new Vault({ service: `ise-smtp-oauth-bench-${process.pid}` });
let vaultKind: 'keychain' | 'memory' = 'keychain';
try {
  await keychain.set('probe', 'x');
  await keychain.delete('probe');
} catch {
  vaultKind = 'memory';
}
const memory = new Map<string, string>();
const vault = vaultKind === 'keychain' ? keychain : ({ set: async (id: string, s: string) => void memory.set(id, s), get: async (id: string) => memory.get(id) ?? null, delete: async (id: string) => memory.delete(id) } as unknown as Vault);
// The engine's own work between calls, timed where it is known to weigh: each profile-store
// write (a locked, fsync'd rewrite of the file, synchronous by design) and each keychain write.
const own = { storeWrites: 0, storeMs: 0, keychainWrites: 0, keychainMs: 0 };
const store = new ProfileStore({ dataDir });
for (const method of ['create', 'update'] as const) {
  const original = store[method].bind(store) as (...args: unknown[]) => unknown;
  (store as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
    const t = performance.now();
    try {
      return original(...args);
    } finally {
      own.storeWrites++;
      own.storeMs += performance.now() - t;
    }
  };
}
const timedVault = new Proxy(vault, {
  get(target, key, receiver) {
    const v = Reflect.get(target, key, receiver) as unknown;
    if (key !== 'set' || typeof v !== 'function') return v;
    return async (...args: unknown[]) => {
      const t = performance.now();
      try {
        return await (v as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      } finally {
        own.keychainWrites++;
        own.keychainMs += performance.now() - t;
      }
    };
  },
});
const profiles = new ProfileService({ store, vault: timedVault });
const automation = createAutomation({
  tenantId: far.credentials.tenantId,
  signInClientId: far.automation.signInClientId,
  authorityHost: far.authorityHost,
  graphHost: far.automation.graphHost,
  exchangeHost: far.automation.exchangeHost,
  ca: [caPem],
  profiles,
  replicationDelaysMs: [0, 0, 0, 0, 0],
});
try {
  const signIn = await automation.session.signInInteractive(practiceBrowser([caPem]));
  if (!signIn.ok) throw new Error(`practice sign-in failed: ${signIn.finding.code}`);
  await Promise.all([automation.session.graphToken(), automation.session.exchangeToken()]);
  const signInCalls = automation.session.calls;
  const trace = new CallTrace();
  Object.assign(own, { storeWrites: 0, storeMs: 0, keychainWrites: 0, keychainMs: 0 });
  const t = performance.now();
  const result = await trace.run(() => automation.setup({ tenantId: far.credentials.tenantId, mailbox: far.credentials.mailbox, route, profileName: `bench-${route}`, practice: true, signInClientId: far.automation.signInClientId }));
  const wallMs = performance.now() - t;
  if (!result.ok) throw new Error(`setup did not pass: ${result.findings.map((f) => f.code).join(', ')}`);
  const p = profiles.store.find(`bench-${route}`);
  if (p) await vault.delete(p.id).catch(() => false);
  process.stdout.write(
    JSON.stringify({ route, wallMs, calls: result.calls, signInCallsDuringSetup: automation.session.calls - signInCalls, created: result.created, traced: trace.calls(), overlaps: trace.overlaps, vault: vaultKind, own }) + '\n',
  );
} finally {
  await automation.close();
  rmSync(dataDir, { recursive: true, force: true });
}
