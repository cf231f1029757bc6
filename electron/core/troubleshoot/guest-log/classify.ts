import { interpretEntry, type EntryMeaning } from './events';
import type { RawEntry } from './scanner';

/**
 * What one entry means for the analysis (null: nothing it counts). The one classification call
 * of the analyzer: a shared classifier table can replace it here. It must read only the entry's
 * level, logger and text (message and continuation lines): the analyzer reuses its result for
 * entries whose bytes differ only in time and thread (entry-memo.ts).
 */
export function classifyEntry(entry: RawEntry): EntryMeaning | null {
  return interpretEntry(entry);
}
