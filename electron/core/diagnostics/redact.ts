/**
 * The one redactor (mattermost/desktop's diagnostics pattern): every string that goes into a
 * report's `raw` or `evidence`, a guest.log timeline or sample, an error lookup's evidence, or a
 * terminal passes through it, so a client secret, an access token or an XOAUTH2 blob never
 * leaves the process. Known values (this run's secret and token) are masked literally and in
 * the encodings they travel in; the shapes below catch the same secrets when they arrive
 * re-encoded in a server's reply or in a pasted log we never saw the values of.
 * Over-masking is fine: the cause of a failure is in status codes and exception text, not in
 * these values.
 */

// A JWT (access tokens are JWTs): header and payload are base64url JSON, so both start "eyJ".
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
// `Bearer <token>`, also inside the plain XOAUTH2 string `user=…\x01auth=Bearer <token>\x01\x01`.
const BEARER = /(Bearer\s+)[^\s\x01"',;]+/gi;
// An Authorization header or field of any scheme (Basic carries a password): scheme + credential.
const AUTHORIZATION = /(Authorization["']?\s*[:=]\s*["']?)(?!Bearer\s+\[redacted)(?:[A-Za-z][\w-]*\s+)?[^\s\x01"',;]+/gi;
// The SMTP command carrying the XOAUTH2 initial response, and the blob itself: base64("user=")
// starts with "dXNlcj", however the blob is framed (a 334 continuation line, a log, a reply).
const AUTH_XOAUTH2 = /(AUTH\s+XOAUTH2\s+)\S+/gi;
const XOAUTH2_BLOB = /dXNlcj[A-Za-z0-9+/=]{8,}/g;
// Secret-bearing fields in form bodies, JSON and log text: `client_secret=…`, `"client_secret":"…"`.
const FIELD_SECRET =
  /((?:client_secret|access_token|refresh_token|id_token|client_assertion|assertion|password|secret)["']?\s*[:=]\s*["']?)[^&\s"',;}]+/gi;
// The shape of an Entra client secret Value: a few characters, a digit, "~" (today "Q~"), then
// 28+ more of its alphabet. Catches a Value pasted bare into a log or an error text.
const ENTRA_SECRET_VALUE = /(?<![A-Za-z0-9_.~-])[A-Za-z0-9_.-]{2,3}\dQ?~[A-Za-z0-9_.~-]{28,}/g;

/** Known values shorter than this are not masked: they would mask ordinary words. */
const MIN_KNOWN_LENGTH = 8;

/** The forms a known value takes on the wire: as is, URL-encoded (form bodies), base64. */
function encodings(value: string): string[] {
  const forms = new Set([value, encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2)]);
  forms.add(Buffer.from(value, 'utf8').toString('base64'));
  forms.add(Buffer.from(value, 'utf8').toString('base64url'));
  return [...forms].filter((f) => f.length >= MIN_KNOWN_LENGTH);
}

/**
 * Masks secrets in a string. `known` are literal values (the client secret, the access token)
 * to hide too, in whichever encoding they appear; absent or short values are ignored.
 */
export function redact(text: string, known: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const value of known) {
    if (!value || value.length < MIN_KNOWN_LENGTH) continue;
    // Longest form first, so a base64 form is not half-masked by a shorter one.
    for (const form of encodings(value).sort((a, b) => b.length - a.length)) out = out.split(form).join('[redacted]');
  }
  return out
    .replace(AUTH_XOAUTH2, '$1[redacted-xoauth2]')
    .replace(XOAUTH2_BLOB, '[redacted-xoauth2]')
    .replace(JWT, '[redacted-jwt]')
    .replace(BEARER, '$1[redacted]')
    .replace(AUTHORIZATION, '$1[redacted]')
    .replace(FIELD_SECRET, '$1[redacted]')
    .replace(ENTRA_SECRET_VALUE, '[redacted-secret]');
}

/** Log text (a guest.log entry, a pasted error) with nothing known in advance: shapes only. */
export function redactLogText(text: string): string {
  return redact(text);
}

/** A redactor bound to one run's secrets, handed to every check. */
export type Redactor = (text: string) => string;

/** `known` is read on every call: the access token is learnt mid-run. */
export function createRedactor(known: () => readonly (string | undefined)[]): Redactor {
  return (text) => redact(text, known());
}

/** Deep-redacts every string inside a JSON-like value (evidence objects); keys are kept. */
export function redactDeep<T>(value: T, redactor: Redactor): T {
  if (typeof value === 'string') return redactor(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redactor)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, redactor);
    return out as T;
  }
  return value;
}
