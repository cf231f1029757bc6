import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeGuestLogs, fileInput, GZIP_MAX_RATIO } from '../../../../../electron/core/troubleshoot/guest-log';
import { analyzeLogCommand } from '../../../../../electron/cli/analyze-log';
import { runCommand } from '../../../../support/run-command';

/**
 * gzip bombs (issue 17 point 8): decompression stops at a ratio or size limit, in constant
 * memory and bounded time, and says so as the file's classified problem.
 */

const FIXTURES = path.join(__dirname, '../../../../fixtures/guest-log');
let dir: string;
let bomb: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gzip-limits-'));
  // 1 GiB of zeros without a newline in ~1 MB: 64 gzip members of 16 MiB each (gunzip reads
  // concatenated members as one stream), so making it costs one 16 MiB compression.
  const member = gzipSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 });
  bomb = path.join(dir, 'guest.log.1.gz');
  fs.writeFileSync(bomb, Buffer.concat(Array.from({ length: 64 }, () => member)));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('guest.log .gz limits', () => {
  it('stops a 1 MB .gz that expands to 1 GB without a newline, quickly and in bounded memory', async () => {
    expect(fs.statSync(bomb).size).toBeLessThan(1.5 * 1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const a = await analyzeGuestLogs([fileInput(bomb)]);
    const seconds = (performance.now() - started) / 1000;
    expect(a.sources[0]).toMatchObject({ name: 'guest.log.1.gz', problem: 'gzip-ratio-exceeded' });
    // It stopped near the ratio limit, far short of the 1 GiB.
    expect(a.sources[0]!.bytes).toBeLessThan((GZIP_MAX_RATIO + 2) * fs.statSync(bomb).size + 2 * 1024 * 1024);
    expect(a.sources[0]!.bytes).toBeLessThan(400 * 1024 * 1024);
    expect(a.findings).toEqual([]);
    expect(seconds).toBeLessThan(20); // was 90 s of CPU; generous for a loaded machine
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(150 * 1024 * 1024);
  });

  it('honours a size limit of its own', async () => {
    const a = await analyzeGuestLogs([fileInput(bomb)], { gzip: { maxOutputBytes: 8 * 1024 * 1024, maxRatio: 1e9 } });
    expect(a.sources[0]).toMatchObject({ problem: 'gzip-size-exceeded' });
    expect(a.sources[0]!.bytes).toBeLessThanOrEqual(8 * 1024 * 1024);
  });

  it('reads a real guest.log .gz in full: no limit fires on a healthy file', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'smtp-failures.log'));
    const gz = path.join(dir, 'guest.log.2.gz');
    fs.writeFileSync(gz, gzipSync(Buffer.concat(Array.from({ length: 2000 }, () => text)), { level: 9 }));
    const a = await analyzeGuestLogs([fileInput(gz)]);
    expect(a.sources[0]!.problem).toBeUndefined();
    expect(a.sources[0]!.bytes).toBe(text.length * 2000);
    expect(a.findings.length).toBeGreaterThan(0);
  });

  it('analyze-log names the limit in its report and still exits', async () => {
    const { code, out } = await runCommand(analyzeLogCommand, [bomb]);
    expect(code).toBe(0);
    expect(out).toMatch(/guest\.log\.1\.gz.*gzip-ratio-exceeded/);
    expect(out).toMatch(/expands more than 200 times/);
  });
});
