import { describe, expect, it } from 'vitest';
import { formatIseTime } from '../../../renderer/troubleshoot/iseTime';

// Issue 13 point 8: ISE's log times in the user's language, as the node wrote them.
const T = '2026-02-09 03:24:58,658';

describe('ISE log times in the user\'s language', () => {
  it.each([
    ['de', '09.02.2026, 03:24:58'],
    ['nl', '09-02-2026, 03:24:58'],
    ['fr', '09/02/2026 03:24:58'],
    ['it', '09/02/2026, 03:24:58'],
    ['en', '02/09/2026, 03:24:58 AM'],
  ])('%s', (lng, expected) => {
    expect(formatIseTime(T, lng)).toBe(expected);
  });

  it('zh-TW writes the year first', () => {
    expect(formatIseTime(T, 'zh-TW')).toMatch(/^2026\/02\/09/);
  });

  it('keeps the node\'s wall-clock time whatever this machine\'s zone (no shift)', () => {
    expect(formatIseTime('2026-02-02 23:59:59,999', 'de')).toBe('02.02.2026, 23:59:59');
  });

  it('shows milliseconds when asked (the timeline orders by them)', () => {
    expect(formatIseTime(T, 'de', { milliseconds: true })).toBe('09.02.2026, 03:24:58,658');
  });

  it('shows what is not an ISE time as it came', () => {
    expect(formatIseTime('', 'de')).toBe('');
    expect(formatIseTime('yesterday', 'de')).toBe('yesterday');
    expect(formatIseTime('2026-02-31 10:00:00,000', 'de')).toBe('2026-02-31 10:00:00,000');
  });
});
