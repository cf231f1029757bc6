import { LOG_CHUNK_BYTES, MAX_LOG_FILE_BYTES } from '../../shared/contract/troubleshoot';
import type { CallResult } from '../../shared/contract';
import { call } from '../client';

export type ReadLogResult = { ok: true; name: string; bytes: Uint8Array } | { ok: false; name: string; reason: 'too-large' | 'unreadable' };

/**
 * Reads a dropped or picked guest.log (plain, rotated .log.N, or gzipped) as it is stored:
 * main alone recognises gzip and decodes the text, so the bytes are neither unpacked nor
 * decoded here.
 */
export async function readLogFile(file: Blob & { name: string }): Promise<ReadLogResult> {
  if (file.size > MAX_LOG_FILE_BYTES) return { ok: false, name: file.name, reason: 'too-large' };
  try {
    return { ok: true, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch {
    return { ok: false, name: file.name, reason: 'unreadable' };
  }
}

/** Base64 of bytes, in slices (String.fromCharCode on megabytes at once overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

type Send = (input: { uploadId: string; name: string; offset: number; bytesBase64: string }) => Promise<CallResult<{ received: number }>>;

/** Sends a file's bytes to main once, chunk by chunk; resolves to its upload id for analyzeLogUploads. */
export async function uploadLogFile(name: string, bytes: Uint8Array, send: Send = (input) => call('logUploadChunk', input)): Promise<CallResult<string>> {
  const uploadId = crypto.randomUUID();
  let offset = 0;
  do {
    const chunk = bytes.subarray(offset, offset + LOG_CHUNK_BYTES);
    const r = await send({ uploadId, name, offset, bytesBase64: toBase64(chunk) });
    if (!r.ok) return r;
    offset += chunk.length;
  } while (offset < bytes.length);
  return { ok: true, value: uploadId };
}
