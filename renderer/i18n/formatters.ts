/*
 * Intl formatters kept per language and options. Building one costs far more than using it
 * (ICU loads the locale's patterns): the Profiles screen writes three dates and an age per row,
 * and 50 rows building their own took about 40 ms of its first draw (issue 16.2).
 */

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const relativeTimeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** The DateTimeFormat for `language` and `options`, built once. */
export function dateTimeFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}\u0000${JSON.stringify(options)}`;
  let f = dateTimeFormats.get(key);
  if (!f) dateTimeFormats.set(key, (f = new Intl.DateTimeFormat(language, options)));
  return f;
}

/** The RelativeTimeFormat for `language` and `options`, built once. */
export function relativeTimeFormat(language: string, options: Intl.RelativeTimeFormatOptions): Intl.RelativeTimeFormat {
  const key = `${language}\u0000${JSON.stringify(options)}`;
  let f = relativeTimeFormats.get(key);
  if (!f) relativeTimeFormats.set(key, (f = new Intl.RelativeTimeFormat(language, options)));
  return f;
}
