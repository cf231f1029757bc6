import { z } from 'zod';
import { ProfileFieldsSchema, type ProfileFields } from './contract/profiles';
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

/**
 * The profile fields that are NOT in the export's `profile` section; every other field of the
 * contract's ProfileFieldsSchema is, under its own name. So a new profile field is exported
 * (json.ts) and imported (import.ts) with no edit here, and docs/export-schema.json follows.
 * The client secret, proxy password and tokens are not profile fields at all (keychain only);
 * lastVerification is not a field either: it has its own section (evidence.ts summarises it).
 */
export const NOT_IN_PROFILE_SECTION = {
  // ISE's own fields: exported under ISE's English labels in iseSettings (json.ts and import.ts map them).
  mailbox: 'iseSettings',
  tenantId: 'iseSettings',
  clientId: 'iseSettings',
  secretExpiry: 'iseSettings',
  smtpHost: 'iseSettings',
  smtpPort: 'iseSettings',
  scope: 'iseSettings',
  // Never exported: this installation's own reach into the customer's ISE (API host, admin user,
  // accepted certificate) and the automated setup's audit trail belong to the machine that did
  // the work, not in a file handed to other people; an imported profile connects and sets up anew.
  ise: 'never',
  automation: 'never',
} as const satisfies Partial<Record<keyof ProfileFields, 'iseSettings' | 'never'>>;

type FieldShape = typeof ProfileFieldsSchema.shape;
export type ProfileSectionField = Exclude<keyof FieldShape, keyof typeof NOT_IN_PROFILE_SECTION>;
/** The fields of the `profile` section, in the contract's order (so the file keeps its key order). */
export const PROFILE_SECTION_FIELDS = (Object.keys(ProfileFieldsSchema.shape) as (keyof FieldShape)[]).filter(
  (f): f is ProfileSectionField => !(f in NOT_IN_PROFILE_SECTION),
);

/**
 * A field as the file holds it: a field that may be absent is written as null, a field with a
 * default always has its value. Each key may be missing on read, so an export made before a
 * field existed still imports (the contract's default, or nothing, applies).
 */
type Wire<S> = S extends z.ZodDefault<infer I> ? z.ZodOptional<I> : S extends z.ZodOptional<infer I> ? z.ZodOptional<z.ZodNullable<I>> : S extends z.ZodType ? z.ZodOptional<S> : never;
function profileSectionShape(): { [K in ProfileSectionField]: Wire<FieldShape[K]> } {
  const wire = (s: z.ZodType): z.ZodType =>
    s instanceof z.ZodDefault ? (s.unwrap() as z.ZodType).optional() : s instanceof z.ZodOptional ? (s.unwrap() as z.ZodType).nullable().optional() : s.optional();
  return Object.fromEntries(PROFILE_SECTION_FIELDS.map((f) => [f, wire(ProfileFieldsSchema.shape[f])])) as {
    [K in ProfileSectionField]: Wire<FieldShape[K]>;
  };
}

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
    profile: z.object({ name: nonEmpty, ...profileSectionShape() }).strict(),
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

export { ImportOriginSchema, type ImportOrigin } from './import-origin';

/**
 * JSON Schema patterns carry no flags, and zod drops a regex's `i` (the GUIDs of the profile
 * section accept upper case): spell the letter ranges in both cases instead. Only ranges such
 * as a-f are rewritten, which is all the contract's case-insensitive patterns use.
 */
function caseInsensitivePatterns(ctx: { zodSchema: unknown; jsonSchema: { pattern?: string } }): void {
  const checks = (ctx.zodSchema as { _zod?: { def?: { checks?: { _zod: { def: { pattern?: unknown } } }[] } } })._zod?.def?.checks ?? [];
  for (const check of checks) {
    const re = check._zod.def.pattern;
    if (re instanceof RegExp && re.flags.includes('i') && ctx.jsonSchema.pattern === re.source) {
      ctx.jsonSchema.pattern = re.source.replace(/([a-z])-([a-z])/g, (range: string, a: string, b: string) => `${range}${a.toUpperCase()}-${b.toUpperCase()}`);
    }
  }
}

/** The published JSON Schema (docs/export-schema.json is this, pretty-printed). */
export function exportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ExportDocumentSchema, { target: 'draft-2020-12', override: caseInsensitivePatterns }),
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
