/**
 * Runs inside an isolated network namespace (test/support/netns.ts) whose only interface is its
 * own loopback. First proves the emulator is out of reach directly, then opens the one way out:
 * a TCP listener on this namespace's 127.0.0.1 that pipes each connection into a Unix socket
 * served by the test process, which pipes it on to tinyproxy. Unix sockets live in the file
 * system, not in a network namespace, so no address other than 127.0.0.1 is ever involved.
 *
 * argv[2]: JSON {options (DiagnoseOptions without the secret), bridgeSocket, directPorts}.
 * The client secret comes in DIAG_NETNS_SECRET (not argv: argv is visible in `ps`).
 * Prints one JSON line: {direct: [{port, outcome}], proxy, report}.
 */
import { connect, createServer, type Socket } from 'node:net';
import { diagnose, type DiagnoseOptions } from '../../electron/core/diagnostics';

interface ChildArgs {
  options: DiagnoseOptions;
  bridgeSocket: string;
  directPorts: number[];
}

/** Tries a direct TCP connection; 'connected' here would mean the isolation failed. */
function tryDirect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const s: Socket = connect({ host: '127.0.0.1', port });
    const timer = setTimeout(() => (s.destroy(), resolve('timeout')), 2000);
    s.once('connect', () => (clearTimeout(timer), s.destroy(), resolve('connected')));
    s.once('error', (err: NodeJS.ErrnoException) => (clearTimeout(timer), resolve(err.code ?? 'error')));
  });
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as ChildArgs;
  const direct = [];
  for (const port of args.directPorts) direct.push({ port, outcome: await tryDirect(port) });

  const bridge = createServer((client) => {
    const upstream = connect({ path: args.bridgeSocket });
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => bridge.listen(0, '127.0.0.1', resolve));
  const proxy = `http://127.0.0.1:${(bridge.address() as { port: number }).port}`;

  const report = await diagnose({ ...args.options, clientSecret: process.env.DIAG_NETNS_SECRET, proxy });
  process.stdout.write(`${JSON.stringify({ direct, proxy, report })}\n`);
  bridge.close();
  process.exit(0);
}

void main();
