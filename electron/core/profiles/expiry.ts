import type { ExpiryLevel, SecretExpiryStatus } from '../../../shared/contract/profiles';

/** Warn this many days ahead, as ISE's "SMTP OAuth Client Secret about to be expired" alarm does. */
export const WARN_DAYS = 30;
export const URGENT_DAYS = 7;
/** The reminder goes into the calendar this many days before expiry. */
export const REMINDER_DAYS_BEFORE = 30;

const DAY_MS = 86_400_000;

/** Today's date on this machine's calendar, YYYY-MM-DD (the engineer's day, not UTC's). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

function addDays(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `today` to the expiry date: 0 on the day itself, negative after. */
export function daysLeft(expiry: string, today: string = localToday()): number {
  return dayNumber(expiry) - dayNumber(today);
}

/** ok → warn30 (≤ 30 days) → warn7 (≤ 7 days, including the expiry day) → expired (after it). */
export function expiryLevel(days: number): ExpiryLevel {
  if (days < 0) return 'expired';
  if (days <= URGENT_DAYS) return 'warn7';
  if (days <= WARN_DAYS) return 'warn30';
  return 'ok';
}

export function secretExpiryStatus(expiry: string, today: string = localToday()): SecretExpiryStatus {
  const days = daysLeft(expiry, today);
  return { daysLeft: days, level: expiryLevel(days) };
}

/** A profile whose secret needs attention, for the start-up notification and the list's badge. */
export interface ExpiryNotice {
  profileId: string;
  name: string;
  secretExpiry: string;
  daysLeft: number;
  level: Exclude<ExpiryLevel, 'ok'>;
}

/**
 * The profiles to warn about at start (warn30, warn7, expired), most urgent first. The desktop
 * entry turns each into a notification; the texts come from i18n, keyed by `level`.
 */
export function expiryNotices(
  profiles: ReadonlyArray<{ id: string; name: string; secretExpiry?: string | undefined }>,
  today: string = localToday(),
): ExpiryNotice[] {
  const notices: ExpiryNotice[] = [];
  for (const p of profiles) {
    if (!p.secretExpiry) continue;
    const { daysLeft: days, level } = secretExpiryStatus(p.secretExpiry, today);
    if (level !== 'ok') notices.push({ profileId: p.id, name: p.name, secretExpiry: p.secretExpiry, daysLeft: days, level });
  }
  return notices.sort((a, b) => a.daysLeft - b.daysLeft);
}

export interface ReminderInput {
  profileId: string;
  profileName: string;
  customer?: string;
  mailbox: string;
  tenantId: string;
  clientId: string;
  secretExpiry: string;
}

/** RFC 5545 §3.3.11 TEXT escaping. */
function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n|\r/g, '\\n');
}

/**
 * RFC 5545 §3.1 line folding: lines of at most 75 octets, continued with CRLF + one space,
 * never splitting a UTF-8 character.
 */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

function utcStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * A calendar reminder to rotate the client secret and update ISE, 30 days before it expires
 * (or today, when that day has passed). An all-day event with a display alarm at 09:00.
 */
export function expiryReminderIcs(input: ReminderInput, now: Date = new Date()): string {
  const today = localToday(now);
  const planned = addDays(input.secretExpiry, -REMINDER_DAYS_BEFORE);
  const day = planned < today ? today : planned;
  const who = input.customer ? `${input.profileName} (${input.customer})` : input.profileName;
  const summary = `Rotate the ISE SMTP OAuth client secret: ${who}`;
  const description = [
    `The client secret of app ${input.clientId} (tenant ${input.tenantId}) expires on ${input.secretExpiry}.`,
    `Mailbox: ${input.mailbox}.`,
    'Entra admin center > App registrations > Certificates & secrets: add a new client secret and copy its Value.',
    'Then in ISE (Administration > System > Settings > SMTP Server) enter the new Client Secret and Expiry Date, run Test Connection and save.',
    'Finally store the new secret in ise-smtp-oauth and run the verification again.',
  ].join('\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ise-smtp-oauth//Secret expiry reminder//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${input.profileId}-secret-expiry-${input.secretExpiry}@ise-smtp-oauth`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;VALUE=DATE:${day.replace(/-/g, '')}`,
    `DTEND;VALUE=DATE:${addDays(day, 1).replace(/-/g, '')}`,
    `SUMMARY:${icsText(summary)}`,
    `DESCRIPTION:${icsText(description)}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER;RELATED=START:PT9H',
    `DESCRIPTION:${icsText(summary)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
