import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import { verifyJwt, type JwtClaims } from '../jwt';

/** Small HTTPS plumbing shared by the Graph and Exchange admin emulators (127.0.0.1 only). */

/** The largest request body the Graph and Exchange admin emulators read. */
export const MAX_BODY_BYTES = 256 * 1024;


export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A delegated admin token checked as the resource would: signature, expiry, audience, tenant. */
export function verifyAdminToken(header: string | undefined, key: KeyObject, audience: string, tenantId: string): JwtClaims | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!m) return null;
  const v = verifyJwt(m[1]!, key);
  if (!v.ok) return null;
  const c = v.claims;
  if (typeof c.exp !== 'number' || c.exp * 1000 <= Date.now()) return null;
  if (c.aud !== audience || c.tid !== tenantId) return null;
  return c;
}

export interface HttpsService {
  server: Server;
  /** `https://127.0.0.1:<port>` */
  host: string;
  reloadTls(): void;
  close(): Promise<void>;
}

export async function listenHttps(tls: () => { cert: string; key: string }, handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>, port = 0): Promise<HttpsService> {
  const server = createServer({ ...tls(), requestTimeout: 15_000, headersTimeout: 10_000 }, (req, res) => {
    void handler(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'InternalServerError', message: 'practice emulator failure' } });
      else res.destroy();
    });
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    host: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reloadTls: () => server.setSecureContext(tls()),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
