import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Peak memory on a guest.log of very long lines (40-200 KB each: serialized objects, base64
 * blobs). The analyzer runs as a whole process on the bundled source, as the benchmark runs it,
 * and reports its own peak RSS (process.resourceUsage().maxRSS): decoding every line whole made
 * it follow the line length (~360 MB on 260 MB of such lines); the goal is under 200 MB.
 */

const root = path.join(__dirname, '../../../../..');
const MB = 1024 * 1024;

/** Writes `sizeMb` MB of entries whose first line (and every fifth entry's trace line) runs to 40-200 KB; some are events. */
function writeLongLineLog(file: string, sizeMb: number): void {
  const fd = fs.openSync(file, 'w');
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const heads = [
    ' ERROR  [MnT-AlarmWorkerMail-Threadpool-0][[]] cpm.guestaccess.apiservices.util.SmtpSession -:::::- javax.mail.AuthenticationFailedException: 535 5.7.139 Authentication unsuccessful ',
    ' DEBUG [http-nio-8443-exec-4][[]] cpm.guestaccess.flowmanager.step.StepExecutor -:10.1.2.6:::::- Executing step ',
    ' DEBUG [MnT-AlarmWorkerMail-Threadpool-0][[]] cpm.guestaccess.apiservices.util.SmtpSession -:::::- Future.get status: SUCCESS Time taken for Future.get method call is 5123 ',
  ];
  try {
    for (let bytes = 0, i = 0; bytes < sizeMb * MB; i++) {
      const len = 40_000 + Math.floor(rnd() * 160_000);
      const ts = `2026-02-02 05:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')},${String(i % 1000).padStart(3, '0')}`;
      let text = ts + heads[i % 3] + 'abcdefghij'.repeat(len / 10) + '\n';
      if (i % 5 === 0) text += '\tat com.cisco.Foo.bar(Foo.java:1) Exception ' + 'z'.repeat(len) + '\n';
      bytes += fs.writeSync(fd, text);
    }
  } finally {
    fs.closeSync(fd);
  }
}

describe('guest.log analyzer on very long lines', () => {
  it('stays under 200 MB peak RSS on one and on two threads, with the same findings', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guest-log-long-'));
    try {
      const bundle = path.join(dir, 'guest-log.mjs');
      for (const [entry, out] of [
        ['electron/core/troubleshoot/guest-log/index.ts', bundle],
        ['electron/core/troubleshoot/guest-log/range-worker.ts', path.join(dir, 'guest-log-worker.js')],
      ] as const) {
        const built = spawnSync(path.join(root, 'node_modules/.bin/esbuild'), [entry, '--bundle', '--platform=node', '--format=esm', `--outfile=${out}`, '--log-level=warning'], { cwd: root, encoding: 'utf8' });
        expect(built.status, built.stderr).toBe(0);
      }
      const file = path.join(dir, 'guest.log');
      writeLongLineLog(file, 160);
      const child = `
        const mod = await import(${JSON.stringify(new URL(`file://${bundle}`).href)});
        const threads = Number(process.argv[1]);
        const a = await mod.analyzeGuestLogs([mod.fileInput(${JSON.stringify(file)})], { parallel: { threads } });
        const { durationMs, ...stats } = a.stats;
        process.stdout.write(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, result: { ...a, stats } }));`;
      const runs = [1, 2].map((threads) => {
        const r = spawnSync(process.execPath, ['--input-type=module', '-e', child, String(threads)], { encoding: 'utf8', maxBuffer: 64 * MB });
        expect(r.status, r.stderr).toBe(0);
        return JSON.parse(r.stdout) as { maxRssKb: number; result: { findings: { code: string; count: number }[]; sends: { success: number } } };
      });
      for (const run of runs) expect(run.maxRssKb / 1024).toBeLessThan(200);
      const [one, two] = runs;
      expect(one!.result.findings.map((f) => [f.code, f.count])).toEqual([['SMTP_AUTH_BLOCKED_BY_POLICY', expect.any(Number)]]);
      expect(one!.result.sends.success).toBeGreaterThan(100);
      expect(two!.result).toEqual(one!.result);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
