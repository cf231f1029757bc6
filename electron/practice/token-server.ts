import { createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { lookUpTenant, issueToken } from './token-issuer';
import { keyThumbprint } from './jwt';
import { readBody } from './http-body';
import type { PracticeTenantState } from './tenant-state';

/**
 * The practice Entra token endpoint over HTTPS (node:https, 127.0.0.1 only). Serves what MSAL
 * and ISE ask for: the token endpoint, the tenant's OpenID configuration, its signing keys and
 * instance discovery, each pointing back at this host.
 */
export interface TokenServerOptions {
  state: () => PracticeTenantState;
  signingKey: KeyObject;
  tls: () => { cert: string; key: string };
  port?: number;
  /** Added before every answer, to imitate a slow network (benchmarks). */
  latencyMs?: number;
  /** The tenant as seen by one client id (applications the automated setup created: directory/project.ts). */
  stateFor?: (clientId: string | undefined) => PracticeTenantState;
  /** The admin sign-in grants (authorization code, device code, refresh token): entra-signin/. Null: not one of them. */
  adminGrant?: (tenant: string, form: URLSearchParams, correlationId?: string) => { status: number; body: object } | null;
  /** Extra routes (authorize page, device code); true when answered. */
  extraRoute?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
}

export interface TokenServer {
  server: Server;
  /** `https://127.0.0.1:<port>` */
  authorityHost: string;
  /** Re-reads the TLS certificate (the scenario switched to or from an untrusted one). */
  reloadTls(): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;

function send(res: ServerResponse, status: number, body: unknown, traceId?: string, clientRequestId?: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    // Entra echoes the client's `client-request-id`; that it sends one of its own when the client
    // sent none is unconfirmed, so a fresh one is made up then.
    'client-request-id': clientRequestId && /^[0-9a-f-]{36}$/i.test(clientRequestId) ? clientRequestId : randomUUID(),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store, no-cache',
    Pragma: 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...(traceId ? { 'x-ms-request-id': traceId } : {}),
    'x-ms-ests-server': '2.1.practice',
  });
  res.end(text);
}


function openIdConfiguration(host: string, tenantId: string): Record<string, unknown> {
  return {
    token_endpoint: `${host}/${tenantId}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${host}/${tenantId}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${host}/${tenantId}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${host}/oidc/userinfo`,
    authorization_endpoint: `${host}/${tenantId}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${host}/${tenantId}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${host}/${tenantId}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'tid', 'ver', 'oid', 'roles'],
    kerberos_endpoint: `${host}/${tenantId}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

function jwks(signingKey: KeyObject): Record<string, unknown> {
  const jwk = createPublicKey(signingKey).export({ format: 'jwk' });
  const kid = keyThumbprint(signingKey);
  return { keys: [{ kty: 'RSA', use: 'sig', kid, x5t: kid, n: jwk.n, e: jwk.e }] };
}

export async function startTokenServer(opts: TokenServerOptions): Promise<TokenServer> {
  let host = '';
  const delay = () => (opts.latencyMs ? new Promise<void>((r) => setTimeout(r, opts.latencyMs)) : Promise.resolve());

  const server = createServer({ ...opts.tls(), requestTimeout: 15_000, headersTimeout: 10_000 }, (req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'server_error' });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', host);
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const cid = typeof req.headers['client-request-id'] === 'string' ? req.headers['client-request-id'] : undefined;
    const state = opts.state();
    if (opts.extraRoute && (await opts.extraRoute(req, res, url))) return;

    if (req.method === 'POST' && parts.length === 4 && parts[1] === 'oauth2' && parts[2] === 'v2.0' && parts[3] === 'token') {
      const body = await readBody(req, MAX_BODY_BYTES);
      await delay();
      if (body === null) return send(res, 413, { error: 'invalid_request' }, undefined, cid);
      const form = new URLSearchParams(body);
      const admin = opts.adminGrant?.(parts[0] ?? '', form, cid);
      if (admin) return send(res, admin.status, admin.body, (admin.body as { trace_id?: string }).trace_id, cid);
      const seen = opts.stateFor ? opts.stateFor(form.get('client_id') ?? undefined) : state;
      const reply = issueToken(seen, { tenant: parts[0] ?? '', form, correlationId: cid }, opts.signingKey);
      return send(res, reply.status, reply.body, 'trace_id' in reply.body ? reply.body.trace_id : undefined, cid);
    }

    if (req.method === 'GET') {
      await delay();
      const path = parts.slice(1).join('/');
      if (path === 'v2.0/.well-known/openid-configuration') {
        const tenant = lookUpTenant(state, parts[0] ?? '', cid, true);
        if (!tenant.ok) return send(res, tenant.reply.status, tenant.reply.body, tenant.reply.body.trace_id, cid);
        return send(res, 200, openIdConfiguration(host, state.tenantId), undefined, cid);
      }
      if (path === 'discovery/instance') {
        const authority = host.replace(/^https:\/\//, '');
        return send(res, 200, {
          tenant_discovery_endpoint: `${host}/{tenant}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [{ preferred_network: authority, preferred_cache: authority, aliases: [authority] }],
        });
      }
      if (path === 'discovery/v2.0/keys') return send(res, 200, jwks(opts.signingKey));
    }
    return send(res, 404, { error: 'not_found' });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  host = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A TLS failure (e.g. the client rejecting the untrusted certificate) is the client's story.
  server.on('tlsClientError', () => undefined);

  return {
    server,
    authorityHost: host,
    reloadTls: () => server.setSecureContext(opts.tls()),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
