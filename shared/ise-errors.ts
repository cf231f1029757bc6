import { FINDING_CATALOG, type FindingCode, type Severity } from './findings';
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

/** An SMTP reply code with its enhanced status code, e.g. `535 5.7.3`; the code must not run on (5.7.3 ≠ 5.7.30). */
function reply(basic: string, enhanced: string): RegExp {
  return new RegExp(`(?<![\\d.])${basic}[\\s-]+${enhanced.replace(/\./g, '\\.')}(?![\\d.]\\d)`, 'i');
}

/** An enhanced status code alone, e.g. `5.7.139` (bounded so 5.7.1 does not match 5.7.139). */
function enhanced(code: string): RegExp {
  return new RegExp(`(?<![\\d.])${code.replace(/\./g, '\\.')}(?![\\d])`, 'i');
}

/** An AADSTS error number, bounded (AADSTS7000215 must not match AADSTS70002). */
function aadsts(...numbers: string[]): RegExp {
  return new RegExp(`AADSTS(?:${numbers.join('|')})(?!\\d)`, 'i');
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
  { id: 'aadsts-tenant-not-found', pattern: aadsts('90002'), codes: ['TOKEN_TENANT_NOT_FOUND'], weight: 100 },
  { id: 'aadsts-tenant-invalid', pattern: aadsts('900023'), codes: ['TOKEN_TENANT_INVALID'], weight: 100 },
  { id: 'aadsts-app-not-found', pattern: aadsts('700016'), codes: ['TOKEN_APP_NOT_FOUND'], weight: 100 },
  { id: 'aadsts-secret-invalid', pattern: aadsts('7000215'), codes: ['TOKEN_SECRET_INVALID', 'INPUT_SECRET_LOOKS_LIKE_ID'], weight: 100 },
  { id: 'aadsts-secret-expired', pattern: aadsts('7000222'), codes: ['TOKEN_SECRET_EXPIRED'], weight: 100 },
  { id: 'aadsts-scope', pattern: aadsts('1002012', '70011', '500011'), codes: ['TOKEN_SCOPE_INVALID'], weight: 100 },
  { id: 'aadsts-other', pattern: /AADSTS\d+/i, codes: ['TOKEN_UNCLASSIFIED'], weight: 30 },
  { id: 'oauth-invalid-client', pattern: /\binvalid_client\b/i, codes: ['TOKEN_SECRET_INVALID', 'TOKEN_APP_NOT_FOUND'], weight: 60 },
  { id: 'oauth-unauthorized-client', pattern: /\bunauthorized_client\b/i, codes: ['TOKEN_APP_NOT_FOUND'], weight: 60 },
  { id: 'oauth-invalid-scope', pattern: /\binvalid_scope\b/i, codes: ['TOKEN_SCOPE_INVALID'], weight: 60 },
  { id: 'oauth-service-unavailable', pattern: /\btemporarily_unavailable\b/i, codes: ['TOKEN_SERVICE_ERROR'], weight: 60 },
  { id: 'token-error', pattern: phrase('Error acquiring token'), codes: ['TOKEN_UNCLASSIFIED'], weight: 15 },
  // SMTP: Exchange's enhanced status codes, then the texts ISE puts around them.
  { id: 'smtp-auth-disabled', pattern: /SmtpClientAuthentication\s+is\s+disabled|Authentication\s+unsuccessful,?\s+SmtpClientAuthentication/i, codes: ['SMTP_AUTH_DISABLED'], weight: 100 },
  { id: 'smtp-auth-policy', pattern: /security\s+defaults|did\s+not\s+meet\s+the\s+criteria|conditional\s+access/i, codes: ['SMTP_AUTH_BLOCKED_BY_POLICY'], weight: 90 },
  { id: 'smtp-5.7.139', pattern: enhanced('5.7.139'), codes: ['SMTP_AUTH_DISABLED', 'SMTP_AUTH_BLOCKED_BY_POLICY'], weight: 85 },
  { id: 'smtp-5.7.3', pattern: reply('535', '5.7.3'), codes: ['SMTP_AUTH_REJECTED'], weight: 95 },
  { id: 'invalid-email-address', pattern: phrase('Invalid email address'), codes: ['SMTP_AUTH_REJECTED', 'SMTP_USER_INVALID'], weight: 90 },
  { id: 'authentication-failed', pattern: /AuthenticationFailedException/i, codes: ['SMTP_AUTH_REJECTED'], weight: 40 },
  { id: 'smtp-5.5.124', pattern: /(?<![\d.])5\.5\.124(?!\d)|invalid\s+XOAUTH2\s+user/i, codes: ['SMTP_USER_INVALID'], weight: 95 },
  { id: 'smtp-send-as-denied', pattern: /SendAsDenied|(?<![\d.])5\.2\.252(?!\d)|(?<![\d.])5\.7\.60(?!\d)/i, codes: ['SMTP_SEND_AS_DENIED'], weight: 95 },
  { id: 'smtp-5.7.57', pattern: /(?<![\d.])5\.7\.57(?!\d)|Client\s+was\s+not\s+authenticated\s+to\s+send/i, codes: ['SMTP_NOT_AUTHENTICATED'], weight: 95 },
  { id: 'smtp-throttled', pattern: /(?<![\d.])4\.3\.2(?!\d)|(?<![\d.])(?:421|432|451|452|454)[\s-]+4\.\d{1,2}\.\d{1,3}|throttl/i, codes: ['SMTP_THROTTLED'], weight: 80 },
  { id: 'smtp-starttls', pattern: /Must\s+issue\s+a\s+STARTTLS|STARTTLS\s+is\s+required|STARTTLS\s+(?:not\s+(?:supported|offered|available))/i, codes: ['SMTP_STARTTLS_UNAVAILABLE'], weight: 80 },
  { id: 'smtp-no-mechanism', pattern: /No\s+authentication\s+mechanisms?\s+supported|XOAUTH2\s+(?:not\s+(?:supported|offered|available))/i, codes: ['SMTP_XOAUTH2_NOT_OFFERED'], weight: 80 },
  { id: 'smtp-other-reply', pattern: /(?<![\d.])5\d\d[\s-]+5\.\d{1,2}\.\d{1,3}/i, codes: ['SMTP_UNCLASSIFIED'], weight: 12 },
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
 * SMTP_AUTH_DISABLED first, then SMTP_AUTH_BLOCKED_BY_POLICY and SMTP_AUTH_REJECTED.
 */
export function lookupIseError(text: string): IseErrorMatch[] {
  const byCode = new Map<FindingCode, IseErrorMatch>();
  for (const rule of ISE_ERROR_RULES) {
    const m = rule.pattern.exec(text);
    if (!m) continue;
    rule.codes.forEach((code, i) => {
      const score = Math.max(1, rule.weight - i * RANK_STEP);
      const existing = byCode.get(code);
      if (!existing) {
        const entry = FINDING_CATALOG[code];
        byCode.set(code, { code, step: entry.step, severity: entry.severity, score, rules: [rule.id], evidence: m[0].replace(/\s+/g, ' ').slice(0, 200) });
      } else {
        existing.rules.push(rule.id);
        if (score > existing.score) {
          existing.score = score;
          existing.evidence = m[0].replace(/\s+/g, ' ').slice(0, 200);
        }
      }
    });
  }
  return [...byCode.values()].sort((a, b) => b.score - a.score);
}

/**
 * The one cause a single log entry points to: the best-ranked code, or null. Used by the
 * guest.log analyzer, where one exception (with its nested causes) is one failure.
 */
export function primaryIseErrorCode(text: string): FindingCode | null {
  return lookupIseError(text)[0]?.code ?? null;
}
