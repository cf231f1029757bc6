import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FleetRowSchema, type FleetRow } from '../../../shared/contract/fleet';

/**
 * The last fleet result of each profile, in the data folder beside profiles.json: one small
 * file written once per run (not a write per profile into profiles.json, which for hundreds of
 * profiles would rewrite the whole store hundreds of times). Written to a temp file and
 * renamed, so a reader never sees half a file.
 */
export const FLEET_RESULTS_FILE = 'fleet-results.json';

const FileSchema = z.object({ schemaVersion: z.literal(1), rows: z.array(FleetRowSchema) });

export function fleetResultsPath(dataDir: string): string {
  return path.join(dataDir, FLEET_RESULTS_FILE);
}

/** The stored rows; none when the file is missing or unreadable (it is a cache of results, not data to keep). */
export function readFleetResults(dataDir: string): FleetRow[] {
  try {
    const parsed = FileSchema.safeParse(JSON.parse(fs.readFileSync(fleetResultsPath(dataDir), 'utf8')));
    return parsed.success ? parsed.data.rows : [];
  } catch {
    return [];
  }
}

/**
 * Stores this run's rows over the previous ones (a profile not in this run keeps its last row;
 * rows of profiles that no longer exist are dropped when `existingIds` is given).
 */
export function writeFleetResults(dataDir: string, rows: readonly FleetRow[], existingIds?: ReadonlySet<string>): void {
  const merged = new Map(readFleetResults(dataDir).map((r) => [r.profileId, r]));
  for (const r of rows) merged.set(r.profileId, r);
  const kept = [...merged.values()].filter((r) => !existingIds || existingIds.has(r.profileId));
  fs.mkdirSync(dataDir, { recursive: true });
  const file = fleetResultsPath(dataDir);
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify({ schemaVersion: 1, rows: kept }) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
}
