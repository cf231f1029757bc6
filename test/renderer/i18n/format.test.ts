import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../../../renderer/i18n/format';

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
