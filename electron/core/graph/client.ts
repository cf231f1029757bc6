import { randomUUID } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { adminDispatcher, callJson, HttpFailure, retryAfterMs, sleep, type HttpOptions } from './http';
import { traceCall } from '../calls/trace';

/**
 * Microsoft Graph v1.0 for the automated setup: bearer token from the admin sign-in (in memory),
 * 429/503/504 retried a bounded number of times honouring Retry-After (as the Graph SDK's retry
 * handler does), every other error a GraphCallError with Graph's `code`, `details[].code` and
 * the request id. Base URL `<host>/v1.0` (default host https://graph.microsoft.com).
 */

export interface GraphReply<T> {
  status: number;
  body: T;
  requestId?: string;
}

export class GraphCallError extends Error {
  constructor(
    readonly status: number,
    /** Graph's error.code, e.g. Authorization_RequestDenied; 'network' / 'timeout' … for transport faults. */
    readonly code: string,
    readonly detailCodes: string[],
    readonly requestId: string | undefined,
    readonly netCode?: string,
    readonly graphMessage?: string,
  ) {
    super(`Graph ${status} ${code}`);
    this.name = 'GraphCallError';
  }
}

export interface GraphClientOptions extends HttpOptions {
  host: string;
  token: () => Promise<string>;
  /** Attempts for a throttled call (429/503/504), first included. */
  maxAttempts?: number;
  onThrottled?: (waitMs: number) => void;
  wait?: (ms: number) => Promise<void>;
}

export class GraphClient {
  /** Every HTTP call made (retries included): the call graph's size, for benchmarks. */
  calls = 0;
  /** Throttled replies waited out (429/503 followed by a retry). */
  throttledWaits = 0;
  private readonly dispatcher: Dispatcher;

  constructor(private readonly opts: GraphClientOptions) {
    this.dispatcher = adminDispatcher(opts);
  }

  async send<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'DELETE' | 'PATCH', path: string, body?: unknown): Promise<GraphReply<T>> {
    const attempts = this.opts.maxAttempts ?? 4;
    const url = `${this.opts.host.replace(/\/+$/, '')}/v1.0${path}`;
    for (let attempt = 1; ; attempt++) {
      this.calls++;
      const token = await this.opts.token();
      let reply;
      try {
        reply = await traceCall('graph', `${method} ${path.split('?')[0]}`, () => callJson(this.dispatcher, method, url, { Authorization: `Bearer ${token}`, 'client-request-id': randomUUID(), ConsistencyLevel: 'eventual' }, body, this.opts));
      } catch (err) {
        if (err instanceof HttpFailure) throw new GraphCallError(0, err.kind, [], undefined, err.netCode);
        throw err;
      }
      if (reply.status >= 200 && reply.status < 300) return { status: reply.status, body: (reply.json ?? {}) as T, ...(reply.requestId ? { requestId: reply.requestId } : {}) };
      const error = ((reply.json as { error?: { code?: unknown; message?: unknown; details?: unknown; innerError?: { 'request-id'?: unknown } } } | undefined)?.error) ?? {};
      const requestId = reply.requestId ?? (typeof error.innerError?.['request-id'] === 'string' ? error.innerError['request-id'] : undefined);
      const throttled = reply.status === 429 || reply.status === 503 || reply.status === 504;
      if (throttled && attempt < attempts) {
        const waitMs = retryAfterMs(reply.headers['retry-after'], 1000 * 2 ** (attempt - 1));
        this.throttledWaits++;
        this.opts.onThrottled?.(waitMs);
        await (this.opts.wait ?? sleep)(waitMs);
        continue;
      }
      const details = Array.isArray(error.details) ? error.details.map((d) => String((d as { code?: unknown }).code ?? '')).filter(Boolean) : [];
      throw new GraphCallError(reply.status, typeof error.code === 'string' ? error.code : `http-${reply.status}`, details, requestId, undefined, typeof error.message === 'string' ? error.message.slice(0, 500) : undefined);
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close().catch(() => undefined);
  }
}
