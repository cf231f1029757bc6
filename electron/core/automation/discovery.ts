import { EXCHANGE_ONLINE_APP_ID, type SetupFinding } from '../../../shared/contract/automation';
import { ExchangeCallError } from '../exchange/client';
import { GraphCallError } from '../graph/client';
import type { AutomationRecord } from '../../../shared/contract/automation';
import { assignmentName, appDisplayName, scopeName, type EngineDeps, type SetupOptions } from './context';
import { classifyFailure, isExchangeApiUnavailable } from './findings';

/**
 * What the tenant already has, read before anything changes (the what-if's "exists and will be
 * reused"), in as few rounds as the dependencies allow: round 1 needs nothing (Exchange
 * Online's SP and role id, the app, the mailbox and its SMTP AUTH setting, the scope), round 2
 * needs the app (its SP, Exchange's service principal, the role assignment), round 3 needs the
 * SP (consent, mailbox permission).
 */

export interface Discovery {
  exchangeResourceSpId?: string;
  /** Read from Exchange Online's appRoles: never hard-coded. */
  smtpSendAsAppRoleId?: string;
  app?: { id: string; appId: string; displayName: string; createdDateTime?: string; passwordKeyIds: string[]; hasSmtpPermission: boolean };
  servicePrincipalId?: string;
  consentAssignmentId?: string;
  exchangeReachable: boolean;
  mailboxExists?: boolean;
  /** Get-CASMailbox SmtpClientAuthenticationDisabled: null = follows the organisation. */
  mailboxSmtpAuthDisabled?: boolean | null;
  tenantSmtpAuthDisabled?: boolean;
  exchangeSp?: { appId: string; objectId: string };
  mailboxPermission?: boolean;
  managementScope?: boolean;
  roleAssignment?: boolean;
  findings: SetupFinding[];
}

type Graphish<T> = Promise<T | undefined>;

export async function discover(deps: EngineDeps, o: SetupOptions, record: AutomationRecord | undefined): Promise<Discovery> {
  const d: Discovery = { exchangeReachable: true, findings: [] };
  const fail = (err: unknown, operation: string) => {
    if (isExchangeApiUnavailable(err)) {
      d.exchangeReachable = false;
      return undefined;
    }
    if (!d.findings.some((f) => f.code === classifyFailure(err, 'discovery', operation).code)) d.findings.push(classifyFailure(err, 'discovery', operation));
    return undefined;
  };
  const graph = <T>(path: string): Graphish<T> =>
    deps.graph.send<T>('GET', path).then(
      (r) => r.body,
      (err: unknown) => (err instanceof GraphCallError && err.status === 404 ? undefined : fail(err, `GET ${path.split('?')[0]}`)),
    );
  const exo = (cmdlet: string, params: Record<string, unknown>) =>
    deps.exchange.invoke(cmdlet, params).then(
      (r) => r.value,
      (err: unknown) => (err instanceof ExchangeCallError && err.notFound ? null : fail(err, cmdlet)),
    );

  type SpList = { value: { id: string; appRoles?: { id: string; value: string; allowedMemberTypes: string[]; isEnabled?: boolean }[] }[] };
  type AppBody = { id: string; appId: string; displayName: string; createdDateTime?: string; passwordCredentials?: { keyId: string }[]; requiredResourceAccess?: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[] };
  const appSelect = '$select=id,appId,displayName,createdDateTime,passwordCredentials,requiredResourceAccess';
  const name = appDisplayName(o);

  const [exoSps, appById, mailbox, cas, transport, scope] = await Promise.all([
    graph<SpList>(`/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${EXCHANGE_ONLINE_APP_ID}'`)}&$select=id,appId,displayName,appRoles`),
    record?.applicationObjectId ? graph<AppBody>(`/applications/${record.applicationObjectId}?${appSelect}`) : Promise.resolve(undefined),
    exo('Get-Mailbox', { Identity: o.mailbox }),
    exo('Get-CASMailbox', { Identity: o.mailbox }),
    exo('Get-TransportConfig', {}),
    o.route === 'app-rbac' ? exo('Get-ManagementScope', { Identity: scopeName(o.mailbox) }) : Promise.resolve(undefined),
  ]);
  const exoSp = exoSps?.value[0];
  if (exoSp) {
    d.exchangeResourceSpId = exoSp.id;
    d.smtpSendAsAppRoleId = exoSp.appRoles?.find((r) => r.value === 'SMTP.SendAsApp' && r.allowedMemberTypes.includes('Application') && r.isEnabled !== false)?.id;
  }
  if (exoSps && (!exoSp || !d.smtpSendAsAppRoleId)) {
    d.findings.push({ code: 'SETUP_SERVICE_ERROR', severity: 'error', step: 'discovery', params: { service: 'graph', errorCode: exoSp ? 'SmtpSendAsAppRoleNotFound' : 'ExchangeOnlineServicePrincipalNotFound', operation: 'GET /servicePrincipals' } });
  }
  if (d.exchangeReachable) {
    d.mailboxExists = Array.isArray(mailbox) && mailbox.length > 0;
    if (mailbox === null) d.findings.push({ code: 'SETUP_MAILBOX_NOT_FOUND', severity: 'error', step: 'discovery', params: { mailbox: o.mailbox } });
    const casRow = Array.isArray(cas) ? cas[0] : undefined;
    if (casRow) d.mailboxSmtpAuthDisabled = (casRow.SmtpClientAuthenticationDisabled as boolean | null | undefined) ?? null;
    const t = Array.isArray(transport) ? transport[0] : undefined;
    if (t) d.tenantSmtpAuthDisabled = t.SmtpClientAuthenticationDisabled === true;
    d.managementScope = Array.isArray(scope) && scope.length > 0;
  }

  let app = appById;
  if (!app) {
    const list = await graph<{ value: AppBody[] }>(`/applications?$filter=${encodeURIComponent(`displayName eq '${name.replace(/'/g, "''")}'`)}&${appSelect}`);
    app = list?.value[0];
  }
  if (!app) return d;
  d.app = {
    id: app.id,
    appId: app.appId,
    displayName: app.displayName,
    ...(app.createdDateTime ? { createdDateTime: app.createdDateTime } : {}),
    passwordKeyIds: (app.passwordCredentials ?? []).map((c) => c.keyId),
    hasSmtpPermission: (app.requiredResourceAccess ?? []).some((r) => r.resourceAppId === EXCHANGE_ONLINE_APP_ID && r.resourceAccess.some((a) => a.id === d.smtpSendAsAppRoleId)),
  };

  const [sps, exoSpRows, assignment] = await Promise.all([
    graph<{ value: { id: string }[] }>(`/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${app.appId}'`)}&$select=id,appId`),
    d.exchangeReachable ? exo('Get-ServicePrincipal', { Identity: app.appId }) : Promise.resolve(undefined),
    d.exchangeReachable && o.route === 'app-rbac' ? exo('Get-ManagementRoleAssignment', { Identity: assignmentName(o.mailbox) }) : Promise.resolve(undefined),
  ]);
  d.servicePrincipalId = sps?.value[0]?.id;
  const row = Array.isArray(exoSpRows) ? exoSpRows[0] : undefined;
  if (row) d.exchangeSp = { appId: String(row.AppId).toLowerCase(), objectId: String(row.ObjectId).toLowerCase() };
  d.roleAssignment = Array.isArray(assignment) && assignment.length > 0;
  if (!d.servicePrincipalId) return d;

  const [assignments, permission] = await Promise.all([
    o.route === 'classic' ? graph<{ value: { id: string; resourceId: string; appRoleId: string }[] }>(`/servicePrincipals/${d.servicePrincipalId}/appRoleAssignments`) : Promise.resolve(undefined),
    o.route === 'classic' && d.exchangeSp ? exo('Get-MailboxPermission', { Identity: o.mailbox, User: d.servicePrincipalId }) : Promise.resolve(undefined),
  ]);
  d.consentAssignmentId = assignments?.value.find((a) => a.resourceId === d.exchangeResourceSpId && a.appRoleId === d.smtpSendAsAppRoleId)?.id;
  d.mailboxPermission = Array.isArray(permission) && permission.some((p) => Array.isArray(p.AccessRights) && p.AccessRights.map(String).includes('FullAccess'));
  return d;
}
