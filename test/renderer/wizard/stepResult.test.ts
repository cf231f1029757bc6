import { describe, expect, it } from 'vitest';
import type { CheckId } from '../../../shared/checks';
import type { CheckResult, DiagnosticReport, Finding } from '../../../shared/diagnostic-report';
import { staleReason, stepBadge } from '../../../renderer/wizard/screens';
import { panelVerdict, splitFindings } from '../../../renderer/wizard/stepResult';

function check(id: CheckId, step: CheckResult['step'], status: CheckResult['status'], findings: Finding[] = []): CheckResult {
  return { id, step, status, durationMs: 1, evidence: {}, findings } as CheckResult;
}

function report(checks: CheckResult[], extra: Finding[] = [], startedAt = '2026-01-01T00:00:00Z'): DiagnosticReport {
  const findings = [...checks.flatMap((c) => c.findings), ...extra];
  return {
    ok: !findings.some((f) => f.severity === 'error'),
    startedAt,
    durationMs: 10,
    target: { tenantId: 't', clientId: 'c', mailbox: 'm@x.io', scope: 's', tokenEndpoint: 'e', smtpHost: 'h', smtpPort: 587, route: 'classic', practice: true },
    checks,
    findings,
    claims: null,
  };
}

const iseTooOld: Finding = { code: 'ISE_VERSION_UNSUPPORTED', step: 'ise', severity: 'error', params: { version: '3.3 P6', minimum: '3.3 P8' } };
const authDisabled: Finding = { code: 'SMTP_AUTH_DISABLED', step: 'mailbox', severity: 'error', params: {} };
const timeout: Finding = { code: 'NET_CONNECT_TIMEOUT', step: 'network', severity: 'error', params: {} };
const objectId: Finding = { code: 'SP_OBJECT_ID_MISMATCH', step: 'service-principal', severity: 'error', params: {} };

// The Mailbox check as the runner makes it: input, token, claims, then SMTP AUTH.
const mailboxChecks = (auth: CheckResult['status'], authFindings: Finding[] = [], inputFindings: Finding[] = []) => [
  check('input', 'app-registration', inputFindings.length ? 'warn' : 'pass', inputFindings),
  check('token', 'app-registration', 'pass'),
  check('claims', 'app-registration', 'pass'),
  check('smtp.auth', 'service-principal', auth, authFindings),
];

describe("a step's panel result comes from the checks that prove that step (issue 13 point 2)", () => {
  it('passes the Mailbox check when only the ISE step\'s finding fired (ISE 3.3 P6 on the profile)', () => {
    const r = report(mailboxChecks('pass', [], [iseTooOld]));
    expect(r.ok).toBe(false);
    expect(panelVerdict('mailbox', r)).toBe('passed');
    // ... and the badge agrees.
    expect(stepBadge('mailbox', { mailbox: r }, null, true)).toBe('passed');
    expect(splitFindings('mailbox', r.findings)).toEqual({ here: [], elsewhere: [iseTooOld] });
  });

  it('fails the step on its own error', () => {
    const r = report(mailboxChecks('fail', [authDisabled]));
    expect(panelVerdict('mailbox', r)).toBe('failed');
    expect(splitFindings('mailbox', r.findings).here).toEqual([authDisabled]);
  });

  it('fails every step on a network error: the path to Microsoft is no other step\'s', () => {
    const r = report([check('input', 'app-registration', 'pass'), check('network.smtp', 'network', 'fail', [timeout])]);
    expect(panelVerdict('mailbox', r)).toBe('failed');
    expect(panelVerdict('service-principal', r)).toBe('failed');
    expect(splitFindings('mailbox', r.findings)).toEqual({ here: [timeout], elsewhere: [] });
  });

  it('says "not proven" when another step\'s error stopped the checks that prove this one', () => {
    const r = report(mailboxChecks('fail', [objectId]));
    expect(panelVerdict('mailbox', r)).toBe('not-proven');
    expect(panelVerdict('service-principal', r)).toBe('failed');
    expect(splitFindings('mailbox', r.findings).elsewhere).toEqual([objectId]);
  });

  it("gives Verify the whole run's verdict and every finding in full", () => {
    const r = report(mailboxChecks('pass', [], [iseTooOld]));
    expect(panelVerdict('verify', r)).toBe('failed');
    expect(splitFindings('verify', r.findings)).toEqual({ here: [iseTooOld], elsewhere: [] });
    expect(panelVerdict('verify', report(mailboxChecks('pass')))).toBe('passed');
  });
});

describe('results from before a practice-scenario switch are stale (issue 13 point 2)', () => {
  const current = { tenantId: 't', clientId: 'c', mailbox: 'm@x.io', route: 'classic' };
  const before = report(mailboxChecks('pass'), [], '2026-01-01T10:00:00Z');
  const after = report(mailboxChecks('pass'), [], '2026-01-01T11:00:00Z');
  const switched = new Set([before.startedAt]);

  it('marks a result made before the switch, not one made after it', () => {
    expect(staleReason(before, current, switched)).toBe('scenario');
    expect(staleReason(after, current, switched)).toBeNull();
    expect(staleReason(before, current)).toBeNull();
    expect(staleReason(before, { ...current, mailbox: 'other@x.io' })).toBe('values');
  });

  it('shows the step badge as stale, neither reset nor passed', () => {
    expect(stepBadge('mailbox', { mailbox: before }, null, true, current, switched)).toBe('stale-scenario');
    expect(stepBadge('mailbox', { mailbox: after }, before, true, current, switched)).toBe('passed');
    expect(stepBadge('mailbox', {}, before, true, current, switched)).toBe('stale-scenario');
  });
});
