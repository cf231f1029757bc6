import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../../electron/core/profiles/store';
import { CLIENT, MAILBOX, TENANT } from '../../support/profile-fixtures';
import { runCli } from '../../support/real-keychain';

/**
 * Issue 17 point 11, through the real CLI with no Secret Service at all (a D-Bus address that
 * leads nowhere): `profiles add` must not claim a session copy (the CLI keeps nothing), and
 * `profiles delete` offers, then does, the delete that leaves the keychain entry (if any).
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-no-kc-'));
const dataDir = path.join(root, 'data');
const noKeychain = { DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(root, 'no-bus')}`, HOME: root, XDG_DATA_HOME: path.join(root, 'share') };
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the CLI with no OS keychain', () => {
  it('profiles add says the secret was not stored, not that it is kept in memory', async () => {
    const r = await runCli(['profiles', 'add', 'Contoso', '--tenant-id', TENANT, '--client-id', CLIENT, '--mailbox', MAILBOX, '--secret-stdin', '--data-dir', dataDir], { stdin: 'a-secret-value\n', env: noKeychain });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/KEYCHAIN_UNAVAILABLE/);
    expect(r.stderr).toMatch(/not stored/);
    expect(r.stderr).not.toMatch(/memory|session/i);
    expect(new ProfileStore({ dataDir }).list()).toEqual([]); // nothing half-created
  }, 60_000);

  it('profiles delete refuses with the way out, and --keep-keychain-entry deletes the profile', async () => {
    new ProfileStore({ dataDir }).create({ name: 'Fabrikam', customer: '', iseVersion: '', mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT, route: 'classic', practice: false });
    const refused = await runCli(['profiles', 'delete', 'Fabrikam', '--yes', '--data-dir', dataDir], { env: noKeychain });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--keep-keychain-entry/);
    expect(new ProfileStore({ dataDir }).list()).toHaveLength(1);
    const forced = await runCli(['profiles', 'delete', 'Fabrikam', '--yes', '--keep-keychain-entry', '--data-dir', dataDir], { env: noKeychain });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/keychain entry \(if any\) stays/);
    expect(new ProfileStore({ dataDir }).list()).toEqual([]);
  }, 60_000);
});
