import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CONNECT_REPLY_BYTES, openTunnel } from '../../../../electron/core/diagnostics/tcp-tls';

// Issue 17 point 3: a proxy's CONNECT answer is read up to a fixed size, not without end.
const HOST = '127.0.0.1';
const servers: Server[] = [];
const sockets = new Set<Socket>();
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

function proxy(answer: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', () => answer(socket));
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(0, HOST, () => resolve((server.address() as { port: number }).port)));
}

describe('the CONNECT answer', () => {
  it('an endless header is NET_PROXY_FAILED (PROXY_REPLY_TOO_LARGE) long before the timeout', async () => {
    let sent = 0;
    const port = await proxy((socket) => {
      socket.write('HTTP/1.1 200 Connection established\r\nX-Pad: ');
      const pump = () => {
        while (!socket.destroyed && sent < 64 * 1024 * 1024 && socket.write('a'.repeat(16 * 1024))) sent += 16 * 1024;
      };
      socket.on('drain', pump);
      pump();
    });
    const started = Date.now();
    const r = await openTunnel(`http://${HOST}:${port}`, 'smtp.office365.com', 587, 5000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fault).toMatchObject({ finding: 'NET_PROXY_FAILED', errorCode: 'PROXY_REPLY_TOO_LARGE' });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(MAX_CONNECT_REPLY_BYTES).toBe(16 * 1024);
  });

  it('a normal 200 answer opens the tunnel', async () => {
    const port = await proxy((socket) => socket.write('HTTP/1.1 200 Connection established\r\nProxy-Agent: test\r\n\r\n'));
    const r = await openTunnel(`http://${HOST}:${port}`, 'smtp.office365.com', 587, 2000);
    expect(r.ok).toBe(true);
    if (r.ok) r.value.destroy();
  });
});
