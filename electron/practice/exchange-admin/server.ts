import { randomUUID, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http-body';
import { listenHttps, MAX_BODY_BYTES, sendJson, verifyAdminToken, type HttpsService } from '../directory/http';
import type { ExoServicePrincipal, PracticeDirectory } from '../directory/state';
import { PRACTICE_IDS, type PracticeTenantState } from '../tenant-state';

/**
 * The subset of Exchange Online's `POST /adminapi/beta/{tenant}/InvokeCommand` the automated
 * setup uses (automation-apis.md §C), over the practice directory. The endpoint is NOT
 * documented by Microsoft: everything here follows observed traffic from third-party clients
 * (CIPP, ExoHelper) and captures, and is UNCONFIRMED where noted:
 *   - success envelope `@odata.context` / `@adminapi.warnings` / `value` with `@odata.type`
 *     annotations, `request-id` and `Rate-Limit-*` headers: from a capture;
 *   - cmdlet errors `{"error":{"code","message":"Error executing cmdlet","details":[{"code":"Client",
 *     "message":"<ExId>|<ExceptionType>|<text>"}],"innererror":{…}}}`: from a capture; the HTTP
 *     status of a cmdlet error (404 for NotFound, 400 otherwise) is UNCONFIRMED;
 *   - 401 "User is not allowed to call <cmdlet>" without the RBAC role: 3p report;
 *   - 403 with an empty body for an unknown cmdlet: 3p measurement (also used for the
 *     'exchange-api-unavailable' fault);
 *   - 429 body and Retry-After: UNCONFIRMED (ExoHelper only says "429");
 *   - the "already exists" texts and Test-ServicePrincipalAuthorization's columns: UNCONFIRMED.
 */

export interface ExchangeAdminOptions {
  directory: PracticeDirectory;
  /** The scenario's tenant (mailbox address, tenant-wide SMTP AUTH). */
  baseState: () => PracticeTenantState;
  signingKey: KeyObject;
  tenantId: string;
  tls: () => { cert: string; key: string };
  port?: number;
}

class CmdletError {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

const FE = 'AM6PR04MB5639';

function cmdletFailure(status: number, code: string, exId: string, exType: string, text: string): CmdletError {
  return new CmdletError(status, {
    error: {
      code,
      message: 'Error executing cmdlet',
      details: [{ code: 'Client', target: '', message: `${exId}|${exType}|${text}` }],
      innererror: {
        message: 'Error executing cmdlet',
        type: 'Microsoft.Exchange.Admin.OData.Core.ODataServiceException',
        stacktrace: '',
        internalexception: { message: "Exception of type 'Microsoft.Exchange.Management.PSDirectInvoke.DirectInvokeCmdletExecutionException' was thrown.", type: 'Microsoft.Exchange.Management.PSDirectInvoke.DirectInvokeCmdletExecutionException', stacktrace: '' },
      },
    },
    'adminapi.warnings@odata.type': '#Collection(String)',
    '@adminapi.warnings': [],
  });
}

const notFound = (what: string) =>
  cmdletFailure(404, 'NotFound', 'Ex6F9304', 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException', `The operation couldn't be performed because object '${what}' couldn't be found on '${FE}.EURPRD04.PROD.OUTLOOK.COM'.`);
const alreadyExists = (what: string) =>
  cmdletFailure(400, 'BadRequest', 'Ex2AC9F1', 'Microsoft.Exchange.Configuration.Tasks.ADObjectAlreadyExistsException', `The object '${what}' already exists.`);
const invalidParameter = (text: string) => cmdletFailure(400, 'BadRequest', 'ExB5D1A8', 'System.Management.Automation.ParameterBindingException', text);

const ADMIN_ROLES = ['29232cdf-9323-42fd-ade2-1d097af3e4de', '62e90394-69f5-4237-9190-012177145e10'];

/** The cmdlets this emulator knows; any other answers 403 with no body, as observed. */
const KNOWN = new Set([
  'Get-Mailbox', 'Get-CASMailbox', 'Set-CASMailbox', 'Get-TransportConfig',
  'Get-ServicePrincipal', 'New-ServicePrincipal', 'Remove-ServicePrincipal',
  'Get-MailboxPermission', 'Add-MailboxPermission', 'Remove-MailboxPermission',
  'Get-ManagementScope', 'New-ManagementScope', 'Remove-ManagementScope',
  'Get-ManagementRoleAssignment', 'New-ManagementRoleAssignment', 'Remove-ManagementRoleAssignment',
  'Test-ServicePrincipalAuthorization',
]);

function spObject(s: ExoServicePrincipal): Record<string, unknown> {
  return { 'AppId@odata.type': '#Guid', AppId: s.appId, 'ObjectId@odata.type': '#Guid', ObjectId: s.objectId, DisplayName: s.displayName, Name: s.objectId, Identity: s.identity, Id: s.identity, ObjectState: 'Unchanged' };
}

export async function startExchangeAdminEmulator(opts: ExchangeAdminOptions): Promise<HttpsService> {
  const dir = opts.directory;
  const tenantOk = (t: string) => [opts.tenantId, PRACTICE_IDS.tenantDomain].includes(decodeURIComponent(t).toLowerCase());

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const headers = { 'request-id': requestId, 'X-Exchangeversion': 'Version 15.20 (Build 7587.36)', 'Odata-Version': '4.0', 'Rate-Limit-Limit': '30000', 'Rate-Limit-Remaining': '29990', 'Rate-Limit-Reset': new Date(Date.now() + 60_000).toISOString() };
    try {
      const value = await route(req);
      sendJson(res, 200, { '@odata.context': `https://outlook.office365.com/adminapi/beta/${opts.tenantId}/$metadata#Collection(Exchange.GenericHashTable)`, 'adminapi.warnings@odata.type': '#Collection(String)', '@adminapi.warnings': value.warnings ?? [], value: value.value }, headers);
    } catch (err) {
      if (!(err instanceof CmdletError)) throw err;
      if (err.body === undefined) {
        res.writeHead(err.status, { ...headers, ...err.headers, 'Content-Length': '0' });
        res.end();
        return;
      }
      sendJson(res, err.status, err.body, { ...headers, ...err.headers });
    }
  }

  async function route(req: IncomingMessage): Promise<{ value: unknown[]; warnings?: string[] }> {
    const parts = (new URL(req.url ?? '/', 'https://exo.practice').pathname).split('/').filter(Boolean);
    if (req.method !== 'POST' || parts.length !== 4 || parts[0] !== 'adminapi' || parts[3] !== 'InvokeCommand') throw new CmdletError(404, undefined);
    if (parts[1] !== 'beta') throw new CmdletError(405, undefined); // v1.0 answers 405 (3p, measured)
    if (!tenantOk(parts[2] ?? '')) throw new CmdletError(400, { error: { code: 'BadRequest', message: `Tenant '${parts[2] ?? ''}' is not valid.` } }); // UNCONFIRMED
    const claims = verifyAdminToken(req.headers.authorization, opts.signingKey, 'https://outlook.office365.com', opts.tenantId);
    if (!claims) throw new CmdletError(401, { error: { code: 'Unauthorized', message: 'Access token validation failure.' } }); // UNCONFIRMED text
    const raw = await readBody(req, MAX_BODY_BYTES);
    dir.reload(); // then synchronous up to save(): no interleaving with a concurrent call
    let input: { CmdletName?: unknown; Parameters?: unknown } = {};
    try {
      input = ((JSON.parse(raw ?? '') as { CmdletInput?: typeof input }).CmdletInput ?? {}) as typeof input;
    } catch {
      throw new CmdletError(400, { error: { code: 'BadRequest', message: 'The request body is not valid JSON.' } });
    }
    const cmdlet = String(input.CmdletName ?? '');
    const p = (input.Parameters ?? {}) as Record<string, unknown>;
    if (dir.faults.has('exchange-api-unavailable') || !KNOWN.has(cmdlet)) throw new CmdletError(403, undefined);
    if (dir.trip('exchange-throttled', 'exo', 2)) throw new CmdletError(429, { error: { code: 'TooManyRequests', message: 'The request was throttled. Retry after the interval in Retry-After.' } }, { 'Retry-After': '1' });
    const scopes = String(claims.scp ?? '').split(' ');
    const wids = Array.isArray(claims.wids) ? claims.wids.map(String) : [];
    if (!scopes.includes('Exchange.Manage') || !wids.some((w) => ADMIN_ROLES.includes(w)) || !dir.adminRoleIds().some((w) => ADMIN_ROLES.includes(w))) {
      const text = `User is not allowed to call ${cmdlet}`;
      throw new CmdletError(401, { error: { code: 'Unauthorized', message: text, innererror: { message: text, type: 'Microsoft.Exchange.Admin.OData.Core.ODataServiceException' } } });
    }
    return run(cmdlet, p);
  }

  function findSp(identity: unknown): ExoServicePrincipal | undefined {
    const id = String(identity ?? '').toLowerCase();
    return dir.data.exchange.servicePrincipals.find((s) => [s.appId, s.objectId, s.identity, s.displayName.toLowerCase()].includes(id));
  }

  function mailboxOf(identity: unknown): string {
    const address = opts.baseState().mailbox.address;
    if (String(identity ?? '').toLowerCase() !== address.toLowerCase()) throw notFound(String(identity ?? ''));
    return address;
  }

  function casDisabled(): boolean | null {
    const set = dir.data.exchange.casSmtpAuthDisabled;
    if (set !== undefined) return set;
    return opts.baseState().mailbox.smtpClientAuthenticationDisabled;
  }

  function run(cmdlet: string, p: Record<string, unknown>): { value: unknown[]; warnings?: string[] } {
    const ex = dir.data.exchange;
    const changed = () => dir.save();
    switch (cmdlet) {
      case 'Get-Mailbox': {
        const address = mailboxOf(p.Identity);
        return { value: [{ 'ExchangeGuid@odata.type': '#Guid', ExchangeGuid: '2be9c5f1-7d3a-4e8b-9c6f-1a2b3c4d5e6f', UserPrincipalName: address, PrimarySmtpAddress: address, Identity: address.split('@')[0], DisplayName: 'ISE notifications', RecipientTypeDetails: 'UserMailbox' }] };
      }
      case 'Get-CASMailbox': {
        const address = mailboxOf(p.Identity);
        return { value: [{ Identity: address.split('@')[0], PrimarySmtpAddress: address, SmtpClientAuthenticationDisabled: casDisabled() }] };
      }
      case 'Set-CASMailbox': {
        mailboxOf(p.Identity);
        const v = p.SmtpClientAuthenticationDisabled;
        if (v !== null && typeof v !== 'boolean') throw invalidParameter("Cannot process argument transformation on parameter 'SmtpClientAuthenticationDisabled'.");
        ex.casSmtpAuthDisabled = v as boolean | null;
        changed();
        return { value: [] };
      }
      case 'Get-TransportConfig':
        return { value: [{ Identity: 'Transport Settings', SmtpClientAuthenticationDisabled: opts.baseState().smtpClientAuthenticationDisabled }] };
      case 'Get-ServicePrincipal': {
        if (p.Identity === undefined) return { value: ex.servicePrincipals.map(spObject) };
        const sp = findSp(p.Identity);
        if (!sp) throw notFound(String(p.Identity));
        return { value: [spObject(sp)] };
      }
      case 'New-ServicePrincipal': {
        const appId = String(p.AppId ?? '').toLowerCase();
        const objectId = String(p.ObjectId ?? p.ServiceId ?? '').toLowerCase();
        if (!/^[0-9a-f-]{36}$/.test(appId) || !/^[0-9a-f-]{36}$/.test(objectId)) throw invalidParameter("Cannot bind parameter 'AppId' / 'ObjectId': a GUID is required.");
        if (ex.servicePrincipals.some((s) => s.appId === appId || s.objectId === objectId)) {
          // CIPP matches 'already exist'; the exact text is UNCONFIRMED.
          throw cmdletFailure(400, 'BadRequest', 'Ex9A1E27', 'Microsoft.Exchange.Management.Tasks.ServicePrincipalAlreadyExistsException', `The service principal with AppId ${appId} already exists.`);
        }
        // Accepted even with a wrong ObjectId: the failure shows up only at SMTP AUTH (UNCONFIRMED whether Exchange validates it).
        const sp: ExoServicePrincipal = { appId, objectId, displayName: typeof p.DisplayName === 'string' ? p.DisplayName : appId, identity: randomUUID() };
        ex.servicePrincipals.push(sp);
        changed();
        return { value: [spObject(sp)] };
      }
      case 'Remove-ServicePrincipal': {
        const sp = findSp(p.Identity);
        if (!sp) throw notFound(String(p.Identity));
        ex.servicePrincipals = ex.servicePrincipals.filter((s) => s !== sp);
        ex.mailboxPermissions = ex.mailboxPermissions.filter((m) => m.user !== sp.objectId);
        ex.roleAssignments = ex.roleAssignments.filter((r) => r.app !== sp.appId);
        changed();
        return { value: [] };
      }
      case 'Get-MailboxPermission': {
        const address = mailboxOf(p.Identity);
        const sp = p.User === undefined ? undefined : findSp(p.User);
        if (p.User !== undefined && !sp) throw notFound(String(p.User));
        const rows = ex.mailboxPermissions.filter((m) => m.mailbox.toLowerCase() === address.toLowerCase() && (!sp || m.user === sp.objectId));
        const self = p.User === undefined ? [{ Identity: address.split('@')[0], User: 'NT AUTHORITY\\SELF', AccessRights: ['FullAccess, ReadPermission'], IsInherited: false, Deny: false, InheritanceType: 'All' }] : [];
        return { value: [...self, ...rows.map((m) => ({ Identity: address.split('@')[0], User: findSp(m.user)?.displayName ?? m.user, UserSid: m.user, 'AccessRights@odata.type': '#Collection(String)', AccessRights: m.accessRights, IsInherited: false, Deny: false, InheritanceType: 'All' }))] };
      }
      case 'Add-MailboxPermission': {
        const address = mailboxOf(p.Identity);
        const sp = findSp(p.User);
        if (!sp) throw notFound(String(p.User));
        const rights = Array.isArray(p.AccessRights) ? p.AccessRights.map(String) : [String(p.AccessRights ?? '')];
        const existing = ex.mailboxPermissions.find((m) => m.mailbox === address && m.user === sp.objectId);
        if (existing) return { value: [], warnings: [`The appropriate access control entry is already present on the object "${address}" for account "${sp.displayName}".`] };
        ex.mailboxPermissions.push({ mailbox: address, user: sp.objectId, accessRights: rights });
        changed();
        return { value: [{ Identity: address.split('@')[0], User: sp.displayName, AccessRights: rights, IsInherited: false, Deny: false, InheritanceType: String(p.InheritanceType ?? 'All') }] };
      }
      case 'Remove-MailboxPermission': {
        const address = mailboxOf(p.Identity);
        const sp = findSp(p.User);
        const before = ex.mailboxPermissions.length;
        ex.mailboxPermissions = ex.mailboxPermissions.filter((m) => !(m.mailbox === address && sp && m.user === sp.objectId));
        if (ex.mailboxPermissions.length === before) return { value: [], warnings: [`Can't remove the access control entry on the object "${address}" for account "${String(p.User)}" because the ACE doesn't exist on the object.`] };
        changed();
        return { value: [] };
      }
      case 'Get-ManagementScope': {
        const list = p.Identity === undefined ? ex.managementScopes : ex.managementScopes.filter((s) => s.name.toLowerCase() === String(p.Identity).toLowerCase());
        if (p.Identity !== undefined && list.length === 0) throw notFound(String(p.Identity));
        return { value: list.map((s) => ({ Name: s.name, Identity: s.name, RecipientRestrictionFilter: s.recipientRestrictionFilter, ScopeRestrictionType: 'RecipientScope', Exclusive: false })) };
      }
      case 'New-ManagementScope': {
        const name = String(p.Name ?? '');
        if (!name || typeof p.RecipientRestrictionFilter !== 'string') throw invalidParameter("Missing an argument for parameter 'Name' or 'RecipientRestrictionFilter'.");
        if (ex.managementScopes.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw alreadyExists(name);
        ex.managementScopes.push({ name, recipientRestrictionFilter: p.RecipientRestrictionFilter, identity: name });
        changed();
        return { value: [{ Name: name, Identity: name, RecipientRestrictionFilter: p.RecipientRestrictionFilter, ScopeRestrictionType: 'RecipientScope' }] };
      }
      case 'Remove-ManagementScope': {
        const name = String(p.Identity ?? '').toLowerCase();
        if (ex.roleAssignments.some((r) => r.customResourceScope.toLowerCase() === name)) {
          throw cmdletFailure(400, 'BadRequest', 'Ex4C2D10', 'Microsoft.Exchange.Management.RbacTasks.ScopeInUseException', `Management scope "${String(p.Identity)}" can't be removed because it's used by role assignments.`);
        }
        const before = ex.managementScopes.length;
        ex.managementScopes = ex.managementScopes.filter((s) => s.name.toLowerCase() !== name);
        if (before === ex.managementScopes.length) throw notFound(String(p.Identity));
        changed();
        return { value: [] };
      }
      case 'Get-ManagementRoleAssignment': {
        const sp = p.RoleAssignee === undefined ? undefined : findSp(p.RoleAssignee);
        const list = ex.roleAssignments.filter((r) => (p.Identity === undefined || r.name.toLowerCase() === String(p.Identity).toLowerCase()) && (p.RoleAssignee === undefined || r.app === sp?.appId));
        if (p.Identity !== undefined && list.length === 0) throw notFound(String(p.Identity));
        return { value: list.map((r) => ({ Name: r.name, Identity: r.name, Role: r.role, RoleAssignee: r.app, RoleAssigneeType: 'ServicePrincipal', CustomResourceScope: r.customResourceScope, RecipientWriteScope: 'CustomRecipientScope', Enabled: true })) };
      }
      case 'New-ManagementRoleAssignment': {
        const sp = findSp(p.App);
        if (!sp) throw notFound(String(p.App));
        if (p.Role !== 'Application SMTP.SendAsApp') throw notFound(String(p.Role));
        const scope = ex.managementScopes.find((s) => s.name.toLowerCase() === String(p.CustomResourceScope ?? '').toLowerCase());
        if (!scope) throw notFound(String(p.CustomResourceScope));
        const name = typeof p.Name === 'string' && p.Name ? p.Name : `Application SMTP.SendAsApp-${sp.displayName}`;
        if (ex.roleAssignments.some((r) => r.name.toLowerCase() === name.toLowerCase())) throw alreadyExists(name);
        const visibleAt = dir.visibleAt();
        ex.roleAssignments.push({ name, role: 'Application SMTP.SendAsApp', app: sp.appId, customResourceScope: scope.name, identity: name, ...(visibleAt > 0 ? { visibleAt } : {}) });
        changed();
        return { value: [{ Name: name, Identity: name, Role: 'Application SMTP.SendAsApp', RoleAssignee: sp.appId, RoleAssigneeType: 'ServicePrincipal', CustomResourceScope: scope.name }] };
      }
      case 'Remove-ManagementRoleAssignment': {
        const before = ex.roleAssignments.length;
        ex.roleAssignments = ex.roleAssignments.filter((r) => r.name.toLowerCase() !== String(p.Identity ?? '').toLowerCase());
        if (before === ex.roleAssignments.length) throw notFound(String(p.Identity));
        changed();
        return { value: [] };
      }
      case 'Test-ServicePrincipalAuthorization': {
        const sp = findSp(p.Identity);
        if (!sp) throw notFound(String(p.Identity));
        const mailbox = p.Resource === undefined ? undefined : mailboxOf(p.Resource).toLowerCase();
        const scopes = new Map(ex.managementScopes.map((s) => [s.name.toLowerCase(), s.recipientRestrictionFilter]));
        return {
          // A new assignment takes a while to reach Exchange's RBAC (the replication-delay fault).
          value: ex.roleAssignments
            .filter((r) => r.app === sp.appId && (r.visibleAt ?? 0) <= Date.now())
            .map((r) => {
              const filter = scopes.get(r.customResourceScope.toLowerCase()) ?? '';
              const inScope = mailbox ? new RegExp(`['"]${mailbox.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]`, 'i').test(filter) : false;
              return { RoleName: r.role, GrantedPermissions: 'SMTP.SendAsApp', AllowedResourceScope: r.customResourceScope, ScopeType: 'CustomRecipientScope', InScope: inScope };
            }),
        };
      }
    }
    throw new CmdletError(403, undefined);
  }

  return listenHttps(opts.tls, handle, opts.port);
}
