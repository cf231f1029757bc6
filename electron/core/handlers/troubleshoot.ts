import type { LogAnalysis } from '../../../shared/contract/troubleshoot';
import type { CoreContext } from './context';
import { type Handlers } from './dispatch';
import { analyzeGuestLogs, bufferInput } from '../troubleshoot/guest-log';
import { LogUploads } from '../troubleshoot/log-uploads';
import { lookupErrorText } from '../troubleshoot/lookup';

/**
 * Handlers for the `troubleshoot` calls (shared/contract/troubleshoot.ts). A dropped log
 * arrives as its bytes, in chunks; recognising gzip and decoding the text happen only here,
 * in core's log reader (the same one the CLI uses). The last analysis stays in this process's
 * memory until cleared, so a reloaded window shows it again (issue 13 point 8); it is already
 * redacted, and never written anywhere.
 */
export function troubleshootHandlers(
  _ctx: CoreContext,
  uploads: LogUploads = new LogUploads(),
): Pick<Handlers, 'logUploadChunk' | 'analyzeLogUploads' | 'lastLogAnalysis' | 'clearLogAnalysis' | 'lookupError'> {
  let last: LogAnalysis | null = null;
  return {
    logUploadChunk: async ({ uploadId, name, offset, bytesBase64 }) => ({ received: uploads.add(uploadId, name, offset, Buffer.from(bytesBase64, 'base64')) }),
    analyzeLogUploads: async ({ uploadIds }) => {
      last = await analyzeGuestLogs(uploads.take(uploadIds).map((f) => bufferInput(f.name, f.data)));
      return last;
    },
    lastLogAnalysis: async () => ({ analysis: last }),
    clearLogAnalysis: async () => {
      const cleared = last !== null;
      last = null;
      return { cleared };
    },
    lookupError: async ({ text }) => lookupErrorText(text),
  };
}
