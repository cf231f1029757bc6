import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { profilesEntry } from '../../../electron/cli/profiles-list';
import { ProfileStore } from '../../../electron/core/profiles/store';
import { withIndex } from '../../../electron/core/profiles/store-layout';
import { ProfileSchema } from '../../../shared/contract/profiles';
import { CLIENT, MAILBOX, TENANT } from '../../support/profile-fixtures';

/**
 * `profiles list` answered from the store's summary index before the rest of the command loads
 * (issue 16.2), and handed on to the full command when the file has no index yet.
 */
let dir: string;
let out: string;
const fields = { customer: 'Contoso', mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-list-'));
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string) => ((out += chunk), true)) as typeof process.stdout.write);
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('profiles list', () => {
  it('prints one line per profile from the index, parsing no profile', async () => {
    const store = new ProfileStore({ dataDir: dir });
    store.create({ ...fields, name: 'Contoso HQ', secretExpiry: '2099-01-31' });
    store.create({ ...fields, name: 'Fabrikam', customer: 'Fabrikam', route: 'app-rbac' });
    const parses = vi.spyOn(ProfileSchema, 'safeParse');
    expect(await profilesEntry.run(['list', '--data-dir', dir])).toBe(0);
    expect(parses).not.toHaveBeenCalled();
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Contoso HQ\s+Contoso\s+classic\s+secret:no\s+expiry:\d+d ok$/);
    expect(lines[1]).toMatch(/^Fabrikam\s+Fabrikam\s+app-rbac\s+secret:no\s+expiry:-$/);
  });

  it('a file without an index (older layout) goes to the full command, which migrates it: the same lines', async () => {
    const store = new ProfileStore({ dataDir: dir });
    const p = store.create({ ...fields, name: 'Contoso HQ' });
    fs.writeFileSync(path.join(dir, 'profiles.json'), JSON.stringify({ __internal__: { migrations: { version: '1.0.0' } }, schemaVersion: 1, profiles: [p] }, undefined, '\t'));
    expect(await profilesEntry.run(['list', '--data-dir', dir])).toBe(0);
    const first = out;
    expect(first).toMatch(/^Contoso HQ\s+Contoso\s+classic/);
    expect(withIndex(path.join(dir, 'profiles.json'), (ix) => ix?.rows.length)).toBe(1);
    out = '';
    expect(await profilesEntry.run(['list', '--data-dir', dir])).toBe(0);
    expect(out).toBe(first);
  });

  it('an empty store and --json take the full command', async () => {
    expect(await profilesEntry.run(['list', '--data-dir', dir])).toBe(0);
    expect(out).toContain('no profiles yet');
    new ProfileStore({ dataDir: dir }).create({ ...fields, name: 'Contoso HQ' });
    out = '';
    expect(await profilesEntry.run(['list', '--json', '--data-dir', dir])).toBe(0);
    expect((JSON.parse(out) as { profiles: { name: string }[] }).profiles.map((x) => x.name)).toEqual(['Contoso HQ']);
  });
});
