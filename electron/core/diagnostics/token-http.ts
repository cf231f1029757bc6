import { AuthError, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import type { SecureContext } from 'node:tls';
import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import { REPLY_LIMITS, safeRequest } from '../net/safe-request';

/** What the token endpoint actually answered, kept so a failure can be classified from facts. */
export interface TokenExchange {
  url?: string;
  status?: number;
  /** The reply body as text (the caller redacts it before it goes anywhere). */
  body?: string;
  /** The transport fault (DNS, connect, TLS, proxy, timeout) when no reply came. */
  transportError?: unknown;
  malformed?: boolean;
  /** A 3xx: refused, nothing re-sent (the Location, resolved, as the server named it). */
  redirect?: { status: number; location: string };
  /** The reply was longer than the limit: reading stopped there. */
  tooLarge?: { status: number; limit: number };
}

/**
 * Thrown from the network client so MSAL passes it through unchanged (it rethrows AuthErrors
 * as they are; anything else it replaces with a generic network error and the cause is lost).
 */
export class TokenTransportError extends AuthError {
  constructor(
    readonly kind: 'transport' | 'malformed' | 'redirect' | 'too-large',
    readonly exchange: TokenExchange,
  ) {
    super(`token_${kind.replace('-', '_')}`, '', kind);
    // MSAL's AuthError pins its own prototype in its constructor; restore ours so instanceof works.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'TokenTransportError';
  }
}

export interface TokenHttpOptions {
  ca?: string[];
  /** The diagnosis's shared TLS context; preferred over `ca` when both are given. */
  secureContext?: SecureContext;
  proxy?: string;
  timeoutMs: number;
  /** Reply bytes read at most (default REPLY_LIMITS.token); past it: NET_REPLY_TOO_LARGE. */
  maxBodyBytes?: number;
}

/**
 * MSAL's `system.networkClient` on undici: the extra CA, the proxy (ProxyAgent: CONNECT) and a
 * bound on every request. msal-node ≥ 5 has no proxy setting of its own (DESIGN §6).
 */
export class DiagnosticNetworkClient implements INetworkModule {
  readonly exchanges: TokenExchange[] = [];
  private readonly dispatcher: Dispatcher;

  constructor(private readonly options: TokenHttpOptions) {
    const tls = options.secureContext ? { secureContext: options.secureContext } : options.ca ? { ca: options.ca } : {};
    const timeouts = { headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs };
    this.dispatcher = options.proxy
      ? new ProxyAgent({ uri: options.proxy, requestTls: tls, proxyTls: tls, connect: { timeout: options.timeoutMs }, ...timeouts })
      : new Agent({ connect: { ...tls, timeout: options.timeoutMs }, ...timeouts });
  }

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  /** The last reply or fault: what the classifier reads. */
  get last(): TokenExchange | undefined {
    return this.exchanges[this.exchanges.length - 1];
  }

  async close(): Promise<void> {
    await this.dispatcher.close().catch(() => undefined);
  }

  private async send<T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    const exchange: TokenExchange = { url };
    this.exchanges.push(exchange);
    // Never follows a redirect: the POST carries client_secret, and a 3xx would make a client
    // send it again to whichever host the Location names (issue 17).
    const out = await safeRequest(url, {
      method,
      headers: options?.headers ?? {},
      ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
      dispatcher: this.dispatcher,
      timeoutMs: this.options.timeoutMs,
      maxBodyBytes: this.options.maxBodyBytes ?? REPLY_LIMITS.token,
    });
    if (out.kind === 'transport') {
      exchange.transportError = out.error;
      throw new TokenTransportError('transport', exchange);
    }
    if (out.kind === 'redirect') {
      exchange.status = out.status;
      exchange.redirect = { status: out.status, location: out.location };
      throw new TokenTransportError('redirect', exchange);
    }
    if (out.kind === 'too-large') {
      exchange.status = out.status;
      exchange.tooLarge = { status: out.status, limit: out.limit };
      throw new TokenTransportError('too-large', exchange);
    }
    const { status, headers } = out;
    const text = out.body.toString('utf8');
    exchange.status = status;
    exchange.body = text;
    let body: unknown;
    try {
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (body === undefined || typeof body !== 'object' || body === null || Array.isArray(body)) {
      exchange.malformed = true;
      throw new TokenTransportError('malformed', exchange);
    }
    return { headers, body: body as T, status };
  }
}
