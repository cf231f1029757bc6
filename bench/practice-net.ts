// The "far side" of the latency benchmark, in its own process so its CPU (TLS, token signing)
// does not share an event loop with the client being measured: the practice tenant, with a
// delaying relay (rtt-proxy.mjs) in front of its token endpoint and its SMTP server.
// Prints one JSON line (where to connect, the practice credentials) and serves until stdin
// closes. The line carries the practice secret for the client processes: it goes down a pipe,
// never to a file or the console.
//
// Usage: node --import tsx bench/practice-net.ts <dataDir> <rttMs>
import { startPracticeTenant } from '../electron/practice';
import { startRttProxy } from './rtt-proxy.mjs';

const [dataDir, rttArg] = process.argv.slice(2);
const rttMs = Number(rttArg);
if (!dataDir || !Number.isFinite(rttMs) || rttMs < 0) {
  process.stderr.write('usage: practice-net.ts <dataDir> <rttMs>\n');
  process.exit(2);
}

const tenant = await startPracticeTenant({ dataDir, scenario: 'healthy' });
const tokenPort = Number(new URL(tenant.authorityHost).port);
const tokenRelay = await startRttProxy({ targetPort: tokenPort, rttMs });
const smtpRelay = await startRttProxy({ targetPort: tenant.smtpPort, rttMs });

process.stdout.write(
  JSON.stringify({
    authorityHost: `https://127.0.0.1:${tokenRelay.port}`,
    smtpHost: '127.0.0.1',
    smtpPort: smtpRelay.port,
    caFile: tenant.caFile,
    credentials: tenant.credentials(),
  }) + '\n',
);

const stop = async () => {
  await Promise.all([tokenRelay.close(), smtpRelay.close(), tenant.close()]);
  process.exit(0);
};
process.stdin.on('end', () => void stop());
process.stdin.on('close', () => void stop());
process.on('SIGTERM', () => void stop());
process.stdin.resume();
