import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../../../electron/core/diagnostics';
import { startPracticeTenant, type PracticeTenant } from '../../../../electron/practice';
import { FINDING_CATALOG, type FindingCode } from '../../../../shared/findings';
import { DiagnosticReportSchema, type DiagnosticReport } from '../../../../shared/diagnostic-report';
import { PRACTICE_SCENARIOS, SCENARIO_EXPECTATIONS, type PracticeScenario } from '../../../../shared/practice';
import { practiceOptions } from '../../../support/practice-options';

const TIMEOUT_S = 2;
const SEND_TO = 'helpdesk@contoso.com';
let dataDir: string;
let tenant: PracticeTenant;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'diag-scenarios-'));
  tenant = await startPracticeTenant({ dataDir });
});
afterAll(async () => {
  await tenant?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The full diagnosis with the credentials the scenario hands out, as a trainee would run it. */
async function run(scenario: PracticeScenario): Promise<{ report: DiagnosticReport; secret: string }> {
  tenant.setScenario(scenario);
  const c = tenant.credentials();
  const report = await diagnose(
    practiceOptions(tenant, {
      timeoutSeconds: TIMEOUT_S,
      servicePrincipalObjectId: c.servicePrincipalObjectId,
      secretExpiry: c.secretExpiry,
      route: SCENARIO_EXPECTATIONS[scenario].route,
      sendTo: SEND_TO,
      practice: true,
    }),
  );
  return { report, secret: c.clientSecret };
}

/**
 * Findings that follow from the same cause and are right to report too; anything else is a
 * wrong diagnosis. An expired secret's date is also past; a 535 5.7.3 that the token's claims
 * explain is reported as explained by them; the untrusted CA is found on both hosts.
 */
const FOLLOW_ONS: Partial<Record<PracticeScenario, FindingCode[]>> = {
  'expired-secret': ['SECRET_EXPIRED'],
  'no-admin-consent': ['SMTP_AUTH_REJECTED'],
  'permission-under-graph': ['SMTP_AUTH_REJECTED'],
  'sp-wrong-object-id': ['SMTP_AUTH_REJECTED'],
  'untrusted-certificate': ['TLS_UNTRUSTED_CHAIN'],
};

describe('every practice scenario is diagnosed with its expected finding', () => {
  for (const scenario of PRACTICE_SCENARIOS) {
    const { expect: code } = SCENARIO_EXPECTATIONS[scenario];
    it(`${scenario} → ${code ?? 'ok'}`, async () => {
      const { report } = await run(scenario);
      expect(DiagnosticReportSchema.safeParse(report).success).toBe(true);
      const codes = report.findings.map((f) => f.code);
      expect(codes).toContain('ISE_NODES_NOT_PROVEN');
      if (code === null) {
        expect(report.ok, JSON.stringify(report.findings)).toBe(true);
        expect(codes).toEqual(['ISE_NODES_NOT_PROVEN']);
        expect(report.checks.find((c) => c.id === 'smtp.auth')?.status).toBe('pass');
        expect(report.checks.find((c) => c.id === 'smtp.send')?.status).toBe('pass');
        expect(report.claims?.oid).toBe(tenant.credentials().servicePrincipalObjectId);
      } else {
        // Its expected finding, the follow-ons that come from the same cause, and no others.
        const expected = [code, ...(FOLLOW_ONS[scenario] ?? []), 'ISE_NODES_NOT_PROVEN'].sort();
        expect([...codes].sort(), JSON.stringify(report.findings)).toEqual(expected);
        for (const f of report.findings.filter((f) => f.code === 'SMTP_AUTH_REJECTED' && code !== 'SMTP_AUTH_REJECTED')) {
          expect(f.params.explainedBy).toBe(code);
        }
        // the run fails exactly when its cause is an error-level finding
        expect(report.ok).toBe(FINDING_CATALOG[code].severity !== 'error');
      }
      // every phase is bounded: even the hanging server is answered within a few phase timeouts
      expect(report.durationMs).toBeLessThan(TIMEOUT_S * 1000 * 4 + 2000);
    });
  }
});

describe('secrets never reach the report', () => {
  it('neither the client secret nor the access token appears anywhere in a report', async () => {
    for (const scenario of ['healthy', 'wrong-secret', 'no-mailbox-permission', 'send-as-denied'] as const) {
      const { report, secret } = await run(scenario);
      const text = JSON.stringify(report);
      expect(text).not.toContain(secret);
      // an access token is a JWT: its header always starts like this
      expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
      expect(text).not.toMatch(/dXNlcj[A-Za-z0-9+/=]{20,}/);
    }
  });
});
