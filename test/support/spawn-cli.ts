import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Whether the guard killed it (too slow, or over `maxRssBytes`). */
  killed: 'timeout' | 'rss' | null;
  /** The largest resident set size seen while it ran (sampled from /proc every 50 ms). */
  peakRssBytes: number;
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs the real CLI entry (through tsx) in a child, guarded: killed after `killAfterMs`, or as
 * soon as its RSS passes `maxRssBytes`, so a test of a hang or a memory blow-up cannot take the
 * shared machine down with it even when the code under test is broken.
 */
export function spawnCli(args: string[], opts: { env?: NodeJS.ProcessEnv; stdin?: string; killAfterMs?: number; maxRssBytes?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed: CliResult['killed'] = null;
    let peakRssBytes = 0;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => {
      killed = 'timeout';
      child.kill('SIGKILL');
    }, opts.killAfterMs ?? 25_000);
    const sampler = setInterval(() => {
      peakRssBytes = Math.max(peakRssBytes, rssOf(child.pid!));
      if (opts.maxRssBytes && peakRssBytes > opts.maxRssBytes) {
        killed = 'rss';
        child.kill('SIGKILL');
      }
    }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      clearInterval(sampler);
      resolve({ code, stdout, stderr, killed, peakRssBytes });
    });
    child.stdin.end(opts.stdin ?? '');
  });
}
