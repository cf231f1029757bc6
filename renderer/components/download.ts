import type { ExportFile } from '../../shared/contract/profiles';

/**
 * Saves a text file through the browser's own download (Blob + <a download>): profile exports,
 * PEM certificates, the PowerShell script. The app denies navigation and new windows, so a
 * download is the one way out, also for the HTML report (the engineer prints it from the saved file).
 */
export function downloadFile(file: ExportFile): void {
  saveBlob(new Blob([file.content], { type: file.mimeType }), file.fileName);
}

/** The same for binary content (the desktop app's PDF report). */
export function downloadBytes(bytes: Uint8Array<ArrayBuffer>, fileName: string, mimeType: string): void {
  saveBlob(new Blob([bytes], { type: mimeType }), fileName);
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: Chromium starts reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
