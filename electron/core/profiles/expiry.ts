import type { ExpiryLevel, SecretExpiryStatus } from '../../../shared/contract/profiles';
import { secretDaysLeft, utcToday } from '../../../shared/secret-expiry';

// When a secret counts as expired, and in which calendar its days are counted: the one rule in
// shared/secret-expiry.ts (valid through its Expiry Date in UTC, expired from the day after).

/** Warn this many days ahead, as ISE's "SMTP OAuth Client Secret about to be expired" alarm does. */
export const WARN_DAYS = 30;
export const URGENT_DAYS = 7;

const DAY_MS = 86_400_000;

/** Today's date on this machine's calendar, YYYY-MM-DD (the engineer's day, not UTC's). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/** The ISO date `days` after (or before, when negative) `isoDate`. */
export function addDays(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `today` (UTC by default) to the expiry date: 0 on the day itself, negative after. */
export function daysLeft(expiry: string, today: string = utcToday()): number {
  return secretDaysLeft(expiry, today);
}

/** ok → warn30 (≤ 30 days) → warn7 (≤ 7 days, including the expiry day) → expired (after it). */
export function expiryLevel(days: number): ExpiryLevel {
  if (days < 0) return 'expired';
  if (days <= URGENT_DAYS) return 'warn7';
  if (days <= WARN_DAYS) return 'warn30';
  return 'ok';
}

export function secretExpiryStatus(expiry: string, today: string = utcToday()): SecretExpiryStatus {
  const days = daysLeft(expiry, today);
  return { daysLeft: days, level: expiryLevel(days) };
}

/** A profile whose secret needs attention, for the start-up notification and the list's badge. */
export interface ExpiryNotice {
  profileId: string;
  name: string;
  secretExpiry: string;
  daysLeft: number;
  level: Exclude<ExpiryLevel, 'ok'>;
}

/**
 * The profiles to warn about at start (warn30, warn7, expired), most urgent first. The desktop
 * entry turns each into a notification; the texts come from i18n, keyed by `level`.
 */
export function expiryNotices(
  profiles: ReadonlyArray<{ id: string; name: string; secretExpiry?: string | undefined }>,
  today: string = utcToday(),
): ExpiryNotice[] {
  const notices: ExpiryNotice[] = [];
  for (const p of profiles) {
    if (!p.secretExpiry) continue;
    const { daysLeft: days, level } = secretExpiryStatus(p.secretExpiry, today);
    if (level !== 'ok') notices.push({ profileId: p.id, name: p.name, secretExpiry: p.secretExpiry, daysLeft: days, level });
  }
  return notices.sort((a, b) => a.daysLeft - b.daysLeft);
}
