import { createHash } from 'node:crypto';
import type { Profile } from '../../../shared/contract/profiles';
import {
  EXPORT_FORMAT_ID,
  EXPORT_FORMAT_VERSION,
  PROFILE_SECTION_FIELDS,
  canonicalJson,
  type ExportDocument,
  type ProfileSectionField,
} from '../../../shared/export-format';
import {
  DEFAULT_CONNECTION_TIMEOUT_S,
  DEFAULT_SCOPE,
  DEFAULT_SMTP_HOST,
  DEFAULT_SMTP_PORT,
  ISE_AUTH_TYPE,
  tokenEndpointFor,
} from '../../../shared/ise-sheet';
import { verificationSummary } from './evidence';
import { exportHmac, type InstallationKey } from './integrity';

export interface ExportContext {
  /** Whether a secret is stored for the profile: the export says so, never more. */
  secretStored: boolean;
  toolVersion: string;
  now?: Date;
  /** This installation's key (integrity.ts): signs the export; absent, the file carries no installation code. */
  integrityKey?: InstallationKey;
  /** The reader's locale, for the dates of the html report. */
  locale?: string | undefined;
  /** The paper the html report is laid out for; without it, the printer's own. */
  paper?: 'A4' | 'Letter' | undefined;
}

/**
 * A proxy URL without its user:password part: proxy credentials are secrets too, and an
 * export is handed to other people.
 */
export function proxyWithoutCredentials(proxy: string | undefined): string | null {
  if (!proxy) return null;
  try {
    const url = new URL(proxy);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return null;
  }
}

/**
 * A field written other than as stored; every other field of the `profile` section is written
 * as stored, or null when absent (shared/export-format.ts says which fields the section holds).
 */
const WRITTEN_AS: { [K in ProfileSectionField]?: (profile: Profile) => ExportDocument['profile'][K] } = {
  proxy: (profile) => proxyWithoutCredentials(profile.proxy),
};

function profileSection(profile: Profile): Omit<ExportDocument['profile'], 'name'> {
  return Object.fromEntries(
    PROFILE_SECTION_FIELDS.map((f) => [f, WRITTEN_AS[f] ? WRITTEN_AS[f](profile) : (profile[f] ?? null)]),
  ) as Omit<ExportDocument['profile'], 'name'>;
}

/** sha256 (hex) over the canonical form of the document without its `integrity` field. */
export function exportDigest(document: Omit<ExportDocument, 'integrity'> | Record<string, unknown>): string {
  const { integrity: _ignored, ...rest } = document as Record<string, unknown>;
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}

/** The verified-config document (format version 1) for a profile. */
export function buildExportDocument(profile: Profile, ctx: ExportContext): ExportDocument {
  const body: Omit<ExportDocument, 'integrity'> = {
    format: EXPORT_FORMAT_ID,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: (ctx.now ?? new Date()).toISOString(),
    toolVersion: ctx.toolVersion,
    profile: { name: profile.name, ...profileSection(profile) },
    iseSettings: {
      'SMTP Server': profile.smtpHost ?? DEFAULT_SMTP_HOST,
      'SMTP Port': profile.smtpPort ?? DEFAULT_SMTP_PORT,
      'Connection Timeout': DEFAULT_CONNECTION_TIMEOUT_S,
      'Use Authentication Settings': ISE_AUTH_TYPE,
      'Email Address': profile.mailbox,
      'Client ID': profile.clientId,
      'Tenant ID': profile.tenantId,
      'Client Secret': { storedInKeychain: ctx.secretStored },
      'Expiry Date': profile.secretExpiry ?? null,
      'OAuth Token Endpoint API': tokenEndpointFor(profile.tenantId),
      Scope: profile.scope ?? DEFAULT_SCOPE,
    },
    lastVerification: verificationSummary(profile.lastVerification),
    automation: profile.automation
      ? {
          route: profile.automation.route,
          // Field by field: only what the trail is meant to say, whatever else a record grows.
          audit: profile.automation.audit.map((e) => ({
            at: e.at, upn: e.upn, step: e.step, operation: e.operation, target: e.target, result: e.result,
            ...(e.requestId !== undefined ? { requestId: e.requestId } : {}),
            ...(e.status !== undefined ? { status: e.status } : {}),
          })),
        }
      : null,
  };
  const hmac = ctx.integrityKey
    ? { hmac: { algorithm: 'hmac-sha256' as const, installationId: ctx.integrityKey.installationId, value: exportHmac(body, ctx.integrityKey.key) } }
    : {};
  return { ...body, integrity: { algorithm: 'sha256', digest: exportDigest(body), ...hmac } };
}
