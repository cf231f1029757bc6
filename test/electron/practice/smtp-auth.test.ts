import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newFrontEnd } from '../../../electron/practice/exchange-replies';
import { signJwt } from '../../../electron/practice/jwt';
import { decideXoauth2, type AuthDecision } from '../../../electron/practice/smtp-auth';
import { PRACTICE_IDS, tenantStateFor } from '../../../electron/practice/tenant-state';
import { accessTokenClaims } from '../../../electron/practice/token-issuer';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const fe = newFrontEnd();
const NOW = Date.parse('2026-06-01T12:00:00Z');

type Scenario = Parameters<typeof tenantStateFor>[0];

/** A token as the practice token endpoint would issue it in `scenario`, with overrides. */
function tokenFor(scenario: Scenario, overrides: Record<string, unknown> = {}, key = privateKey): string {
  const s = tenantStateFor(scenario, NOW);
  const roles = s.app.adminConsentGranted && s.app.smtpSendAsAppUnder === 'exchange' ? ['SMTP.SendAsApp'] : [];
  return signJwt({ ...accessTokenClaims(s, 'https://outlook.office.com', roles, NOW), ...overrides }, key);
}

function decide(scenario: Scenario, token = tokenFor(scenario), user: string = PRACTICE_IDS.mailbox): AuthDecision {
  return decideXoauth2(tenantStateFor(scenario, NOW), { user, accessToken: token }, privateKey, fe, NOW);
}

function rejection(d: AuthDecision): { reason: string; code: number; enhanced: string } {
  if (d.ok) throw new Error('expected a rejection');
  return { reason: d.reason, code: d.code, enhanced: d.text.split(' ')[0] ?? '' };
}

describe('Exchange XOAUTH2 decision', () => {
  it.each(['healthy', 'app-rbac-healthy', 'send-as-denied'] as const)('%s: authenticates', (s) => {
    expect(decide(s)).toEqual({ ok: true });
  });

  it.each([
    ['no-admin-consent', 'no-permission', 535, '5.7.3'],
    ['permission-under-graph', 'no-permission', 535, '5.7.3'],
    ['no-service-principal', 'no-service-principal', 535, '5.7.3'],
    ['sp-wrong-object-id', 'service-principal-object-id', 535, '5.7.3'],
    ['no-mailbox-permission', 'no-permission', 535, '5.7.3'],
    ['smtp-auth-off-tenant', 'smtp-auth-off-tenant', 535, '5.7.139'],
    ['smtp-auth-off-mailbox', 'smtp-auth-off-mailbox', 535, '5.7.139'],
    ['security-defaults', 'security-defaults', 535, '5.7.139'],
    ['throttled', 'throttled', 432, '4.3.2'],
  ] as const)('%s: %s → %d %s', (scenario, reason, code, enhanced) => {
    expect(rejection(decide(scenario))).toEqual({ reason, code, enhanced });
  });

  it("uses Exchange's texts", () => {
    const text = (s: Scenario) => {
      const d = decide(s);
      return d.ok ? '' : d.text;
    };
    expect(text('smtp-auth-off-tenant')).toMatch(/^5\.7\.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant\. Visit https:\/\/aka\.ms\/smtp_auth_disabled for more information\. \[\S+\.prod\.outlook\.com \S+Z [0-9A-F]{16}\]$/);
    expect(text('smtp-auth-off-mailbox')).toContain('disabled for the Mailbox.');
    expect(text('security-defaults')).toContain("user is locked by your organization's security defaults policy. Contact your administrator.");
    expect(text('no-mailbox-permission')).toMatch(/^5\.7\.3 Authentication unsuccessful \[/);
    expect(text('throttled')).toMatch(/^4\.3\.2 STOREDRV\.ClientSubmit; sender thread limit exceeded \[Hostname=/);
  });

  it('rejects a token not signed by Entra (the practice key)', () => {
    expect(rejection(decide('healthy', tokenFor('healthy', {}, stranger.privateKey))).reason).toBe('token-invalid');
    expect(rejection(decide('healthy', 'garbage')).reason).toBe('token-invalid');
  });

  it('rejects an expired token, a Graph token and another tenant\'s token with 535 5.7.3', () => {
    expect(rejection(decide('healthy', tokenFor('healthy', { exp: NOW / 1000 - 1 })))).toMatchObject({ reason: 'token-expired', code: 535, enhanced: '5.7.3' });
    expect(rejection(decide('healthy', tokenFor('healthy', { aud: 'https://graph.microsoft.com' })))).toMatchObject({ reason: 'audience', enhanced: '5.7.3' });
    expect(rejection(decide('healthy', tokenFor('healthy', { tid: PRACTICE_IDS.absentTenantId })))).toMatchObject({ reason: 'tenant', enhanced: '5.7.3' });
  });

  it('accepts the office365 audience too', () => {
    expect(decide('healthy', tokenFor('healthy', { aud: 'https://outlook.office365.com' }))).toEqual({ ok: true });
  });

  it('another mailbox → 535 5.7.3; not an address → 501 5.5.124', () => {
    expect(rejection(decide('healthy', undefined, 'someone-else@contoso-practice.onmicrosoft.com'))).toMatchObject({ reason: 'user-unknown', code: 535, enhanced: '5.7.3' });
    expect(rejection(decide('healthy', undefined, 'not-an-address'))).toMatchObject({ reason: 'user-malformed', code: 501, enhanced: '5.5.124' });
  });

  it('the mailbox match ignores case, as Exchange does', () => {
    expect(decide('healthy', undefined, PRACTICE_IDS.mailbox.toUpperCase())).toEqual({ ok: true });
  });

  it('App RBAC alone authorises without roles; roles alone without FullAccess do not', () => {
    expect(decide('app-rbac-healthy', tokenFor('app-rbac-healthy'))).toEqual({ ok: true });
    expect(rejection(decide('no-mailbox-permission', tokenFor('healthy'))).reason).toBe('no-permission');
  });
});
