import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliCommand } from './command';
import type { LogAnalysis } from '../../shared/contract/troubleshoot';
import { analyzeGuestLogs, fileInput, GZIP_MAX_OUTPUT_BYTES, GZIP_MAX_RATIO, SLOW_SEND_MS } from '../core/troubleshoot/guest-log';
import { findingTexts, type FindingTexts } from '../core/texts/finding-texts';
import { cliLanguage, LANG_OPTION } from './language';
import { printableJson } from '../../shared/printable';

const USAGE = 'usage: ise-smtp-oauth analyze-log FILE... [--json] [--timeline N] [--lang en|nl|fr|de|it|zh-TW]\n';

/** What a source problem means, where the code alone does not say it. */
const PROBLEM_EN: Record<string, string> = {
  'gzip-ratio-exceeded': `stopped: this .gz expands more than ${GZIP_MAX_RATIO} times its size, which no guest.log does (a damaged or crafted file); the part before is analysed`,
  'gzip-size-exceeded': `stopped: this .gz expands past ${GZIP_MAX_OUTPUT_BYTES / 1024 ** 3} GB; decompress it yourself and analyse the plain file`,
};

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The analysis as a field engineer reads it in a terminal. */
export function formatAnalysis(a: LogAnalysis, timelineLines: number, texts: FindingTexts = findingTexts('en')): string {
  const out: string[] = [];
  out.push(`guest.log analysis: ${a.sources.length} file(s), ${size(a.stats.bytes)}, ${a.stats.entries} recognised entries, ${a.stats.durationMs} ms`);
  for (const s of a.sources) {
    out.push(`  ${s.name}  ${size(s.bytes)}  ${s.firstTime ?? '-'} → ${s.lastTime ?? '-'}${s.problem ? `  (${s.problem}: read in part)` : ''}`);
    const why = s.problem ? PROBLEM_EN[s.problem] : undefined;
    if (why) out.push(`    ${why}`);
  }
  const shown = a.timeline.slice(-timelineLines);
  const hidden = a.timelineDropped + a.timeline.length - shown.length;
  out.push('', `Timeline${hidden > 0 ? ` (last ${shown.length}; ${hidden} earlier not shown)` : ''}:`);
  for (const e of shown) {
    const what = e.code ? `${e.kind} ${e.code}` : e.kind;
    const dur = e.durationMs !== undefined ? ` ${e.durationMs} ms` : '';
    const times = e.count > 1 ? ` ×${e.count}` : '';
    out.push(`  ${e.time}  ${e.level.padEnd(5)} ${e.thread}  ${what}${dur}${times}  ${e.detail.slice(0, 120)}`);
  }
  out.push('', 'Findings:');
  if (a.findings.length === 0) out.push('  none');
  for (const f of a.findings) {
    out.push(`  ${f.code} (${f.step ?? '-'}, ${f.severity}) ×${f.count}  first ${f.firstSeen}  last ${f.lastSeen}${f.resolvedLater ? '  [a success came later]' : ''}`);
  }
  const slowest = a.sends.maxDurationMs === null ? '' : `, slowest ${a.sends.maxDurationMs} ms`;
  out.push('', `Sends: ${a.sends.success} succeeded, ${a.sends.failed} failed${slowest}`);
  if (a.slowSendCount > 0) {
    out.push(`Slow sends (over ${SLOW_SEND_MS / 1000} s): ${a.slowSendCount}`);
    for (const s of a.slowSends.slice(-10)) out.push(`  ${s.time}  ${s.thread}  ${s.durationMs} ms`);
  }
  out.push('', 'SMTP settings seen:');
  if (a.smtpSettings.length === 0) out.push('  none');
  for (const s of a.smtpSettings) {
    out.push(
      `  ${s.origin.padEnd(7)} ${s.server ?? '?'}:${s.port ?? '?'} timeout ${s.timeoutSeconds ?? '?'} s, TLS ${s.tls ?? '?'}, authentication ${s.authEnabled ?? '?'}${s.username ? `, user ${s.username}` : ''} ×${s.count}`,
    );
  }
  out.push('', 'What to do next:');
  if (a.nextSteps.length === 0) out.push('  nothing: no failure recognised');
  a.nextSteps.forEach((code, i) => out.push(`  ${i + 1}. ${code}: ${texts.fix(code)}`));
  return out.join('\n') + '\n';
}

/** `ise-smtp-oauth analyze-log`: reads guest.log files (rotated, .gz) and says what failed and what to do. */
export const analyzeLogCommand: CliCommand = {
  usage: USAGE,
  summary: 'analyse ISE guest.log files (rotated, .gz): FILE... [--json]',
  async run(argv) {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { json: { type: 'boolean' }, timeline: { type: 'string' }, ...LANG_OPTION } });
    } catch (err) {
      process.stderr.write(`ise-smtp-oauth analyze-log: ${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    const { values, positionals } = parsed;
    if (positionals.length === 0) {
      process.stderr.write(`ise-smtp-oauth analyze-log: FILE is required\n${USAGE}`);
      return 2;
    }
    const timelineLines = values.timeline === undefined ? 40 : Number(values.timeline);
    if (!Number.isInteger(timelineLines) || timelineLines < 0) {
      process.stderr.write(`ise-smtp-oauth analyze-log: --timeline must be a whole number\n${USAGE}`);
      return 2;
    }
    for (const file of positionals) {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(file);
      } catch {
        process.stderr.write(`ise-smtp-oauth analyze-log: FILE ${file} not found\n`);
        return 2;
      }
      if (!stat.isFile()) {
        process.stderr.write(`ise-smtp-oauth analyze-log: FILE ${file} is not a file\n`);
        return 2;
      }
    }
    const analysis = await analyzeGuestLogs(positionals.map(fileInput));
    process.stdout.write(values.json ? printableJson(analysis) + '\n' : formatAnalysis(analysis, timelineLines, findingTexts(cliLanguage(values.lang))));
    // A failure that no later success followed is a failed check.
    return analysis.findings.some((f) => f.severity === 'error' && !f.resolvedLater) ? 1 : 0;
  },
};
