import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupOptions, startAutomationHarness, type AutomationHarness } from '../../../support/automation-harness';
import { rotationInProgress } from '../../../../electron/core/automation/rotation-state';

// Issue 14 point 5: a rotation left half-done is derived from the profile's record (what main
// keeps), not from the screen, so reopening the screen shows it again.
let h: AutomationHarness;
beforeEach(async () => {
  h = await startAutomationHarness();
});
afterEach(async () => {
  await h.close();
});

describe('the rotation stage, from the profile', () => {
  it('none after setup; "added" with the date and the old key after addPassword; none again once the old one is removed', async () => {
    const a = await h.signedIn();
    await a.setup(setupOptions(h, 'classic'));
    expect(rotationInProgress(h.profiles.resolve('auto-classic'))).toBeUndefined();
    const oldKeyId = h.profiles.resolve('auto-classic').automation!.secretKeyId!;

    const before = Date.now();
    const added = await a.rotate('auto-classic', { days: 90, removeOld: false });
    expect(added.stage).toBe('added');
    // Read back from the store as a reopened screen (or a restarted app) would.
    const profile = h.profiles.resolve('auto-classic');
    const state = rotationInProgress(profile);
    expect(state).toMatchObject({ profileId: profile.id, profileName: 'auto-classic', newKeyId: added.newKeyId, previousKeyId: oldKeyId, secretExpiry: profile.secretExpiry });
    expect(Date.parse(state!.addedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(state!.addedAt!)).toBeLessThanOrEqual(Date.now());
    // Nothing in it could be used as a credential.
    const secret = await h.profiles.vault.get(profile.id);
    expect(JSON.stringify(state)).not.toContain(secret!);

    const done = await a.rotate('auto-classic', { days: 90, removeOld: true, verify: async () => (await h.diagnoseProfile('auto-classic')).ok });
    expect(done.stage).toBe('completed');
    expect(rotationInProgress(h.profiles.resolve('auto-classic'))).toBeUndefined();
  });

  it('a profile never automated has no rotation', () => {
    const p = h.profiles.store.create({ name: 'manual', mailbox: 'a@contoso.com', tenantId: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', clientId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' });
    expect(rotationInProgress(p)).toBeUndefined();
  });
});
