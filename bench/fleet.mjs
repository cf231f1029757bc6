// Benchmark section: the fleet check (issue 16.2). 200 practice profiles at 40 ms RTT, C at a
// time, against the far side of the latency benchmark (practice-net.ts, its own process).
// Goals: wall ≤ (profiles ÷ concurrency) × one diagnose × 1.2; RSS < 300 MB and flat (the last
// quarter of the run within 20 % of the first); no file descriptor left open.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFarSide } from './latency.mjs';
import { nodeJson } from './util.mjs';

export const FLEET_GOALS = { factor: 1.2, rssMb: 300, rssGrowth: 1.2 };

export async function benchFleet({ rttMs = 40, profiles = 200, concurrency = 8, log = () => undefined }) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fleet-'));
  const side = await startFarSide(dataDir, rttMs);
  try {
    log(`fleet: ${profiles} practice profiles at ${rttMs} ms RTT, ${concurrency} at a time …`);
    const r = await nodeJson(['--import', 'tsx', 'bench/fleet-run.ts', String(profiles), String(concurrency)], { input: side.line, timeoutMs: 600_000 });
    return { rttMs, ...r };
  } finally {
    await side.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const one = (v) => ({ median: v, min: v, max: v, n: 1 });

/** Result rows: each with its goal and whether it holds in this run. */
export function fleetRows(F) {
  const limit = (F.count / F.concurrency) * F.singleMs * FLEET_GOALS.factor;
  const flat = F.rssLastQuarterMb <= F.rssFirstQuarterMb * FLEET_GOALS.rssGrowth;
  return [
    { metric: `Fleet check, ${F.count} practice profiles at ${F.rttMs} ms RTT, ${F.concurrency} at a time: wall`, s: one(F.wallMs), unit: 'ms', goal: `≤ (${F.count} ÷ ${F.concurrency}) × ${Math.round(F.singleMs)} ms × ${FLEET_GOALS.factor} = ${Math.round(limit)} ms`, result: `${F.wallMs <= limit ? 'met' : 'MISSED'} (${F.healthy}/${F.count} healthy)` },
    { metric: '… one diagnose in the same process (median of 3, warm)', s: one(F.singleMs), unit: 'ms', goal: '', result: '' },
    { metric: '… peak RSS (sampled every 50 ms)', s: one(F.rssMaxMb), unit: 'MB', goal: `< ${FLEET_GOALS.rssMb} MB, flat`, result: `${F.rssMaxMb < FLEET_GOALS.rssMb && flat ? 'met' : 'MISSED'} (first quarter ${Math.round(F.rssFirstQuarterMb)} MB, last ${Math.round(F.rssLastQuarterMb)} MB)` },
    { metric: '… file descriptors open before → after', s: one(F.fdsAfter - F.fdsBefore), unit: 'fd', goal: 'none left open', result: `${F.fdsAfter <= F.fdsBefore ? 'met' : 'MISSED'} (${F.fdsBefore} → ${F.fdsAfter})` },
  ];
}
