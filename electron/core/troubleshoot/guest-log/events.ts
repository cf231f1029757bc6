import type { FindingCode } from '../../../../shared/findings';
import type { LogEventKind } from '../../../../shared/contract/troubleshoot';
import type { RawEntry } from './scanner';
import { redactAndCut, redactLogText } from '../../diagnostics/redact';
import { primaryErrorCode } from './error-codes';

/** What one entry says: at most one timeline event, a failure code, settings it carries. */
export interface EntryMeaning {
  kind: LogEventKind;
  detail: string;
  durationMs?: number;
  code?: FindingCode;
  /** From a `SMTP settings :` line (a mail session being built). */
  sessionSettings?: SettingsFields;
  /** From one `Set … is :value` line of a save. */
  savedField?: Partial<SettingsFields>;
}

export interface SettingsFields {
  server?: string;
  port?: number;
  timeoutSeconds?: number;
  tls?: boolean;
  authEnabled?: boolean;
  username?: string;
}

/** Fragments that say an entry reports a failure (the error table then names it). */
const FAILURE_HINT =
  /Exception|PKIX|certification path|AADSTS|timed out|Error acquiring token|Invalid (?:OAuth|client secret|email)|Couldn't connect|Connection refused|SendAsDenied|invalid_client|unauthorized_client|invalid_scope|temporarily_unavailable|[45]\.[2357]\.\d/;
/** Components whose unrecognised errors still matter for SMTP (else an unrelated portal exception would show). */
const SMTP_COMPONENT = /smtp|oauth|exchangeonline|mail/i;

/**
 * A mail that ISE gave up sending: its retry thread logs the exception under this line, with no
 * "Future.get status" line after it. The wording is the fixtures' (test/fixtures/guest-log/
 * smtp-failures.log); the guide shows only a successful send, so it is unconfirmed on a real node.
 * Without this the summary said "Mails sent: 0, failed: 0" above a SendAsDenied.
 */
const SEND_FAILED = /failed to send (?:e-?)?mail/i;
const FUTURE_STATUS = /Future\.get status:\s*(\w+)/;
const FUTURE_DURATION = /Time taken for Future\.get method call is\s*(\d+)/;
const TRANSPORT_DURATION = /transport\.sendMessage\(\) call is\s*(\d+)/;
const CONNECTED_TO = /Successfully connected to\s+(\S+?)\.?\s*$/m;
const SESSION_SETTINGS = /SMTP settings\s*:(.*)/;
const SAVE_FIELD = /Set (SMTP Server|SMTP port|Connection Timo?e?ut|TLS\/SSL config|Authentication config) is\s*:\s*(\S*)/;

function bool(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

function int(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,9}$/.test(value)) return undefined;
  return Number(value);
}

/** Parses `Username : null Port : 587 timeout : 60 isSSLEnabled: false isAuthEnabled false Server: smtp.office365.com`. */
export function parseSessionSettings(text: string): SettingsFields {
  return {
    username: /Username\s*:\s*(\S+)/.exec(text)?.[1],
    port: int(/\bPort\s*:\s*(\d+)/.exec(text)?.[1]),
    timeoutSeconds: int(/\btimeout\s*:\s*(\d+)/i.exec(text)?.[1]),
    tls: bool(/isSSLEnabled\s*:?\s*(true|false)/i.exec(text)?.[1]),
    authEnabled: bool(/isAuthEnabled\s*:?\s*(true|false)/i.exec(text)?.[1]),
    server: /\bServer\s*:\s*([^\s,;]+)/.exec(text)?.[1],
  };
}

function savedField(name: string, value: string): Partial<SettingsFields> {
  if (name === 'SMTP Server') return { server: value };
  if (name === 'SMTP port') return { port: int(value) };
  if (name.startsWith('Connection')) return { timeoutSeconds: int(value) };
  if (name === 'TLS/SSL config') return { tls: bool(value) };
  return { authEnabled: bool(value) };
}

/** The entry's text: the message, then its continuation lines. */
export function entryText(entry: RawEntry): string {
  return entry.lines.length === 0 ? entry.header.message : `${entry.header.message}\n${entry.lines.join('\n')}`;
}

/** Redacted before it is cut: a cut through a secret leaves a piece no pattern recognises. */
function shortDetail(text: string): string {
  return redactAndCut(text.replace(/\s+/g, ' ').trim(), 240, redactLogText);
}

/**
 * Reads one entry. Failures first (an exception can mention any other fragment), then the
 * events of the guide's verification part. Returns null for entries that only passed the
 * prefilter by chance (e.g. an unrelated component's exception).
 */
export function interpretEntry(entry: RawEntry): EntryMeaning | null {
  const text = entryText(entry);
  const status = FUTURE_STATUS.exec(text);
  if (status) {
    const durationMs = int(FUTURE_DURATION.exec(text)?.[1]);
    const ok = status[1]!.toLowerCase() === 'success';
    const code = ok ? undefined : (primaryErrorCode(text) ?? undefined);
    return { kind: ok ? 'send-success' : 'send-failed', detail: `Future.get status: ${status[1]}`, ...(durationMs !== undefined ? { durationMs } : {}), ...(code ? { code } : {}) };
  }
  if (FAILURE_HINT.test(text)) {
    const code = primaryErrorCode(text);
    if (code) return { kind: SEND_FAILED.test(text) ? 'send-failed' : 'failure', detail: shortDetail(text), code };
    if (SEND_FAILED.test(text)) return { kind: 'send-failed', detail: shortDetail(text) };
    if (/ERROR|WARN/.test(entry.header.level) && SMTP_COMPONENT.test(entry.header.logger)) return { kind: 'error', detail: shortDetail(text) };
    if (!/Future\.get|transport\.sendMessage/.test(text)) return null;
  }
  const transport = TRANSPORT_DURATION.exec(text);
  if (transport) return { kind: 'transport-send', detail: 'transport.sendMessage()', durationMs: int(transport[1]) ?? 0 };
  if (text.includes('Future.get')) {
    const durationMs = int(FUTURE_DURATION.exec(text)?.[1]);
    // "Calling Future.get...." is only the wait starting; a lone duration line ends a send.
    return durationMs === undefined ? null : { kind: 'send-success', detail: 'Future.get', durationMs };
  }
  if (text.includes('Submitting Mail Job')) return { kind: 'mail-job-submitted', detail: 'Submitting Mail Job' };
  if (text.includes('Access token acquired')) return { kind: 'token-acquired', detail: shortDetail(entry.header.message) };
  if (text.includes('OAuth Cache')) return { kind: 'token-cached', detail: 'OAuth Cache' };
  if (text.includes('testConnection')) return { kind: 'test-connection', detail: 'Test Connection' };
  const connected = CONNECTED_TO.exec(text);
  if (connected) return { kind: 'smtp-connected', detail: connected[1]! };
  if (text.includes('connected to mail server')) return { kind: 'smtp-connected', detail: 'mail server' };
  if (text.includes('editSubmit')) return { kind: 'save-started', detail: 'Save' };
  if (text.includes('successfully saved')) return { kind: 'settings-saved', detail: 'SMTP server settings saved' };
  const session = SESSION_SETTINGS.exec(text);
  if (session) {
    const s = parseSessionSettings(session[1]!);
    const detail = `${s.server ?? '?'}:${s.port ?? '?'} timeout ${s.timeoutSeconds ?? '?'} s, TLS ${s.tls ?? '?'}, authentication ${s.authEnabled ?? '?'}`;
    return { kind: 'smtp-settings', detail, sessionSettings: s };
  }
  const field = SAVE_FIELD.exec(text);
  if (field) return { kind: 'save-started', detail: `${field[1]} = ${field[2]}`, savedField: savedField(field[1]!, field[2]!) };
  return null;
}
