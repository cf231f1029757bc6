import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CallFailure } from '../errors/call-failure';
import { LockTimeoutError } from './file-lock';

/**
 * The profile store's file operations and what their failures mean to the engineer. Every
 * fault becomes a CallFailure naming the folder and the OS cause (ENOSPC, EROFS …) with params
 * for the translated text (renderer/i18n/sources/store.json), never "internal error".
 */

/** Temp files of an interrupted write start with this (ours and conf's `atomically`). */
export const tempPrefix = (file: string): string => `${path.basename(file)}.tmp-`;

/** The file's bytes as text, or undefined when it does not exist. */
export function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw storeFault(err, path.dirname(file), 'read');
  }
}

/**
 * Writes atomically: a temp file beside the target, fsync, rename. A failed write leaves the
 * old file as it was and removes its temp file (a crash's temp file is cleaned at start).
 */
export function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'w', 0o600);
    const data = Buffer.from(text, 'utf8');
    for (let at = 0; at < data.length; ) at += fs.writeSync(fd, data, at, data.length - at);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, file);
  } catch (err) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failed: the first error is the one to report
      }
    }
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/** Removes the temp files an interrupted write left (call only while holding the lock). */
export function cleanStrayTemps(file: string): string[] {
  const dir = path.dirname(file);
  const prefix = tempPrefix(file);
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);
const NOT_WRITABLE = new Set(['EROFS', 'EACCES', 'EPERM']);

/** An fs error (or a lock timeout) as the store's CallFailure; a CallFailure passes through. */
export function storeFault(err: unknown, folder: string, op: 'read' | 'write'): CallFailure {
  if (err instanceof CallFailure) return err;
  if (err instanceof LockTimeoutError) {
    return new CallFailure('STORE_BUSY', `another process is writing the profiles in ${folder} and did not finish in time: nothing was changed, try again`, undefined, { folder, cause: 'lock timeout' });
  }
  const cause = String((err as NodeJS.ErrnoException | undefined)?.code ?? (err instanceof Error ? err.name : 'error'));
  const params = { folder, cause };
  if (op === 'read') {
    return new CallFailure('STORE_UNREADABLE', `the profiles file in ${folder} could not be read (${cause}): check the folder's permissions`, undefined, params);
  }
  if (DISK_FULL.has(cause)) {
    return new CallFailure('STORE_DISK_FULL', `the disk holding the profiles folder ${folder} is full (${cause}): nothing was changed, free some space and retry`, undefined, params);
  }
  if (NOT_WRITABLE.has(cause)) {
    return new CallFailure('STORE_READ_ONLY', `the profiles folder ${folder} cannot be written (${cause}): nothing was changed, make it writable and retry`, undefined, params);
  }
  return new CallFailure('STORE_WRITE_FAILED', `the profiles file in ${folder} could not be written (${cause}): nothing was changed`, undefined, params);
}
