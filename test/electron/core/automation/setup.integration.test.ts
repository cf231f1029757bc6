import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SETUP_STEPS } from '../../../../shared/contract/automation';
import { setupOptions, startAutomationHarness, type AutomationHarness } from '../../../support/automation-harness';

let h: AutomationHarness;
beforeEach(async () => {
  h = await startAutomationHarness();
});
afterEach(async () => {
  await h.close();
});

describe.each(['classic', 'app-rbac'] as const)('automated setup on the practice tenant (%s)', (route) => {
  it('creates everything, and diagnose with the stored profile then passes', async () => {
    const a = await h.signedIn();
    const before = h.snapshot();
    // The scenario's pre-registered app must not be what makes diagnose pass: start from an untouched directory.
    expect((before as { applications: unknown[] }).applications).toEqual([]);
    const result = await a.setup(setupOptions(h, route));
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
    const expected = route === 'classic'
      ? ['application', 'service-principal', 'admin-consent', 'client-secret', 'exchange-service-principal', 'mailbox-permission']
      : ['application', 'service-principal', 'client-secret', 'management-scope', 'exchange-service-principal', 'management-role-assignment'];
    expect([...result.created].sort()).toEqual([...expected].sort());
    expect(result.audit.every((e) => e.upn === 'admin@contoso-practice.onmicrosoft.com')).toBe(true);
    expect(result.audit.filter((e) => e.result === 'created').every((e) => typeof e.requestId === 'string')).toBe(true);
    const profile = h.profiles.resolve(`auto-${route}`);
    expect(profile.clientId).toBe(result.appId);
    expect(profile.servicePrincipalObjectId).toBe(result.servicePrincipalId);
    expect(profile.automation?.created.sort()).toEqual([...expected].sort());
    const report = await h.diagnoseProfile(`auto-${route}`);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.claims?.oid).toBe(result.servicePrincipalId);
    if (route === 'classic') expect(report.claims?.roles).toEqual(['SMTP.SendAsApp']);
    else expect(report.claims?.roles ?? []).toEqual([]);
    expect(result.calls.total).toBeGreaterThan(0);
  });

  it('what-if changes nothing and lists the exact operations', async () => {
    const a = await h.signedIn();
    const before = h.snapshot();
    const plan = await a.setup(setupOptions(h, route), true);
    expect(plan.whatIf).toBe(true);
    expect(plan.created).toEqual([]);
    expect(h.snapshot()).toEqual(before);
    expect(h.profiles.store.list()).toEqual([]);
    expect(plan.plan.map((p) => p.step)).toContain('application');
    expect(plan.plan.find((p) => p.step === 'application')?.operation).toMatch(/^POST \/v1\.0\/applications/);
    expect(plan.plan.find((p) => p.step === 'exchange-service-principal')?.operation).toMatch(/^New-ServicePrincipal -AppId/);
    // The role id came from Exchange Online's appRoles (random per practice tenant).
    if (route === 'classic') expect(plan.plan.find((p) => p.step === 'application')?.operation).toContain(h.tenant.automation.directory.data.smtpSendAsAppRoleId);
  });

  it('a second run creates nothing and reuses everything', async () => {
    const a = await h.signedIn();
    await a.setup(setupOptions(h, route));
    const after = h.snapshot();
    const again = await a.setup(setupOptions(h, route));
    expect(again.ok).toBe(true);
    expect(again.created).toEqual([]);
    expect(again.plan.filter((p) => p.action === 'create')).toEqual([]);
    expect(h.snapshot()).toEqual(after);
  });

  it('undo leaves the tenant as it was and removes the profile and its secret', async () => {
    const a = await h.signedIn();
    const before = h.snapshot();
    await a.setup(setupOptions(h, route));
    const profileId = h.profiles.resolve(`auto-${route}`).id;
    const undone = await a.undo(`auto-${route}`);
    expect(undone.findings).toEqual([]);
    expect(undone.profileDeleted).toBe(true);
    // Reverse order of SETUP_STEPS.
    const idx = undone.removed.map((s) => SETUP_STEPS.indexOf(s));
    expect([...idx].sort((x, y) => y - x)).toEqual(idx);
    expect(h.snapshot()).toEqual(before);
    expect(await h.profiles.vault.get(profileId)).toBeNull();
  });
});

describe('resume after an interruption', () => {
  for (const route of ['classic', 'app-rbac'] as const) {
    const steps = route === 'classic'
      ? (['application', 'service-principal', 'admin-consent', 'client-secret', 'exchange-service-principal', 'mailbox-permission'] as const)
      : (['application', 'service-principal', 'client-secret', 'management-scope', 'exchange-service-principal', 'management-role-assignment'] as const);
    it.each(steps)(`${route}: interrupted after %s, the next run finishes without duplicates`, async (step) => {
      const first = await h.signedIn({ afterStep: (s) => { if (s === step) throw new Error('interrupted'); } });
      await expect(first.setup(setupOptions(h, route))).rejects.toThrow('interrupted');
      const second = await h.signedIn();
      const result = await second.setup(setupOptions(h, route));
      expect(result.ok).toBe(true);
      expect(result.created).not.toContain(step);
      const d = h.tenant.automation.directory.data;
      expect(d.applications).toHaveLength(1);
      expect(d.servicePrincipals.filter((s) => s.appId === result.appId)).toHaveLength(1);
      expect(d.applications[0]!.passwordCredentials).toHaveLength(1);
      const report = await h.diagnoseProfile(`auto-${route}`);
      expect(report.ok).toBe(true);
      // The record still knows everything the tool created across both runs.
      expect(h.profiles.resolve(`auto-${route}`).automation?.created.sort()).toEqual([...steps].sort());
    });
  }
});
