import type { z } from 'zod';
import { MAX_LOG_GZIP_BASE64_CHARS, MAX_LOG_TEXT_CHARS, type LogFileInputSchema } from '../../shared/contract/troubleshoot';

/** One file as analyzeLogText takes it: its text, or (a damaged .gz) its bytes for main to salvage. */
export type LogFileInput = z.input<typeof LogFileInputSchema>;

export type ReadLogResult = { ok: true; input: LogFileInput } | { ok: false; name: string; reason: 'too-large' | 'unreadable' };

/** gzip's magic bytes (RFC 1952 §2.3.1): rotated guest.log.N.gz files are recognised by content, not name. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

class TooLarge extends Error {}

/**
 * Decompresses in the browser (DecompressionStream), stopping once the output passes `limit`
 * bytes so a small bomb cannot fill the renderer's memory. Throws on damaged input.
 */
export async function gunzip(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** Base64 of bytes, in slices (String.fromCharCode on megabytes at once overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Reads a dropped or picked guest.log (plain, rotated .log.N, or gzipped) into the call's input.
 * Bytes that are not UTF-8 become U+FFFD rather than failing the file. A gzip that will not
 * decompress here (truncated) goes to main as base64, which keeps what can be read and says why.
 */
export async function readLogFile(file: Blob & { name: string }): Promise<ReadLogResult> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, name: file.name, reason: 'unreadable' };
  }
  if (isGzip(bytes)) {
    try {
      bytes = await gunzip(bytes, MAX_LOG_TEXT_CHARS);
    } catch (err) {
      if (err instanceof TooLarge) return { ok: false, name: file.name, reason: 'too-large' };
      const gzipBase64 = toBase64(bytes);
      if (gzipBase64.length > MAX_LOG_GZIP_BASE64_CHARS) return { ok: false, name: file.name, reason: 'too-large' };
      return { ok: true, input: { name: file.name, gzipBase64 } };
    }
  }
  if (bytes.length > MAX_LOG_TEXT_CHARS) return { ok: false, name: file.name, reason: 'too-large' };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.length > MAX_LOG_TEXT_CHARS) return { ok: false, name: file.name, reason: 'too-large' };
  return { ok: true, input: { name: file.name, text } };
}
