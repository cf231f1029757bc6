import { describe, expect, it } from 'vitest';
import { expiryReminderIcs, foldIcsLine } from '../../../../electron/core/export/ics';

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
