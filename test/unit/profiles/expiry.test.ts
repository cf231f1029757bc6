import { describe, expect, it } from 'vitest';
import { daysLeft, expiryLevel, expiryNotices, expiryReminderIcs, foldIcsLine, secretExpiryStatus } from '../../../electron/core/profiles/expiry';

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

describe('the .ics reminder', () => {
  const input = {
    profileId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    profileName: 'Contoso, HQ; main',
    customer: 'Contoso Ltd — 東京支社',
    mailbox: 'no-reply@contoso.onmicrosoft.com',
    tenantId: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
    clientId: '11111111-2222-4333-8444-555555555555',
    secretExpiry: '2027-03-31',
  };
  const now = new Date(2026, 10, 20, 12, 0, 0);
  const ics = expiryReminderIcs(input, now);

  it('is a VCALENDAR with one VEVENT and a VALARM, CRLF line ends only', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const order = ['BEGIN:VEVENT', 'BEGIN:VALARM', 'ACTION:DISPLAY', 'END:VALARM', 'END:VEVENT'].map((s) => ics.indexOf(s));
    expect(order.every((i, n) => i > 0 && (n === 0 || i > order[n - 1]!))).toBe(true);
  });

  it('falls on the day 30 days before expiry, all day', () => {
    expect(ics).toContain('DTSTART;VALUE=DATE:20270301\r\n');
    expect(ics).toContain('DTEND;VALUE=DATE:20270302\r\n');
    expect(ics).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
  });

  it('when that day has passed, falls on today', () => {
    const late = expiryReminderIcs({ ...input, secretExpiry: '2026-12-01' }, now);
    expect(late).toContain('DTSTART;VALUE=DATE:20261120\r\n');
  });

  it('escapes TEXT values and folds lines at 75 octets without splitting a character', () => {
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:Rotate the ISE SMTP OAuth client secret: Contoso\\, HQ\\; main (Contoso Ltd — 東京支社)');
    expect(unfolded).toMatch(/DESCRIPTION:.*expires on 2027-03-31\.\\nMailbox/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const folded = foldIcsLine(`X:${'é'.repeat(100)}`);
    for (const part of folded.split('\r\n')) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      expect(part).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(`X:${'é'.repeat(100)}`);
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
