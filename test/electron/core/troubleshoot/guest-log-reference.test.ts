import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogAnalysis } from '../../../../shared/contract/troubleshoot';
import {
  analyzeGuestLogs,
  bufferInput,
  createPrefilter,
  GuestLogAnalysis,
  MAX_ENTRY_CHARS,
  MAX_ENTRY_LINES,
  MAX_LINE_DECODE_BYTES,
  PREFILTER_FRAGMENTS,
  PREFILTER_SEARCH,
  type LogInput,
  type RawEntry,
} from '../../../../electron/core/troubleshoot/guest-log';
import { isHeaderAt, parseHeader } from '../../../../electron/core/troubleshoot/guest-log/line';
import { writeGuestLog } from '../../../../bench/guest-log-gen.mjs';

/**
 * The fast path (byte search, decode only around hits) against a naive reference that splits
 * every line, groups entries, tests each entry's region with the prefilter RegExp and decodes
 * everything: both must give the same analysis.
 */

const FIXTURES = path.join(__dirname, '../../../fixtures/guest-log');
const fixtureNames = fs.readdirSync(FIXTURES).filter((n) => n.endsWith('.log'));

/** The naive reading of one file: every line split, every entry built, the prefilter RegExp per line. */
function referenceEntries(data: Buffer): RawEntry[] {
  const latin1 = data.toString('latin1');
  const rawLines = latin1.split('\n');
  if (rawLines[rawLines.length - 1] === '') rawLines.pop(); // the file ends with a newline
  const prefilter = createPrefilter();
  // Each line's head only: MAX_LINE_DECODE_BYTES bytes, less the bytes of a UTF-8 sequence the cut would split (at most 3).
  const head = (line: string) => {
    if (line.length <= MAX_LINE_DECODE_BYTES) return line;
    let cut = MAX_LINE_DECODE_BYTES;
    for (let k = 0; k < 3 && (line.charCodeAt(cut) & 0xc0) === 0x80; k++) cut--;
    return line.slice(0, cut);
  };
  const decode = (line: string) => Buffer.from(head(line.endsWith('\r') ? line.slice(0, -1) : line), 'latin1').toString('utf8');
  const groups: string[][] = [];
  rawLines.forEach((line, i) => {
    if (i === 0 || isHeaderAt(line, 0)) groups.push([line]);
    else groups[groups.length - 1]!.push(line);
  });
  const entries: RawEntry[] = [];
  for (const group of groups) {
    const region = group.slice(0, MAX_ENTRY_LINES + 1);
    if (!region.some((line) => prefilter.test(line))) continue;
    const first = decode(group[0]!);
    const header = isHeaderAt(group[0]!, 0) ? parseHeader(first) : { time: '', level: '', thread: '', logger: '', message: first };
    const lines: string[] = [];
    let chars = 0;
    for (const raw of region.slice(1)) {
      if (chars >= MAX_ENTRY_CHARS) break;
      const line = decode(raw);
      lines.push(line);
      chars += line.length;
    }
    entries.push({ header, lines });
  }
  return entries;
}

function referenceAnalysis(files: { name: string; data: Buffer }[]): LogAnalysis {
  const analysis = new GuestLogAnalysis();
  for (const { name, data } of files) {
    analysis.beginSource(name);
    analysis.addBytes(data.length);
    for (const entry of referenceEntries(data)) analysis.addEntry(entry);
  }
  return analysis.finish();
}

/** The input in chunks of `size` bytes (entries and lines split across chunks). */
function chunked(name: string, data: Buffer, size: number): LogInput {
  return {
    name,
    open: async function* () {
      for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
    },
  };
}

const withoutTiming = (a: LogAnalysis) => ({ ...a, stats: { ...a.stats, durationMs: 0 } });

const TS = (n: number) => `2026-03-01 10:${String(Math.floor(n / 60) % 60).padStart(2, '0')}:${String(n % 60).padStart(2, '0')},${String(n % 1000).padStart(3, '0')}`;
const SS = 'cpm.guestaccess.apiservices.util.SmtpSession';
const R = 'cpm.guestaccess.apiservices.util.SmtpMsgRetryThreadUtil';

/** A log with every kind of event, failures with long stack traces, noise, CRLF and non-UTF-8 bytes. */
function generatedLog(): Buffer {
  const parts: string[] = ['\tat a.b.C.orphan(C.java:1) before any timestamp: connect timed out\n', 'Caused by: nothing\n'];
  const fixtures = fixtureNames.map((n) => fs.readFileSync(path.join(FIXTURES, n), 'utf8'));
  for (let n = 0; n < 400; n++) {
    const t = TS(n);
    switch (n % 9) {
      case 0:
        parts.push(fixtures[Math.floor(n / 9) % fixtures.length]!.replace(/\r?\n?$/, '\n'));
        break;
      case 1:
        parts.push(`${t} DEBUG [http-nio-8443-exec-${n}][[]] ${SS} -::admin:::- Setting MailSessionProperties\n`);
        break;
      case 2: {
        // A trace longer than the region: the fragment at line 70 must not count, the one at line 3 must.
        const early = n % 2 === 0;
        parts.push(`${t} ERROR [admin-http-pool${n}][[]] ${SS} -::admin:::- something failed\n`);
        for (let k = 1; k <= 80; k++) parts.push(k === (early ? 3 : 70) ? '\tat javax.mail.Transport.send: 535 5.7.3 Authentication unsuccessful\n' : `\tat com.example.Frame${k}.run(Frame.java:${k})\n`);
        break;
      }
      case 3:
        parts.push(`${t} INFO   [admin-http-pool${n}][[]] ${R} -::sponsor:::- submitMailMsgJob: Time taken for transport.sendMessage() call is ${n * 97} Milli Seconds.\r\n`);
        break;
      case 4:
        parts.push(`${t} INFO   [admin-http-pool${n}][[]] ${R} -::sponsor:::- sendMailMessage: Future.get status: ${n % 4 === 0 ? 'failed' : 'success'} Time taken for Future.get method call is ${n * 131} Milliseconds.\n`);
        break;
      case 5:
        parts.push(`${t} ERROR [admin-http-pool${n}][[]] cpm.guestaccess.apiservices.oauth.ExchangeOnlineProvider -::admin:::- Error acquiring token: AADSTS700016: Application not found ${'\u00e9'}\n`);
        break;
      case 6:
        parts.push(`${t} INFO   [http-nio-8443-exec-${n}][[]] cpm.guestaccess.flowmanager.step.StepExecutor -::10.1.2.${n}::::- Executing step: LOGIN_STEP 4.5.6.7\n`);
        break;
      case 7:
        parts.push(`${t} DEBUG [admin-http-pool${n}][[]] ${SS} -::admin:::- SMTP settings : Username : u${n % 3}@contoso.com Port : 587 timeout : 60 isSSLEnabled: true isAuthEnabled true Server: smtp.office365.com\n`);
        break;
      default:
        parts.push(`${t} ERROR [admin-http-pool${n}][[]] ${SS} -::admin:::- MessagingException : com.sun.mail.util.MailConnectException: Couldn't connect to host\nnested exception is:\n\tjava.net.SocketTimeoutException: connect timed out\n`);
    }
  }
  const text = Buffer.from(parts.join(''), 'utf8');
  // A non-UTF-8 byte inside a failure and a truncated last line.
  return Buffer.concat([text, Buffer.from([0xff, 0xfe]), Buffer.from(`\n${TS(999)} ERROR [t][[]] ${SS} -::a:::- PKIX path building fail`)]);
}

describe('guest.log analyzer: the fast path equals the naive reference', () => {
  it('on every fixture, in one piece and in small chunks', async () => {
    expect(fixtureNames.length).toBeGreaterThan(5);
    for (const name of fixtureNames) {
      const data = fs.readFileSync(path.join(FIXTURES, name));
      const expected = withoutTiming(referenceAnalysis([{ name, data }]));
      expect(expected.timeline.length, name).toBeGreaterThan(0);
      for (const size of [data.length, 97, 1]) {
        expect({ name, size, a: withoutTiming(await analyzeGuestLogs([chunked(name, data, size)])) }).toEqual({ name, size, a: expected });
      }
    }
  });

  it('on a generated log with every event kind, long traces, orphan lines, CRLF and bad bytes, whatever the chunking', async () => {
    const data = generatedLog();
    const expected = withoutTiming(referenceAnalysis([{ name: 'gen.log', data }]));
    // The log holds what it claims to hold.
    const kinds = new Set(expected.timeline.map((e) => e.kind));
    for (const kind of ['mail-job-submitted', 'transport-send', 'send-success', 'send-failed', 'smtp-settings', 'test-connection', 'token-acquired', 'token-cached', 'smtp-connected', 'save-started', 'settings-saved', 'failure']) {
      expect(kinds, kind).toContain(kind);
    }
    expect(expected.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['NET_CONNECT_TIMEOUT', 'TOKEN_APP_NOT_FOUND', 'SMTP_AUTH_REJECTED', 'TLS_UNTRUSTED_CHAIN']));
    expect(withoutTiming(await analyzeGuestLogs([bufferInput('gen.log', data)]))).toEqual(expected);
    for (const size of [4096, 1000, 333, 64]) {
      expect({ size, a: withoutTiming(await analyzeGuestLogs([chunked('gen.log', data, size)])) }).toEqual({ size, a: expected });
    }
  });

  it('counts a fragment only within an entry\'s first MAX_ENTRY_LINES continuation lines', async () => {
    const header = `${TS(1)} ERROR [p][[]] ${SS} -::admin:::- something failed\n`;
    const trace = (at: number) => Array.from({ length: 80 }, (_, k) => (k + 1 === at ? '\tat x: connect timed out\n' : `\tat y.Z${k}(Z.java:1)\n`)).join('');
    const inside = await analyzeGuestLogs([bufferInput('in.log', Buffer.from(header + trace(MAX_ENTRY_LINES)))]);
    const outside = await analyzeGuestLogs([bufferInput('out.log', Buffer.from(header + trace(MAX_ENTRY_LINES + 1)))]);
    expect(inside.stats.entries).toBe(1);
    expect(outside.stats.entries).toBe(0);
  });
  it.each([0, 0.01, 0.1, 0.5, 1])('on the benchmark\'s generated log at %s event density (entries the memo knows are taken unsearched)', async (density) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guest-log-density-'));
    try {
      const file = path.join(dir, 'guest.log');
      writeGuestLog({ file, sizeMb: 1, density, prefilter: createPrefilter() });
      const data = fs.readFileSync(file);
      const expected = withoutTiming(referenceAnalysis([{ name: 'guest.log', data }]));
      if (density > 0) expect(expected.stats.entries).toBeGreaterThan(20);
      else expect(expected.stats.entries).toBe(0);
      for (const size of [data.length, 64 * 1024, 777]) {
        expect({ size, a: withoutTiming(await analyzeGuestLogs([chunked('guest.log', data, size)])) }).toEqual({ size, a: expected });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on lines of 40-200 KB (decoded up to MAX_LINE_DECODE_BYTES each, a UTF-8 sequence at the cut kept whole), whatever the chunking', async () => {
    const parts: string[] = [];
    for (let n = 0; n < 40; n++) {
      const fill = 'abcdefghij'.repeat(4000 + n * 400);
      // A 2-, 3- or 4-byte character right across the cut of a line, for some entries.
      const pad = 'x'.repeat(MAX_LINE_DECODE_BYTES - 120 + (n % 4));
      switch (n % 4) {
        case 0:
          parts.push(`${TS(n)} ERROR [admin-http-pool${n}][[]] ${SS} -::admin:::- Exception : javax.mail.AuthenticationFailedException: 535 5.7.3 Authentication unsuccessful ${pad}\u00e9\u20ac\u{1F600}${fill}\n`);
          break;
        case 1:
          // The fragment only past the cut: read (the prefilter saw it) but classified on the head.
          parts.push(`${TS(n)} DEBUG [admin-http-pool${n}][[]] ${SS} -::admin:::- ${fill} connect timed out\n\tat a.B.c(B.java:1) ${fill}\n`);
          break;
        case 2:
          parts.push(`${TS(n)} INFO   [admin-http-pool${n}][[]] ${R} -::sponsor:::- sendMailMessage: Future.get status: success Time taken for Future.get method call is ${n * 131} Milliseconds. ${fill}\r\n`);
          break;
        default:
          parts.push(`${TS(n)} ERROR [admin-http-pool${n}][[]] ${SS} -::admin:::- something failed ${fill}\n\tat x ${pad}\u20ac${fill}\n\tat javax.mail.Transport.send: 535 5.7.3 Authentication unsuccessful ${fill}\n`);
      }
    }
    const data = Buffer.from(parts.join(''), 'utf8');
    const expected = withoutTiming(referenceAnalysis([{ name: 'long.log', data }]));
    expect(expected.stats.entries).toBe(40);
    expect(expected.sends.success).toBe(10);
    expect(expected.findings.find((f) => f.code === 'SMTP_AUTH_REJECTED')?.count).toBe(20);
    expect(expected.findings.find((f) => f.code === 'NET_CONNECT_TIMEOUT')).toBeUndefined();
    for (const size of [data.length, 64 * 1024, 4099]) {
      expect({ size, a: withoutTiming(await analyzeGuestLogs([chunked('long.log', data, size)])) }).toEqual({ size, a: expected });
    }
  });

  it('reads an entry that differs by one byte from the one that followed the same entry before (the memo\'s guess)', async () => {
    // A then B, A then B, ... then A then B2: B2 has B's length and differs in one digit, so only
    // the byte compare of the guessed successor can tell them apart.
    const a = `DEBUG [admin-http-pool1][[]] ${SS} -::admin:::- Calling Future.get.... Exception handler ready`;
    const b = (digit: string) => `ERROR [admin-http-pool1][[]] cpm.guestaccess.apiservices.oauth.ExchangeOnlineProvider -::admin:::- Error acquiring token: AADSTS${digit}0002: Tenant not found`;
    const lines: string[] = [];
    for (let n = 0; n < 300; n++) lines.push(`${TS(2 * n)} ${a}`, `${TS(2 * n + 1)} ${b(n % 7 === 6 ? '8' : '9')}`);
    const data = Buffer.from(lines.join('\n') + '\n');
    const expected = withoutTiming(referenceAnalysis([{ name: 'guess.log', data }]));
    expect(expected.stats.entries).toBe(600);
    expect(expected.findings.map((f) => f.code)).toContain('TOKEN_TENANT_NOT_FOUND');
    expect(expected.findings.find((f) => f.code === 'TOKEN_TENANT_NOT_FOUND')!.count).toBe(300 - Math.floor(300 / 7));
    expect(withoutTiming(await analyzeGuestLogs([bufferInput('guess.log', data)]))).toEqual(expected);
  });

  it('reads each send\'s own duration where the memo leaves durations out of its key (slow sends, odd digits, two durations in a line)', async () => {
    const lines: string[] = [];
    const durations = [97, 5123, 10_001, 0, 123456789, 1234567890, 12, 99_999, 7, 10_000];
    for (let n = 0; n < 400; n++) {
      const d = durations[n % durations.length]! + (n % 3);
      const t = TS(n);
      switch (n % 6) {
        case 0:
          lines.push(`${t} INFO   [admin-http-pool${n % 4}][[]] ${R} -::sponsor:::- submitMailMsgJob: Time taken for transport.sendMessage() call is ${d} Milli Seconds.`);
          break;
        case 1:
          lines.push(`${t} INFO   [admin-http-pool${n % 4}][[]] ${R} -::sponsor:::- sendMailMessage: Future.get status: success Time taken for Future.get method call is ${d} Milliseconds.`);
          break;
        case 2:
          // A failed send: its code comes from the error table, its duration still counts.
          lines.push(`${t} INFO   [admin-http-pool${n % 4}][[]] ${R} -::sponsor:::- sendMailMessage: Future.get status: failed 535 5.7.3 Authentication unsuccessful Time taken for Future.get method call is ${d} Milliseconds.`);
          break;
        case 3:
          // Two durations in one line: the RegExp reads the first, whose digits are in the key.
          lines.push(`${t} INFO   [admin-http-pool${n % 4}][[]] ${R} -::sponsor:::- Time taken for Future.get method call is 5 Milliseconds. Time taken for Future.get method call is ${n % 4 === 1 ? 5 : d} Milliseconds.`);
          break;
        case 4:
          lines.push(`${t} INFO   [admin-http-pool${n % 4}][[]] ${R} -::sponsor:::- submitMailMsgJob: Time taken for transport.sendMessage() call is ${d} Milli Seconds.\r`);
          break;
        default:
          // The duration in a continuation line: the entry is not one line, its duration stays in the key.
          lines.push(`${t} INFO   [admin-http-pool${n % 4}][[]] ${R} -::sponsor:::- sendMailMessage: Future.get status: success`, `\tTime taken for Future.get method call is ${d} Milliseconds.`);
      }
    }
    const data = Buffer.from(lines.join('\n') + '\n');
    const expected = withoutTiming(referenceAnalysis([{ name: 'durations.log', data }]));
    expect(expected.slowSendCount).toBeGreaterThan(50);
    expect(new Set(expected.timeline.map((e) => e.durationMs)).size).toBeGreaterThan(10);
    for (const size of [data.length, 1000, 77]) {
      expect({ size, a: withoutTiming(await analyzeGuestLogs([chunked('durations.log', data, size)])) }).toEqual({ size, a: expected });
    }
  });

  it('takes an entry by the memo\'s guess only where the scanner would end it (more lines, a 61st line, other successors, whatever the chunking)', async () => {
    // A known one-line entry, then the same first line with continuation lines after it; one with
    // exactly MAX_ENTRY_LINES lines and one with a line more; and A followed by B or C in turns,
    // so that A has more than one successor.
    // A's thread changes now and then (same length): the memo keeps an entry's last thread name.
    const a = (n: number) => `ERROR [admin-http-pool${Math.floor(n / 4) % 3}][[]] ${SS} -::admin:::- Exception : javax.mail.AuthenticationFailedException: 535 5.7.3 Authentication unsuccessful`;
    const b = `DEBUG [admin-http-pool2][[]] ${SS} -::admin:::- inside smtpServerSettings testConnection`;
    const c = `INFO   [admin-http-pool3][[]] ${R} -::sponsor:::- sendMailMessage: Future.get status: success`;
    const trace = (n: number, last: string) => Array.from({ length: n }, (_, k) => (k === n - 1 ? last : `\tat y.Z${k}(Z.java:1)`));
    const lines: string[] = [];
    for (let n = 0; n < 300; n++) {
      const t = TS(n);
      lines.push(`${t} ${a(n)}`);
      if (n % 5 === 1) lines.push('\tat javax.mail.Service.connect(Service.java:1): connect timed out');
      if (n % 11 === 3) lines.push(...trace(MAX_ENTRY_LINES, '\tat z.Last(Z.java:1)'));
      if (n % 13 === 4) lines.push(...trace(MAX_ENTRY_LINES + 1, '\tat z.Late(Z.java:1): PKIX path building failed'));
      lines.push(`${t} ${n % 3 === 0 ? b : c}`, ...(n % 3 === 2 ? [` Time taken for Future.get method call is ${(n * 37) % 100000} Milliseconds.`] : []));
    }
    const data = Buffer.from(lines.join('\n') + '\n');
    const expected = withoutTiming(referenceAnalysis([{ name: 'successors.log', data }]));
    expect(expected.findings.find((f) => f.code === 'SMTP_AUTH_REJECTED')?.count).toBe(300);
    expect(expected.findings.map((f) => f.code)).not.toContain('TLS_UNTRUSTED_CHAIN'); // past the region
    expect(expected.sends.success).toBeGreaterThan(90);
    for (const size of [data.length, 4096, 1000, 97]) {
      expect({ size, a: withoutTiming(await analyzeGuestLogs([chunked('successors.log', data, size)])) }).toEqual({ size, a: expected });
    }
  });

  it('does not count an entry like one whose only fragment was in its thread', async () => {
    // The memo keys an entry on its bytes without time and thread: a fragment in the thread
    // (PKIX here) must not make the same message on another thread count.
    const lines: string[] = [];
    for (let n = 0; n < 200; n++) {
      lines.push(`${TS(n)} ERROR [admin-http-pool1][[]] ${SS} -::admin:::- Exception : javax.mail.AuthenticationFailedException: 535 5.7.3 Authentication unsuccessful`);
      lines.push(`${TS(n)} DEBUG [${n % 2 === 0 ? 'PKIX-checker' : 'http-nio-8443-exec-2'}][[]] ${SS} -::admin:::- Setting MailSessionProperties`);
    }
    const data = Buffer.from(lines.join('\n') + '\n');
    const expected = withoutTiming(referenceAnalysis([{ name: 'thread.log', data }]));
    expect(expected.stats.entries).toBe(300);
    expect(withoutTiming(await analyzeGuestLogs([bufferInput('thread.log', data)]))).toEqual(expected);
  });
});

describe('guest.log prefilter: the byte search finds what the RegExp finds', () => {
  it('finds every start of a fragment or status code, and so every line the prefilter RegExp matches, on random text seeded with fragments and status codes', () => {
    const prefilter = createPrefilter();
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = 'abcdefghijklmnopqrstuvwxyzSETIPAX .:_-/\'01234567894.5.7.3';
    const pieces = [...PREFILTER_FRAGMENTS, '5.7.3', '4.2.0', '5.5.1', '3.7.1', '5.4.1', '4.7', 'Exceptio', 'PKI', 'AADST', '.2.', '5.7.'];
    const lines: string[] = [];
    for (let n = 0; n < 4000; n++) {
      let line = '';
      while (line.length < 60 + random(80)) line += random(6) === 0 ? pieces[random(pieces.length)]! : alphabet[random(alphabet.length)]!;
      // Cut a fragment at the line's end now and then (a match must not run past the region).
      lines.push(random(10) === 0 ? line.slice(0, line.length - 1 - random(4)) : line);
    }
    const text = lines.join('\n') + '\n';
    const buf = Buffer.from(text, 'latin1');
    // Searched in regions of 1 to 40 whole lines, as the scanner does (each region is split in
    // two interleaved halves inside: fragments across that middle must be found too).
    const hits: number[] = [];
    const lineStarts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    for (let l = 0; l < lines.length; ) {
      const next = Math.min(lines.length, l + 1 + random(40));
      PREFILTER_SEARCH.find(buf, lineStarts[l]!, lineStarts[next]!, hits);
      l = next;
    }
    // Every place a fragment or a status code starts, found naively.
    const expected = new Set<number>();
    for (const fragment of PREFILTER_FRAGMENTS) for (let i = text.indexOf(fragment); i !== -1; i = text.indexOf(fragment, i + 1)) expected.add(i);
    for (const m of text.matchAll(/(?=[45]\.[2357]\.[0-9])/g)) expected.add(m.index);
    expect([...new Set(hits)].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
    const matching = lines.filter((line) => prefilter.test(line)).length;
    expect(matching).toBeGreaterThan(1000);
  });
});
