import { createServer, type Server } from 'node:net';
import type { Server as HttpsServer } from 'node:https';
import type { Socket } from 'node:net';

const HOST = '127.0.0.1';

/**
 * The servers one test file starts on 127.0.0.1 (port 0), with their sockets, so `closeAll`
 * in afterEach leaves nothing listening or connected (open keep-alive sockets would otherwise
 * hold `close` up).
 */
export function localServers() {
  const servers: Array<Server | HttpsServer> = [];
  const sockets = new Set<Socket>();
  return {
    /** Listens on an ephemeral port of 127.0.0.1 and tracks the server and its sockets. */
    listen<T extends Server | HttpsServer>(server: T): Promise<number> {
      servers.push(server);
      server.on('connection', (s: Socket) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
      return new Promise((resolve) => server.listen(0, HOST, () => resolve((server.address() as { port: number }).port)));
    },
    async closeAll(): Promise<void> {
      for (const s of sockets) s.destroy();
      await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
    },
  };
}

/** A port nothing listens on: bound once, then closed. */
export async function refusedPort(): Promise<number> {
  const s = createServer();
  const port = await new Promise<number>((resolve) => s.listen(0, HOST, () => resolve((s.address() as { port: number }).port)));
  await new Promise((r) => s.close(r));
  return port;
}
