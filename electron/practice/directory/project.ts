import type { PracticeTenantState } from '../tenant-state';
import type { PracticeDirectory } from './state';

/**
 * The tenant as the token endpoint and the SMTP emulator see it for one client id: the
 * scenario's state, with the application, its service principal, consent, secrets and the
 * Exchange side replaced by the directory's truth when the client id is an application the
 * automated setup (or anyone, through Graph) created. Other client ids see the scenario as is.
 */
export function stateForClient(base: PracticeTenantState, dir: PracticeDirectory, clientId: string | undefined): PracticeTenantState {
  const d = dir.data;
  const casOverride = d.exchange.casSmtpAuthDisabled;
  const withCas = (s: PracticeTenantState): PracticeTenantState =>
    casOverride === undefined ? s : { ...s, mailbox: { ...s.mailbox, smtpClientAuthenticationDisabled: casOverride } };
  const id = clientId?.trim().toLowerCase();
  const app = id ? d.applications.find((a) => a.appId === id) : undefined;
  if (!app) return withCas(base);

  const sp = d.servicePrincipals.find((s) => s.appId === app.appId);
  const smtpRole = d.smtpSendAsAppRoleId;
  const requested = app.requiredResourceAccess.some((r) => r.resourceAppId === '00000002-0000-0ff1-ce00-000000000000' && r.resourceAccess.some((a) => a.id === smtpRole && a.type === 'Role'));
  const consented = Boolean(sp && d.appRoleAssignments.some((a) => a.principalId === sp.id && a.resourceId === d.exchangeResourceSpId && a.appRoleId === smtpRole));
  const exo = d.exchange.servicePrincipals.find((s) => s.appId === app.appId);
  const mailbox = base.mailbox.address.toLowerCase();
  const fullAccess = d.exchange.mailboxPermissions
    .filter((p) => p.mailbox.toLowerCase() === mailbox && p.accessRights.includes('FullAccess'))
    .map((p) => p.user);
  const scopes = new Map(d.exchange.managementScopes.map((s) => [s.name.toLowerCase(), s]));
  const rbac = d.exchange.roleAssignments
    .filter((r) => r.role === 'Application SMTP.SendAsApp' && scopeCovers(scopes.get(r.customResourceScope.toLowerCase())?.recipientRestrictionFilter, mailbox))
    .map((r) => r.app);

  return withCas({
    ...base,
    app: {
      clientId: app.appId,
      displayName: app.displayName,
      appRegistrationObjectId: app.id,
      // An app without an enterprise application gets no token for it in real Entra (AADSTS7000229); here the oid is simply unknown.
      enterpriseAppObjectId: sp?.id ?? '00000000-0000-0000-0000-000000000000',
      secrets: app.passwordCredentials.map((c) => ({ secretId: c.keyId, value: '', valueSha256: c.secretSha256, expires: c.endDateTime.slice(0, 10) })),
      smtpSendAsAppUnder: requested || consented ? 'exchange' : 'none',
      adminConsentGranted: consented,
      enterpriseAppExists: Boolean(sp),
    },
    exchangeServicePrincipal: exo ? { appId: exo.appId, objectId: exo.objectId } : null,
    mailbox: {
      ...base.mailbox,
      fullAccess: [...base.mailbox.fullAccess, ...fullAccess],
      appRbacAssignments: [...base.mailbox.appRbacAssignments, ...rbac],
    },
  });
}

/**
 * Whether a management scope's RecipientRestrictionFilter covers the mailbox. Only the forms
 * the setup writes are understood: `PrimarySmtpAddress -eq '<address>'` (and "…" quotes).
 */
export function scopeCovers(filter: string | undefined, mailbox: string): boolean {
  if (!filter) return false;
  const m = /^\s*PrimarySmtpAddress\s+-eq\s+['"]([^'"]+)['"]\s*$/i.exec(filter);
  return Boolean(m && m[1]?.toLowerCase() === mailbox);
}
