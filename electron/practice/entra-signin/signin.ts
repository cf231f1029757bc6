import { createHash, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { entraError, ENTRA_ERRORS } from '../entra-errors';
import { signJwt } from '../jwt';
import { PRACTICE_IDS } from '../tenant-state';
import { PRACTICE_SIGN_IN_CLIENT_ID, type PracticeDirectory } from '../directory/state';

/**
 * The practice tenant's admin sign-in, as Entra runs it for a public client: the authorize
 * endpoint (a sign-in page that form-POSTs `code` + `state` to MSAL's loopback, msal-node ≥ 6),
 * PKCE S256 checked at the token endpoint, the device-code endpoints with `authorization_pending`
 * polling, and refresh tokens for the second resource (Exchange after Graph). Tokens are
 * delegated v1 access tokens for the practice admin, with `scp` and the admin's `wids` (role
 * template ids) that the Graph and Exchange emulators check.
 *
 * Shapes: the authorize parameters, form_post and the token reply fields are documented
 * (OAuth 2.0 / Microsoft identity platform docs, msal-node LoopbackClient); the AADSTS texts of
 * the PKCE and device-code errors are Entra's as commonly reported (UNCONFIRMED word for word).
 */

const GRAPH = 'https://graph.microsoft.com';
const EXCHANGE = 'https://outlook.office365.com';
/** What the tenant consented to the practice sign-in client, per resource. */
const CONSENTED: Record<string, string[]> = {
  [GRAPH]: ['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', 'User.Read'],
  [EXCHANGE]: ['Exchange.Manage'],
};
const OIDC = new Set(['openid', 'profile', 'offline_access', 'email']);
const CODE_TTL_MS = 10 * 60_000;
const DEVICE_CODE_TTL_S = 900;

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scopes: string[];
  nonce?: string;
  expiresAt: number;
}

interface PendingDevice {
  userCode: string;
  clientId: string;
  scopes: string[];
  approved: boolean;
  expiresAt: number;
}

export interface AdminSignInOptions {
  directory: PracticeDirectory;
  signingKey: KeyObject;
  tenantId: string;
  /** `https://127.0.0.1:<port>` of the token server, known once it listens. */
  host: () => string;
  /** Seconds between device-code polls (Entra says 5; the practice tenant is quicker). */
  deviceInterval?: number;
}

export interface AdminSignIn {
  extraRoute(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  grant(tenant: string, form: URLSearchParams, correlationId?: string): { status: number; body: object } | null;
  /** Approves a device code as the admin would on the verification page. */
  approveDevice(userCode: string): boolean;
}

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; form-action http://localhost:* http://127.0.0.1:*",
  });
  res.end(body);
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page Entra ends with in form_post mode: a self-submitting form to the redirect URI. */
export function formPostPage(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}"/>`)
    .join('');
  return `<!DOCTYPE html><html><head><title>Working...</title></head><body><form method="POST" name="hiddenform" action="${esc(action)}">${inputs}<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit"/></noscript></form><script>document.forms[0].submit();</script></body></html>`;
}

/** The resource and the scope names of a request ("https://graph.microsoft.com/X" → graph, X). */
function splitScopes(raw: string): { resource: string; names: string[] } | null {
  const scopes = raw.split(/\s+/).filter((s) => s && !OIDC.has(s.toLowerCase()));
  let resource: string | undefined;
  const names: string[] = [];
  for (const s of scopes) {
    const m = /^(https:\/\/[^/]+)\/(.+)$/.exec(s);
    const res = m ? m[1]!.replace('outlook.office.com', 'outlook.office365.com') : GRAPH; // bare names are Graph's
    const name = m ? m[2]! : s;
    resource ??= res;
    if (res !== resource) continue; // one resource per token, as Entra does
    if (name === '.default') names.push(...(CONSENTED[res] ?? []));
    else names.push(name);
  }
  return resource ? { resource, names: [...new Set(names)] } : null;
}

export function createAdminSignIn(opts: AdminSignInOptions): AdminSignIn {
  const codes = new Map<string, PendingCode>();
  const devices = new Map<string, PendingDevice>();
  const refreshTokens = new Map<string, { clientId: string }>();
  const tenantOk = (t: string) => [opts.tenantId, PRACTICE_IDS.tenantDomain, 'organizations'].includes(t.toLowerCase());

  function tokens(clientId: string, rawScope: string, nonce?: string): { status: number; body: object } {
    const split = splitScopes(rawScope);
    if (!split) return entraError(400, 'invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid.`);
    // 'signin-consent-partial': the admin consented the client without AppRoleAssignment.ReadWrite.All.
    // The token is then issued for what was consented, its `scope` and `scp` narrower than asked (RFC 6749
    // §5.1 says a narrower grant is announced in `scope`); that Entra does exactly this rather than asking
    // for consent again is UNCONFIRMED (it depends on the tenant's consent settings).
    const withheld = opts.directory.faults.has('signin-consent-partial') && split.resource === GRAPH ? ['AppRoleAssignment.ReadWrite.All'] : [];
    const granted = split.names.filter((n) => CONSENTED[split.resource]?.includes(n) && !withheld.includes(n));
    const missing = split.names.filter((n) => !granted.includes(n) && !withheld.includes(n));
    if (missing.length) {
      return entraError(400, 'invalid_grant', 65001, `The user or administrator has not consented to use the application with ID '${clientId}' named 'ISE SMTP OAuth practice sign-in'. Send an interactive authorization request for this user and resource.`);
    }
    const admin = opts.directory.admin;
    const iat = Math.floor(Date.now() / 1000);
    const iss = `https://sts.windows.net/${opts.tenantId}/`;
    const access = signJwt(
      {
        aud: split.resource,
        iss,
        iat,
        nbf: iat,
        exp: iat + 3599,
        acr: '1',
        amr: ['pwd', 'mfa'],
        appid: clientId,
        appidacr: '0',
        idtyp: 'user',
        name: admin.displayName,
        oid: admin.objectId,
        scp: granted.join(' '),
        sub: randomBytes(16).toString('base64url'),
        tid: opts.tenantId,
        unique_name: admin.upn,
        upn: admin.upn,
        uti: randomBytes(16).toString('base64url'),
        ver: '1.0',
        wids: opts.directory.adminRoleIds(),
      },
      opts.signingKey,
    );
    const idToken = signJwt(
      {
        aud: clientId,
        iss: `${opts.host()}/${opts.tenantId}/v2.0`,
        iat,
        nbf: iat,
        exp: iat + 3599,
        name: admin.displayName,
        oid: admin.objectId,
        preferred_username: admin.upn,
        sub: admin.objectId,
        tid: opts.tenantId,
        ver: '2.0',
        ...(nonce ? { nonce } : {}),
      },
      opts.signingKey,
    );
    const refresh = `0.A${randomBytes(48).toString('base64url')}`;
    refreshTokens.set(refresh, { clientId });
    const clientInfo = Buffer.from(JSON.stringify({ uid: admin.objectId, utid: opts.tenantId })).toString('base64url');
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        scope: [...granted.map((n) => `${split.resource}/${n}`), 'openid', 'profile', 'offline_access'].join(' '),
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: access,
        refresh_token: refresh,
        id_token: idToken,
        client_info: clientInfo,
      },
    };
  }

  function approveDevice(userCode: string): boolean {
    for (const d of devices.values()) {
      if (d.userCode === userCode.trim().toUpperCase() && d.expiresAt > Date.now()) {
        d.approved = true;
        return true;
      }
    }
    return false;
  }

  async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > 64 * 1024) break;
      chunks.push(c as Buffer);
    }
    return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  }

  return {
    async extraRoute(req, res, url) {
      const parts = url.pathname.split('/').filter(Boolean);
      if (req.method === 'GET' && parts.length === 4 && parts[1] === 'oauth2' && parts[3] === 'authorize') {
        const q = url.searchParams;
        const redirectUri = q.get('redirect_uri') ?? '';
        const clientId = (q.get('client_id') ?? '').toLowerCase();
        const state = q.get('state') ?? '';
        const loopback = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/?$/.test(redirectUri);
        if (!tenantOk(parts[0] ?? '')) {
          html(res, 400, `<p>AADSTS90002: Tenant '${esc(parts[0] ?? '')}' not found.</p>`);
          return true;
        }
        if (clientId !== PRACTICE_SIGN_IN_CLIENT_ID) {
          const e = ENTRA_ERRORS.appNotFound(clientId, opts.tenantId);
          html(res, 400, `<p>${esc(e.body.error_description.split('\r\n')[0] ?? '')}</p>`);
          return true;
        }
        if (!loopback) {
          html(res, 400, `<p>AADSTS50011: The redirect URI '${esc(redirectUri)}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.</p>`);
          return true;
        }
        const fail = (code: number, error: string, text: string) => {
          html(res, 200, formPostPage(redirectUri, { error, error_description: `AADSTS${code}: ${text}`, state }));
          return true;
        };
        if (q.get('response_mode') !== 'form_post') return fail(900144, 'invalid_request', "The request body must contain the following parameter: 'response_mode=form_post'.");
        if (q.get('response_type') !== 'code') return fail(900144, 'invalid_request', "The request body must contain the following parameter: 'response_type'.");
        // The practice tenant insists on PKCE S256, as Entra does for public clients with SPA/loopback redirects.
        const challenge = q.get('code_challenge') ?? '';
        if (!challenge || q.get('code_challenge_method') !== 'S256') return fail(9002325, 'invalid_request', 'Proof Key for Code Exchange is required for cross-origin authorization code redemption.');
        const code = `1.A${randomBytes(32).toString('base64url')}`;
        codes.set(code, { clientId, redirectUri, challenge, scopes: (q.get('scope') ?? '').split(' '), ...(q.get('nonce') ? { nonce: q.get('nonce')! } : {}), expiresAt: Date.now() + CODE_TTL_MS });
        const clientInfo = Buffer.from(JSON.stringify({ uid: opts.directory.admin.objectId, utid: opts.tenantId })).toString('base64url');
        html(res, 200, formPostPage(redirectUri, { code, client_info: clientInfo, state, session_state: randomUUID() }));
        return true;
      }
      if (req.method === 'POST' && parts.length === 4 && parts[1] === 'oauth2' && parts[3] === 'devicecode') {
        const form = await readForm(req);
        const clientId = (form.get('client_id') ?? '').toLowerCase();
        const send = (status: number, body: unknown) => {
          const text = JSON.stringify(body);
          res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
          res.end(text);
        };
        if (!tenantOk(parts[0] ?? '')) {
          send(400, ENTRA_ERRORS.tenantNotFound(parts[0] ?? '').body);
          return true;
        }
        if (clientId !== PRACTICE_SIGN_IN_CLIENT_ID) {
          send(400, ENTRA_ERRORS.appNotFound(clientId, opts.tenantId).body);
          return true;
        }
        const deviceCode = `DAQABAAEAAAD${randomBytes(40).toString('base64url')}`;
        const userCode = randomBytes(6).toString('hex').slice(0, 9).toUpperCase();
        devices.set(deviceCode, { userCode, clientId, scopes: (form.get('scope') ?? '').split(' '), approved: false, expiresAt: Date.now() + DEVICE_CODE_TTL_S * 1000 });
        const verificationUri = `${opts.host()}/devicelogin`;
        send(200, {
          user_code: userCode,
          device_code: deviceCode,
          verification_uri: verificationUri,
          expires_in: DEVICE_CODE_TTL_S,
          interval: opts.deviceInterval ?? 1,
          message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${userCode} to authenticate.`,
        });
        return true;
      }
      if (parts.length === 1 && parts[0] === 'devicelogin') {
        const userCode = url.searchParams.get('otc') ?? (req.method === 'POST' ? (await readForm(req)).get('otc') : null);
        if (userCode && approveDevice(userCode)) html(res, 200, '<p>You have signed in to the ISE SMTP OAuth practice sign-in application on your device. You may now close this window.</p>');
        else html(res, 200, '<form method="POST"><label>Enter code <input name="otc"/></label><button>Next</button></form>');
        return true;
      }
      return false;
    },

    approveDevice,

    grant(tenant, form, cid) {
      const grantType = form.get('grant_type');
      if (grantType !== 'authorization_code' && grantType !== 'refresh_token' && grantType !== 'urn:ietf:params:oauth:grant-type:device_code' && grantType !== 'device_code') return null;
      if (!tenantOk(tenant)) return ENTRA_ERRORS.tenantNotFound(tenant, cid);
      const clientId = (form.get('client_id') ?? '').toLowerCase();
      if (clientId !== PRACTICE_SIGN_IN_CLIENT_ID) return ENTRA_ERRORS.appNotFound(clientId, opts.tenantId, cid);
      if (form.get('client_secret')) return entraError(400, 'invalid_request', 700025, 'Client is public so neither \'client_assertion\' nor \'client_secret\' should be presented.', cid);

      if (grantType === 'authorization_code') {
        const code = form.get('code') ?? '';
        const pending = codes.get(code);
        codes.delete(code); // single use
        if (!pending || pending.expiresAt < Date.now()) return entraError(400, 'invalid_grant', 70008, 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.', cid);
        if (pending.redirectUri !== form.get('redirect_uri')) return entraError(400, 'invalid_grant', 500112, 'The reply address does not match the reply address provided when requesting Authorization code.', cid);
        const verifier = form.get('code_verifier') ?? '';
        const computed = createHash('sha256').update(verifier).digest('base64url');
        if (!verifier || computed !== pending.challenge) return entraError(400, 'invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.', cid);
        return tokens(clientId, form.get('scope') ?? pending.scopes.join(' '), pending.nonce);
      }
      if (grantType === 'refresh_token') {
        const rt = refreshTokens.get(form.get('refresh_token') ?? '');
        if (!rt || rt.clientId !== clientId) return entraError(400, 'invalid_grant', 70000, 'Provided grant is invalid or malformed.', cid);
        return tokens(clientId, form.get('scope') ?? '');
      }
      const device = devices.get(form.get('device_code') ?? '');
      if (!device || device.expiresAt < Date.now()) return entraError(400, 'expired_token', 70020, "The provided value for the input parameter 'device_code' is not valid. This device code has expired.", cid);
      if (!device.approved) return entraError(400, 'authorization_pending', 70016, 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.', cid);
      devices.delete(form.get('device_code') ?? '');
      return tokens(clientId, form.get('scope') ?? device.scopes.join(' '));
    },
  };
}
