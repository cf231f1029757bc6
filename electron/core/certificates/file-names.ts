/**
 * File names for exported CA certificates: the subject CN made safe for every OS (ASCII letters,
 * digits, '.', '_', '-'), so an engineer recognises "DigiCert_Global_Root_G2.pem" in ISE's file
 * picker. Names stay unique within one export: a clash (e.g. a cross-signed and a self-signed
 * root with the same CN) gets the first 8 hex digits of the fingerprint.
 */

// Names Windows refuses whatever the extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_BASE = 64;

/** The fingerprint's first 8 hex digits, lower case ("a1b2c3d4"). */
export function shortFingerprint(sha256: string): string {
  return sha256.replace(/:/g, '').slice(0, 8).toLowerCase();
}

/** The safe base name of a CN (no extension), or '' when nothing usable remains. */
export function sanitiseBaseName(commonName: string | undefined): string {
  if (!commonName) return '';
  const ascii = commonName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off: "Autorité" → "Autorite"
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, MAX_BASE)
    .replace(/[._-]+$/, '');
  if (!ascii) return '';
  return WINDOWS_RESERVED.test(ascii) ? `ca_${ascii}` : ascii;
}

/**
 * `<CN>.pem`, unique among `taken` (compared case-insensitively: macOS and Windows folders are).
 * Adds the chosen name to `taken`.
 */
export function caFileName(commonName: string | undefined, sha256: string, taken: Set<string>): string {
  const base = sanitiseBaseName(commonName) || `ca-${shortFingerprint(sha256)}`;
  let name = `${base}.pem`;
  if (taken.has(name.toLowerCase())) name = `${base}-${shortFingerprint(sha256)}.pem`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${shortFingerprint(sha256)}-${n}.pem`;
  taken.add(name.toLowerCase());
  return name;
}

/** The bundle's file name. */
export const BUNDLE_FILE_NAME = 'ise-trusted-ca-bundle.pem';
