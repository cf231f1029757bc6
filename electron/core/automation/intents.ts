import fs from 'node:fs';
import path from 'node:path';
import { writeAtomic } from '../profiles/store-io';

/**
 * The one create that happens before a profile exists to record it in: POST /applications (the
 * profile needs the app's client id). Its intent is written here, durably, before the call, so
 * that a run killed while the call was in flight (or right after it returned) still knows on
 * the next run that the app it finds by name is the one this tool created, and undo removes it.
 * Cleared as soon as the profile holds the record. `<dataDir>/automation-intents.json`, keyed
 * by profile name; ids and names only.
 */

export interface AppIntent {
  displayName: string;
  tenantId: string;
  /** When the create was about to be sent (ISO); an app created before this is not ours. */
  at: string;
}

/** Leeway between our clock and Entra's createdDateTime. */
const CLOCK_SKEW_MS = 10 * 60_000;

export class IntentJournal {
  private readonly file: string;
  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'automation-intents.json');
  }

  private read(): Record<string, AppIntent> {
    try {
      const v = JSON.parse(fs.readFileSync(this.file, 'utf8')) as unknown;
      return v && typeof v === 'object' ? (v as Record<string, AppIntent>) : {};
    } catch {
      return {};
    }
  }

  private write(all: Record<string, AppIntent>): void {
    if (Object.keys(all).length === 0) fs.rmSync(this.file, { force: true });
    else writeAtomic(this.file, JSON.stringify(all, null, 2));
  }

  record(profileName: string, intent: AppIntent): void {
    this.write({ ...this.read(), [profileName.toLowerCase()]: intent });
  }

  clear(profileName: string): void {
    const all = this.read();
    if (!(profileName.toLowerCase() in all)) return;
    delete all[profileName.toLowerCase()];
    this.write(all);
  }

  /** Whether the app found by name is the one an interrupted run of this profile created. */
  createdByUs(profileName: string, app: { displayName: string; createdDateTime?: string }, tenantId: string): boolean {
    const intent = this.read()[profileName.toLowerCase()];
    if (!intent) return false;
    if (intent.displayName.toLowerCase() !== app.displayName.toLowerCase() || intent.tenantId.toLowerCase() !== tenantId.toLowerCase()) return false;
    const created = app.createdDateTime ? Date.parse(app.createdDateTime) : NaN;
    return Number.isNaN(created) || created >= Date.parse(intent.at) - CLOCK_SKEW_MS;
  }
}
