import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LogAnalysisSchema, type LogAnalysis, type LogEvent } from '../../../../../shared/contract/troubleshoot';
import { analyzeGuestLogs, bufferInput } from '../../../../../electron/core/troubleshoot/guest-log';
import { sortTimeline } from '../../../../../electron/core/troubleshoot/guest-log/summary';

// Issue 13 point 8: the summary the Troubleshoot screen shows from an analysis (counts, next
// steps, timeline order), read from the guide's samples and the failure fixtures.

const FIXTURES = path.join(__dirname, '../../../../fixtures/guest-log');
const text = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8').replace(/\r?\n?$/, '\n');

/** One pasted text, in the order given (a paste is one input: nothing reorders its parts). */
async function paste(...parts: string[]): Promise<LogAnalysis> {
  const a = await analyzeGuestLogs([bufferInput('pasted.log', Buffer.from(parts.join('')))]);
  LogAnalysisSchema.parse(a);
  return a;
}

/** The guide's connect timeout (guide-connect-timeout.log) at another time. */
const timeoutAt = (time: string) => text('guide-connect-timeout.log').replace('2026-02-09 03:24:58,658', time);

describe('mails sent and failed', () => {
  it('counts the sends ISE gave up on (failed to send mail), with their finding', async () => {
    const a = await paste(text('smtp-failures.log'));
    expect(a.sends).toEqual({ success: 0, failed: 2, maxDurationMs: null });
    const failed = a.timeline.filter((e) => e.kind === 'send-failed');
    expect(failed.map((e) => e.code)).toEqual(['SMTP_SEND_AS_DENIED', 'SMTP_NOT_AUTHENTICATED']);
    expect(failed.every((e) => e.thread === 'GUEST_ACCESS_SMTP_RETRY_THREAD')).toBe(true);
    // Still findings, counted once each.
    expect(a.findings.find((f) => f.code === 'SMTP_SEND_AS_DENIED')?.count).toBe(1);
  });

  it('a failed send without a known error is still a failed send', async () => {
    const line =
      '2026-02-12 10:20:00,100 ERROR [GUEST_ACCESS_SMTP_RETRY_THREAD][[]] cpm.guestaccess.apiservices.util.SmtpMsgRetryThreadUtil -:::::- submitMailMsgJob: failed to send mail\njavax.mail.MessagingException: something new\n';
    const a = await paste(line);
    expect(a.sends.failed).toBe(1);
  });

  it('a test connection that fails is no mail: the guide\'s failures leave the send counts at zero', async () => {
    const a = await paste(text('guide-pkix.log'), text('guide-connect-timeout.log'));
    expect(a.sends).toEqual({ success: 0, failed: 0, maxDurationMs: null });
    expect(a.findings.length).toBeGreaterThan(0);
  });

  it('a healthy send counts one success and no failure', async () => {
    const a = await paste(text('guide-send.log'));
    expect(a.sends).toEqual({ success: 1, failed: 0, maxDurationMs: 4756 });
  });
});

describe('what to do next', () => {
  it('leaves out what succeeded later, keeps it in the findings marked so', async () => {
    // Token failures on the 11th, a working send on the 13th, then a connect timeout on the 14th.
    const a = await paste(text('token-failures.log'), text('interleaved-noise.log'), timeoutAt('2026-02-14 09:00:00,000'));
    const resolved = a.findings.filter((f) => f.resolvedLater).map((f) => f.code);
    expect(resolved).toContain('TOKEN_SECRET_INVALID');
    expect(a.nextSteps).toEqual(['NET_CONNECT_TIMEOUT']);
    for (const code of resolved) expect(a.nextSteps).not.toContain(code);
  });

  it('is empty when every failure was followed by a success', async () => {
    const a = await paste(text('guide-connect-timeout.log'), text('token-failures.log'), text('interleaved-noise.log'));
    expect(a.findings.length).toBeGreaterThan(0);
    expect(a.findings.every((f) => f.resolvedLater)).toBe(true);
    expect(a.nextSteps).toEqual([]);
  });

  it('keeps every open failure, in the order to work on them', async () => {
    const a = await paste(text('guide-pkix.log'));
    expect(a.nextSteps).toEqual(['TLS_UNTRUSTED_CHAIN', 'SMTP_AUTH_REJECTED']);
  });
});

describe('the timeline', () => {
  it('is in time order when a paste puts later sections first (the guide: test connection, then the earlier save)', async () => {
    const a = await paste(text('guide-test-connection.log'), text('guide-save.log'), timeoutAt('2026-02-01 08:00:00,000'));
    const times = a.timeline.map((e) => e.time);
    expect(times).toEqual([...times].sort());
    expect(a.timeline[0]).toMatchObject({ kind: 'failure', code: 'NET_CONNECT_TIMEOUT' });
    expect(a.timeline.map((e) => e.kind)).toEqual(['failure', 'save-started', 'settings-saved', 'smtp-settings', 'test-connection', 'token-cached', 'token-acquired', 'token-cached', 'smtp-connected']);
  });

  it('keeps the file order of events at the same time, and an event without a time after the one before it', () => {
    const ev = (time: string, detail: string): LogEvent => ({ time, thread: 't', level: 'INFO', kind: 'error', detail, source: 's', count: 1 });
    const sorted = sortTimeline([ev('2026-02-02 10:00:00,000', 'a'), ev('2026-02-02 09:00:00,000', 'b'), ev('', 'c'), ev('2026-02-02 09:00:00,000', 'd')]);
    expect(sorted.map((e) => e.detail)).toEqual(['b', 'c', 'd', 'a']);
  });
});
