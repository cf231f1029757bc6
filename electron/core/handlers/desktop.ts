import { desktopCalls } from '../../../shared/contract/desktop';
import { type Handlers } from './dispatch';
import { CallFailure } from '../errors/call-failure';

/** The calls only the desktop app can answer (shared/contract/desktop.ts). */
export type DesktopHandlers = Pick<Handlers, keyof typeof desktopCalls>;

/**
 * Builds the desktop app's own handlers from the core ones (e.g. the PDF prints the HTML
 * export): electron/main.ts passes one to createHandlers, the declared place for them.
 */
export type DesktopHandlersFactory = (core: Handlers) => DesktopHandlers;

/**
 * The desktop calls where no desktop is (browser mode, CLI, tests): each says so, as data.
 * How to add a desktop-only call: declare it in shared/contract/desktop.ts, answer it here
 * with DESKTOP_ONLY, and implement it in the factory electron/main.ts passes in.
 */
export function desktopHandlers(): DesktopHandlers {
  return {
    exportReportPdf: async () => {
      throw new CallFailure('DESKTOP_ONLY', 'a PDF needs the desktop app: download the HTML report and print it to PDF from your browser');
    },
  };
}
