import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SetupStep } from '../../../../shared/contract/automation';
import { setupOptions, startAutomationHarness, type AutomationHarness } from '../../../support/automation-harness';

// A run killed after Microsoft created an object but before this tool wrote its id down: the
// next run must know the object is this tool's (resume), and undo must remove it.
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

describe('an interruption between a create and its record', () => {
  it('after POST /applications, before the profile exists: the re-run resumes with that app and undo removes it', async () => {
    const before = h.snapshot();
    const first = await h.signedIn(killedAfter('application'));
    const broken = await first.setup(setupOptions(h, 'classic'));
    expect(broken.ok).toBe(false);
    // The app exists in the tenant, and no profile records it: only the intent does.
    expect(h.tenant.automation.directory.data.applications).toHaveLength(1);
    expect(h.profiles.store.list()).toEqual([]);
    expect(existsSync(join(h.dataDir, 'automation-intents.json'))).toBe(true);

    const second = await h.signedIn();
    const resumed = await second.setup(setupOptions(h, 'classic'));
    expect(resumed.ok).toBe(true);
    expect(resumed.reused).toContain('application');
    expect(h.tenant.automation.directory.data.applications).toHaveLength(1);
    const record = h.profiles.resolve('auto-classic').automation!;
    expect(record.created).toContain('application');
    expect(record.pending ?? []).toEqual([]);
    expect(existsSync(join(h.dataDir, 'automation-intents.json'))).toBe(false);
    expect((await h.diagnoseProfile('auto-classic')).ok).toBe(true);

    const undone = await second.undo('auto-classic');
    expect(undone.findings).toEqual([]);
    expect(undone.removed).toContain('application');
    expect(h.snapshot()).toEqual(before);
  });

  it('after New-ServicePrincipal: the re-run adopts Exchange\'s service principal and undo removes it there too', async () => {
    const before = h.snapshot();
    const first = await h.signedIn(killedAfter('exchange-service-principal'));
    expect((await first.setup(setupOptions(h, 'classic'))).ok).toBe(false);
    expect(h.profiles.resolve('auto-classic').automation?.pending).toContain('exchange-service-principal');
    const second = await h.signedIn();
    const resumed = await second.setup(setupOptions(h, 'classic'));
    expect(resumed.ok).toBe(true);
    expect(h.profiles.resolve('auto-classic').automation?.created).toContain('exchange-service-principal');
    const undone = await second.undo('auto-classic');
    expect(undone.removed).toContain('exchange-service-principal');
    expect(h.snapshot()).toEqual(before);
  });

  it('an app of that name that was there before the run is reused and never removed by undo', async () => {
    // A healthy first run, then its profile lost (e.g. another machine): the app is found, not adopted.
    const first = await h.signedIn();
    await first.setup(setupOptions(h, 'classic'));
    const appsBefore = h.tenant.automation.directory.data.applications.map((a) => a.id);
    const again = await first.setup(setupOptions(h, 'classic', 'another-profile'));
    expect(again.reused).toContain('application');
    expect(h.profiles.resolve('another-profile').automation?.created ?? []).not.toContain('application');
    await first.undo('another-profile');
    h.tenant.automation.directory.reload();
    expect(h.tenant.automation.directory.data.applications.map((a) => a.id)).toEqual(appsBefore);
  });
});
