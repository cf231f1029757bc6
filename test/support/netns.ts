import { execFileSync, spawn } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A network namespace with nothing in it but its own loopback: from inside, the host's
 * 127.0.0.1 services are unreachable. Needs root (`ip netns`); `netnsAvailable()` says whether
 * this machine allows it.
 */
export function netnsAvailable(): boolean {
  const probe = `diagprobe${process.pid}`;
  try {
    execFileSync('ip', ['netns', 'add', probe], { stdio: 'ignore' });
    execFileSync('ip', ['netns', 'del', probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface IsolatedNetns {
  name: string;
  /** Runs a command inside the namespace; resolves with its exit code and output (killed at timeoutMs). */
  exec(argv: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs: number }): Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Deletes the namespace; safe to call twice. */
  destroy(): void;
}

export function createIsolatedNetns(name: string): IsolatedNetns {
  execFileSync('ip', ['netns', 'add', name], { stdio: 'ignore' });
  let alive = true;
  const destroy = () => {
    if (!alive) return;
    alive = false;
    try {
      execFileSync('ip', ['netns', 'del', name], { stdio: 'ignore' });
    } catch {
      // Already gone.
    }
  };
  try {
    // Loopback only: no veth, no route, so nothing outside the namespace has an address here.
    execFileSync('ip', ['netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up'], { stdio: 'ignore' });
  } catch (err) {
    destroy();
    throw err;
  }
  return {
    name,
    destroy,
    exec: (argv, opts) =>
      new Promise((resolve) => {
        const child = spawn('ip', ['netns', 'exec', name, ...argv], { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += String(d)));
        child.stderr.on('data', (d) => (stderr += String(d)));
        const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve({ code, stdout, stderr });
        });
      }),
  };
}

/** A Unix socket that pipes every connection to 127.0.0.1:port (the namespace's only way out). */
export async function unixBridge(socketPath: string, port: number): Promise<{ connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    count++;
    open.add(client);
    client.on('close', () => open.delete(client));
    const upstream = connect({ host: '127.0.0.1', port });
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    connections: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
