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
});
