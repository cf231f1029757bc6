import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch, type Handlers } from '../../../../electron/core/handlers/dispatch';
import { CallFailure } from '../../../../electron/core/errors/call-failure';
import { profileHandlers } from '../../../../electron/core/handlers/profiles';
import { ProfileStore } from '../../../../electron/core/profiles/store';
import { Vault } from '../../../../electron/core/vault/vault';
import { memoryKeytar } from '../../../support/profile-fixtures';

/**
 * Issue 17 point 9: the store's faults. Each keeps the valid profiles and the original bytes,
 * and fails with a code (translated in renderer/i18n/sources/store.json) naming folder and cause.
 */
let dir: string;
const file = () => path.join(dir, 'profiles.json');
const fields = { customer: '', iseVersion: '', mailbox: 'no-reply@contoso.com', tenantId: '0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b', clientId: '1f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b', route: 'classic' as const, practice: false };
const valid = (id: string, name: string) => ({ ...fields, id, name, createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', lastVerification: null });
const ID1 = '6a0f4c8e-1d3b-4b7a-9c2e-8f5d0a6b3e71';
const ID2 = '7b1f4c8e-1d3b-4b7a-9c2e-8f5d0a6b3e72';

function errnoError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** Makes every fs call that creates or writes a file inside the data folder fail with `code`. */
function failWritesIn(folder: string, code: string) {
  const inFolder = (p: unknown) => typeof p === 'string' && p.startsWith(folder);
  const { openSync, writeFileSync } = fs;
  vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
    if (inFolder(p) && flags !== 'r' && flags !== undefined) throw errnoError(code);
    return openSync(p, flags ?? 'r', mode);
  }) as typeof fs.openSync);
  vi.spyOn(fs, 'writeFileSync').mockImplementation(((p: fs.PathOrFileDescriptor, data: string, opts?: fs.WriteFileOptions) => {
    if (inFolder(p)) throw errnoError(code);
    return writeFileSync(p, data, opts);
  }) as typeof fs.writeFileSync);
}

function faultOf(fn: () => unknown): CallFailure {
  try {
    fn();
  } catch (err) {
    if (err instanceof CallFailure) return err;
    throw err;
  }
  throw new Error('expected a CallFailure');
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-faults-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('store faults', () => {
  it('profiles.json deleted while running: calls keep working, the last known profiles are kept beside it', () => {
    const store = new ProfileStore({ dataDir: dir });
    store.create({ ...fields, name: 'Contoso' });
    fs.rmSync(file());
    expect(store.list()).toEqual([]);
    expect(store.recovered).toMatchObject({ reason: 'file-deleted', folder: dir });
    expect(JSON.stringify(JSON.parse(fs.readFileSync(store.recovered!.movedTo, 'utf8')))).toContain('Contoso');
    expect(store.create({ ...fields, name: 'Fabrikam' }).name).toBe('Fabrikam');
    expect(new ProfileStore({ dataDir: dir }).list().map((p) => p.name)).toEqual(['Fabrikam']);
  });

  it('a read-only folder: the profiles still list, a write says STORE_READ_ONLY naming the folder; data intact', () => {
    const store = new ProfileStore({ dataDir: dir });
    store.create({ ...fields, name: 'Contoso' });
    const before = fs.readFileSync(file());
    failWritesIn(dir, 'EROFS');
    expect(new ProfileStore({ dataDir: dir }).list().map((p) => p.name)).toEqual(['Contoso']);
    const fault = faultOf(() => store.create({ ...fields, name: 'Fabrikam' }));
    expect(fault.code).toBe('STORE_READ_ONLY');
    expect(fault.message).toContain(dir);
    expect(fault.params).toEqual({ folder: dir, cause: 'EROFS' });
    vi.restoreAllMocks();
    expect(fs.readFileSync(file())).toEqual(before);
  });

  it('a read-only folder with one invalid profile still lists the valid ones', () => {
    fs.writeFileSync(file(), JSON.stringify({ __internal__: { migrations: { version: '1.0.0' } }, schemaVersion: 1, profiles: [valid(ID1, 'Contoso'), { id: 'broken' }] }));
    failWritesIn(dir, 'EACCES');
    const store = new ProfileStore({ dataDir: dir });
    expect(store.list().map((p) => p.name)).toEqual(['Contoso']);
    expect(faultOf(() => store.delete(ID1)).code).toBe('STORE_READ_ONLY');
  });

  it('a full disk: STORE_DISK_FULL over the contract (not INTERNAL), no temp file left, data intact', async () => {
    const store = new ProfileStore({ dataDir: dir });
    store.create({ ...fields, name: 'Contoso' });
    const before = fs.readFileSync(file());
    const handlers = profileHandlers({ dataDir: dir, version: '0.1.0', shell: 'browser', practice: false }, { store, vault: new Vault({ keytar: memoryKeytar() }) }) as unknown as Handlers;
    vi.spyOn(fs, 'writeSync').mockImplementation((() => {
      throw errnoError('ENOSPC');
    }) as unknown as typeof fs.writeSync);
    const r = await dispatch(handlers, 'profileCreate', { ...fields, name: 'Fabrikam' });
    vi.restoreAllMocks();
    expect(r).toMatchObject({ ok: false, error: { code: 'STORE_DISK_FULL', params: { folder: dir, cause: 'ENOSPC' } } });
    expect(!r.ok && r.error.message).toContain(dir);
    expect(fs.readFileSync(file())).toEqual(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['profiles.json']);
  });

  it('one invalid profile costs only that profile: the others stay, the original bytes are kept', () => {
    const original = JSON.stringify({ __internal__: { migrations: { version: '1.0.0' } }, schemaVersion: 1, profiles: [valid(ID1, 'Contoso'), { id: 'broken', name: 42 }, valid(ID2, 'Fabrikam')] });
    fs.writeFileSync(file(), original);
    const store = new ProfileStore({ dataDir: dir });
    expect(store.list().map((p) => p.name)).toEqual(['Contoso', 'Fabrikam']);
    expect(store.recovered).toMatchObject({ reason: 'invalid-profiles', droppedProfiles: 1, folder: dir });
    expect(fs.readFileSync(store.recovered!.movedTo, 'utf8')).toBe(original);
    expect(new ProfileStore({ dataDir: dir }).list()).toHaveLength(2);
  });

  it('{"schemaVersion":1,"profiles":"x"} is kept byte for byte, not replaced by an empty list', () => {
    const original = '{"schemaVersion":1,"profiles":"x"}';
    fs.writeFileSync(file(), original);
    const store = new ProfileStore({ dataDir: dir });
    expect(store.recovered).toBeDefined();
    expect(fs.readFileSync(store.recovered!.movedTo, 'utf8')).toBe(original);
    expect(store.list()).toEqual([]);
  });

  it('a file without __internal__ that fails after migration: the ORIGINAL bytes are kept, not the migrated text', () => {
    const original = JSON.stringify({ profiles: { [ID1]: { name: 'Contoso', tenant: fields.tenantId, client: fields.clientId, mailbox: fields.mailbox }, [ID2]: { name: 'Broken', tenant: 'not-a-tenant', client: 'x', mailbox: 'nope' } } });
    fs.writeFileSync(file(), original);
    const store = new ProfileStore({ dataDir: dir });
    expect(store.recovered?.movedTo).toBeDefined();
    expect(fs.readFileSync(store.recovered!.movedTo, 'utf8')).toBe(original);
    expect(store.list().map((p) => p.name)).toEqual(['Contoso']);
  });

  it('stray profiles.json.tmp-* files of a crashed write are removed at start; other files stay', () => {
    new ProfileStore({ dataDir: dir }).create({ ...fields, name: 'Contoso' });
    for (const name of ['profiles.json.tmp-1733011200a1b2c3', 'profiles.json.tmp-4242-deadbeef0001', 'notes.txt']) fs.writeFileSync(path.join(dir, name), 'x');
    const store = new ProfileStore({ dataDir: dir });
    expect(fs.readdirSync(dir).sort()).toEqual(['notes.txt', 'profiles.json']);
    expect(store.list()).toHaveLength(1);
    expect(store.recovered).toBeUndefined();
  });

  it('a healthy file: no recovery, nothing beside it', () => {
    fs.writeFileSync(file(), JSON.stringify({ __internal__: { migrations: { version: '1.0.0' } }, schemaVersion: 1, profiles: [valid(ID1, 'Contoso')] }));
    const store = new ProfileStore({ dataDir: dir });
    expect(store.recovered).toBeUndefined();
    expect(store.list()).toHaveLength(1);
    expect(fs.readdirSync(dir)).toEqual(['profiles.json']);
  });
});

describe('store fault texts', () => {
  it('every store code has a text naming {{folder}} in all six locales', async () => {
    const codes = ['STORE_READ_ONLY', 'STORE_DISK_FULL', 'STORE_WRITE_FAILED', 'STORE_UNREADABLE', 'STORE_BUSY'];
    // The namespace's one source (the per-locale files are generated from it).
    const source = JSON.parse(fs.readFileSync(path.join('renderer/i18n/sources', 'store.json'), 'utf8')) as Record<string, { errors: Record<string, string>; recovered: { reason: Record<string, string> } }>;
    for (const lng of ['en', 'nl', 'fr', 'de', 'it', 'zh-TW']) {
      const locale = { store: source[lng]! };
      for (const code of codes) expect(locale.store.errors[code], `${lng} ${code}`).toContain('{{folder}}');
      expect(locale.store.recovered.reason['invalid-profiles']).toContain('{{count}}');
      expect(locale.store.recovered.reason['file-deleted']).toBeTruthy();
    }
  });
});
