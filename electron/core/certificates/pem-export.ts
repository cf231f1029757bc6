import type { CertificateAnalysis, CertificateFile } from '../../../shared/contract/certificates';
import { bundlePem } from './select';

/** The MIME type browsers and ISE's file picker associate with `.pem`. */
export const PEM_MIME_TYPE = 'application/x-pem-file';

/**
 * One export of an analysis: 'bundle' (every CA ISE must trust, one file) or one CA by its
 * SHA-256 fingerprint (ISE imports one certificate per file). Undefined when no CA matches.
 */
export function exportPem(analysis: Pick<CertificateAnalysis, 'caCertificates' | 'bundleFileName'>, which: 'bundle' | string): CertificateFile | undefined {
  if (which === 'bundle') {
    if (analysis.caCertificates.length === 0) return undefined;
    return { fileName: analysis.bundleFileName, mimeType: PEM_MIME_TYPE, content: bundlePem(analysis.caCertificates) };
  }
  const ca = analysis.caCertificates.find((c) => c.sha256.toUpperCase() === which.trim().toUpperCase());
  return ca ? { fileName: ca.fileName, mimeType: PEM_MIME_TYPE, content: ca.pem } : undefined;
}

/** Every file an export writes: one per CA, then the bundle. */
export function allPemFiles(analysis: Pick<CertificateAnalysis, 'caCertificates' | 'bundleFileName'>): CertificateFile[] {
  const files = analysis.caCertificates.map((c) => exportPem(analysis, c.sha256)!);
  const bundle = exportPem(analysis, 'bundle');
  return bundle ? [...files, bundle] : files;
}
