import { describe, expect, it } from 'vitest';
import { daysLeft, expiryLevel, expiryNotices, secretExpiryStatus } from '../../../../electron/core/profiles/expiry';

describe('secret expiry', () => {
  it('counts whole days, 0 on the day itself and negative after', () => {
    expect(daysLeft('2026-12-31', '2026-12-01')).toBe(30);
    expect(daysLeft('2026-03-01', '2026-02-28')).toBe(1);
    expect(daysLeft('2026-01-10', '2026-01-10')).toBe(0);
    expect(daysLeft('2026-01-09', '2026-01-10')).toBe(-1);
  });

  it('levels: ok above 30, warn30 from 30, warn7 from 7 (and on the day), expired after', () => {
    expect(expiryLevel(31)).toBe('ok');
    expect(expiryLevel(30)).toBe('warn30');
    expect(expiryLevel(8)).toBe('warn30');
    expect(expiryLevel(7)).toBe('warn7');
    expect(expiryLevel(0)).toBe('warn7');
    expect(expiryLevel(-1)).toBe('expired');
    expect(secretExpiryStatus('2027-01-01', '2026-12-25')).toEqual({ daysLeft: 7, level: 'warn7' });
  });
});

describe('expiryNotices (start-up notification)', () => {
  it('lists only profiles at warn30, warn7 or expired, most urgent first', () => {
    const notices = expiryNotices(
      [
        { id: 'a', name: 'Fine', secretExpiry: '2027-06-01' },
        { id: 'b', name: 'Soon', secretExpiry: '2026-12-20' },
        { id: 'c', name: 'Gone', secretExpiry: '2026-11-01' },
        { id: 'd', name: 'Unknown' },
        { id: 'e', name: 'Urgent', secretExpiry: '2026-12-05' },
      ],
      '2026-12-01',
    );
    expect(notices.map((n) => [n.name, n.daysLeft, n.level])).toEqual([
      ['Gone', -30, 'expired'],
      ['Urgent', 4, 'warn7'],
      ['Soon', 19, 'warn30'],
    ]);
  });
});
