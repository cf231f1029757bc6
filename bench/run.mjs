#!/usr/bin/env node
// `npm run bench`: measures what a user waits for (issues 8 and 16) and rewrites
// docs/PERFORMANCE.md. The sections come from one list, bench/sections.mjs (latency, start-up
// and bundle, guest.log density sweep, fleet check, large profile store, screens in Chromium);
// a new measurement is one entry there.
//
// Usage: npm run bench [-- --quick] [--runs N] [--rtt MS] [--guest-runs N] [--skip-build]
//                      [--only latency,startup,guest,fleet,setup,ise,profiles,ui] [--no-write] [--save FILE]
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
      save: { type: 'string' },
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
let failed = false;
for (const section of SECTION_LIST) {
  if (!only.includes(section.id)) continue;
  // The load beside each section: a long run sees the machine change under it.
  const load = () => os.loadavg()[0].toFixed(2);
  const started = { at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), load: load(), t: performance.now() };
  const when = () => ({ startedAt: started.at, loadBefore: started.load, loadAfter: load(), seconds: Math.round((performance.now() - started.t) / 1000) });
  try {
    const data = await section.run({ quick: values.quick, runs, rttMs, guestRuns, log, skipBuild: values['skip-build'] });
    Object.assign(result, KEYS[section.id]?.(data) ?? { [section.id]: data });
    result.sections.push({ id: section.id, rows: section.rows(data), ...(section.notes ? { notes: section.notes(data) } : {}), ...when() });
  } catch (err) {
    // One section failing does not lose the others: its row says so, and the exit code is 1.
    failed = true;
    console.error(`bench: the ${section.id} measurement failed: ${err.stack ?? err.message}`);
    result.sections.push({ id: section.id, rows: [{ metric: `${section.id}: measurement`, median: '–', min: '', max: '', runs: '0', goal: '', result: `MISSED: the measurement failed (${String(err.message).split('\n')[0].slice(0, 120)})` }], ...when() });
  }
}
result.loadAtEnd = os.loadavg().map((x) => x.toFixed(2)).join(' ');
// --save FILE keeps the figures (JSON) for a later look; the docs are written from them below.
if (values.save) fs.writeFileSync(values.save, JSON.stringify(result, null, 2));

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
if (failed) process.exit(1);
