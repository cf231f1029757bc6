import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The practice ISE's admin accounts and what each may do (ISE's admin groups, simplified). */
export interface IseAccount {
  name: string;
  password: string;
  /** ERS Admin (read/write), ERS Operator (GET only), or no ERS group. */
  ers: 'admin' | 'operator' | null;
  /** OpenAPI rights through the account's admin group (Super Admin: rw, Helpdesk: ro). */
  openapi: 'rw' | 'ro' | null;
}

export const MAX_BODY_BYTES = 256 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, no-store', ...headers });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Length': '0', ...headers });
  res.end();
}

/** Tomcat-style HTML error page (what ISE's app server sends where the specs give no schema). UNCONFIRMED wording. */
export function sendHtml(res: ServerResponse, status: number, title: string, headers: Record<string, string> = {}): void {
  const text = `<!doctype html><html lang="en"><head><title>HTTP Status ${status} – ${title}</title></head><body><h1>HTTP Status ${status} – ${title}</h1></body></html>`;
  res.writeHead(status, { 'Content-Type': 'text/html;charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}


function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The account a Basic Authorization header names, if its password is right. */
export function authenticate(req: IncomingMessage, accounts: readonly IseAccount[]): IseAccount | null {
  const header = req.headers.authorization ?? '';
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const name = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  const account = accounts.find((a) => a.name === name);
  return account && same(account.password, password) ? account : null;
}
