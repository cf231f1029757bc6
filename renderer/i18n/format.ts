import { dateTimeFormat } from './formatters';

/**
 * Dates and times in the user's language (issue 12: not US style in every language). The
 * language is i18next's current one, so a German user reads "01.12.2026, 09:00:00" and a
 * Taiwanese one "2026/12/1 上午9:00:00". A value that is not a date is shown as it came.
 */
export function formatDateTime(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(d);
}

/** A calendar day with no time ("2027-03-31", the secret's Expiry Date): the same day in every time zone. */
const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
const DAY_IN_UTC: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };

/**
 * The day only, in the user's language. A bare day is read as that calendar day (not as UTC
 * midnight, which a time zone west of UTC would show as the day before).
 */
export function formatDate(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateTimeFormat(language, DAY_ONLY.test(iso) ? DAY_IN_UTC : DAY).format(d);
}

/** An ISO 8601 date-time as main sends it ("2026-12-01T09:00:00.000Z", with or without seconds or zone). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Placeholder values for a text, with every value that is an ISO day or date-time written in the
 * user's language: a finding's {{expiry}} or a result's date reads "31.03.2027" in German, not
 * "2027-03-31". Other values pass unchanged.
 */
export function localizeDates<T extends Record<string, unknown>>(values: T, language: string): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    out[key] = typeof value !== 'string' ? value : DAY_ONLY.test(value) ? formatDate(value, language) : DATE_TIME.test(value) ? formatDateTime(value, language) : value;
  }
  return out as T;
}
