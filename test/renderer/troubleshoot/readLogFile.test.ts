import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readLogFile, toBase64, uploadLogFile } from '../../../renderer/troubleshoot/readLogFile';
import { LOG_CHUNK_BYTES, MAX_LOG_FILE_BYTES } from '../../../shared/contract/troubleshoot';
import { findingParams } from '../../../renderer/components/findingParams';

const LINE = '2026-02-02 05:17:34,608 DEBUG [admin-http-pool5][[]] cpm.admin.guestaccess.action.SmtpServerSettingsAction -::admin:::- inside smtpServerSettings testConnection\r\n';

describe('readLogFile', () => {
  it('keeps a dropped file as its bytes, plain or gzipped: main alone decodes', async () => {
    const gz = gzipSync(Buffer.from(LINE.repeat(3)));
    const plain = await readLogFile(new File([LINE], 'guest.log'));
    const zipped = await readLogFile(new File([gz], 'guest.log.3.gz'));
    expect(plain.ok && Buffer.from(plain.bytes).toString('utf8')).toBe(LINE);
    expect(zipped.ok && Buffer.from(zipped.bytes).equals(gz)).toBe(true);
  });

  it('refuses a file over the limit before reading it', async () => {
    const big = { name: 'huge.log', size: MAX_LOG_FILE_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as File;
    expect(await readLogFile(big)).toEqual({ ok: false, name: 'huge.log', reason: 'too-large' });
  });
});

describe('uploadLogFile', () => {
  it('sends the bytes once, in ordered chunks under the limit, and returns the upload id', async () => {
    const bytes = new Uint8Array(LOG_CHUNK_BYTES * 2 + 10).map((_, i) => i % 251);
    const sent: { uploadId: string; offset: number; bytesBase64: string }[] = [];
    const r = await uploadLogFile('guest.log', bytes, async (input) => {
      sent.push(input);
      return { ok: true, value: { received: input.offset } };
    });
    expect(r.ok).toBe(true);
    expect(sent.map((c) => c.offset)).toEqual([0, LOG_CHUNK_BYTES, LOG_CHUNK_BYTES * 2]);
    expect(new Set(sent.map((c) => c.uploadId))).toEqual(new Set([r.ok ? r.value : '']));
    expect(Buffer.concat(sent.map((c) => Buffer.from(c.bytesBase64, 'base64'))).equals(Buffer.from(bytes))).toBe(true);
  });

  it('sends an empty file as one empty chunk and stops at the first refusal', async () => {
    let calls = 0;
    const r = await uploadLogFile('empty.log', new Uint8Array(0), async () => {
      calls++;
      return { ok: false, error: { code: 'LOG_TOO_LARGE', message: 'no' } };
    });
    expect(calls).toBe(1);
    expect(r).toMatchObject({ ok: false, error: { code: 'LOG_TOO_LARGE' } });
  });

  it('base64 matches Node over slice boundaries', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => i % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('findingParams', () => {
  it('fills placeholders from the evidence and leaves the rest neutral', () => {
    const p = findingParams('AADSTS7000215: Invalid client secret provided for no-reply@contoso.onmicrosoft.com via smtp.office365.com:587', '…');
    expect(p.aadsts).toBe('AADSTS7000215');
    expect(p.mailbox).toBe('no-reply@contoso.onmicrosoft.com');
    expect(p.host).toBe('smtp.office365.com');
    expect(p.port).toBe('587');
    expect(p.expected).toBe('…');
  });
});
