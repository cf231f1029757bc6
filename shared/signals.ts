import type { FindingCode } from './findings';

/**
 * THE table of Exchange Online and Entra ID signals → finding codes (DESIGN §5). The diagnostics
 * (smtp-classify.ts, token-classify.ts), the error lookup (ise-errors.ts, `lookup-error`) and the
 * guest.log analyzer all read replies through it, so they cannot disagree.
 *
 * Exchange gives no machine-readable reason beyond the reply code and the enhanced status code,
 * rewords its sentences, and appends a bracketed server/time/id suffix
 * (`[SN4PR0601CA0002.namprd06.prod.outlook.com 2026-12-01T09:00:00.000Z 08DE…]`, `[Hostname=…]`).
 * So a signal is an enhanced status code plus, where one code carries several causes, a short
 * fragment Exchange has kept stable (a keyword, an exception name, an aka.ms link): never a sentence.
 *
 * How to add a signal: one row below (more specific rows first: the first match wins), a reply
 * in test/shared/signal-agreement.test.ts, and, when a practice scenario plays it, the scenario.
 */

/** One Exchange signal. */
export interface SmtpSignal {
  /** Stable name (tests and the lookup's evidence refer to it). */
  id: string;
  finding: FindingCode;
  /** The enhanced status code it needs, e.g. `5.7.139`; absent: any. */
  enhanced?: string;
  /** Reply codes it needs (e.g. [535]); absent: any. */
  codes?: readonly number[];
  /** A stable fragment the reply (or, without a code, a pasted text) must contain. */
  fragment?: RegExp;
  /**
   * The fragment alone names the cause, even with no reply code around it (a log line that lost
   * the code, a GUI text): the lookup then matches the fragment by itself.
   */
  fragmentAlone?: boolean;
}

/**
 * The Exchange rows, most specific first. Sources: Microsoft's "Authenticated client SMTP
 * submission" and "Fix issues with SMTP AUTH" pages, MC786329 (Basic auth retirement), and
 * public threads for the texts (named beside each row where Microsoft does not document them).
 */
export const SMTP_SIGNALS: readonly SmtpSignal[] = [
  // Basic auth (ISE still sending a username and password). Before the cutoff a disabled Basic
  // auth answers 5.7.139 "basic authentication is disabled"; after it (end of December 2026)
  // Exchange answers 550 5.7.30 (MC786329, Exchange Team blog).
  { id: 'basic-auth-disabled', finding: 'SMTP_BASIC_AUTH_REJECTED', enhanced: '5.7.139', fragment: /basic\s+auth\w*\s+(?:is\s+)?(?:disabled|turned\s+off|blocked)/i, fragmentAlone: true },
  { id: 'basic-auth-not-supported', finding: 'SMTP_BASIC_AUTH_REJECTED', enhanced: '5.7.30' },
  { id: 'basic-auth-not-supported-text', finding: 'SMTP_BASIC_AUTH_REJECTED', fragment: /Basic\s+auth\w*\s+is\s+not\s+supported\s+for\s+Client\s+Submission/i, fragmentAlone: true },
  // "the user credentials were incorrect" answers a password (AUTH LOGIN); an app token that
  // Exchange rejects gets 535 5.7.3. So it also means ISE is on Basic auth (public threads;
  // whether Exchange ever sends it to XOAUTH2 is unconfirmed).
  { id: 'basic-credentials-incorrect', finding: 'SMTP_BASIC_AUTH_REJECTED', enhanced: '5.7.139', fragment: /credentials\s+were\s+incorrect/i },
  // SMTP AUTH switched off (Set-CASMailbox / Set-TransportConfig -SmtpClientAuthenticationDisabled).
  {
    id: 'smtp-auth-disabled',
    finding: 'SMTP_AUTH_DISABLED',
    enhanced: '5.7.139',
    fragment: /SmtpClientAuthentication|smtp_auth_disabled|SMTP\s+(?:client\s+)?auth\w*\s+(?:is\s+|has\s+been\s+)?(?:disabled|turned\s+off|off)/i,
  },
  { id: 'smtp-auth-disabled-text', finding: 'SMTP_AUTH_DISABLED', fragment: /SmtpClientAuthentication\s+is\s+disabled|aka\.ms\/smtp_auth_disabled/i, fragmentAlone: true },
  // A policy named in the reply (security defaults, Conditional Access). Only then may a fix
  // mention them (DESIGN §2: whether they block app-only XOAUTH2 is unconfirmed).
  { id: 'auth-policy', finding: 'SMTP_AUTH_BLOCKED_BY_POLICY', enhanced: '5.7.139', fragment: /security\s+defaults|did\s+not\s+meet\s+the\s+criteria|conditional\s+access/i },
  { id: 'auth-policy-text', finding: 'SMTP_AUTH_BLOCKED_BY_POLICY', fragment: /security\s+defaults\s+policy|did\s+not\s+meet\s+the\s+criteria\s+to\s+be\s+authenticated/i, fragmentAlone: true },
  // Any other 5.7.139: "Authentication unsuccessful" for a reason the text names; the finding
  // quotes the reply and says only what it says.
  { id: 'auth-unsuccessful-other', finding: 'SMTP_AUTH_BLOCKED_BY_POLICY', enhanced: '5.7.139' },
  { id: 'auth-rejected', finding: 'SMTP_AUTH_REJECTED', enhanced: '5.7.3', codes: [535] },
  { id: 'xoauth2-user-invalid', finding: 'SMTP_USER_INVALID', enhanced: '5.5.124' },
  { id: 'xoauth2-user-invalid-text', finding: 'SMTP_USER_INVALID', fragment: /invalid\s+XOAUTH2\s+(?:user|auth\s+data)/i, fragmentAlone: true },
  // Exchange's answer to an AUTH mechanism it does not take (PHPMailer#1254, ntfy#1020).
  { id: 'auth-mechanism-unrecognized', finding: 'SMTP_XOAUTH2_NOT_OFFERED', enhanced: '5.7.4', codes: [504] },
  { id: 'auth-mechanism-unrecognized-text', finding: 'SMTP_XOAUTH2_NOT_OFFERED', fragment: /Unrecognized\s+authentication\s+type/i, fragmentAlone: true },
  // The mailbox's sending limits (Exchange Online limits: 10,000 recipients a day, 30 messages a minute).
  { id: 'submission-quota', finding: 'SMTP_QUOTA_EXCEEDED', fragment: /SubmissionQuotaExceeded/i, fragmentAlone: true },
  { id: 'send-as-denied', finding: 'SMTP_SEND_AS_DENIED', enhanced: '5.2.252' },
  { id: 'send-as-denied-5.7.60', finding: 'SMTP_SEND_AS_DENIED', enhanced: '5.7.60' },
  { id: 'send-as-denied-text', finding: 'SMTP_SEND_AS_DENIED', fragment: /SendAsDenied/i, fragmentAlone: true },
  // `430 4.2.0 STOREDRV.Submit` is reported (public threads) when the service principal lacks
  // the mailbox permission; Microsoft does not document it: unconfirmed, hence the 5.7.3 finding,
  // whose fix lists that cause among others.
  { id: 'storedrv-submit-430', finding: 'SMTP_AUTH_REJECTED', enhanced: '4.2.0', codes: [430], fragment: /STOREDRV\.Submit/i },
  // TLS 1.0/1.1 refused (aka.ms/smtp_auth_tls; zehm/sendEmail#1): not a retry-later 4xx.
  { id: 'tls-version', finding: 'SMTP_TLS_VERSION_UNSUPPORTED', enhanced: '4.7.66' },
  { id: 'tls-version-text', finding: 'SMTP_TLS_VERSION_UNSUPPORTED', fragment: /TLS\s+1\.0\s+and\s+1\.1\s+are\s+not\s+supported|aka\.ms\/smtp_auth_tls/i, fragmentAlone: true },
  { id: 'starttls-required', finding: 'SMTP_STARTTLS_UNAVAILABLE', fragment: /Must\s+issue\s+a\s+STARTTLS|STARTTLS\s+is\s+required/i, fragmentAlone: true },
  { id: 'not-authenticated', finding: 'SMTP_NOT_AUTHENTICATED', enhanced: '5.7.57' },
  { id: 'not-authenticated-text', finding: 'SMTP_NOT_AUTHENTICATED', fragment: /Client\s+(?:was\s+)?not\s+authenticated\s+to\s+send/i, fragmentAlone: true },
  // Every other 4xx: Exchange asks to come back later (432 4.3.2 thread limit, 421, 451 …).
  { id: 'transient', finding: 'SMTP_THROTTLED', codes: Array.from({ length: 100 }, (_, i) => 400 + i) },
  { id: 'transient-enhanced', finding: 'SMTP_THROTTLED', enhanced: '4.*' },
  { id: 'transient-text', finding: 'SMTP_THROTTLED', fragment: /thread\s+limit\s+exceeded|throttl/i, fragmentAlone: true },
];

/** A reply as the classifier reads it: code, enhanced code (if any), text. */
export interface SmtpSignalInput {
  code: number;
  enhanced?: string | undefined;
  text: string;
}

/** Exchange's bracketed suffixes (`[host time id]`, `[Hostname=…]`): dropped before matching. */
const BRACKETS = /\[[^[\]\n]{0,400}\]/g;

/** The text without Exchange's bracketed suffixes, so nothing inside them can match. */
export function withoutBrackets(text: string): string {
  return text.replace(BRACKETS, ' ');
}

function enhancedMatches(want: string | undefined, have: string | undefined): boolean {
  if (want === undefined) return true;
  if (have === undefined) return false;
  if (want.endsWith('.*')) return have.startsWith(want.slice(0, -1));
  return want === have;
}

/** The row an Exchange reply matches, or null for a success (2xx/3xx) and for no row. */
export function matchSmtpSignal(reply: SmtpSignalInput): SmtpSignal | null {
  if (reply.code >= 200 && reply.code < 400) return null;
  const text = withoutBrackets(reply.text);
  for (const s of SMTP_SIGNALS) {
    const needsNothing = s.enhanced === undefined && s.codes === undefined;
    // A fragment-only row applies to a reply only when its fragment stands alone.
    if (needsNothing && !s.fragmentAlone) continue;
    if (!enhancedMatches(s.enhanced, reply.enhanced)) continue;
    if (s.codes && !s.codes.includes(reply.code)) continue;
    if (s.fragment && !s.fragment.test(text)) continue;
    return s;
  }
  return null;
}

/**
 * The finding an Exchange reply names. Null for a success; SMTP_UNCLASSIFIED for an error that
 * no row knows (the reply is kept raw beside it).
 */
export function classifySmtpSignal(reply: SmtpSignalInput): FindingCode | null {
  if (reply.code >= 200 && reply.code < 400) return null;
  return matchSmtpSignal(reply)?.finding ?? 'SMTP_UNCLASSIFIED';
}

/** One SMTP reply found inside a longer text (a Java exception, a pasted log line). */
export interface ReplyInText extends SmtpSignalInput {
  /** The reply as it appeared (from its code to the end of its line). */
  raw: string;
}

/** `535 5.7.3 …`, `535-5.7.139 …`, `554 5.2.0 …`; the code must not run on (5.7.3 ≠ 5.7.30). */
const REPLY_IN_TEXT = /(?<![\d.])([245]\d\d)[\s-]+([245]\.\d{1,3}\.\d{1,3})(?![\d.]*\d)([^\r\n]*)/g;

/** Every `code enhanced text` reply inside a text, in order. */
export function findRepliesInText(text: string): ReplyInText[] {
  const out: ReplyInText[] = [];
  for (const m of text.matchAll(REPLY_IN_TEXT)) {
    out.push({ code: Number(m[1]), enhanced: m[2], text: `${m[2]}${m[3] ?? ''}`, raw: m[0].trim() });
  }
  return out;
}

/** A fragment-alone row that a text without any reply code still names. */
export function matchSmtpFragments(text: string): SmtpSignal[] {
  const plain = withoutBrackets(text);
  return SMTP_SIGNALS.filter((s) => s.fragmentAlone && s.fragment && s.fragment.test(plain));
}

/**
 * AADSTS numbers → findings (DESIGN §5). Everything else is TOKEN_UNCLASSIFIED, raw kept.
 * Entra keeps these numbers stable; its sentences change.
 */
export const AADSTS_SIGNALS: Readonly<Record<string, FindingCode>> = {
  '90002': 'TOKEN_TENANT_NOT_FOUND',
  '900023': 'TOKEN_TENANT_INVALID',
  '700016': 'TOKEN_APP_NOT_FOUND',
  // "The client application {appId} is missing service principal in the tenant {tenantId}."
  '7000229': 'TOKEN_APP_NO_SERVICE_PRINCIPAL',
  '7000215': 'TOKEN_SECRET_INVALID',
  '7000222': 'TOKEN_SECRET_EXPIRED',
  '1002012': 'TOKEN_SCOPE_INVALID',
  '70011': 'TOKEN_SCOPE_INVALID',
  '500011': 'TOKEN_SCOPE_INVALID',
  // "Access has been blocked by Conditional Access policies."
  '53003': 'TOKEN_BLOCKED_BY_CONDITIONAL_ACCESS',
};

/** The finding of an AADSTS number; TOKEN_UNCLASSIFIED for one no row knows. */
export function classifyAadsts(aadsts: string): FindingCode {
  return AADSTS_SIGNALS[aadsts] ?? 'TOKEN_UNCLASSIFIED';
}

/** Every AADSTS number inside a text, in order (bounded: AADSTS7000215 is not AADSTS70002). */
export function findAadstsInText(text: string): string[] {
  return [...text.matchAll(/AADSTS(\d{4,9})(?!\d)/gi)].map((m) => m[1]!);
}
