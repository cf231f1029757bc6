// Benchmark section: a large profile store (issues 16.2 and 17.11). `profiles list` as a whole
// process on 1,000 profiles, and profilePage in-process on 20,000 (the event loop must not stall
// for about a second). The Profiles screen in Chromium is in bench/ui.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeProfileStore } from './profile-store-gen.mjs';
import { nodeJson, root, summarize } from './util.mjs';

export const PROFILE_GOALS = { listMs: 300, blockMs: 1000 };

export async function benchProfiles({ runs = 3, log = () => undefined }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-profiles-'));
  try {
    const small = path.join(dir, 'p1000');
    const large = path.join(dir, 'p20000');
    writeProfileStore({ dataDir: small, count: 1000, withReports: true });
    writeProfileStore({ dataDir: large, count: 20000, withReports: true });
    // The generated files are in the older layout: the first `profiles list` migrates (untimed).
    spawnSync(process.execPath, ['bin/ise-smtp-oauth.js', 'profiles', 'list', '--data-dir', small], { cwd: root, env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron-dist' } });
    log(`profiles: \`profiles list\` on 1,000 profiles ×${runs} …`);
    const list = [];
    const bare = [];
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      const r = spawnSync(process.execPath, ['bin/ise-smtp-oauth.js', 'profiles', 'list', '--data-dir', small], { cwd: root, encoding: 'utf8', env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron-dist' } });
      list.push(performance.now() - t);
      if (r.status !== 0 || r.stdout.split('\n').length < 1001) throw new Error(`profiles list failed: ${r.stderr}`);
      t = performance.now();
      spawnSync(process.execPath, ['-e', ''], { cwd: root });
      bare.push(performance.now() - t);
    }
    log('profiles: profilePage on 20,000 profiles …');
    const page = await nodeJson(['--import', 'tsx', 'bench/profiles-run.ts', large]);
    return { list: summarize(list), bareNode: summarize(bare), page, fileMb: fs.statSync(path.join(large, 'profiles.json')).size / 1048576 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const one = (v) => ({ median: v, min: v, max: v, n: 1 });

export function profileRows(P) {
  return [
    { metric: '`profiles list`, 1,000 profiles, whole process', s: P.list, unit: 'ms', goal: `< ${PROFILE_GOALS.listMs} ms`, result: `${P.list.median < PROFILE_GOALS.listMs ? 'met' : 'MISSED'} (bare \`node -e ''\` ${Math.round(P.bareNode.median)} ms)` },
    { metric: `Profile page, 20,000 profiles (${Math.round(P.fileMb)} MB file): first call (store opened and first page: the longest block of the event loop)`, s: one(P.page.firstMs), unit: 'ms', goal: `< ${PROFILE_GOALS.blockMs} ms`, result: P.page.firstMs < PROFILE_GOALS.blockMs ? 'met' : 'MISSED' },
    { metric: '… a later page (file unchanged)', s: one(P.page.warmMs), unit: 'ms', goal: `< ${PROFILE_GOALS.listMs} ms`, result: P.page.warmMs < PROFILE_GOALS.listMs ? 'met' : 'MISSED' },
  ];
}
