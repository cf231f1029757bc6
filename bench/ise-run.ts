// Client side of the ISE-inspection benchmark (issue 16 part 4): runInspection
// (electron/core/ise) against the practice ISE behind the relays of practice-net.ts (--ise),
// with the Microsoft side (token and SMTP hosts, whose chains the inspection captures) behind the
// tenant's relays. One warm-up, then N traced runs (electron/core/calls/trace.ts). Prints one
// JSON line.
//
// Usage: node --import tsx bench/ise-run.ts <runs>  < far-side.json
import { readFileSync } from 'node:fs';
import { CallTrace } from '../electron/core/calls/trace';
import { runInspection } from '../electron/core/ise/inspect';

const runs = Number(process.argv[2] ?? '3');
const far = JSON.parse(readFileSync(0, 'utf8')) as {
  authorityHost: string;
  smtpHost: string;
  smtpPort: number;
  caFile: string;
  credentials: { mailbox: string };
  ise: { host: string; ersPort: number; apiPort: number; username: string; password: string; adminSha256: string };
};
const caPem = readFileSync(far.caFile, 'utf8');
const options = {
  host: far.ise.host,
  username: far.ise.username,
  password: far.ise.password,
  ersPort: far.ise.ersPort,
  apiPort: far.ise.apiPort,
  pinSha256: far.ise.adminSha256,
  mailbox: far.credentials.mailbox,
  microsoft: { authorityHost: far.authorityHost, smtpHost: far.smtpHost, smtpPort: far.smtpPort, caPem, practice: true },
  practice: true,
};

const once = async () => {
  const trace = new CallTrace();
  const t = performance.now();
  const run = await trace.run(() => runInspection(options));
  const wallMs = performance.now() - t;
  const errors = run.inspection.findings.filter((f) => f.severity === 'error').map((f) => f.code);
  return { wallMs, ok: run.inspection.ok, errors, durationMs: run.inspection.durationMs, traced: trace.calls(), overlaps: trace.overlaps };
};
await once();
const results = [];
for (let i = 0; i < runs; i++) results.push(await once());
process.stdout.write(JSON.stringify({ runs: results }) + '\n');
