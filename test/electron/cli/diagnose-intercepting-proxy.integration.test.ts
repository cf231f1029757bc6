import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseCommand } from '../../../electron/cli/diagnose';
import { startPracticeTenant, type PracticeTenant } from '../../../electron/practice';
import { DiagnosticReportSchema, type DiagnosticReport } from '../../../shared/diagnostic-report';
import { startInterceptingProxy, type InterceptingProxy } from '../../support/intercepting-proxy';
import { runCommand } from '../../support/run-command';

/**
 * A TLS-inspecting corporate proxy between the laptop and Entra: the token endpoint's chain is the
 * proxy's, not Microsoft's. Without the inspection CA the diagnosis must name the guide's PKIX
 * case (TLS_UNTRUSTED_CHAIN); with `--ca-file` holding it (plus the practice CA, which SMTP still
 * needs because the proxy tunnels SMTP untouched) the same configuration passes.
 */
let dataDir: string;
let tenant: PracticeTenant;
let proxy: InterceptingProxy;
let bundleFile: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'diag-intercept-'));
  tenant = await startPracticeTenant({ dataDir });
  proxy = await startInterceptingProxy({ inspectPorts: [Number(new URL(tenant.authorityHost).port)], upstreamCaPem: tenant.caPem });
  bundleFile = path.join(dataDir, 'corporate-bundle.pem');
  writeFileSync(bundleFile, `${proxy.caPem.trim()}\n${tenant.caPem.trim()}\n`);
});
afterAll(async () => {
  await proxy?.close();
  await tenant?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function run(argv: string[]): Promise<{ code: number; report: DiagnosticReport; err: string }> {
  const { code, out, err } = await runCommand(diagnoseCommand, argv);
  return { code, report: DiagnosticReportSchema.parse(JSON.parse(out)), err };
}

function args(caFile: string): string[] {
  const c = tenant.credentials();
  process.env.DIAG_INTERCEPT_SECRET = c.clientSecret;
  return [
    '--json', '--tenant-id', c.tenantId, '--client-id', c.clientId, '--mailbox', c.mailbox, '--secret-env', 'DIAG_INTERCEPT_SECRET',
    '--authority-host', tenant.authorityHost, '--smtp-host', tenant.smtpHost, '--smtp-port', String(tenant.smtpPort),
    '--proxy', proxy.url, '--ca-file', caFile, '--timeout', '3', '--send-to', 'helpdesk@contoso.com',
  ];
}

describe('behind a TLS-inspecting proxy', () => {
  it('without the inspection CA: TLS_UNTRUSTED_CHAIN on the login host (the guide\'s PKIX case), exit 1', async () => {
    tenant.setScenario('healthy');
    const before = proxy.intercepted.length;
    const { code, report } = await run(args(tenant.caFile));
    expect(code).toBe(1);
    expect(proxy.intercepted.length).toBeGreaterThan(before);
    const login = report.checks.find((c) => c.id === 'network.login');
    expect(login?.status).toBe('fail');
    expect(login?.findings.map((f) => f.code)).toEqual(['TLS_UNTRUSTED_CHAIN']);
    expect(report.findings.map((f) => f.code)).toContain('TLS_UNTRUSTED_CHAIN');
    // SMTP went through the same proxy, tunnelled, and its own TLS was fine.
    expect(report.checks.find((c) => c.id === 'network.smtp')?.status).toBe('pass');
    expect(report.findings.some((f) => f.code.startsWith('SMTP_'))).toBe(false);
  });

  it('with --ca-file holding the inspection CA and the practice CA: ok, exit 0, token intercepted, SMTP tunnelled', async () => {
    tenant.setScenario('healthy');
    const intercepted = proxy.intercepted.length;
    const tunnelled = proxy.tunnelled.length;
    const { code, report } = await run(args(bundleFile));
    expect(code, JSON.stringify(report.findings)).toBe(0);
    expect(report.ok).toBe(true);
    for (const id of ['network.login', 'token', 'claims', 'network.smtp', 'smtp.auth', 'smtp.send']) {
      expect(report.checks.find((c) => c.id === id)?.status, id).toBe('pass');
    }
    expect(proxy.intercepted.length).toBeGreaterThan(intercepted);
    expect(proxy.tunnelled.slice(tunnelled).every((t) => t === `127.0.0.1:${tenant.smtpPort}`)).toBe(true);
    expect(proxy.tunnelled.length).toBeGreaterThan(tunnelled);
  });
});
