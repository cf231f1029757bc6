import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../../electron/core/handlers/dispatch';
import { appHandlers } from '../../../../electron/core/handlers/app';
import { profileHandlers } from '../../../../electron/core/handlers/profiles';
import { ProfileStore } from '../../../../electron/core/profiles/store';
import { Vault } from '../../../../electron/core/vault/vault';
import { contract } from '../../../../shared/contract';
import { CANARY, CLIENT, MAILBOX, TENANT, failingKeytar, memoryKeytar } from '../../../support/profile-fixtures';

/**
 * Issue 17 point 11, the keychain-related part: what the app says and allows when the OS
 * keychain is down, and that a session-only secret is never called "in the keychain".
 */
let dir: string;
const ctx = () => ({ dataDir: dir, version: '0.1.0', shell: 'browser' as const, practice: false });
const create = { name: 'Contoso HQ', mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT };
const DBUS_DETAIL = 'org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files (:1.42 /org/freedesktop/secrets)';

function setup(keytar: ReturnType<typeof memoryKeytar> | ReturnType<typeof failingKeytar>) {
  const store = new ProfileStore({ dataDir: dir });
  const vault = new Vault({ keytar });
  const handlers = profileHandlers(ctx(), { store, vault, today: () => '2026-12-01' }) as unknown as Handlers;
  const call = async <K extends keyof typeof contract & string>(name: K, input: unknown) => {
    const result = await dispatch(handlers, name, input);
    if (result.ok) contract[name].output.parse(result.value);
    return result;
  };
  return { store, vault, call };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-fallback-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a secret held in session memory', () => {
  it('is exported as not stored in the keychain', async () => {
    const { call } = setup(failingKeytar());
    const created = await call('profileCreate', create);
    if (!created.ok) throw new Error(created.error.message);
    const set = await call('secretSet', { profileId: created.value.id, secret: CANARY });
    expect(set.ok && set.value.secretStorage).toBe('session');
    const file = await call('exportProfile', { profileId: created.value.id, format: 'json' });
    if (!file.ok) throw new Error(file.error.message);
    const doc = JSON.parse(file.value.content) as { iseSettings: { 'Client Secret': { storedInKeychain: boolean } } };
    expect(doc.iseSettings['Client Secret'].storedInKeychain).toBe(false);
  });

  it('a keychain-stored secret is still exported as stored in the keychain', async () => {
    const { call } = setup(memoryKeytar());
    const created = await call('profileCreate', create);
    if (!created.ok) throw new Error(created.error.message);
    await call('secretSet', { profileId: created.value.id, secret: CANARY });
    const file = await call('exportProfile', { profileId: created.value.id, format: 'json' });
    const doc = JSON.parse(file.ok ? file.value.content : '{}') as { iseSettings: { 'Client Secret': { storedInKeychain: boolean } } };
    expect(doc.iseSettings['Client Secret'].storedInKeychain).toBe(true);
  });
});

describe('appInfo with a broken keychain', () => {
  it('returns the reason, never the raw keychain error text (as keychainStatus does)', async () => {
    const info = await appHandlers(
      { ...ctx(), practice: false },
      { keychainStatus: async () => ({ available: false, reason: 'no-secret-service', detail: DBUS_DETAIL }) },
    ).appInfo({});
    expect(info.keychain).toEqual({ available: false, reason: 'no-secret-service' });
    expect(JSON.stringify(info)).not.toContain('org.freedesktop');
  });
});

describe('deleting a profile with no keychain', () => {
  it('refuses by default, then deletes the profile when asked and says the keychain entry stays', async () => {
    const { call, store } = setup(failingKeytar());
    const created = await call('profileCreate', create);
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    const refused = await call('profileDelete', { profileId: id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    expect(store.list()).toHaveLength(1);
    const forced = await call('profileDelete', { profileId: id, keepKeychainEntry: true });
    expect(forced).toEqual({ ok: true, value: { deleted: true, keychainEntryKept: true } });
    expect(store.list()).toHaveLength(0);
  });

  it('with a working keychain, deletes both and keeps nothing', async () => {
    const keytar = memoryKeytar();
    const { call } = setup(keytar);
    const created = await call('profileCreate', create);
    if (!created.ok) throw new Error(created.error.message);
    await call('secretSet', { profileId: created.value.id, secret: CANARY });
    const r = await call('profileDelete', { profileId: created.value.id, keepKeychainEntry: true });
    expect(r).toEqual({ ok: true, value: { deleted: true, keychainEntryKept: false } });
    expect(keytar.entries.size).toBe(0);
  });
});
