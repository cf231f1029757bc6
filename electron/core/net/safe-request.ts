import { request, type Dispatcher } from 'undici';

/**
 * One HTTP exchange for a call that carries a secret (a client secret, an admin token, an ISE
 * password): never follows a redirect, bounded in time, and reads at most a fixed number of
 * reply bytes. Every outcome is data, so a caller turns it into a classified finding.
 *
 * Why: a redirect makes a client send the same credential again to whichever host the
 * `Location` names (issue 17: a 307 to http://other-host re-sent client_id and client_secret in
 * cleartext); and an unbounded body lets a hostile or broken server grow the process to
 * gigabytes.
 *
 * How to use (Graph, Exchange admin API, ISE ERS/OpenAPI clients):
 * ```ts
 * const out = await safeRequest(url, { method: 'POST', headers, body, dispatcher, timeoutMs, maxBodyBytes: REPLY_LIMITS.graph });
 * switch (out.kind) {
 *   case 'reply':     // out.status, out.headers, out.body (Buffer, ≤ maxBodyBytes)
 *   case 'redirect':  // a 3xx: nothing was re-sent → refusedRedirectFinding(url, out)
 *   case 'too-large': // → tooLargeFinding(url, out)  (see ./findings)
 *   case 'transport': // out.error: DNS/connect/TLS/proxy/timeout → classifyNetFault(errorCode(out.error), …)
 * }
 * ```
 * `dispatcher` is the caller's undici Agent/ProxyAgent (extra CA, proxy); without one, undici's
 * global dispatcher is used. Do not wrap this in a redirect interceptor.
 */
export interface SafeRequestOptions {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: string | Buffer;
  dispatcher?: Dispatcher;
  /** The whole exchange (connect, headers, body) within this bound. */
  timeoutMs: number;
  /** Past this many reply bytes the read stops and the outcome is 'too-large'. */
  maxBodyBytes: number;
}

export type SafeResponse =
  | { kind: 'reply'; status: number; headers: Record<string, string>; body: Buffer }
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'too-large'; status: number; limit: number }
  | { kind: 'transport'; error: unknown };

/** The fixed reply limits, one per kind of service (a token reply is ~3–6 KB). */
export const REPLY_LIMITS = {
  token: 256 * 1024,
  graph: 4 * 1024 * 1024,
  exchange: 4 * 1024 * 1024,
  ise: 8 * 1024 * 1024,
} as const;

/** The Location a 3xx names, resolved against the request URL; '' when it gave none. */
function resolveLocation(raw: string | string[] | undefined, base: string): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return '';
  try {
    return new URL(value, base).toString();
  } catch {
    return value;
  }
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Drops a reply body unread; undici reports the abort as an 'error' event, which is expected here. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

export async function safeRequest(url: string, options: SafeRequestOptions): Promise<SafeResponse> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Dispatcher.ResponseData;
  try {
    // undici's `request` (v7) never follows redirects: redirects exist only as an opt-in interceptor.
    response = await request(url, {
      method: options.method,
      headers: options.headers ?? {},
      ...(options.body !== undefined ? { body: options.body } : {}),
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      signal,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  } catch (error) {
    return { kind: 'transport', error };
  }
  const { statusCode, headers, body } = response;
  if (statusCode >= 300 && statusCode < 400) {
    discard(body);
    return { kind: 'redirect', status: statusCode, location: resolveLocation(headers.location, url) };
  }
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > options.maxBodyBytes) {
    discard(body);
    return { kind: 'too-large', status: statusCode, limit: options.maxBodyBytes };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      if (size > options.maxBodyBytes) {
        discard(body);
        return { kind: 'too-large', status: statusCode, limit: options.maxBodyBytes };
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    return { kind: 'transport', error };
  }
  return { kind: 'reply', status: statusCode, headers: flatHeaders(headers), body: Buffer.concat(chunks) };
}
