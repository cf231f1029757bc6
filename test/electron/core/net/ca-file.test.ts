import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CA_FILE_BYTES, readCaFile } from '../../../../electron/core/net/ca-file';

// Issue 17 point 3: a CA file is a regular file of at most 1 MiB, read within the timeout.
const dir = mkdtempSync(join(tmpdir(), 'ca-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('readCaFile', () => {
  it('reads a regular file, also through a symbolic link', async () => {
    writeFileSync(join(dir, 'ca.pem'), PEM);
    symlinkSync(join(dir, 'ca.pem'), join(dir, 'link.pem'));
    expect(await readCaFile(join(dir, 'ca.pem'), { timeoutMs: 1000 })).toEqual({ ok: true, pem: PEM });
    expect(await readCaFile(join(dir, 'link.pem'), { timeoutMs: 1000 })).toEqual({ ok: true, pem: PEM });
  });

  it('refuses a FIFO at once, and five of them leave the I/O threads free', async () => {
    const fifo = join(dir, 'fifo.pem');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 5 }, () => readCaFile(fifo, { timeoutMs: 2000 })));
    expect(results).toEqual(Array(5).fill({ ok: false, reason: 'not-a-regular-file' }));
    expect(Date.now() - started).toBeLessThan(1000);
    // libuv has four I/O threads by default: a blocked open on each would stall this read.
    const read = await Promise.race([import('node:fs/promises').then((fs) => fs.readFile(join(dir, 'ca.pem'), 'utf8')), new Promise((r) => setTimeout(() => r('stalled'), 1000))]);
    expect(read).toBe(PEM);
  });

  it('refuses /dev/zero and a directory without reading them', async () => {
    expect(await readCaFile('/dev/zero', { timeoutMs: 1000 })).toEqual({ ok: false, reason: 'not-a-regular-file' });
    expect(await readCaFile(dir, { timeoutMs: 1000 })).toEqual({ ok: false, reason: 'not-a-regular-file' });
  });

  it('refuses a file over 1 MiB; exactly 1 MiB is read', async () => {
    writeFileSync(join(dir, 'big.pem'), Buffer.alloc(MAX_CA_FILE_BYTES + 1, 0x41));
    writeFileSync(join(dir, 'edge.pem'), Buffer.alloc(MAX_CA_FILE_BYTES, 0x41));
    expect(await readCaFile(join(dir, 'big.pem'), { timeoutMs: 2000 })).toEqual({ ok: false, reason: 'too-large' });
    const edge = await readCaFile(join(dir, 'edge.pem'), { timeoutMs: 2000 });
    expect(edge.ok && edge.pem.length).toBe(MAX_CA_FILE_BYTES);
  });

  it('names a missing file by its error code', async () => {
    expect(await readCaFile(join(dir, 'missing.pem'), { timeoutMs: 1000 })).toEqual({ ok: false, reason: 'ENOENT' });
    expect(readFileSync(join(dir, 'ca.pem'), 'utf8')).toBe(PEM);
  });
});
