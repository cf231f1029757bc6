import { z } from 'zod';
import { RouteSchema } from './diagnostic-report';
import { ISE_AUTH_TYPE } from './ise-sheet';
import { AuditEntrySchema } from './contract/automation';

/**
 * The verified-config export, version 1: what an engineer hands over, and what re-creates
 * the profile after an ISE restore. Published as docs/export-schema.json (generated from this
 * schema; a test keeps them equal). Never the secret, never a token.
 */
export const EXPORT_FORMAT_ID = 'ise-smtp-oauth/verified-config';
export const EXPORT_FORMAT_VERSION = 1;

const nonEmpty = z.string().min(1);

/** ISE's fields under ISE's own English labels; the secret only as "stored in keychain". */
export const IseSettingsSchema = z
  .object({
    'SMTP Server': nonEmpty,
    'SMTP Port': z.number().int().min(1).max(65535),
    'Connection Timeout': z.number().int().min(1),
    'Use Authentication Settings': z.literal(ISE_AUTH_TYPE),
    'Email Address': nonEmpty,
    'Client ID': nonEmpty,
    'Tenant ID': nonEmpty,
    'Client Secret': z.object({ storedInKeychain: z.boolean() }).strict(),
    'Expiry Date': z.string().nullable(),
    'OAuth Token Endpoint API': nonEmpty,
    Scope: nonEmpty,
  })
  .strict();

export const ExportCertificateSchema = z
  .object({
    /** The check whose connection presented it: 'network.login' (token host) or 'network.smtp'. */
    source: z.string(),
    subject: z.string(),
    issuer: z.string(),
    sha256: z.string(),
    isCA: z.boolean(),
  })
  .strict();

export const ExportVerificationSchema = z
  .object({
    startedAt: z.string(),
    ok: z.boolean(),
    durationMs: z.number().nonnegative(),
    practice: z.boolean(),
    checks: z.array(z.object({ id: z.string(), step: z.string(), status: z.string() }).strict()),
    findings: z.array(z.object({ code: z.string(), severity: z.string() }).strict()),
    claims: z
      .object({
        aud: z.string().optional(),
        roles: z.array(z.string()).optional(),
        tid: z.string().optional(),
        appid: z.string().optional(),
        oid: z.string().optional(),
        exp: z.number().optional(),
      })
      .strict()
      .nullable(),
    smtp: z.object({ banner: z.string().optional(), capabilities: z.array(z.string()).optional() }).strict(),
    certificates: z.array(ExportCertificateSchema),
  })
  .strict();

/**
 * The automated setup's audit trail (issue 14 point 4): when, who (the signed-in UPN), what,
 * Microsoft's request id, the result. Ids and names only: the record never holds a secret or
 * a token. Optional, so exports from before the automated setup still read.
 */
export const ExportAutomationSchema = z
  .object({
    route: RouteSchema,
    audit: z.array(AuditEntrySchema.strict()),
  })
  .strict();

export const ExportDocumentSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT_ID),
    formatVersion: z.literal(EXPORT_FORMAT_VERSION),
    exportedAt: z.string(),
    toolVersion: z.string(),
    profile: z
      .object({
        name: nonEmpty,
        customer: z.string(),
        iseVersion: z.string(),
        route: RouteSchema,
        servicePrincipalObjectId: z.string().nullable(),
        proxy: z.string().nullable(),
        practice: z.boolean(),
      })
      .strict(),
    iseSettings: IseSettingsSchema,
    lastVerification: ExportVerificationSchema.nullable(),
    automation: ExportAutomationSchema.nullable().optional(),
    /**
     * sha256 (hex) over canonicalJson of the document without this field: detects accidental
     * edits (anyone can recompute it). `hmac`: HMAC-SHA256 over the same bytes with the exporting
     * installation's own key (kept in its OS keychain): that installation detects any edit, and
     * `installationId` (a public name of the key) says which installation exported the file.
     */
    integrity: z
      .object({
        algorithm: z.literal('sha256'),
        digest: z.string().regex(/^[0-9a-f]{64}$/),
        hmac: z
          .object({
            algorithm: z.literal('hmac-sha256'),
            installationId: z.string().regex(/^[0-9a-f]{16}$/),
            value: z.string().regex(/^[0-9a-f]{64}$/),
          })
          .strict()
          .optional(),
      })
      .strict(),
  })
  .strict();
export type ExportDocument = z.infer<typeof ExportDocumentSchema>;
export type ExportVerification = z.infer<typeof ExportVerificationSchema>;
export type ExportAutomation = z.infer<typeof ExportAutomationSchema>;

/**
 * Where an imported file comes from: this installation (its code checked), another one (its
 * values cannot be confirmed here), no installation code at all (older exports), or unverified
 * (this installation's key is unreachable: the OS keychain is down).
 */
export const ImportOriginSchema = z.enum(['this-installation', 'other-installation', 'unsigned', 'unverified']);
export type ImportOrigin = z.infer<typeof ImportOriginSchema>;

/** The published JSON Schema (docs/export-schema.json is this, pretty-printed). */
export function exportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ExportDocumentSchema, { target: 'draft-2020-12' }),
    $id: 'https://ise-smtp-oauth.invalid/schemas/verified-config-v1.json',
    title: 'ISE SMTP OAuth verified configuration export, format version 1',
  };
}

/**
 * The bytes the integrity digest covers: keys sorted at every level, no whitespace, so the
 * digest does not depend on how a tool re-indents the file.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
