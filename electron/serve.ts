import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
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
  /** Connection limits (tests lower them); DEFAULT_CONNECTION_LIMITS otherwise. */
  limits?: Partial<ConnectionLimits>;
}

/**
 * What keeps browser mode serving its own page when something on the machine opens connections
 * by the thousand (issue 17: 20,000 idle connections exhausted the file descriptors and the
 * wizard's own calls were refused).
 */
export interface ConnectionLimits {
  /**
   * Open connections per client address. At the cap, the client's oldest connection with no
   * request in flight is closed to make room, so a fresh connection (the wizard's next call) is
   * always served; every client is 127.0.0.1 here, so this also bounds the total.
   */
  maxConnectionsPerClient: number;
  /** A connection that has not sent a complete request head by then is closed. */
  headersTimeoutMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = { maxConnectionsPerClient: 64, headersTimeoutMs: 10_000 };

export interface BrowserModeServer {
  /** The URL a browser opens: the token rides in the fragment, so it never reaches a log. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-setup-token';
/** Request body limit for every call: files travel in chunks under it (a guest.log: logUploadChunk). */
export const MAX_BODY_BYTES = 1024 * 1024;

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
  const limits: ConnectionLimits = { ...DEFAULT_CONNECTION_LIMITS, ...options.limits };
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      // How often Node checks headersTimeout/requestTimeout: often enough for the bound to hold.
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(limits.headersTimeoutMs / 2))),
    },
    (req, res) => {
      // Every stream handles its errors: an unhandled 'error' event would end the process.
      req.on('error', () => res.destroy());
      res.on('error', () => undefined);
      handle(req, res).catch(() => send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'internal error' } }));
    },
  );
  guardConnections(server, limits);
  let port = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    baseHeaders(res);
    // A second Host header would let a proxy and this check read different hosts: refused.
    if (countHeader(req.rawHeaders, 'host') > 1) return send(res, 400, refusal('DUPLICATE_HOST', 'more than one Host header'));
    if (!isOwnHost(req.headers.host, port)) return send(res, 403, refusal('FORBIDDEN_HOST', 'unexpected Host header'));
    const origin = req.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, port)) {
      return send(res, 403, refusal('FORBIDDEN_ORIGIN', 'cross-origin requests are not allowed'));
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return send(res, 400, refusal('BAD_REQUEST_TARGET', 'malformed request target'));
    }
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, refusal('METHOD_NOT_ALLOWED', 'method not allowed'));
    return serveStatic(req, res, url.pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (req.method !== 'POST') return send(res, 405, refusal('METHOD_NOT_ALLOWED', 'use POST'));
    if (!hasToken(req.headers[TOKEN_HEADER], token)) return send(res, 401, refusal('UNAUTHORIZED', 'missing or wrong access token'));
    if (!isCallName(name)) return send(res, 404, refusal('UNKNOWN_CALL', `no call named ${JSON.stringify(name.slice(0, 64))}`));
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return send(res, 415, refusal('UNSUPPORTED_MEDIA_TYPE', 'send application/json'));
    }
    const limit = MAX_BODY_BYTES;
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

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, refusal('BAD_PATH', 'malformed percent-encoding in the path'));
    }
    if (decoded.includes('\0')) return send(res, 400, refusal('BAD_PATH', 'NUL in the path'));
    const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const file = normalize(join(options.rendererDir, relative));
    if (!file.startsWith(normalize(options.rendererDir) + sep)) return send(res, 404, refusal('NOT_FOUND', 'not found'));
    // Open first, then stat the open file: no window between the check and the read in which the
    // file can vanish or be swapped (issue 17: a file gone between stat and open crashed the process).
    const handle = await fs.open(file, 'r').catch(() => null);
    if (!handle) return send(res, 404, refusal('NOT_FOUND', 'not found'));
    const stat = await handle.stat().catch(() => null);
    if (!stat?.isFile()) {
      await handle.close().catch(() => undefined);
      return send(res, 404, refusal('NOT_FOUND', 'not found'));
    }
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Content-Length': stat.size });
    if (req.method === 'HEAD') {
      await handle.close().catch(() => undefined);
      return void res.end();
    }
    const stream = handle.createReadStream({ autoClose: true });
    // A read failing half-way (an I/O error) can only cut the reply: the length is already sent.
    stream.on('error', () => res.destroy());
    res.on('close', () => stream.destroy());
    stream.pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  server.removeAllListeners('error');
  // Once listening, an error event means one failed connection, never a reason to end browser
  // mode (libuv absorbs accept()'s EMFILE itself; this keeps any other such error from exiting).
  server.on('error', () => undefined);
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () => closeServer(server),
  };
}

/** How many times a header occurs in the raw list (name/value pairs, names as sent). */
function countHeader(raw: string[], name: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === name) n++;
  return n;
}

/**
 * Per-client connection cap with eviction of idle connections, a bound on the time before a
 * request head arrives, and an error handler on every socket (ConnectionLimits says why).
 */
function guardConnections(server: Server, limits: ConnectionLimits): void {
  const byClient = new Map<string, Set<Socket>>();
  const inFlight = new WeakMap<Socket, number>();
  server.on('connection', (socket: Socket) => {
    socket.on('error', () => socket.destroy());
    const client = socket.remoteAddress ?? 'unknown';
    let open = byClient.get(client);
    if (!open) byClient.set(client, (open = new Set()));
    if (open.size >= limits.maxConnectionsPerClient) {
      // Oldest first (a Set keeps insertion order): the one most likely abandoned or hostile.
      const idle = [...open].find((s) => !inFlight.get(s));
      if (!idle) return void socket.destroy();
      open.delete(idle);
      idle.destroy();
    }
    open.add(socket);
    // Until its first request head arrives, a connection lives headersTimeoutMs at most (Node's
    // own headersTimeout covers a head that is started but not finished).
    const firstRequest = setTimeout(() => {
      if (!inFlight.has(socket)) socket.destroy();
    }, limits.headersTimeoutMs);
    firstRequest.unref();
    socket.once('close', () => {
      clearTimeout(firstRequest);
      open.delete(socket);
      if (open.size === 0 && byClient.get(client) === open) byClient.delete(client);
    });
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    res.once('close', () => inFlight.set(socket, Math.max(0, (inFlight.get(socket) ?? 1) - 1)));
  });
  // A malformed request (bad request line, oversized head) or a reset: answer 400 if possible, never throw.
  server.on('clientError', (_err: Error, socket: Socket) => {
    if (socket.writable && !socket.destroyed) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
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
  if (res.destroyed) return;
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
