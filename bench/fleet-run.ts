// Client side of the fleet benchmark: checkFleet (electron/core/fleet) over N profiles of the
// practice tenant behind the 40 ms relays (practice-net.ts), C at a time. First one warm-up and
// three single diagnoses (the "one diagnose" of the goal), then the fleet run, sampling RSS every
// 50 ms and counting this process's open file descriptors before and after.
// Reads the far side's JSON line on stdin; prints one JSON line.
//
// Usage: node --import tsx bench/fleet-run.ts <profiles> <concurrency>  < far-side.json
import { readdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { diagnose } from '../electron/core/diagnostics';
import { checkFleet } from '../electron/core/fleet/check';
import type { Profile } from '../shared/contract/profiles';

const count = Number(process.argv[2] ?? '200');
const concurrency = Number(process.argv[3] ?? '8');
const far = JSON.parse(readFileSync(0, 'utf8')) as { authorityHost: string; smtpHost: string; smtpPort: number; caFile: string; credentials: { tenantId: string; clientId: string; clientSecret: string; mailbox: string } };
const caPem = readFileSync(far.caFile, 'utf8');
const fds = () => readdirSync('/proc/self/fd').length;

const run = (p: Pick<Profile, 'tenantId' | 'clientId' | 'mailbox'>) =>
  diagnose({ tenantId: p.tenantId, clientId: p.clientId, mailbox: p.mailbox, clientSecret: far.credentials.clientSecret, authorityHost: far.authorityHost, smtpHost: far.smtpHost, smtpPort: far.smtpPort, caPem, practice: true }, { env: {} });

const c = far.credentials;
await run(c); // warm-up: module loading and JIT are start-up costs
const singles: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  await run(c);
  singles.push(performance.now() - t);
}
singles.sort((a, b) => a - b);
const at = new Date().toISOString();
const profiles: Profile[] = Array.from({ length: count }, (_, i) => ({
  id: randomUUID(), name: `Practice ${i}`, customer: `Customer ${i}`, iseVersion: '', mailbox: c.mailbox, tenantId: c.tenantId, clientId: c.clientId,
  route: 'classic', practice: true, createdAt: at, updatedAt: at, lastVerification: null,
}));
await new Promise((r) => setTimeout(r, 200));
const fdsBefore = fds();
const rss: number[] = [];
const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 50);
const started = performance.now();
const rows = await checkFleet({ profiles, concurrency, check: async (p) => ({ report: await run(p) }) });
const wallMs = performance.now() - started;
clearInterval(sampler);
await new Promise((r) => setTimeout(r, 500)); // sockets closing after QUIT
const fdsAfter = fds();
const quarter = Math.max(1, Math.floor(rss.length / 4));
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
process.stdout.write(
  JSON.stringify({
    count, concurrency, singleMs: singles[1], wallMs, fdsBefore, fdsAfter,
    rssMaxMb: Math.max(...rss) / 1048576, rssFirstQuarterMb: avg(rss.slice(0, quarter)) / 1048576, rssLastQuarterMb: avg(rss.slice(-quarter)) / 1048576,
    healthy: rows.filter((r) => r.result === 'healthy').length,
  }) + '\n',
);
