import { caFileRefusalText, readCaFile } from '../core/net/ca-file';
import { printableLine } from '../../shared/printable';

/**
 * The usage message for a `--ca-file` that cannot be used (not a regular file, over 1 MiB, not
 * readable within the timeout), or null when it reads. Each command throws its own usage error.
 */
export async function caFileProblem(path: string, timeoutMs: number): Promise<string | null> {
  const read = await readCaFile(path, { timeoutMs });
  return read.ok ? null : `--ca-file ${caFileRefusalText(read.reason)}: ${printableLine(path)}`;
}
