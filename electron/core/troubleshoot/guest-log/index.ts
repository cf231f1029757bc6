/**
 * The guest.log analyzer (issue 6): stream-parses ISE guest.log files (plain, rotated, .gz) and
 * recognises the events and failures of Cisco's guide. How to add an event or a failure:
 * add its stable fragment to PREFILTER_FRAGMENTS in prefilter.ts (search.ts compiles the list;
 * a pattern that is not plain text needs its own byte search there), then read it in events.ts (events) or
 * shared/ise-errors.ts (failures), and add a fixture-driven test in test/electron/core/troubleshoot.
 */
export { analyzeGuestLogs, bufferInput, fileInput, orderByTime, firstTimestamp, type LogInput } from './sources';
export { GuestLogAnalysis, SLOW_SEND_MS, type AnalysisPart } from './analyzer';
export { analyzeInRanges, cutAtEntries, defaultThreads, guestLogWorkerUrl, PARALLEL_MIN_BYTES, startWorkers, type ParallelOptions, type WorkerPool } from './parallel';
export { GuestLogScanner, MAX_ENTRY_LINES, MAX_ENTRY_CHARS, MAX_LINE_DECODE_BYTES, decodeCut, type RawEntry } from './scanner';
export { PREFILTER_SOURCE, PREFILTER_FRAGMENTS, createPrefilter } from './prefilter';
export { FragmentSearch, PREFILTER_SEARCH } from './search';
export { GZIP_MAX_OUTPUT_BYTES, GZIP_MAX_RATIO, GZIP_RATIO_AFTER_BYTES, GzipLimitError, type GzipLimitCode, type GzipLimits } from './gzip-limits';
