import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeProfileStore } from '../../../../bench/profile-store-gen.mjs';
import { profileListRows } from '../../../../electron/core/profiles/list-rows';
import { profilePage } from '../../../../electron/core/profiles/page';
import { ProfileStore } from '../../../../electron/core/profiles/store';
import { withIndex } from '../../../../electron/core/profiles/store-layout';
import { Vault } from '../../../../electron/core/vault/vault';
import { ProfileSchema } from '../../../../shared/contract/profiles';
import { CLIENT, MAILBOX, TENANT, memoryKeytar, sampleReport } from '../../../support/profile-fixtures';

/**
 * The indexed layout of profiles.json (issue 17.11 / 16.2): one JSON document, a summary index
 * in front of one line per profile. What must hold: every JSON reader still reads it; the store
 * opens, lists summaries, gets and finds without parsing every profile; a file in the older
 * layout is migrated; an index that does not match its file is never trusted.
 */
const fields = { customer: 'Contoso', iseVersion: '3.3 P8', mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT, route: 'classic' as const, practice: false };
let dir: string;
const file = () => path.join(dir, 'profiles.json');
const rowsOf = () => withIndex(file(), (ix) => ix?.rows.map((r) => ({ id: r.id, name: r.name, customer: r.customer, lastCheck: r.lastCheck })));
const vault = () => new Vault({ keytar: memoryKeytar() });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-layout-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the indexed profiles.json', () => {
  it('is one JSON document that JSON.parse and conf read unchanged, the index in front of one line per profile', () => {
    const store = new ProfileStore({ dataDir: dir });
    const a = store.create({ ...fields, name: 'Contoso HQ' });
    const b = store.update(store.create({ ...fields, name: 'Fabrikam', customer: 'Fabrikam' }).id, { lastVerification: sampleReport() });
    const text = fs.readFileSync(file(), 'utf8');
    const lines = text.split('\n');
    expect(lines[1]).toMatch(/^"index":\{"layout":1,/);
    expect(lines[2]).toBe('"profiles":[');
    expect(lines).toHaveLength(3 + 2 + 2); // header, two profile lines, `]}`, the final newline
    expect((JSON.parse(text) as { profiles: unknown }).profiles).toEqual([a, b]);
    const conf = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'profiles', projectName: 'ise-smtp-oauth', projectVersion: '1.0.0' });
    expect(conf.get('profiles')).toEqual([a, b]);
    expect(conf.get('schemaVersion')).toBe(1);
    expect(rowsOf()).toEqual([
      { id: a.id, name: 'Contoso HQ', customer: 'Contoso', lastCheck: undefined },
      { id: b.id, name: 'Fabrikam', customer: 'Fabrikam', lastCheck: { ok: b.lastVerification!.ok, at: b.lastVerification!.startedAt } },
    ]);
  });

  it('opening the store, its summaries and a page parse no profile; get and find parse only the one asked for', async () => {
    const seed = new ProfileStore({ dataDir: dir });
    const ids = ['Alpha', 'Bravo', 'Charlie'].map((name) => seed.create({ ...fields, name }).id);
    const parses = vi.spyOn(ProfileSchema, 'safeParse');
    const store = new ProfileStore({ dataDir: dir });
    expect(store.recovered).toBeUndefined();
    expect(store.summaries().map((r) => r.name)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(parses).not.toHaveBeenCalled();
    expect(store.get(ids[1]!).name).toBe('Bravo');
    expect(store.find('charlie')?.id).toBe(ids[2]);
    expect(store.find('nobody')).toBeUndefined();
    expect(parses).toHaveBeenCalledTimes(2);
    const page = await profilePage(dir, vault(), { offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, profiles: [{ name: 'Bravo' }] });
    expect(parses).toHaveBeenCalledTimes(3);
  });

  it('migrates a v1 file in the older layout (conf, tab-indented): same profiles, other keys kept, then indexed', () => {
    const seed = new ProfileStore({ dataDir: dir });
    const a = seed.create({ ...fields, name: 'Contoso HQ' });
    const b = seed.create({ ...fields, name: 'Fabrikam' });
    const old = { __internal__: { migrations: { version: '1.0.0' } }, schemaVersion: 1, keptByConf: { x: 1 }, profiles: [a, b] };
    fs.writeFileSync(file(), JSON.stringify(old, undefined, '\t'));
    expect(rowsOf()).toBeUndefined(); // no index yet
    const store = new ProfileStore({ dataDir: dir });
    expect(store.recovered).toBeUndefined();
    expect(store.list()).toEqual([a, b]);
    expect(rowsOf()?.map((r) => r.name)).toEqual(['Contoso HQ', 'Fabrikam']);
    expect((JSON.parse(fs.readFileSync(file(), 'utf8')) as Record<string, unknown>)['keptByConf']).toEqual({ x: 1 });
    expect(fs.readdirSync(dir)).toEqual(['profiles.json']);
  });

  it('a file from the benchmark generator (older layout, 1,200 profiles) pages the same before and after its migration', async () => {
    writeProfileStore({ dataDir: dir, count: 1200, withReports: true });
    const asks = [{ offset: 0, limit: 50 }, { offset: 1150, limit: 200 }, { offset: 0, limit: 50, query: 'customer 11' }];
    const before = await Promise.all(asks.map((o) => profilePage(dir, vault(), o)));
    expect(rowsOf()).toBeUndefined();
    expect(await profileListRows(dir, vault())).toBeUndefined(); // the CLI then opens the store
    new ProfileStore({ dataDir: dir });
    expect(rowsOf()).toHaveLength(1200);
    const after = await Promise.all(asks.map((o) => profilePage(dir, vault(), o)));
    expect(after).toEqual(before);
    expect(after[2]!.total).toBe(111); // 11, 110–119, 1100–1199
    expect((await profileListRows(dir, vault()))?.map((r) => r.name)).toEqual(JSON.parse(fs.readFileSync(file(), 'utf8')).profiles.map((p: { name: string }) => p.name));
  });

  it('an edit that changes the profiles part\'s length makes the index untrusted: everything reads the edited file', async () => {
    const store = new ProfileStore({ dataDir: dir });
    const a = store.create({ ...fields, name: 'Contoso HQ' });
    fs.writeFileSync(file(), fs.readFileSync(file(), 'utf8').replace('"name":"Contoso HQ"', '"name":"Contoso Head Office"'));
    expect(rowsOf()).toBeUndefined();
    expect(store.get(a.id).name).toBe('Contoso Head Office');
    expect(store.summaries().map((r) => r.name)).toEqual(['Contoso Head Office']);
    expect((await profilePage(dir, vault(), { offset: 0, limit: 50 })).profiles.map((p) => p.name)).toEqual(['Contoso Head Office']);
    expect(store.recovered).toBeUndefined();
  });

  it('a file an older version rewrote (its layout, the stale index kept as a key) is read in full and re-indexed', () => {
    const store = new ProfileStore({ dataDir: dir });
    const a = store.create({ ...fields, name: 'Contoso HQ' });
    const data = JSON.parse(fs.readFileSync(file(), 'utf8')) as { profiles: { name: string }[] };
    data.profiles[0]!.name = 'Contoso Branch';
    fs.writeFileSync(file(), JSON.stringify(data, undefined, '\t')); // what the older store's serialize wrote
    const reopened = new ProfileStore({ dataDir: dir });
    expect(reopened.recovered).toBeUndefined();
    expect(reopened.get(a.id).name).toBe('Contoso Branch');
    expect(rowsOf()?.map((r) => r.name)).toEqual(['Contoso Branch']);
    expect(fs.readFileSync(file(), 'utf8').match(/"index":/g)).toHaveLength(1); // the stale one is gone
  });

  it('a profile line that is not where the index says (same length, another id) is read from the whole file', async () => {
    const store = new ProfileStore({ dataDir: dir });
    const a = store.create({ ...fields, name: 'Contoso HQ' });
    const other = '6a0f4c8e-1d3b-4b7a-9c2e-8f5d0a6b3e71';
    const text = fs.readFileSync(file(), 'utf8');
    const body = text.indexOf('\n"profiles":[\n');
    fs.writeFileSync(file(), text.slice(0, body) + text.slice(body).replace(a.id, other)); // the index still names a.id
    expect(rowsOf()?.[0]?.id).toBe(a.id);
    expect(() => store.get(a.id)).toThrow(expect.objectContaining({ code: 'PROFILE_NOT_FOUND' })); // read in full: a.id is gone
    expect((await profilePage(dir, vault(), { offset: 0, limit: 50 })).profiles.map((p) => p.id)).toEqual([other]);
    expect(store.list().map((p) => p.id)).toEqual([other]);
  });

  it('a profiles part cut short is corrupt: moved aside byte for byte and reported, as before', () => {
    const store = new ProfileStore({ dataDir: dir });
    store.create({ ...fields, name: 'Contoso HQ' });
    const cut = fs.readFileSync(file()).subarray(0, -12);
    fs.writeFileSync(file(), cut);
    const reopened = new ProfileStore({ dataDir: dir });
    expect(reopened.recovered?.reason).toBe('invalid-json');
    expect(fs.readFileSync(reopened.recovered!.movedTo)).toEqual(cut);
    expect(reopened.list()).toEqual([]);
  });
});
