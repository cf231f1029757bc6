import { describe, expect, it } from 'vitest';
import { formatElapsed, parseDuration, watchDiagnosis } from '../../../../electron/core/diagnostics/watch';
import type { DiagnosticReport } from '../../../../shared/diagnostic-report';
import { FINDING_CATALOG, type FindingCode } from '../../../../shared/findings';

function report(codes: FindingCode[]): DiagnosticReport {
  const findings = codes.map((code) => ({ code, step: FINDING_CATALOG[code].step, severity: FINDING_CATALOG[code].severity, params: {} }));
  return {
    ok: findings.every((f) => f.severity !== 'error'),
    startedAt: new Date(0).toISOString(),
    durationMs: 1,
    target: { tenantId: 't', clientId: 'c', mailbox: 'm@x', scope: 's', tokenEndpoint: 'e', smtpHost: 'h', smtpPort: 587, route: 'classic', practice: true },
    checks: [],
    findings,
    claims: null,
  };
}

/** Runs the loop over a fixed series of reports (the last repeats) with a clock moved only by sleep. */
async function watchSeries(series: FindingCode[][], untilMs = 3_600_000) {
  let t = 0;
  let i = 0;
  const sleeps: number[] = [];
  const result = await watchDiagnosis({
    run: async () => report(series[Math.min(i++, series.length - 1)]!),
    untilMs,
    now: () => t,
    sleep: async (ms) => void (sleeps.push(ms), (t += ms)),
  });
  return { result, sleeps };
}

describe('watchDiagnosis', () => {
  it('keeps going through transient network faults, throttling and 535 5.7.3; warnings and info never hold it', async () => {
    const { result, sleeps } = await watchSeries([['NET_CONNECT_TIMEOUT'], ['SMTP_THROTTLED', 'ISE_NODES_NOT_PROVEN'], ['SMTP_AUTH_REJECTED'], ['TOKEN_SERVICE_ERROR'], ['SECRET_EXPIRING_SOON', 'ISE_NODES_NOT_PROVEN']]);
    expect(result.outcome).toBe('passed');
    expect(result.attempts).toBe(5);
    expect(sleeps).toEqual([30_000, 60_000, 120_000, 120_000]);
  });

  it('stops at once when any error cannot heal by waiting, even next to one that can', async () => {
    for (const code of ['TOKEN_SECRET_INVALID', 'NET_DNS_FAILED', 'CLAIMS_ROLE_MISSING', 'TLS_UNTRUSTED_CHAIN'] as FindingCode[]) {
      const { result, sleeps } = await watchSeries([['SMTP_AUTH_REJECTED', code]]);
      expect(result.outcome, code).toBe('not-healable');
      expect(result.blocking).toEqual([code]);
      expect(sleeps).toEqual([]);
    }
  });

  it('never sleeps past the limit, and checks once more on it', async () => {
    const { result, sleeps } = await watchSeries([['SMTP_AUTH_REJECTED']], 100_000);
    expect(result.outcome).toBe('timed-out');
    expect(sleeps).toEqual([30_000, 60_000, 10_000]);
    expect(result.attempts).toBe(4);
    expect(result.elapsedMs).toBe(100_000);
  });
});

describe('parseDuration / formatElapsed', () => {
  it('accepts 90s, 45m, 2h and refuses anything else', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('45m')).toBe(2_700_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    for (const bad of ['', '2', 'h', '0s', '1.5h', '2 hours', '1d', '-5m']) expect(parseDuration(bad), bad).toBeUndefined();
  });
  it('formats elapsed time compactly', () => {
    expect(formatElapsed(0)).toBe('0s');
    expect(formatElapsed(95_000)).toBe('1m35s');
    expect(formatElapsed(7_200_000)).toBe('2h00m');
  });
});
