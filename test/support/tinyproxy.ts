import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const HOST = '127.0.0.1';

/** A free port on 127.0.0.1 (bound, read, released). */
export async function freePort(): Promise<number> {
  const s = createServer();
  const port = await new Promise<number>((resolve) => s.listen(0, HOST, () => resolve((s.address() as { port: number }).port)));
  await new Promise((r) => s.close(r));
  return port;
}

/** Waits until something listens on the port (tinyproxy's own readiness, not a sleep). */
async function waitForPort(port: number, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const inUse = await new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(true));
      s.listen(port, HOST, () => s.close(() => resolve(false)));
    });
    if (inUse) return;
    if (Date.now() > until) throw new Error('tinyproxy did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A real HTTP CONNECT proxy on 127.0.0.1 (Debian tinyproxy), allowing CONNECT to any port. */
export async function startTinyproxy(dir: string): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const conf = path.join(dir, 'tinyproxy.conf');
  // No ConnectPort lines: tinyproxy then allows CONNECT to any port (the emulators' ports).
  writeFileSync(conf, `Port ${port}\nListen ${HOST}\nAllow ${HOST}\nTimeout 30\nMaxClients 20\nLogLevel Error\n`);
  const child: ChildProcess = spawn('/usr/bin/tinyproxy', ['-d', '-c', conf], { stdio: 'ignore' });
  await waitForPort(port, 5000);
  return { url: `http://${HOST}:${port}`, stop: () => void (child.pid && child.kill('SIGTERM')) };
}
