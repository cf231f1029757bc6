/**
 * Dates and times in the user's language (issue 12: not US style in every language). The
 * language is i18next's current one, so a German user reads "01.12.2026, 09:00:00" and a
 * Taiwanese one "2026/12/1 上午9:00:00". A value that is not a date is shown as it came.
 */
export function formatDateTime(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(d);
}

/** The day only, in the user's language. */
export function formatDate(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(d);
}
