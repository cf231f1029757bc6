#!/usr/bin/env node
// Benchmark of the guest.log analyzer (issues 6 and 16): generates a guest.log of a chosen event
// density from the guide's own lines (bench/guest-log-gen.mjs), runs the analyzer as a whole
// process (`node` on the bundled analyzer: start-up, reading, worker threads, result), reads its
// CPU time and peak RSS from the child's own resourceUsage, runs `grep -cE` with the analyzer's
// prefilter patterns over the same file in the same run, and prints a table.
// Goal: at least 200 MB/s whole-process and under 200 MB peak RSS, at every density.
//
// Usage: node scripts/bench-guest-log.mjs [--size-mb N] [--density 0…1] [--threads N] [--keep]
// The analyzer and its worker are bundled from the TypeScript source with esbuild into the temp
// directory, as the build does (a worker thread cannot load TypeScript).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { writeGuestLog } from '../bench/guest-log-gen.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

if (process.argv[2] === '--child') {
  // Child: analyse one file, report figures as one JSON line.
  const [, , , file, entry, threadsArg] = process.argv;
  const baseRssKb = process.resourceUsage().maxRSS; // node itself, before the analyzer loads
  const mod = await import(pathToFileURL(entry).href);
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let ranges = 1;
  const parallel = { onMerged: (_, n) => (ranges = n), ...(threadsArg ? { threads: Number(threadsArg) } : {}) };
  const analysis = await mod.analyzeGuestLogs([mod.fileInput(file)], { parallel });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart); // all threads of the process
  process.stdout.write(
    JSON.stringify({
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssKb: process.resourceUsage().maxRSS,
      baseRssKb,
      ranges,
      bytes: analysis.stats.bytes,
      entries: analysis.stats.entries,
      findings: analysis.findings.map((f) => `${f.code}×${f.count}`),
      sends: analysis.sends.success,
      pattern: mod.PREFILTER_SOURCE,
    }) + '\n',
  );
  process.exit(0);
}

const { values } = parseArgs({ options: { 'size-mb': { type: 'string', default: '1024' }, density: { type: 'string', default: '0.01' }, threads: { type: 'string' }, keep: { type: 'boolean' } } });
const sizeMb = Number(values['size-mb']);
const density = Number(values.density);
if (!Number.isFinite(sizeMb) || sizeMb <= 0) {
  console.error('bench-guest-log: --size-mb must be a positive number');
  process.exit(2);
}
if (!Number.isFinite(density) || density < 0 || density > 1) {
  console.error('bench-guest-log: --density must be a number from 0 to 1');
  process.exit(2);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-guest-log-'));
try {
  // Bundle the analyzer and its worker side by side (parallel.ts finds ./guest-log-worker.js).
  const esbuild = path.join(root, 'node_modules/.bin/esbuild');
  const bundle = path.join(dir, 'guest-log.mjs');
  for (const [entry, out] of [
    ['electron/core/troubleshoot/guest-log/index.ts', bundle],
    ['electron/core/troubleshoot/guest-log/range-worker.ts', path.join(dir, 'guest-log-worker.js')],
  ]) {
    const built = spawnSync(esbuild, [entry, '--bundle', '--platform=node', '--format=esm', '--target=node20', `--outfile=${out}`, '--log-level=warning'], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`esbuild failed:\n${built.stderr}`);
  }
  const { createPrefilter } = await import(pathToFileURL(bundle).href);

  const file = path.join(dir, 'guest.log');
  console.log(`generating ${sizeMb} MB at ${(density * 100).toFixed(0)} % events in ${file} …`);
  const generated = writeGuestLog({ file, sizeMb, density, prefilter: createPrefilter() });

  const timeCommand = (cmd, args, opts = {}) => {
    const started = performance.now();
    const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
    return { ms: performance.now() - started, ...r };
  };
  console.log('running the analyzer …');
  const analyzer = timeCommand(process.execPath, [fileURLToPath(import.meta.url), '--child', file, bundle, ...(values.threads ? [values.threads] : [])], { cwd: root });
  if (analyzer.status !== 0) throw new Error(analyzer.stderr);
  const result = JSON.parse(analyzer.stdout.trim().split('\n').pop());

  // GNU time gives grep's peak RSS where it is installed; otherwise RSS is not reported for grep.
  const gnuTime = fs.existsSync('/usr/bin/time');
  console.log('running grep -cE …');
  const env = { ...process.env, LC_ALL: 'C' };
  const args = ['-cE', result.pattern, file];
  const g = gnuTime ? timeCommand('/usr/bin/time', ['-f', '%M', 'grep', ...args], { env }) : timeCommand('grep', args, { env });
  const grep = { ms: g.ms, lines: Number(g.stdout.trim()), rssKb: gnuTime ? Number(g.stderr.trim().split('\n').pop()) : null };

  const mb = generated.bytes / 1024 / 1024;
  const row = (name, ms, rssKb, note) =>
    `${name.padEnd(26)} ${(ms / 1000).toFixed(2).padStart(8)} s ${(mb / (ms / 1000)).toFixed(0).padStart(7)} MB/s ${rssKb === null ? '     n/a' : `${(rssKb / 1024).toFixed(0).padStart(5)} MB`}   ${note}`;
  console.log(`\nfile: ${mb.toFixed(0)} MB, ${generated.lines} lines, density ${((100 * generated.eventLines) / generated.lines).toFixed(1)} % (${generated.eventLines} event lines)\n`);
  console.log(`${'tool'.padEnd(26)} ${'time'.padStart(10)} ${'speed'.padStart(12)} ${'peak RSS'.padStart(8)}   result`);
  console.log(row('analyzer, whole process', analyzer.ms, result.maxRssKb, `${result.ranges} range(s) on worker threads; ${result.entries} entries, sends ${result.sends}, ${result.findings.slice(0, 4).join(' ')}${result.findings.length > 4 ? ' …' : ''}`));
  console.log(row('analyzer, in-process', result.ms, result.maxRssKb, `without node's own start-up (node alone: ${(result.baseRssKb / 1024).toFixed(0)} MB RSS)`));
  console.log(row('analyzer, CPU time', result.cpuMs, result.maxRssKb, 'user + system CPU of all its threads: the work, whatever else loads the machine'));
  console.log(row('grep -cE (LC_ALL=C)', grep.ms, grep.rssKb, `${grep.lines} matching lines`));
  const speed = mb / (analyzer.ms / 1000);
  const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  console.log(
    `\ngoal ≥ 200 MB/s whole process: ${speed >= 200 ? 'met' : 'NOT met'} (${speed.toFixed(0)} MB/s; grep ${(mb / (grep.ms / 1000)).toFixed(0)} MB/s; load ${load} on ${os.cpus().length} CPUs); ` +
      `RSS < 200 MB: ${result.maxRssKb / 1024 < 200 ? 'met' : 'NOT met'} (${(result.maxRssKb / 1024).toFixed(0)} MB)`,
  );
  if (values.keep) console.log(`kept ${file}`);
} finally {
  if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
}
