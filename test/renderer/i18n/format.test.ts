import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, localizeDates } from '../../../renderer/i18n/format';

// Midday UTC: the same calendar day in every time zone the tests may run in.
const NOON = '2026-12-01T12:00:00.000Z';

describe('dates and times in the user\'s language', () => {
  it.each([
    ['de', /01\.12\.2026/],
    ['fr', /1 déc\. 2026/],
    ['nl', /1 dec 2026/],
    ['it', /1 dic 2026/],
    ['zh-TW', /2026年12月1日/],
    ['en', /Dec 1, 2026/],
  ])('%s', (lng, day) => {
    expect(formatDate(NOON, lng)).toMatch(day);
    expect(formatDateTime(NOON, lng)).toMatch(day);
  });

  it('not US style outside English', () => {
    expect(formatDateTime(NOON, 'de')).not.toMatch(/12\/1\/2026/);
    expect(formatDateTime(NOON, 'de')).not.toMatch(/PM|AM/);
  });

  it('shows a value that is not a date as it came', () => {
    expect(formatDate('soon', 'de')).toBe('soon');
  });
});

describe('a bare day (the Expiry Date) and the values of a text', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('a bare day stays that day west of UTC (not UTC midnight shown as the day before)', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(formatDate('2027-03-31', 'de')).toBe('31.03.2027');
    expect(formatDate('2027-03-31', 'en')).toBe('Mar 31, 2027');
  });

  it('writes every ISO day and date-time among the placeholder values in the language, and leaves the rest', () => {
    const values = localizeDates({ expiry: '2027-03-31', at: '2026-12-01T12:00:00.000Z', days: 12, mailbox: 'no-reply@contoso.com', reply: '535 5.7.139 2026-12-01' }, 'de');
    expect(values.expiry).toBe('31.03.2027');
    expect(values.at).toMatch(/^01\.12\.2026, \d{2}:00:00$/);
    expect(values.days).toBe(12);
    expect(values.mailbox).toBe('no-reply@contoso.com');
    expect(values.reply).toBe('535 5.7.139 2026-12-01'); // a quoted reply is evidence, quoted as it came
    for (const text of Object.values(localizeDates({ expiry: '2027-03-31', at: '2026-12-01T12:00:00Z' }, 'zh-TW'))) expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
