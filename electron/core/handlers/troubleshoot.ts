import type { CoreContext } from './context';
import { type Handlers } from './dispatch';
import { CallFailure } from '../errors/call-failure';
import { analyzeGuestLogs, bufferInput, type LogInput } from '../troubleshoot/guest-log';
import { lookupErrorText } from '../troubleshoot/lookup';

/** Handlers for the `troubleshoot` calls (shared/contract/troubleshoot.ts). */
export function troubleshootHandlers(_ctx: CoreContext): Pick<Handlers, 'analyzeLogText' | 'lookupError'> {
  return {
    analyzeLogText: async ({ files }) => {
      const inputs: LogInput[] = files.map((f, i) => {
        if (f.text !== undefined) return bufferInput(f.name, Buffer.from(f.text, 'utf8'));
        const data = Buffer.from(f.gzipBase64 ?? '', 'base64');
        if (data.length < 2 || data[0] !== 0x1f || data[1] !== 0x8b) {
          throw new CallFailure('INVALID_INPUT', `files.${i}.gzipBase64 is not gzip data`, `files.${i}.gzipBase64`);
        }
        return bufferInput(f.name, data);
      });
      return analyzeGuestLogs(inputs);
    },
    lookupError: async ({ text }) => lookupErrorText(text),
  };
}
