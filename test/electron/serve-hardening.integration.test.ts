import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMode, type BrowserModeServer } from '../../electron/serve';

// Issue 17 points 2 and 12, and point 11's "two Host headers": browser mode survives hostile
// requests and keeps serving the wizard. Everything on 127.0.0.1, ephemeral ports.
const HOST = '127.0.0.1';
const CHILD = resolve(__dirname, '../support/browser-mode-child.ts');
let root: string;
let rendererDir: string;
const children: ChildProcess[] = [];
const openSockets: Socket[] = [];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'serve-hard-'));
  rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(rendererDir, 'app.js'), 'console.log(1)'.repeat(2000));
});
afterEach(() => {
  for (const s of openSockets.splice(0)) s.destroy();
});
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

/** Starts browser mode in a child (optionally with a lowered fd limit); resolves with its port. */
function startChild(options: { limits?: Record<string, number>; maxFds?: number } = {}): Promise<{ child: ChildProcess; port: number; token: string }> {
  const nodeArgs = ['--import', 'tsx', CHILD, JSON.stringify({ rendererDir, ...(options.limits ? { limits: options.limits } : {}) })];
  const child = options.maxFds
    ? spawn('sh', ['-c', `ulimit -n ${options.maxFds} && exec "$0" "$@"`, process.execPath, ...nodeArgs], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, nodeArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolvePort, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) {
        const { port, token } = JSON.parse(line) as { port: number; token: string };
        resolvePort({ child, port, token });
      }
    });
    child.once('exit', (code) => reject(new Error(`child exited ${code}: ${err}`)));
  });
}

function get(port: number, path: string, agent?: Agent): Promise<number> {
  return new Promise((done) => {
    const req = request({ host: HOST, port, path, method: 'GET', ...(agent ? { agent } : {}) }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
      res.on('error', () => done(-1));
    });
    req.on('error', () => done(-1));
    req.setTimeout(10_000, () => req.destroy());
    req.end();
  });
}

function apiCall(port: number, token: string, timeoutMs: number): Promise<number> {
  return new Promise((done) => {
    const body = '{}';
    const req = request(
      { host: HOST, port, path: '/api/appInfo', method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'x-setup-token': token, 'content-length': body.length } },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0));
      },
    );
    req.on('error', () => done(-1));
    req.setTimeout(timeoutMs, () => req.destroy());
    req.end(body);
  });
}

/** Sends raw bytes and resolves with the status line's code (0: the server closed without one). */
function raw(port: number, text: string): Promise<number> {
  return new Promise((done) => {
    const s = connect({ host: HOST, port }, () => s.write(text));
    let reply = '';
    s.on('data', (c: Buffer) => (reply += c.toString()));
    s.on('error', () => undefined);
    s.on('close', () => done(Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? 0)));
    s.setTimeout(5000, () => s.destroy());
  });
}

describe('static serving survives a file that disappears between stat and open', () => {
  it('1,000 requests while the file comes and goes: the server stays up, every answer is 200 or 404', async () => {
    const { child, port } = await startChild();
    let exited = false;
    child.once('exit', () => (exited = true));
    const present = join(rendererDir, 'flicker.js');
    const absent = join(rendererDir, 'flicker.js.away');
    writeFileSync(present, 'x'.repeat(100_000));
    let racing = true;
    const flicker = (async () => {
      // Renames back and forth as fast as the loop allows, yielding so the requests go out.
      for (let i = 0; racing; i++) {
        try {
          if (i % 2 === 0) renameSync(present, absent);
          else renameSync(absent, present);
        } catch {
          /* already moved */
        }
        await new Promise((r) => setImmediate(r));
      }
    })();
    const agent = new Agent({ keepAlive: true, maxSockets: 32 });
    const statuses = await Promise.all(Array.from({ length: 1000 }, () => get(port, '/flicker.js', agent)));
    racing = false;
    await flicker;
    agent.destroy();
    expect(exited).toBe(false);
    expect(statuses.filter((s) => s !== 200 && s !== 404)).toEqual([]);
    expect(await get(port, '/index.html')).toBe(200);
    expect(exited).toBe(false);
  }, 60_000);
});

describe('browser mode, in process', () => {
  let server: BrowserModeServer;
  beforeAll(async () => {
    server = await startBrowserMode({ handlers: new Proxy({}, { get: () => async () => ({}) }) as never, rendererDir, port: 0, limits: { headersTimeoutMs: 400, maxConnectionsPerClient: 16 } });
  });
  afterAll(() => server.close());

  it.each(['/%', '/%E0%A4%A', '/app%2', '/%C0%AF'])('malformed percent-encoding %s is a 400, not a 500', async (path) => {
    expect(await get(server.port, path)).toBe(400);
  });

  it('a well-formed escaped path is still served', async () => {
    expect(await get(server.port, '/app%2Ejs')).toBe(200);
  });

  it('two Host headers are refused', async () => {
    expect(await raw(server.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`)).toBe(400);
    expect(await raw(server.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`)).toBe(200);
  });

  it('a connection that sends no request head is closed after the idle bound', async () => {
    const s = connect({ host: HOST, port: server.port });
    openSockets.push(s);
    s.on('error', () => undefined);
    const closed = await new Promise<boolean>((r) => {
      s.once('close', () => r(true));
      setTimeout(() => r(false), 3000);
    });
    expect(closed).toBe(true);
  });
});

describe('browser mode under a connection flood', () => {
  it('the wizard’s call is served while idle connections try to exhaust the file descriptors', async () => {
    // A fd limit the flood exceeds, and a per-client cap below it: what 20,000 idle
    // connections do to the default limits, at a scale this shared machine can take.
    const { child, port, token } = await startChild({ maxFds: 160, limits: { maxConnectionsPerClient: 40, headersTimeoutMs: 10_000 } });
    let exited = false;
    child.once('exit', () => (exited = true));
    const flood = 400;
    await Promise.all(
      Array.from(
        { length: flood },
        () =>
          new Promise<void>((done) => {
            const s = connect({ host: HOST, port }, () => done());
            s.on('error', () => done());
            openSockets.push(s);
          }),
      ),
    );
    // Let the server accept (or fail to accept) the whole flood first.
    await new Promise((r) => setTimeout(r, 500));
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await apiCall(port, token, 5000));
    expect(statuses).toEqual([200, 200, 200]);
    expect(exited).toBe(false);
  }, 60_000);
});
