#!/usr/bin/env node
// Benchmark of the guest.log analyzer (issue 6): generates a realistic guest.log (default 1 GB),
// runs the analyzer in a child process (wall time, MB/s, peak RSS from the child's own
// resourceUsage), runs `grep -cE` with the same prefilter patterns over the same file, and
// prints a table. Goal: at least 200 MB/s and under 200 MB RSS.
//
// Usage: node scripts/bench-guest-log.mjs [--size-mb N] [--keep] [--tsx]
// The analyzer is bundled from its TypeScript source with esbuild into the temp directory and
// run by plain node: under tsx the child's peak RSS is ~35 MB higher (tsx and esbuild's own
// start-up), which is not the analyzer's. --tsx runs the source through tsx instead.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

if (process.argv[2] === '--child') {
  // Child: analyse one file, report figures as one JSON line.
  const file = process.argv[3];
  const entry = process.argv[4] ?? path.join(root, 'electron/core/troubleshoot/guest-log/index.ts');
  const baseRssKb = process.resourceUsage().maxRSS; // node itself, before the analyzer loads
  const mod = await import(pathToFileURL(entry).href);
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const analysis = await mod.analyzeGuestLogs([mod.fileInput(file)]);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  process.stdout.write(
    JSON.stringify({
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssKb: process.resourceUsage().maxRSS,
      baseRssKb,
      bytes: analysis.stats.bytes,
      entries: analysis.stats.entries,
      findings: analysis.findings.map((f) => `${f.code}×${f.count}`),
      slowSends: analysis.slowSendCount,
      sends: analysis.sends.success,
      pattern: mod.PREFILTER_SOURCE,
    }) + '\n',
  );
  process.exit(0);
}

const { values } = parseArgs({ options: { 'size-mb': { type: 'string', default: '1024' }, keep: { type: 'boolean' }, tsx: { type: 'boolean' } } });
const sizeMb = Number(values['size-mb']);
if (!Number.isFinite(sizeMb) || sizeMb <= 0) {
  console.error('bench-guest-log: --size-mb must be a positive number');
  process.exit(2);
}

// ---- generate a realistic log ------------------------------------------------------------
const NOISE_CLASSES = [
  'cpm.guestaccess.flowmanager.step.StepExecutor',
  'cpm.guestaccess.apiservices.authentication.GuestUserAuthenticator',
  'cpm.guestaccess.flowmanager.processor.PortalStepController',
  'cpm.admin.guestaccess.action.SponsorPortalAction',
  'cpm.guestaccess.apiservices.guestaccess.GuestAccessSessionManager',
  'cpm.guestaccess.apiservices.util.SmtpSession',
  'cpm.guestaccess.apiservices.notification.NotificationServiceImpl',
];
const NOISE_MESSAGES = [
  'Executing step: LOGIN_STEP for portal 1f2e3d4c-5b6a-7980-a1b2-c3d4e5f60718',
  'Flow state changed from INIT to AUP, flowType=SELF_REG',
  'Guest user lookup by username guest-4821 returned 1 record(s)',
  'Loading portal settings from cache hit=true size=42',
  'Setting MailSessionProperties',
  'Set the FQDN : ise-psn-1.example.local',
  'Sponsor group membership evaluated: ALL_ACCOUNTS (default) matched',
  'Session 0a0a0a0a00012000657f1a2b attribute guest.portal.id set',
  'Validating guest type Contractor (default) against access time rules',
  'Rendering page aup.jsp for locale en_US with 12 customisations',
];
const R = 'cpm.guestaccess.apiservices.util.SmtpMsgRetryThreadUtil';
const SS = 'cpm.guestaccess.apiservices.util.SmtpSession';
const EO = 'cpm.guestaccess.apiservices.oauth.ExchangeOnlineProvider';

function stamp(ms) {
  const d = new Date(Date.UTC(2026, 1, 2) + ms);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)},${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

function block(startMs, lines) {
  const out = [];
  let t = startMs;
  for (let i = 0; i < lines; i++) {
    t += 7;
    const ts = stamp(t);
    if (i % 400 === 17) {
      const dur = i % 4000 === 17 ? 12500 : 4756; // one in ten sends is slow
      out.push(
        `${ts} INFO   [admin-http-pool${i % 150}][[]] ${R} -::sponsor:::- sendMailMessage: Submitting Mail Job`,
        `${ts} DEBUG [admin-http-pool${i % 150}][[]] ${SS} -::sponsor:::- SMTP settings : Username : no-reply@contoso.onmicrosoft.com Port : 587 timeout : 60 isSSLEnabled: true isAuthEnabled true Server: smtp.office365.com`,
        `${ts} INFO   [GUEST_ACCESS_SMTP_RETRY_THREAD][[]] ${R} -:::::- submitMailMsgJob: Time taken for transport.sendMessage() call is ${dur} Milli Seconds.`,
        `${ts} INFO   [admin-http-pool${i % 150}][[]] ${R} -::sponsor:::- sendMailMessage: Future.get status: success Time taken for Future.get method call is ${dur} Milliseconds.`,
      );
    } else if (i % 20000 === 333) {
      out.push(
        `${ts} ERROR [admin-http-pool9][[]] ${EO} -::admin:::- Error acquiring token: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target`,
        '\tat sun.security.validator.PKIXValidator.doBuild(PKIXValidator.java:439)',
        '\tat sun.security.validator.PKIXValidator.engineValidate(PKIXValidator.java:306)',
        '\tat cpm.guestaccess.apiservices.oauth.ExchangeOnlineProvider.getAccessToken(ExchangeOnlineProvider.java:118)',
      );
    } else if (i % 30000 === 999) {
      out.push(
        `${ts} ERROR [admin-http-pool11][[]] ${SS} -::admin:::- MessagingException : com.sun.mail.util.MailConnectException: Couldn't connect to host, port: smtp.office365.com, 587; timeout 60000;`,
        'nested exception is:',
        'java.net.SocketTimeoutException: connect timed out',
      );
    } else {
      const level = i % 13 === 0 ? 'INFO  ' : 'DEBUG';
      out.push(`${ts} ${level} [http-nio-8443-exec-${i % 40}][[]] ${NOISE_CLASSES[i % 7]} -:10.1.2.${i % 250}:0a0a0a0a0001${i}::::- ${NOISE_MESSAGES[(i * 7) % 10]}`);
    }
  }
  return { text: out.join('\n') + '\n', endMs: t };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-guest-log-'));
const file = path.join(dir, 'guest.log');
const target = sizeMb * 1024 * 1024;
console.log(`generating ${sizeMb} MB in ${file} …`);
const fd = fs.openSync(file, 'w');
let written = 0;
let t = 0;
let lineNo = 0;
while (written < target) {
  const { text, endMs } = block(t, 8000);
  t = endMs;
  lineNo += 8000;
  const buf = Buffer.from(text);
  fs.writeSync(fd, buf);
  written += buf.length;
}
fs.closeSync(fd);

// ---- run the analyzer and grep ------------------------------------------------------------
function timeCommand(cmd, args, opts = {}) {
  const started = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  return { ms: performance.now() - started, ...r };
}

// Bundle the analyzer so the child is plain node (see the header).
const esbuild = path.join(root, 'node_modules/.bin/esbuild');
const bundle = path.join(dir, 'guest-log.mjs');
let childArgs = ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', file];
let runner = 'tsx';
if (!values.tsx && fs.existsSync(esbuild)) {
  const built = spawnSync(esbuild, ['electron/core/troubleshoot/guest-log/index.ts', '--bundle', '--platform=node', '--format=esm', '--target=node20', `--outfile=${bundle}`, '--log-level=warning'], { cwd: root, encoding: 'utf8' });
  if (built.status === 0) {
    childArgs = [fileURLToPath(import.meta.url), '--child', file, bundle];
    runner = 'bundle';
  } else console.error(`esbuild failed, running through tsx:\n${built.stderr}`);
}
console.log(`running the analyzer (${runner}) …`);
const analyzer = timeCommand(process.execPath, childArgs, { cwd: root });
if (analyzer.status !== 0) {
  console.error(analyzer.stderr);
  process.exit(1);
}
const result = JSON.parse(analyzer.stdout.trim().split('\n').pop());

// GNU time gives grep's peak RSS where it is installed; otherwise RSS is not reported for grep.
const gnuTime = fs.existsSync('/usr/bin/time');
function runGrep(locale) {
  const env = { ...process.env, LC_ALL: locale };
  const args = ['-cE', result.pattern, file];
  const r = gnuTime ? timeCommand('/usr/bin/time', ['-f', '%M', 'grep', ...args], { env }) : timeCommand('grep', args, { env });
  const rssKb = gnuTime ? Number(r.stderr.trim().split('\n').pop()) : null;
  return { ms: r.ms, lines: Number(r.stdout.trim()), rssKb };
}
console.log('running grep -cE …');
const grepC = runGrep('C');
const grepUtf8 = runGrep('C.UTF-8');

const mb = written / 1024 / 1024;
const row = (name, ms, rssKb, note) =>
  `${name.padEnd(26)} ${(ms / 1000).toFixed(2).padStart(8)} s ${(mb / (ms / 1000)).toFixed(0).padStart(7)} MB/s ${rssKb === null ? '     n/a' : `${(rssKb / 1024).toFixed(0).padStart(5)} MB`}   ${note}`;
console.log(`\nfile: ${mb.toFixed(0)} MB, ${lineNo} lines\n`);
console.log(`${'tool'.padEnd(26)} ${'time'.padStart(10)} ${'speed'.padStart(12)} ${'peak RSS'.padStart(8)}   result`);
console.log(row('analyzer (in-process)', result.ms, result.maxRssKb, `${result.entries} entries, sends ${result.sends}, slow ${result.slowSends}, ${result.findings.join(' ')}`));
console.log(row('analyzer (CPU time)', result.cpuMs, result.maxRssKb, 'user + system CPU: the figure when other processes load the machine'));
console.log(row(`analyzer (${runner} start)`, analyzer.ms, result.maxRssKb, `wall time of the child process; node alone before loading: ${(result.baseRssKb / 1024).toFixed(0)} MB RSS`));
console.log(row('grep -cE (LC_ALL=C)', grepC.ms, grepC.rssKb, `${grepC.lines} matching lines`));
console.log(row('grep -cE (C.UTF-8)', grepUtf8.ms, grepUtf8.rssKb, `${grepUtf8.lines} matching lines`));
const speed = mb / (result.ms / 1000);
const cpuSpeed = mb / (result.cpuMs / 1000);
console.log(
  `\ngoal ≥ 200 MB/s: ${speed >= 200 ? 'met' : 'NOT met'} (${speed.toFixed(0)} MB/s wall; ${cpuSpeed.toFixed(0)} MB/s by CPU time, ${os.loadavg()[0].toFixed(1)} load on ${os.cpus().length} CPUs); ` +
    `RSS < 200 MB: ${result.maxRssKb / 1024 < 200 ? 'met' : 'NOT met'} (${(result.maxRssKb / 1024).toFixed(0)} MB)`,
);

if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
else console.log(`kept ${file}`);
