import type { ExportFile, ExportFormat, Profile } from '../../../shared/contract/profiles';
import { powerShellScript } from '../../../shared/powershell';
import { CallFailure } from '../errors/call-failure';
import { expiryReminderIcs } from './ics';
import { htmlReport } from './html';
import { buildExportDocument, type ExportContext } from './json';
import { caBundle } from './pem';

/** A file name from a profile name: letters, digits, dot, dash, underscore only. */
export function exportBaseName(profile: Profile): string {
  const slug = profile.name.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `ise-smtp-oauth-${slug || 'profile'}`;
}

/**
 * One export of a profile, as text with a file name and MIME type. The secret is not an
 * input here at all, so no format can contain it.
 *
 * How to add an export format: add its name to ExportFormatSchema (shared/contract/profiles.ts),
 * write its builder in its own module here (reading the report's evidence through
 * shared/checks.ts, never by guessed keys), add its case below, a button in
 * renderer/profiles/ExportMenu.tsx with its text in renderer/i18n/sources, and a test that it
 * never contains the secret (test/electron/core/export/canary.integration.test.ts).
 */
export function exportProfile(profile: Profile, format: ExportFormat, ctx: ExportContext): ExportFile {
  const base = exportBaseName(profile);
  switch (format) {
    case 'json':
      return { fileName: `${base}.json`, mimeType: 'application/json', content: `${JSON.stringify(buildExportDocument(profile, ctx), null, 2)}\n` };
    case 'html':
      return { fileName: `${base}.html`, mimeType: 'text/html', content: htmlReport(profile, buildExportDocument(profile, ctx), { locale: ctx.locale, paper: ctx.paper, now: ctx.now }) };
    case 'ps1':
      return {
        fileName: `${base}-${profile.route}.ps1`,
        mimeType: 'text/plain',
        // Like the wizard's Service principal step: the stored ObjectId, else the token's oid
        // from the last verification (in a client-credentials token, oid IS that ObjectId).
        content: powerShellScript({
          ...profile,
          servicePrincipalObjectId: profile.servicePrincipalObjectId || profile.lastVerification?.claims?.oid || undefined,
          profileName: profile.name,
        }),
      };
    case 'pem':
      return { fileName: `${base}-ca.pem`, mimeType: 'application/x-pem-file', content: caBundle(profile) };
    case 'ics':
      if (!profile.secretExpiry) {
        throw new CallFailure('EXPORT_NO_EXPIRY', 'the profile has no secret Expiry Date: set it first', 'format');
      }
      return {
        fileName: `${base}-secret-expiry.ics`,
        mimeType: 'text/calendar',
        content: expiryReminderIcs({ ...profile, profileId: profile.id, profileName: profile.name, secretExpiry: profile.secretExpiry }, ctx.now),
      };
  }
}
