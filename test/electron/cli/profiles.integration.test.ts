import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveProfileSecret } from '../../../electron/core/profiles/resolve';
import { CANARY, CLIENT, MAILBOX, TENANT } from '../../support/profile-fixtures';
import { realKeychain, runCli } from '../../support/real-keychain';

const status = await realKeychain();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-profiles-'));
const dd = ['--data-dir', dataDir];
const addArgs = (name: string) => ['profiles', 'add', name, '--tenant-id', TENANT, '--client-id', CLIENT, '--mailbox', MAILBOX, '--expiry', '2027-01-31', '--route', 'app-rbac', '--customer', 'Contoso', '--ise-version', '3.4 P4', '--secret-stdin', ...dd];

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('ise-smtp-oauth profiles: usage errors (exit 2, the bad field named)', () => {
  it('a malformed tenant ID', async () => {
    const r = await runCli(['profiles', 'add', 'X', '--tenant-id', 'nope', '--client-id', CLIENT, '--mailbox', MAILBOX, '--secret-stdin', ...dd], { stdin: `${CANARY}\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--tenant-id must be the Directory (tenant) ID');
    expect(r.stderr + r.stdout).not.toContain(CANARY);
  });

  it('a missing mailbox, a secret ID instead of the Value, no --secret-stdin, an unknown action', async () => {
    const noMailbox = await runCli(['profiles', 'add', 'X', '--tenant-id', TENANT, '--client-id', CLIENT, '--secret-stdin', ...dd], { stdin: CANARY });
    expect([noMailbox.code, noMailbox.stderr]).toEqual([2, expect.stringContaining('--mailbox is required')]);
    const secretId = await runCli(addArgs('X'), { stdin: `${TENANT}\n` });
    expect([secretId.code, secretId.stderr]).toEqual([2, expect.stringContaining('looks like a Secret ID')]);
    const noStdin = await runCli(addArgs('X').filter((a) => a !== '--secret-stdin'));
    expect([noStdin.code, noStdin.stderr]).toEqual([2, expect.stringContaining('--secret-stdin is required')]);
    expect((await runCli(['profiles', 'frobnicate', ...dd])).code).toBe(2);
    expect((await runCli(['profiles', 'show', 'Nobody', ...dd])).code).toBe(2);
  }, 60_000);
});

if (status.available) {
  describe('ise-smtp-oauth profiles with the real keychain', () => {
    it('add → list → show → export → import → delete', async () => {
      const add = await runCli(addArgs('Contoso HQ'), { stdin: `${CANARY}\n` });
      expect(add.stderr).toBe('');
      expect(add.code).toBe(0);
      expect((await runCli(addArgs('contoso hq'), { stdin: CANARY })).stderr).toContain('PROFILE_NAME_TAKEN');

      const list = await runCli(['profiles', 'list', '--json', ...dd]);
      expect(list.code).toBe(0);
      const [view] = JSON.parse(list.stdout).profiles;
      expect(view).toMatchObject({ name: 'Contoso HQ', route: 'app-rbac', secretStored: true, secretStorage: 'keychain' });
      expect(view).not.toHaveProperty('secretHint');

      const show = await runCli(['profiles', 'show', 'contoso hq', ...dd]);
      expect(show.stdout).toMatch(/Client Secret\s+stored \(keychain\)\n/);
      expect(show.stdout).not.toContain("ends in");
      expect(show.stdout).toMatch(/Expiry Date\s+2027-01-31 \(-?\d+ days left/);

      // diagnose --profile NAME takes the secret from here.
      const resolved = await resolveProfileSecret('Contoso HQ', { dataDir });
      expect(resolved.secret).toBe(CANARY);
      expect(resolved.profile.tenantId).toBe(TENANT);

      const out = path.join(dataDir, 'export.json');
      expect((await runCli(['export', '--profile', 'Contoso HQ', '--format', 'json', '--out', out, ...dd])).code).toBe(0);
      const ps1 = await runCli(['export', '--profile', 'Contoso HQ', '--format', 'ps1', ...dd]);
      expect(ps1.stdout).toContain('New-ManagementRoleAssignment -Role "Application SMTP.SendAsApp"');
      const pem = await runCli(['export', '--profile', 'Contoso HQ', '--format', 'pem', ...dd]);
      expect([pem.code, pem.stderr]).toEqual([1, expect.stringContaining('EXPORT_NO_CERTIFICATES')]);
      expect((await runCli(['export', '--profile', 'Contoso HQ', '--format', 'docx', ...dd])).code).toBe(2);

      const tampered = path.join(dataDir, 'tampered.json');
      fs.writeFileSync(tampered, fs.readFileSync(out, 'utf8').replace('Contoso', 'Fabrikam'));
      const bad = await runCli(['import', tampered, ...dd]);
      expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('IMPORT_TAMPERED')]);
      const imported = await runCli(['import', out, ...dd]);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain('imported profile "Contoso HQ (2)"');
      const after = JSON.parse((await runCli(['profiles', 'list', '--json', ...dd])).stdout).profiles;
      expect(after.map((p: { name: string; secretStored: boolean }) => [p.name, p.secretStored])).toEqual([
        ['Contoso HQ', true],
        ['Contoso HQ (2)', false],
      ]);
      expect((await runCli(['profiles', 'set-secret', 'Contoso HQ (2)', '--secret-stdin', ...dd], { stdin: 'other~secret.value' })).code).toBe(0);

      for (const name of ['Contoso HQ', 'Contoso HQ (2)']) {
        expect((await runCli(['profiles', 'delete', name, '--yes', ...dd])).code).toBe(0);
      }
      await expect(resolveProfileSecret('Contoso HQ', { dataDir })).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
      expect(JSON.parse((await runCli(['profiles', 'list', '--json', ...dd])).stdout).profiles).toEqual([]);
    }, 120_000); // ~17 CLI processes, each starting tsx
  });
} else {
  describe('ise-smtp-oauth profiles without a keychain', () => {
    it('add fails with KEYCHAIN_UNAVAILABLE and the fix, and creates nothing', async () => {
      const r = await runCli(addArgs('Contoso HQ'), { stdin: CANARY, env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('KEYCHAIN_UNAVAILABLE');
      expect(JSON.parse((await runCli(['profiles', 'list', '--json', ...dd])).stdout).profiles).toEqual([]);
    });
  });
}
