import { createHash, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { ENTRA_ERRORS, type EntraErrorReply } from './entra-errors';
import { signJwt, type JwtClaims } from './jwt';
import { PRACTICE_IDS, type PracticeTenantState } from './tenant-state';
import { isSecretExpired } from '../../shared/secret-expiry';

/**
 * What Entra's token endpoint decides for a client-credentials request, as a pure function of
 * the tenant's state: the HTTP server (token-server.ts) only parses and writes. Entra checks in
 * this order: the tenant in the URL, the grant, the client, the scope's form, the secret, then
 * the resource; the first failure is the answer.
 */

/** The Exchange Online audiences (both give an Exchange token, DESIGN §2) and Graph. */
const RESOURCES: Record<string, { aud: string; exchange: boolean }> = {
  'https://outlook.office.com': { aud: 'https://outlook.office.com', exchange: true },
  'https://outlook.office365.com': { aud: 'https://outlook.office365.com', exchange: true },
  // Office 365 Exchange Online's application ID, which Entra also accepts as the resource.
  '00000002-0000-0ff1-ce00-000000000000': { aud: 'https://outlook.office365.com', exchange: true },
  'https://graph.microsoft.com': { aud: 'https://graph.microsoft.com', exchange: false },
};

/** Scopes MSAL may add on its own; Entra ignores them in a client-credentials request. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access']);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DNS_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i;

export const TOKEN_LIFETIME_S = 3599;

export interface TokenSuccess {
  status: 200;
  body: { token_type: 'Bearer'; expires_in: number; ext_expires_in: number; access_token: string };
}
export type TokenReply = TokenSuccess | EntraErrorReply;

export interface TokenRequest {
  /** The `{tenant}` path segment of `/{tenant}/oauth2/v2.0/token`. */
  tenant: string;
  form: URLSearchParams;
  /** The client's `client-request-id` header, echoed as Entra's correlation ID. */
  correlationId?: string;
}

export type TenantLookup = { ok: true } | { ok: false; reply: EntraErrorReply };

/** Whether the `{tenant}` segment names the practice tenant (by ID or by its domain). */
export function lookUpTenant(state: PracticeTenantState, tenant: string, correlationId?: string, discovery = false): TenantLookup {
  const t = tenant.trim();
  if (t.toLowerCase() === state.tenantId || t.toLowerCase() === PRACTICE_IDS.tenantDomain) return { ok: true };
  if (GUID.test(t) || DNS_NAME.test(t)) {
    return { ok: false, reply: discovery ? ENTRA_ERRORS.tenantNotFoundDiscovery(t, correlationId) : ENTRA_ERRORS.tenantNotFound(t, correlationId) };
  }
  return { ok: false, reply: ENTRA_ERRORS.tenantInvalid(t, correlationId) };
}

/** Entra's answer to one token request against the practice tenant. */
export function issueToken(state: PracticeTenantState, req: TokenRequest, signingKey: KeyObject, now = Date.now()): TokenReply {
  const cid = req.correlationId;
  const tenant = lookUpTenant(state, req.tenant, cid);
  if (!tenant.ok) return tenant.reply;

  const grantType = req.form.get('grant_type');
  if (!grantType) return ENTRA_ERRORS.parameterMissing('grant_type', cid);
  if (grantType !== 'client_credentials') return ENTRA_ERRORS.grantTypeUnsupported(grantType, cid);

  const clientId = req.form.get('client_id')?.trim();
  if (!clientId) return ENTRA_ERRORS.parameterMissing('client_id', cid);
  if (clientId.toLowerCase() !== state.app.clientId) return ENTRA_ERRORS.appNotFound(clientId, state.tenantDisplayName, cid);

  const rawScope = req.form.get('scope') ?? '';
  const scopes = rawScope.split(/\s+/).filter((s) => s && !OIDC_SCOPES.has(s.toLowerCase()));
  if (scopes.length === 0) return ENTRA_ERRORS.parameterMissing('scope', cid);
  if (scopes.length > 1) return ENTRA_ERRORS.scopeInvalid(rawScope, cid);
  const scope = scopes[0] as string;
  if (!scope.endsWith('/.default')) return ENTRA_ERRORS.scopeNotDefault(scope, cid);

  const secret = req.form.get('client_secret');
  if (!secret) return ENTRA_ERRORS.secretMissing(cid);
  const secretHash = createHash('sha256').update(secret, 'utf8').digest('hex');
  const match = state.app.secrets.find((s) => (s.valueSha256 ? s.valueSha256 === secretHash : s.value === secret));
  if (!match) return ENTRA_ERRORS.secretInvalid(state.app.clientId, cid);
  // The practice tenant keeps only the Expiry Date, so it follows the wizard's one rule
  // (shared/secret-expiry.ts): accepted through that day in UTC, AADSTS7000222 from the day after.
  if (isSecretExpired(match.expires, now)) return ENTRA_ERRORS.secretExpired(state.app.clientId, cid);

  // The credential is the app registration's; issuing a token needs its service principal
  // in the tenant (AADSTS7000229), and Conditional Access is evaluated last (AADSTS53003).
  // Where exactly Entra places these two among its checks is unconfirmed.
  if (!state.app.enterpriseAppExists) return ENTRA_ERRORS.servicePrincipalMissing(state.app.clientId, state.tenantId, cid);

  const resourceId = scope.slice(0, -'/.default'.length).replace(/\/+$/, '').toLowerCase();
  const resource = RESOURCES[resourceId];
  if (!resource) return ENTRA_ERRORS.resourceNotFound(scope.slice(0, -'/.default'.length), state.tenantDisplayName, cid);

  if (state.conditionalAccessBlocksApp) return ENTRA_ERRORS.blockedByConditionalAccess(cid);

  const roles = resource.exchange && state.app.adminConsentGranted && state.app.smtpSendAsAppUnder === 'exchange' ? ['SMTP.SendAsApp'] : [];
  const claims = accessTokenClaims(state, resource.aud, roles, now);
  return {
    status: 200,
    body: { token_type: 'Bearer', expires_in: TOKEN_LIFETIME_S, ext_expires_in: TOKEN_LIFETIME_S, access_token: signJwt(claims, signingKey) },
  };
}

/**
 * The claims of an app-only v1 access token as Entra issues it for Exchange Online: `oid`
 * (and `sub`) is the Enterprise Application's object ID, `roles` only when an application
 * permission was consented. The opaque xms_* / aio / rh values make it as long as a real one.
 */
export function accessTokenClaims(state: PracticeTenantState, aud: string, roles: string[], now = Date.now()): JwtClaims {
  const iat = Math.floor(now / 1000);
  const iss = `https://sts.windows.net/${state.tenantId}/`;
  const opaque = (n: number) => randomBytes(n).toString('base64url');
  const claims: JwtClaims = {
    aud,
    iss,
    iat,
    nbf: iat,
    exp: iat + TOKEN_LIFETIME_S,
    aio: `k2RgYJj${opaque(72)}==`,
    app_displayname: state.app.displayName,
    appid: state.app.clientId,
    appidacr: '1',
    idp: iss,
    idtyp: 'app',
    oid: state.app.enterpriseAppObjectId,
    rh: `1.A${opaque(60)}AA.`,
    ...(roles.length ? { roles } : {}),
    sid: randomUUID(),
    sub: state.app.enterpriseAppObjectId,
    tid: state.tenantId,
    uti: opaque(16),
    ver: '1.0',
    wids: ['0997a1d0-0d1d-4acb-b408-d5ca73121e90'],
    xms_ftd: opaque(48),
    xms_idrel: '7 20',
    xms_rd: `0.42Lj${opaque(140)}`,
    xms_tcdt: 1_612_137_600,
  };
  return claims;
}
