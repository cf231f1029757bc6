import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../../electron/core/handlers/dispatch';
import { fleetHandlers } from '../../../../electron/core/handlers/fleet';
import { profileHandlers } from '../../../../electron/core/handlers/profiles';
import { ProfileStore } from '../../../../electron/core/profiles/store';
import { ProfileService } from '../../../../electron/core/profiles/profile-service';
import { proxyAccount, proxyUrlFor } from '../../../../electron/core/profiles/proxy-secret';
import { Vault } from '../../../../electron/core/vault/vault';
import { contract } from '../../../../shared/contract';
import { CLIENT, MAILBOX, TENANT, memoryKeytar } from '../../../support/profile-fixtures';

/**
 * Issue 17 point 5: the proxy password inside a profile's proxy URL is a secret like the client
 * secret: it goes to the keychain (its own account under the profile), never into profiles.json,
 * never out through a profile call; the network calls in main get it back.
 */
const PROXY_PW = 'PROXY~Canary_pw.42';
const PROXY = `http://svc-ise:${encodeURIComponent(PROXY_PW)}@proxy.contoso.test:3128`;
let dir: string;
const file = () => path.join(dir, 'profiles.json');
const create = { name: 'Contoso HQ', mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT };

function setup(keytar = memoryKeytar()) {
  const store = new ProfileStore({ dataDir: dir });
  const vault = new Vault({ keytar });
  const handlers = { ...profileHandlers({ dataDir: dir, version: '0.1.0', shell: 'browser', practice: false }, { store, vault }), ...fleetHandlers({ dataDir: dir, version: '0.1.0', shell: 'browser', practice: false }, { store, vault }) } as unknown as Handlers;
  const outputs: string[] = [];
  const call = async <K extends keyof typeof contract & string>(name: K, input: unknown) => {
    const result = await dispatch(handlers, name, input);
    outputs.push(JSON.stringify(result));
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    contract[name].output.parse(result.value);
    return result.value as Record<string, unknown>;
  };
  return { store, vault, keytar, call, outputs };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxy-secret-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the proxy password', () => {
  it('goes to the keychain on create and update, never into profiles.json or a response', async () => {
    const { call, outputs, keytar, store, vault } = setup();
    const created = await call('profileCreate', { ...create, proxy: PROXY });
    const id = String(created['id']);
    expect(created['proxy']).toBe('http://svc-ise@proxy.contoso.test:3128');
    expect(created['proxyPasswordStored']).toBe(true);
    await call('profileGet', { profileId: id });
    await call('profilesPage', {});
    await call('profileUpdate', { profileId: id, changes: { proxy: PROXY.replace('3128', '8080') } });
    await call('exportProfile', { profileId: id, format: 'json' });
    expect(outputs.join('\n')).not.toContain(PROXY_PW);
    expect(outputs.join('\n')).not.toContain(encodeURIComponent(PROXY_PW));
    expect(fs.readFileSync(file(), 'utf8')).not.toContain(encodeURIComponent(PROXY_PW));
    expect([...keytar.entries.keys()].some((k) => k.endsWith(proxyAccount(id)))).toBe(true);
    // Main gets the whole URL back for the network call.
    expect(await proxyUrlFor(vault, store.get(id))).toBe(PROXY.replace('3128', '8080'));
  });

  it('a proxy without a password (and a cleared proxy) removes the stored one; delete removes it too', async () => {
    const { call, keytar } = setup();
    const id = String((await call('profileCreate', { ...create, proxy: PROXY }))['id']);
    const cleared = await call('profileUpdate', { profileId: id, changes: { proxy: null } });
    expect(cleared['proxyPasswordStored']).toBe(false);
    expect(keytar.entries.size).toBe(0);
    await call('profileUpdate', { profileId: id, changes: { proxy: PROXY } });
    expect(keytar.entries.size).toBe(1);
    await call('profileDelete', { profileId: id });
    expect(keytar.entries.size).toBe(0);
  });

  it('an existing profile with the password in its URL is migrated to the keychain', async () => {
    const legacy = { id: '6a0f4c8e-1d3b-4b7a-9c2e-8f5d0a6b3e71', name: 'Old', customer: '', iseVersion: '', mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT, route: 'classic', practice: false, proxy: PROXY, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', lastVerification: null };
    fs.writeFileSync(file(), JSON.stringify({ __internal__: { migrations: { version: '1.0.0' } }, schemaVersion: 1, profiles: [legacy] }));
    const { call, outputs, vault, store } = setup();
    const list = await call('profilesPage', {});
    expect((list['profiles'] as Array<Record<string, unknown>>)[0]).toMatchObject({ proxy: 'http://svc-ise@proxy.contoso.test:3128' });
    expect(await call('profileGet', { profileId: legacy.id })).toMatchObject({ proxy: 'http://svc-ise@proxy.contoso.test:3128', proxyPasswordStored: true });
    expect(fs.readFileSync(file(), 'utf8')).not.toContain(encodeURIComponent(PROXY_PW));
    expect(outputs.join('\n')).not.toContain(encodeURIComponent(PROXY_PW));
    expect(await proxyUrlFor(vault, store.get(legacy.id))).toBe(PROXY);
  });

  it('with the keychain down, a legacy password stays where it was but is still never returned', async () => {
    const legacy = { id: '6a0f4c8e-1d3b-4b7a-9c2e-8f5d0a6b3e71', name: 'Old', customer: '', iseVersion: '', mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT, route: 'classic', practice: false, proxy: PROXY, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', lastVerification: null };
    fs.writeFileSync(file(), JSON.stringify({ __internal__: { migrations: { version: '1.0.0' } }, schemaVersion: 1, profiles: [legacy] }));
    const failing = { ...memoryKeytar(), setPassword: async () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided')) };
    const store = new ProfileStore({ dataDir: dir });
    const service = new ProfileService({ store, vault: new Vault({ keytar: failing }) });
    const views = await service.list();
    expect(JSON.stringify(views)).not.toContain(encodeURIComponent(PROXY_PW));
    expect(views[0]?.proxy).toBe('http://svc-ise@proxy.contoso.test:3128');
  });

  it('a proxy without credentials is stored as given (no keychain entry)', async () => {
    const { call, keytar } = setup();
    const created = await call('profileCreate', { ...create, proxy: 'http://proxy.contoso.test:3128' });
    expect(created).toMatchObject({ proxy: 'http://proxy.contoso.test:3128', proxyPasswordStored: false });
    expect(keytar.entries.size).toBe(0);
  });
});
