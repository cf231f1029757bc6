import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupOptions, startAutomationHarness, type AutomationHarness } from '../../../support/automation-harness';
import type { SetupStep } from '../../../../shared/contract/automation';

// Issue 14 point 3: a run killed right after addPassword returned leaves a secret in Entra whose
// keyId was never recorded. Its unique displayName, recorded before the call, finds it again.
let h: AutomationHarness;
beforeEach(async () => {
  h = await startAutomationHarness();
});
afterEach(async () => {
  await h.close();
});

const killedAfter = (step: SetupStep) => ({
  onCreateReturned: (s: SetupStep) => {
    if (s === step) throw new Error('killed');
  },
});

const creds = () => {
  h.tenant.automation.directory.reload();
  return h.tenant.automation.directory.data.applications[0]!.passwordCredentials;
};

/** A secret someone else added to the same app (another tool, the portal): never ours to remove. */
function foreignSecret(displayName: string | null): string {
  const dir = h.tenant.automation.directory;
  dir.reload();
  const keyId = randomUUID();
  const now = new Date();
  dir.data.applications[0]!.passwordCredentials.push({ keyId, displayName, startDateTime: now.toISOString(), endDateTime: new Date(now.getTime() + 86_400_000).toISOString(), hint: 'abc', secretSha256: 'x'.repeat(64) });
  dir.save();
  return keyId;
}

async function killedRun() {
  const first = await h.signedIn(killedAfter('client-secret'));
  expect((await first.setup(setupOptions(h, 'classic'))).ok).toBe(false);
  const record = h.profiles.resolve('auto-classic').automation!;
  // The secret exists in Entra; the profile knows only its name, not its keyId.
  expect(record.secretKeyId).toBeUndefined();
  expect(record.pending).toContain('client-secret');
  expect(record.secretDisplayName).toMatch(/^ise-smtp-oauth [0-9a-f-]{36}$/);
  const orphan = creds().find((c) => c.displayName === record.secretDisplayName)!;
  expect(orphan).toBeDefined();
  return { orphanKeyId: orphan.keyId };
}

describe('a secret added by a run killed right after addPassword', () => {
  it('is removed by the re-run (which adds its own), and a secret someone else added stays', async () => {
    const { orphanKeyId } = await killedRun();
    const foreign = [foreignSecret('Contoso ops'), foreignSecret(null)];
    const second = await h.signedIn();
    const resumed = await second.setup(setupOptions(h, 'classic'));
    expect(resumed.ok).toBe(true);
    const record = h.profiles.resolve('auto-classic').automation!;
    const keys = creds().map((c) => c.keyId);
    expect(keys).not.toContain(orphanKeyId);
    expect(keys.sort()).toEqual([...foreign, record.secretKeyId!].sort());
    expect(record.pending ?? []).toEqual([]);
    expect(record.secretDisplayName).toBeUndefined();
    expect(record.audit.some((e) => e.result === 'removed' && e.target === orphanKeyId)).toBe(true);
    expect((await h.diagnoseProfile('auto-classic')).ok).toBe(true);
  });

  it('is removed by undo, and a secret someone else added on a reused app stays', async () => {
    // The app existed before (reused), so undo does not delete it: the orphan must go by name.
    const seed = await h.signedIn();
    await seed.setup(setupOptions(h, 'classic', 'seed'));
    const seedKey = h.profiles.resolve('seed').automation!.secretKeyId!;
    const first = await h.signedIn(killedAfter('client-secret'));
    expect((await first.setup(setupOptions(h, 'classic', 'second'))).ok).toBe(false);
    const record = h.profiles.resolve('second').automation!;
    expect(record.created).not.toContain('application');
    const orphan = creds().find((c) => c.displayName === record.secretDisplayName)!;
    expect(orphan).toBeDefined();
    const foreign = foreignSecret('Contoso ops');

    const undone = await (await h.signedIn()).undo('second');
    expect(undone.findings).toEqual([]);
    const keys = creds().map((c) => c.keyId);
    expect(keys).not.toContain(orphan.keyId);
    expect(keys.sort()).toEqual([seedKey, foreign].sort());
    expect(undone.audit.some((e) => e.result === 'removed' && e.target === orphan.keyId)).toBe(true);
  });

  it('a rotation killed right after addPassword: the next rotation removes that secret, adds its own, and the working one stays', async () => {
    const a = await h.signedIn();
    await a.setup(setupOptions(h, 'classic'));
    const working = h.profiles.resolve('auto-classic').automation!.secretKeyId!;
    const foreign = foreignSecret('Contoso ops');
    const killed = await h.signedIn(killedAfter('client-secret'));
    expect((await killed.rotate('auto-classic', { days: 90, removeOld: false })).stage).toBe('failed');
    const name = h.profiles.resolve('auto-classic').automation!.secretDisplayName!;
    const orphan = creds().find((c) => c.displayName === name)!;
    expect(orphan).toBeDefined();

    const again = await a.rotate('auto-classic', { days: 90, removeOld: false });
    expect(again.stage).toBe('added');
    const keys = creds().map((c) => c.keyId);
    expect(keys).not.toContain(orphan.keyId);
    expect(keys.sort()).toEqual([working, foreign, again.newKeyId!].sort());
    expect(again.audit.some((e) => e.result === 'removed' && e.target === orphan.keyId)).toBe(true);
  });

  it('a healthy run records the keyId and leaves no intent behind', async () => {
    const a = await h.signedIn();
    expect((await a.setup(setupOptions(h, 'classic'))).ok).toBe(true);
    const record = h.profiles.resolve('auto-classic').automation!;
    expect(record.pending ?? []).toEqual([]);
    expect(record.secretDisplayName).toBeUndefined();
    expect(creds().map((c) => c.keyId)).toEqual([record.secretKeyId]);
    expect(creds()[0]!.displayName).toMatch(/^ise-smtp-oauth /);
  });
});
