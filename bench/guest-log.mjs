// Benchmark 3: guest.log analysis. Calls scripts/bench-guest-log.mjs (owned by the guest.log
// analyzer's work; it generates the log, runs the analyzer and `grep -cE` with the same patterns)
// once per run, and reads the rows of the table it prints: tool, seconds, MB/s, peak RSS.
// Its own wording may change, so rows are read by shape, and its last output is kept verbatim.
import { spawn } from 'node:child_process';
import { root, summarize } from './util.mjs';

/** One table row of bench-guest-log.mjs: "<tool>  <s> s  <MB/s> MB/s  <RSS> MB|n/a  <note>". */
const ROW = /^(\S.*?)\s{2,}([\d.]+) s\s+([\d.]+) MB\/s\s+(?:([\d.]+) MB|n\/a)\s*(.*)$/;

/** Parses the script's output into rows keyed by tool name. */
export function parseGuestLogOutput(text) {
  const rows = {};
  for (const line of text.split('\n')) {
    const m = ROW.exec(line.trimEnd());
    if (m) rows[m[1].trim()] = { seconds: Number(m[2]), mbPerSecond: Number(m[3]), rssMb: m[4] === undefined ? null : Number(m[4]), note: m[5] };
  }
  const file = /file:\s*([\d.]+) MB/.exec(text);
  const goal = text.split('\n').find((l) => /^goal/i.test(l.trim()));
  return { rows, fileMb: file ? Number(file[1]) : null, goal: goal?.trim() ?? null };
}

function runScript(sizeMb, density) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/bench-guest-log.mjs', '--size-mb', String(sizeMb), '--density', String(density)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`bench-guest-log.mjs exited with ${code}\n${err.slice(-2000)}${out.slice(-2000)}`))));
  });
}

/** The dense case (every line an event) at full size, then the density sweep at a smaller size. */
export const SWEEP = [0, 0.01, 0.1, 0.5, 1];

/**
 * Runs the guest.log benchmark: the dense log (`sizeMb`, `runs` times), then each density of
 * SWEEP once on `sweepMb`. Every run also times `grep -cE` on the same file.
 * @param {{ sizeMb: number, sweepMb: number, runs: number, log?: (s: string) => void }} opts
 */
export async function benchGuestLog({ sizeMb, sweepMb, runs, log = () => undefined }) {
  const cases = [];
  const measure = async (label, mb, density, n) => {
    const parsed = [];
    let lastOutput = '';
    for (let i = 0; i < n; i++) {
      log(`guest.log: ${label}, run ${i + 1}/${n} on ${mb} MB …`);
      lastOutput = await runScript(mb, density);
      parsed.push(parseGuestLogOutput(lastOutput));
    }
    const tools = Object.keys(parsed[parsed.length - 1].rows);
    const perTool = Object.fromEntries(
      tools.map((t) => {
        const rows = parsed.map((p) => p.rows[t]).filter(Boolean);
        const rss = rows.map((r) => r.rssMb).filter((x) => x !== null);
        return [t, { mbPerSecond: summarize(rows.map((r) => r.mbPerSecond)), seconds: summarize(rows.map((r) => r.seconds)), rssMb: rss.length ? summarize(rss) : null, note: rows[rows.length - 1].note }];
      }),
    );
    cases.push({ label, density, sizeMb: mb, fileMb: parsed[parsed.length - 1].fileMb, runs: n, tools: perTool, goalLine: parsed[parsed.length - 1].goal, lastOutput });
  };
  await measure('dense (100 % events)', sizeMb, 1, runs);
  for (const d of SWEEP) await measure(`${Math.round(d * 100)} % events`, sweepMb, d, 1);
  return { cases };
}

const GOAL_MBPS = 200;
const GOAL_RSS_MB = 200;

/** Rows: per case the analyzer's whole-process speed and peak RSS (goals), its CPU-time speed, and grep in the same run. */
export function guestLogRows(G) {
  const out = [];
  for (const c of G.cases) {
    const a = c.tools['analyzer, whole process'];
    const cpu = c.tools['analyzer, CPU time'];
    const grep = c.tools['grep -cE (LC_ALL=C)'];
    const mbps = (x) => `${Math.round(x)} MB/s`;
    const name = `guest.log ${c.fileMb ?? c.sizeMb} MB, ${c.label}`;
    if (a) out.push({ metric: `${name}: analyzer, whole process`, s: a.mbPerSecond, fmt: mbps, goal: `≥ ${GOAL_MBPS} MB/s`, result: a.mbPerSecond.median >= GOAL_MBPS ? 'met' : 'MISSED' });
    if (a?.rssMb) out.push({ metric: `${name}: analyzer, peak RSS`, s: a.rssMb, fmt: (x) => `${Math.round(x)} MB`, goal: `< ${GOAL_RSS_MB} MB`, result: a.rssMb.median < GOAL_RSS_MB ? 'met' : 'MISSED' });
    if (cpu) out.push({ metric: `${name}: analyzer by CPU time (all threads)`, s: cpu.mbPerSecond, fmt: mbps, goal: '', result: '' });
    if (grep) out.push({ metric: `${name}: grep -cE, same patterns, same run`, s: grep.mbPerSecond, fmt: mbps, goal: '', result: grep.note });
  }
  return out;
}
