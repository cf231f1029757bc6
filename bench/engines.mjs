// Benchmark sections for issue 16 part 4: the automated setup ("Set it up for me",
// electron/core/automation) and the ISE inspection (electron/core/ise), each against the
// practice emulators behind the 40 ms relays of the latency section (practice-net.ts, its own
// process). Per run: wall time, the calls made (by service) and the connections opened (counted
// at the relays), and the least time the engine's own declared call dependencies allow (the
// critical path of the traced call graph, bench/call-graph.mjs). Goal: wall ≤ 1.2 × that.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callGraphTable, callsByService, criticalPath, pathGaps, roundTrips } from './call-graph.mjs';
import { withinFactor } from './goals.mjs';
import { startFarSide } from './latency.mjs';
import { nodeJson, summarize } from './util.mjs';

export const ENGINE_GOAL_FACTOR = 1.2;

const sumOf = (o, keys) => keys.reduce((n, k) => n + (o.connections[k] ?? 0), 0);
const delta = (after, before, keys) => sumOf(after, keys) - sumOf(before, keys);

/** One traced run → its figures (throws on a graph the engine declared wrongly). */
function figures(name, run) {
  const undeclared = run.traced.filter((c) => c.step.startsWith('(undeclared'));
  if (undeclared.length) throw new Error(`${name}: ${undeclared.length} call(s) outside any declared step (${undeclared[0].operation})`);
  if (run.overlaps.length) throw new Error(`${name}: step(s) ${run.overlaps.join(', ')} had two calls in flight at once: declare them as separate steps`);
  const cp = criticalPath(run.traced);
  if (cp.violations.length) throw new Error(`${name}: call(s) ${cp.violations.join(', ')} started before a call they declare they need had ended`);
  return { wallMs: run.wallMs, minimumMs: cp.minimumMs, ratio: run.wallMs / cp.minimumMs, calls: run.traced.length, byService: callsByService(run.traced), depth: cp.depth, maxDepth: cp.maxDepth, critical: cp, gaps: pathGaps(run.traced, cp, run.wallMs) };
}

function summary(name, list, connectionsPerRun, extra = {}) {
  const last = list[list.length - 1];
  return {
    name,
    runs: list.length,
    wall: summarize(list.map((f) => f.wallMs)),
    minimum: summarize(list.map((f) => f.minimumMs)),
    ratio: summarize(list.map((f) => f.ratio)),
    calls: last.calls,
    byService: last.byService,
    connections: connectionsPerRun,
    roundTrips: roundTrips(last.calls, connectionsPerRun),
    depth: last.depth,
    maxDepth: last.maxDepth,
    graph: callGraphTable(last.traced, last.critical),
    // Along the critical path, the engine's own time between calls, largest first (the median run's).
    gaps: [...list].sort((a, b) => a.ratio - b.ratio)[Math.floor((list.length - 1) / 2)].gaps.slice(0, 3).map((g) => `${g.where} ${Math.round(g.ms)} ms`),
    ...extra,
  };
}

/** The automated setup, classic and App RBAC, each run in a fresh process on an emptied directory. */
export async function benchSetup({ runs = 3, rttMs = 40, log = () => undefined }) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-setup-far-'));
  const side = await startFarSide(dataDir, rttMs, ['--automation']);
  try {
    const out = [];
    for (const route of ['classic', 'app-rbac']) {
      const list = [];
      const conns = [];
      let vault = 'keychain';
      for (let i = 0; i < runs; i++) {
        await side.command('reset');
        const before = await side.command('stats');
        const run = await nodeJson(['--import', 'tsx', 'bench/setup-run.ts', route], { input: side.line });
        const after = await side.command('stats');
        conns.push(delta(after, before, ['graph', 'exchange']));
        vault = run.vault;
        // The engine's own count (the result's `calls`, as `setup --json` prints it) must be what the trace saw.
        if (run.calls.graph + run.calls.exchange !== run.traced.length) throw new Error(`setup ${route}: the result counts ${run.calls.graph + run.calls.exchange} Graph and Exchange calls, the trace ${run.traced.length}`);
        if (run.signInCallsDuringSetup > 0) throw new Error(`setup ${route}: ${run.signInCallsDuringSetup} sign-in call(s) inside the timed run`);
        list.push({ ...figures(`setup ${route}`, run), traced: run.traced, own: run.own });
      }
      log(`setup ${route} ×${runs}: ${list.map((f) => `${Math.round(f.wallMs)}/${Math.round(f.minimumMs)}`).join(', ')} ms (wall/minimum)`);
      const mid = [...list].sort((a, b) => a.ratio - b.ratio)[Math.floor((list.length - 1) / 2)].own;
      out.push(summary(route, list, Math.max(...conns), { vault, own: mid }));
    }
    return { rttMs, routes: out };
  } finally {
    await side.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The ISE inspection of the healthy practice ISE: one process, one warm-up, N traced runs. */
export async function benchIse({ runs = 3, rttMs = 40, log = () => undefined }) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ise-far-'));
  const side = await startFarSide(dataDir, rttMs, ['--ise']);
  try {
    const before = await side.command('stats');
    const r = await nodeJson(['--import', 'tsx', 'bench/ise-run.ts', String(runs)], { input: side.line });
    const after = await side.command('stats');
    const bad = r.runs.find((x) => !x.ok);
    if (bad) throw new Error(`the inspection of the practice ISE ('cas-present') reported errors: ${bad.errors.join(', ')}`);
    const list = r.runs.map((x) => ({ ...figures('ise inspect', x), traced: x.traced }));
    // Connections per run: the warm-up made as many as each timed run (the same reads).
    const perRun = delta(after, before, ['iseErs', 'iseApi', 'token', 'smtp']) / (runs + 1);
    log(`ise inspect ×${runs}: ${list.map((f) => `${Math.round(f.wallMs)}/${Math.round(f.minimumMs)}`).join(', ')} ms (wall/minimum)`);
    return { rttMs, ...summary('ise', list, Math.round(perRun), { engineMs: summarize(r.runs.map((x) => x.durationMs)) }) };
  } finally {
    await side.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const ms = (x) => `${Math.round(x)} ms`;

function engineRows(label, e, rttMs) {
  const g = withinFactor(e.wall.median, e.minimum.median, ENGINE_GOAL_FACTOR);
  const services = Object.entries(e.byService).map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    { metric: `${label}: wall (${rttMs} ms RTT)`, s: e.wall, unit: 'ms', goal: `≤ ${ENGINE_GOAL_FACTOR} × minimum = ${ms(g.limit)}`, result: g.result },
    { metric: `… minimum its call dependencies allow (critical path: ${e.depth} calls of ${e.calls})`, s: e.minimum, unit: 'ms', goal: '', result: `each call as long as it took, independent calls side by side; the rest, largest first: ${(e.gaps ?? []).join(', ') || '–'}` },
    { metric: `… calls and round trips per run`, s: { median: e.calls, min: e.calls, max: e.calls, n: 1 }, fmt: (x) => `${x} calls`, goal: '', result: `${services}; ${e.connections} connections → ${e.roundTrips} round trips (1 per call + 2 per connection)${e.own ? `; the engine's own writes (median run): ${e.own.storeWrites} profile-store writes ${Math.round(e.own.storeMs)} ms, ${e.own.keychainWrites} keychain write(s) ${Math.round(e.own.keychainMs)} ms` : ''}` },
  ];
}

export function setupRows(d) {
  return d.routes.flatMap((r) => engineRows(`Automated setup (${r.name}), sign-in excluded, replication waits 0`, r, d.rttMs));
}

export function iseRows(d) {
  return engineRows('ISE inspection (practice ISE, all in order)', d, d.rttMs);
}

export function setupNotes(d) {
  const parts = [
    `bench/engines.mjs runs \`setup()\` (electron/core/automation; what \`ise-smtp-oauth setup --practice --route classic|app-rbac\` runs) in a fresh process per run (bench/setup-run.ts) against the practice tenant's Graph and Exchange emulators behind ${d.rttMs} ms relays, on an emptied directory each time (everything is created). Sign-in is excluded (the admin signs in and both resource tokens are fetched before the clock starts); replication waits are 0 (\`replicationDelaysMs\`). The client secret goes to the ${d.routes[0]?.vault === 'memory' ? 'a memory stand-in (no keychain on this machine)' : 'keychain'}. Each call is traced (electron/core/calls/trace.ts): the engine runs its work as named steps, each declaring the steps whose results it needs (discovery.ts, and STEP_NEEDS in engine.ts); the clients record each request. The minimum is the critical path of that graph with each call as long as it took in the run. The bench refuses a graph where a call started before a call it declares it needs had ended. The time beyond the minimum is the engine's own work between calls; the calls row counts its profile-store writes (each a locked, fsync'd rewrite of profiles.json, synchronous by design so that an interrupted run finds every id it was given: one write per step) and their time.`,
    '',
  ];
  for (const r of d.routes) parts.push(`**The call graph, ${r.name}** (last run; the critical path in bold):`, '', r.graph, '');
  return parts.join('\n');
}

export function iseNotes(d) {
  return [
    `bench/engines.mjs runs \`runInspection\` (electron/core/ise; what \`ise inspect --practice\` runs) in one process (bench/ise-run.ts, one warm-up then ${d.runs} runs) against the practice ISE in its 'cas-present' scenario (all in order: the inspection ends without an error) behind ${d.rttMs} ms relays on its ERS and OpenAPI ports, the Microsoft hosts (whose chains it captures) behind the tenant's relays. ISE's transport opens a connection per call (no keep-alive: ISE's APIs are stateless and each call carries the credentials), so each call costs TCP + TLS + request. The inspection's own durationMs: median ${ms(d.engineMs.median)}.`,
    '',
    '**The call graph, ISE inspection** (last run; the critical path in bold):',
    '',
    d.graph,
    '',
  ].join('\n');
}
