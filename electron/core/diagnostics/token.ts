import { ConfidentialClientApplication, LogLevel, ServerError, type Configuration } from '@azure/msal-node';
import type { SecureContext } from 'node:tls';
import type { Finding } from '../../../shared/diagnostic-report';
import { makeFinding } from './finding';
import { classifyNetFault, errorCode } from './net-faults';
import { describeProxy } from './proxy';
import type { Redactor } from './redact';
import { aadstsNumber, classifyTokenError } from './token-classify';
import { DiagnosticNetworkClient, TokenTransportError } from './token-http';

export interface TokenRequest {
  authorityHost: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  proxy?: string;
  ca?: string[];
  /** The diagnosis's shared TLS context; preferred over `ca` when both are given. */
  secureContext?: SecureContext;
  timeoutMs: number;
}

export type TokenOutcome =
  | { ok: true; accessToken: string; evidence: Record<string, unknown> }
  | { ok: false; findings: Finding[]; evidence: Record<string, unknown> };

/**
 * The metadata MSAL would otherwise fetch from the internet (instance discovery and OpenID
 * configuration), built from the authority host so the only request is the token POST itself.
 */
export function authorityConfig(authorityHost: string, tenantId: string): Pick<Configuration['auth'], 'authority' | 'knownAuthorities' | 'authorityMetadata' | 'cloudDiscoveryMetadata'> {
  const base = `${authorityHost}/${tenantId}`;
  const host = new URL(authorityHost).host;
  return {
    authority: base,
    knownAuthorities: [host],
    authorityMetadata: JSON.stringify({
      token_endpoint: `${base}/oauth2/v2.0/token`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      issuer: `${base}/v2.0`,
      jwks_uri: `${authorityHost}/${tenantId}/discovery/v2.0/keys`,
    }),
    cloudDiscoveryMetadata: JSON.stringify({
      tenant_discovery_endpoint: `${base}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    }),
  };
}

/** The login host and port as the finding texts name them ("{{host}}:{{port}}"). */
function loginEndpoint(authorityHost: string): { host: string; port: number } {
  const u = new URL(authorityHost);
  return { host: u.hostname, port: Number(u.port || 443) };
}

function bodyField(body: string | undefined, field: string): unknown {
  try {
    return body ? (JSON.parse(body) as Record<string, unknown>)[field] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Gets a FRESH token the way ISE does: client credentials, same endpoint and scope. A new MSAL
 * application per call and skipCache, so a cached token can never hide a broken secret.
 * Never throws: every failure is a classified finding.
 */
export async function acquireToken(req: TokenRequest, redactor: Redactor): Promise<TokenOutcome> {
  const network = new DiagnosticNetworkClient({ timeoutMs: req.timeoutMs, ...(req.ca ? { ca: req.ca } : {}), ...(req.secureContext ? { secureContext: req.secureContext } : {}), ...(req.proxy ? { proxy: req.proxy } : {}) });
  const app = new ConfidentialClientApplication({
    auth: { clientId: req.clientId, clientSecret: req.clientSecret, ...authorityConfig(req.authorityHost, req.tenantId) },
    system: {
      networkClient: network,
      // One attempt, bounded: a retry would double the wait and hide a throttling reply.
      disableInternalRetries: true,
      loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => undefined },
    },
  });
  const evidence: Record<string, unknown> = { tokenEndpoint: `${req.authorityHost}/${req.tenantId}/oauth2/v2.0/token`, scope: req.scope };
  if (req.proxy) evidence.proxy = describeProxy(req.proxy);
  const overall = req.timeoutMs * 2;
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = await Promise.race([
      app.acquireTokenByClientCredential({ scopes: [req.scope], skipCache: true }),
      new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), overall);
      }),
    ]);
    const last = network.last;
    if (last?.status !== undefined) evidence.httpStatus = last.status;
    if (result === 'timeout') {
      return { ok: false, evidence, findings: [makeFinding('NET_READ_TIMEOUT', { ...loginEndpoint(req.authorityHost), timeoutMs: req.timeoutMs })] };
    }
    if (!result || !result.accessToken) {
      // Entra said 200 but gave no token: MSAL "succeeds" with an empty string (DESIGN §6).
      return { ok: false, evidence, findings: [makeFinding('TOKEN_SERVICE_ERROR', { reason: 'empty-access-token', status: last?.status ?? 0 }, redactor(last?.body ?? ''))] };
    }
    evidence.tokenType = result.tokenType;
    evidence.expiresOn = result.expiresOn?.toISOString();
    evidence.fromCache = result.fromCache;
    return { ok: true, accessToken: result.accessToken, evidence };
  } catch (err) {
    const last = network.last;
    if (last?.status !== undefined) evidence.httpStatus = last.status;
    return { ok: false, evidence, findings: [classifyTokenFailure(err, last?.status, last?.body, req, redactor)] };
  } finally {
    clearTimeout(timer);
    await network.close();
  }
}

/** Turns whatever MSAL threw into one finding, from the reply's facts first. */
export function classifyTokenFailure(
  err: unknown,
  status: number | undefined,
  body: string | undefined,
  req: Pick<TokenRequest, 'authorityHost' | 'proxy' | 'timeoutMs'>,
  redactor: Redactor,
): Finding {
  const { host, port } = loginEndpoint(req.authorityHost);
  if (err instanceof TokenTransportError && err.kind === 'transport') {
    const cause = err.exchange.transportError;
    const code = errorCode(cause);
    const aborted = (cause as { name?: string })?.name === 'TimeoutError' || (cause as { name?: string })?.name === 'AbortError';
    const finding = aborted ? 'NET_READ_TIMEOUT' : (classifyNetFault(code, 'connect', Boolean(req.proxy)) ?? (/proxy/i.test(String((cause as Error)?.message ?? '')) && req.proxy ? 'NET_PROXY_FAILED' : null));
    if (finding) {
      return makeFinding(finding, { host, port, ...(req.proxy ? { proxy: describeProxy(req.proxy) } : {}), ...(code ? { errorCode: code } : {}), ...(aborted ? { timeoutMs: req.timeoutMs } : {}) });
    }
    return makeFinding('TOKEN_SERVICE_ERROR', { host, reason: 'transport', ...(code ? { errorCode: code } : {}) }, redactor(String((cause as Error)?.message ?? '')));
  }
  if (status !== undefined && status >= 500) {
    return makeFinding('TOKEN_SERVICE_ERROR', { status }, redactor(body ?? ''));
  }
  if (err instanceof TokenTransportError) {
    return makeFinding('TOKEN_SERVICE_ERROR', { status: status ?? 0, reason: 'malformed' }, redactor((body ?? '').slice(0, 500)));
  }
  if (err instanceof ServerError || (err as { errorNo?: unknown })?.errorNo !== undefined) {
    const e = err as ServerError;
    const aadsts = aadstsNumber(e.errorNo ?? bodyField(body, 'error_codes'), e.errorMessage ?? bodyField(body, 'error_description'));
    const code = classifyTokenError(status ?? e.status, aadsts);
    const description = bodyField(body, 'error_description');
    return makeFinding(code, { ...(aadsts ? { aadsts: `AADSTS${aadsts}` } : {}), error: e.errorCode || String(bodyField(body, 'error') ?? ''), status: status ?? e.status ?? 0 }, redactor(typeof description === 'string' ? description : (body ?? e.errorMessage ?? '')));
  }
  if (status !== undefined && status >= 200 && status < 300) {
    // A 2xx MSAL could not use (no access_token, wrong token_type …): the service misbehaved.
    return makeFinding('TOKEN_SERVICE_ERROR', { status, reason: 'unusable-reply' }, redactor((body ?? '').slice(0, 500)));
  }
  const ae = err as { errorCode?: string; errorMessage?: string; name?: string };
  return makeFinding('TOKEN_UNCLASSIFIED', { error: ae?.errorCode ?? ae?.name ?? 'error', status: status ?? 0 }, redactor(`${ae?.errorMessage ?? ''} ${body ?? ''}`.trim().slice(0, 1000)));
}
