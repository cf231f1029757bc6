/**
 * Makes remote or user-supplied text safe to print in a terminal or to put in an exported
 * document: an SMTP reply, a token server's error text, a Location header, a profile name.
 *
 * Why: a hostile server's reply printed raw reaches the engineer's terminal, where escape
 * sequences can write the clipboard (OSC 52), retitle the window, clear the screen or hide
 * text; bidi overrides (U+202E …) make a name read differently from what it is (issue 17).
 *
 * Removed: whole ESC sequences (CSI `ESC [ … final`, OSC/DCS/PM/APC/SOS `ESC ] … BEL|ST`, and
 * two-byte `ESC x`), their 8-bit forms (U+009B CSI, U+009D OSC …), every other C0 control but
 * TAB, LF and the CR of a CRLF (a lone CR rewrites the line; CRLF is what .ics and SMTP use), DEL, C1 (U+0080–U+009F), the bidi embeddings,
 * overrides and isolates, the zero-width joiners/marks used to hide text, the BOM and the
 * line/paragraph separators. Ordinary text in any script is untouched.
 */

// String-terminated sequences: OSC, DCS, SOS, PM, APC, in 7-bit (ESC ] …) or 8-bit (U+009D …)
// form, ended by BEL, ST (ESC \ or U+009C), or the end of the text (an unterminated one is
// still dropped whole: its payload is the attacker's).
const STRING_SEQUENCE = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[\s\S]*?(?:\x07|\x1b\\|\x9c|$)/g;
// CSI sequences: ESC [ or U+009B, parameter and intermediate bytes, one final byte.
const CSI_SEQUENCE = /(?:\x1b\[|\x9b)[\x20-\x3f]*[\x40-\x7e]?/g;
// Any other escape: ESC and the one character after it (ESC c resets the terminal).
const OTHER_ESCAPE = /\x1b[\s\S]?/g;
// What is left: C0 but TAB/LF/CR, DEL, C1, bidi controls, zero-width/invisible formatters, BOM, LS/PS.
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

// A CR not followed by LF moves the cursor back over what was printed.
const LONE_CR = /\r(?!\n)/g;

/** The text without control characters and escape sequences; TAB, LF and CRLF kept. */
export function printable(text: string): string {
  return text.replace(STRING_SEQUENCE, '').replace(CSI_SEQUENCE, '').replace(OTHER_ESCAPE, '').replace(CONTROLS, '').replace(LONE_CR, '');
}

/** `printable` for one line: TAB and LF become spaces too (a name, a header value, a table cell). */
export function printableLine(text: string): string {
  return printable(text).replace(/\r?\n|\t/g, ' ');
}

/** Deep `printable` over a JSON-like value's strings (keys too: a server can name a key). */
export function printableDeep<T>(value: T): T {
  if (typeof value === 'string') return printable(value) as T;
  if (Array.isArray(value)) return value.map((v) => printableDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[printable(k)] = printableDeep(v);
    return out as T;
  }
  return value;
}

/**
 * JSON for a terminal or a pipe: every string made printable first. JSON.stringify alone writes
 * ESC as the text `\u001b`, which `jq -r` and other readers turn back into a live escape.
 */
export function printableJson(value: unknown): string {
  return JSON.stringify(printableDeep(value), null, 2);
}
