import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseCommand } from '../../../electron/cli/diagnose';
import { exportCommand } from '../../../electron/cli/export';
import { openProfileService } from '../../../electron/cli/profiles';
import { startPracticeTenant, type PracticeTenant } from '../../../electron/practice';
import { realKeychain } from '../../support/real-keychain';
import { runCommand } from '../../support/run-command';

// diagnose --profile NAME records the verification as the app does, so the exports that need
// its evidence (the CA chains, the token's oid) work right after a passing diagnose.
let dataDir: string;
let tenant: PracticeTenant;
const status = await realKeychain();

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'diag-profile-'));
  tenant = await startPracticeTenant({ dataDir: path.join(dataDir, 'app') });
});
afterAll(async () => {
  await tenant?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A customer-style (not practice) profile whose values are the practice tenant's. */
async function profile(name: string): Promise<string> {
  const c = tenant.credentials();
  const service = openProfileService(dataDir);
  const view = await service.create({ name, tenantId: c.tenantId, clientId: c.clientId, mailbox: c.mailbox, customer: '', iseVersion: '', route: 'classic', practice: false });
  await service.vault.set(view.id, c.clientSecret);
  return view.id;
}
const network = () => ['--authority-host', tenant.authorityHost, '--smtp-host', tenant.smtpHost, '--smtp-port', String(tenant.smtpPort), '--ca-file', tenant.caFile, '--timeout', '5'];

describe.runIf(status.available)('ise-smtp-oauth diagnose --profile NAME', () => {
  it('records the run, so export --format pem and ps1 work right after', async () => {
    tenant.setScenario('healthy');
    await profile('Site A');
    const before = await runCommand(exportCommand, ['--profile', 'Site A', '--format', 'pem', '--data-dir', dataDir]);
    expect(before.err).toContain('EXPORT_NO_CERTIFICATES');

    const run = await runCommand(diagnoseCommand, ['--json', '--profile', 'Site A', '--data-dir', dataDir, ...network()]);
    expect(run.code).toBe(0);
    expect(run.err).toContain('recorded as the last verification of profile "Site A"');
    const oid = JSON.parse(run.out).claims.oid as string;
    expect(oid).toMatch(/^[0-9a-f-]{36}$/);

    const pem = await runCommand(exportCommand, ['--profile', 'Site A', '--format', 'pem', '--data-dir', dataDir]);
    expect([pem.code, pem.err]).toEqual([0, '']);
    expect(pem.out).toContain('-----BEGIN CERTIFICATE-----');
    const ps1 = await runCommand(exportCommand, ['--profile', 'Site A', '--format', 'ps1', '--data-dir', dataDir]);
    expect(ps1.code).toBe(0);
    expect(ps1.out).toContain(`$ServicePrincipalObjectId = '${oid}'`);
  });

  it('does not record a run whose flags prove another identity than the profile', async () => {
    await profile('Site B');
    const run = await runCommand(diagnoseCommand, ['--json', '--profile', 'Site B', '--data-dir', dataDir, '--mailbox', 'other@contoso.example', ...network()]);
    expect(run.err).not.toContain('recorded');
    expect((await openProfileService(dataDir).list()).find((p) => p.name === 'Site B')?.lastVerification).toBeNull();
  });
});
