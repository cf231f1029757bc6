import type { ExportFile } from '../../shared/contract/profiles';

/**
 * Saves a text file through the browser's own download (Blob + <a download>): profile exports,
 * PEM certificates, the PowerShell script. The app denies navigation and new windows, so a
 * download is the one way out, also for the HTML report (the engineer prints it from the saved file).
 */
export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: Chromium starts reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
