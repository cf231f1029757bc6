import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalysisPart } from './analyzer';
import { isHeaderAtBytes } from './line';

/**
 * Reading one large plain guest.log on several threads: the file is cut into byte ranges at
 * entry starts (a line beginning with ISE's timestamp), each range is analysed by a worker
 * thread (range-worker.ts) into an AnalysisPart, and the parts are merged in file order
 * (GuestLogAnalysis.mergePart), which gives the same analysis as one thread reading it all.
 * Why threads pay: on a log where most lines are events the analyzer spends its time
 * decoding and classifying entries, not searching, and that work is independent per range.
 */

/** Below this a file is read on one thread: starting workers (~30 ms each) would cost more than it saves. */
export const PARALLEL_MIN_BYTES = 24 * 1024 * 1024;
const MAX_THREADS = 4;
/** How far past a nominal cut to look for an entry start; a range with none in it is not cut. */
const CUT_SEARCH_BYTES = 1024 * 1024;

export interface ParallelOptions {
  /** Worker threads to use (default: the CPUs available, at most 4). 1 reads on the calling thread. */
  threads?: number;
  /** The worker script (default: guestLogWorkerUrl()). */
  workerUrl?: URL;
  /** Files smaller than this are read on one thread (default PARALLEL_MIN_BYTES; tests use 0). */
  minBytes?: number;
  /** Told when a file was read in ranges and merged (how many): tests make sure the ranges really ran. */
  onMerged?: (name: string, parts: number) => void;
}

/** What a worker is asked to do. */
export interface RangeJob {
  path: string;
  name: string;
  start: number;
  end: number;
}

/** How many threads to use by default. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(MAX_THREADS, availableParallelism()));
}

/**
 * The worker script: the built one next to the bundle (out/main/guest-log-worker.js, see
 * electron.vite.config.ts; rollup may put this code in a chunk one folder down). Null when
 * running from the TypeScript source (a worker cannot load .ts): then one thread reads.
 * Tests and the benchmark bundle range-worker.ts themselves and pass `workerUrl`.
 */
export function guestLogWorkerUrl(): URL | null {
  if (!import.meta.url.startsWith('file:')) return null;
  for (const rel of ['./guest-log-worker.js', '../guest-log-worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

/**
 * Byte offsets that cut `[0, size)` into about `parts` ranges, each cut at the start of an
 * entry (just after a newline, where a timestamped line begins). Returns [0, …, size].
 */
export async function cutAtEntries(path: string, size: number, parts: number): Promise<number[]> {
  const cuts = [0];
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CUT_SEARCH_BYTES);
    for (let k = 1; k < parts; k++) {
      const nominal = Math.floor((size * k) / parts);
      if (nominal <= cuts[cuts.length - 1]!) continue;
      const { bytesRead } = await handle.read(buf, 0, CUT_SEARCH_BYTES, nominal - 1);
      const view = buf.subarray(0, bytesRead);
      for (let i = view.indexOf(10); i !== -1 && i + 1 < bytesRead; i = view.indexOf(10, i + 1)) {
        if (isHeaderAtBytes(view, i + 1)) {
          cuts.push(nominal + i);
          break;
        }
      }
    }
  } finally {
    await handle.close();
  }
  cuts.push(size);
  return cuts;
}

/** Runs one range in a worker; rejects when the worker fails (the caller then reads on one thread). */
function runRange(job: RangeJob, worker: URL): Promise<AnalysisPart> {
  return new Promise((resolve, reject) => {
    const w = new Worker(worker, { workerData: job, stdout: false, stderr: false });
    let settled = false;
    w.once('message', (part: AnalysisPart) => {
      settled = true;
      resolve(part);
      void w.terminate();
    });
    w.once('error', (err) => {
      settled = true;
      reject(err);
    });
    w.once('exit', (code) => {
      if (!settled) reject(new Error(`guest.log worker exited with ${code}`));
    });
  });
}

/**
 * Analyses the ranges of one file on worker threads. Null when the file is too small, no cut
 * could be made, or threads are unavailable: the caller reads it on one thread.
 */
export async function analyzeInRanges(path: string, name: string, size: number, options: ParallelOptions = {}): Promise<AnalysisPart[] | null> {
  const threads = options.threads ?? defaultThreads();
  if (threads < 2 || size < (options.minBytes ?? PARALLEL_MIN_BYTES)) return null;
  const worker = options.workerUrl ?? guestLogWorkerUrl();
  if (!worker) return null;
  const cuts = await cutAtEntries(path, size, threads);
  if (cuts.length < 3) return null;
  const jobs: RangeJob[] = cuts.slice(0, -1).map((start, i) => ({ path, name, start, end: cuts[i + 1]! }));
  return Promise.all(jobs.map((job) => runRange(job, worker)));
}
