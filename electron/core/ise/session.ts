import { traceCall } from '../calls/trace';
import { redact } from '../diagnostics/redact';
import { iseHttp, type IseHttpResult, type IseTrust } from './transport';
import type { IseCertificate } from '../../../shared/contract/ise';

/**
 * An authenticated conversation with one ISE: Basic credentials on every call (ISE's APIs are
 * stateless), ERS's CSRF token fetched and replayed when ISE asks for it, JSON replies parsed.
 * The password lives in this object's closure only; nothing it returns contains it.
 */
export interface IseEndpoint {
  host: string;
  ersPort: number;
  apiPort: number;
  username: string;
  password: string;
  trust: IseTrust;
  timeoutMs: number;
  /** false plays a client from before ISE 2.3 that cannot do CSRF (tests; the finding's cause). */
  honourCsrf?: boolean;
}

export type ApiReply =
  | { kind: 'ok'; status: number; json: unknown }
  | { kind: 'http'; status: number; message: string }
  | { kind: 'csrf'; status: number }
  | { kind: 'redirect'; status: number }
  | { kind: 'not-json'; status: number }
  | { kind: 'too-large'; status: number }
  | { kind: 'network'; code: string }
  | { kind: 'certificate'; problem: 'changed' | 'untrusted'; certificate: IseCertificate; reason?: string };

const CSRF_TEXT = /csrf/i;

/** The message of ISE's error body, whichever endpoint's shape it has (§D.6); else the first bytes. */
export function iseErrorMessage(body: string): string {
  try {
    const j = JSON.parse(body) as Record<string, unknown>;
    const ers = (j['ERSResponse'] as { messages?: Array<{ title?: string }> } | undefined)?.messages?.[0]?.title;
    const nested = (j['response'] ?? j['error']) as { message?: unknown } | undefined;
    const text = ers ?? (typeof nested?.message === 'string' ? nested.message : undefined) ?? (typeof j['message'] === 'string' ? j['message'] : undefined);
    if (text) return text.slice(0, 500);
  } catch {
    // not JSON: an HTML page from the app server
  }
  const title = /<title>([^<]{1,200})<\/title>/i.exec(body)?.[1];
  return (title ?? body.replace(/\s+/g, ' ')).trim().slice(0, 200);
}

export class IseSession {
  /** True once ERS asked for a CSRF token and one was obtained. */
  csrfUsed = false;
  private csrf: { token: string; cookie: string } | null = null;
  private readonly authorization: string;

  constructor(private readonly endpoint: IseEndpoint) {
    this.authorization = `Basic ${Buffer.from(`${endpoint.username}:${endpoint.password}`, 'utf8').toString('base64')}`;
  }

  get host(): string {
    return this.endpoint.host;
  }

  get username(): string {
    return this.endpoint.username;
  }

  /** Masks the password in any text that leaves (it should never be there; belt and braces). */
  scrub(text: string): string {
    const p = this.endpoint.password;
    const masked = p.length >= 4 ? text.split(p).join('[redacted]') : text;
    return redact(masked, [p, this.authorization]);
  }

  async ers(path: string): Promise<ApiReply> {
    const headers: Record<string, string> = this.csrf ? { 'X-CSRF-Token': this.csrf.token, Cookie: this.csrf.cookie } : {};
    const first = await this.call(this.endpoint.ersPort, 'GET', `/ers/config/${path}`, headers);
    if (first.kind !== 'csrf' || this.endpoint.honourCsrf === false) return first;
    // ISE's CSRF mode (§D.0): GET with X-CSRF-Token: fetch, then replay the token with its session cookie.
    const fetched = await this.raw(this.endpoint.ersPort, 'GET', `/ers/config/${path}`, { 'X-CSRF-Token': 'fetch' });
    if (fetched.kind !== 'response') return this.reply(fetched);
    const token = fetched.headers['x-csrf-token'];
    const cookie = ([] as string[]).concat(fetched.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    if (typeof token !== 'string' || !token || token === 'fetch') return first;
    this.csrf = { token, cookie };
    this.csrfUsed = true;
    return this.reply(fetched);
  }

  async openapi(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiReply> {
    return this.call(this.endpoint.apiPort, method, `/api/v1/${path}`, body === undefined ? {} : { 'Content-Type': 'application/json' }, body === undefined ? undefined : JSON.stringify(body));
  }

  private async call(port: number, method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: string): Promise<ApiReply> {
    return this.reply(await this.raw(port, method, path, headers, body));
  }

  private raw(port: number, method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: string): Promise<IseHttpResult> {
    return traceCall('ise', `${method} ${path.split('?')[0]}`, () => iseHttp({
      host: this.endpoint.host,
      port,
      method,
      path,
      headers: { Accept: 'application/json', Authorization: this.authorization, ...headers },
      ...(body !== undefined ? { body } : {}),
      trust: this.endpoint.trust,
      timeoutMs: this.endpoint.timeoutMs,
    }));
  }

  private reply(r: IseHttpResult): ApiReply {
    if (r.kind === 'network') return r;
    if (r.kind === 'certificate') return r;
    if (r.kind === 'too-large') return { kind: 'too-large', status: r.status };
    // Never followed: a redirect would carry the credentials to wherever it points.
    if (r.status >= 300 && r.status < 400) return { kind: 'redirect', status: r.status };
    if (r.status === 403 && CSRF_TEXT.test(r.body)) return { kind: 'csrf', status: r.status };
    if (r.status < 200 || r.status >= 300) return { kind: 'http', status: r.status, message: this.scrub(iseErrorMessage(r.body)) };
    try {
      return { kind: 'ok', status: r.status, json: r.body.trim() === '' ? {} : JSON.parse(r.body) };
    } catch {
      return { kind: 'not-json', status: r.status };
    }
  }
}
