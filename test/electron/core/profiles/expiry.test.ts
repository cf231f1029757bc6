import { describe, expect, it } from 'vitest';
import { checkInputs } from '../../../../electron/core/diagnostics/input-checks';
import { daysLeft, expiryLevel, expiryNotices, secretExpiryStatus } from '../../../../electron/core/profiles/expiry';
import { utcToday } from '../../../../shared/secret-expiry';

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

  // One rule (shared/secret-expiry.ts) for the list, the warnings and the input check.
  it('the expiry day itself is warn7 with 0 days left, the day after is expired, as the input check says', () => {
    expect(secretExpiryStatus('2026-12-01', '2026-12-01')).toEqual({ daysLeft: 0, level: 'warn7' });
    expect(secretExpiryStatus('2026-12-01', '2026-12-02')).toEqual({ daysLeft: -1, level: 'expired' });
    const input = { tenantId: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', clientId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', mailbox: 'no-reply@contoso.onmicrosoft.com', secretExpiry: '2026-12-01' };
    for (const iso of ['2026-11-30T23:59:59.999Z', '2026-12-01T00:00:00.000Z', '2026-12-01T23:59:59.999Z', '2026-12-02T00:00:00.000Z', '2026-12-03T08:00:00Z']) {
      const now = new Date(iso);
      const listed = secretExpiryStatus('2026-12-01', utcToday(now));
      const checked = checkInputs(input, now).map((f) => f.code);
      expect({ iso, expired: listed.level === 'expired' }).toEqual({ iso, expired: checked.includes('SECRET_EXPIRED') });
    }
  });

  it('counts days in UTC by default, the calendar Entra\'s endDateTime is cut to', () => {
    expect(daysLeft(utcToday())).toBe(0);
    expect(utcToday(new Date('2026-12-01T23:30:00-05:00'))).toBe('2026-12-02');
  });
});
