import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LogAnalysisSchema, type LogAnalysis } from '../../../../shared/contract/troubleshoot';
import { analyzeGuestLogs, bufferInput, fileInput } from '../../../../electron/core/troubleshoot/guest-log';

const FIXTURES = path.join(__dirname, '../../../fixtures/guest-log');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const analyze = async (...names: string[]): Promise<LogAnalysis> => {
  const a = await analyzeGuestLogs(names.map((n) => fileInput(path.join(FIXTURES, n))));
  LogAnalysisSchema.parse(a); // what the UI receives is valid against the contract
  return a;
};
const kinds = (a: LogAnalysis) => a.timeline.map((e) => e.kind);

describe('guest.log analyzer: the guide\'s verification samples', () => {
  it('recognises a mail send: job submitted, transport send and Future.get success with its duration', async () => {
    const a = await analyze('guide-send.log');
    expect(kinds(a)).toEqual(['mail-job-submitted', 'transport-send', 'send-success']);
    const success = a.timeline[2]!;
    expect(success).toMatchObject({ time: '2026-02-02 05:17:39,365', thread: 'admin-http-pool139', level: 'INFO', durationMs: 4756, source: 'guide-send.log' });
    expect(a.timeline[1]).toMatchObject({ thread: 'GUEST_ACCESS_SMTP_RETRY_THREAD', durationMs: 4756 });
    expect(a.sends).toEqual({ success: 1, failed: 0, maxDurationMs: 4756 });
    expect(a.slowSends).toEqual([]);
    expect(a.findings).toEqual([]);
    expect(a.nextSteps).toEqual([]);
  });

  it('reads the same send as the guide prints it, with messages wrapped onto lines of their own', async () => {
    const a = await analyze('guide-send-wrapped.log');
    expect(kinds(a)).toEqual(['mail-job-submitted', 'transport-send', 'send-success']);
    expect(a.timeline[2]!.durationMs).toBe(4756);
  });

  it('recognises a test connection: SMTP settings, token acquired and cached, connected', async () => {
    const a = await analyze('guide-test-connection.log');
    expect(kinds(a)).toEqual(['smtp-settings', 'test-connection', 'token-cached', 'token-acquired', 'token-cached', 'smtp-connected']);
    // ISE logs the session settings and the test connection twice: folded, counted.
    expect(a.timeline[0]).toMatchObject({ thread: 'MnT-AlarmWorkerMail-Threadpool-0', count: 2 });
    expect(a.timeline[1]).toMatchObject({ time: '2026-02-02 05:59:14,872', count: 2 });
    expect(a.smtpSettings).toEqual([
      { origin: 'session', username: 'null', server: 'smtp.office365.com', port: 587, timeoutSeconds: 60, tls: false, authEnabled: false, firstSeen: '2026-02-02 05:58:21,501', lastSeen: '2026-02-02 05:58:21,513', count: 2 },
    ]);
    expect(a.findings).toEqual([]);
  });

  it('recognises a save with the values entered', async () => {
    const a = await analyze('guide-save.log');
    expect(kinds(a)).toEqual(['save-started', 'settings-saved']);
    expect(a.smtpSettings).toEqual([
      { origin: 'saved', server: 'smtp.office365.com', port: 587, timeoutSeconds: 60, tls: false, authEnabled: false, firstSeen: '2026-02-02 05:54:07,357', lastSeen: '2026-02-02 05:54:07,357', count: 1 },
    ]);
  });
});

describe('guest.log analyzer: the guide\'s troubleshooting samples', () => {
  it('connect timed out (a multi-line MailConnectException) → NET_CONNECT_TIMEOUT, step network', async () => {
    const a = await analyze('guide-connect-timeout.log');
    expect(a.findings).toHaveLength(1);
    expect(a.findings[0]).toMatchObject({ code: 'NET_CONNECT_TIMEOUT', step: 'network', severity: 'error', count: 1, firstSeen: '2026-02-09 03:24:58,658', lastSeen: '2026-02-09 03:24:58,658', resolvedLater: false });
    expect(a.findings[0]!.sample).toContain('java.net.SocketTimeoutException: connect timed out');
    expect(a.timeline).toHaveLength(1);
    expect(a.timeline[0]).toMatchObject({ kind: 'failure', code: 'NET_CONNECT_TIMEOUT', thread: 'admin-http-pool11', level: 'ERROR' });
    expect(a.nextSteps).toEqual(['NET_CONNECT_TIMEOUT']);
  });

  it('AuthenticationFailedException and PKIX path building failed → SMTP_AUTH_REJECTED and TLS_UNTRUSTED_CHAIN, TLS first', async () => {
    const a = await analyze('guide-pkix.log');
    const pkix = a.findings.find((f) => f.code === 'TLS_UNTRUSTED_CHAIN');
    expect(pkix).toMatchObject({ step: 'network', count: 2, firstSeen: '2026-02-10 14:34:06,549', lastSeen: '2026-02-10 14:34:28,655' });
    expect(a.findings.find((f) => f.code === 'SMTP_AUTH_REJECTED')).toMatchObject({ step: 'service-principal', count: 1 });
    // The chain: a TLS failure blocks everything after it, so it comes first.
    expect(a.nextSteps).toEqual(['TLS_UNTRUSTED_CHAIN', 'SMTP_AUTH_REJECTED']);
  });

  it('token failures: invalid tenant, invalid secret, expired secret, unknown app, wrong scope', async () => {
    const a = await analyze('token-failures.log');
    const byCode = Object.fromEntries(a.findings.map((f) => [f.code, f]));
    // The AADSTS line and ISE's own "Invalid OAuth endpoint or tenant identifier" line: two entries.
    expect(byCode.TOKEN_TENANT_NOT_FOUND).toMatchObject({ step: 'app-registration', count: 2 });
    expect(byCode.TOKEN_SECRET_INVALID).toMatchObject({ count: 2 });
    expect(byCode.TOKEN_SECRET_EXPIRED).toMatchObject({ count: 1 });
    expect(byCode.TOKEN_APP_NOT_FOUND).toMatchObject({ count: 1 });
    expect(byCode.TOKEN_SCOPE_INVALID).toMatchObject({ step: 'ise', count: 1 });
    expect(a.nextSteps).toEqual(['TOKEN_TENANT_NOT_FOUND', 'TOKEN_APP_NOT_FOUND', 'TOKEN_SECRET_INVALID', 'TOKEN_SECRET_EXPIRED', 'TOKEN_SCOPE_INVALID']);
    // The stack trace lines belong to the entry: one failure event, not one per line.
    expect(a.timeline.filter((e) => e.kind === 'failure' && e.time === '2026-02-11 09:12:01,914')).toHaveLength(1);
    // A secret in the log never reaches the output.
    expect(JSON.stringify(a)).not.toContain('Zz0123456789');
  });

  it('SMTP failures inside exceptions: 5.7.139, 5.7.3, Invalid email address, 5.2.252, 5.7.57, DNS, refused, host name', async () => {
    const a = await analyze('smtp-failures.log');
    const counts = Object.fromEntries(a.findings.map((f) => [f.code, f.count]));
    expect(counts).toEqual({
      SMTP_AUTH_DISABLED: 1,
      SMTP_AUTH_BLOCKED_BY_POLICY: 1,
      SMTP_AUTH_REJECTED: 2,
      SMTP_SEND_AS_DENIED: 1,
      SMTP_NOT_AUTHENTICATED: 1,
      NET_DNS_FAILED: 1,
      NET_CONNECT_REFUSED: 1,
      TLS_HOSTNAME_MISMATCH: 1,
    });
    expect(kinds(a).slice(0, 2)).toEqual(['test-connection', 'token-acquired']);
  });
});

describe('guest.log analyzer: realistic variants', () => {
  it('finds the events among other threads, DEBUG noise and an unrelated exception; reports a slow send', async () => {
    const a = await analyze('interleaved-noise.log');
    expect(kinds(a)).toEqual(['mail-job-submitted', 'smtp-settings', 'token-cached', 'transport-send', 'send-success']);
    expect(a.findings).toEqual([]);
    expect(a.slowSendCount).toBe(1);
    expect(a.slowSends).toEqual([{ time: '2026-02-13 08:00:12,511', thread: 'admin-http-pool21', durationMs: 12503, source: 'interleaved-noise.log' }]);
    expect(a.smtpSettings[0]).toMatchObject({ username: 'no-reply@contoso.onmicrosoft.com', tls: true, authEnabled: true });
  });

  it('gives the same result with Windows line endings', async () => {
    const lf = await analyzeGuestLogs([bufferInput('x.log', fixture('smtp-failures.log'))]);
    const crlf = await analyzeGuestLogs([bufferInput('x.log', Buffer.from(fixture('smtp-failures.log').toString('utf8').replace(/\n/g, '\r\n')))]);
    expect(crlf.findings).toEqual(lf.findings);
    expect(crlf.timeline).toEqual(lf.timeline);
    expect(crlf.timeline.some((e) => e.detail.includes('\r'))).toBe(false);
  });

  it('handles a truncated last line and a truncated timestamp without throwing', async () => {
    const text = fixture('guide-connect-timeout.log').toString('utf8').replace(/\n$/, '').replace(/timed out$/, 'timed o');
    const a = await analyzeGuestLogs([bufferInput('cut.log', Buffer.from(`2026-02-0\n${text}`))]);
    // "connect timed o" is cut before the fragment: the generic MailConnectException still names the network.
    expect(a.findings.map((f) => f.code)).toEqual(['NET_CONNECT_TIMEOUT']);
    expect(a.sources[0]!.firstTime).toBe('2026-02-09 03:24:58,658');
  });

  it('survives non-UTF-8 bytes: they become U+FFFD, the entry is still recognised', async () => {
    const bad = Buffer.concat([
      Buffer.from('2026-02-10 14:34:06,549 ERROR  [admin-http-pool9][[]] cpm.guestaccess.apiservices.oauth.ExchangeOnlineProvider -::adm'),
      Buffer.from([0xe9, 0xff, 0xfe]),
      Buffer.from('n:::- Error acquiring token: PKIX path building failed\n'),
    ]);
    const a = await analyzeGuestLogs([bufferInput('bad.log', bad)]);
    expect(a.findings[0]).toMatchObject({ code: 'TLS_UNTRUSTED_CHAIN', count: 1 });
  });

  it('gives the same result whatever the chunk boundaries (entries split across chunks)', async () => {
    const data = Buffer.concat(['token-failures.log', 'smtp-failures.log', 'interleaved-noise.log'].map(fixture));
    const whole = await analyzeGuestLogs([bufferInput('all.log', data)]);
    for (const size of [1, 7, 64, 333]) {
      const chunked = await analyzeGuestLogs([
        {
          name: 'all.log',
          open: async function* () {
            for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
          },
        },
      ]);
      expect({ size, findings: chunked.findings }).toEqual({ size, findings: whole.findings });
      expect(chunked.timeline.map((e) => [e.kind, e.time, e.code])).toEqual(whole.timeline.map((e) => [e.kind, e.time, e.code]));
    }
  });

  it('marks failures followed by a success as resolved and ranks them after the open ones', async () => {
    const a = await analyze('guide-connect-timeout.log', 'token-failures.log', 'interleaved-noise.log');
    expect(a.findings.every((f) => f.resolvedLater)).toBe(true);
    const b = await analyze('guide-pkix.log', 'guide-send.log');
    expect(b.findings[0]).toMatchObject({ code: 'TLS_UNTRUSTED_CHAIN', resolvedLater: false });
  });

  it('keeps the timeline bounded and says how many events it left out', async () => {
    const line = '2026-02-14 10:00:00,000 INFO   [admin-http-pool1][[]] cpm.guestaccess.apiservices.util.SmtpMsgRetryThreadUtil -::admin:::- sendMailMessage: Submitting Mail Job\n';
    const a = await analyzeGuestLogs([bufferInput('many.log', Buffer.from(line.repeat(2500)))]);
    expect(a.timeline).toHaveLength(1000);
    expect(a.timelineDropped).toBe(1500);
  });
});
