import { parseArgs } from 'node:util';
import type { CliCommand } from './command';
import { diagnose } from '../core/diagnostics';
import { parseIseVersion } from '../../shared/ise-version';
import { CallFailure } from '../core/errors/call-failure';
import { DiagnoseInputSchema, type DiagnoseInput } from '../../shared/contract/diagnostics';
import type { DiagnosticReport, Finding } from '../../shared/diagnostic-report';
import { validationText } from '../../shared/validators';
import { findingTexts, type FindingTexts } from '../core/texts/finding-texts';
import { cliLanguage, LANG_OPTION } from './language';
import { formatElapsed, parseDuration, watchDiagnosis, type WatchProgress, type WatchResult } from '../core/diagnostics/watch';
import { NETWORK_FLAG_OPTIONS } from './network-flags';
import { caFileProblem } from './ca-file';
import { DEFAULT_TIMEOUT_SECONDS } from '../core/diagnostics/options';
import { printableJson } from '../../shared/printable';
import { findingContext, findingValues } from '../../shared/finding-values';

const USAGE = `usage: ise-smtp-oauth diagnose [--json] --tenant-id T --client-id C --mailbox M
         (--secret-env VAR | --secret-stdin | --profile NAME [--data-dir DIR])
         [--scope URL] [--authority-host URL] [--smtp-host H] [--smtp-port P] [--ca-file PEM]
         [--proxy URL] [--timeout S] [--sp-object-id ID] [--route classic|app-rbac]
         [--send-to ADDR] [--ise-version V] [--expiry YYYY-MM-DD]
         [--watch [--until 90s|45m|2h]] [--lang en|nl|fr|de|it|zh-TW]
--lang: the language of the fix texts (default: the OS locale).
       ise-smtp-oauth diagnose --all-profiles [--concurrency N] [--json] [--html FILE] [--data-dir DIR]
--watch re-runs the diagnosis (after 30 s, 60 s, then every 2 min) while the failure is one that
  heals by waiting (e.g. 535 5.7.3 while Exchange applies a new service principal or mailbox
  permission: 30 min – 2 h); progress goes to stderr, the last report to stdout. --until: default 2h.
--profile NAME: a run with the profile's own tenant, client, mailbox, route and scope is recorded as
  its last verification, as the app does, so \`export --profile NAME --format pem|ps1\` has the
  certificate chains and the service principal ObjectId right after
exit codes: 0 no error finding, 1 an error finding (with --watch: one that will not heal, or
  --until elapsed), 2 bad usage or input
`;

/** Contract field → the flag that sets it, so an input error names what the user typed. */
const FLAG_OF: Record<string, string> = {
  tenantId: '--tenant-id',
  clientId: '--client-id',
  mailbox: '--mailbox',
  clientSecret: 'the client secret',
  scope: '--scope',
  authorityHost: '--authority-host',
  smtpHost: '--smtp-host',
  smtpPort: '--smtp-port',
  proxy: '--proxy',
  caFile: '--ca-file',
  timeoutSeconds: '--timeout',
  servicePrincipalObjectId: '--sp-object-id',
  route: '--route',
  sendTo: '--send-to',
  iseVersion: '--ise-version',
  secretExpiry: '--expiry',
};

/** Stops a practice tenant started for a practice profile (see inputFrom). */
const practiceCleanups: (() => Promise<void>)[] = [];

/** Bad usage or input: exit 2 with one line naming the field. */
class UsageError extends Error {}

function numberFlag(value: string | undefined, flag: string, rule: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${flag} ${validationText(rule)}`);
  return Number(value);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

type Values = Record<string, string | boolean | undefined>;

/** The profile a run is recorded on (diagnose --profile with the profile's own identity). */
interface RecordTarget {
  profileId: string;
  profileName: string;
  dataDir: string | undefined;
}

/** Flags that change what is proven: with any of them set to another value, the run is not the profile's. */
const IDENTITY_FLAGS = ['tenant-id', 'client-id', 'mailbox', 'route', 'scope', 'sp-object-id'] as const;

/** Builds the contract input from the flags (and a profile), validated by the contract's schema. */
async function inputFrom(values: Values): Promise<{ input: DiagnoseInput; record: RecordTarget | undefined }> {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const sources = [str('secret-env') !== undefined, values['secret-stdin'] === true, str('profile') !== undefined].filter(Boolean).length;
  if (sources === 0) throw new UsageError('a client secret is required: --secret-env VAR, --secret-stdin or --profile NAME');
  if (sources > 1) throw new UsageError('give the client secret one way only: --secret-env, --secret-stdin or --profile');

  let base: Partial<DiagnoseInput> = {};
  let practiceEndpoints: Partial<DiagnoseInput> = {};
  let clientSecret: string | undefined;
  let record: RecordTarget | undefined;
  if (str('profile') !== undefined) {
    const { resolveProfileSecret } = await import('../core/profiles/resolve');
    try {
      const { profile, secret, proxy } = await resolveProfileSecret(str('profile')!, { ...(str('data-dir') ? { dataDir: str('data-dir')! } : {}) });
      if (profile.practice) {
        // The practice tenant runs inside this process for the diagnosis, from the data folder's
        // practice state (what `setup --practice` created there), and stops afterwards.
        const { startPracticeTenant } = await import('../practice');
        const { resolveDataDir } = await import('../core/profiles/data-dir');
        const tenant = await startPracticeTenant({ dataDir: resolveDataDir(str('data-dir')) });
        practiceCleanups.push(() => tenant.close());
        practiceEndpoints = { authorityHost: tenant.authorityHost, smtpHost: tenant.smtpHost, smtpPort: tenant.smtpPort, caFile: tenant.caFile };
      }
      clientSecret = secret;
      record = { profileId: profile.id, profileName: profile.name, dataDir: str('data-dir') };
      // The same mapping as the app's verification; a practice profile's endpoints are the
      // practice tenant this process started above.
      const { diagnoseInputFor } = await import('../core/profiles/diagnose-input');
      const { endpointsFor } = await import('../core/profiles/endpoints');
      const endpoints = profile.practice ? { practice: true } : await endpointsFor(profile, undefined, proxy); // proxy: with its password from the keychain
      const { practice: _practice, ...fromProfile } = diagnoseInputFor(profile, endpoints);
      base = { ...fromProfile, ...practiceEndpoints };
    } catch (err) {
      if (err instanceof UsageError) throw err;
      if (err instanceof CallFailure) throw new UsageError(`--profile: ${err.message}`);
      throw new UsageError(`--profile: the profile could not be read (${err instanceof Error ? err.name : 'error'})`);
    }
  } else if (str('secret-env') !== undefined) {
    const name = str('secret-env')!;
    clientSecret = process.env[name];
    if (!clientSecret) throw new UsageError(`--secret-env: the environment variable ${name} is not set or empty`);
  } else {
    clientSecret = await readStdin();
    if (!clientSecret) throw new UsageError(`--secret-stdin: ${validationText('secretRequired')}`);
  }

  const flags: Record<string, unknown> = {
    tenantId: str('tenant-id'),
    clientId: str('client-id'),
    mailbox: str('mailbox'),
    scope: str('scope'),
    authorityHost: str('authority-host'),
    smtpHost: str('smtp-host'),
    smtpPort: numberFlag(str('smtp-port'), '--smtp-port', 'port'),
    proxy: str('proxy'),
    caFile: str('ca-file'),
    timeoutSeconds: numberFlag(str('timeout'), '--timeout', 'timeout'),
    servicePrincipalObjectId: str('sp-object-id'),
    route: str('route'),
    sendTo: str('send-to'),
    iseVersion: str('ise-version'),
    secretExpiry: str('expiry'),
  };
  if (record) {
    const flagKey: Record<(typeof IDENTITY_FLAGS)[number], keyof DiagnoseInput> = {
      'tenant-id': 'tenantId', 'client-id': 'clientId', mailbox: 'mailbox', route: 'route', scope: 'scope', 'sp-object-id': 'servicePrincipalObjectId',
    };
    const overridden = IDENTITY_FLAGS.some((f) => str(f) !== undefined && str(f) !== base[flagKey[f]]);
    if (overridden) record = undefined;
  }
  const merged: Record<string, unknown> = { ...base, clientSecret };
  for (const [k, v] of Object.entries(flags)) if (v !== undefined) merged[k] = v;
  for (const required of ['tenantId', 'clientId', 'mailbox']) {
    if (merged[required] === undefined) throw new UsageError(`${FLAG_OF[required]} is required`);
  }
  const parsed = DiagnoseInputSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    const text = issue?.code === 'invalid_value' && field === 'route' ? 'must be classic or app-rbac' : validationText(issue?.message ?? '');
    throw new UsageError(`${FLAG_OF[field] ?? field} ${text}`);
  }
  const input = parsed.data;
  if (input.iseVersion && !parseIseVersion(input.iseVersion)) throw new UsageError(`--ise-version ${validationText('iseVersion')}`);
  if (input.caFile) {
    const problem = await caFileProblem(input.caFile, (input.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000);
    if (problem) throw new UsageError(problem);
  }
  return { input, record };
}

/**
 * Stores the report as the profile's last verification (the export's evidence: chains, the
 * token's oid), exactly what the app's diagnoseProfile does after a full run. A failure to
 * store is said on stderr and does not change the exit code: the diagnosis itself stands.
 */
async function recordVerification(target: RecordTarget, report: DiagnosticReport): Promise<void> {
  try {
    const { openProfileService } = await import('./profiles');
    await openProfileService(target.dataDir).update(target.profileId, { lastVerification: report });
    process.stderr.write(`recorded as the last verification of profile "${target.profileName}"\n`);
  } catch (err) {
    const why = err instanceof CallFailure ? err.message : err instanceof Error ? err.name : 'error';
    process.stderr.write(`ise-smtp-oauth diagnose: the result could not be recorded on profile "${target.profileName}" (${why})\n`);
  }
}

/** The facts behind a finding, as one line: what the engine observed (params, never a secret). */
function observed(f: Finding): string {
  const keys = Object.keys(f.params).filter((k) => k !== 'propagationDelay');
  return keys.map((k) => `${k}=${String(f.params[k])}`).join(', ');
}

/** The readable report: one line per check with its time, then each finding with cause and fix. */
export function formatReport(report: DiagnosticReport, texts: FindingTexts = findingTexts('en')): string {
  const lines: string[] = [];
  const t = report.target;
  lines.push(`Diagnosis of ${t.mailbox} (tenant ${t.tenantId}, client ${t.clientId})${t.practice ? ' — practice tenant' : ''}`);
  lines.push(`  token endpoint ${t.tokenEndpoint}, scope ${t.scope}, SMTP ${t.smtpHost}:${t.smtpPort}${t.proxy ? `, proxy ${t.proxy}` : ''}`);
  lines.push('');
  for (const c of report.checks) {
    const reason = c.status === 'skip' && typeof c.evidence.reason === 'string' ? ` (${c.evidence.reason})` : '';
    lines.push(`  ${c.status.toUpperCase().padEnd(5)} ${c.id.padEnd(14)} ${String(c.durationMs).padStart(6)} ms${reason}`);
  }
  if (report.claims?.oid) lines.push('', `  Enterprise Application (service principal) object ID from the token: ${report.claims.oid}`);
  for (const f of report.findings) {
    lines.push('', `${f.severity.toUpperCase()} ${f.code}${f.step ? ` (step: ${f.step})` : ''}`);
    const facts = observed(f);
    if (facts) lines.push(`  Cause: ${facts}`);
    if (f.raw) lines.push(`  Server said: ${f.raw.split('\n')[0]}`);
    if (f.params.propagationDelay) lines.push(`  Note:  Exchange applies New-ServicePrincipal / Add-MailboxPermission after ${String(f.params.propagationDelay)}.`);
    // The profile's own values in the fix (Client ID, mailbox, ObjectId …), as the wizard shows it.
    lines.push(`  Fix:   ${texts.fix(f.code, findingValues(f, findingContext(report, f), texts.unknownValue))}`);
  }
  lines.push('', report.ok ? `OK: ISE can send with these values (${report.durationMs} ms).` : `FAILED: fix the errors above, then run again (${report.durationMs} ms).`);
  return `${lines.join('\n')}\n`;
}

/** Injection points for `--watch` tests: the clock and the sleep between attempts. */
export interface DiagnoseCommandDeps {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_UNTIL = '2h';

function progressLine(p: WatchProgress): string {
  const next = p.nextInMs === undefined ? '' : `; next check in ${formatElapsed(p.nextInMs)}`;
  return `watch: attempt ${p.attempt}, ${formatElapsed(p.elapsedMs)} elapsed, still failing: ${p.failing.join(', ')}${next}\n`;
}

function closingLine(r: WatchResult, until: string): string {
  const after = `attempt ${r.attempts}, ${formatElapsed(r.elapsedMs)} elapsed`;
  if (r.outcome === 'passed') return `watch: passed on ${after}\n`;
  if (r.outcome === 'not-healable') {
    return `watch: stopped on ${after}: ${r.blocking.join(', ')} will not heal by waiting; fix it, then run again\n`;
  }
  return `watch: gave up after --until ${until} (${after}); still failing: ${r.report.findings.filter((f) => f.severity === 'error').map((f) => f.code).join(', ')}\n`;
}

/** `--all-profiles`: the fleet check (electron/cli/fleet.ts); only its own flags and --json, --data-dir. */
async function runAllProfiles(values: Values): Promise<number> {
  const { FLEET_USAGE, runFleetCommand } = await import('./fleet');
  const allowed = new Set(['all-profiles', 'concurrency', 'json', 'html', 'data-dir', 'help', 'watch', 'secret-stdin']);
  const other = Object.keys(values).find((k) => !allowed.has(k) && values[k] !== undefined);
  if (other || values.watch || values['secret-stdin']) {
    process.stderr.write(`ise-smtp-oauth diagnose: --all-profiles takes only --concurrency, --json, --html and --data-dir${other ? ` (not --${other})` : ''}\n${FLEET_USAGE}`);
    return 2;
  }
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  return runFleetCommand({
    ...(str('concurrency') !== undefined ? { concurrency: str('concurrency')! } : {}),
    json: values.json === true,
    ...(str('html') !== undefined ? { html: str('html')! } : {}),
    ...(str('data-dir') !== undefined ? { dataDir: str('data-dir')! } : {}),
  });
}

/** The command with its clock and sleep injectable; `diagnoseCommand.run` uses the real ones. */
export async function runDiagnose(argv: string[], deps: DiagnoseCommandDeps = {}): Promise<number> {
  try {
    return await runDiagnoseInner(argv, deps);
  } finally {
    await Promise.all(practiceCleanups.splice(0).map((close) => close().catch(() => undefined)));
  }
}

async function runDiagnoseInner(argv: string[], deps: DiagnoseCommandDeps): Promise<number> {
  let values: Values;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        watch: { type: 'boolean', default: false },
        until: { type: 'string' },
        'tenant-id': { type: 'string' },
        'client-id': { type: 'string' },
        mailbox: { type: 'string' },
        'secret-env': { type: 'string' },
        'secret-stdin': { type: 'boolean', default: false },
        profile: { type: 'string' },
        'data-dir': { type: 'string' },
        scope: { type: 'string' },
        ...NETWORK_FLAG_OPTIONS,
        'sp-object-id': { type: 'string' },
        route: { type: 'string' },
        'send-to': { type: 'string' },
        'ise-version': { type: 'string' },
        expiry: { type: 'string' },
        'all-profiles': { type: 'boolean', default: false },
        concurrency: { type: 'string' },
        html: { type: 'string' },
        ...LANG_OPTION,
      },
    }).values;
  } catch (err) {
    process.stderr.write(`ise-smtp-oauth diagnose: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values['all-profiles']) return runAllProfiles(values);
  if (values.concurrency !== undefined || values.html !== undefined) {
    process.stderr.write('ise-smtp-oauth diagnose: --concurrency and --html need --all-profiles\n');
    return 2;
  }
  const until = typeof values.until === 'string' ? values.until : DEFAULT_UNTIL;
  const untilMs = parseDuration(until);
  if (typeof values.until === 'string' && !values.watch) {
    process.stderr.write('ise-smtp-oauth diagnose: --until needs --watch\n');
    return 2;
  }
  if (untilMs === undefined) {
    process.stderr.write(`ise-smtp-oauth diagnose: --until must be a duration such as 90s, 45m or 2h (got '${until}')\n`);
    return 2;
  }
  let input: DiagnoseInput;
  let record: RecordTarget | undefined;
  try {
    ({ input, record } = await inputFrom(values));
  } catch (err) {
    // UsageError messages are ours and name the field; anything else is reported by class only.
    const message = err instanceof UsageError ? err.message : `${err instanceof Error ? err.name : 'error'}: unexpected failure`;
    process.stderr.write(`ise-smtp-oauth diagnose: ${message}\n`);
    return 2;
  }
  const texts = findingTexts(cliLanguage(typeof values.lang === 'string' ? values.lang : undefined));
  const print = (report: DiagnosticReport) => process.stdout.write(values.json ? `${printableJson(report)}\n` : formatReport(report, texts));
  if (!values.watch) {
    const report = await diagnose(input);
    if (record) await recordVerification(record, report);
    print(report);
    return report.ok ? 0 : 1;
  }
  // stdout carries only the last report (one JSON document with --json); progress goes to stderr.
  const result = await watchDiagnosis({
    run: () => diagnose(input),
    untilMs,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    onProgress: (p) => process.stderr.write(progressLine(p)),
  });
  process.stderr.write(closingLine(result, until));
  if (record) await recordVerification(record, result.report);
  print(result.report);
  return result.outcome === 'passed' ? 0 : 1;
}

export const diagnoseCommand: CliCommand = {
  usage: USAGE,
  summary: 'prove a configuration the way ISE will use it, and name the cause when it fails',
  run: (argv) => runDiagnose(argv),
};
