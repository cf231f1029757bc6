// Benchmark 1: full diagnostic latency against the practice tenant behind an emulated 40 ms
// round trip (rtt-proxy.mjs), beside the protocol's minimum and a naive sequential script.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { profileDiagnose } from './profile.mjs';
import { calibrate } from './rtt-proxy.mjs';
import { nodeJson, root, summarize } from './util.mjs';

/** smtp-server waits this long before its greeting (its "early talker" check, not configurable). */
export const SMTP_GREETING_DELAY_MS = 100;

/**
 * Round trips each path needs (TLS 1.3: one round trip per handshake), see PERFORMANCE.md.
 * Token path: TCP connect, TLS handshake, HTTP POST → token.
 * SMTP path before AUTH: TCP connect (the greeting rides on it: the server speaks on accept, so
 * it lands one RTT + the greeting delay after connect() began), EHLO, STARTTLS, TLS handshake, EHLO.
 * Then AUTH XOAUTH2, which needs both.
 */
export const ROUND_TRIPS = { token: 3, smtpBeforeAuth: 5, auth: 1 };

/** The protocol's minimum for one RTT: both paths overlapped up to AUTH, plus the emulator's fixed delay. */
export function protocolMinimumMs(rttMs) {
  const tokenPath = ROUND_TRIPS.token * rttMs;
  const smtpPath = ROUND_TRIPS.smtpBeforeAuth * rttMs + SMTP_GREETING_DELAY_MS;
  return Math.max(tokenPath, smtpPath) + ROUND_TRIPS.auth * rttMs;
}

/**
 * Starts the far side (practice tenant behind relays; `flags` add the automation emulators'
 * and a practice ISE's relays, see practice-net.ts) and resolves with its JSON line, a
 * command(cmd) that sends it one command line and resolves with its JSON answer, and a stop().
 */
export function startFarSide(dataDir, rttMs, flags = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/practice-net.ts', dataDir, String(rttMs), ...flags], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const waiting = [];
    let started = false;
    child.stderr.on('data', (d) => (err += d));
    child.once('exit', (code) => reject(new Error(`practice-net exited with ${code}\n${err}`)));
    child.stdout.on('data', (d) => {
      out += d;
      for (let nl = out.indexOf('\n'); nl >= 0; nl = out.indexOf('\n')) {
        const text = out.slice(0, nl);
        out = out.slice(nl + 1);
        if (!started) {
          started = true;
          resolve({
            line: text,
            far: JSON.parse(text),
            command: (cmd) =>
              new Promise((done) => {
                waiting.push(done);
                child.stdin.write(`${cmd}\n`);
              }),
            stop: () =>
              new Promise((done) => {
                child.removeAllListeners('exit');
                child.once('exit', done);
                child.stdin.end();
              }),
          });
        } else waiting.shift()?.(JSON.parse(text));
      }
    });
  });
}

/**
 * Runs the latency benchmark.
 * @param {{ runs: number, rttMs: number, log?: (s: string) => void }} opts
 */
export async function benchLatency({ runs, rttMs, log = () => undefined }) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-latency-'));
  try {
    log(`latency: calibrating the ${rttMs} ms relay …`);
    const cal = await calibrate(rttMs);
    log(`latency: effective RTT ${cal.rttMs.toFixed(1)} ms; running our diagnose ×${runs} …`);
    const side = await startFarSide(dataDir, rttMs);
    let ours;
    let oursCold;
    let naive;
    try {
      ours = await nodeJson(['--import', 'tsx', 'bench/ours-diagnose.ts', String(runs)], { input: side.line });
      log(`latency: our diagnose in a fresh process each time ×${runs} …`);
      oursCold = [];
      for (let i = 0; i < runs; i++) oursCold.push((await nodeJson(['--import', 'tsx', 'bench/ours-diagnose.ts', '1', '--cold'], { input: side.line })).runs[0]);
      log(`latency: running the naive script ×${runs} (a fresh process each time) …`);
      naive = { runs: [] };
      for (let i = 0; i < runs; i++) naive.runs.push(await nodeJson(['bench/naive-diagnose.mjs'], { input: side.line, env: { NODE_EXTRA_CA_CERTS: side.far.caFile } }));
    } finally {
      await side.stop();
    }
    log(`latency: our diagnose with no added RTT (the CPU floor) ×${runs} …`);
    const zero = await startFarSide(dataDir, 0);
    let oursZero;
    let profile;
    try {
      oursZero = await nodeJson(['--import', 'tsx', 'bench/ours-diagnose.ts', String(runs)], { input: zero.line });
      log('latency: CPU profile of our diagnose (node --cpu-prof) …');
      profile = await profileDiagnose({ farLine: zero.line, runs });
    } finally {
      await zero.stop();
    }
    const failed = ours.runs.filter((r) => !r.ok);
    failed.push(...oursCold.filter((r) => !r.ok));
    if (failed.length) throw new Error(`our diagnose did not pass against the healthy practice tenant: ${failed[0].errors.join(', ')}`);
    if (naive.runs.some((r) => !r.ok)) throw new Error('the naive script did not verify');
    const checkIds = Object.keys(ours.runs[0].checks);
    return {
      rttMs,
      effectiveRttMs: cal.rttMs,
      minimumNominalMs: protocolMinimumMs(rttMs),
      minimumEffectiveMs: protocolMinimumMs(cal.rttMs),
      ours: summarize(ours.runs.map((r) => r.ms)),
      oursCold: summarize(oursCold.map((r) => r.ms)),
      naive: summarize(naive.runs.map((r) => r.ms)),
      oursNoRtt: summarize(oursZero.runs.map((r) => r.ms)),
      profile,
      checks: Object.fromEntries(checkIds.map((id) => [id, summarize(ours.runs.map((r) => r.checks[id] ?? 0))])),
      checksNoRtt: Object.fromEntries(checkIds.map((id) => [id, summarize(oursZero.runs.map((r) => r.checks[id] ?? 0))])),
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchLatency({ runs: Number(process.argv[2] ?? 5), rttMs: Number(process.argv[3] ?? 40), log: (s) => console.error(s) });
  console.log(JSON.stringify(r, null, 2));
}
