import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scopeName } from '../../../../electron/core/automation/context';
import { setupOptions, startAutomationHarness, type AutomationHarness } from '../../../support/automation-harness';

// App RBAC: after the role assignment, the engine asks Exchange itself whether the service
// principal may send as the mailbox (Test-ServicePrincipalAuthorization -Identity -Resource).
let h: AutomationHarness;
beforeEach(async () => {
  h = await startAutomationHarness();
});
afterEach(async () => {
  await h.close();
});

const notAuthorized = (r: { findings: { code: string }[] }) => r.findings.filter((f) => f.code === 'SETUP_SP_NOT_AUTHORIZED');

describe('the service principal authorization check (App RBAC)', () => {
  it('a healthy run on either route: authorized, no finding', async () => {
    const a = await h.signedIn();
    const rbac = await a.setup(setupOptions(h, 'app-rbac'));
    expect(rbac.ok).toBe(true);
    expect(rbac.findings).toEqual([]); // authorized at once: no finding, not even a wait
    const classic = await a.setup(setupOptions(h, 'classic'));
    expect(notAuthorized(classic)).toEqual([]);
  });

  it('a scope that does not cover the mailbox: a warning finding naming the mailbox and the service principal, after the bounded waits', async () => {
    // Someone else's scope under our name, for another mailbox: reused, so the assignment misses the mailbox.
    const dir = h.tenant.automation.directory;
    const name = scopeName(h.tenant.credentials().mailbox);
    dir.data.exchange.managementScopes.push({ name, identity: name, recipientRestrictionFilter: "PrimarySmtpAddress -eq 'someone-else@contoso-practice.onmicrosoft.com'" });
    dir.save();
    const waits: number[] = [];
    const a = await h.signedIn({ replicationDelaysMs: [5, 5], onProgress: (e) => { if (e.type === 'waiting' && e.step === 'management-role-assignment') waits.push(e.attempt); } });
    const r = await a.setup(setupOptions(h, 'app-rbac'));
    expect(r.created).toContain('management-role-assignment');
    expect(notAuthorized(r)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        step: 'management-role-assignment',
        params: expect.objectContaining({ mailbox: h.tenant.credentials().mailbox, servicePrincipalId: r.servicePrincipalId, attempts: 3, operation: expect.stringMatching(/^Test-ServicePrincipalAuthorization -Identity \S+ -Resource \S+$/) }),
      }),
    ]);
    expect(waits).toEqual([1, 2]);
  });

  it('RBAC replication right after the assignment: shown as waiting, then authorized (no finding)', async () => {
    h.tenant.automation.setFaults(['replication-delay']);
    const waiting: string[] = [];
    const a = await h.signedIn({ onProgress: (e) => { if (e.type === 'waiting') waiting.push(e.step); } });
    const r = await a.setup(setupOptions(h, 'app-rbac'));
    expect(r.ok).toBe(true);
    expect(waiting).toContain('management-role-assignment');
    expect(notAuthorized(r)).toEqual([]);
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'SETUP_REPLICATION_WAIT', severity: 'info', step: 'management-role-assignment' }));
  });
});
