import { X509Certificate } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http-body';
import { authenticate, MAX_BODY_BYTES, sendEmpty, sendHtml, sendJson, type IseAccount } from './http';
import type { IsePracticeState } from './state';
import { entryFromPem, listItem, type TrustEntry } from './trust-store';

/**
 * The practice ISE's OpenAPI (`/api/v1/...` on the admin port). Each endpoint answers in its
 * own Cisco document's shape, errors included, because Cisco's files disagree (§D.6):
 * patch `{"response":{"message"},"version"}`, deployment `{"error":{"message"},"version"}`,
 * certificates `{"message","status"}` / import `{"response":{"status":"Fail",…}}`,
 * system-settings `{"code","message"}`. There is deliberately no SMTP-settings endpoint (§D.5).
 */
export interface OpenApiContext {
  state: () => IsePracticeState;
  accounts: () => IseAccount[];
  trustStore: TrustEntry[];
  baseUrl: () => string;
  proxy: () => { fqdn: string; port: number | null; bypassHosts: string; userName: string; passwordRequired: boolean };
}

const V = '1.0.0';
// Observed messages (ansible-ise personas_utils.py checks both strings).
export const IMPORT_OK = 'Trust certificate was added successfully';
export const IMPORT_DUPLICATE = 'Certificates are having same subject, same serial number and they are binary equal. Hence skipping the replace';

function pemOk(pem: string): X509Certificate | null {
  try {
    return new X509Certificate(pem);
  } catch {
    return null;
  }
}

export function createOpenApiHandler(ctx: OpenApiContext) {
  const handleImport = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await readBody(req, MAX_BODY_BYTES);
    let body: Record<string, unknown>;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return sendJson(res, 400, { message: 'Invalid Input', status: 'Fail' });
    }
    const required = ['data', 'allowBasicConstraintCAFalse', 'allowOutOfDateCert', 'allowSHA1Certificates'];
    if (required.some((k) => body[k] === undefined)) return sendJson(res, 417, { message: 'Required parameters missing', status: 'Fail' });
    const description = typeof body['description'] === 'string' ? body['description'] : '';
    // 3p observation (unverified): a comma in the description fails ISE's input filter.
    if (description.includes(',')) return sendJson(res, 400, { response: { status: 'Fail', message: 'Security Check Failed', id: null }, version: V });
    const flags = {
      trustForIseAuth: body['trustForIseAuth'] === true,
      trustForClientAuth: body['trustForClientAuth'] === true,
      trustForCertificateBasedAdminAuth: body['trustForCertificateBasedAdminAuth'] === true,
      trustForCiscoServicesAuth: body['trustForCiscoServicesAuth'] === true,
    };
    if (flags.trustForClientAuth && !flags.trustForIseAuth) return sendJson(res, 400, { message: 'trustForClientAuth requires trustForIseAuth', status: 'Fail' });
    if (flags.trustForCertificateBasedAdminAuth && !(flags.trustForIseAuth && flags.trustForClientAuth)) {
      return sendJson(res, 400, { message: 'trustForCertificateBasedAdminAuth requires trustForIseAuth and trustForClientAuth', status: 'Fail' });
    }
    const pem = typeof body['data'] === 'string' ? body['data'] : '';
    const x = pemOk(pem);
    if (!x) return sendJson(res, 400, { message: 'Invalid Input', status: 'Fail' });
    if (!x.ca && body['allowBasicConstraintCAFalse'] !== true) return sendJson(res, 422, { message: 'Basic constraint CA is false', status: 'Fail' });
    if (Date.parse(x.validTo) < Date.now() && body['allowOutOfDateCert'] !== true) return sendJson(res, 422, { message: 'Certificate is expired', status: 'Fail' });
    if (ctx.trustStore.some((e) => e.sha256Fingerprint === x.fingerprint256)) {
      // 3p fake (claims 3.4): 409 with the import's own wrapper.
      return sendJson(res, 409, { response: { status: 'Fail', message: IMPORT_DUPLICATE, id: null }, version: V });
    }
    const entry = entryFromPem(pem, typeof body['name'] === 'string' ? body['name'] : undefined, flags, description);
    ctx.trustStore.push(entry);
    // UNCONFIRMED: the `status` text of a successful import.
    return sendJson(res, 200, { response: { id: entry.id, message: IMPORT_OK, status: 'Success' }, version: V });
  };

  const listTrusted = (url: URL, res: ServerResponse): void => {
    const size = Math.min(100, Math.max(1, Number(url.searchParams.get('size') ?? 20) || 20));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const slice = ctx.trustStore.slice((page - 1) * size, page * size);
    const href = (p: number) => `${ctx.baseUrl()}/api/v1/certs/trusted-certificate?page=${p}&size=${size}`;
    const more = page * size < ctx.trustStore.length;
    sendJson(res, 200, {
      response: slice.map((e) => listItem(e, ctx.baseUrl())),
      ...(more ? { nextPage: { rel: 'next', href: href(page + 1), type: 'application/json' } } : {}),
      ...(page > 1 ? { previousPage: { rel: 'previous', href: href(page - 1), type: 'application/json' } } : {}),
      version: V,
    });
  };

  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', ctx.baseUrl());
    const state = ctx.state();
    const path = url.pathname.replace(/\/+$/, '');
    if (!path.startsWith('/api/')) return sendHtml(res, 404, 'Not Found');
    // OpenAPI switched off under API Settings: the admin port still answers, /api/v1 does not.
    // UNCONFIRMED: the exact status and body; a Tomcat 404 page is the practice ISE's reading.
    if (!state.openapiOn) return sendHtml(res, 404, 'Not Found');
    const account = authenticate(req, ctx.accounts());
    // No schema for 401/403 in any Cisco spec (§G): an empty 401 with a Basic challenge.
    if (!account) return sendEmpty(res, 401, { 'WWW-Authenticate': 'Basic realm="ISE OpenAPI"' });
    const method = req.method ?? 'GET';
    if (account.openapi === null || (method !== 'GET' && account.openapi !== 'rw')) {
      // 3p fake: `{"message":"insufficient privileges"}`.
      return sendJson(res, 403, { message: 'insufficient privileges' });
    }
    if (method === 'GET' && path === '/api/v1/patch') {
      return sendJson(res, 200, {
        iseVersion: state.version,
        patchVersion: state.patches.map((n, i) => ({ patchNumber: n, installDate: new Date(Date.UTC(2025, 0, 10 + i * 30)).toISOString().replace('.000Z', 'Z') })),
      });
    }
    if (method === 'GET' && path === '/api/v1/deployment/node') return sendJson(res, 200, { response: state.nodes, version: V });
    if (method === 'GET' && path.startsWith('/api/v1/deployment/node/')) {
      const name = decodeURIComponent(path.slice('/api/v1/deployment/node/'.length));
      const node = state.nodes.find((n) => n.hostname === name);
      return node ? sendJson(res, 200, { response: node, version: V }) : sendJson(res, 404, { error: { message: 'No deployment node found' }, version: V });
    }
    if (method === 'GET' && path === '/api/v1/system-settings/proxy') return sendJson(res, 200, { response: { ...ctx.proxy(), password: '' }, version: V });
    if (method === 'GET' && path === '/api/v1/certs/trusted-certificate') return listTrusted(url, res);
    if (method === 'POST' && path === '/api/v1/certs/trusted-certificate/import') {
      void handleImport(req, res);
      return;
    }
    if (path.startsWith('/api/v1/certs/')) return sendJson(res, 404, { message: 'Not Found', status: 'Fail' });
    if (path.startsWith('/api/v1/system-settings/')) return sendJson(res, 404, { code: '404', message: 'Not Found' });
    return sendJson(res, 404, { error: { message: 'Not Found' }, version: V });
  };
}
