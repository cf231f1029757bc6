// Small helpers shared by the benchmark scripts: child processes that answer with one JSON
// line, and the median/min/max summary every table row uses.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder (bench/..). */
export const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Runs a child process, feeds it `input` on stdin, and resolves with the last JSON line it
 * printed. Rejects with its stderr when it fails or outlives `timeoutMs`.
 * @param {string[]} args arguments after the node binary
 * @param {{ input?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} [opts]
 */
export function nodeJson(args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')}: no answer within ${opts.timeoutMs} ms\n${err}`));
    }, opts.timeoutMs ?? 300_000);
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited with ${code}\n${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(line));
      } catch {
        reject(new Error(`${args.join(' ')} printed no JSON line\n${out.slice(-2000)}\n${err.slice(-2000)}`));
      }
    });
    child.stdin.end(opts.input ?? '');
  });
}

/**
 * Median, min and max of a list of numbers (the median of an even count is the mean of the two middle ones).
 * @param {number[]} xs
 */
export function summarize(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], n: s.length };
}
