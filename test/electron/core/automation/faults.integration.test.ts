import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AutomationFault } from '../../../../shared/contract/automation';
import { setupOptions, startAutomationHarness, type AutomationHarness } from '../../../support/automation-harness';

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
  return a.setup(setupOptions(h, route));
}

function noStackTraces(value: unknown): void {
  const text = JSON.stringify(value);
  expect(text).not.toMatch(/\n\s+at |\.ts:\d+:\d+|Error: /);
}

describe('each fault of the practice tenant becomes a clear finding', () => {
  it('no Entra role: SETUP_ROLE_MISSING names Application Developer, nothing is created', async () => {
    const before = h.snapshot();
    const r = await runWith(['admin-no-entra-role']);
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'SETUP_ROLE_MISSING', step: 'application', params: expect.objectContaining({ role: 'Application Developer', service: 'entra', status: 403 }) })]);
    expect(typeof r.findings[0]!.params.requestId).toBe('string');
    expect(h.snapshot()).toEqual(before);
    noStackTraces(r);
  });

  it('Application Developer only: the consent is refused and the finding names Cloud Application Administrator', async () => {
    const r = await runWith(['admin-app-developer-only']);
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'SETUP_ROLE_MISSING', step: 'admin-consent', params: expect.objectContaining({ role: 'Cloud Application Administrator' }) }));
    expect(r.created).toContain('application');
    expect(r.created).not.toContain('admin-consent');
    expect(r.audit).toContainEqual(expect.objectContaining({ step: 'admin-consent', result: 'failed', status: 403 }));
  });

  it('no Exchange role: 401 "User is not allowed to call" → SETUP_ROLE_MISSING names Exchange Administrator, before any change', async () => {
    const before = h.snapshot();
    const r = await runWith(['admin-no-exchange-role']);
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'SETUP_ROLE_MISSING', params: expect.objectContaining({ role: 'Exchange Administrator', service: 'exchange', status: 401 }) }));
    expect(r.created).toEqual([]);
    expect(h.snapshot()).toEqual(before);
  });

  it('Graph 429 with Retry-After: waited out, then done (an info finding says it retried)', async () => {
    const r = await runWith(['graph-throttled']);
    expect(r.ok).toBe(true);
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'SETUP_THROTTLED', severity: 'info', params: expect.objectContaining({ service: 'graph' }) }));
  });

  it('Graph throttling that does not end: SETUP_THROTTLED error after the bounded retries', async () => {
    const r = await runWith(['graph-throttled-always']);
    expect(r.ok).toBe(false);
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'SETUP_THROTTLED', severity: 'error', step: 'application', params: expect.objectContaining({ status: 429 }) }));
  });

  it('Exchange 429: retried, setup completes', async () => {
    const r = await runWith(['exchange-throttled']);
    expect(r.ok).toBe(true);
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'SETUP_THROTTLED', severity: 'info', params: expect.objectContaining({ service: 'exchange' }) }));
    expect((await h.diagnoseProfile('auto-classic')).ok).toBe(true);
  });

  it('replication delay (404 Request_ResourceNotFound / 400 NoBackingApplicationObject): waits with backoff, shown as waiting, then done', async () => {
    h.tenant.automation.setFaults(['replication-delay']);
    const waiting: string[] = [];
    const a = await h.signedIn({ onProgress: (e) => { if (e.type === 'waiting') waiting.push(`${e.step}:${e.reason}`); } });
    const r = await a.setup(setupOptions(h, 'classic'));
    expect(r.ok).toBe(true);
    expect(waiting).toContain('service-principal:replication');
    expect(r.findings.filter((f) => f.code === 'SETUP_REPLICATION_WAIT').every((f) => f.severity === 'info')).toBe(true);
    expect(r.findings.some((f) => f.code === 'SETUP_REPLICATION_WAIT')).toBe(true);
    expect((await h.diagnoseProfile('auto-classic')).ok).toBe(true);
  });

  it('InvokeCommand unavailable: the Graph half is done and the PowerShell fallback carries the exact values; a later run finishes', async () => {
    const r = await runWith(['exchange-api-unavailable']);
    const f = r.findings.find((x) => x.code === 'SETUP_EXCHANGE_API_UNAVAILABLE');
    expect(f?.severity).toBe('warning');
    expect(r.created).toEqual(expect.arrayContaining(['application', 'service-principal', 'admin-consent', 'client-secret']));
    expect(r.created).not.toContain('exchange-service-principal');
    expect(r.powershell).toContain(`New-ServicePrincipal -AppId '${r.appId}' -ObjectId '${r.servicePrincipalId}'`);
    expect(r.powershell).toContain(`Add-MailboxPermission -Identity '${h.tenant.credentials().mailbox}' -User '${r.servicePrincipalId}' -AccessRights FullAccess`);
    h.tenant.automation.setFaults([]);
    const again = await (await h.signedIn()).setup(setupOptions(h, 'classic'));
    expect(again.ok).toBe(true);
    expect(again.created.sort()).toEqual(['exchange-service-principal', 'mailbox-permission']);
    expect((await h.diagnoseProfile('auto-classic')).ok).toBe(true);
  });

  it('Authenticated SMTP off for the mailbox: Set-CASMailbox turns it on; undo turns it off again', async () => {
    const r = await runWith(['mailbox-smtp-auth-off']);
    expect(r.ok).toBe(true);
    expect(r.plan.find((p) => p.step === 'smtp-auth')?.action).toBe('change');
    expect(r.created).toContain('smtp-auth');
    expect((await h.diagnoseProfile('auto-classic')).ok).toBe(true);
    const a = await h.signedIn();
    await a.undo('auto-classic');
    expect(h.tenant.automation.directory.data.exchange.casSmtpAuthDisabled).toBe(true);
  });

  it('without permission to change SMTP AUTH it is reported, not changed', async () => {
    h.tenant.automation.setFaults(['mailbox-smtp-auth-off']);
    const a = await h.signedIn();
    const r = await a.setup({ ...setupOptions(h, 'classic'), enableMailboxSmtpAuth: false });
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'SETUP_SMTP_AUTH_DISABLED', severity: 'warning' }));
    expect(r.created).not.toContain('smtp-auth');
  });
});
