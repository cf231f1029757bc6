import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { GuestLogAnalysis, type AnalysisMemo, type AnalysisPart } from './analyzer';
import { EntryMemo } from './entry-memo';
import { isHeaderAtBytes } from './line';
import { readRange } from './read-range';
import { GuestLogScanner } from './scanner';

/**
 * Reading one large plain guest.log on several threads: the file is cut into byte ranges at
 * entry starts (a line beginning with ISE's timestamp), each range is analysed on its own into
 * an AnalysisPart, and the parts are merged in file order (GuestLogAnalysis.mergePart), which
 * gives the same analysis as one thread reading it all.
 * Why threads pay: on a log where most lines are events the analyzer spends its time
 * decoding and classifying entries, not searching, and that work is independent per range.
 *
 * How the work is shared: there are more ranges than threads, and the calling thread and the
 * worker threads (range-worker.ts) each take the next range from one shared counter until none
 * is left. So the calling thread works from the start instead of waiting, a worker joins as soon
 * as it has started (~50 ms of start-up that would otherwise hold everything back), and a thread
 * slowed down by a busy machine simply takes fewer ranges. The workers are started before
 * anything else is read (startWorkers), so their start-up overlaps the caller's own.
 */

/** Below this a file is read on one thread: starting a worker (~50 ms of CPU) would cost more than it saves. */
export const PARALLEL_MIN_BYTES = 24 * 1024 * 1024;
const MAX_THREADS = 4;
/** About how long a range is: short enough to share the work evenly, long enough that its overhead (~1 ms) does not count. */
const RANGE_BYTES = 8 * 1024 * 1024;
/**
 * At most this many ranges: every part adds its open saves to the bound canMerge checks, so a
 * huge file is cut into longer ranges rather than more of them.
 */
const MAX_RANGES = 16;
/** How far past a nominal cut to look for an entry start; a range with none in it is not cut. */
const CUT_SEARCH_BYTES = 1024 * 1024;
/** Read this much at a time when looking for a cut (an entry start is usually in the first lines). */
const CUT_READ_BYTES = 64 * 1024;

export interface ParallelOptions {
  /** Threads to use, the calling one included (default: the CPUs available, at most 4). 1 reads on the calling thread. */
  threads?: number;
  /** The worker script (default: guestLogWorkerUrl()). */
  workerUrl?: URL;
  /** Files smaller than this are read on one thread (default PARALLEL_MIN_BYTES; tests use 0). */
  minBytes?: number;
  /** About how long a range is (default RANGE_BYTES; tests use less, to cut small files often). */
  rangeBytes?: number;
  /** False: the calling thread only hands out ranges and merges (tests use it to make the workers do all of it). */
  callerTakesRanges?: boolean;
  /** Told when a file was read in ranges and merged (how many): tests make sure the ranges really ran. */
  onMerged?: (name: string, parts: number) => void;
  /** Told which range each part came from and whether a worker read it (tests make sure the workers really ran). */
  onRange?: (index: number, byWorker: boolean) => void;
}

/** What a worker is asked to do: take ranges of one file from the shared counter. */
export interface RangeJob {
  path: string;
  name: string;
  /** Range i is [cuts[i], cuts[i + 1]). */
  cuts: number[];
  /** One Int32: the next range to take (Atomics.add). */
  counter: SharedArrayBuffer;
}

/** What a worker posts: one range's part, or that it has taken its last range. */
export type RangeMessage = { index: number; part: AnalysisPart } | { done: true };

/**
 * How many threads to use by default: one per CPU (at most 4), but only one when the machine's
 * run queue is already four times its CPUs (the 1-minute load average; Windows reports 0).
 * Why that high: the second thread costs ~40 % more CPU in all (each isolate warms up and
 * optimises its own code), but the person waiting gets the result sooner at any load seen:
 * a 256 MB log of events on 2 CPUs with 0 / 2 / 4 / 8 / 12 busy processes beside it took
 * 1.2 / 1.7 / 2.4-3.8 / 4.3-5.0 / 7.7-8.9 s on two threads against 1.3-1.5 / 2.0-2.5 /
 * 3.2-3.9 / 4.7-9.0 / 9.0-13.5 s on one. (An earlier version of the analyzer, which warmed up
 * much more slowly, gained nothing from a second thread at load 13.) Past 4 × CPUs the extra CPU
 * is taken from work that is already waiting.
 */
export function defaultThreads(cpus = availableParallelism(), load1 = loadavg()[0] ?? 0): number {
  if (load1 >= 4 * cpus) return 1;
  return Math.max(1, Math.min(MAX_THREADS, cpus));
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
    const buf = Buffer.allocUnsafe(CUT_READ_BYTES);
    for (let k = 1; k < parts; k++) {
      const nominal = Math.floor((size * k) / parts);
      if (nominal <= cuts[cuts.length - 1]!) continue;
      const cut = await entryStartAfter(handle, buf, nominal, size);
      if (cut !== -1 && cut > cuts[cuts.length - 1]! && cut < size) cuts.push(cut);
    }
  } finally {
    await handle.close();
  }
  cuts.push(size);
  return cuts;
}

/**
 * The first entry start at or after `nominal` (a line start whose line begins with a timestamp),
 * looking at most CUT_SEARCH_BYTES ahead, or -1. Reads CUT_READ_BYTES at a time, each read
 * overlapping the last by a timestamp's length so that one cut by a read is still seen.
 */
async function entryStartAfter(handle: Awaited<ReturnType<typeof open>>, buf: Buffer, nominal: number, size: number): Promise<number> {
  const OVERLAP = 64;
  for (let from = nominal - 1; from < Math.min(size, nominal + CUT_SEARCH_BYTES); from += CUT_READ_BYTES - OVERLAP) {
    const { bytesRead } = await handle.read(buf, 0, CUT_READ_BYTES, from);
    const view = buf.subarray(0, bytesRead);
    const last = from + bytesRead >= size ? bytesRead : bytesRead - OVERLAP;
    for (let i = view.indexOf(10); i !== -1 && i < last && i + 1 < bytesRead; i = view.indexOf(10, i + 1)) {
      if (isHeaderAtBytes(view, i + 1)) return from + i + 1;
    }
    if (bytesRead < CUT_READ_BYTES) break;
  }
  return -1;
}

/** Workers started early for the files to come; end() when done with them. */
export interface WorkerPool {
  readonly workers: readonly PoolWorker[];
  end(): void;
}

interface PoolWorker {
  worker: Worker;
  /** False once it has exited (it could not start, or failed): it takes no more ranges. */
  alive: boolean;
}

/**
 * Starts `count` workers now, so that their start-up overlaps whatever the caller does next.
 * Null when no worker script is found (running from the TypeScript source).
 */
export function startWorkers(count: number, workerUrl: URL | null = guestLogWorkerUrl()): WorkerPool | null {
  if (count < 1 || !workerUrl) return null;
  const workers: PoolWorker[] = [];
  for (let i = 0; i < count; i++) {
    const pw: PoolWorker = { worker: new Worker(workerUrl, { stdout: false, stderr: false }), alive: true };
    // A worker that cannot start (bad script) or fails must not crash the caller: its ranges are read here.
    pw.worker.on('error', () => (pw.alive = false));
    pw.worker.on('exit', () => (pw.alive = false));
    workers.push(pw);
  }
  return {
    workers,
    end: () => {
      for (const w of workers) void w.worker.terminate();
    },
  };
}

/** The thread's memo of entries seen before: shared by the ranges a thread reads (what an entry means does not depend on where it is). */
let threadMemo: AnalysisMemo | null = null;

/** Analyses the range `[start, end)` of a file (start at an entry start) into a part, on this thread. */
export async function analyzeRange(path: string, name: string, start: number, end: number): Promise<AnalysisPart> {
  threadMemo ??= new EntryMemo();
  const analysis = new GuestLogAnalysis(true, threadMemo);
  analysis.beginSource(name);
  const scanner = new GuestLogScanner(
    (entry) => analysis.addEntry(entry),
    analysis,
  );
  for await (const chunk of readRange(path, start, end)) scanner.push(chunk);
  scanner.end();
  return analysis.exportPart();
}

/** Takes ranges from the shared counter until none is left, handing each part to `onPart`. */
export async function takeRanges(job: RangeJob, onPart: (index: number, part: AnalysisPart) => void): Promise<void> {
  const counter = new Int32Array(job.counter);
  for (;;) {
    const i = Atomics.add(counter, 0, 1);
    if (i >= job.cuts.length - 1) return;
    onPart(i, await analyzeRange(job.path, job.name, job.cuts[i]!, job.cuts[i + 1]!));
  }
}

/** Lets one worker take ranges of the job; resolves when it has taken its last one, or failed. */
function runWorker(pw: PoolWorker, job: RangeJob, onPart: (index: number, part: AnalysisPart) => void): Promise<void> {
  const w = pw.worker;
  return new Promise((resolve) => {
    if (!pw.alive) {
      resolve();
      return;
    }
    const finish = () => {
      w.off('message', onMessage);
      w.off('error', finish);
      w.off('exit', finish);
      resolve();
    };
    const onMessage = (m: RangeMessage) => {
      if ('done' in m) finish();
      else onPart(m.index, m.part);
    };
    w.on('message', onMessage);
    w.once('error', finish);
    w.once('exit', finish);
    w.postMessage(job);
  });
}

/**
 * Analyses one file in ranges on this thread and the pool's workers. Null when the file is too
 * small or no cut could be made: the caller reads it on one thread. A range a failed worker
 * took and did not deliver is read here, so the parts are always complete.
 */
export async function analyzeInRanges(path: string, name: string, size: number, options: ParallelOptions = {}, pool: WorkerPool | null = null): Promise<AnalysisPart[] | null> {
  // With a pool, as many threads as it was started for (the load may have changed since).
  const threads = options.threads ?? (pool ? pool.workers.length + 1 : defaultThreads());
  if (threads < 2 || size < (options.minBytes ?? PARALLEL_MIN_BYTES)) return null;
  const ranges = Math.min(MAX_RANGES, Math.max(threads, Math.ceil(size / (options.rangeBytes ?? RANGE_BYTES))));
  let own: WorkerPool | null = null;
  if (!pool) pool = own = startWorkers(threads - 1, options.workerUrl ?? guestLogWorkerUrl());
  try {
    const cuts = await cutAtEntries(path, size, ranges);
    if (cuts.length < 3) return null;
    const job: RangeJob = { path, name, cuts, counter: new SharedArrayBuffer(4) };
    const parts: (AnalysisPart | undefined)[] = new Array(cuts.length - 1);
    const take = (byWorker: boolean) => (index: number, part: AnalysisPart) => {
      parts[index] = part;
      options.onRange?.(index, byWorker);
    };
    const working = (pool?.workers ?? []).map((w) => runWorker(w, job, take(true)));
    if (options.callerTakesRanges !== false || working.length === 0) await takeRanges(job, take(false));
    await Promise.all(working);
    for (let i = 0; i < parts.length; i++) if (!parts[i]) take(false)(i, await analyzeRange(path, name, cuts[i]!, cuts[i + 1]!));
    return parts as AnalysisPart[];
  } finally {
    own?.end();
  }
}
