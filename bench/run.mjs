#!/usr/bin/env node
// `npm run bench`: measures what a user waits for (issues 8 and 16) and rewrites
// docs/PERFORMANCE.md. The sections come from one list, bench/sections.mjs (latency, start-up
// and bundle, guest.log density sweep, fleet check, large profile store, screens in Chromium);
// a new measurement is one entry there.
//
// Usage: npm run bench [-- --quick] [--runs N] [--rtt MS] [--guest-runs N] [--skip-build]
//                      [--only latency,startup,guest,fleet,profiles,ui] [--no-write]
// Exit 0 when it measured everything (goals missed are reported, not failures), 1 when a
// measurement failed, 2 on bad usage.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { machineFacts } from './machine.mjs';
import { consoleTable, markdown, missedGoals, rows } from './report.mjs';
import { SECTIONS as SECTION_LIST } from './sections.mjs';
import { root } from './util.mjs';

const SECTIONS = SECTION_LIST.map((s) => s.id);

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
const guestRuns = Number(values['guest-runs'] ?? (values.quick ? 2 : 3));
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

// Legacy keys for the report's own paragraphs (latency, start-up, guest.log).
const KEYS = { latency: (d) => ({ latency: d }), startup: (d) => d, guest: (d) => ({ guestLog: d }) };
result.sections = [];
try {
  for (const section of SECTION_LIST) {
    if (!only.includes(section.id)) continue;
    const data = await section.run({ quick: values.quick, runs, rttMs, guestRuns, log, skipBuild: values['skip-build'] });
    Object.assign(result, KEYS[section.id]?.(data) ?? { [section.id]: data });
    result.sections.push({ id: section.id, rows: section.rows(data) });
  }
} catch (err) {
  console.error(`bench: a measurement failed: ${err.stack ?? err.message}`);
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
