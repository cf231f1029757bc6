import { randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EntraRoleName } from '../../../shared/contract/automation';
import { readBody } from '../http-body';
import { listenHttps, MAX_BODY_BYTES, sendJson, verifyAdminToken, type HttpsService } from '../directory/http';
import { sha256, type DirApplication, type DirServicePrincipal, type PracticeDirectory } from '../directory/state';
import { PRACTICE_IDS } from '../tenant-state';

/**
 * A Microsoft Graph v1.0 subset over the practice directory: exactly the calls the automated
 * setup makes (automation-apis.md §B), with Graph's status codes (201/200/204), its error body
 * `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}`, the
 * directory codes (Authorization_RequestDenied, Request_ResourceNotFound, NoBackingApplicationObject,
 * Request_MultipleObjectsWithSameKeyValue, duplicate app role assignment), 429 with Retry-After,
 * and replication lag when the 'replication-delay' fault is on.
 *
 * Documented: the request/response shapes of the calls, 201/204, the error envelope, Retry-After.
 * From third-party fixtures (UNCONFIRMED by Microsoft docs): the exact texts of the 400/409
 * duplicates and NoBackingApplicationObject, the 429 body, and the 404 for an unreplicated
 * principal in appRoleAssignedTo.
 */

const WRITE_ROLES: EntraRoleName[] = ['Application Developer', 'Cloud Application Administrator', 'Application Administrator', 'Global Administrator'];
const CONSENT_ROLES: EntraRoleName[] = ['Cloud Application Administrator', 'Application Administrator', 'Global Administrator', 'Privileged Role Administrator'];
const READ_SCOPES = ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const WRITE_SCOPES = ['Application.ReadWrite.All', 'Directory.ReadWrite.All'];
const CONSENT_SCOPES = ['AppRoleAssignment.ReadWrite.All'];

export interface GraphEmulatorOptions {
  directory: PracticeDirectory;
  signingKey: KeyObject;
  tenantId: string;
  tls: () => { cert: string; key: string };
  port?: number;
}

class GraphError {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: string,
    readonly details?: { code: string; message: string; target: string }[],
    readonly headers: Record<string, string> = {},
  ) {}
}

const denied = () => new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
const notFound = (id: string) => new GraphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);

function appJson(a: DirApplication): Record<string, unknown> {
  return {
    id: a.id,
    deletedDateTime: null,
    appId: a.appId,
    applicationTemplateId: null,
    createdDateTime: a.createdDateTime,
    displayName: a.displayName,
    description: null,
    publisherDomain: PRACTICE_IDS.tenantDomain,
    signInAudience: a.signInAudience,
    identifierUris: [],
    tags: [],
    isFallbackPublicClient: null,
    api: { acceptMappedClaims: null, knownClientApplications: [], requestedAccessTokenVersion: null, oauth2PermissionScopes: [], preAuthorizedApplications: [] },
    appRoles: [],
    keyCredentials: [],
    passwordCredentials: a.passwordCredentials.map((c) => ({ customKeyIdentifier: null, displayName: c.displayName, endDateTime: c.endDateTime, hint: c.hint, keyId: c.keyId, secretText: null, startDateTime: c.startDateTime })),
    publicClient: { redirectUris: [] },
    requiredResourceAccess: a.requiredResourceAccess,
    spa: { redirectUris: [] },
    web: { homePageUrl: null, logoutUrl: null, redirectUris: [], implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false } },
  };
}

function spJson(s: DirServicePrincipal): Record<string, unknown> {
  return {
    id: s.id,
    deletedDateTime: null,
    accountEnabled: true,
    appDisplayName: s.displayName,
    appId: s.appId,
    appOwnerOrganizationId: s.appOwnerOrganizationId,
    appRoleAssignmentRequired: false,
    appRoles: s.appRoles,
    displayName: s.displayName,
    servicePrincipalNames: [s.appId],
    servicePrincipalType: s.servicePrincipalType,
    signInAudience: 'AzureADMyOrg',
    tags: [],
  };
}

/** `$select=a,b` applied to one object (Graph keeps `id` only when asked). */
function select(obj: Record<string, unknown>, sel: string | null): Record<string, unknown> {
  if (!sel) return obj;
  const keys = sel.split(',').map((k) => k.trim());
  return Object.fromEntries(keys.filter((k) => k in obj).map((k) => [k, obj[k]]));
}

/** The two `$filter` forms the setup uses: `appId eq '…'` and `displayName eq '…'`. */
function parseFilter(filter: string | null): { field: string; value: string } | null | 'invalid' {
  if (!filter) return null;
  const m = /^\s*(appId|displayName|id)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(filter);
  return m ? { field: m[1]!, value: m[2]!.replace(/''/g, "'") } : 'invalid';
}

export async function startGraphEmulator(opts: GraphEmulatorOptions): Promise<HttpsService> {
  const dir = opts.directory;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const clientRequestId = typeof req.headers['client-request-id'] === 'string' ? req.headers['client-request-id'] : requestId;
    const headers = { 'request-id': requestId, 'client-request-id': clientRequestId, 'x-ms-ags-diagnostic': '{"ServerInfo":{"DataCenter":"Practice","Slice":"E","Ring":"1","ScaleUnit":"000","RoleInstance":"PRACTICE01"}}' };
    try {
      const result = await route(req);
      sendJson(res, result.status, result.body, headers);
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      sendJson(
        res,
        err.status,
        { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}), innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': requestId, 'client-request-id': clientRequestId } } },
        { ...headers, ...err.headers },
      );
    }
  }

  async function route(req: IncomingMessage): Promise<{ status: number; body?: unknown }> {
    const url = new URL(req.url ?? '/', 'https://graph.practice');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'v1.0') throw new GraphError(400, 'BadRequest', `Invalid version: ${parts[0] ?? ''}`);
    const claims = verifyAdminToken(req.headers.authorization, opts.signingKey, 'https://graph.microsoft.com', opts.tenantId);
    if (!claims) throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
    const scopes = String(claims.scp ?? '').split(' ');
    const roles = dir.admin.entraRoles;
    const need = (okScopes: string[], okRoles: EntraRoleName[] | null) => {
      if (!scopes.some((s) => okScopes.includes(s))) throw denied();
      if (okRoles && !roles.some((r) => okRoles.includes(r))) throw denied();
    };
    const method = req.method ?? 'GET';
    const write = method !== 'GET';
    if (write && (dir.trip('graph-throttled', 'graph-write', 2) || dir.faults.has('graph-throttled-always'))) {
      throw new GraphError(429, 'TooManyRequests', 'Please retry again later.', undefined, { 'Retry-After': '1' });
    }
    const raw = write ? await readBody(req, MAX_BODY_BYTES) : '';
    // From here to save() nothing awaits: concurrent requests cannot interleave their changes.
    dir.reload();
    let body: Record<string, unknown> = {};
    if (raw) {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        throw new GraphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
      }
    }
    const now = Date.now();
    const visible = <T extends { visibleAt: number }>(o: T | undefined): o is T => Boolean(o && o.visibleAt <= now);
    const d = dir.data;
    const [, collection, id, nav, navId] = parts;

    if (parts.length === 2 && collection === 'me' && method === 'GET') {
      return { status: 200, body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity', id: claims.oid, userPrincipalName: claims.upn, displayName: claims.name } };
    }

    if (collection === 'applications') {
      if (parts.length === 2 && method === 'GET') {
        need(READ_SCOPES, null);
        const f = parseFilter(url.searchParams.get('$filter'));
        if (f === 'invalid') throw new GraphError(400, 'Request_UnsupportedQuery', 'Unsupported or invalid query filter clause specified for property of resource Application.');
        const list = d.applications.filter((a) => visible(a) && (!f || String((a as unknown as Record<string, unknown>)[f.field]).toLowerCase() === f.value.toLowerCase()));
        return { status: 200, body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#applications', value: list.map((a) => select(appJson(a), url.searchParams.get('$select'))) } };
      }
      if (parts.length === 2 && method === 'POST') {
        need(WRITE_SCOPES, WRITE_ROLES);
        if (typeof body.displayName !== 'string' || !body.displayName) throw new GraphError(400, 'Request_BadRequest', "Property 'displayName' is required.");
        if ('passwordCredentials' in body && Array.isArray(body.passwordCredentials) && body.passwordCredentials.length) {
          throw new GraphError(400, 'Request_BadRequest', 'Property passwordCredentials is not supported on create; use addPassword.');
        }
        const app: DirApplication = {
          id: randomUUID(),
          appId: randomUUID(),
          displayName: body.displayName,
          signInAudience: typeof body.signInAudience === 'string' ? body.signInAudience : 'AzureADandPersonalMicrosoftAccount',
          createdDateTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
          requiredResourceAccess: Array.isArray(body.requiredResourceAccess) ? (body.requiredResourceAccess as DirApplication['requiredResourceAccess']) : [],
          passwordCredentials: [],
          visibleAt: dir.visibleAt(),
        };
        d.applications.push(app);
        dir.save();
        return { status: 201, body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#applications/$entity', ...appJson(app) } };
      }
      const app = d.applications.find((a) => a.id === id);
      if (parts.length === 3 && method === 'GET') {
        need(READ_SCOPES, null);
        if (!visible(app)) throw notFound(id ?? '');
        return { status: 200, body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#applications/$entity', ...select(appJson(app), url.searchParams.get('$select')) } };
      }
      if (parts.length === 3 && method === 'DELETE') {
        need(WRITE_SCOPES, WRITE_ROLES);
        if (!visible(app)) throw notFound(id ?? '');
        // Deleting the application also deletes its service principal in the home tenant, and with it its assignments.
        const sp = d.servicePrincipals.find((s) => s.appId === app.appId);
        d.applications = d.applications.filter((a) => a !== app);
        if (sp) {
          d.servicePrincipals = d.servicePrincipals.filter((s) => s !== sp);
          d.appRoleAssignments = d.appRoleAssignments.filter((a) => a.principalId !== sp.id);
        }
        dir.save();
        return { status: 204 };
      }
      if (parts.length === 4 && nav === 'addPassword' && method === 'POST') {
        need(WRITE_SCOPES, WRITE_ROLES);
        if (!visible(app)) throw notFound(id ?? '');
        const pc = (body.passwordCredential ?? {}) as Record<string, unknown>;
        const start = typeof pc.startDateTime === 'string' ? pc.startDateTime : new Date().toISOString();
        const end = typeof pc.endDateTime === 'string' ? pc.endDateTime : new Date(Date.parse(start) + 2 * 365 * 86_400_000).toISOString();
        if (Number.isNaN(Date.parse(end)) || Date.parse(end) <= Date.parse(start)) throw new GraphError(400, 'Request_BadRequest', 'Invalid value specified for property \'endDateTime\' of resource \'PasswordCredential\'.');
        // A secret's Value like Entra's: 40 characters with a '~' (Entra's shape; the generator is ours).
        const secretText = `${randomBytes(3).toString('base64url').slice(0, 3)}8Q~${randomBytes(30).toString('base64url').slice(0, 37)}`;
        const cred = { keyId: randomUUID(), displayName: typeof pc.displayName === 'string' ? pc.displayName : null, startDateTime: start, endDateTime: end, hint: secretText.slice(0, 3), secretSha256: sha256(secretText) };
        app.passwordCredentials.push(cred);
        dir.save();
        return {
          status: 200,
          body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.passwordCredential', customKeyIdentifier: null, displayName: cred.displayName, endDateTime: end, hint: cred.hint, keyId: cred.keyId, secretText, startDateTime: start },
        };
      }
      if (parts.length === 4 && nav === 'removePassword' && method === 'POST') {
        need(WRITE_SCOPES, WRITE_ROLES);
        if (!visible(app)) throw notFound(id ?? '');
        const keyId = String(body.keyId ?? '');
        if (!app.passwordCredentials.some((c) => c.keyId === keyId)) throw new GraphError(400, 'Request_BadRequest', `No password credential found with keyId ${keyId}.`);
        app.passwordCredentials = app.passwordCredentials.filter((c) => c.keyId !== keyId);
        dir.save();
        return { status: 204 };
      }
    }

    if (collection === 'servicePrincipals') {
      if (parts.length === 2 && method === 'GET') {
        need(READ_SCOPES, null);
        const f = parseFilter(url.searchParams.get('$filter'));
        if (f === 'invalid') throw new GraphError(400, 'Request_UnsupportedQuery', 'Unsupported or invalid query filter clause specified for property of resource ServicePrincipal.');
        const list = d.servicePrincipals.filter((s) => visible(s) && (!f || String((s as unknown as Record<string, unknown>)[f.field]).toLowerCase() === f.value.toLowerCase()));
        return { status: 200, body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#servicePrincipals', value: list.map((s) => select(spJson(s), url.searchParams.get('$select'))) } };
      }
      if (parts.length === 2 && method === 'POST') {
        need(WRITE_SCOPES, WRITE_ROLES);
        const appId = String(body.appId ?? '').toLowerCase();
        const app = d.applications.find((a) => a.appId === appId);
        if (!visible(app)) {
          const text = `The appId '${appId}' of the service principal does not reference a valid application object.`;
          throw new GraphError(400, 'Request_BadRequest', text, [{ code: 'NoBackingApplicationObject', message: text, target: 'appId' }]);
        }
        if (d.servicePrincipals.some((s) => s.appId === appId)) {
          throw new GraphError(409, 'Request_MultipleObjectsWithSameKeyValue', `The service principal cannot be created, updated, or restored because the service principal name ${appId} is already in use.`);
        }
        const sp: DirServicePrincipal = { id: randomUUID(), appId, displayName: app.displayName, servicePrincipalType: 'Application', appOwnerOrganizationId: opts.tenantId, appRoles: [], createdDateTime: new Date().toISOString(), visibleAt: dir.visibleAt() };
        d.servicePrincipals.push(sp);
        dir.save();
        return { status: 201, body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#servicePrincipals/$entity', ...spJson(sp) } };
      }
      const sp = d.servicePrincipals.find((s) => s.id === id);
      if (parts.length === 3 && method === 'GET') {
        need(READ_SCOPES, null);
        if (!visible(sp)) throw notFound(id ?? '');
        return { status: 200, body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#servicePrincipals/$entity', ...select(spJson(sp), url.searchParams.get('$select')) } };
      }
      if (parts.length === 3 && method === 'DELETE') {
        need(WRITE_SCOPES, WRITE_ROLES);
        if (!visible(sp)) throw notFound(id ?? '');
        d.servicePrincipals = d.servicePrincipals.filter((s) => s !== sp);
        d.appRoleAssignments = d.appRoleAssignments.filter((a) => a.principalId !== sp.id);
        dir.save();
        return { status: 204 };
      }
      if (parts.length === 4 && nav === 'appRoleAssignments' && method === 'GET') {
        need(READ_SCOPES, null);
        if (!visible(sp)) throw notFound(id ?? '');
        const list = d.appRoleAssignments.filter((a) => a.principalId === sp.id);
        return { status: 200, body: { '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#servicePrincipals('${sp.id}')/appRoleAssignments`, value: list.map((a) => ({ ...a, deletedDateTime: null })) } };
      }
      if (parts.length === 4 && nav === 'appRoleAssignedTo' && method === 'POST') {
        need(CONSENT_SCOPES, CONSENT_ROLES);
        if (!visible(sp)) throw notFound(id ?? '');
        const principal = d.servicePrincipals.find((s) => s.id === String(body.principalId ?? ''));
        if (!visible(principal)) throw notFound(String(body.principalId ?? ''));
        const appRoleId = String(body.appRoleId ?? '');
        if (String(body.resourceId ?? '') !== sp.id || !sp.appRoles.some((r) => r.id === appRoleId && r.allowedMemberTypes.includes('Application'))) {
          throw new GraphError(400, 'Request_BadRequest', 'Permission being assigned was not found on application');
        }
        if (d.appRoleAssignments.some((a) => a.principalId === principal.id && a.resourceId === sp.id && a.appRoleId === appRoleId)) {
          throw new GraphError(400, 'Request_BadRequest', 'Permission being assigned already exists on the object.');
        }
        const assignment = {
          id: randomBytes(24).toString('base64url'),
          appRoleId,
          createdDateTime: new Date().toISOString(),
          principalDisplayName: principal.displayName,
          principalId: principal.id,
          principalType: 'ServicePrincipal' as const,
          resourceDisplayName: sp.displayName,
          resourceId: sp.id,
        };
        d.appRoleAssignments.push(assignment);
        dir.save();
        return { status: 201, body: { '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#servicePrincipals('${sp.id}')/appRoleAssignedTo/$entity`, ...assignment, deletedDateTime: null } };
      }
      if (parts.length === 5 && nav === 'appRoleAssignedTo' && method === 'DELETE') {
        need(CONSENT_SCOPES, CONSENT_ROLES);
        const before = d.appRoleAssignments.length;
        d.appRoleAssignments = d.appRoleAssignments.filter((a) => !(a.id === navId && a.resourceId === id));
        if (d.appRoleAssignments.length === before) throw notFound(navId ?? '');
        dir.save();
        return { status: 204 };
      }
    }
    throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${parts[1] ?? ''}'.`);
  }

  return listenHttps(opts.tls, handle, opts.port);
}
