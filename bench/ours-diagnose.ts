// Client side of the latency benchmark for OUR engine: diagnose() from electron/core/diagnostics,
// the full run (inputs, login host, a fresh token with a new MSAL instance, claims, SMTP up to
// STARTTLS/EHLO, AUTH XOAUTH2). One warm-up run (module loading and JIT are start-up costs, not
// the diagnosis), then N timed runs. Reads the far side's JSON line (practice-net.ts) on stdin,
// prints one JSON line: per run the wall time, the verdict and each check's own duration.
//
// With --cold: no warm-up, one run (what a fresh `ise-smtp-oauth diagnose` process pays).
//
// Usage: node --import tsx bench/ours-diagnose.ts <runs> [--cold]  < far-side.json
import { readFileSync } from 'node:fs';
import { diagnose } from '../electron/core/diagnostics';

interface FarSide {
  authorityHost: string;
  smtpHost: string;
  smtpPort: number;
  caFile: string;
  credentials: { tenantId: string; clientId: string; clientSecret: string; mailbox: string; servicePrincipalObjectId: string };
}

const runs = Number(process.argv[2] ?? '5');
const far = JSON.parse(readFileSync(0, 'utf8')) as FarSide;
const caPem = readFileSync(far.caFile, 'utf8');

async function once() {
  const started = performance.now();
  const report = await diagnose({
    tenantId: far.credentials.tenantId,
    clientId: far.credentials.clientId,
    clientSecret: far.credentials.clientSecret,
    mailbox: far.credentials.mailbox,
    servicePrincipalObjectId: far.credentials.servicePrincipalObjectId,
    authorityHost: far.authorityHost,
    smtpHost: far.smtpHost,
    smtpPort: far.smtpPort,
    caPem,
    practice: true,
  }, { env: {} });
  const ms = performance.now() - started;
  return {
    ms,
    ok: report.ok,
    errors: report.findings.filter((f) => f.severity === 'error').map((f) => f.code),
    checks: Object.fromEntries(report.checks.map((c) => [c.id, c.durationMs])),
  };
}

const cold = process.argv.includes('--cold');
if (!cold) await once();
const results = [];
for (let i = 0; i < runs; i++) results.push(await once());
process.stdout.write(JSON.stringify({ runs: results }) + '\n');
