/**
 * The shape of one guest.log line:
 * `2026-02-02 05:17:34,608 INFO   [admin-http-pool139][[]] cpm.guestaccess…SmtpSession -::admin:::- message`
 * A line that does not start with a timestamp continues the entry before it (stack trace,
 * `nested exception is:`, `Caused by:`, or a message ISE wrapped).
 */

const C0 = 48; // '0'
const C9 = 57; // '9'

function isDigit(code: number): boolean {
  return code >= C0 && code <= C9;
}

/** Where ISE's `YYYY-MM-DD HH:MM:SS` has its separators; every other of its 19 bytes is a digit. */
const SEPARATORS = Uint8Array.of(0, 0, 0, 0, 45, 0, 0, 45, 0, 0, 32, 0, 0, 58, 0, 0, 58, 0, 0); // '-', ' ', ':'; 0 = digit

/**
 * True when the line starting at `i` of `s` begins with ISE's timestamp `YYYY-MM-DD HH:MM:SS`
 * (all 19 characters checked, so a timestamp cut by a line break never counts).
 * Char-code checks only: it runs for every line the scanner walks over.
 */
export function isHeaderAt(s: string, i: number): boolean {
  if (i + 19 > s.length) return false;
  for (let k = 0; k < 19; k++) {
    const c = s.charCodeAt(i + k);
    const sep = SEPARATORS[k];
    if (sep === 0 ? !isDigit(c) : c !== sep) return false;
  }
  return true;
}

/** The same test on raw bytes (the scanner never decodes lines that do not matter). */
export function isHeaderAtBytes(b: Uint8Array, i: number): boolean {
  if (i + 19 > b.length) return false;
  for (let k = 0; k < 19; k++) {
    const c = b[i + k]!;
    const sep = SEPARATORS[k];
    if (sep === 0 ? !isDigit(c) : c !== sep) return false;
  }
  return true;
}

/** The parts of an entry's first line the timeline shows. */
export interface EntryHeader {
  time: string;
  level: string;
  thread: string;
  /** The logging class, e.g. `cpm.guestaccess.apiservices.util.SmtpSession`. */
  logger: string;
  /** The text after ISE's `-::user:::-` marker. */
  message: string;
}

const HEADER =
  /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:[,.]\d{1,3})?)\s+([A-Z]+)?\s*(?:\[([^\]]*)\])?(?:\[\[[^\]]*\]\])?\s*([\w.$]+)?\s*(?:-[^\s]*?-(?:\s|$))?(.*)$/;

/** Parses a header line (without its line ending). Truncated lines give empty parts, never a throw. */
export function parseHeader(line: string): EntryHeader {
  const m = HEADER.exec(line);
  if (!m) return { time: line.slice(0, 23), level: '', thread: '', logger: '', message: line };
  return { time: m[1] ?? '', level: m[2] ?? '', thread: m[3] ?? '', logger: m[4] ?? '', message: (m[5] ?? '').trim() };
}
