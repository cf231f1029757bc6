import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, sendHtml, sendJson, type IseAccount } from './http';
import type { IsePracticeState } from './state';

/**
 * The practice ISE's ERS API (`/ers/config/...`, ERS's own port like 9060), with the calls the
 * wizard reads: version and patch, and the guest SMTP notification settings. Shapes from
 * Cisco's ERS documents (automation-apis.md §D.1, §D.5, §D.6).
 */
export interface ErsContext {
  state: () => IsePracticeState;
  accounts: () => IseAccount[];
  mailbox: () => string;
  baseUrl: () => string;
}

const GUEST_SMTP_ID = 'c3f3b7a0-8d0b-11ea-9c6e-005056a4e9d1';

/** ERS's error body: `{"ERSResponse":{operation, messages:[{title,type,code}], link}}` (ciscoisesdk quickstart). */
function ersError(res: ServerResponse, status: number, operation: string, title: string, code: string, href: string): void {
  sendJson(res, status, { ERSResponse: { operation, messages: [{ title, type: 'ERROR', code }], link: { rel: 'related', href, type: 'application/xml' } } });
}

export function createErsHandler(ctx: ErsContext) {
  // CSRF sessions: APPSESSIONID cookie → token. The nonce only works alongside its cookie (3p note, §D.0).
  const sessions = new Map<string, string>();

  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', ctx.baseUrl());
    const state = ctx.state();
    const account = authenticate(req, ctx.accounts());
    if (!account || account.ers === null) {
      // UNCONFIRMED body: ERS's 401 has no schema in Cisco's spec; Tomcat's page and a Basic challenge.
      return sendHtml(res, 401, 'Unauthorized', { 'WWW-Authenticate': 'Basic realm="ERS Realm"' });
    }
    const method = req.method ?? 'GET';
    let extra: Record<string, string> = {};
    if (state.csrf) {
      const fetch = String(req.headers['x-csrf-token'] ?? '').toLowerCase() === 'fetch';
      if (fetch) {
        const session = randomBytes(16).toString('hex').toUpperCase();
        const token = randomBytes(24).toString('hex');
        sessions.set(session, token);
        extra = { 'X-CSRF-Token': token, 'Set-Cookie': `APPSESSIONID=${session}; Path=/; Secure; HttpOnly` };
      } else {
        const cookie = /(?:^|;\s*)APPSESSIONID=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
        const ok = cookie !== undefined && sessions.get(cookie) === req.headers['x-csrf-token'];
        // ciscoisesdk replays the token on every call; ISE may check only writes (UNCONFIRMED): the
        // practice ISE checks every call, the stricter reading.
        if (!ok) return sendHtml(res, 403, 'CSRF nonce validation failed');
      }
    }
    if (method !== 'GET') {
      if (account.ers === 'operator') return sendHtml(res, 403, 'Forbidden');
      return ersError(res, 405, `${method}-unsupported`, 'Method not supported by the practice ISE', 'Resource method not supported', url.href);
    }
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '/ers/config/op/systemconfig/iseversion') {
      return sendJson(
        res,
        200,
        { OperationResult: { resultValue: [{ value: state.version, name: 'version' }, { value: state.patches.length ? state.patches.join(',') : '0', name: 'patch information' }] } },
        extra,
      );
    }
    if (path === '/ers/config/guestsmtpnotificationsettings') {
      const href = `${ctx.baseUrl()}/ers/config/guestsmtpnotificationsettings/${GUEST_SMTP_ID}`;
      return sendJson(res, 200, { SearchResult: { total: 1, resources: [{ id: GUEST_SMTP_ID, link: { rel: 'self', href, type: 'application/json' } }] } }, extra);
    }
    if (path === `/ers/config/guestsmtpnotificationsettings/${GUEST_SMTP_ID}`) {
      return sendJson(
        res,
        200,
        {
          ERSGuestSmtpNotificationSettings: {
            id: GUEST_SMTP_ID,
            name: 'GuestSmtpNotificationSettings',
            description: '',
            smtpServer: 'smtp.office365.com',
            // Port and timeout are strings in Cisco's spec.
            smtpPort: '587',
            connectionTimeout: '60',
            notificationEnabled: true,
            useDefaultFromAddress: true,
            defaultFromAddress: state.guestFrom ?? ctx.mailbox(),
            useTLSorSSLEncryption: true,
            usePasswordAuthentication: false,
            userName: '',
            password: '',
            link: { rel: 'self', href: url.href, type: 'application/json' },
          },
        },
        extra,
      );
    }
    if (path.startsWith('/ers/config/guestsmtpnotificationsettings/')) {
      return ersError(res, 404, 'GET-getbyid-guestsmtpnotificationsettings', 'Resource not found', 'Resource not found exception', url.href);
    }
    return ersError(res, 404, 'GET-unknown', `Resource ${path} not found`, 'Resource not found exception', url.href);
  };
}
