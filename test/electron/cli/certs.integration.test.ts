import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certsCommand } from '../../../electron/cli/certs';
import { startPracticeTenant, type PracticeTenant } from '../../../electron/practice';
import { CertificateAnalysisSchema } from '../../../shared/contract/certificates';
import { freePort } from '../../support/tinyproxy';
import { runCommand } from '../../support/run-command';

let dataDir: string;
let tenant: PracticeTenant;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'certs-cli-'));
  tenant = await startPracticeTenant({ dataDir });
});
afterAll(async () => {
  await tenant?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const run = (argv: string[]) => runCommand(certsCommand, argv);

const practiceArgs = () => ['--authority-host', tenant.authorityHost, '--smtp-host', tenant.smtpHost, '--smtp-port', String(tenant.smtpPort), '--ca-file', tenant.caFile, '--timeout', '3'];

describe('ise-smtp-oauth certs', () => {
  it('prints both chains and the ISE import steps, exit 0', async () => {
    const { code, out } = await run(practiceArgs());
    expect(code).toBe(0);
    expect(out).toContain(`Token host 127.0.0.1:${new URL(tenant.authorityHost).port}: captured, trusted by this computer`);
    expect(out).toContain(`SMTP host (after STARTTLS) 127.0.0.1:${tenant.smtpPort}`);
    expect(out).toContain(`SHA-256  ${new X509Certificate(tenant.caPem).fingerprint256}`);
    expect(out).toContain('Administration > System > Certificates > Trusted Certificates > Import');
    expect(out).toContain('"Trust for authentication within ISE and Client-Server communication"');
    expect(out).toContain('leave "Trust for client authentication and Syslog" off');
    expect(out).toContain('1. ise-smtp-oauth_Practice_Root_CA.pem');
  });

  it('--out-dir writes one PEM per CA and the bundle; --json prints the analysis', async () => {
    const dir = path.join(dataDir, 'out', 'nested');
    const { code, out } = await run([...practiceArgs(), '--out-dir', dir, '--json']);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { writtenFiles: string[] };
    const analysis = CertificateAnalysisSchema.parse(parsed);
    expect(readdirSync(dir).sort()).toEqual(['ise-smtp-oauth_Practice_Root_CA.pem', 'ise-trusted-ca-bundle.pem']);
    expect(parsed.writtenFiles).toHaveLength(2);
    const written = readFileSync(path.join(dir, 'ise-smtp-oauth_Practice_Root_CA.pem'), 'utf8');
    expect(new X509Certificate(written).fingerprint256).toBe(analysis.caCertificates[0]!.sha256);
  });

  it('untrusted-certificate: still exit 0 (captured), flagged NOT trusted with the finding', async () => {
    tenant.setScenario('untrusted-certificate');
    try {
      const { code, out } = await run(practiceArgs());
      expect(code).toBe(0);
      expect(out).toContain('captured, NOT trusted by this computer');
      expect(out).toContain('ERROR TLS_UNTRUSTED_CHAIN');
      expect(out).toContain('Untrusted_Inspection_CA.pem');
    } finally {
      tenant.setScenario('healthy');
    }
  });

  it('exit 1 when an endpoint cannot be reached', async () => {
    const closed = await freePort();
    const { code, out } = await run([...practiceArgs().slice(0, 4), '--smtp-port', String(closed), '--timeout', '2']);
    expect(code).toBe(1);
    expect(out).toContain('NOT CAPTURED');
    expect(out).toContain('NET_CONNECT_REFUSED');
    expect(out).toContain('FAILED');
  });

  it('exit 2 naming the bad flag', async () => {
    const cases: [string[], string][] = [
      [['--smtp-port', '0'], '--smtp-port must be a port number'],
      [['--smtp-port', 'abc'], '--smtp-port must be a port number'],
      [['--timeout', '999'], '--timeout must be a number of seconds'],
      [['--proxy', 'proxy:3128'], '--proxy must be an http(s) URL'],
      [['--authority-host', 'login.microsoftonline.com'], '--authority-host must be an http(s) URL'],
      [['--smtp-host', 'smtp office365'], '--smtp-host must be a host name'],
      [['--ca-file', path.join(dataDir, 'nope.pem')], '--ca-file cannot be read'],
      [['--bogus'], "Unknown option '--bogus'"],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toContain(message);
    }
  });
});
