import { request } from 'node:https';
import nodemailer from 'nodemailer';
import type { PracticeTenant } from '../../electron/practice';

/** What came back from the practice token endpoint over the wire. */
export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

/** POSTs a form to `${authorityHost}${path}` trusting only `ca`, the way an HTTPS client would. */
export function httpsRequest(tenant: PracticeTenant, path: string, opts: { method?: string; form?: Record<string, string>; ca?: string; headers?: Record<string, string> } = {}): Promise<HttpReply> {
  const body = opts.form ? new URLSearchParams(opts.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      `${tenant.authorityHost}${path}`,
      {
        method: opts.method ?? (body ? 'POST' : 'GET'),
        ca: opts.ca ?? tenant.caPem,
        // A fresh connection each time: a pooled one would hide a live certificate switch.
        agent: false,
        timeout: 5000,
        headers: { ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...opts.headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) as Record<string, unknown> });
          } catch (err) {
            reject(err);
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** Asks the practice tenant for a token with the scenario's credentials (overridable). */
export function requestToken(tenant: PracticeTenant, overrides: Record<string, string> = {}, tenantId?: string): Promise<HttpReply> {
  const c = tenant.credentials();
  return httpsRequest(tenant, `/${tenantId ?? c.tenantId}/oauth2/v2.0/token`, {
    form: { client_id: c.clientId, client_secret: c.clientSecret, scope: 'https://outlook.office.com/.default', grant_type: 'client_credentials', ...overrides },
  });
}

/** A token for the tenant's real app, whatever the scenario's credentials say. */
export async function accessToken(tenant: PracticeTenant, overrides: Record<string, string> = {}): Promise<string> {
  const reply = await requestToken(tenant, overrides);
  const token = reply.body.access_token;
  if (reply.status !== 200 || typeof token !== 'string') throw new Error(`no token: ${reply.status} ${String(reply.body.error)}`);
  return token;
}

export interface SmtpOutcome {
  ok: boolean;
  response?: string;
  responseCode?: number;
  code?: string;
  command?: string;
  message?: string;
  ms: number;
}

/** Sends one mail through the practice SMTP server with nodemailer, as the engine does (587, STARTTLS required, XOAUTH2). */
export async function sendWithNodemailer(
  tenant: PracticeTenant,
  opts: { user?: string; accessToken?: string; from?: string; to?: string; noAuth?: boolean; greetingTimeout?: number; ca?: string; transcript?: string[] },
): Promise<SmtpOutcome> {
  const c = tenant.credentials();
  // nodemailer's debug log hands each wire line over as the second argument.
  const record = (...args: unknown[]) => opts.transcript?.push(String(args[1] ?? args[0]));
  const logger = { level: () => undefined, trace: record, debug: record, info: record, warn: record, error: record, fatal: record };
  const transport = nodemailer.createTransport({
    host: tenant.smtpHost,
    port: tenant.smtpPort,
    secure: false,
    requireTLS: true,
    tls: { ca: opts.ca ?? tenant.caPem },
    connectionTimeout: 3000,
    greetingTimeout: opts.greetingTimeout ?? 3000,
    socketTimeout: 5000,
    ...(opts.transcript ? { logger, debug: true } : {}),
    ...(opts.noAuth ? {} : { auth: { type: 'OAuth2' as const, user: opts.user ?? c.mailbox, accessToken: opts.accessToken ?? '' } }),
  });
  const started = Date.now();
  try {
    const info = await transport.sendMail({ from: opts.from ?? c.mailbox, to: opts.to ?? 'trainer@contoso-practice.onmicrosoft.com', subject: 'ISE SMTP OAuth test', text: 'practice test mail' });
    return { ok: true, response: info.response, ms: Date.now() - started };
  } catch (err) {
    const e = err as { response?: string; responseCode?: number; code?: string; command?: string; message?: string };
    return { ok: false, response: e.response, responseCode: e.responseCode, code: e.code, command: e.command, message: e.message, ms: Date.now() - started };
  } finally {
    transport.close();
  }
}

/** The enhanced status code at the start of an SMTP reply text (`535 5.7.3 …` → `5.7.3`). */
export function enhancedCode(response: string | undefined): string | undefined {
  return /^\d{3}[ -](\d\.\d{1,3}\.\d{1,3})\b/.exec(response ?? '')?.[1];
}
