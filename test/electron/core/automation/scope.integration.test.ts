import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyFailure } from '../../../../electron/core/automation/findings';
import { GraphCallError } from '../../../../electron/core/graph/client';
import type { AutomationFault } from '../../../../shared/contract/automation';
import { setupOptions, startAutomationHarness, type AutomationHarness } from '../../../support/automation-harness';

// A token without a delegated permission vs an account without a role: Graph answers both with
// 403 Authorization_RequestDenied "Insufficient privileges to complete the operation." (Microsoft's
// Q&A answer 2143345 reads the missing Application.ReadWrite.All off the token), so the token's
// granted scopes tell them apart.
let h: AutomationHarness;
beforeEach(async () => {
  h = await startAutomationHarness();
});
afterEach(async () => {
  await h.close();
});

async function runWith(faults: AutomationFault[], route: 'classic' | 'app-rbac' = 'classic') {
  h.tenant.automation.setFaults(faults);
  const a = await h.signedIn();
  return { a, r: await a.setup(setupOptions(h, route)) };
}
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe('SETUP_SCOPE_MISSING vs SETUP_ROLE_MISSING', () => {
  it('consent without AppRoleAssignment.ReadWrite.All (classic): the scope is named before any change, no role is blamed', async () => {
    const before = h.snapshot();
    const { a, r } = await runWith(['signin-consent-partial']);
    expect(a.session.grantedScopes('graph')).not.toContain('AppRoleAssignment.ReadWrite.All');
    expect(a.session.grantedScopes('graph')).toContain('Application.ReadWrite.All');
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'SETUP_SCOPE_MISSING', severity: 'error', step: 'admin-consent', params: expect.objectContaining({ scope: 'AppRoleAssignment.ReadWrite.All', service: 'entra' }) })]);
    expect(r.created).toEqual([]);
    expect(h.snapshot()).toEqual(before);
  });

  it('the same consent on the App RBAC route (no app role assignment): no finding, the setup completes', async () => {
    const { r } = await runWith(['signin-consent-partial'], 'app-rbac');
    expect(codes(r)).not.toContain('SETUP_SCOPE_MISSING');
    expect(r.ok).toBe(true);
  });

  it('an account without the role (Application Developer only): SETUP_ROLE_MISSING, never SETUP_SCOPE_MISSING', async () => {
    const { r } = await runWith(['admin-app-developer-only']);
    expect(codes(r)).toContain('SETUP_ROLE_MISSING');
    expect(codes(r)).not.toContain('SETUP_SCOPE_MISSING');
  });

  it('a healthy run: neither finding', async () => {
    const { r } = await runWith([]);
    expect(r.ok).toBe(true);
    expect(codes(r).filter((c) => c === 'SETUP_SCOPE_MISSING' || c === 'SETUP_ROLE_MISSING')).toEqual([]);
  });
});

describe('a 403 Authorization_RequestDenied is read against the token', () => {
  const denied = () => new GraphCallError(403, 'Authorization_RequestDenied', [], 'req-1', undefined, 'Insufficient privileges to complete the operation.');
  it('the token lacks the step\'s permission → SETUP_SCOPE_MISSING naming it', () => {
    expect(classifyFailure(denied(), 'admin-consent', 'POST', ['Application.ReadWrite.All', 'User.Read'])).toMatchObject({ code: 'SETUP_SCOPE_MISSING', params: { scope: 'AppRoleAssignment.ReadWrite.All', requestId: 'req-1' } });
    expect(classifyFailure(denied(), 'application', 'POST', ['User.Read'])).toMatchObject({ code: 'SETUP_SCOPE_MISSING', params: { scope: 'Application.ReadWrite.All' } });
  });
  it('the token has it (or its grant is unknown) → SETUP_ROLE_MISSING naming the role', () => {
    expect(classifyFailure(denied(), 'admin-consent', 'POST', ['AppRoleAssignment.ReadWrite.All'])).toMatchObject({ code: 'SETUP_ROLE_MISSING', params: { role: 'Cloud Application Administrator' } });
    expect(classifyFailure(denied(), 'application', 'POST', ['Directory.ReadWrite.All'])).toMatchObject({ code: 'SETUP_ROLE_MISSING', params: { role: 'Application Developer' } });
    expect(classifyFailure(denied(), 'application', 'POST')).toMatchObject({ code: 'SETUP_ROLE_MISSING' });
  });
});
