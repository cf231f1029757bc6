import { addDays, localToday } from '../profiles/expiry';

/** The reminder goes into the calendar this many days before expiry. */
export const REMINDER_DAYS_BEFORE = 30;

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
