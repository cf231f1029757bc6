import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeProfileStore } from '../../../../bench/profile-store-gen.mjs';
import { profilePage, rawProfiles } from '../../../../electron/core/profiles/page';
import { ProfileStore } from '../../../../electron/core/profiles/store';
import { Vault } from '../../../../electron/core/vault/vault';
import type { KeytarLike } from '../../../../electron/core/vault/keychain-status';

/**
 * The cheap list path on a large store: pages, totals, the filter, the secret status from one
 * keychain call, and a changed file read again. (Speed is measured in the benchmark, not here.)
 */

let dir: string;
let ids: string[];
let findCalls = 0;
let getCalls = 0;

function keytar(stored: Map<string, string>): KeytarLike {
  return {
    getPassword: async (_s, a) => (getCalls++, stored.get(a) ?? null),
    setPassword: async (_s, a, p) => void stored.set(a, p),
    deletePassword: async (_s, a) => stored.delete(a),
    findCredentials: async () => (findCalls++, [...stored].map(([account, password]) => ({ account, password }))),
  };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'profile-page-'));
  ids = writeProfileStore({ dataDir: dir, count: 20_000, withReports: true });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('profilePage on 20,000 profiles', () => {
  it('gives pages in store order with the total, each profile as the store would return it', async () => {
    const vault = new Vault({ keytar: keytar(new Map([[ids[7]!, 'Abc8Q~secretvalueXYZ']])) });
    const first = await profilePage(dir, vault, { offset: 0, limit: 50 });
    expect(first.total).toBe(20_000);
    expect(first.profiles).toHaveLength(50);
    expect(first.profiles[0]!.name).toBe('Customer 00000 site');
    expect(first.profiles[7]).toMatchObject({ secretStored: true });
    expect(first.profiles[7]).not.toHaveProperty('secretHint');
    expect(first.profiles[8]).toMatchObject({ secretStored: false });
    const last = await profilePage(dir, vault, { offset: 19_990, limit: 50 });
    expect(last.profiles.map((p) => p.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Customer ${19_990 + i} site`));
  });

  it('returns each profile as the store reads it (on a small store: opening 20,000 in the store takes a minute)', async () => {
    const small = fs.mkdtempSync(path.join(os.tmpdir(), 'profile-page-same-'));
    writeProfileStore({ dataDir: small, count: 5, withReports: true });
    const page = await profilePage(small, new Vault({ keytar: keytar(new Map()) }), { offset: 0, limit: 50 });
    const store = new ProfileStore({ dataDir: small });
    for (const view of page.profiles) {
      const { secretStored: _s, secretStorage: _w, secretExpiryStatus: _e, ...profile } = view;
      expect(profile).toEqual(store.get(view.id));
    }
    fs.rmSync(small, { recursive: true, force: true });
  });

  it('asks the keychain once per page, not once per profile', async () => {
    findCalls = 0;
    getCalls = 0;
    const vault = new Vault({ keytar: keytar(new Map()) });
    await profilePage(dir, vault, { offset: 100, limit: 200 });
    expect(findCalls).toBe(1);
    expect(getCalls).toBe(0);
  });

  it('filters by name, customer, mailbox or tenant, and counts the matches', async () => {
    const vault = new Vault({ keytar: keytar(new Map()) });
    const page = await profilePage(dir, vault, { offset: 0, limit: 50, query: 'customer 1999' });
    expect(page.total).toBe(11); // 1999 and 19990 … 19999
    expect(page.profiles.map((p) => p.customer)).toEqual(['Customer 1999', ...Array.from({ length: 10 }, (_, i) => `Customer ${19_990 + i}`)]);
  });

  it('reuses the parsed file while it is unchanged and reads it again when it changes', async () => {
    const small = fs.mkdtempSync(path.join(os.tmpdir(), 'profile-page-small-'));
    writeProfileStore({ dataDir: small, count: 3 });
    const a = rawProfiles(small);
    expect(rawProfiles(small)).toBe(a); // the same parse
    const store = new ProfileStore({ dataDir: small });
    store.create({ name: 'Added', mailbox: 'a@contoso.com', tenantId: '0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b', clientId: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d' } as never);
    const vault = new Vault({ keytar: keytar(new Map()) });
    const page = await profilePage(small, vault, { offset: 0, limit: 50 });
    expect(page.total).toBe(4);
    expect(page.profiles.at(-1)!.name).toBe('Added');
    fs.rmSync(small, { recursive: true, force: true });
  });
});
