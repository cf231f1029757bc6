import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Handlers } from '../../../electron/core/dispatch';
import { MAX_BODY_BYTES, startBrowserMode, type BrowserModeServer } from '../../../electron/serve';

const handlers = {
  appInfo: async () => ({ name: 'ise-smtp-oauth', version: '0.0.0', shell: 'browser', platform: 'linux', keychain: { available: true }, practice: false }),
} as Handlers;

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
