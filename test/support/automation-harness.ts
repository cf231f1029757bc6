import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAutomation, type Automation, type AutomationConfig } from '../../electron/core/automation';
import { practiceBrowser } from '../../electron/core/automation/practice-browser';
import { diagnose } from '../../electron/core/diagnostics';
import { ProfileService } from '../../electron/core/profiles/profile-service';
import { ProfileStore } from '../../electron/core/profiles/store';
import { Vault } from '../../electron/core/vault/vault';
import { startPracticeTenant, type PracticeTenant } from '../../electron/practice';
import type { DiagnosticReport } from '../../shared/diagnostic-report';
import type { Route } from '../../shared/diagnostic-report';

/** A practice tenant, a profile store in a temp folder, the real keychain (with-keyring.sh), and an automation signed in. */
export interface AutomationHarness {
  dataDir: string;
  tenant: PracticeTenant;
  profiles: ProfileService;
  /** A fresh automation (new MSAL instance), signed in through the practice one-click browser. */
  signedIn(extra?: Partial<AutomationConfig>): Promise<Automation>;
  /** The directory as it stands (a deep copy), for before/after comparisons. */
  snapshot(): unknown;
  diagnoseProfile(name: string): Promise<DiagnosticReport>;
  close(): Promise<void>;
}

export async function startAutomationHarness(): Promise<AutomationHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'automation-'));
  const tenant = await startPracticeTenant({ dataDir });
  const profiles = new ProfileService({ store: new ProfileStore({ dataDir }), vault: new Vault({ service: `ise-smtp-oauth-test-${process.pid}` }) });
  const open: Automation[] = [];
  return {
    dataDir,
    tenant,
    profiles,
    async signedIn(extra = {}) {
      const a = createAutomation({
        tenantId: tenant.credentials().tenantId,
        signInClientId: tenant.automation.signInClientId,
        authorityHost: tenant.authorityHost,
        graphHost: tenant.automation.graphHost,
        exchangeHost: tenant.automation.exchangeHost,
        ca: [tenant.caPem],
        profiles,
        replicationDelaysMs: [300, 600, 1200, 2400],
        ...extra,
      });
      open.push(a);
      const r = await a.session.signInInteractive(practiceBrowser([tenant.caPem]));
      if (!r.ok) throw new Error(`practice sign-in failed: ${r.finding.params.reason}`);
      return a;
    },
    snapshot() {
      tenant.automation.directory.reload();
      const d = tenant.automation.directory.data;
      return JSON.parse(JSON.stringify({ applications: d.applications, servicePrincipals: d.servicePrincipals, appRoleAssignments: d.appRoleAssignments, exchange: d.exchange })) as unknown;
    },
    async diagnoseProfile(name: string) {
      const p = profiles.resolve(name);
      const secret = await profiles.vault.get(p.id);
      return diagnose({
        tenantId: p.tenantId,
        clientId: p.clientId,
        mailbox: p.mailbox,
        clientSecret: secret ?? '',
        authorityHost: tenant.authorityHost,
        smtpHost: tenant.smtpHost,
        smtpPort: tenant.smtpPort,
        caPem: tenant.caPem,
        route: p.route,
        ...(p.servicePrincipalObjectId ? { servicePrincipalObjectId: p.servicePrincipalObjectId } : {}),
        ...(p.secretExpiry ? { secretExpiry: p.secretExpiry } : {}),
      });
    },
    async close() {
      await Promise.all(open.map((a) => a.close()));
      for (const p of profiles.store.list()) await profiles.vault.delete(p.id).catch(() => false);
      await tenant.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function setupOptions(h: AutomationHarness, route: Route, profileName = `auto-${route}`) {
  return { tenantId: h.tenant.credentials().tenantId, mailbox: h.tenant.credentials().mailbox, route, profileName, practice: true };
}
