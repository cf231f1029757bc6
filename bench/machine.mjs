// What the figures were measured on: they mean little without the machine and its load.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { root } from './util.mjs';

/** The time a bare `node -e ''` takes right now: a direct reading of how loaded the machine is. */
export function bareNodeStartMs() {
  const samples = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '']);
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[1];
}

/** nproc, CPU model, load average, node version, date, commit. */
export function machineFacts() {
  const cpu = fs.existsSync('/proc/cpuinfo') ? (/model name\s*:\s*(.+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown') : (os.cpus()[0]?.model ?? 'unknown');
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim();
    if (dirty) commit += ' + uncommitted changes';
  } catch {
    // not a git checkout: the commit stays unknown
  }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu: cpu.trim(),
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: os.loadavg().map((x) => x.toFixed(2)).join(' '),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    commit,
    bareNodeStartMs: bareNodeStartMs(),
  };
}
