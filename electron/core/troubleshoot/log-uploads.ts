import { CallFailure } from '../errors/call-failure';
import { MAX_LOG_FILE_BYTES, MAX_LOG_FILES } from '../../../shared/contract/troubleshoot';

/** An upload not finished within this time is dropped (a closed tab never sends its last chunk). */
const UPLOAD_TTL_MS = 15 * 60_000;

interface Upload {
  name: string;
  chunks: Buffer[];
  size: number;
  touched: number;
}

/**
 * The guest.log files arriving in chunks (shared/contract/troubleshoot.ts), held in memory
 * until analysed: bounded in size per file, in number, and in time.
 */
export class LogUploads {
  private readonly uploads = new Map<string, Upload>();
  constructor(private readonly now: () => number = Date.now) {}

  /** Adds one chunk; returns the bytes received so far. */
  add(uploadId: string, name: string, offset: number, bytes: Buffer): number {
    this.expire();
    let upload = this.uploads.get(uploadId);
    if (offset === 0) {
      if (!upload && this.uploads.size >= MAX_LOG_FILES) {
        const oldest = [...this.uploads.entries()].sort((a, b) => a[1].touched - b[1].touched)[0]!;
        this.uploads.delete(oldest[0]);
      }
      upload = { name, chunks: [], size: 0, touched: this.now() };
      this.uploads.set(uploadId, upload);
    }
    if (!upload) throw new CallFailure('UPLOAD_NOT_FOUND', 'no upload with this id: send the file again from its start', 'uploadId');
    if (offset !== upload.size) throw new CallFailure('UPLOAD_OUT_OF_ORDER', `chunk at ${offset}, expected ${upload.size}`, 'offset');
    if (upload.size + bytes.length > MAX_LOG_FILE_BYTES) {
      this.uploads.delete(uploadId);
      throw new CallFailure('LOG_TOO_LARGE', `the file is over ${MAX_LOG_FILE_BYTES} bytes: analyse it with ise-smtp-oauth analyze-log`, 'bytesBase64');
    }
    upload.chunks.push(bytes);
    upload.size += bytes.length;
    upload.touched = this.now();
    return upload.size;
  }

  /** Takes the finished files out (each is used once), in the order asked for. */
  take(uploadIds: readonly string[]): { name: string; data: Buffer }[] {
    this.expire();
    const missing = uploadIds.findIndex((id) => !this.uploads.has(id));
    if (missing >= 0) throw new CallFailure('UPLOAD_NOT_FOUND', 'a file of this analysis was not uploaded (or expired): drop it again', `uploadIds.${missing}`);
    return uploadIds.map((id) => {
      const upload = this.uploads.get(id)!;
      this.uploads.delete(id);
      return { name: upload.name, data: Buffer.concat(upload.chunks) };
    });
  }

  private expire(): void {
    const limit = this.now() - UPLOAD_TTL_MS;
    for (const [id, upload] of this.uploads) if (upload.touched < limit) this.uploads.delete(id);
  }
}
