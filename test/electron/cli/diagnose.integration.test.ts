import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseCommand } from '../../../electron/cli/diagnose';
import { startPracticeTenant, type PracticeTenant } from '../../../electron/practice';
import { DiagnosticReportSchema } from '../../../shared/diagnostic-report';
import { runCommand } from '../../support/run-command';

let dataDir: string;
let tenant: PracticeTenant;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'diag-cli-'));
  tenant = await startPracticeTenant({ dataDir });
});
afterAll(async () => {
  await tenant?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const run = (argv: string[]) => runCommand(diagnoseCommand, argv);

function practiceArgs(): string[] {
  const c = tenant.credentials();
  process.env.DIAG_TEST_SECRET = c.clientSecret;
  return [
    '--tenant-id', c.tenantId, '--client-id', c.clientId, '--mailbox', c.mailbox, '--secret-env', 'DIAG_TEST_SECRET',
    '--authority-host', tenant.authorityHost, '--smtp-host', tenant.smtpHost, '--smtp-port', String(tenant.smtpPort),
    '--ca-file', tenant.caFile, '--timeout', '3',
  ];
}

describe('ise-smtp-oauth diagnose', () => {
  it('--json prints one report and exits 0 on a healthy tenant', async () => {
    tenant.setScenario('healthy');
    const { code, out } = await run(['--json', ...practiceArgs()]);
    expect(code).toBe(0);
    const report = DiagnosticReportSchema.parse(JSON.parse(out));
    expect(report.ok).toBe(true);
    expect(out).not.toContain(tenant.credentials().clientSecret);
  });

  it('exits 1 with the finding when a check fails, and the readable report names cause and fix', async () => {
    tenant.setScenario('wrong-secret');
    const json = await run(['--json', ...practiceArgs()]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).findings.map((f: { code: string }) => f.code)).toContain('TOKEN_SECRET_INVALID');
    const text = await run(practiceArgs());
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/FAIL\s+token\s+\d+ ms/);
    expect(text.out).toContain('ERROR TOKEN_SECRET_INVALID');
    expect(text.out).toContain('Cause:');
    expect(text.out).toContain('Fix:');
    expect(text.out).not.toContain(tenant.credentials().clientSecret);
  });

  it('exits 2 naming the bad field', async () => {
    const args = practiceArgs();
    const bad = (flag: string, value: string) => {
      const copy = [...args];
      copy[copy.indexOf(flag) + 1] = value;
      return copy;
    };
    const tenantErr = await run(bad('--tenant-id', 'contoso.onmicrosoft.com'));
    expect(tenantErr.code).toBe(2);
    expect(tenantErr.err).toContain('--tenant-id must be the Directory (tenant) ID');
    expect((await run(bad('--smtp-port', 'abc'))).err).toContain('--smtp-port must be a port number');
    expect((await run(bad('--mailbox', 'nobody'))).err).toContain('--mailbox must be an email address');
    expect((await run([...args, '--route', 'other'])).err).toContain('--route');
    expect((await run([...args, '--ise-version', 'latest'])).err).toContain('--ise-version');
    expect((await run(args.filter((a, i) => a !== '--secret-env' && args[i - 1] !== '--secret-env'))).err).toContain('client secret is required');
    expect((await run([...args, '--bogus'])).code).toBe(2);
    const missingEnv = await run(bad('--secret-env', 'DIAG_NOT_SET_ANYWHERE'));
    expect(missingEnv.code).toBe(2);
    expect(missingEnv.err).toContain('DIAG_NOT_SET_ANYWHERE');
  });

  it('the installed entry point routes `diagnose` and exits 2 on bad usage', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'diagnose', '--tenant-id', 'x', '--client-id', 'y', '--mailbox', 'z', '--secret-env', 'NOPE'], {
      cwd: path.resolve(__dirname, '../../..'),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('ise-smtp-oauth diagnose:');
  });
});

describe('ise-smtp-oauth diagnose --profile', () => {
  it('refuses a practice profile with a pointer to `ise-smtp-oauth practice` (its endpoints live in the app)', async () => {
    const { realKeychain } = await import('../../support/real-keychain');
    const { ProfileStore } = await import('../../../electron/core/profiles/store');
    const { sharedVault } = await import('../../../electron/core/profiles/process-services');
    const status = await realKeychain();
    const profilesDir = mkdtempSync(path.join(tmpdir(), 'diag-cli-profile-'));
    const store = new ProfileStore({ dataDir: profilesDir });
    const c = tenant.credentials();
    const profile = store.create({ name: 'Practice tenant', customer: '', iseVersion: '', mailbox: c.mailbox, tenantId: c.tenantId, clientId: c.clientId, route: 'classic', practice: true });
    if (status.available) await sharedVault().set(profile.id, c.clientSecret);
    const { code, err } = await run(['--profile', 'Practice tenant', '--data-dir', profilesDir]);
    expect(code).toBe(2);
    // With a keychain the practice branch answers; without one the keychain's own fix does (both name --profile).
    expect(err).toMatch(status.available ? /built-in practice tenant: run `ise-smtp-oauth practice`/ : /--profile/);
    if (status.available) await sharedVault().delete(profile.id);
    rmSync(profilesDir, { recursive: true, force: true });
  });
});
