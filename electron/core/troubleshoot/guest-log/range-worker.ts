/**
 * Worker thread entry (parallel.ts): analyses one byte range of a guest.log, which starts at
 * an entry start, and posts its AnalysisPart back. Built as out/main/guest-log-worker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { GuestLogAnalysis } from './analyzer';
import type { RangeJob } from './parallel';
import { GuestLogScanner } from './scanner';
import { readRange } from './read-range';

async function main(job: RangeJob): Promise<void> {
  const analysis = new GuestLogAnalysis(true);
  analysis.beginSource(job.name);
  const scanner = new GuestLogScanner(
      (entry) => analysis.addEntry(entry),
      (buf, start, headerEnd, end) => analysis.tryBytes(buf, start, headerEnd, end),
    );
  for await (const chunk of readRange(job.path, job.start, job.end)) scanner.push(chunk);
  scanner.end();
  parentPort!.postMessage(analysis.exportPart());
}

if (parentPort && workerData) void main(workerData as RangeJob);
