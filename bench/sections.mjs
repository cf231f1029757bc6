// The benchmark's sections, in the order `npm run bench` runs them. Each section is one entry:
//   id        the name for --only
//   run(o)    measures (o: { quick, runs, rttMs, guestRuns, log, skipBuild }) and returns data
//   rows(d)   the result rows: { metric, s: {median,min,max,n}, fmt | unit, goal, result },
//             every row with a goal saying whether it holds in this run ('met' / 'MISSED …')
//   notes(d)  optional markdown for docs/PERFORMANCE.md (what was measured, how)
// To add a measurement (the automated setup, the ISE inspection …): write bench/<yours>.mjs
// with run and rows, and add one entry here. The harness prints its rows with the others and
// writes them to docs/PERFORMANCE.md; nothing else needs to change.
import { spawnSync } from 'node:child_process';
import { automationNotes, automationRows, benchAutomation } from './automation.mjs';
import { benchBundleSize } from './bundle-size.mjs';
import { benchIse, benchSetup, iseNotes, iseRows, setupNotes, setupRows } from './engines.mjs';
import { benchFleet, fleetRows } from './fleet.mjs';
import { benchGuestLog, guestLogRows } from './guest-log.mjs';
import { benchLatency } from './latency.mjs';
import { benchProfiles, profileRows } from './profiles.mjs';
import { legacyRows } from './report.mjs';
import { benchStartup } from './startup.mjs';
import { benchUi, uiNotes, uiRows } from './ui.mjs';
import { root } from './util.mjs';

function build(o) {
  if (o.skipBuild || build.done) return;
  o.log('npm run build …');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build failed:\n${(r.stderr || r.stdout).slice(-3000)}`);
  build.done = true;
}

export const SECTIONS = [
  {
    id: 'latency',
    run: (o) => benchLatency({ runs: o.runs, rttMs: o.rttMs, log: o.log }),
    rows: (d) => legacyRows({ latency: d }),
  },
  {
    id: 'startup',
    run: async (o) => {
      build(o);
      return { bundle: await benchBundleSize(), startup: await benchStartup({ runs: o.runs, log: o.log }) };
    },
    rows: (d) => legacyRows(d),
  },
  {
    id: 'guest',
    run: (o) => benchGuestLog({ sizeMb: o.quick ? 100 : 1024, sweepMb: o.quick ? 50 : 256, runs: o.guestRuns, log: o.log }),
    rows: guestLogRows,
  },
  {
    id: 'fleet',
    run: (o) => benchFleet({ rttMs: o.rttMs, profiles: 200, concurrency: 8, log: o.log }),
    rows: fleetRows,
  },
  {
    id: 'setup',
    run: (o) => benchSetup({ runs: o.quick ? 2 : 3, rttMs: o.rttMs, log: o.log }),
    rows: setupRows,
    notes: setupNotes,
  },
  {
    id: 'ise',
    run: (o) => benchIse({ runs: o.quick ? 2 : 3, rttMs: o.rttMs, log: o.log }),
    rows: iseRows,
    notes: iseNotes,
  },
  {
    id: 'profiles',
    run: async (o) => {
      build(o);
      return benchProfiles({ runs: o.quick ? 3 : 5, log: o.log });
    },
    rows: profileRows,
  },
  {
    id: 'ui',
    run: async (o) => {
      build(o);
      return benchUi({ runs: o.quick ? 3 : 5, rttMs: o.rttMs, log: o.log });
    },
    rows: uiRows,
    notes: uiNotes,
  },
  {
    id: 'automation',
    run: async (o) => {
      build(o);
      return benchAutomation({ runs: o.quick ? 1 : 3, log: o.log });
    },
    rows: automationRows,
    notes: automationNotes,
  },
];
