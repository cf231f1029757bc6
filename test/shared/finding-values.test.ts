import { describe, expect, it } from 'vitest';
import type { CheckResult, DiagnosticReport, Finding } from '../../shared/diagnostic-report';
import { findingContext, findingValues, managementScopeName } from '../../shared/finding-values';
import { powerShellScript } from '../../shared/powershell';

const unknown = (name: string) => `[unknown ${name}]`;
const profile = {
  tenantId: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
  clientId: '8d2c1f0e-7b6a-4958-8a7b-6c5d4e3f2a1b',
  mailbox: 'no-reply@contoso.onmicrosoft.com',
  servicePrincipalObjectId: 'b10aa0d7-1111-2222-3333-44445555e189',
};

describe('findingValues', () => {
  it('fills the profile values a finding producer did not pass', () => {
    const v = findingValues({ code: 'SP_OBJECT_ID_MISMATCH', params: { expected: 'e-oid', actual: 'a-oid' } }, profile, unknown);
    expect(v).toMatchObject({ clientId: profile.clientId, mailbox: profile.mailbox, tenantId: profile.tenantId, expected: 'e-oid', actual: 'a-oid' });
  });

  it("lets the producer's measured values win over the profile's", () => {
    const v = findingValues({ code: 'SMTP_AUTH_DISABLED', params: { mailbox: 'tested@contoso.com', host: 'smtp.office365.com', port: 587 } }, { ...profile, host: 'login.microsoftonline.com', port: 443 }, unknown);
    expect(v.mailbox).toBe('tested@contoso.com');
    expect(v.host).toBe('smtp.office365.com');
    expect(v.port).toBe(587);
    // The scope name follows the mailbox the run tested.
    expect(v.managementScope).toBe(managementScopeName('tested@contoso.com'));
  });

  it("names the AADSTS number a code stands for, but guesses none for a code with several", () => {
    expect(findingValues({ code: 'TOKEN_TENANT_NOT_FOUND' }, {}, unknown).aadsts).toBe('AADSTS90002');
    expect(findingValues({ code: 'TOKEN_SECRET_INVALID' }, {}, unknown).aadsts).toBe('AADSTS7000215');
    expect(findingValues({ code: 'TOKEN_SCOPE_INVALID' }, {}, unknown).aadsts).toBe('[unknown aadsts]');
    // The number Entra actually sent wins.
    expect(findingValues({ code: 'TOKEN_SCOPE_INVALID', params: { aadsts: 'AADSTS70011' } }, {}, unknown).aadsts).toBe('AADSTS70011');
  });

  it('gives the caller\'s words for what nobody knows, and reads what the evidence quotes', () => {
    const v = findingValues({ code: 'SMTP_AUTH_DISABLED', raw: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox alerts@fabrikam.com' }, {}, unknown);
    expect(v.mailbox).toBe('alerts@fabrikam.com');
    expect(v.reply).toMatch(/^535 5\.7\.139/);
    expect(v.clientId).toBe('[unknown clientId]');
    expect(v.managementScope).toBe('[unknown managementScope]');
  });

  it('an empty producer value does not blank a known one', () => {
    expect(findingValues({ code: 'CLAIMS_TENANT_MISMATCH', params: { mailbox: '' } }, profile, unknown).mailbox).toBe(profile.mailbox);
  });

  it('names the Send As address only when the mail went out from another address than the mailbox', () => {
    expect(findingValues({ code: 'SMTP_SEND_AS_DENIED' }, { ...profile, sendFrom: 'alerts@contoso.com' }, unknown).sendAsAddress).toBe('alerts@contoso.com');
    expect(findingValues({ code: 'SMTP_SEND_AS_DENIED' }, { ...profile, sendFrom: profile.mailbox.toUpperCase() }, unknown).sendAsAddress).toBe('[unknown sendAsAddress]');
  });

  it('uses the management scope name the App RBAC PowerShell creates', () => {
    const script = powerShellScript({ route: 'app-rbac', tenantId: profile.tenantId, clientId: profile.clientId, mailbox: profile.mailbox, servicePrincipalObjectId: profile.servicePrincipalObjectId });
    expect(script).toContain(`$ScopeName = ${managementScopeName(profile.mailbox)}`);
  });
});

describe('findingContext', () => {
  const netFinding: Finding = { code: 'NET_CONNECT_TIMEOUT', step: 'network', severity: 'error', params: { errorCode: 'ETIMEDOUT' } };
  const report: DiagnosticReport = {
    ok: false,
    startedAt: '2026-01-01T00:00:00Z',
    durationMs: 1,
    target: { ...profile, scope: 's', tokenEndpoint: 'e', smtpHost: 'smtp.office365.com', smtpPort: 587, route: 'classic', practice: true },
    checks: [
      { id: 'network.login', step: 'network', status: 'pass', durationMs: 1, evidence: { host: 'login.microsoftonline.com', port: 443 }, findings: [] },
      { id: 'network.smtp', step: 'network', status: 'fail', durationMs: 1, evidence: { host: 'smtp.office365.com', port: 587 }, findings: [netFinding] },
    ] as CheckResult[],
    findings: [netFinding],
    claims: { oid: 'token-oid' },
  };

  it('takes host and port from the check that reported the finding, the ObjectId from the token', () => {
    expect(findingContext(report, netFinding, 'profile-oid')).toMatchObject({ host: 'smtp.office365.com', port: 587, servicePrincipalObjectId: 'token-oid', clientId: profile.clientId });
    expect(findingContext({ ...report, claims: null }, netFinding, 'profile-oid').servicePrincipalObjectId).toBe('profile-oid');
  });
});
