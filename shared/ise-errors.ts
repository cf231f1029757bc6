import { FINDING_CATALOG, type FindingCode, type Severity } from './findings';
import { classifyAadsts, classifySmtpSignal, findAadstsInText, findRepliesInText, matchSmtpFragments, matchSmtpSignal } from './signals';
import type { SetupStep } from './steps';

/**
 * ISE error lookup: maps what ISE shows (the Test Connection GUI texts, the Java exception texts
 * in guest.log, SMTP reply codes and AADSTS codes inside them) to finding codes, ranked.
 *
 * Pure TypeScript so the renderer can use it offline and the guest.log analyzer can classify
 * log entries with the same table. Matching is on stable fragments and codes (DESIGN §5:
 * Microsoft rewords its texts), case-insensitive and tolerant of any whitespace between words.
 */

/** One rule: a fragment and the codes it points to, most likely first. */
interface ErrorRule {
  /** Stable name of the rule (tests and evidence refer to it). */
  id: string;
  pattern: RegExp;
  /** Most likely code first; each next one a little less likely. */
  codes: readonly FindingCode[];
  /**
   * How telling the fragment is: 100 = names the cause exactly (an AADSTS code, "PKIX path
   * building failed"); 10 = only says that something failed (MessagingException).
   */
  weight: number;
}

/** Builds a case-insensitive pattern from words, allowing any whitespace (line breaks from a PDF or a paste) between them. */
function phrase(words: string): RegExp {
  const escaped = words
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.join('\\s+'), 'i');
}

/**
 * The table. Order does not matter: ranking is by weight, then by the code's position in the
 * rule. Keep fragments short and stable; add a test in test/shared/ise-errors.test.ts for every rule.
 */
export const ISE_ERROR_RULES: readonly ErrorRule[] = [
  // Network: the guide's "connect timed out" means a proxy or firewall in the way.
  { id: 'connect-timed-out', pattern: phrase('connect timed out'), codes: ['NET_CONNECT_TIMEOUT', 'NET_PROXY_FAILED'], weight: 95 },
  { id: 'read-timed-out', pattern: phrase('read timed out'), codes: ['NET_READ_TIMEOUT'], weight: 90 },
  { id: 'socket-timeout', pattern: /SocketTimeoutException/i, codes: ['NET_CONNECT_TIMEOUT', 'NET_READ_TIMEOUT'], weight: 60 },
  { id: 'unknown-host', pattern: /UnknownHostException|Name\s+or\s+service\s+not\s+known|Temporary\s+failure\s+in\s+name\s+resolution/i, codes: ['NET_DNS_FAILED'], weight: 95 },
  { id: 'connection-refused', pattern: /Connection\s+refused|ConnectException:\s*Connection\s+refused/i, codes: ['NET_CONNECT_REFUSED'], weight: 95 },
  { id: 'proxy-tunnel', pattern: /Unable\s+to\s+tunnel\s+through\s+proxy|Proxy\s+Authentication\s+Required/i, codes: ['NET_PROXY_FAILED'], weight: 95 },
  // ISE's GUI "Connection to smtp.office365.com failed" says only that something on the way failed.
  { id: 'connection-failed', pattern: /Connection\s+to\s+\S+\s+failed|Couldn'?t\s+connect\s+to\s+host|MailConnectException/i, codes: ['NET_CONNECT_TIMEOUT', 'NET_DNS_FAILED', 'NET_CONNECT_REFUSED', 'TLS_UNTRUSTED_CHAIN'], weight: 20 },
  // TLS: the guide's PKIX error: the CA chain is missing from ISE's trusted store.
  { id: 'pkix', pattern: /PKIX\s+path\s+(?:building|validation)\s+failed|unable\s+to\s+find\s+valid\s+certification\s+path|SunCertPathBuilderException|CertPathValidatorException/i, codes: ['TLS_UNTRUSTED_CHAIN'], weight: 100 },
  { id: 'hostname-mismatch', pattern: /No\s+subject\s+alternative\s+(?:DNS\s+)?names?\s+matching|No\s+name\s+matching\s+\S+\s+found/i, codes: ['TLS_HOSTNAME_MISMATCH'], weight: 95 },
  { id: 'ssl-handshake', pattern: /SSLHandshakeException|handshake_failure/i, codes: ['TLS_UNTRUSTED_CHAIN', 'TLS_HOSTNAME_MISMATCH'], weight: 50 },
  // Token: the guide's GUI texts, then the AADSTS codes behind them.
  { id: 'invalid-oauth-endpoint', pattern: phrase('Invalid OAuth endpoint or tenant identifier'), codes: ['TOKEN_TENANT_NOT_FOUND', 'TOKEN_TENANT_INVALID'], weight: 95 },
  { id: 'invalid-client-secret', pattern: phrase('Invalid client secret'), codes: ['TOKEN_SECRET_INVALID', 'TOKEN_SECRET_EXPIRED', 'INPUT_SECRET_LOOKS_LIKE_ID'], weight: 95 },
  { id: 'oauth-invalid-client', pattern: /\binvalid_client\b/i, codes: ['TOKEN_SECRET_INVALID', 'TOKEN_APP_NOT_FOUND'], weight: 60 },
  { id: 'oauth-unauthorized-client', pattern: /\bunauthorized_client\b/i, codes: ['TOKEN_APP_NOT_FOUND'], weight: 60 },
  { id: 'oauth-invalid-scope', pattern: /\binvalid_scope\b/i, codes: ['TOKEN_SCOPE_INVALID'], weight: 60 },
  { id: 'oauth-service-unavailable', pattern: /\btemporarily_unavailable\b/i, codes: ['TOKEN_SERVICE_ERROR'], weight: 60 },
  { id: 'token-error', pattern: phrase('Error acquiring token'), codes: ['TOKEN_UNCLASSIFIED'], weight: 15 },
  // SMTP: the texts ISE puts around Exchange's replies (the replies themselves: shared/signals.ts).
  { id: 'invalid-email-address', pattern: phrase('Invalid email address'), codes: ['SMTP_AUTH_REJECTED', 'SMTP_USER_INVALID'], weight: 90 },
  { id: 'authentication-failed', pattern: /AuthenticationFailedException/i, codes: ['SMTP_AUTH_REJECTED'], weight: 40 },
  { id: 'smtp-no-mechanism', pattern: /No\s+authentication\s+mechanisms?\s+supported|XOAUTH2\s+(?:not\s+(?:supported|offered|available))/i, codes: ['SMTP_XOAUTH2_NOT_OFFERED'], weight: 80 },
  { id: 'smtp-starttls-offer', pattern: /STARTTLS\s+(?:not\s+(?:supported|offered|available))/i, codes: ['SMTP_STARTTLS_UNAVAILABLE'], weight: 80 },
  { id: 'messaging-exception', pattern: /MessagingException/i, codes: ['SMTP_UNCLASSIFIED'], weight: 10 },
];

/** One ranked answer of the lookup. */
export interface IseErrorMatch {
  code: FindingCode;
  step: SetupStep | null;
  severity: Severity;
  /** 0–100: how telling the strongest fragment for this code was. */
  score: number;
  /** The rule ids that pointed at this code, in table order. */
  rules: string[];
  /** The text that matched the strongest rule, as it appeared (trimmed to 200 characters). */
  evidence: string;
}

/** Each further code of a rule counts a little less than the one before it. */
const RANK_STEP = 5;

/**
 * Classifies a pasted ISE error (GUI text, guest.log lines, Java exception) into finding codes,
 * most likely first. Returns an empty list when nothing is recognised. Several codes can match:
 * "AuthenticationFailedException: 535 5.7.139 … SmtpClientAuthentication is disabled" gives
 * SMTP_AUTH_DISABLED first, then SMTP_AUTH_REJECTED.
 */
export function lookupIseError(text: string): IseErrorMatch[] {
  const byCode = new Map<FindingCode, IseErrorMatch>();
  const add = (id: string, codes: readonly FindingCode[], weight: number, evidence: string) => {
    codes.forEach((code, i) => {
      const score = Math.max(1, weight - i * RANK_STEP);
      const shown = evidence.replace(/\s+/g, ' ').slice(0, 200);
      const existing = byCode.get(code);
      if (!existing) {
        const entry = FINDING_CATALOG[code];
        byCode.set(code, { code, step: entry.step, severity: entry.severity, score, rules: [id], evidence: shown });
      } else {
        if (!existing.rules.includes(id)) existing.rules.push(id);
        if (score > existing.score) {
          existing.score = score;
          existing.evidence = shown;
        }
      }
    });
  };
  // What ISE and Java say around the services' replies.
  for (const rule of ISE_ERROR_RULES) {
    const m = rule.pattern.exec(text);
    if (m) add(rule.id, rule.codes, rule.weight, m[0]);
  }
  // The services' own signals, through the one table diagnose uses (shared/signals.ts).
  for (const reply of findRepliesInText(text)) {
    const row = matchSmtpSignal(reply);
    const code = classifySmtpSignal(reply);
    if (code) add(row ? `signal:${row.id}` : 'signal:smtp-other', [code], row ? SIGNAL_WEIGHT : UNKNOWN_REPLY_WEIGHT, reply.raw);
  }
  for (const m of text.matchAll(BARE_ENHANCED)) {
    const row = matchSmtpSignal({ code: 0, enhanced: m[1], text: text.slice(m.index, m.index + 300) });
    if (row) add(`signal:${row.id}`, [row.finding], BARE_ENHANCED_WEIGHT, m[0]);
  }
  for (const row of matchSmtpFragments(text)) add(`signal:${row.id}`, [row.finding], FRAGMENT_WEIGHT, row.fragment?.exec(text)?.[0] ?? row.id);
  for (const n of findAadstsInText(text)) {
    const code = classifyAadsts(n);
    add(`aadsts:${n}`, code === 'TOKEN_UNCLASSIFIED' ? ['TOKEN_UNCLASSIFIED'] : [code], code === 'TOKEN_UNCLASSIFIED' ? 30 : SIGNAL_WEIGHT, `AADSTS${n}`);
  }
  return [...byCode.values()].sort((a, b) => b.score - a.score);
}

/** A reply code with its enhanced code names the cause exactly. */
const SIGNAL_WEIGHT = 100;
/** An error reply no row knows: better than nothing, worse than any telling fragment. */
const UNKNOWN_REPLY_WEIGHT = 12;
/** An enhanced code without its reply code (a wrapped log line). */
const BARE_ENHANCED_WEIGHT = 85;
/** A stable fragment alone (`SendAsDenied`, `SubmissionQuotaExceeded`). */
const FRAGMENT_WEIGHT = 90;
/** An enhanced status code that no three-digit reply code precedes. */
const BARE_ENHANCED = /(?<![\d.]|\d\d\d[\s-]{1,4})([45]\.\d{1,3}\.\d{1,3})(?![\d.]*\d)/g;

/**
 * The one cause a single log entry points to: the best-ranked code, or null. Used by the
 * guest.log analyzer, where one exception (with its nested causes) is one failure.
 */
export function primaryIseErrorCode(text: string): FindingCode | null {
  return lookupIseError(text)[0]?.code ?? null;
}
