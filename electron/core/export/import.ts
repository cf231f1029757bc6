import { CallFailure } from '../errors/call-failure';
import { ProfileFieldsSchema, type ProfileFields } from '../../../shared/contract/profiles';
import { EXPORT_FORMAT_ID, EXPORT_FORMAT_VERSION, ExportDocumentSchema, PROFILE_SECTION_FIELDS } from '../../../shared/export-format';
import { DEFAULT_SCOPE, DEFAULT_SMTP_HOST, DEFAULT_SMTP_PORT } from '../../../shared/ise-sheet';
import { exportDigest } from './json';
import { importOrigin, type InstallationKey } from './integrity';
import type { ImportOrigin } from '../../../shared/export-format';

/**
 * Reads an exported json back into profile values. Checks, in order: it is JSON, it is our
 * format, not a newer version, it matches the schema, and its digest matches (so an edited
 * file is refused). Nothing is created here: the caller creates the profile when this returns.
 */
export function parseExport(content: string, key?: InstallationKey): ProfileFields & { name: string; origin: ImportOrigin } {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    throw new CallFailure('IMPORT_NOT_JSON', 'the file is not JSON: choose a .json file exported by ise-smtp-oauth', 'content');
  }
  const head = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  if (head['format'] !== EXPORT_FORMAT_ID) {
    throw new CallFailure('IMPORT_FOREIGN_FORMAT', `the file is not an ise-smtp-oauth export (format "${EXPORT_FORMAT_ID}" expected)`, 'content');
  }
  const version = head['formatVersion'];
  if (typeof version === 'number' && version > EXPORT_FORMAT_VERSION) {
    throw new CallFailure(
      'IMPORT_NEWER_FORMAT',
      `the file uses export format version ${version}; this version of ise-smtp-oauth reads up to version ${EXPORT_FORMAT_VERSION}: update the app`,
      'content',
    );
  }
  const parsed = ExportDocumentSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CallFailure('IMPORT_INVALID', `the file does not match the export format: ${issue?.path.join('.') || 'document'} ${issue?.message ?? ''}`.trim(), 'content');
  }
  const doc = parsed.data;
  if (exportDigest(doc) !== doc.integrity.digest) {
    throw new CallFailure('IMPORT_TAMPERED', 'the file was changed after export (its integrity digest does not match): export it again from the source', 'content');
  }
  const origin = importOrigin(doc, key);
  const ise = doc.iseSettings;
  // The profile section's fields under their own names (shared/export-format.ts); a null (absent
  // when exported) or missing key (an export older than the field) leaves the field out.
  const section = Object.fromEntries(PROFILE_SECTION_FIELDS.flatMap((f) => (doc.profile[f] == null ? [] : [[f, doc.profile[f]]])));
  const fields = ProfileFieldsSchema.safeParse({
    ...section,
    mailbox: ise['Email Address'],
    tenantId: ise['Tenant ID'],
    clientId: ise['Client ID'],
    ...(ise['Expiry Date'] ? { secretExpiry: ise['Expiry Date'] } : {}),
    ...(ise['SMTP Server'] !== DEFAULT_SMTP_HOST ? { smtpHost: ise['SMTP Server'] } : {}),
    ...(ise['SMTP Port'] !== DEFAULT_SMTP_PORT ? { smtpPort: ise['SMTP Port'] } : {}),
    ...(ise.Scope !== DEFAULT_SCOPE ? { scope: ise.Scope } : {}),
  });
  if (!fields.success) {
    const issue = fields.error.issues[0];
    throw new CallFailure('IMPORT_INVALID', `the file holds an invalid value: ${issue?.path.join('.') ?? 'field'} ${issue?.message ?? ''}`.trim(), 'content');
  }
  return { ...fields.data, name: doc.profile.name, origin };
}
