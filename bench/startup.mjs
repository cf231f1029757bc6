// Benchmark 2a: browser-mode start-up, from spawning `ise-smtp-oauth serve` to the welcome
// screen being interactive, measured with Playwright on Debian's Chromium (the launch
// arguments of playwright.config.ts). "Interactive" = the language picker is enabled AND the
// version text from the appInfo contract call is visible (the round trip to the server works).
// The browser is started once beforehand (a user's browser is already running); each run gets a
// fresh server process, a fresh data folder and a fresh browser context (cold HTTP cache).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
/* global document -- the waitForFunction callback runs in the page */
import { chromium } from '@playwright/test';
import { root, summarize } from './util.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** One run: milliseconds from spawn to interactive, plus when the URL line came (the server's share). */
async function once(browser) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'));
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/ise-smtp-oauth.js', 'serve', '--no-open', '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron-dist' },
  });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`serve printed no URL in 30 s: ${out}`)), 30_000);
      child.stdout.on('data', (d) => {
        out += d;
        const m = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[0]);
        }
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
    const urlMs = performance.now() - started;
    await page.goto(url);
    await page.getByLabel('Language').first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForFunction(
      () => {
        const version = document.querySelector('[data-testid="app-version"]');
        const picker = Array.from(document.querySelectorAll('select')).find((s) => !s.disabled);
        return Boolean(version && /\d+\.\d+\.\d+/.test(version.textContent ?? '') && picker);
      },
      undefined,
      { timeout: 30_000, polling: 'raf' },
    );
    return { ms: performance.now() - started, urlMs };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await context.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Runs the start-up benchmark (needs `npm run build` first: serve runs out/main/cli.js).
 * @param {{ runs: number, log?: (s: string) => void }} opts
 */
export async function benchStartup({ runs, log = () => undefined }) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    log('startup: warm-up run (disk cache of node and chromium) …');
    await once(browser);
    const results = [];
    for (let i = 0; i < runs; i++) {
      results.push(await once(browser));
      log(`startup: run ${i + 1}/${runs}: ${results[i].ms.toFixed(0)} ms`);
    }
    return { interactive: summarize(results.map((r) => r.ms)), serverUrl: summarize(results.map((r) => r.urlMs)) };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchStartup({ runs: Number(process.argv[2] ?? 5), log: (s) => console.error(s) }), null, 2));
}
