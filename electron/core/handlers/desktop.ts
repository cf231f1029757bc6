import { type Handlers } from './dispatch';
import { CallFailure } from '../errors/call-failure';

/**
 * The calls only the desktop app can answer (it has Chromium's printer). Plain Node (browser
 * mode, CLI) says so; electron/main.ts replaces these with the real ones.
 */
export function desktopHandlers(): Pick<Handlers, 'exportReportPdf'> {
  return {
    exportReportPdf: async () => {
      throw new CallFailure('DESKTOP_ONLY', 'a PDF needs the desktop app: download the HTML report and print it to PDF from your browser');
    },
  };
}
