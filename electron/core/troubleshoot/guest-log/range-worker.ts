/**
 * Worker thread entry (parallel.ts): waits for a job (one file, its cuts and the shared counter),
 * takes ranges from the counter until none is left and posts each range's AnalysisPart, then
 * `{ done: true }`; then waits for the next file. Built as out/main/guest-log-worker.js.
 */
import { parentPort } from 'node:worker_threads';
import { takeRanges, type RangeJob, type RangeMessage } from './parallel';

const port = parentPort;
if (port) {
  port.on('message', (job: RangeJob) => {
    void takeRanges(job, (index, part) => port.postMessage({ index, part } satisfies RangeMessage)).then(
      () => port.postMessage({ done: true } satisfies RangeMessage),
      // A range that cannot be read: the caller reads what this worker did not deliver, and reports the problem.
      () => port.postMessage({ done: true } satisfies RangeMessage),
    );
  });
}
