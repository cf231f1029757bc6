import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LockTimeoutError, withFileLock } from '../../../../electron/core/profiles/file-lock';
import { ProfileStore } from '../../../../electron/core/profiles/store';

/** The cross-process lock's stale-lock recovery (issue 17 point 4). */
let dir: string;
let lock: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-lock-'));
  lock = path.join(dir, 'profiles.json.lock');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A pid that certainly belonged to a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('withFileLock', () => {
  it('takes over a lock whose holder died (kill -9) at once', () => {
    fs.writeFileSync(lock, JSON.stringify({ pid: deadPid(), host: os.hostname(), token: 'x' }));
    const started = Date.now();
    expect(withFileLock(lock, () => 'ran', { timeoutMs: 2000 })).toBe('ran');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('takes over a lock older than staleMs even from another host', () => {
    fs.writeFileSync(lock, JSON.stringify({ pid: 1, host: 'elsewhere.invalid', token: 'x' }));
    const old = new Date(Date.now() - 120_000);
    fs.utimesSync(lock, old, old);
    expect(withFileLock(lock, () => 'ran', { timeoutMs: 2000, staleMs: 60_000 })).toBe('ran');
  });

  it('waits for a live holder and gives up after the timeout; the store says STORE_BUSY naming the folder', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(lock, JSON.stringify({ pid: holder.pid, host: os.hostname(), token: 'x' }));
      expect(() => withFileLock(lock, () => 'ran', { timeoutMs: 300 })).toThrow(LockTimeoutError);
      expect(fs.existsSync(lock)).toBe(true); // a live holder's lock is never broken
      fs.rmSync(lock);
      const store = new ProfileStore({ dataDir: dir, lockTimeoutMs: 300 });
      fs.writeFileSync(lock, JSON.stringify({ pid: holder.pid, host: os.hostname(), token: 'x' }));
      expect(() => store.delete('6a0f4c8e-1d3b-4b7a-9c2e-8f5d0a6b3e71')).toThrow(expect.objectContaining({ code: 'STORE_BUSY', params: { folder: dir, cause: 'lock timeout' } }));
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('on a file system without hard links (link → EPERM) it falls back to an exclusive create', () => {
    vi.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
    });
    try {
      expect(withFileLock(lock, () => fs.readFileSync(lock, 'utf8'))).toContain(`"pid":${process.pid}`);
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('releases its lock when the work throws', () => {
    expect(() => withFileLock(lock, () => { throw new Error('boom'); })).toThrow('boom');
    expect(fs.existsSync(lock)).toBe(false);
  });
});
