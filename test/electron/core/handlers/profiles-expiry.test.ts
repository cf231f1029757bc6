import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../../electron/core/handlers/dispatch';
import { fleetHandlers } from '../../../../electron/core/handlers/fleet';
import { ProfileStore } from '../../../../electron/core/profiles/store';
import { Vault } from '../../../../electron/core/vault/vault';
import type { KeytarLike } from '../../../../electron/core/vault/keychain-status';
import { contract } from '../../../../shared/contract';
import { CLIENT, MAILBOX, TENANT, memoryKeytar } from '../../../support/profile-fixtures';

/**
 * profilesExpiry (issue 16.2): the shell's expiry warnings and the first start's count come from
 * the store's summary index, without a keychain call (profilesList paid one per profile).
 */
let dir: string;
const fields = { mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'profiles-expiry-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('profilesExpiry', () => {
  it('counts every profile and warns for ≤ 30 days, ≤ 7 days and expired, asking the keychain nothing', async () => {
    const store = new ProfileStore({ dataDir: dir });
    store.create({ ...fields, name: 'Healthy', secretExpiry: '2027-06-30' });
    const soon = store.create({ ...fields, name: 'Soon', secretExpiry: '2026-12-20' });
    const urgent = store.create({ ...fields, name: 'Urgent', secretExpiry: '2026-12-05' });
    const expired = store.create({ ...fields, name: 'Expired', secretExpiry: '2026-11-30' });
    store.create({ ...fields, name: 'No date' });
    let keychainCalls = 0;
    const base = memoryKeytar();
    const counting = Object.fromEntries(Object.entries(base).map(([k, f]) => [k, typeof f === 'function' ? (...a: unknown[]) => (keychainCalls++, (f as (...x: unknown[]) => unknown)(...a)) : f])) as unknown as KeytarLike;
    const handlers = fleetHandlers({ dataDir: dir, version: '0.1.0', shell: 'browser', practice: false }, { store, vault: new Vault({ keytar: counting }), today: () => '2026-12-01' }) as unknown as Handlers;
    const r = await dispatch(handlers, 'profilesExpiry', {});
    if (!r.ok) throw new Error(r.error.message);
    contract.profilesExpiry.output.parse(r.value);
    expect(r.value.total).toBe(5);
    expect(r.value.warnings).toEqual([
      { id: soon.id, name: 'Soon', secretExpiryStatus: { daysLeft: 19, level: 'warn30' } },
      { id: urgent.id, name: 'Urgent', secretExpiryStatus: { daysLeft: 4, level: 'warn7' } },
      { id: expired.id, name: 'Expired', secretExpiryStatus: { daysLeft: -1, level: 'expired' } },
    ]);
    expect(keychainCalls).toBe(0);
  });

  it('an empty store: no profile, no warning', async () => {
    const handlers = fleetHandlers({ dataDir: dir, version: '0.1.0', shell: 'browser', practice: false }, { store: new ProfileStore({ dataDir: dir }), vault: new Vault({ keytar: memoryKeytar() }) }) as unknown as Handlers;
    expect(await dispatch(handlers, 'profilesExpiry', {})).toEqual({ ok: true, value: { total: 0, warnings: [] } });
  });
});
