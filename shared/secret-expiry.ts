/**
 * THE rule for a client secret's Expiry Date, used by the input check (SECRET_EXPIRED /
 * SECRET_EXPIRING_SOON), the profile list and start-up warnings (electron/core/profiles/expiry.ts)
 * and the practice token endpoint (electron/practice/token-issuer.ts):
 *
 *   The Expiry Date is a calendar day in UTC: the date part of Entra's `endDateTime` (an instant),
 *   which is what the wizard stores and what ISE's "Expiry Date" field holds. The secret counts as
 *   valid through the whole of that day and as expired from 00:00:00Z on the day after.
 *   Days left = Expiry Date − today (UTC): 0 on the day itself ("expires today"), −1 the day after.
 *
 * Why this way round: the day alone does not say at which instant of it Entra stops accepting the
 * secret, so on the day itself the check warns (urgently) instead of calling it expired; if Entra
 * has already stopped, the token request says so itself (AADSTS7000222 → TOKEN_SECRET_EXPIRED).
 */

const DAY_MS = 86_400_000;

/** Today's date in UTC, YYYY-MM-DD (the calendar the Expiry Date is written in). */
export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The first instant (ms) at which a secret with this Expiry Date counts as expired. */
export function secretExpiredFrom(expiry: string): number {
  return Date.parse(`${expiry}T00:00:00Z`) + DAY_MS;
}

/** Whether a secret with this Expiry Date counts as expired at `now`. */
export function isSecretExpired(expiry: string, now: Date | number): boolean {
  return (typeof now === 'number' ? now : now.getTime()) >= secretExpiredFrom(expiry);
}

/** Whole days from `today` (YYYY-MM-DD) to the Expiry Date: 0 on the day itself, negative after. */
export function secretDaysLeft(expiry: string, today: string): number {
  return Math.round((Date.parse(`${expiry}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}
