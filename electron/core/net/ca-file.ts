import { constants, promises as fs } from 'node:fs';

/**
 * Reads a CA bundle the engineer named (`--ca-file PEM`): a regular file only, at most
 * MAX_CA_FILE_BYTES, within a timeout. Never throws; a refusal names why.
 *
 * Why (issue 17): a FIFO blocked the read forever and, four calls later, every libuv I/O
 * thread, so unrelated calls hung; `/dev/zero` cost ~650 MB per call. Opening with O_NONBLOCK
 * never waits for a FIFO's writer, and fstat on the open descriptor (not a stat of the path
 * before it) decides, so the file cannot be swapped between the check and the read.
 * Symbolic links are followed: system CA bundles are often links to regular files.
 *
 * Other readers of user-named certificate files (setup, ise inspect/import-cas) use this too.
 */
export const MAX_CA_FILE_BYTES = 1024 * 1024;

export type CaFileRefusal = 'not-a-regular-file' | 'too-large' | 'timeout' | 'unreadable' | string;

export type CaFileResult = { ok: true; pem: string } | { ok: false; reason: CaFileRefusal };

export async function readCaFile(path: string, options: { timeoutMs: number; maxBytes?: number }): Promise<CaFileResult> {
  const maxBytes = options.maxBytes ?? MAX_CA_FILE_BYTES;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CaFileResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: 'timeout' }), options.timeoutMs);
  });
  try {
    return await Promise.race([read(path, maxBytes), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function read(path: string, maxBytes: number): Promise<CaFileResult> {
  let handle: fs.FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer.
    handle = await fs.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { ok: false, reason: (err as NodeJS.ErrnoException).code ?? 'unreadable' };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, reason: 'not-a-regular-file' };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large' };
    // Read at most one byte past the limit: a file that grew after fstat is still bounded.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return { ok: false, reason: 'too-large' };
    return { ok: true, pem: buffer.subarray(0, length).toString('utf8') };
  } catch (err) {
    return { ok: false, reason: (err as NodeJS.ErrnoException).code ?? 'unreadable' };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The CLI's sentence for a refusal (exit 2 names the flag and the reason). */
export function caFileRefusalText(reason: CaFileRefusal): string {
  switch (reason) {
    case 'not-a-regular-file':
      return 'is not a regular file';
    case 'too-large':
      return `is larger than ${MAX_CA_FILE_BYTES / 1024 / 1024} MiB: give only the CA certificates`;
    case 'timeout':
      return 'could not be read within the timeout';
    case 'ENOENT':
      return 'cannot be read (no such file)';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied)';
    default:
      return `cannot be read (${reason})`;
  }
}
