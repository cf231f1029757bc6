import fs from 'node:fs';
import os from 'node:os';
import { randomUUID } from 'node:crypto';

/**
 * A lock file that serialises the writers of one data folder across processes (two browser-mode
 * instances, the app and the CLI). Synchronous on purpose: the profile store is synchronous and
 * a holder keeps the lock for one read-modify-write (milliseconds).
 *
 * The lock is `O_EXCL`-created and holds `{pid, host, token}`. It is stale when its holder on this
 * host is no longer alive (a crash, kill -9) or when it is older than `staleMs` (a holder on
 * another host, or a hung one). Breaking a stale lock happens under a second, short-lived
 * `.break` lock, and only after re-reading that the lock is still the stale one, so two waiters
 * that both saw it stale cannot both break it (and one break the other's fresh lock).
 */
export interface FileLockOptions {
  /** How long to wait for the lock before giving up (default 10 s). */
  timeoutMs?: number;
  /** A lock older than this is taken as abandoned (default 30 s). */
  staleMs?: number;
  /** The path prefix of the lock's own temp file (default `<lockPath>.tmp-`). */
  tempPrefix?: string;
}

/** Waiting for the lock took longer than its timeout: another writer is busy or hung. */
export class LockTimeoutError extends Error {
  readonly code = 'ELOCKTIMEOUT';
  constructor(readonly lockPath: string) {
    super(`timed out waiting for ${lockPath}`);
    this.name = 'LockTimeoutError';
  }
}

const BREAK_STALE_MS = 5_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const held = new Set<string>();

function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** Runs `fn` while holding the lock at `lockPath`; the lock is released even when `fn` throws. */
export function withFileLock<T>(lockPath: string, fn: () => T, options: FileLockOptions = {}): T {
  if (held.has(lockPath)) return fn(); // re-entrant within this process: it already holds it
  const token = acquire(lockPath, options);
  held.add(lockPath);
  try {
    return fn();
  } finally {
    held.delete(lockPath);
    release(lockPath, token);
  }
}

function acquire(lockPath: string, options: FileLockOptions): string {
  const { timeoutMs = 10_000, staleMs = 30_000 } = options;
  const token = JSON.stringify({ pid: process.pid, host: os.hostname(), token: randomUUID() });
  const deadline = Date.now() + timeoutMs;
  let waitMs = 1;
  for (;;) {
    if (tryCreate(lockPath, token, options.tempPrefix)) return token;
    breakIfStale(lockPath, staleMs);
    if (Date.now() > deadline) throw new LockTimeoutError(lockPath);
    // Jittered backoff: two waiters do not retry in lockstep.
    sleepSync(waitMs + Math.random() * waitMs);
    waitMs = Math.min(waitMs * 2, 25);
  }
}

/**
 * Creates the lock with its content in one step: the content goes to a temp file first, which is
 * then hard-linked to the lock name (link fails with EEXIST when the lock exists). So a holder
 * killed at any moment leaves a lock that names its pid, never an empty one; a crash between the
 * two steps leaves only the temp file, which the store cleans at start (its name starts with
 * the store's temp prefix).
 */
function tryCreate(lockPath: string, token: string, tempPrefix: string | undefined): boolean {
  const tmp = `${tempPrefix ?? `${lockPath}.tmp-`}lock-${process.pid}-${randomUUID()}`;
  try {
    fs.writeFileSync(tmp, token, { flag: 'wx', mode: 0o600 });
    fs.linkSync(tmp, lockPath);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // ENOENT: another holder cleaned our temp file as a crash's leftover; simply try again.
    if (code === 'EEXIST' || code === 'ENOENT') return false;
    // A file system without hard links (FAT, some network shares): O_EXCL create instead (a crash
    // between create and write leaves an empty lock, which is taken as stale after staleMs).
    if ((code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP') && fs.existsSync(tmp)) return tryCreateExclusive(lockPath, token);
    throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function tryCreateExclusive(lockPath: string, token: string): boolean {
  try {
    fs.writeFileSync(lockPath, token, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

function release(lockPath: string, token: string): void {
  try {
    // Only our own lock: if it was broken as stale meanwhile, the current one is someone else's.
    if (fs.readFileSync(lockPath, 'utf8') === token) fs.unlinkSync(lockPath);
  } catch {
    // already gone: nothing to release
  }
}

function isStale(lockPath: string, staleMs: number): boolean {
  let content: string;
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(lockPath).mtimeMs;
    content = fs.readFileSync(lockPath, 'utf8');
  } catch {
    return false; // gone: the next attempt takes it
  }
  if (Date.now() - mtimeMs > staleMs) return true;
  let owner: { pid?: unknown; host?: unknown };
  try {
    owner = JSON.parse(content) as typeof owner;
  } catch {
    return false; // being written right now (created, not yet filled): wait for staleMs
  }
  if (owner.host !== os.hostname() || typeof owner.pid !== 'number') return false;
  if (owner.pid === process.pid) return !held.has(lockPath); // a previous life of this pid
  return !isAlive(owner.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, just not ours
  }
}

function breakIfStale(lockPath: string, staleMs: number): void {
  if (!isStale(lockPath, staleMs)) return;
  const breaker = `${lockPath}.break`;
  try {
    fs.writeFileSync(breaker, String(process.pid), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    // A breaker died mid-break: its lock lives microseconds, so an old one is abandoned.
    try {
      if (Date.now() - fs.statSync(breaker).mtimeMs > BREAK_STALE_MS) fs.unlinkSync(breaker);
    } catch {
      // gone meanwhile
    }
    return;
  }
  try {
    if (isStale(lockPath, staleMs)) fs.unlinkSync(lockPath);
  } catch {
    // gone meanwhile
  } finally {
    fs.rmSync(breaker, { force: true });
  }
}
