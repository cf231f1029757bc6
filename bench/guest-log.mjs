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

function runScript(sizeMb) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/bench-guest-log.mjs', '--size-mb', String(sizeMb)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`bench-guest-log.mjs exited with ${code}\n${err.slice(-2000)}${out.slice(-2000)}`))));
  });
}

/**
 * Runs the guest.log benchmark `runs` times on a generated log of `sizeMb`.
 * @param {{ sizeMb: number, runs: number, log?: (s: string) => void }} opts
 */
export async function benchGuestLog({ sizeMb, runs, log = () => undefined }) {
  const parsed = [];
  let lastOutput = '';
  for (let i = 0; i < runs; i++) {
    log(`guest.log: run ${i + 1}/${runs} on ${sizeMb} MB …`);
    lastOutput = await runScript(sizeMb);
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
  return { sizeMb, fileMb: parsed[parsed.length - 1].fileMb, runs, tools: perTool, goalLine: parsed[parsed.length - 1].goal, lastOutput };
}
