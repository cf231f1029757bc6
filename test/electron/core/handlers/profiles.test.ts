import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../../electron/core/handlers/dispatch';
import { fleetHandlers } from '../../../../electron/core/handlers/fleet';
import { profileHandlers } from '../../../../electron/core/handlers/profiles';
import { ProfileStore } from '../../../../electron/core/profiles/store';
import { Vault } from '../../../../electron/core/vault/vault';
import { contract } from '../../../../shared/contract';
import { CANARY, CLIENT, MAILBOX, TENANT, failingKeytar, memoryKeytar } from '../../../support/profile-fixtures';

let dir: string;
const ctx = () => ({ dataDir: dir, version: '0.1.0', shell: 'browser' as const, practice: false });
const create = { name: 'Contoso HQ', mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT, secretExpiry: '2026-12-20' };

function setup(keytar = memoryKeytar()) {
  const store = new ProfileStore({ dataDir: dir });
  const vault = new Vault({ keytar });
  const handlers = { ...profileHandlers(ctx(), { store, vault, today: () => '2026-12-01' }), ...fleetHandlers(ctx(), { store, vault, today: () => '2026-12-01' }) } as unknown as Handlers;
  const call = async <K extends keyof typeof contract & string>(name: K, input: unknown) => {
    const result = await dispatch(handlers, name, input);
    // Every output must match its declared schema: what the renderer gets is exactly this.
    if (result.ok) contract[name].output.parse(result.value);
    return result;
  };
  return { store, vault, keytar, call };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handlers-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('profile calls', () => {
  it('create → secretSet → get shows only stored/hint/storage and days left', async () => {
    const { call, keytar } = setup();
    const created = await call('profileCreate', create);
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value).toMatchObject({ secretStored: false, secretStorage: 'keychain', secretExpiryStatus: { daysLeft: 19, level: 'warn30' } });
    const id = created.value.id;
    const set = await call('secretSet', { profileId: id, secret: CANARY });
    expect(set).toEqual({ ok: true, value: { secretStored: true, secretStorage: 'keychain' } });
    expect(keytar.entries.size).toBe(1);
    const got = await call('profileGet', { profileId: id });
    expect(got.ok && got.value).toMatchObject({ secretStored: true });
    expect(got.ok && got.value).not.toHaveProperty('secretHint');
    expect(JSON.stringify(got)).not.toContain(CANARY);
  });

  it('secretSet refuses a GUID (the Secret ID) with the field named', async () => {
    const { call } = setup();
    const created = await call('profileCreate', create);
    const id = created.ok ? created.value.id : '';
    const r = await call('secretSet', { profileId: id, secret: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'secret' } });
    expect(!r.ok && r.error.message).toMatch(/Secret ID/);
  });

  it('with the keychain unavailable, secretSet keeps the secret for the session and returns the fix', async () => {
    const { call } = setup(failingKeytar() as ReturnType<typeof memoryKeytar>);
    const created = await call('profileCreate', create);
    const id = created.ok ? created.value.id : '';
    const r = await call('secretSet', { profileId: id, secret: CANARY });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ secretStored: true, secretStorage: 'session' });
    expect(r.value.keychainWarning).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', reason: 'no-secret-service' });
    const status = await call('keychainStatus', {});
    expect(status).toMatchObject({ ok: true, value: { available: false, reason: 'no-secret-service' } });
    expect(status.ok && status.value.fix).toMatch(/secret/i);
    expect(JSON.stringify([r, status])).not.toContain(CANARY);
    expect(fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8')).not.toContain(CANARY);
  });

  it('rename, duplicate (secret not copied), update, delete (keychain entry too)', async () => {
    const { call, keytar } = setup();
    const created = await call('profileCreate', create);
    const id = created.ok ? created.value.id : '';
    await call('secretSet', { profileId: id, secret: CANARY });
    expect(await call('profileRename', { profileId: id, name: 'Contoso Main' })).toMatchObject({ ok: true, value: { name: 'Contoso Main' } });
    const copy = await call('profileDuplicate', { profileId: id });
    expect(copy).toMatchObject({ ok: true, value: { name: 'Contoso Main (copy)', secretStored: false } });
    expect(await call('profileUpdate', { profileId: id, changes: { route: 'app-rbac', smtpPort: null } })).toMatchObject({ ok: true, value: { route: 'app-rbac' } });
    expect(await call('profileDelete', { profileId: id })).toEqual({ ok: true, value: { deleted: true } });
    expect(keytar.entries.size).toBe(0);
    const list = await call('profilesPage', {});
    expect(list.ok && list.value.profiles.map((p) => p.name)).toEqual(['Contoso Main (copy)']);
    expect(await call('profileGet', { profileId: id })).toMatchObject({ ok: false, error: { code: 'PROFILE_NOT_FOUND' } });
  });

  it('secretSet stores the secret and the profile view says only that it is stored, no part of it', async () => {
    const { call } = setup();
    const created = await call('profileCreate', create);
    const id = created.ok ? created.value.id : '';
    expect(await call('secretSet', { profileId: id, secret: CANARY })).toEqual({ ok: true, value: { secretStored: true, secretStorage: 'keychain' } });
    expect(await call('profileGet', { profileId: id })).toMatchObject({ ok: true, value: { secretStored: true, secretStorage: 'keychain' } });
  });

  it('profilesPage reports a moved-aside file', async () => {
    fs.writeFileSync(path.join(dir, 'profiles.json'), 'not json');
    const { call } = setup();
    const list = await call('profilesPage', {});
    expect(list.ok && list.value.recovered?.reason).toBe('invalid-json');
  });

  it('export json → import creates a de-duplicated profile without a secret', async () => {
    const { call } = setup();
    const created = await call('profileCreate', create);
    const id = created.ok ? created.value.id : '';
    await call('secretSet', { profileId: id, secret: CANARY });
    const exported = await call('exportProfile', { profileId: id, format: 'json' });
    if (!exported.ok) throw new Error(exported.error.message);
    expect(exported.value.fileName).toBe('ise-smtp-oauth-Contoso-HQ.json');
    const imported = await call('importProfile', { content: exported.value.content });
    expect(imported).toMatchObject({ ok: true, value: { name: 'Contoso HQ (2)', tenantId: TENANT, secretStored: false } });
    const tampered = exported.value.content.replace(MAILBOX, 'evil@contoso.onmicrosoft.com');
    expect(await call('importProfile', { content: tampered })).toMatchObject({ ok: false, error: { code: 'IMPORT_TAMPERED' } });
    const list = await call('profilesPage', {});
    expect(list.ok && list.value.profiles).toHaveLength(2);
  });
});

describe('the automation record is written by main only', () => {
  const record = { route: 'classic', applicationObjectId: '11111111-2222-4333-8444-555555555555', created: ['application'], audit: [] };

  it('profileUpdate refuses an automation record from the renderer, naming the field, and the profile keeps none', async () => {
    const { call, store } = setup();
    const created = await call('profileCreate', create);
    if (!created.ok) throw new Error(created.error.message);
    const r = await call('profileUpdate', { profileId: created.value.id, changes: { automation: record } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'changes.automation' } });
    expect(store.get(created.value.id).automation).toBeUndefined();
    // null (clearing main's record) is refused the same way.
    expect(await call('profileUpdate', { profileId: created.value.id, changes: { automation: null } })).toMatchObject({ ok: false, error: { field: 'changes.automation' } });
  });

  it('profileCreate refuses one too; main itself still records it, and a duplicate does not inherit it', async () => {
    const { call, store } = setup();
    expect(await call('profileCreate', { ...create, automation: record })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'automation' } });
    const created = await call('profileCreate', create);
    if (!created.ok) throw new Error(created.error.message);
    store.update(created.value.id, { automation: { ...record, route: 'classic', created: ['application'], audit: [] } });
    expect(store.get(created.value.id).automation?.applicationObjectId).toBe(record.applicationObjectId);
    const copy = await call('profileDuplicate', { profileId: created.value.id });
    expect(copy.ok && store.get(copy.value.id).automation).toBeUndefined();
  });
});
