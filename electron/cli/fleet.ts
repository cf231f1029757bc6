import fs from 'node:fs';
import type { FleetRow } from '../../shared/contract/fleet';
import { resolveDataDir } from '../core/profiles/data-dir';
import { checkFleet, countResults, DEFAULT_CONCURRENCY } from '../core/fleet/check';
import { checkStoredProfile } from '../core/fleet/profile-check';
import { writeFleetResults } from '../core/fleet/results-file';
import type { DiagnoseDeps } from '../core/diagnostics';
import type { PracticeHost } from '../core/handlers/practice-tenant';
import type { Vault } from '../core/vault/vault';
import { openProfileService } from './profiles';

export const FLEET_USAGE = `usage: ise-smtp-oauth diagnose --all-profiles [--concurrency N] [--json] [--html FILE] [--data-dir DIR]
Checks every stored profile as ISE will use it (a fresh token, SMTP AUTH, the secret's expiry),
N at a time (default ${DEFAULT_CONCURRENCY}). One line of progress on stderr; a table (or --json) on stdout;
--html also writes the table as a web page. Each profile's result is kept in the data folder
(fleet-results.json) for the Profiles screen. A practice profile is not checked here.
exit codes: 0 every checked profile healthy or warning only, 1 any failed or not checked
  (no secret stored, keychain unavailable), 2 bad usage
`;

/** Control characters, bidi overrides and NUL out of text that came from a file or a server. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

const RESULT_TEXT: Record<FleetRow['result'], string> = { healthy: 'healthy', warning: 'warning', failed: 'FAILED', 'not-checked': 'not checked' };

function topOf(row: FleetRow): string {
  if (row.result === 'not-checked') return { 'no-secret': 'no client secret stored', keychain: 'keychain unavailable', practice: 'practice profile (run in the app)', error: 'the check itself failed' }[row.notCheckedReason ?? 'error'];
  return row.topFinding ?? '–';
}

/** The summary table: profile, result, days to expiry, top finding. */
export function fleetTable(rows: readonly FleetRow[]): string {
  const cells = rows.map((r) => [printable(r.name), RESULT_TEXT[r.result], r.daysToExpiry === null ? '–' : String(r.daysToExpiry), topOf(r)]);
  const head = ['profile', 'result', 'days to expiry', 'top finding'];
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => (i === 2 ? x.padStart(width[i]!) : x.padEnd(width[i]!))).join('  ').trimEnd();
  return [line(head), width.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The same table as a self-contained web page (no script, no outside resources). */
export function fleetHtml(rows: readonly FleetRow[], checkedAt: string): string {
  const counts = countResults(rows);
  const body = rows
    .map((r) => `<tr class="${r.result}"><td>${escapeHtml(printable(r.name))}</td><td>${escapeHtml(printable(r.customer))}</td><td>${RESULT_TEXT[r.result]}</td><td>${r.daysToExpiry ?? '–'}</td><td>${escapeHtml(topOf(r))}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>ISE SMTP OAuth fleet check ${escapeHtml(checkedAt)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}.failed,.not-checked{background:#fde7e9}.warning{background:#fff4ce}</style></head>
<body><h1>Fleet check</h1><p>${escapeHtml(checkedAt)}: ${counts.healthy} healthy, ${counts.warning} warning, ${counts.failed} failed, ${counts['not-checked']} not checked.</p>
<table><thead><tr><th>Profile</th><th>Customer</th><th>Result</th><th>Days to expiry</th><th>Top finding</th></tr></thead>
<tbody>
${body}
</tbody></table></body></html>
`;
}

export interface FleetCommandOptions {
  concurrency?: string;
  json?: boolean;
  html?: string;
  dataDir?: string;
  /** Tests: the diagnosis's dependencies (clock, environment). */
  deps?: DiagnoseDeps;
  /** Tests and the benchmark: a practice tenant for practice profiles (the CLI has none). */
  practiceHost?: PracticeHost;
  /** Tests: the vault (default: the OS keychain). */
  vault?: Vault;
}

/** `diagnose --all-profiles`. */
export async function runFleetCommand(o: FleetCommandOptions): Promise<number> {
  const concurrency = o.concurrency === undefined ? DEFAULT_CONCURRENCY : Number(o.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    process.stderr.write(`ise-smtp-oauth diagnose: --concurrency must be a whole number from 1 to 64\n${FLEET_USAGE}`);
    return 2;
  }
  const dataDir = resolveDataDir(o.dataDir);
  const service = openProfileService(o.dataDir, o.vault);
  const profiles = service.store.list();
  const started = performance.now();
  const checkedAt = new Date().toISOString();
  const tty = process.stderr.isTTY === true;
  const rows = await checkFleet({
    profiles,
    concurrency,
    check: (p) => checkStoredProfile(p, service.vault, o.practiceHost, o.deps),
    onProgress: (done, total, row) => {
      // One line, rewritten in place on a terminal; in a log (cron) only the closing line.
      if (tty) process.stderr.write(`\rchecking profiles: ${done}/${total}, last ${printable(row.name).slice(0, 40)}: ${RESULT_TEXT[row.result]}\u001b[K`);
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const counts = countResults(rows);
  process.stderr.write(`${tty ? '\r' : ''}checked ${rows.length} profile(s) in ${seconds} s, ${concurrency} at a time: ${counts.healthy} healthy, ${counts.warning} warning, ${counts.failed} failed, ${counts['not-checked']} not checked${tty ? '\u001b[K' : ''}\n`);
  try {
    writeFleetResults(dataDir, rows, new Set(profiles.map((p) => p.id)));
  } catch (err) {
    process.stderr.write(`ise-smtp-oauth diagnose: the results could not be kept in ${dataDir} (${(err as NodeJS.ErrnoException).code ?? 'error'})\n`);
  }
  if (o.html) {
    try {
      fs.writeFileSync(o.html, fleetHtml(rows, checkedAt));
    } catch (err) {
      process.stderr.write(`ise-smtp-oauth diagnose: --html ${o.html} could not be written (${(err as NodeJS.ErrnoException).code ?? 'error'})\n`);
      return 2;
    }
  }
  const ok = counts.failed === 0 && rows.every((r) => r.result !== 'not-checked' || r.notCheckedReason === 'practice');
  process.stdout.write(o.json ? `${JSON.stringify({ ok, checkedAt, durationMs: Math.round(performance.now() - started), concurrency, counts, rows }, null, 2)}\n` : fleetTable(rows));
  return ok ? 0 : 1;
}
