import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CliCommand } from './command';
import { resolveDataDir } from '../core/profiles/data-dir';
import { CallFailure } from '../core/errors/call-failure';
import { importMissingCas, inspectIse, type IseImportOptions, type IseInspectOptions } from '../core/ise';
import { formatImport, formatInspection } from '../core/ise/format';
import { savePin } from '../core/ise/profile';
import { KeychainUnavailableError } from '../core/vault/vault';
import type { IseImportReport, IseInspection } from '../../shared/contract/ise';
import { DEFAULT_ERS_PORT, DEFAULT_OPENAPI_PORT, FingerprintSchema, iseAccount, normaliseFingerprint, type IseConnection } from '../../shared/ise-api/connection';
import { ISE_PRACTICE_SCENARIOS, isIsePracticeScenario } from '../../shared/ise-api/practice';
import { HostSchema, HttpUrlSchema, MailboxSchema, PortSchema, TimeoutSecondsSchema, validationText } from '../../shared/validators';
import { openProfileService, readSecretFromStdin } from './profiles';

const USAGE = `usage:
  ise-smtp-oauth ise inspect    --ise-host H --ise-user U (--ise-password-stdin | --profile NAME) [options] [--json]
  ise-smtp-oauth ise import-cas --ise-host H --ise-user U (--ise-password-stdin | --profile NAME) [options] [--what-if] [--json]
  ise-smtp-oauth ise inspect|import-cas --practice [--scenario NAME] [--json]
options:
  --ise-ers-port P (default ${DEFAULT_ERS_PORT})  --ise-api-port P (default ${DEFAULT_OPENAPI_PORT})
  --ise-fingerprint SHA256   the admin certificate you accept (trust on first use), or
  --ca-file PEM              a CA file ISE's admin certificate chains to (may also hold the Microsoft side's CAs)
  --authority-host URL --smtp-host H --smtp-port P --proxy URL   the Microsoft side, as for diagnose
  --mailbox M (the sender, for the guest sender check) --timeout S --data-dir DIR
Reads ISE's version, nodes, proxy, guest email settings and trusted store through ERS and OpenAPI;
import-cas imports the missing Microsoft CAs (trusted for authentication within ISE) and reads them back.
The password is read from stdin only, and with --profile kept in the OS keychain under the profile.
exit codes: 0 no error found, 1 an error finding, 2 bad usage
`;

class UsageError extends Error {}
type Values = Record<string, string | boolean | undefined>;

const OPTIONS = {
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  'ise-host': { type: 'string' },
  'ise-user': { type: 'string' },
  'ise-password-stdin': { type: 'boolean', default: false },
  'ise-ers-port': { type: 'string' },
  'ise-api-port': { type: 'string' },
  'ise-fingerprint': { type: 'string' },
  'ca-file': { type: 'string' },
  'authority-host': { type: 'string' },
  'smtp-host': { type: 'string' },
  'smtp-port': { type: 'string' },
  proxy: { type: 'string' },
  mailbox: { type: 'string' },
  timeout: { type: 'string' },
  profile: { type: 'string' },
  'data-dir': { type: 'string' },
  practice: { type: 'boolean', default: false },
  scenario: { type: 'string' },
  'what-if': { type: 'boolean', default: false },
} as const;

function str(values: Values, k: string): string | undefined {
  return typeof values[k] === 'string' ? (values[k] as string) : undefined;
}

function port(values: Values, flag: string): number | undefined {
  const v = str(values, flag);
  if (v === undefined) return undefined;
  const n = /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!PortSchema.safeParse(n).success) throw new UsageError(`--${flag} ${validationText('port')}`);
  return n;
}

function checked(values: Values, flag: string, schema: { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: Array<{ message: string }> } } }): string | undefined {
  const v = str(values, flag);
  if (v === undefined) return undefined;
  const r = schema.safeParse(v);
  if (!r.success) throw new UsageError(`--${flag} ${validationText(r.error?.issues[0]?.message ?? '')}`);
  return r.data as string;
}

interface Plan {
  options: IseInspectOptions;
  title: string;
  /** Called after a run whose pin state is 'matched' or 'accepted' on a profile. */
  afterRun?: (i: IseInspection) => void;
  close: () => Promise<void>;
}

async function practicePlan(values: Values): Promise<Plan> {
  const scenario = str(values, 'scenario') ?? 'healthy';
  if (!isIsePracticeScenario(scenario)) throw new UsageError(`--scenario '${scenario}' is not a practice ISE scenario; valid names: ${ISE_PRACTICE_SCENARIOS.join(', ')}`);
  const dataDir = resolveDataDir(str(values, 'data-dir'));
  const [{ startPracticeTenant }, { startPracticeIse }] = await Promise.all([import('../practice'), import('../practice/ise')]);
  const tenant = await startPracticeTenant({ dataDir });
  const ise = await startPracticeIse({ dataDir, scenario, mailbox: tenant.credentials().mailbox }).catch(async (err: unknown) => {
    await tenant.close();
    throw err;
  });
  return {
    title: `ISE ${ise.host} (practice ISE, scenario '${scenario}'; its self-signed admin certificate is accepted for practice)`,
    options: {
      host: ise.host,
      username: ise.username,
      password: ise.password,
      ersPort: ise.ersPort,
      apiPort: ise.apiPort,
      pinSha256: ise.adminSha256,
      mailbox: tenant.credentials().mailbox,
      microsoft: { authorityHost: tenant.authorityHost, smtpHost: tenant.smtpHost, smtpPort: tenant.smtpPort, caPem: tenant.caPem, practice: true },
      practice: true,
    },
    close: async () => {
      await Promise.all([ise.close(), tenant.close()]);
    },
  };
}

async function realPlan(values: Values): Promise<Plan> {
  const fingerprintText = str(values, 'ise-fingerprint');
  const caFile = str(values, 'ca-file');
  if (fingerprintText && caFile) throw new UsageError('give --ise-fingerprint or --ca-file, not both');
  let fingerprint: string | undefined;
  if (fingerprintText !== undefined) {
    const r = FingerprintSchema.safeParse(fingerprintText);
    if (!r.success) throw new UsageError(`--ise-fingerprint ${r.error.issues[0]?.message ?? 'is invalid'}`);
    fingerprint = normaliseFingerprint(r.data);
  }
  let caPem: string | undefined;
  if (caFile !== undefined) {
    caPem = await readFile(caFile, 'utf8').catch(() => {
      throw new UsageError(`--ca-file cannot be read: ${caFile}`);
    });
  }
  const timeoutText = str(values, 'timeout');
  const timeout = timeoutText === undefined ? undefined : Number(timeoutText);
  if (timeout !== undefined && !TimeoutSecondsSchema.safeParse(timeout).success) throw new UsageError(`--timeout ${validationText('timeout')}`);
  const authorityHost = checked(values, 'authority-host', HttpUrlSchema);
  const proxy = checked(values, 'proxy', HttpUrlSchema);
  const smtpHost = checked(values, 'smtp-host', HostSchema);
  const smtpPort = port(values, 'smtp-port');
  const hostFlag = checked(values, 'ise-host', HostSchema);
  const userFlag = str(values, 'ise-user')?.trim();
  let mailbox = checked(values, 'mailbox', MailboxSchema);
  const ersPort = port(values, 'ise-ers-port');
  const apiPort = port(values, 'ise-api-port');
  const profileName = str(values, 'profile');
  const fromStdin = values['ise-password-stdin'] === true;
  if (!profileName && !fromStdin) throw new UsageError('give --ise-password-stdin or --profile NAME (the password is never a flag)');

  let password: string | undefined = fromStdin ? await readSecretFromStdin() : undefined;
  if (fromStdin && !password) throw new UsageError('--ise-password-stdin: stdin was empty');
  let connection: IseConnection | undefined;
  let afterRun: Plan['afterRun'];
  if (profileName) {
    const svc = openProfileService(str(values, 'data-dir'));
    const profile = svc.store.find(profileName);
    if (!profile) throw new UsageError(`--profile: no profile named '${profileName}'`);
    if (profile.practice) throw new UsageError('--profile names the practice profile: use --practice');
    const host = hostFlag ?? profile.ise?.host;
    const username = userFlag || profile.ise?.username;
    if (!host || !username) throw new UsageError('--ise-host and --ise-user are needed (the profile has no ISE connection yet)');
    connection = { ...(profile.ise ?? {}), host, username, ...(ersPort ? { ersPort } : {}), ...(apiPort ? { apiPort } : {}) };
    if (profile.ise && profile.ise.host !== host) {
      delete connection.pinnedSha256;
      delete connection.pinnedSubject;
    }
    if (password) await svc.vault.set(iseAccount(profile.id), password);
    else password = (await svc.vault.get(iseAccount(profile.id))) ?? undefined;
    if (!password) throw new UsageError(`no ISE password is stored for profile '${profile.name}': give it once with --ise-password-stdin`);
    mailbox ??= profile.mailbox;
    svc.store.update(profile.id, { ise: connection });
    const conn = connection;
    afterRun = (i) => {
      // The engineer accepted this certificate with --ise-fingerprint: it becomes the profile's pin.
      if (fingerprint && i.certificate && i.pin === 'matched' && conn.pinnedSha256 !== fingerprint) savePin(svc.store, profile.id, conn, i.certificate);
    };
  } else {
    if (!hostFlag || !userFlag) throw new UsageError('--ise-host and --ise-user are required');
  }
  const host = connection?.host ?? hostFlag!;
  const pin = fingerprint ?? connection?.pinnedSha256;
  return {
    title: `ISE ${host}`,
    options: {
      host,
      username: connection?.username ?? userFlag!,
      password: password!,
      ...((ersPort ?? connection?.ersPort) ? { ersPort: ersPort ?? connection?.ersPort } : {}),
      ...((apiPort ?? connection?.apiPort) ? { apiPort: apiPort ?? connection?.apiPort } : {}),
      ...(caPem ? { caPem } : pin ? { pinSha256: pin } : {}),
      ...(mailbox ? { mailbox } : {}),
      microsoft: {
        ...(authorityHost ? { authorityHost } : {}),
        ...(smtpHost ? { smtpHost } : {}),
        ...(smtpPort ? { smtpPort } : {}),
        ...(proxy ? { proxy } : {}),
        ...(caPem ? { caPem } : {}),
        ...(timeout ? { timeoutSeconds: timeout } : {}),
      },
      ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
    },
    ...(afterRun ? { afterRun } : {}),
    close: async () => undefined,
  };
}

async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h') {
    process.stdout.write(USAGE);
    return sub ? 0 : 2;
  }
  if (sub !== 'inspect' && sub !== 'import-cas') {
    process.stderr.write(`ise-smtp-oauth ise: unknown subcommand '${sub}'\n${USAGE}`);
    return 2;
  }
  let values: Values;
  try {
    values = parseArgs({ args: rest, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (err) {
    process.stderr.write(`ise-smtp-oauth ise ${sub}: ${(err as Error).message}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (sub === 'inspect' && values['what-if']) {
    process.stderr.write('ise-smtp-oauth ise inspect: --what-if belongs to import-cas (inspect never changes ISE)\n');
    return 2;
  }
  let plan: Plan;
  try {
    plan = values.practice ? await practicePlan(values) : await realPlan(values);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`ise-smtp-oauth ise ${sub}: ${err.message}\n`);
      return 2;
    }
    if (err instanceof KeychainUnavailableError || err instanceof CallFailure) {
      process.stderr.write(`ise-smtp-oauth ise ${sub}: ${err.code}: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`ise-smtp-oauth ise ${sub}: ${err instanceof Error ? err.name : 'error'}: unexpected failure\n`);
    return 1;
  }
  try {
    if (sub === 'inspect') {
      const inspection = await inspectIse(plan.options);
      plan.afterRun?.(inspection);
      process.stdout.write(values.json ? `${JSON.stringify(inspection, null, 2)}\n` : formatInspection(inspection, plan.title));
      return inspection.ok ? 0 : 1;
    }
    const options: IseImportOptions = { ...plan.options, whatIf: values['what-if'] === true, auditDataDir: resolveDataDir(str(values, 'data-dir')) };
    const report: IseImportReport = await importMissingCas(options);
    plan.afterRun?.(report.inspection);
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatImport(report, plan.title));
    return report.ok ? 0 : 1;
  } finally {
    await plan.close();
  }
}

export const iseCommand: CliCommand = {
  summary: "read ISE through its API (version, nodes, proxy, guest sender, trusted store) and import the missing CAs",
  usage: USAGE,
  run,
};
