import { z } from 'zod';
import { defineCalls } from './define';
import { LocaleTagSchema, ProfileIdSchema } from './profiles';

export const desktopCalls = defineCalls({
  /**
   * The change-ticket report as a PDF, printed by Electron (printToPDF). Desktop app only:
   * browser mode answers DESKTOP_ONLY, and the engineer prints the HTML report instead.
   */
  exportReportPdf: {
    input: z.object({ profileId: ProfileIdSchema, locale: LocaleTagSchema.optional() }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.literal('application/pdf'), contentBase64: z.string() }),
  },
  /**
   * Puts a profile's client secret on the clipboard, on the engineer's explicit click. In the
   * desktop app main writes the clipboard itself (the page never receives the secret) and clears
   * it after `clearAfterSeconds` if it still holds the secret. In browser mode, main cannot reach
   * the browser's clipboard: this is the ONE call that returns the secret, for the page to write
   * to the clipboard and drop (the canary test holds every other call to never returning it).
   */
  copyClientSecret: {
    input: z.object({ profileId: ProfileIdSchema }).strict(),
    output: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('copied'), clearAfterSeconds: z.number().int().positive().nullable() }).strict(),
      z.object({ mode: z.literal('deliver'), secret: z.string().min(1), clearAfterSeconds: z.number().int().positive() }).strict(),
    ]),
  },
});

/** How long a copied client secret stays on the clipboard before the app clears it. */
export const SECRET_CLIPBOARD_SECONDS = 60;
