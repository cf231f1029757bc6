import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { safeRequest } from '../../../../electron/core/net/safe-request';

const HOST = '127.0.0.1';
const servers: Server[] = [];
const sockets = new Set<Socket>();

function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) => server.listen(0, HOST, () => resolve(`http://${HOST}:${(server.address() as { port: number }).port}`)));
}

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

describe('safeRequest: the shared options for calls that carry a secret', () => {
  it('returns a 3xx as a redirect and sends nothing to the Location', async () => {
    let hits = 0;
    const other = await serve((_req, res) => {
      hits++;
      res.end('{}');
    });
    const base = await serve((req, res) => {
      req.resume();
      res.writeHead(307, { location: `${other}/steal` }).end();
    });
    const out = await safeRequest(`${base}/token`, { method: 'POST', body: 'client_secret=x', timeoutMs: 2000, maxBodyBytes: 1024 });
    expect(out).toEqual({ kind: 'redirect', status: 307, location: `${other}/steal` });
    expect(hits).toBe(0);
  });

  it('stops at the limit: declared (Content-Length) and streamed (chunked, never ending)', async () => {
    const declared = await serve((_req, res) => res.writeHead(200, { 'content-length': 5000 }).end('x'.repeat(5000)));
    expect(await safeRequest(declared, { method: 'GET', timeoutMs: 2000, maxBodyBytes: 1024 })).toEqual({ kind: 'too-large', status: 200, limit: 1024 });
    let stopped = false;
    const endless = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write('x'.repeat(64 * 1024)), 1);
      res.on('close', () => {
        stopped = true;
        clearInterval(timer);
      });
    });
    expect(await safeRequest(endless, { method: 'GET', timeoutMs: 5000, maxBodyBytes: 256 * 1024 })).toMatchObject({ kind: 'too-large', limit: 256 * 1024 });
    await expect.poll(() => stopped).toBe(true);
  });

  it('a reply within bounds is returned whole, with its headers', async () => {
    const ok = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json', 'x-ms-request-id': 'abc' }).end('{"a":1}'));
    const out = await safeRequest(ok, { method: 'GET', timeoutMs: 2000, maxBodyBytes: 1024 });
    expect(out.kind).toBe('reply');
    if (out.kind === 'reply') {
      expect(out.body.toString()).toBe('{"a":1}');
      expect(out.headers['x-ms-request-id']).toBe('abc');
    }
  });

  it('a server that never answers is a transport fault within the timeout', async () => {
    const silent = await serve(() => undefined);
    const started = Date.now();
    const out = await safeRequest(silent, { method: 'GET', timeoutMs: 300, maxBodyBytes: 1024 });
    expect(out.kind).toBe('transport');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
