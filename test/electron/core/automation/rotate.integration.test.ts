import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupOptions, startAutomationHarness, type AutomationHarness } from '../../../support/automation-harness';

let h: AutomationHarness;
beforeEach(async () => {
  h = await startAutomationHarness();
});
afterEach(async () => {
  await h.close();
});

describe('secret rotation', () => {
  it('adds a new secret into the keychain, verifies it, then removes the old one on confirmation', async () => {
    const a = await h.signedIn();
    await a.setup({ ...setupOptions(h, 'classic'), secretDays: 30 });
    const before = h.profiles.resolve('auto-classic');
    const oldKeyId = before.automation!.secretKeyId!;
    const oldSecret = await h.profiles.vault.get(before.id);

    const added = await a.rotate('auto-classic', { days: 365, removeOld: false, verify: async () => (await h.diagnoseProfile('auto-classic')).ok });
    expect(added).toMatchObject({ ok: true, stage: 'verified', previousKeyId: oldKeyId, verified: true });
    const mid = h.profiles.resolve('auto-classic');
    expect(await h.profiles.vault.get(mid.id)).not.toBe(oldSecret);
    expect(mid.secretExpiry! > before.secretExpiry!).toBe(true);
    // Both secrets are valid until the old one is removed: ISE keeps sending meanwhile.
    expect(h.tenant.automation.directory.data.applications[0]!.passwordCredentials.map((c) => c.keyId)).toEqual([oldKeyId, added.newKeyId]);

    const done = await a.rotate('auto-classic', { days: 365, removeOld: true, verify: async () => (await h.diagnoseProfile('auto-classic')).ok });
    expect(done).toMatchObject({ ok: true, stage: 'completed', newKeyId: added.newKeyId, previousKeyId: oldKeyId });
    h.tenant.automation.directory.reload();
    expect(h.tenant.automation.directory.data.applications[0]!.passwordCredentials.map((c) => c.keyId)).toEqual([added.newKeyId]);
    expect((await h.diagnoseProfile('auto-classic')).ok).toBe(true);
    expect(done.audit.map((e) => e.result)).toEqual(['removed']);
  });

  it('a new secret that fails verification leaves the old one in place', async () => {
    const a = await h.signedIn();
    await a.setup(setupOptions(h, 'classic'));
    const oldKeyId = h.profiles.resolve('auto-classic').automation!.secretKeyId!;
    const r = await a.rotate('auto-classic', { days: 90, removeOld: true, verify: async () => false });
    expect(r).toMatchObject({ ok: false, stage: 'added', verified: false });
    expect(h.tenant.automation.directory.data.applications[0]!.passwordCredentials.map((c) => c.keyId)).toContain(oldKeyId);
  });
});
