#!/usr/bin/env node
// `npm run bench`: measures what a user waits for (issue 8) and rewrites docs/PERFORMANCE.md.
//   1. full diagnostic latency against the practice tenant at 40 ms RTT (bench/latency.mjs)
//   2. browser-mode start-up to an interactive welcome screen, and the renderer's gzipped JS
//      (bench/startup.mjs, bench/bundle-size.mjs; runs `npm run build` first)
//   3. guest.log analysis (scripts/bench-guest-log.mjs; 1 GB, or 100 MB with --quick)
//
// Usage: npm run bench [-- --quick] [--runs N] [--rtt MS] [--guest-runs N] [--skip-build]
//                      [--only latency,startup,guest] [--no-write]
// Exit 0 when it measured everything (goals missed are reported, not failures), 1 when a
// measurement failed, 2 on bad usage.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchBundleSize } from './bundle-size.mjs';
import { benchGuestLog } from './guest-log.mjs';
import { benchLatency } from './latency.mjs';
import { machineFacts } from './machine.mjs';
import { consoleTable, markdown, missedGoals, rows } from './report.mjs';
import { benchStartup } from './startup.mjs';
import { root } from './util.mjs';

const SECTIONS = ['latency', 'startup', 'guest'];

let values;
try {
  ({ values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string', default: '5' },
      rtt: { type: 'string', default: '40' },
      'guest-runs': { type: 'string' },
      'skip-build': { type: 'boolean', default: false },
      only: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
    },
    strict: true,
  }));
} catch (err) {
  console.error(`bench: ${err.message}`);
  process.exit(2);
}
const runs = Number(values.runs);
const rttMs = Number(values.rtt);
const guestRuns = Number(values['guest-runs'] ?? (values.quick ? 5 : 3));
function usage(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}
if (!Number.isInteger(runs) || runs < 1) usage('--runs must be a whole number ≥ 1');
if (!Number.isFinite(rttMs) || rttMs < 0) usage('--rtt must be a number of milliseconds ≥ 0');
if (!Number.isInteger(guestRuns) || guestRuns < 1) usage('--guest-runs must be a whole number ≥ 1');
const only = values.only ? values.only.split(',').map((s) => s.trim()) : SECTIONS;
const unknown = only.filter((s) => !SECTIONS.includes(s));
if (unknown.length) usage(`--only knows ${SECTIONS.join(', ')}, not ${unknown.join(', ')}`);

const log = (s) => console.error(`[bench] ${s}`);
const result = { machine: machineFacts() };
log(`${result.machine.cpu}, nproc ${result.machine.nproc}, load ${result.machine.loadAverage}, node ${result.machine.node}`);

try {
  if (only.includes('latency')) result.latency = await benchLatency({ runs, rttMs, log });
  if (only.includes('startup')) {
    if (!values['skip-build']) {
      log('npm run build …');
      const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`npm run build failed:\n${(build.stderr || build.stdout).slice(-3000)}`);
    }
    result.bundle = await benchBundleSize();
    result.startup = await benchStartup({ runs, log });
  }
  if (only.includes('guest')) result.guestLog = await benchGuestLog({ sizeMb: values.quick ? 100 : 1024, runs: guestRuns, log });
} catch (err) {
  console.error(`bench: a measurement failed: ${err.message}`);
  process.exit(1);
}
result.loadAtEnd = os.loadavg().map((x) => x.toFixed(2)).join(' ');

console.log(`\n${result.machine.date}  ${result.machine.cpu} ×${result.machine.nproc}  load ${result.machine.loadAverage} → ${result.loadAtEnd}  node ${result.machine.node}\n`);
console.log(consoleTable(rows(result)));
console.log(`\n${missedGoals(result)}\n`);

const argv = ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
if (values['no-write'] || only.length !== SECTIONS.length) {
  log('docs/PERFORMANCE.md not rewritten (only a part was measured, or --no-write)');
} else {
  fs.mkdirSync(path.join(root, 'docs'), { recursive: true });
  fs.writeFileSync(path.join(root, 'docs/PERFORMANCE.md'), markdown(result, argv));
  log('wrote docs/PERFORMANCE.md');
}
