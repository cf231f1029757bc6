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
/**
 * A text that ends with the first characters of a known value (or starts with its last ones) was
 * cut somewhere before it reached us: that piece is masked too, from this many characters on.
 */
const MIN_PIECE_LENGTH = 4;

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
  return redactForms(text, knownForms(known));
}

/** Every known value's wire forms, each value's longest first (so a base64 form is not half-masked by a shorter one). */
function knownForms(known: readonly (string | undefined)[]): string[] {
  const forms: string[] = [];
  for (const value of known) {
    if (!value || value.length < MIN_KNOWN_LENGTH) continue;
    forms.push(...encodings(value).sort((a, b) => b.length - a.length));
  }
  return forms;
}

function redactForms(text: string, forms: readonly string[]): string {
  let out = text;
  for (const form of forms) out = maskCutPieces(out.split(form).join('[redacted]'), form);
  return out
    .replace(AUTH_XOAUTH2, '$1[redacted-xoauth2]')
    .replace(XOAUTH2_BLOB, '[redacted-xoauth2]')
    .replace(JWT, '[redacted-jwt]')
    .replace(BEARER, '$1[redacted]')
    .replace(AUTHORIZATION, '$1[redacted]')
    .replace(FIELD_SECRET, '$1[redacted]')
    .replace(ENTRA_SECRET_VALUE, '[redacted-secret]');
}

/**
 * Masks the longest trailing prefix and then the longest leading suffix of `form` (at least
 * MIN_PIECE_LENGTH characters, shorter than the whole: what a cut elsewhere leaves of it). Only
 * where the piece's first (last) characters occur is it compared, found with indexOf: trying
 * every length in turn cost ~2,000 slices per string and form for a 2 KB token, which made
 * redaction the largest CPU cost of a diagnosis (issue 16.2, the fleet check).
 */
function maskCutPieces(text: string, form: string): string {
  let out = text;
  const len = form.length;
  if (out.length >= MIN_PIECE_LENGTH && len > MIN_PIECE_LENGTH) {
    // A trailing prefix: the earliest start p whose rest of `out` begins `form` is the longest.
    const head = form.slice(0, MIN_PIECE_LENGTH);
    for (let p = out.indexOf(head, Math.max(0, out.length - (len - 1))); p !== -1 && p <= out.length - MIN_PIECE_LENGTH; p = out.indexOf(head, p + 1)) {
      if (form.startsWith(out.slice(p))) {
        out = `${out.slice(0, p)}[redacted]`;
        break;
      }
    }
  }
  if (out.length >= MIN_PIECE_LENGTH && len > MIN_PIECE_LENGTH) {
    // A leading suffix: the earliest q (q ≥ 1) where `out` begins with form's tail from q is the longest.
    const lead = out.slice(0, MIN_PIECE_LENGTH);
    for (let q = form.indexOf(lead, Math.max(1, len - out.length)); q !== -1 && q <= len - MIN_PIECE_LENGTH; q = form.indexOf(lead, q + 1)) {
      if (out.startsWith(form.slice(q))) {
        out = `[redacted]${out.slice(len - q)}`;
        break;
      }
    }
  }
  return out;
}

/**
 * Redacts, THEN cuts to at most `max` characters: cutting first could split a secret so that
 * neither half matches (issue 17: 20 of 44 characters of a secret survived a 500-character cut).
 * A cut through a mask marker leaves the whole marker out, never a half of it.
 */
export function redactAndCut(text: string, max: number, redactor: Redactor): string {
  const clean = redactor(text);
  if (clean.length <= max) return clean;
  let cut = clean.slice(0, max);
  const open = cut.lastIndexOf('[redacted');
  if (open !== -1 && cut.indexOf(']', open) === -1) cut = cut.slice(0, open);
  return `${cut}…`;
}

/** Log text (a guest.log entry, a pasted error) with nothing known in advance: shapes only. */
export function redactLogText(text: string): string {
  return redact(text);
}

/** A redactor bound to one run's secrets, handed to every check. */
export type Redactor = (text: string) => string;

/** `known` is read on every call: the access token is learnt mid-run. */
export function createRedactor(known: () => readonly (string | undefined)[]): Redactor {
  // The wire forms are worked out again only when the known values change (once, when the token arrives).
  let values: readonly (string | undefined)[] = [];
  let forms: string[] = [];
  return (text) => {
    const now = known();
    if (now.length !== values.length || now.some((v, i) => v !== values[i])) {
      values = [...now];
      forms = knownForms(values);
    }
    return redactForms(text, forms);
  };
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
