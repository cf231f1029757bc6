import { access, constants } from 'node:fs/promises';
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

const USAGE = `usage: ise-smtp-oauth diagnose [--json] --tenant-id T --client-id C --mailbox M
         (--secret-env VAR | --secret-stdin | --profile NAME [--data-dir DIR])
         [--scope URL] [--authority-host URL] [--smtp-host H] [--smtp-port P] [--ca-file PEM]
         [--proxy URL] [--timeout S] [--sp-object-id ID] [--route classic|app-rbac]
         [--send-to ADDR] [--ise-version V] [--expiry YYYY-MM-DD]
         [--watch [--until 90s|45m|2h]] [--lang en|nl|fr|de|it|zh-TW]
--lang: the language of the fix texts (default: the OS locale).
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
  let clientSecret: string | undefined;
  let record: RecordTarget | undefined;
  if (str('profile') !== undefined) {
    const { resolveProfileSecret } = await import('../core/profiles/resolve');
    try {
      const { profile, secret } = await resolveProfileSecret(str('profile')!, { ...(str('data-dir') ? { dataDir: str('data-dir')! } : {}) });
      if (profile.practice) {
        // Its endpoints live only inside the app that runs the practice tenant.
        throw new UsageError(`profile "${profile.name}" points at the built-in practice tenant: run \`ise-smtp-oauth practice\` and use the diagnose command it prints`);
      }
      clientSecret = secret;
      record = { profileId: profile.id, profileName: profile.name, dataDir: str('data-dir') };
      base = {
        tenantId: profile.tenantId,
        clientId: profile.clientId,
        mailbox: profile.mailbox,
        route: profile.route,
        ...(profile.iseVersion ? { iseVersion: profile.iseVersion } : {}),
        ...(profile.secretExpiry ? { secretExpiry: profile.secretExpiry } : {}),
        ...(profile.servicePrincipalObjectId ? { servicePrincipalObjectId: profile.servicePrincipalObjectId } : {}),
        ...(profile.smtpHost ? { smtpHost: profile.smtpHost } : {}),
        ...(profile.smtpPort ? { smtpPort: profile.smtpPort } : {}),
        ...(profile.scope ? { scope: profile.scope } : {}),
        ...(profile.proxy ? { proxy: profile.proxy } : {}),
      };
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
    try {
      await access(input.caFile, constants.R_OK);
    } catch {
      throw new UsageError(`--ca-file cannot be read: ${input.caFile}`);
    }
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
    lines.push(`  Fix:   ${texts.fix(f.code, f.params)}`);
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

/** The command with its clock and sleep injectable; `diagnoseCommand.run` uses the real ones. */
export async function runDiagnose(argv: string[], deps: DiagnoseCommandDeps = {}): Promise<number> {
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
  const print = (report: DiagnosticReport) => process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, texts));
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
