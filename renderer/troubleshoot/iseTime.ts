const ISE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:[,.](\d{1,3}))?$/;

/**
 * An ISE log timestamp (`2026-02-02 05:17:34,608`) in the user's language. ISE writes the
 * node's wall-clock time without a zone, so it is shown as written, never shifted into this
 * machine's zone (formatted as UTC from its own fields). Anything else is shown as it came.
 */
export function formatIseTime(text: string, language: string, options: { milliseconds?: boolean } = {}): string {
  const m = ISE_TIME.exec(text.trim());
  if (!m) return text;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  // 2026-02-31 is no date: show the text rather than 3 March.
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return text;
  return new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    ...(options.milliseconds ? { fractionalSecondDigits: 3 as const } : {}),
  }).format(date);
}
