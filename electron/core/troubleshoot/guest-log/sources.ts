import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { LogAnalysis } from '../../../../shared/contract/troubleshoot';
import { GuestLogAnalysis } from './analyzer';
import { isHeaderAt } from './line';
import { checkGzip, GzipLimitError, type GzipLimits } from './gzip-limits';
import { analyzeInRanges, defaultThreads, guestLogWorkerUrl, PARALLEL_MIN_BYTES, startWorkers, type ParallelOptions, type WorkerPool } from './parallel';
import { readRange } from './read-range';
import { GuestLogScanner } from './scanner';

/** One log to analyse: a name for the report and a way to read its bytes (possibly twice). */
export interface LogInput {
  name: string;
  open(): AsyncIterable<Buffer>;
  /** A file on disk: then a large plain one can be read in ranges on several threads. */
  path?: string;
}

const CHUNK_BYTES = 1024 * 1024;
/** How much of a file to read to find its first timestamp when ordering rotated files. */
const PEEK_BYTES = 256 * 1024;

/** A file on disk, plain or gzip (recognised by its magic bytes, not its name). */
export function fileInput(path: string): LogInput {
  return { name: basename(path), path, open: () => readRange(path) };
}

/** Bytes in memory (the contract's text or decoded base64), handed out in 1 MB chunks. */
export function bufferInput(name: string, data: Buffer): LogInput {
  return {
    name,
    open: async function* () {
      for (let i = 0; i < data.length; i += CHUNK_BYTES) yield data.subarray(i, i + CHUNK_BYTES);
    },
  };
}

async function* copies(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) yield Buffer.from(chunk);
}

/** The log text of an input: gunzipped when it starts with gzip's magic bytes, within the limits of gzip-limits.ts. */
async function* logBytes(input: LogInput, limits?: GzipLimits): AsyncGenerator<Buffer> {
  const it = input.open()[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const head: Buffer = first.value;
  async function* all(): AsyncGenerator<Buffer> {
    try {
      yield head;
      for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
    } finally {
      // Stopped early (firstTimestamp reads only the start): let the input close its file.
      await it.return?.();
    }
  }
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    // One chunk ahead at most: zlib's count of bytes consumed is then close to what was read.
    // Copied: gunzip keeps the chunks it was given, and a file's chunks are valid only until the next one (read-range.ts).
    const source = Readable.from(copies(all()), { highWaterMark: 1 });
    const gunzip = createGunzip({ chunkSize: 256 * 1024 });
    source.on('error', (err) => gunzip.destroy(err));
    source.pipe(gunzip);
    let outputBytes = 0;
    try {
      for await (const chunk of gunzip as AsyncIterable<Buffer>) {
        outputBytes += chunk.length;
        // Judged before the chunk is handed on: past a limit nothing more is read or scanned.
        checkGzip(gunzip.bytesWritten, outputBytes, limits);
        yield chunk;
      }
    } finally {
      source.destroy();
      gunzip.destroy();
    }
    return;
  }
  yield* all();
}

/** The first ISE timestamp in the input's first bytes, or null (then its rotation number decides). */
export async function firstTimestamp(input: LogInput): Promise<string | null> {
  let seen = '';
  try {
    for await (const chunk of logBytes(input)) {
      seen += chunk.toString('latin1', 0, Math.min(chunk.length, PEEK_BYTES - seen.length));
      for (let i = 0; i < seen.length; ) {
        if (isHeaderAt(seen, i)) return seen.slice(i, i + 23);
        const nl = seen.indexOf('\n', i);
        if (nl === -1) break;
        i = nl + 1;
      }
      if (seen.length >= PEEK_BYTES) break;
    }
  } catch {
    // An unreadable file sorts last; the analysis reports why.
  }
  return null;
}

/** `guest.log.3` → 3, `guest.log.2.gz` → 2, `guest.log` → 0: higher is older. */
function rotationNumber(name: string): number {
  const m = /\.(\d+)(?:\.gz)?$/i.exec(name);
  return m ? Number(m[1]) : 0;
}

/**
 * Puts rotated files in time order: by their first timestamp, else oldest rotation first
 * (ISE rotates guest.log → guest.log.1 → guest.log.2, so a higher number is older).
 */
export async function orderByTime(inputs: LogInput[]): Promise<LogInput[]> {
  const keyed = await Promise.all(inputs.map(async (input, index) => ({ input, index, time: await firstTimestamp(input) })));
  keyed.sort((a, b) => {
    if (a.time && b.time && a.time !== b.time) return a.time < b.time ? -1 : 1;
    if (a.time && !b.time) return -1;
    if (!a.time && b.time) return 1;
    return rotationNumber(b.input.name) - rotationNumber(a.input.name) || a.index - b.index;
  });
  return keyed.map((k) => k.input);
}

/**
 * Analyses guest.log files together, oldest first, streaming each in constant memory. A file
 * that cannot be read, or a gzip that ends early, is analysed as far as it goes and named in
 * `sources[].problem`: results are data, this never throws for a bad file.
 * A large plain file on disk is read in ranges on worker threads (parallel.ts) with the same
 * result; `parallel: { threads: 1 }` reads everything on the calling thread.
 */
export async function analyzeGuestLogs(inputs: LogInput[], options: { parallel?: ParallelOptions; gzip?: GzipLimits } = {}): Promise<LogAnalysis> {
  // Workers first: their start-up then overlaps the ordering of the files and the first ranges.
  const pool = await workersFor(inputs, options.parallel);
  try {
    const analysis = new GuestLogAnalysis();
    for (const input of await orderByTime(inputs)) {
      analysis.beginSource(input.name);
      if (input.path && (await analyzeFileInRanges(analysis, input.path, input.name, options.parallel, pool))) continue;
      const scanner = new GuestLogScanner(
        (entry) => analysis.addEntry(entry),
        analysis,
      );
      try {
        for await (const chunk of logBytes(input, options.gzip)) {
          analysis.addBytes(chunk.length);
          scanner.push(chunk);
        }
      } catch (err) {
        analysis.noteProblem(problemOf(err));
      }
      scanner.end();
    }
    return analysis.finish();
  } finally {
    pool?.end();
  }
}

/** The plain files on disk large enough to read in ranges. */
async function largePlainFiles(inputs: LogInput[], minBytes: number): Promise<string[]> {
  const found = await Promise.all(
    inputs.map(async (input) => {
      if (!input.path) return null;
      try {
        const info = await stat(input.path);
        return info.isFile() && info.size >= minBytes && !(await isGzip(input.path)) ? input.path : null;
      } catch {
        return null;
      }
    }),
  );
  return found.filter((p): p is string => p !== null);
}

/** Starts the workers when some file will be read in ranges; null otherwise. */
async function workersFor(inputs: LogInput[], parallel: ParallelOptions | undefined): Promise<WorkerPool | null> {
  const threads = parallel?.threads ?? defaultThreads();
  if (threads < 2) return null;
  if ((await largePlainFiles(inputs, parallel?.minBytes ?? PARALLEL_MIN_BYTES)).length === 0) return null;
  return startWorkers(threads - 1, parallel?.workerUrl ?? guestLogWorkerUrl());
}

/** True when the file was read in ranges and merged; false: read it on this thread (small, gzip, or a range failed). */
async function analyzeFileInRanges(analysis: GuestLogAnalysis, path: string, name: string, parallel: ParallelOptions | undefined, pool: WorkerPool | null): Promise<boolean> {
  try {
    const info = await stat(path);
    if (!info.isFile() || (await isGzip(path))) return false;
    const parts = await analyzeInRanges(path, name, info.size, parallel, pool);
    if (!parts || !analysis.canMerge(parts)) return false;
    analysis.addBytes(info.size);
    for (const part of parts) analysis.mergePart(part);
    parallel?.onMerged?.(name, parts.length);
    return true;
  } catch {
    return false; // the one-thread read reports what is wrong with the file
  }
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    await handle.read(head, 0, 2, 0);
    return head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

function problemOf(err: unknown): string {
  if (err instanceof GzipLimitError) return err.code;
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR') return 'gzip-truncated';
  if (code === 'ENOENT') return 'not-found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission-denied';
  if (code === 'EISDIR') return 'is-a-directory';
  return 'unreadable';
}
