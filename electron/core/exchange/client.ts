import { randomUUID } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { adminDispatcher, callJson, HttpFailure, retryAfterMs, sleep, type HttpOptions } from '../graph/http';
import { traceCall } from '../calls/trace';

/**
 * Exchange Online's `POST <host>/adminapi/beta/<tenant>/InvokeCommand` (what the
 * ExchangeOnlineManagement module itself calls; undocumented: automation-apis.md §C). Body
 * `{"CmdletInput":{"CmdletName","Parameters"}}`, JSON replies (`X-ResponseFormat: json`), the
 * delegated admin's UPN as `X-AnchorMailbox`. Errors are parsed the way ExoHelper and CIPP do:
 * `error.details[].message` = `<ErrorId>|<ExceptionType>|<text>`, else the inner exception, else
 * `error.message`. 429 is retried a bounded number of times.
 */

export interface CmdletResult {
  value: Record<string, unknown>[];
  warnings: string[];
  requestId?: string;
}

export class ExchangeCallError extends Error {
  constructor(
    readonly status: number,
    /** error.code ('NotFound', 'Unauthorized', …), or 'empty' (403 with no body), or a transport kind. */
    readonly code: string,
    readonly exceptionType: string | undefined,
    readonly text: string,
    readonly requestId: string | undefined,
    readonly cmdlet: string,
    readonly netCode?: string,
  ) {
    super(`Exchange ${status} ${code} (${cmdlet})`);
    this.name = 'ExchangeCallError';
  }

  /** The caller lacks the cmdlet in Exchange RBAC ("User is not allowed to call …"). */
  get notAllowed(): boolean {
    return this.status === 401 && /not allowed to call/i.test(this.text);
  }

  get notFound(): boolean {
    return this.code === 'NotFound' || /ManagementObjectNotFoundException/.test(this.exceptionType ?? '');
  }
}

export interface ExchangeClientOptions extends HttpOptions {
  /** Default https://outlook.office365.com */
  host: string;
  tenantId: string;
  token: () => Promise<string>;
  /** The signed-in admin's UPN (X-AnchorMailbox: UPN:<upn>). */
  anchorUpn: () => string | undefined;
  maxAttempts?: number;
  onThrottled?: (waitMs: number) => void;
  wait?: (ms: number) => Promise<void>;
}

export class ExchangeClient {
  calls = 0;
  /** Throttled replies waited out (429/503 followed by a retry). */
  throttledWaits = 0;
  private readonly dispatcher: Dispatcher;
  private readonly connectionId = randomUUID();

  constructor(private readonly opts: ExchangeClientOptions) {
    this.dispatcher = adminDispatcher(opts);
  }

  async invoke(cmdlet: string, parameters: Record<string, unknown> = {}): Promise<CmdletResult> {
    const url = `${this.opts.host.replace(/\/+$/, '')}/adminapi/beta/${encodeURIComponent(this.opts.tenantId)}/InvokeCommand`;
    const attempts = this.opts.maxAttempts ?? 4;
    for (let attempt = 1; ; attempt++) {
      this.calls++;
      const token = await this.opts.token();
      const upn = this.opts.anchorUpn();
      let reply;
      try {
        reply = await traceCall('exchange', cmdlet, () =>
          callJson(
            this.dispatcher,
            'POST',
            url,
            {
              Authorization: `Bearer ${token}`,
              'X-ResponseFormat': 'json',
              'X-SerializationLevel': 'Partial',
              'X-CmdletName': cmdlet,
              'connection-id': this.connectionId,
              'client-request-id': randomUUID(),
              Prefer: 'odata.maxpagesize=1000',
              ...(upn ? { 'X-AnchorMailbox': `UPN:${upn}` } : {}),
            },
            { CmdletInput: { CmdletName: cmdlet, Parameters: parameters } },
            this.opts,
          ),
        );
      } catch (err) {
        if (err instanceof HttpFailure) throw new ExchangeCallError(0, err.kind, undefined, err.message, undefined, cmdlet, err.netCode);
        throw err;
      }
      if (reply.status === 200) {
        const body = (reply.json ?? {}) as { value?: unknown; '@adminapi.warnings'?: unknown };
        return {
          value: Array.isArray(body.value) ? (body.value as Record<string, unknown>[]) : [],
          warnings: Array.isArray(body['@adminapi.warnings']) ? body['@adminapi.warnings'].map(String) : [],
          ...(reply.requestId ? { requestId: reply.requestId } : {}),
        };
      }
      if ((reply.status === 429 || reply.status === 503) && attempt < attempts) {
        const waitMs = retryAfterMs(reply.headers['retry-after'], 2000 * attempt);
        this.throttledWaits++;
        this.opts.onThrottled?.(waitMs);
        await (this.opts.wait ?? sleep)(waitMs);
        continue;
      }
      throw parseError(reply.status, reply.json, reply.requestId, cmdlet);
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close().catch(() => undefined);
  }
}

/** The error as ExoHelper's Get-ExoException reads it. */
export function parseError(status: number, json: unknown, requestId: string | undefined, cmdlet: string): ExchangeCallError {
  const error = (json as { error?: Record<string, unknown> } | undefined)?.error;
  if (!error) return new ExchangeCallError(status, 'empty', undefined, '', requestId, cmdlet);
  const details = Array.isArray(error.details) ? (error.details as { message?: unknown }[]) : [];
  const detail = details.map((d) => String(d.message ?? '')).find((m) => m.includes('|'));
  if (detail) {
    const [, type, ...text] = detail.split('|');
    return new ExchangeCallError(status, String(error.code ?? `http-${status}`), type, text.join('|').slice(0, 500), requestId, cmdlet);
  }
  const inner = (error.innererror as { internalexception?: { message?: unknown }; message?: unknown } | undefined) ?? {};
  const text = String(inner.internalexception?.message ?? error.message ?? inner.message ?? '');
  return new ExchangeCallError(status, String(error.code ?? `http-${status}`), undefined, text.slice(0, 500), requestId, cmdlet);
}
