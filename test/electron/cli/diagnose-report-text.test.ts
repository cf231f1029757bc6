import { describe, expect, it } from 'vitest';
import { formatReport } from '../../../electron/cli/diagnose';
import type { DiagnosticReport, Finding } from '../../../shared/diagnostic-report';

// The CLI prints the wizard's fix texts: with the run's own values, never a {{placeholder}} or <Client ID>.
describe('diagnose text output (issue 13 point 6)', () => {
  const mismatch: Finding = { code: 'SP_OBJECT_ID_MISMATCH', step: 'service-principal', severity: 'error', params: { expected: 'token-oid-1', actual: 'wrong-oid-2' } };
  const sendAs: Finding = { code: 'SMTP_SEND_AS_DENIED', step: 'mailbox', severity: 'error', params: { mailbox: 'ise@contoso.com' } };
  const report: DiagnosticReport = {
    ok: false,
    startedAt: '2026-01-01T00:00:00Z',
    durationMs: 5,
    target: { tenantId: 'tenant-guid', clientId: 'client-guid', mailbox: 'ise@contoso.com', scope: 's', tokenEndpoint: 'e', smtpHost: 'smtp.office365.com', smtpPort: 587, route: 'classic', practice: false },
    checks: [{ id: 'smtp.auth', step: 'service-principal', status: 'fail', durationMs: 1, evidence: {}, findings: [mismatch, sendAs] }],
    findings: [mismatch, sendAs],
    claims: { oid: 'token-oid-1' },
  };

  it('fills the Client ID, mailbox and ObjectId of the run', () => {
    const text = formatReport(report);
    expect(text).toContain('New-ServicePrincipal -AppId client-guid -ObjectId token-oid-1');
    expect(text).toContain('Add-MailboxPermission -Identity ise@contoso.com -User token-oid-1');
    expect(text).not.toMatch(/\{\{|<Client ID>|<mailbox>|<address>/);
    // A value nothing recorded is said in words.
    expect(text).toContain('Add-RecipientPermission -Identity "other sender address" -Trustee ise@contoso.com');
  });
});
