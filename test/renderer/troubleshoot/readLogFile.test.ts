import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isGzip, readLogFile, toBase64 } from '../../../renderer/troubleshoot/readLogFile';
import { findingParams } from '../../../renderer/components/findingParams';

const LINE = '2026-02-02 05:17:34,608 DEBUG [admin-http-pool5][[]] cpm.admin.guestaccess.action.SmtpServerSettingsAction -::admin:::- inside smtpServerSettings testConnection\r\n';

describe('readLogFile', () => {
  it('passes a plain guest.log through as text', async () => {
    const r = await readLogFile(new File([LINE], 'guest.log'));
    expect(r).toEqual({ ok: true, input: { name: 'guest.log', text: LINE } });
  });

  it('unpacks a gzipped rotation in the browser, recognised by its magic bytes', async () => {
    const gz = gzipSync(Buffer.from(LINE.repeat(3)));
    expect(isGzip(gz)).toBe(true);
    const r = await readLogFile(new File([gz], 'guest.log.3.gz'));
    expect(r).toEqual({ ok: true, input: { name: 'guest.log.3.gz', text: LINE.repeat(3) } });
  });

  it('sends a truncated gzip to main as base64 instead of failing', async () => {
    const gz = gzipSync(Buffer.from(LINE.repeat(50)));
    const truncated = gz.subarray(0, gz.length - 12);
    const r = await readLogFile(new File([truncated], 'guest.log.1.gz'));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.input.text).toBeUndefined();
      expect(Buffer.from(r.input.gzipBase64!, 'base64').equals(truncated)).toBe(true);
    }
  });

  it('turns bytes that are not UTF-8 into replacement characters, not an error', async () => {
    const r = await readLogFile(new File([Buffer.from([0x61, 0xff, 0x62])], 'guest.log'));
    expect(r).toEqual({ ok: true, input: { name: 'guest.log', text: 'a\uFFFDb' } });
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
