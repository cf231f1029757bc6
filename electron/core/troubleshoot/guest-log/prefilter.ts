/**
 * The cheap first pass over guest.log: fixed fragments and one status-code pattern. An entry
 * whose region (first line and MAX_ENTRY_LINES lines after it) holds none of them is never
 * decoded or parsed, which is what keeps the analyzer fast (≥ 200 MB/s): heavier parsing runs
 * only on the few entries that hit. search.ts runs the search over raw bytes.
 *
 * Every fragment is plain text, so the same list also works as a POSIX ERE for `grep -cE`
 * (the benchmark compares against it). When you add an event or a failure rule, add its
 * stable fragment here, or the analyzer never sees the line.
 */
export const PREFILTER_FRAGMENTS: readonly string[] = [
  // Events of the guide's verification part.
  'testConnection',
  'Successfully connected to',
  'connected to mail server',
  'editSubmit',
  'successfully saved',
  'SMTP settings',
  'Set SMTP ',
  'Set Connection Tim',
  'Set TLS/SSL',
  'Set Authentication config',
  'Access token acquired',
  'OAuth Cache',
  'Submitting Mail Job',
  'transport.sendMessage',
  'Future.get',
  // Failures of the troubleshooting part, and what Exchange and Entra say inside exceptions.
  'Exception',
  'PKIX',
  'certification path',
  'AADSTS',
  'timed out',
  'Error acquiring token',
  'Invalid OAuth',
  'Invalid client secret',
  'Invalid email',
  "Couldn't connect",
  'Connection refused',
  'SendAsDenied',
  'invalid_client',
  'unauthorized_client',
  'invalid_scope',
  'temporarily_unavailable',
];

/** Escapes a fragment for a RegExp and for grep's ERE alike (both read `\.` as a literal dot). */
function escapeFragment(fragment: string): string {
  return fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Enhanced status codes (5.7.3, 5.7.139, 5.2.252, 4.3.2 …) can stand on a line of their own.
 * search.ts has its own byte search for it: change both together.
 */
const STATUS_CODE_FRAGMENT = '[45]\\.[2357]\\.[0-9]';

/** The pattern source shared by the analyzer and `grep -cE`. */
export const PREFILTER_SOURCE = [...PREFILTER_FRAGMENTS.map(escapeFragment), STATUS_CODE_FRAGMENT].join('|');

/** The prefilter as one RegExp (the reference the byte search in search.ts must agree with). */
export function createPrefilter(): RegExp {
  return new RegExp(PREFILTER_SOURCE);
}
