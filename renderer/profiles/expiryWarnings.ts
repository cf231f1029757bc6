import type { ExpiryLevel, ProfileView } from '../../shared/contract/profiles';

/** One profile whose client secret needs attention: within 30 days, within 7, or already expired. */
export interface ExpiryWarning {
  profileId: string;
  name: string;
  daysLeft: number;
  level: Exclude<ExpiryLevel, 'ok'>;
}

/** Where "already notified today" is remembered: localStorage in the app, a Map in tests. */
export interface NotificationMemory {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** localStorage key: `{profileId: 'YYYY-MM-DD'}` of the last day a desktop notification was shown. */
export const NOTIFIED_KEY = 'ise-smtp-oauth.expiryNotified';

const URGENCY: Record<ExpiryWarning['level'], number> = { expired: 0, warn7: 1, warn30: 2 };

/** The profiles whose secret needs a warning, the most urgent first (main computes the level). */
export function expiryWarnings(profiles: readonly Pick<ProfileView, 'id' | 'name' | 'secretExpiryStatus'>[]): ExpiryWarning[] {
  const warnings: ExpiryWarning[] = [];
  for (const p of profiles) {
    const status = p.secretExpiryStatus;
    if (!status || status.level === 'ok') continue;
    warnings.push({ profileId: p.id, name: p.name, daysLeft: status.daysLeft, level: status.level });
  }
  return warnings.sort((a, b) => URGENCY[a.level] - URGENCY[b.level] || a.daysLeft - b.daysLeft || a.name.localeCompare(b.name));
}

function readNotified(memory: NotificationMemory): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(memory.getItem(NOTIFIED_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
  } catch {
    // A damaged entry only means one extra notification: start again.
    return {};
  }
}

/**
 * Picks the warnings not yet notified on `today` and records them as notified, in one step, so
 * two callers racing at start (React StrictMode runs effects twice) cannot both notify.
 * Entries of profiles that no longer warn are dropped, so the memory stays small.
 */
export function takeDueNotifications(warnings: readonly ExpiryWarning[], memory: NotificationMemory, today: string): ExpiryWarning[] {
  const notified = readNotified(memory);
  const due = warnings.filter((w) => notified[w.profileId] !== today);
  const next: Record<string, string> = {};
  for (const w of warnings) next[w.profileId] = due.includes(w) ? today : (notified[w.profileId] ?? today);
  memory.setItem(NOTIFIED_KEY, JSON.stringify(next));
  return due;
}

/** Today on this machine's calendar, YYYY-MM-DD (the engineer's day, as main counts days left). */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** How many warnings the bar lists before it folds the rest behind "Show all". */
export const WARNINGS_SHOWN = 3;

/**
 * What the bar lists: every warning when expanded or when there are few, else the most urgent
 * `limit` (warnings come sorted most urgent first). With hundreds of profiles a full list pushes
 * the table off the screen and costs a long first render.
 */
export function shownWarnings<T>(warnings: readonly T[], expanded: boolean, limit = WARNINGS_SHOWN): { shown: readonly T[]; hidden: number } {
  if (expanded || warnings.length <= limit) return { shown: warnings, hidden: 0 };
  return { shown: warnings.slice(0, limit), hidden: warnings.length - limit };
}
