import { BrowserWindow } from 'electron';
import type { Handlers } from './core/handlers/dispatch';
import { paperFor } from './core/export/paper';

/**
 * Prints an HTML report to PDF in a hidden, sandboxed window with JavaScript off: the report
 * is our own escaped HTML, but it holds customer values, so it gets no script and no preload.
 */
export async function htmlToPdf(html: string, pageSize: 'A4' | 'Letter' = 'A4'): Promise<Buffer> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return await win.webContents.printToPDF({ pageSize, printBackground: true, preferCSSPageSize: true });
  } finally {
    win.destroy();
  }
}

/** The desktop app's exportReportPdf: the same HTML report as the export, printed by Chromium. */
export function pdfReportHandler(handlers: Handlers): Handlers['exportReportPdf'] {
  return async ({ profileId, locale }) => {
    const report = await handlers.exportProfile({ profileId, format: 'html', ...(locale ? { locale } : {}) });
    const pdf = await htmlToPdf(report.content, paperFor(locale));
    return { fileName: report.fileName.replace(/\.html$/, '.pdf'), mimeType: 'application/pdf', contentBase64: pdf.toString('base64') };
  };
}
