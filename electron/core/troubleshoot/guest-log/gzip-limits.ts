/**
 * Limits on what one .gz file may expand to (issue 17 point 8: a 1 MB .gz expanding to 1 GB
 * without a newline took 90 s of CPU; 10 MB took 375 s and 2.4 GB). guest.log text compresses
 * about 10–30 : 1 (a log of the guide's lines repeated, the most repetitive ISE writes, 31 : 1);
 * a file that expands past GZIP_MAX_RATIO is not a log ISE wrote. Decompression streams in
 * chunks (constant memory); on a limit it stops, and the file is reported as read in part with
 * the limit's code (`sources[].problem`), its entries so far analysed.
 */
export const GZIP_MAX_RATIO = 200;
/** The ratio is judged only past this much output: a tiny file's header makes any ratio. */
export const GZIP_RATIO_AFTER_BYTES = 32 * 1024 * 1024;
/** No .gz expands past this (ISE rotates guest.log long before). */
export const GZIP_MAX_OUTPUT_BYTES = 4 * 1024 * 1024 * 1024;

export type GzipLimitCode = 'gzip-ratio-exceeded' | 'gzip-size-exceeded';

/** Thrown inside the read loop; sources.ts turns it into the file's `problem`. */
export class GzipLimitError extends Error {
  constructor(
    readonly code: GzipLimitCode,
    readonly inputBytes: number,
    readonly outputBytes: number,
  ) {
    super(`${code}: ${inputBytes} compressed bytes expanded to ${outputBytes}`);
  }
}

export interface GzipLimits {
  maxRatio?: number;
  ratioAfterBytes?: number;
  maxOutputBytes?: number;
}

/** Checks one more chunk of output; throws GzipLimitError past a limit. */
export function checkGzip(inputBytes: number, outputBytes: number, limits: GzipLimits = {}): void {
  const maxOutput = limits.maxOutputBytes ?? GZIP_MAX_OUTPUT_BYTES;
  if (outputBytes > maxOutput) throw new GzipLimitError('gzip-size-exceeded', inputBytes, outputBytes);
  const after = limits.ratioAfterBytes ?? GZIP_RATIO_AFTER_BYTES;
  if (outputBytes > after && outputBytes > (limits.maxRatio ?? GZIP_MAX_RATIO) * Math.max(1, inputBytes)) {
    throw new GzipLimitError('gzip-ratio-exceeded', inputBytes, outputBytes);
  }
}
