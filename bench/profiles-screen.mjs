// Splits the Profiles screen's time with 1,000 profiles (issue 16.2): click → the page request
// sent → its reply → 50 rows drawn, from the page's own clock (resource timings + a rAF after the
// rows appear), immediately after the welcome screen shows and again after a 1 s pause (a person
// clicks later than Playwright). Usage: node bench/profiles-screen.mjs [runs]  (after npm run build)
import { chromium } from '@playwright/test';
/* global document, window, requestAnimationFrame */ // the evaluate() callbacks run in the page
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeProfileStore } from './profile-store-gen.mjs';
import { CHROMIUM_ARGS } from './startup.mjs';
import { serve } from './ui.mjs';

const runs = Number(process.argv[2] ?? 3);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pscreen-'));
const big = path.join(dir, 'big');
writeProfileStore({ dataDir: big, count: 1000, withReports: true });
const s = await serve(big);
try {
  for (const pauseMs of [0, 1000]) {
    for (let i = 0; i <= runs; i++) {
      const context = await browser.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      await page.goto(s.url);
      await page.getByTestId('nav-profiles').waitFor();
      if (pauseMs) await page.waitForTimeout(pauseMs);
      await page.evaluate(() => {
        document.querySelector('[data-testid="nav-profiles"]').addEventListener('click', () => { window.__click = performance.now(); }, { capture: true, once: true });
      });
      await page.getByTestId('nav-profiles').click();
      const r = await page.evaluate(() => new Promise((resolve) => {
        const done = () => requestAnimationFrame(() => {
          const req = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/profilesPage')).pop();
          const chunk = performance.getEntriesByType('resource').filter((e) => /ProfilesScreen/.test(e.name)).pop();
          resolve({ click: window.__click, drawn: performance.now(), reqStart: req?.startTime, reqEnd: req?.responseEnd, chunkStart: chunk?.startTime, chunkEnd: chunk?.responseEnd });
        });
        const check = () => (document.querySelectorAll('[data-testid="profile-row"]').length === 50 ? done() : requestAnimationFrame(check));
        check();
      }));
      if (i > 0) {
        const f = (v) => (v === undefined ? '-' : Math.round(v - r.click));
        console.log(`pause ${pauseMs} ms: click→request ${f(r.reqStart)}  →reply ${f(r.reqEnd)}  →drawn ${f(r.drawn)} ms (chunk fetched ${r.chunkStart === undefined ? '-' : Math.round(r.chunkStart - r.click)}…${f(r.chunkEnd)} rel. to click)`);
      }
      await context.close();
    }
  }
} finally {
  await s.stop();
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
