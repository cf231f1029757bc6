import { describe, expect, it } from 'vitest';
import { FINDING_CATALOG } from '../../../shared/findings';
import { isGuid } from '../../../shared/validators';
import { PRACTICE_SCENARIOS, SCENARIO_EXPECTATIONS, isPracticeScenario } from '../../../shared/practice';
import { PRACTICE_IDS, credentialsFor, tenantStateFor } from '../../../electron/practice/tenant-state';

const NOW = Date.parse('2026-06-01T12:00:00Z');

describe('scenario catalogue', () => {
  it('has an expectation for every scenario, naming a real finding code or null', () => {
    for (const s of PRACTICE_SCENARIOS) {
      const e = SCENARIO_EXPECTATIONS[s];
      expect(e, s).toBeDefined();
      if (e.expect !== null) expect(Object.keys(FINDING_CATALOG)).toContain(e.expect);
      expect(e.note.length).toBeGreaterThan(20);
    }
    expect(SCENARIO_EXPECTATIONS.healthy.expect).toBeNull();
    expect(SCENARIO_EXPECTATIONS['app-rbac-healthy']).toMatchObject({ expect: null, route: 'app-rbac' });
  });

  it('recognises scenario names', () => {
    expect(isPracticeScenario('throttled')).toBe(true);
    expect(isPracticeScenario('Throttled')).toBe(false);
    expect(isPracticeScenario('')).toBe(false);
  });
});

describe('tenantStateFor', () => {
  it('healthy: consented Exchange permission, SP with the Enterprise App object ID, FullAccess, SMTP AUTH on', () => {
    const s = tenantStateFor('healthy', NOW);
    expect(s.app).toMatchObject({ smtpSendAsAppUnder: 'exchange', adminConsentGranted: true });
    expect(s.exchangeServicePrincipal).toEqual({ appId: PRACTICE_IDS.clientId, objectId: PRACTICE_IDS.enterpriseAppObjectId });
    expect(s.mailbox).toMatchObject({ smtpAuthEnabled: true, fullAccess: [PRACTICE_IDS.enterpriseAppObjectId], sendAsAllowed: true });
    expect(s).toMatchObject({ smtpAuthEnabledForTenant: true, securityDefaultsEnabled: false, throttled: false, smtpHangs: false, untrustedCertificate: false });
    expect(Date.parse(s.app.secrets[0]!.expires)).toBeGreaterThan(NOW + 30 * 86_400_000);
  });

  it('breaks exactly the one thing each scenario names', () => {
    expect(tenantStateFor('expired-secret', NOW).app.secrets[0]!.expires < '2026-06-01').toBe(true);
    expect(tenantStateFor('no-admin-consent', NOW).app.adminConsentGranted).toBe(false);
    expect(tenantStateFor('permission-under-graph', NOW).app.smtpSendAsAppUnder).toBe('graph');
    expect(tenantStateFor('no-service-principal', NOW).exchangeServicePrincipal).toBeNull();
    expect(tenantStateFor('sp-wrong-object-id', NOW).exchangeServicePrincipal?.objectId).toBe(PRACTICE_IDS.appRegistrationObjectId);
    expect(tenantStateFor('no-mailbox-permission', NOW).mailbox.fullAccess).toEqual([]);
    expect(tenantStateFor('smtp-auth-off-tenant', NOW).smtpAuthEnabledForTenant).toBe(false);
    expect(tenantStateFor('smtp-auth-off-mailbox', NOW).mailbox.smtpAuthEnabled).toBe(false);
    expect(tenantStateFor('security-defaults', NOW).securityDefaultsEnabled).toBe(true);
    expect(tenantStateFor('send-as-denied', NOW).mailbox.sendAsAllowed).toBe(false);
    expect(tenantStateFor('throttled', NOW).throttled).toBe(true);
    expect(tenantStateFor('smtp-hangs', NOW).smtpHangs).toBe(true);
    expect(tenantStateFor('untrusted-certificate', NOW).untrustedCertificate).toBe(true);
    const rbac = tenantStateFor('app-rbac-healthy', NOW);
    expect(rbac.app.smtpSendAsAppUnder).toBe('none');
    expect(rbac.mailbox).toMatchObject({ fullAccess: [], appRbacAssignments: [PRACTICE_IDS.clientId] });
    // and healthy is not affected by any of them (fresh objects each time)
    expect(tenantStateFor('healthy', NOW).mailbox.fullAccess).toEqual([PRACTICE_IDS.enterpriseAppObjectId]);
  });
});

describe('credentialsFor', () => {
  const healthy = credentialsFor('healthy', tenantStateFor('healthy', NOW));

  it('hands out the tenant\'s own values in the healthy case', () => {
    expect(healthy).toMatchObject({
      tenantId: PRACTICE_IDS.tenantId,
      clientId: PRACTICE_IDS.clientId,
      clientSecret: PRACTICE_IDS.secretValue,
      secretId: PRACTICE_IDS.secretId,
      mailbox: PRACTICE_IDS.mailbox,
      servicePrincipalObjectId: PRACTICE_IDS.enterpriseAppObjectId,
      appRegistrationObjectId: PRACTICE_IDS.appRegistrationObjectId,
    });
    expect(healthy.secretExpiry).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(isGuid(healthy.clientSecret)).toBe(false);
  });

  it('types in the scenario\'s mistake', () => {
    const c = (s: Parameters<typeof tenantStateFor>[0]) => credentialsFor(s, tenantStateFor(s, NOW));
    expect(c('wrong-tenant').tenantId).toBe(PRACTICE_IDS.absentTenantId);
    expect(isGuid(c('wrong-tenant').tenantId)).toBe(true);
    expect(c('unknown-app').clientId).toBe(PRACTICE_IDS.absentClientId);
    expect(c('secret-id-pasted').clientSecret).toBe(PRACTICE_IDS.secretId);
    expect(isGuid(c('secret-id-pasted').clientSecret)).toBe(true);
    expect(c('wrong-secret').clientSecret).not.toBe(PRACTICE_IDS.secretValue);
    expect(isGuid(c('wrong-secret').clientSecret)).toBe(false);
    expect(c('expired-secret').secretExpiry < '2026-06-01').toBe(true);
    expect(c('sp-wrong-object-id').servicePrincipalObjectId).toBe(PRACTICE_IDS.appRegistrationObjectId);
  });
});
