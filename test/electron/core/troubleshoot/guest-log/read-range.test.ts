import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeGuestLogs, bufferInput, fileInput } from '../../../../../electron/core/troubleshoot/guest-log';
import { readRange } from '../../../../../electron/core/troubleshoot/guest-log/read-range';

/**
 * readRange hands out a file's chunks in two buffers that take turns (a chunk is valid until the
 * next one is asked for); the analyzer's readers copy what they keep.
 */

let dir: string;
let plain: string;
let data: Buffer;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-range-'));
  // ~5 MB that gzip cannot shrink much (random base64 between the events), so its .gz spans
  // several of readRange's 1 MB chunks too.
  const lines: string[] = [];
  let size = 0;
  for (let n = 0; size < 5 * 1024 * 1024; n++) {
    const t = `2026-03-01 10:${String(Math.floor(n / 6000) % 60).padStart(2, '0')}:${String(Math.floor(n / 100) % 60).padStart(2, '0')},${String(n % 1000).padStart(3, '0')}`;
    const line = n % 50 === 0
      ? `${t} ERROR [admin-http-pool${n % 7}][[]] cpm.guestaccess.apiservices.util.SmtpSession -::admin:::- Exception : javax.mail.AuthenticationFailedException: 535 5.7.3 Authentication unsuccessful`
      : `${t} DEBUG [http-nio-8443-exec-${n % 9}][[]] cpm.guestaccess.flowmanager.step.StepExecutor -::::- payload ${randomBytes(120).toString('base64')}`;
    lines.push(line);
    size += line.length + 1;
  }
  data = Buffer.from(lines.join('\n') + '\n');
  plain = path.join(dir, 'guest.log');
  fs.writeFileSync(plain, data);
  fs.writeFileSync(path.join(dir, 'guest.log.1.gz'), gzipSync(data));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('readRange', () => {
  it('gives the range\'s bytes in order, in two buffers that take turns', async () => {
    const copies: Buffer[] = [];
    const memory = new Set<ArrayBufferLike>();
    for await (const chunk of readRange(plain, 1000, data.length - 1000)) {
      copies.push(Buffer.from(chunk));
      memory.add(chunk.buffer);
    }
    expect(copies.length).toBeGreaterThan(3);
    expect(Buffer.concat(copies).equals(data.subarray(1000, data.length - 1000))).toBe(true);
    expect(memory.size).toBe(2);
  });

  it('reads a plain file and its .gz (several chunks each) to the analysis of the same bytes in memory', async () => {
    expect(fs.statSync(path.join(dir, 'guest.log.1.gz')).size).toBeGreaterThan(2 * 1024 * 1024);
    // The same bytes under the same name, from memory (bufferInput hands out views of them).
    const expected = async (name: string) => ({ ...(await analyzeGuestLogs([bufferInput(name, data)], { parallel: { threads: 1 } })), stats: undefined });
    const read = async (file: string) => ({ ...(await analyzeGuestLogs([fileInput(file)], { parallel: { threads: 1 } })), stats: undefined });
    const plainExpected = await expected('guest.log');
    expect(plainExpected.findings.map((f) => f.code)).toEqual(['SMTP_AUTH_REJECTED']);
    expect(plainExpected.findings[0]!.count).toBeGreaterThan(300);
    expect(await read(plain)).toEqual(plainExpected);
    expect(await read(path.join(dir, 'guest.log.1.gz'))).toEqual(await expected('guest.log.1.gz'));
  });
});
