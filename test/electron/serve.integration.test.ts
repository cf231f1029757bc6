import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Handlers } from '../../electron/core/handlers/dispatch';
import { MAX_BODY_BYTES, startBrowserMode, type BrowserModeServer } from '../../electron/serve';

const handlers = {
  appInfo: async () => ({ name: 'ise-smtp-oauth', version: '0.0.0', shell: 'browser', platform: 'linux', keychain: { available: true }, practice: false }),
} as unknown as Handlers;

let server: BrowserModeServer;
let secretFile: string;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'serve-test-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  secretFile = join(root, 'secret.txt');
  writeFileSync(secretFile, 'outside the renderer');
  server = await startBrowserMode({ handlers, rendererDir, port: 0 });
});
afterAll(() => server.close());

/** A raw HTTP request, so Host and body size are exactly what the test says. */
function raw(opts: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string }) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const api = (name: string, body: string, headers: Record<string, string> = {}) =>
  raw({ method: 'POST', path: `/api/${name}`, headers: { 'Content-Type': 'application/json', 'X-Setup-Token': server.token, ...headers }, body });

describe('browser mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token in the fragment', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=[A-Za-z0-9_-]{40,}$`));
  });

  it('answers a call with the token', async () => {
    const res = await api('appInfo', '{}');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { shell: 'browser' } });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('refuses a missing token', async () => {
    const res = await raw({ method: 'POST', path: '/api/appInfo', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
  });

  it('refuses a wrong token, of the same length or not', async () => {
    const sameLength = server.token.slice(0, -1) + (server.token.endsWith('A') ? 'B' : 'A');
    for (const wrong of [sameLength, server.token.slice(1), `${server.token}x`, '', server.token.toUpperCase() === server.token ? 'x' : server.token.toUpperCase()]) {
      const res = await api('appInfo', '{}', { 'X-Setup-Token': wrong });
      expect(res.status, JSON.stringify(wrong)).toBe(401);
      expect(JSON.parse(res.body).error.code).toBe('UNAUTHORIZED');
    }
  });

  it('refuses an oversized body sent in chunks without a Content-Length', async () => {
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/appInfo', headers: { 'Content-Type': 'application/json', 'X-Setup-Token': server.token, 'Transfer-Encoding': 'chunked' } },
        (r) => {
          let body = '';
          r.on('data', (c) => (body += c));
          r.on('end', () => resolve({ status: r.statusCode!, body }));
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      for (let sent = 0; sent <= MAX_BODY_BYTES; sent += chunk.length) req.write(chunk);
      req.end();
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('BODY_TOO_LARGE');
  });

  it('refuses a request without a Host header, and look-alike hosts', async () => {
    // No Host header at all: node's own parser refuses HTTP/1.1 without Host (400) before we see it.
    const noHost = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/appInfo', setHost: false, headers: { 'Content-Type': 'application/json', 'X-Setup-Token': server.token } },
        (r) => (r.resume(), resolve(r.statusCode!)),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect([400, 403]).toContain(noHost);
    for (const host of [`127.0.0.1`, `127.0.0.1:${server.port + 1}`, `localhost.attacker.example:${server.port}`, `127.0.0.1.nip.io:${server.port}`, `[::1]:${server.port}`]) {
      const res = await api('appInfo', '{}', { Host: host });
      expect(res.status, `Host: ${host}`).toBe(403);
    }
  });

  it.runIf(existsSync('/proc/net/tcp'))('its listening socket is bound to 127.0.0.1, not to any other address or IPv6', () => {
    const portHex = server.port.toString(16).toUpperCase().padStart(4, '0');
    const listeners = (file: string) =>
      existsSync(file)
        ? readFileSync(file, 'utf8')
            .split('\n')
            .slice(1)
            .map((line) => line.trim().split(/\s+/))
            .filter((cols) => cols[1]?.endsWith(`:${portHex}`) && cols[3] === '0A') // 0A = LISTEN
            .map((cols) => cols[1]!.split(':')[0])
        : [];
    expect(listeners('/proc/net/tcp')).toEqual(['0100007F']); // 127.0.0.1, little-endian hex
    expect(listeners('/proc/net/tcp6')).toEqual([]);
  });

  it('refuses an oversized body', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(MAX_BODY_BYTES + 10) });
    const res = await api('appInfo', big);
    expect(res.status).toBe(413);
  });

  it('refuses a foreign Host even with the token', async () => {
    const res = await api('appInfo', '{}', { Host: `rebind.attacker.example:${server.port}` });
    expect(res.status).toBe(403);
  });

  it('refuses a foreign Origin', async () => {
    const res = await api('appInfo', '{}', { Origin: 'http://127.0.0.1:1' });
    expect(res.status).toBe(403);
  });

  it('accepts its own Origin', async () => {
    const res = await api('appInfo', '{}', { Origin: `http://127.0.0.1:${server.port}` });
    expect(res.status).toBe(200);
  });

  it('refuses non-JSON bodies (no simple cross-site form posts)', async () => {
    const res = await api('appInfo', '{}', { 'Content-Type': 'text/plain' });
    expect(res.status).toBe(415);
  });

  it('answers invalid JSON with a clear error', async () => {
    const res = await api('appInfo', '{not json');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('INVALID_JSON');
  });

  it('knows only contract calls', async () => {
    for (const name of ['nope', 'constructor', '__proto__', 'toString']) {
      const res = await api(name, '{}');
      expect(res.status).toBe(404);
    }
  });

  it('answers GET on the API with 405 and sends no CORS headers to a preflight', async () => {
    expect((await raw({ path: '/api/appInfo', headers: { 'X-Setup-Token': server.token } })).status).toBe(405);
    const preflight = await raw({ method: 'OPTIONS', path: '/api/appInfo', headers: { Origin: 'https://attacker.example' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the renderer with a strict CSP and never files outside it', async () => {
    const index = await raw({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await raw({ path });
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('outside the renderer');
    }
  });
});
