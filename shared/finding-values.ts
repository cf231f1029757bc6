import { checkResult, type DiagnosticReport, type Finding } from './diagnostic-report';
import { psQuote } from './powershell';
import { AADSTS_SIGNALS } from './signals';
import type { FindingCode } from './findings';

/**
 * The values a finding's texts interpolate ({{mailbox}}, {{clientId}}, {{host}}:{{port}} …), from
 * every source at hand, so the engineer reads the profile's own values instead of a placeholder:
 * what the producer measured (the finding's params) wins, then what the check recorded (its host
 * and port), then the profile (Client ID, mailbox, the ObjectId from the token …), then what the
 * evidence quotes; a value none of them holds gets the caller's words for it (in the UI language),
 * never a raw {{name}}, "…" or <placeholder>. One function for the wizard, the CLI and the export.
 */

export type FindingValue = string | number | boolean;

/** Every name a finding text may interpolate: the ones a caller must have words for when unknown. */
export const FINDING_VALUE_NAMES = [
  'aadsts',
  'host',
  'port',
  'mailbox',
  'reply',
  'expiry',
  'days',
  'expected',
  'actual',
  'minimum',
  'version',
  'location',
  'limit',
  'tenantId',
  'clientId',
  'servicePrincipalObjectId',
  'managementScope',
  'sendAsAddress',
] as const;
export type FindingValueName = (typeof FINDING_VALUE_NAMES)[number];

/** What the profile and the run know, whatever the finding's producer recorded. */
export interface FindingValueContext {
  tenantId?: string;
  clientId?: string;
  mailbox?: string;
  /** The Enterprise Application object ID: the token's `oid` first, else the profile's. */
  servicePrincipalObjectId?: string;
  /** The host and port of the check that reported the finding (its evidence). */
  host?: string;
  port?: number;
  /** The address the test mail was sent from (smtp.send's evidence), when it is not the mailbox. */
  sendFrom?: string;
}

/** The App RBAC management scope the wizard's own PowerShell creates (shared/powershell.ts), quoted for PowerShell. */
export function managementScopeName(mailbox: string): string {
  return psQuote(`ISE SMTP ${mailbox}`.slice(0, 64));
}

/** The one AADSTS number a code stands for (TOKEN_SCOPE_INVALID has three: none is assumed). */
function aadstsOf(code: FindingCode): string | undefined {
  const numbers = Object.entries(AADSTS_SIGNALS).filter(([, c]) => c === code).map(([n]) => n);
  return numbers.length === 1 ? `AADSTS${numbers[0]}` : undefined;
}

/** Values quoted in the evidence (a pasted reply, a guest.log line): only what the text plainly holds. */
export function valuesFromEvidence(evidence: string): Partial<Record<FindingValueName, string>> {
  const out: Partial<Record<FindingValueName, string>> = {};
  const pick = (name: FindingValueName, re: RegExp) => {
    const m = re.exec(evidence)?.[1];
    if (m) out[name] = m;
  };
  pick('aadsts', /\b(AADSTS\d{5,7})\b/);
  pick('host', /\b((?:smtp|login|outlook)\.[a-z0-9.-]+\.[a-z]{2,})\b/i);
  pick('port', /\b(?:port[ =:]+|:)(\d{2,5})\b/i);
  pick('mailbox', /\b([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})\b/);
  pick('reply', /\b([245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\b[^\r\n]{0,120})/);
  pick('expiry', /\b(\d{4}-\d{2}-\d{2})\b/);
  return out;
}

const present = (v: string | undefined): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * The values for one finding's texts. `unknown(name)` gives the words for a value nothing holds
 * (e.g. "the sender mailbox"); `params` are the producer's and win over everything else.
 */
export function findingValues(
  finding: { code: FindingCode; params?: Readonly<Record<string, FindingValue>>; raw?: string },
  context: FindingValueContext,
  unknown: (name: FindingValueName) => string,
): Record<string, FindingValue> {
  const values: Record<string, FindingValue> = Object.fromEntries(FINDING_VALUE_NAMES.map((n) => [n, unknown(n)]));
  Object.assign(values, valuesFromEvidence(finding.raw ?? ''));
  const aadsts = aadstsOf(finding.code);
  if (aadsts) values.aadsts = aadsts;
  const known: Partial<Record<FindingValueName, string | number | undefined>> = {
    tenantId: context.tenantId,
    clientId: context.clientId,
    mailbox: context.mailbox,
    servicePrincipalObjectId: context.servicePrincipalObjectId,
    host: context.host,
    port: context.port,
  };
  for (const [name, v] of Object.entries(known)) if (typeof v === 'number' || present(v)) values[name] = v;
  const mailbox = String(finding.params?.mailbox ?? values.mailbox);
  if (present(context.mailbox) || finding.params?.mailbox !== undefined) values.managementScope = managementScopeName(mailbox);
  if (present(context.sendFrom) && context.sendFrom.toLowerCase() !== mailbox.toLowerCase()) values.sendAsAddress = context.sendFrom;
  for (const [name, v] of Object.entries(finding.params ?? {})) if (typeof v !== 'string' || present(v)) values[name] = v;
  return values;
}

/**
 * What the run knew when it reported `finding`: the values it tested (target), the host and port
 * of the check that reported it, the Enterprise Application object ID (the token's, else the
 * profile's) and the address the test mail was sent from.
 */
export function findingContext(report: DiagnosticReport, finding: Finding, profileObjectId?: string): FindingValueContext {
  const check = report.checks.find((c) => c.findings.some((f) => f.code === finding.code && JSON.stringify(f.params) === JSON.stringify(finding.params)));
  const evidence = (check?.evidence ?? {}) as { host?: unknown; port?: unknown };
  const send = checkResult(report, 'smtp.send');
  return {
    tenantId: report.target.tenantId,
    clientId: report.target.clientId,
    mailbox: report.target.mailbox,
    servicePrincipalObjectId: report.claims?.oid ?? profileObjectId,
    ...(typeof evidence.host === 'string' ? { host: evidence.host } : {}),
    ...(typeof evidence.port === 'number' ? { port: evidence.port } : {}),
    ...(send?.evidence.from ? { sendFrom: send.evidence.from } : {}),
  };
}
