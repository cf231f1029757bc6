import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../../../electron/core/profiles/store';
import { CLIENT, MAILBOX, SP_OID, TENANT, sampleReport } from '../../../support/profile-fixtures';

const fields = { name: 'Contoso HQ', customer: 'Contoso', iseVersion: '3.3 P8', mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT, route: 'classic' as const, practice: false };
let dir: string;
const file = () => path.join(dir, 'profiles.json');
const readFile = () => JSON.parse(fs.readFileSync(file(), 'utf8')) as Record<string, unknown>;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'profiles-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('ProfileStore operations', () => {
  it('creates, lists, gets and finds by name or id; the file is versioned', () => {
    const store = new ProfileStore({ dataDir: dir });
    const p = store.create(fields);
    expect(p.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.createdAt).toBe(p.updatedAt);
    expect(store.list()).toEqual([p]);
    expect(store.get(p.id)).toEqual(p);
    expect(store.find('contoso hq')?.id).toBe(p.id);
    expect(store.find(p.id)?.id).toBe(p.id);
    const onDisk = readFile();
    expect(onDisk['schemaVersion']).toBe(1);
    expect(onDisk['__internal__']).toEqual({ migrations: { version: '1.0.0' } });
    expect(new ProfileStore({ dataDir: dir }).list()).toEqual([p]); // survives a reopen
  });

  it('refuses a second profile with the same name (case-insensitive)', () => {
    const store = new ProfileStore({ dataDir: dir });
    store.create(fields);
    expect(() => store.create({ ...fields, name: 'contoso hq' })).toThrow(expect.objectContaining({ code: 'PROFILE_NAME_TAKEN' }));
  });

  it('renames, updates (null clears), and stamps updatedAt', () => {
    let t = Date.parse('2026-01-01T00:00:00Z');
    const store = new ProfileStore({ dataDir: dir, now: () => new Date((t += 1000)) });
    const p = store.create({ ...fields, servicePrincipalObjectId: SP_OID });
    const renamed = store.rename(p.id, 'Contoso Branch');
    expect(renamed.name).toBe('Contoso Branch');
    const updated = store.update(p.id, { servicePrincipalObjectId: null, secretExpiry: '2027-01-31', lastVerification: sampleReport() });
    expect(updated.servicePrincipalObjectId).toBeUndefined();
    expect(updated.secretExpiry).toBe('2027-01-31');
    expect(updated.lastVerification?.ok).toBe(true);
    expect(updated.updatedAt > p.updatedAt).toBe(true);
    expect(updated.createdAt).toBe(p.createdAt);
    expect(() => store.update(p.id, { tenantId: 'not-a-guid' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => store.rename('3f2504e0-4f89-41d3-9a0c-0305e82c3301', 'x')).toThrow(expect.objectContaining({ code: 'PROFILE_NOT_FOUND' }));
  });

  it('duplicates with a new id and a free name, without the verification', () => {
    const store = new ProfileStore({ dataDir: dir });
    const p = store.update(store.create(fields).id, { lastVerification: sampleReport() });
    const copy = store.duplicate(p.id);
    expect(copy.id).not.toBe(p.id);
    expect(copy.name).toBe('Contoso HQ (copy)');
    expect(copy.tenantId).toBe(p.tenantId);
    expect(copy.lastVerification).toBeNull();
    expect(store.duplicate(p.id).name).toBe('Contoso HQ (copy) (2)');
  });

  it('deletes', () => {
    const store = new ProfileStore({ dataDir: dir });
    const p = store.create(fields);
    expect(store.delete(p.id)).toBe(true);
    expect(store.delete(p.id)).toBe(false);
    expect(store.list()).toEqual([]);
  });

  it('writes atomically: no temp files left behind, file readable only by the user', () => {
    const store = new ProfileStore({ dataDir: dir });
    for (let i = 0; i < 5; i += 1) store.create({ ...fields, name: `P${i}` });
    expect(fs.readdirSync(dir)).toEqual(['profiles.json']);
    if (process.platform !== 'win32') expect(fs.statSync(file()).mode & 0o077).toBe(0);
  });
});

describe('ProfileStore recovery', () => {
  it('a file that is not JSON is moved aside and reported, and the store starts empty', () => {
    fs.writeFileSync(file(), '{"schemaVersion": 1, "profiles": [');
    const store = new ProfileStore({ dataDir: dir, now: () => new Date('2026-11-20T10:00:00.000Z') });
    expect(store.recovered?.reason).toBe('invalid-json');
    expect(store.recovered?.movedTo).toBe(path.join(dir, 'profiles.corrupt-2026-11-20T10-00-00-000Z.json'));
    expect(fs.readFileSync(store.recovered!.movedTo, 'utf8')).toBe('{"schemaVersion": 1, "profiles": [');
    expect(store.list()).toEqual([]);
    expect(readFile()['schemaVersion']).toBe(1);
  });

  it('a schema-invalid file is moved aside, never silently dropped', () => {
    const bad = { schemaVersion: 1, profiles: [{ id: 'x', name: 'broken' }], __internal__: { migrations: { version: '1.0.0' } } };
    fs.writeFileSync(file(), JSON.stringify(bad));
    const store = new ProfileStore({ dataDir: dir });
    expect(store.recovered?.reason).toBe('invalid-schema');
    expect(JSON.parse(fs.readFileSync(store.recovered!.movedTo, 'utf8'))).toEqual(bad);
    expect(store.list()).toEqual([]);
  });

  it('a file broken while running is caught on the next read', () => {
    const store = new ProfileStore({ dataDir: dir });
    store.create(fields);
    fs.writeFileSync(file(), 'garbage');
    expect(store.list()).toEqual([]);
    expect(store.recovered?.reason).toBe('invalid-json');
    expect(fs.readFileSync(store.recovered!.movedTo, 'utf8')).toBe('garbage');
  });

  it('a file from a newer schema version is moved aside, not downgraded in place', () => {
    const newer = { schemaVersion: 2, profiles: [], __internal__: { migrations: { version: '2.0.0' } } };
    fs.writeFileSync(file(), JSON.stringify(newer));
    const store = new ProfileStore({ dataDir: dir });
    expect(store.recovered?.reason).toBe('newer-version');
    expect(JSON.parse(fs.readFileSync(store.recovered!.movedTo, 'utf8'))).toEqual(newer);
  });
});

describe('ProfileStore migrations', () => {
  it('migrates a hand-written v0 file (prototype format) to v1', () => {
    const v0 = {
      profiles: {
        '3f2504e0-4f89-41d3-9a0c-0305e82c3301': {
          name: 'Fabrikam', customer: 'Fabrikam Inc', tenant: TENANT, client: CLIENT, mailbox: MAILBOX,
          expiry: '2027-02-28', spObjectId: SP_OID, rbac: true, ise: '3.4 P4', created: '2025-06-01T08:00:00.000Z',
        },
        '6fa459ea-ee8a-4ca4-894e-db77e160355e': { name: 'Tailspin', tenant: TENANT, client: CLIENT, mailbox: MAILBOX },
      },
    };
    fs.writeFileSync(file(), JSON.stringify(v0));
    const store = new ProfileStore({ dataDir: dir, now: () => new Date('2026-11-20T10:00:00.000Z') });
    expect(store.recovered).toBeUndefined();
    const [fabrikam, tailspin] = store.list();
    expect(fabrikam).toEqual({
      id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', name: 'Fabrikam', customer: 'Fabrikam Inc', iseVersion: '3.4 P4',
      mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT, secretExpiry: '2027-02-28', route: 'app-rbac',
      servicePrincipalObjectId: SP_OID, practice: false, createdAt: '2025-06-01T08:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z', lastVerification: null,
    });
    expect(tailspin).toMatchObject({ name: 'Tailspin', route: 'classic', customer: '', createdAt: '2026-11-20T10:00:00.000Z' });
    expect(readFile()).toMatchObject({ schemaVersion: 1, __internal__: { migrations: { version: '1.0.0' } } });
    expect(Array.isArray(readFile()['profiles'])).toBe(true);
  });
});
