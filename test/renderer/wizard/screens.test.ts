import { describe, expect, it } from 'vitest';
import type { CheckId } from '../../../shared/checks';
import type { CheckResult, DiagnosticReport, Finding } from '../../../shared/diagnostic-report';
import { latestStatus, newestReport, screenStatus, stepBadge } from '../../../renderer/wizard/screens';

function check(id: CheckId, step: CheckResult['step'], status: CheckResult['status'], findings: Finding[] = []): CheckResult {
  return { id, step, status, durationMs: 1, evidence: {}, findings } as CheckResult;
}

function report(startedAt: string, checks: CheckResult[], ok = true): DiagnosticReport {
  return {
    ok,
    startedAt,
    durationMs: 10,
    target: { tenantId: 't', clientId: 'c', mailbox: 'm@x.io', scope: 's', tokenEndpoint: 'e', smtpHost: 'h', smtpPort: 587, route: 'classic', practice: true },
    checks,
    findings: checks.flatMap((c) => c.findings),
    claims: null,
  };
}

const rejected: Finding = { code: 'SMTP_AUTH_REJECTED', step: 'service-principal', severity: 'error', params: {} };
const authDisabled: Finding = { code: 'SMTP_AUTH_DISABLED', step: 'mailbox', severity: 'error', params: {} };

describe('screenStatus', () => {
  it('is not started without a report, in progress once visited', () => {
    expect(screenStatus('mailbox', null)).toBe('not-started');
    expect(screenStatus('mailbox', null, true)).toBe('in-progress');
  });

  it('passes the app registration when token and claims pass', () => {
    const r = report('2026-01-01T00:00:00Z', [check('input', 'app-registration', 'pass'), check('token', 'app-registration', 'pass'), check('claims', 'app-registration', 'pass')]);
    expect(screenStatus('app-registration', r)).toBe('passed');
    // That run proves nothing about SMTP AUTH: the service principal stays open.
    expect(screenStatus('service-principal', r)).toBe('not-started');
  });

  it('fails the step a finding belongs to, not the step whose check carried it', () => {
    const r = report('2026-01-01T00:00:00Z', [check('token', 'app-registration', 'pass'), check('claims', 'app-registration', 'pass'), check('smtp.auth', 'service-principal', 'fail', [authDisabled])], false);
    expect(screenStatus('mailbox', r)).toBe('failed');
    expect(screenStatus('app-registration', r)).toBe('passed');
  });

  it('fails the service principal on a 535 5.7.3', () => {
    const r = report('2026-01-01T00:00:00Z', [check('smtp.auth', 'service-principal', 'fail', [rejected])], false);
    expect(screenStatus('service-principal', r)).toBe('failed');
  });

  it('judges Verify only on a full run', () => {
    const stepRun = report('2026-01-01T00:00:00Z', [check('token', 'app-registration', 'pass')]);
    expect(screenStatus('verify', stepRun)).toBe('not-started');
    const full = report('2026-01-01T00:00:00Z', [check('network.login', 'network', 'pass'), check('smtp.auth', 'service-principal', 'pass')]);
    expect(screenStatus('verify', full)).toBe('passed');
    expect(screenStatus('verify', { ...full, ok: false })).toBe('failed');
  });
});

describe('latestStatus', () => {
  it('lets the newest report that covers the screen decide', () => {
    const oldFail = report('2026-01-01T00:00:00Z', [check('smtp.auth', 'service-principal', 'fail', [rejected])], false);
    const newPass = report('2026-01-02T00:00:00Z', [check('smtp.auth', 'service-principal', 'pass')]);
    const newerUnrelated = report('2026-01-03T00:00:00Z', [check('token', 'app-registration', 'pass'), check('claims', 'app-registration', 'pass')]);
    expect(latestStatus('service-principal', [oldFail, newerUnrelated, newPass])).toBe('passed');
    expect(latestStatus('service-principal', [oldFail, undefined, null])).toBe('failed');
    expect(latestStatus('ise', [], true)).toBe('in-progress');
  });

  it('newestReport picks by start time', () => {
    const a = report('2026-01-01T00:00:00Z', []);
    const b = report('2026-02-01T00:00:00Z', []);
    expect(newestReport(a, undefined, b, null)).toBe(b);
    expect(newestReport()).toBeNull();
  });
});

describe('stepBadge (issue 13 point 2: what was proven, and only for that step)', () => {
  const fullPass = () => report('2026-01-02T00:00:00Z', [check('network.login', 'network', 'pass'), check('token', 'app-registration', 'pass'), check('claims', 'app-registration', 'pass'), check('smtp.auth', 'service-principal', 'pass')]);
  const mailboxRun = report('2026-01-03T00:00:00Z', [check('token', 'app-registration', 'pass'), check('claims', 'app-registration', 'pass'), check('smtp.auth', 'service-principal', 'pass')]);
  const current = { tenantId: 't', clientId: 'c', mailbox: 'm@x.io', route: 'classic' };

  it('a Mailbox check marks only the Mailbox, never steps 2–4 nor Verify', () => {
    const reports = { mailbox: mailboxRun };
    expect(stepBadge('mailbox', reports, null, true, current)).toBe('passed');
    for (const s of ['app-registration', 'service-principal', 'ise', 'verify'] as const) expect(stepBadge(s, reports, null, false, current)).toBe('not-started');
  });

  it('a full run speaks for every step it proved', () => {
    expect(stepBadge('app-registration', {}, fullPass(), false, current)).toBe('passed');
    expect(stepBadge('verify', {}, fullPass(), false, current)).toBe('passed');
  });

  it('an ObjectId error fails the service principal only', () => {
    const mismatch: Finding = { code: 'SP_OBJECT_ID_MISMATCH', step: 'service-principal', severity: 'error', params: {} };
    const r = report('2026-01-02T00:00:00Z', [check('network.login', 'network', 'pass'), check('token', 'app-registration', 'pass'), check('claims', 'app-registration', 'fail', [mismatch]), check('smtp.auth', 'service-principal', 'pass')], false);
    expect(stepBadge('service-principal', {}, r, false, current)).toBe('failed');
    expect(stepBadge('app-registration', {}, r, false, current)).not.toBe('failed');
    expect(stepBadge('ise', {}, r, false, current)).not.toBe('failed');
    expect(stepBadge('mailbox', {}, r, false, current)).not.toBe('failed');
  });

  it('a result made with other values is stale', () => {
    expect(stepBadge('app-registration', {}, fullPass(), false, { ...current, clientId: 'other' })).toBe('stale');
    expect(stepBadge('app-registration', {}, fullPass(), false, current)).toBe('passed');
  });
});
