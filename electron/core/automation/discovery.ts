import { EXCHANGE_ONLINE_APP_ID, type SetupFinding } from '../../../shared/contract/automation';
import { ExchangeCallError } from '../exchange/client';
import { GraphCallError } from '../graph/client';
import type { AutomationRecord } from '../../../shared/contract/automation';
import { assignmentName, appDisplayName, scopeName, type EngineDeps, type SetupOptions } from './context';
import { classifyFailure, isExchangeApiUnavailable } from './findings';
import { traceStep } from '../calls/trace';

/**
 * What the tenant already has, read before anything changes (the what-if's "exists and will be
 * reused"), each look-up as soon as what it needs is known: with nothing (Exchange Online's
 * SP and role id, the app, the mailbox and its SMTP AUTH setting, the scope), with the app (its
 * SP; Exchange's service principal and the role assignment, once Exchange has answered), with
 * the SP (consent; the mailbox permission, once Exchange's SP is known).
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

/** Every look-up's step id (electron/core/calls/trace.ts): what the plan, and so every change, waits for. */
export const DISCOVERY_STEPS = [
  'discover.exchange-online-sp',
  'discover.app',
  'discover.mailbox',
  'discover.cas-mailbox',
  'discover.transport-config',
  'discover.management-scope',
  'discover.service-principal',
  'discover.exchange-service-principal',
  'discover.role-assignment',
  'discover.consent',
  'discover.mailbox-permission',
] as const;

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

  // Each look-up starts as soon as what it needs is known (the steps name their needs for the
  // benchmark's call graph, electron/core/calls/trace.ts); the answers are read in one place below.
  const R1_EXCHANGE = ['discover.mailbox', 'discover.cas-mailbox', 'discover.transport-config', ...(o.route === 'app-rbac' ? ['discover.management-scope'] : [])];
  const exoSpsP = traceStep('discover.exchange-online-sp', [], () => graph<SpList>(`/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${EXCHANGE_ONLINE_APP_ID}'`)}&$select=id,appId,displayName,appRoles`));
  // The app: by the id a run recorded, else by its display name (one step: the second only when the first found nothing).
  const appP = traceStep('discover.app', [], async () => {
    const byId = record?.applicationObjectId ? await graph<AppBody>(`/applications/${record.applicationObjectId}?${appSelect}`) : undefined;
    if (byId) return byId;
    const list = await graph<{ value: AppBody[] }>(`/applications?$filter=${encodeURIComponent(`displayName eq '${name.replace(/'/g, "''")}'`)}&${appSelect}`);
    return list?.value[0];
  });
  const exoRound1 = Promise.all([
    traceStep('discover.mailbox', [], () => exo('Get-Mailbox', { Identity: o.mailbox })),
    traceStep('discover.cas-mailbox', [], () => exo('Get-CASMailbox', { Identity: o.mailbox })),
    traceStep('discover.transport-config', [], () => exo('Get-TransportConfig', {})),
    o.route === 'app-rbac' ? traceStep('discover.management-scope', [], () => exo('Get-ManagementScope', { Identity: scopeName(o.mailbox) })) : Promise.resolve(undefined),
  ]);
  // Needs the app's appId.
  const spsP = appP.then((app) => (app ? traceStep('discover.service-principal', ['discover.app'], () => graph<{ value: { id: string }[] }>(`/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${app.appId}'`)}&$select=id,appId`)) : undefined));
  // Need the app, and whether Exchange answered at all (the first Exchange look-ups say so).
  const exoRound2 = Promise.all([appP, exoRound1]).then(([app]) =>
    Promise.all([
      app && d.exchangeReachable ? traceStep('discover.exchange-service-principal', ['discover.app', ...R1_EXCHANGE], () => exo('Get-ServicePrincipal', { Identity: app.appId })) : Promise.resolve(undefined),
      app && d.exchangeReachable && o.route === 'app-rbac' ? traceStep('discover.role-assignment', ['discover.app', ...R1_EXCHANGE], () => exo('Get-ManagementRoleAssignment', { Identity: assignmentName(o.mailbox) })) : Promise.resolve(undefined),
    ]),
  );
  // Consent needs the service principal's id; the mailbox permission also needs Exchange's copy of it.
  const assignmentsP = spsP.then((sps) => {
    const spId = sps?.value[0]?.id;
    return o.route === 'classic' && spId ? traceStep('discover.consent', ['discover.service-principal'], () => graph<{ value: { id: string; resourceId: string; appRoleId: string }[] }>(`/servicePrincipals/${spId}/appRoleAssignments`)) : undefined;
  });
  const permissionP = Promise.all([spsP, exoRound2]).then(([sps, [exoSpRows]]) => {
    const spId = sps?.value[0]?.id;
    const hasExoSp = Array.isArray(exoSpRows) && exoSpRows.length > 0;
    return o.route === 'classic' && spId && hasExoSp ? traceStep('discover.mailbox-permission', ['discover.service-principal', 'discover.exchange-service-principal'], () => exo('Get-MailboxPermission', { Identity: o.mailbox, User: spId })) : undefined;
  });
  const [exoSps, [mailbox, cas, transport, scope], app, sps, [exoSpRows, assignment], assignments, permission] = await Promise.all([exoSpsP, exoRound1, appP, spsP, exoRound2, assignmentsP, permissionP]);

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

  if (!app) return d;
  d.app = {
    id: app.id,
    appId: app.appId,
    displayName: app.displayName,
    ...(app.createdDateTime ? { createdDateTime: app.createdDateTime } : {}),
    passwordKeyIds: (app.passwordCredentials ?? []).map((c) => c.keyId),
    hasSmtpPermission: (app.requiredResourceAccess ?? []).some((r) => r.resourceAppId === EXCHANGE_ONLINE_APP_ID && r.resourceAccess.some((a) => a.id === d.smtpSendAsAppRoleId)),
  };
  d.servicePrincipalId = sps?.value[0]?.id;
  const row = Array.isArray(exoSpRows) ? exoSpRows[0] : undefined;
  if (row) d.exchangeSp = { appId: String(row.AppId).toLowerCase(), objectId: String(row.ObjectId).toLowerCase() };
  d.roleAssignment = Array.isArray(assignment) && assignment.length > 0;
  if (!d.servicePrincipalId) return d;
  d.consentAssignmentId = assignments?.value.find((a) => a.resourceId === d.exchangeResourceSpId && a.appRoleId === d.smtpSendAsAppRoleId)?.id;
  d.mailboxPermission = Array.isArray(permission) && permission.some((p) => Array.isArray(p.AccessRights) && p.AccessRights.map(String).includes('FullAccess'));
  return d;
}
