// The "far side" of the latency benchmark, in its own process so its CPU (TLS, token signing)
// does not share an event loop with the client being measured: the practice tenant, with a
// delaying relay (rtt-proxy.mjs) in front of its token endpoint and its SMTP server; with
// --automation also in front of its Graph and Exchange admin emulators, with --ise also a
// practice ISE (scenario 'cas-present': everything in order, so a run ends without an error)
// with relays in front of its ERS and OpenAPI ports.
// Prints one JSON line (where to connect, the practice credentials) and serves until stdin
// closes. The line carries the practice secrets for the client processes: it goes down a pipe,
// never to a file or the console.
// Commands on stdin, one per line, each answered by one JSON line on stdout:
//   reset   the automation emulators' directory back to an empty tenant (a fresh setup run)
//   stats   connections each relay has accepted so far
//
// Usage: node --import tsx bench/practice-net.ts <dataDir> <rttMs> [--automation] [--ise]
import { createInterface } from 'node:readline';
import { startPracticeTenant } from '../electron/practice';
import { startRttProxy } from './rtt-proxy.mjs';

const [dataDir, rttArg, ...flags] = process.argv.slice(2);
const rttMs = Number(rttArg);
if (!dataDir || !Number.isFinite(rttMs) || rttMs < 0) {
  process.stderr.write('usage: practice-net.ts <dataDir> <rttMs> [--automation] [--ise]\n');
  process.exit(2);
}

const tenant = await startPracticeTenant({ dataDir, scenario: 'healthy' });
const portOf = (url: string) => Number(new URL(url).port);
const relays: Record<string, Awaited<ReturnType<typeof startRttProxy>>> = {
  token: await startRttProxy({ targetPort: portOf(tenant.authorityHost), rttMs }),
  smtp: await startRttProxy({ targetPort: tenant.smtpPort, rttMs }),
};
const line: Record<string, unknown> = {
  authorityHost: `https://127.0.0.1:${relays.token!.port}`,
  smtpHost: '127.0.0.1',
  smtpPort: relays.smtp!.port,
  caFile: tenant.caFile,
  credentials: tenant.credentials(),
};
if (flags.includes('--automation')) {
  relays.graph = await startRttProxy({ targetPort: portOf(tenant.automation.graphHost), rttMs });
  relays.exchange = await startRttProxy({ targetPort: portOf(tenant.automation.exchangeHost), rttMs });
  line.automation = { graphHost: `https://127.0.0.1:${relays.graph.port}`, exchangeHost: `https://127.0.0.1:${relays.exchange.port}`, signInClientId: tenant.automation.signInClientId };
}
let closeIse: (() => Promise<void>) | undefined;
if (flags.includes('--ise')) {
  const { startPracticeIse } = await import('../electron/practice/ise');
  const ise = await startPracticeIse({ dataDir, scenario: 'cas-present', mailbox: tenant.credentials().mailbox });
  closeIse = () => ise.close();
  relays.iseErs = await startRttProxy({ targetPort: ise.ersPort, rttMs });
  relays.iseApi = await startRttProxy({ targetPort: ise.apiPort, rttMs });
  line.ise = { host: '127.0.0.1', ersPort: relays.iseErs.port, apiPort: relays.iseApi.port, username: ise.username, password: ise.password, adminSha256: ise.adminSha256 };
}
process.stdout.write(JSON.stringify(line) + '\n');

const stop = async () => {
  await Promise.all([...Object.values(relays).map((r) => r.close()), tenant.close(), closeIse?.()]);
  process.exit(0);
};
const commands = createInterface({ input: process.stdin });
commands.on('line', (cmd) => {
  if (cmd === 'reset') {
    tenant.automation.directory.reset();
    process.stdout.write(JSON.stringify({ ok: true }) + '\n');
  } else if (cmd === 'stats') {
    process.stdout.write(JSON.stringify({ connections: Object.fromEntries(Object.entries(relays).map(([k, r]) => [k, r.connections])) }) + '\n');
  } else process.stdout.write(JSON.stringify({ ok: false, error: `unknown command ${cmd}` }) + '\n');
});
commands.on('close', () => void stop());
process.on('SIGTERM', () => void stop());
