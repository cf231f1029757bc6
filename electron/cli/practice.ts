import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from './command';
import { PRACTICE_SCENARIOS, SCENARIO_EXPECTATIONS, isPracticeScenario } from '../../shared/practice';
import { startPracticeTenant, type PracticeTenant } from '../practice';

/**
 * `ise-smtp-oauth practice [--scenario NAME] [--port N] [--smtp-port N] [--data-dir DIR]`:
 * runs the practice tenant alone, prints its endpoints, the CA file, the practice credentials
 * (practice values, safe to print) and a `diagnose` command line to try, then serves until
 * SIGINT/SIGTERM.
 */

export interface PracticeIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Resolves when the tenant is to stop (signals in the real command, a test's switch otherwise). */
  until: (tenant: PracticeTenant) => Promise<void>;
}

const SECRET_ENV = 'ISE_SMTP_OAUTH_PRACTICE_SECRET';

function parsePort(value: string | undefined, flag: string): number | string {
  if (value === undefined) return 0;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 65535 ? n : `${flag} must be a port number from 0 to 65535`;
}

/** Single-quotes a value for a POSIX shell line. */
function sh(value: string): string {
  return /^[A-Za-z0-9@%+=:,./_-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The `diagnose` command line that checks the practice tenant as the scenario means it. */
export function diagnoseCommandLine(tenant: PracticeTenant): string {
  const c = tenant.credentials();
  const e = SCENARIO_EXPECTATIONS[tenant.scenario];
  const args = [
    `${SECRET_ENV}=${sh(c.clientSecret)}`,
    'ise-smtp-oauth diagnose',
    `--tenant-id ${c.tenantId}`,
    `--client-id ${c.clientId}`,
    `--mailbox ${c.mailbox}`,
    `--secret-env ${SECRET_ENV}`,
    `--authority-host ${tenant.authorityHost}`,
    `--smtp-host ${tenant.smtpHost}`,
    `--smtp-port ${tenant.smtpPort}`,
    `--ca-file ${sh(tenant.caFile)}`,
    `--sp-object-id ${c.servicePrincipalObjectId}`,
  ];
  if (e.route !== 'classic') args.push(`--route ${e.route}`);
  if (tenant.scenario === 'send-as-denied' || tenant.scenario === 'healthy') args.push(`--send-to ${sh(c.mailbox)}`);
  if (tenant.scenario === 'smtp-hangs') args.push('--timeout 10');
  return args.join(' ');
}

function describeTenant(tenant: PracticeTenant): string {
  const c = tenant.credentials();
  const e = SCENARIO_EXPECTATIONS[tenant.scenario];
  return [
    `ise-smtp-oauth practice tenant: scenario '${tenant.scenario}'`,
    `  ${e.note}`,
    `  expected finding: ${e.expect ?? 'none (a healthy tenant)'}; route: ${e.route}`,
    '',
    'endpoints (127.0.0.1 only):',
    `  OAuth Token Endpoint API  ${tenant.authorityHost}/${c.tenantId}/oauth2/v2.0/token`,
    `  authority host            ${tenant.authorityHost}`,
    `  SMTP Server / SMTP Port   ${tenant.smtpHost} ${tenant.smtpPort} (STARTTLS)`,
    `  CA file to trust          ${tenant.caFile}`,
    '',
    'practice credentials (as the wizard is to be given them in this scenario):',
    `  Tenant ID                 ${c.tenantId}`,
    `  Client ID                 ${c.clientId}`,
    `  Client Secret             ${c.clientSecret}`,
    `  Secret ID                 ${c.secretId}`,
    `  Expiry Date               ${c.secretExpiry}`,
    `  Email Address             ${c.mailbox}`,
    `  Enterprise App object ID  ${c.servicePrincipalObjectId}`,
    `  App Registration obj. ID  ${c.appRegistrationObjectId}`,
    '',
    'try:',
    `  ${diagnoseCommandLine(tenant)}`,
    '',
    'Ctrl+C stops the practice tenant.',
    '',
  ].join('\n');
}

/** The command's body, with its I/O and its end injected (tests drive it in-process). */
export async function runPractice(argv: string[], io: PracticeIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        scenario: { type: 'string' },
        port: { type: 'string' },
        'smtp-port': { type: 'string' },
        'data-dir': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    io.err(`ise-smtp-oauth practice: ${(err as Error).message}\n`);
    return 2;
  }
  const scenario = values.scenario ?? 'healthy';
  if (!isPracticeScenario(scenario)) {
    io.err(`ise-smtp-oauth practice: --scenario '${scenario}' is not a practice scenario; valid names: ${PRACTICE_SCENARIOS.join(', ')}\n`);
    return 2;
  }
  const tokenPort = parsePort(values.port, '--port');
  const smtpPort = parsePort(values['smtp-port'], '--smtp-port');
  for (const p of [tokenPort, smtpPort]) {
    if (typeof p === 'string') {
      io.err(`ise-smtp-oauth practice: ${p}\n`);
      return 2;
    }
  }
  const dataDir = values['data-dir'] ?? process.env.ISE_SMTP_OAUTH_DATA_DIR ?? join(homedir(), '.config', 'ise-smtp-oauth');

  let tenant: PracticeTenant;
  try {
    tenant = await startPracticeTenant({ dataDir, scenario, tokenPort: tokenPort as number, smtpPort: smtpPort as number });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const what = code === 'EADDRINUSE' ? 'a port is already in use (--port / --smtp-port)' : code ? `${code}` : 'cannot start';
    io.err(`ise-smtp-oauth practice: ${what}\n`);
    return code === 'EADDRINUSE' ? 2 : 1;
  }
  io.out(describeTenant(tenant));
  await io.until(tenant);
  await tenant.close();
  return 0;
}

const USAGE = `usage: ise-smtp-oauth practice [--scenario NAME] [--port N] [--smtp-port N] [--data-dir DIR]
  Runs the practice tenant (emulated Entra token endpoint + Exchange Online SMTP on 127.0.0.1) and prints
  the diagnose command that points at it; Ctrl+C stops it.
  --scenario NAME  one of: ${PRACTICE_SCENARIOS.join(', ')} (default: healthy)
`;

export const practiceCommand: CliCommand = {
  usage: USAGE,
  summary: 'run the practice tenant (emulated Entra + Exchange Online) [--scenario NAME] [--port N] [--smtp-port N]',
  run: (argv) =>
    runPractice(argv, {
      out: (t) => process.stdout.write(t),
      err: (t) => process.stderr.write(t),
      until: () =>
        new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        }),
    }),
};
