import { Agent, request, type Dispatcher } from 'undici';

/**
 * One bounded JSON call over undici for the admin clients (Graph, Exchange): a connect and a
 * whole-call timeout, redirects never followed (undici's `request` does not follow them, and
 * a 3xx is returned as a failure: the bearer token must not travel to another host), the reply
 * size capped, and every fault a typed HttpFailure the caller classifies.
 */

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_REPLY_BYTES = 4 * 1024 * 1024;

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or undefined for an empty or non-JSON body. */
  json: unknown;
  /** Microsoft's request id (`request-id`), for the audit trail and support. */
  requestId?: string;
}

export class HttpFailure extends Error {
  constructor(
    readonly kind: 'network' | 'timeout' | 'too-large' | 'redirect',
    readonly netCode?: string,
  ) {
    super(kind === 'network' ? `network failure${netCode ? ` (${netCode})` : ''}` : kind);
    this.name = 'HttpFailure';
  }
}

export interface HttpOptions {
  ca?: string[];
  timeoutMs?: number;
  maxReplyBytes?: number;
}

/** A dispatcher with the extra CA and the connect bound (one per client, closed with it). */
export function adminDispatcher(opts: HttpOptions): Dispatcher {
  const timeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Agent({ connect: { ...(opts.ca ? { ca: opts.ca } : {}), timeout }, headersTimeout: timeout, bodyTimeout: timeout });
}

export async function callJson(
  dispatcher: Dispatcher,
  method: 'GET' | 'POST' | 'DELETE' | 'PATCH',
  url: string,
  headers: Record<string, string>,
  body: unknown,
  opts: HttpOptions = {},
): Promise<HttpReply> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const max = opts.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES;
  let res: Dispatcher.ResponseData;
  try {
    res = await request(url, {
      method,
      dispatcher,
      headers: { Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new HttpFailure('timeout');
    const code = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
    throw new HttpFailure('network', code);
  }
  const replyHeaders: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') replyHeaders[k.toLowerCase()] = v;
  if (res.statusCode >= 300 && res.statusCode < 400) {
    await res.body.dump().catch(() => undefined);
    throw new HttpFailure('redirect');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > max) {
        res.body.destroy();
        throw new HttpFailure('too-large');
      }
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof HttpFailure) throw err;
    const name = (err as { name?: string }).name;
    throw new HttpFailure(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network', (err as { code?: string }).code);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let json: unknown;
  if (text.trim() && !/^\0+$/.test(text)) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: res.statusCode, headers: replyHeaders, json, ...(replyHeaders['request-id'] ? { requestId: replyHeaders['request-id'] } : {}) };
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), capped. */
export function retryAfterMs(header: string | undefined, fallbackMs: number, capMs = 30_000): number {
  if (!header) return Math.min(fallbackMs, capMs);
  const secs = Number(header);
  if (Number.isFinite(secs) && secs >= 0) return Math.min(secs * 1000, capMs);
  const at = Date.parse(header);
  return Number.isNaN(at) ? Math.min(fallbackMs, capMs) : Math.min(Math.max(0, at - Date.now()), capMs);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
