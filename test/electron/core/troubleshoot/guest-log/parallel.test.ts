import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogAnalysis } from '../../../../../shared/contract/troubleshoot';
import { analyzeGuestLogs, analyzeInRanges, createPrefilter, cutAtEntries, defaultThreads, fileInput } from '../../../../../electron/core/troubleshoot/guest-log';
import { isHeaderAt } from '../../../../../electron/core/troubleshoot/guest-log/line';
import { writeGuestLog } from '../../../../../bench/guest-log-gen.mjs';

/**
 * Reading a file in ranges on worker threads must give exactly what one thread gives: counts,
 * first and last seen, the timeline (folding across a cut), sends, settings (a save whose fields
 * and "saved" line fall on both sides of a cut). Each file is read with several thread counts,
 * so the cuts fall in many places.
 */

const FIXTURES = path.join(__dirname, '../../../../fixtures/guest-log');
let dir: string;
/** range-worker.ts bundled as the build does (a worker thread cannot load TypeScript). */
let workerUrl: URL;

const withoutTiming = (a: LogAnalysis) => ({ ...a, stats: { ...a.stats, durationMs: 0 } });

async function single(file: string): Promise<LogAnalysis> {
  return withoutTiming(await analyzeGuestLogs([fileInput(file)], { parallel: { threads: 1 } }));
}

/** Read in ranges; fails unless the ranges really ran and merged (no quiet fallback to one thread). */
async function ranged(file: string, threads: number): Promise<LogAnalysis> {
  let merged = 0;
  const a = await analyzeGuestLogs([fileInput(file)], { parallel: { threads, minBytes: 0, workerUrl, onMerged: (_, n) => (merged = n) } });
  expect(merged).toBeGreaterThan(1);
  return withoutTiming(a);
}

/** A fixture repeated until it is about `bytes` long, so that cuts fall inside its sequences. */
function repeated(name: string, bytes: number): string {
  const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8').replace(/\r?\n?$/, '\n');
  const file = path.join(dir, `rep-${name}`);
  fs.writeFileSync(file, text.repeat(Math.max(1, Math.ceil(bytes / text.length))));
  return file;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guest-log-parallel-'));
  const outfile = path.join(dir, 'guest-log-worker.js');
  buildSync({ entryPoints: [path.join(__dirname, '../../../../../electron/core/troubleshoot/guest-log/range-worker.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning' });
  workerUrl = pathToFileURL(outfile);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('guest.log in ranges on worker threads', () => {
  it('uses one thread per CPU (at most 4), and one alone when four times the CPUs are already busy', () => {
    expect(defaultThreads(2, 0.4)).toBe(2);
    expect(defaultThreads(8, 3)).toBe(4);
    expect(defaultThreads(2, 1.9)).toBe(2);
    expect(defaultThreads(2, 7.9)).toBe(2);
    expect(defaultThreads(2, 8)).toBe(1);
    expect(defaultThreads(2, 13)).toBe(1);
    expect(defaultThreads(1, 0)).toBe(1);
  });

  it('cuts only at entry starts (a timestamped line), never inside a stack trace', async () => {
    const file = repeated('smtp-failures.log', 200_000);
    const size = fs.statSync(file).size;
    const cuts = await cutAtEntries(file, size, 7);
    expect(cuts[0]).toBe(0);
    expect(cuts[cuts.length - 1]).toBe(size);
    expect(cuts.length).toBeGreaterThan(3);
    const data = fs.readFileSync(file, 'latin1');
    for (const cut of cuts.slice(1, -1)) {
      expect(data[cut - 1]).toBe('\n');
      expect(isHeaderAt(data, cut)).toBe(true);
    }
  });

  it('really uses the workers: at least one part per thread, their entries adding up to the whole', async () => {
    const file = repeated('guide-send.log', 300_000);
    const byWorker = new Set<number>();
    const parts = await analyzeInRanges(file, 'guest.log', fs.statSync(file).size, { threads: 3, minBytes: 0, workerUrl, callerTakesRanges: false, onRange: (i, w) => w && byWorker.add(i) });
    expect(parts).toHaveLength(3);
    expect(byWorker.size).toBe(3);
    expect(parts!.reduce((n, p) => n + p.entries, 0)).toBe((await single(file)).stats.entries);
  });

  it('shares more ranges than threads between the calling thread and the workers, with the one-thread result', async () => {
    const file = path.join(dir, 'many-ranges.log');
    writeGuestLog({ file, sizeMb: 3, density: 0.5, prefilter: createPrefilter() });
    const expected = await single(file);
    for (const callerTakesRanges of [true, false]) {
      const seen: boolean[] = [];
      let merged = 0;
      const a = await analyzeGuestLogs([fileInput(file)], { parallel: { threads: 2, minBytes: 0, rangeBytes: 200_000, workerUrl, callerTakesRanges, onRange: (i, w) => (seen[i] = w), onMerged: (_, n) => (merged = n) } });
      expect(merged).toBeGreaterThan(10);
      expect(seen.filter((w) => w !== undefined)).toHaveLength(merged);
      if (!callerTakesRanges) expect(seen.every((w) => w)).toBe(true);
      expect(withoutTiming(a)).toEqual(expected);
    }
  });

  const fixtureNames = fs.readdirSync(FIXTURES).filter((n) => n.endsWith('.log'));
  it.each(fixtureNames)('gives the one-thread result on the fixture %s, repeated, at 2 and 5 threads', async (name) => {
    const file = repeated(name, 150_000);
    const expected = await single(file);
    expect(expected.stats.entries).toBeGreaterThan(0);
    for (const threads of [2, 5]) expect(await ranged(file, threads)).toEqual(expected);
  });

  it.each([0, 0.01, 0.1, 0.5, 1])('gives the one-thread result on a generated log at %s event density', async (density) => {
    const file = path.join(dir, `gen-${density}.log`);
    writeGuestLog({ file, sizeMb: 1.5, density, prefilter: createPrefilter() });
    const expected = await single(file);
    if (density > 0) expect(expected.findings.length).toBeGreaterThan(0);
    else expect(expected.findings).toEqual([]);
    for (const threads of [2, 4]) expect(await ranged(file, threads)).toEqual(expected);
  });

  it('joins a save cut in two: fields before the cut, "successfully saved" after it', async () => {
    // Thread A's fields, then noise so that a cut lands between them and the saved line.
    const A = 'cpm.admin.guestaccess.action.SmtpServerSettingsAction';
    const ts = (n: number) => `2026-03-01 10:00:${String(n % 60).padStart(2, '0')},${String(n % 1000).padStart(3, '0')}`;
    const lines = [
      `${ts(1)} DEBUG [admin-http-pool1][[]] ${A} -::admin:::- Set SMTP Server is :smtp.office365.com`,
      `${ts(2)} DEBUG [admin-http-pool1][[]] ${A} -::admin:::- Set SMTP port is :587`,
      ...Array.from({ length: 4000 }, (_, i) => `${ts(3)} DEBUG [http-nio-8443-exec-${i % 9}][[]] cpm.guestaccess.flowmanager.step.StepExecutor -::::- Executing step ${i}`),
      `${ts(4)} DEBUG [admin-http-pool1][[]] ${A} -::admin:::- Set TLS/SSL config is :true`,
      ...Array.from({ length: 4000 }, (_, i) => `${ts(5)} DEBUG [http-nio-8443-exec-${i % 9}][[]] cpm.guestaccess.flowmanager.step.StepExecutor -::::- Executing step ${i}`),
      `${ts(6)} DEBUG [admin-http-pool1][[]] ${A} -::admin:::- SMTP server settings successfully saved`,
      `${ts(7)} DEBUG [admin-http-pool2][[]] ${A} -::admin:::- Set SMTP port is :25`,
    ];
    const file = path.join(dir, 'save-across.log');
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const expected = await single(file);
    expect(expected.smtpSettings).toEqual([
      expect.objectContaining({ origin: 'saved', server: 'smtp.office365.com', port: 587, tls: true, count: 1 }),
      expect.objectContaining({ origin: 'saved', port: 25, firstSeen: '' }),
    ]);
    for (const threads of [2, 3, 4, 6]) expect(await ranged(file, threads)).toEqual(expected);
  });

  it('folds repeated events across a cut into one timeline event, as one thread does', async () => {
    const SS = 'cpm.guestaccess.apiservices.util.SmtpSession';
    const lines = Array.from({ length: 20_000 }, (_, i) => `2026-03-01 10:00:00,${String(i % 1000).padStart(3, '0')} ERROR [admin-http-pool9][[]] ${SS} -::admin:::- Exception : javax.mail.AuthenticationFailedException: 535 5.7.3 Authentication unsuccessful`);
    const file = path.join(dir, 'fold.log');
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const expected = await single(file);
    expect(expected.timeline).toHaveLength(1);
    expect(expected.timeline[0]!.count).toBe(20_000);
    for (const threads of [2, 3]) expect(await ranged(file, threads)).toEqual(expected);
  });

  it('reads on one thread, with the same result, when the worker cannot start', async () => {
    const file = repeated('token-failures.log', 100_000);
    const expected = await single(file);
    const broken = await analyzeGuestLogs([fileInput(file)], { parallel: { threads: 2, minBytes: 0, workerUrl: new URL('file:///nonexistent/guest-log-worker.js') } });
    expect(withoutTiming(broken)).toEqual(expected);
  });
});
