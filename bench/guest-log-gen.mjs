// Generates guest.log files of a chosen event density for the analyzer's benchmark and tests.
//
// The events are the guide's own log lines: the entries of test/fixtures/guest-log/ (Cisco's
// guide, /work/shared/reference/guide.*.txt, prints them cut by the PDF's page width; the
// fixtures hold them whole), repeated in file order with fresh, rising timestamps. An entry is an
// event when the analyzer's prefilter matches it (the same test `grep -cE` makes); the others,
// and the portal chatter below, are the noise. `density` is the share of lines that belong to
// event entries: 1 is a log where every line is an event of the send path (the guest component at
// DEBUG during a test connection, sends and the guide's failures), 0 is chatter only.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(root, 'test/fixtures/guest-log');
const HEADER = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:[,.]\d{1,3})?/;

/** Portal chatter of a busy PSN: none of it mentions the send path. */
const NOISE = [
  'DEBUG [http-nio-8443-exec-4][[]] cpm.guestaccess.flowmanager.step.StepExecutor -:10.1.2.6:0a0a0a0a0004::::- Executing step: LOGIN_STEP for portal 1f2e3d4c-5b6a-7980-a1b2-c3d4e5f60718',
  'DEBUG [http-nio-8443-exec-2][[]] cpm.guestaccess.flowmanager.processor.PortalStepController -:10.1.2.4:0a0a0a0a0002::::- Flow state changed from INIT to AUP, flowType=SELF_REG',
  'DEBUG [http-nio-8443-exec-1][[]] cpm.guestaccess.apiservices.authentication.GuestUserAuthenticator -:10.1.2.3:0a0a0a0a0001::::- Guest user lookup by username guest-4821 returned 1 record(s)',
  'DEBUG [MnT-AlarmWorkerMail-Threadpool-0][[]] cpm.guestaccess.apiservices.util.SmtpSession -:::::- Setting MailSessionProperties',
  'DEBUG [MnT-AlarmWorkerMail-Threadpool-0][[]] cpm.guestaccess.apiservices.util.SmtpSession -:::::- Set the FQDN : sa-ise35-1.poongarg.local',
  'DEBUG [GuestGracePeriodManagerThread][[]] cpm.guestaccess.apiservices.guest.GuestGracePeriodManager -:----: Waiting for:20000 ms',
  'INFO   [http-nio-8443-exec-7][[]] cpm.admin.guestaccess.action.SponsorPortalAction -:10.1.2.9:0a0a0a0a0009::::- Sponsor group membership evaluated: ALL_ACCOUNTS (default) matched',
  'DEBUG [http-nio-8443-exec-3][[]] cpm.guestaccess.apiservices.guestaccess.GuestAccessSessionManager -:10.1.2.5:0a0a0a0a0003::::- Validating guest type Contractor (default) against access time rules',
];

function fixtureFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? fixtureFiles(path.join(dir, d.name)) : d.name.endsWith('.log') || /^guest\.log(\.\d+)?$/.test(d.name) ? [path.join(dir, d.name)] : []))
    .sort();
}

/** The fixtures' entries (a timestamped line and its continuation lines), without their timestamps. */
function fixtureEntries() {
  const entries = [];
  for (const file of fixtureFiles(FIXTURES)) {
    let current = null;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const m = HEADER.exec(line);
      if (m) {
        current = { head: line.slice(m[0].length), lines: [] };
        entries.push(current);
      } else if (current && line !== '') current.lines.push(line);
    }
  }
  return entries;
}

/**
 * The event and noise entries, each as a function of its timestamp.
 * @param {RegExp} prefilter the analyzer's prefilter (createPrefilter()), which decides what is an event
 */
export function entrySets(prefilter) {
  const events = [];
  const noise = NOISE.map((head) => ({ head: ` ${head}`, lines: [] }));
  for (const e of fixtureEntries()) {
    const text = [e.head, ...e.lines].join('\n');
    (prefilter.test(text) ? events : noise).push(e);
  }
  return { events, noise };
}

/**
 * What varies between two sends in a real log besides time and thread: the durations ISE logs and
 * the time inside Exchange's bracketed reply suffix. Varied here so that the analyzer's memo of
 * entries seen before (entry-memo.ts) meets them as a real log would, not as exact repeats.
 */
function vary(text, k, iso) {
  return text
    .replace(/(call is )(\d+)/g, (_, p) => `${p}${3000 + ((k * 7919) % 9000)}`)
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z/g, iso);
}

function stamp(ms) {
  const iso = new Date(Date.UTC(2026, 1, 2) + ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)},${iso.slice(20, 23)}`;
}

/**
 * Writes a guest.log of about `sizeMb` MB where `density` (0 … 1) of the lines belong to events.
 * Deterministic: the same arguments give the same bytes.
 * @returns {{ bytes: number, lines: number, eventLines: number }}
 */
export function writeGuestLog({ file, sizeMb, density, prefilter }) {
  const { events, noise } = entrySets(prefilter);
  const target = Math.round(sizeMb * 1024 * 1024);
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  let lines = 0;
  let eventLines = 0;
  let t = 0;
  let ei = 0;
  let ni = 0;
  const parts = [];
  let pending = 0;
  try {
    while (bytes < target) {
      // Keep the event share of lines at `density`: the next entry is an event while below it.
      const takeEvent = density > 0 && (density >= 1 || eventLines <= density * lines);
      const e = takeEvent ? events[ei++ % events.length] : noise[ni++ % noise.length];
      t += 3;
      const body = `${e.head}\n${e.lines.length ? e.lines.join('\n') + '\n' : ''}`;
      const text = stamp(t) + (takeEvent ? vary(body, ei, new Date(Date.UTC(2026, 1, 2) + t).toISOString()) : body);
      const n = 1 + e.lines.length;
      lines += n;
      if (takeEvent) eventLines += n;
      parts.push(text);
      pending += text.length;
      if (pending >= 1 << 20) {
        const buf = Buffer.from(parts.join(''));
        fs.writeSync(fd, buf);
        bytes += buf.length;
        parts.length = 0;
        pending = 0;
      }
    }
    if (parts.length) {
      const buf = Buffer.from(parts.join(''));
      fs.writeSync(fd, buf);
      bytes += buf.length;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { bytes, lines, eventLines };
}
