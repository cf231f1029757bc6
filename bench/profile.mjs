// Where the CPU of a diagnosis goes: runs our diagnose with `node --cpu-prof` (no added RTT) and
// reads the profile: the time spent building TLS secure contexts (the CA list) against the rest.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeJson } from './util.mjs';

/** Sums a .cpuprofile: busy time, and the inclusive time under functions named in `watch`. */
export function readProfile(profile, watch) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfTime = new Map();
  profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let busyUs = 0;
  const watched = Object.fromEntries(watch.map((w) => [w, 0]));
  for (const [id, us] of selfTime) {
    const name = byId.get(id).callFrame.functionName;
    if (name === '(idle)') continue;
    busyUs += us;
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const fn = byId.get(cur).callFrame.functionName;
      if (fn in watched && !seen.has(fn)) {
        watched[fn] += us;
        seen.add(fn);
      }
    }
  }
  return { busyMs: busyUs / 1000, watchedMs: Object.fromEntries(Object.entries(watched).map(([k, v]) => [k, v / 1000])) };
}

/**
 * Profiles `runs` diagnoses (plus the warm-up) against an already running far side.
 * @param {{ farLine: string, runs: number }} opts
 */
export async function profileDiagnose({ farLine, runs }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-prof-'));
  try {
    await nodeJson(['--cpu-prof', '--cpu-prof-dir', dir, '--import', 'tsx', 'bench/ours-diagnose.ts', String(runs)], { input: farLine });
    // tsx runs a loader thread that writes its own profile; the main thread's is the largest.
    const files = fs.readdirSync(dir).map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
    const p = readProfile(JSON.parse(fs.readFileSync(files[0], 'utf8')), ['createSecureContext']);
    const diagnoses = runs + 1;
    return {
      diagnoses,
      secureContextMsPerDiagnosis: p.watchedMs.createSecureContext / diagnoses,
      // Includes the warm-up's module loading and compilation: an upper bound of the engine's own CPU.
      busyMsPerDiagnosis: p.busyMs / diagnoses,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
