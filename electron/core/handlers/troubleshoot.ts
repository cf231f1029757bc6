import type { CoreContext } from './context';
import { type Handlers } from './dispatch';
import { analyzeGuestLogs, bufferInput } from '../troubleshoot/guest-log';
import { LogUploads } from '../troubleshoot/log-uploads';
import { lookupErrorText } from '../troubleshoot/lookup';

/**
 * Handlers for the `troubleshoot` calls (shared/contract/troubleshoot.ts). A dropped log
 * arrives as its bytes, in chunks; recognising gzip and decoding the text happen only here,
 * in core's log reader (the same one the CLI uses).
 */
export function troubleshootHandlers(_ctx: CoreContext, uploads: LogUploads = new LogUploads()): Pick<Handlers, 'logUploadChunk' | 'analyzeLogUploads' | 'lookupError'> {
  return {
    logUploadChunk: async ({ uploadId, name, offset, bytesBase64 }) => ({ received: uploads.add(uploadId, name, offset, Buffer.from(bytesBase64, 'base64')) }),
    analyzeLogUploads: async ({ uploadIds }) => analyzeGuestLogs(uploads.take(uploadIds).map((f) => bufferInput(f.name, f.data))),
    lookupError: async ({ text }) => lookupErrorText(text),
  };
}
