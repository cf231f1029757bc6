import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { RENDERER_CSP } from './core/page-security/csp';
import { dispatch, isCallName, type Handlers } from './core/handlers/dispatch';

/**
 * Browser mode: the same contract as Electron IPC, as `POST /api/<name>` on 127.0.0.1 only.
 * Every call needs the per-launch token (header `X-Setup-Token`); Host and Origin must be this
 * server's own (a DNS-rebinding page or another site gets 403); there are no CORS headers, so
 * no other origin can read a reply; bodies are size-limited.
 */
export interface BrowserModeOptions {
  handlers: Handlers;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a fresh random one otherwise. */
  token?: string;
}

export interface BrowserModeServer {
  /** The URL a browser opens: the token rides in the fragment, so it never reaches a log. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-setup-token';
/** Default request body limit; calls that carry files (log text) get a larger one. */
export const MAX_BODY_BYTES = 1024 * 1024;
const LARGE_BODY_CALLS: Record<string, number> = { analyzeLogText: 48 * 1024 * 1024 };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserModeServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'internal error' } }));
  });
  let port = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    baseHeaders(res);
    if (!isOwnHost(req.headers.host, port)) return send(res, 403, refusal('FORBIDDEN_HOST', 'unexpected Host header'));
    const origin = req.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, port)) {
      return send(res, 403, refusal('FORBIDDEN_ORIGIN', 'cross-origin requests are not allowed'));
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, refusal('METHOD_NOT_ALLOWED', 'method not allowed'));
    return serveStatic(res, url.pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (req.method !== 'POST') return send(res, 405, refusal('METHOD_NOT_ALLOWED', 'use POST'));
    if (!hasToken(req.headers[TOKEN_HEADER], token)) return send(res, 401, refusal('UNAUTHORIZED', 'missing or wrong access token'));
    if (!isCallName(name)) return send(res, 404, refusal('UNKNOWN_CALL', `no call named ${JSON.stringify(name.slice(0, 64))}`));
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return send(res, 415, refusal('UNSUPPORTED_MEDIA_TYPE', 'send application/json'));
    }
    const limit = LARGE_BODY_CALLS[name] ?? MAX_BODY_BYTES;
    const body = await readBody(req, limit);
    if (body === 'too-large') return send(res, 413, refusal('BODY_TOO_LARGE', `request body over ${limit} bytes`));
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return send(res, 400, refusal('INVALID_JSON', 'request body is not valid JSON'));
    }
    // Results are data: a failed call is still HTTP 200 with {ok:false,...}, like IPC.
    send(res, 200, await dispatch(options.handlers, name, input));
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = normalize(join(options.rendererDir, relative));
    if (!file.startsWith(normalize(options.rendererDir) + sep)) return send(res, 404, refusal('NOT_FOUND', 'not found'));
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) return send(res, 404, refusal('NOT_FOUND', 'not found'));
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Content-Length': stat.size });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () => closeServer(server),
  };
}

function baseHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', RENDERER_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/** Only this server's own names: a rebinding attacker's page arrives with its own Host. */
export function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function isOwnOrigin(origin: string, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

function hasToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refusal(code: string, message: string) {
  return { ok: false, error: { code, message } };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too-large');
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
