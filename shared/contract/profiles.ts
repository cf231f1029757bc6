import { z } from 'zod';
import { defineCalls } from './define';
import { ImportOriginSchema } from '../import-origin';
import { KeychainStatusSchema } from './app';
import { AutomationRecordSchema } from './automation';
import { DiagnosticReportSchema, RouteSchema } from '../diagnostic-report';
import { IseConnectionSchema } from '../ise-api/connection';
import {
  ClientIdSchema,
  ClientSecretSchema,
  ExpiryDateSchema,
  HostSchema,
  HttpUrlSchema,
  MailboxSchema,
  ObjectIdSchema,
  PortSchema,
  ScopeSchema,
  TenantIdSchema,
} from '../validators';

/** A profile's display name: what the engineer calls this customer or site. */
export const ProfileNameSchema = z.string().trim().min(1, 'must be 1 to 100 characters').max(100, 'must be 1 to 100 characters');
export const ProfileIdSchema = z.uuid();

/**
 * The editable values of one customer/site profile. Never a secret or a token: the client
 * secret lives in the OS keychain under the profile's id, and only there.
 *
 * How to add a profile field (siteName was added this way, in four files): 1. its zod rule
 * here (`.optional()` when it may be absent, `.default()` when it always has a value); the
 * update call (`changesShape`, null clears an optional one), the json export's `profile`
 * section and its import (shared/export-format.ts) follow from it. 2. Its kind in
 * PROFILE_FIELDS (renderer/profiles/draft.ts), if the wizard edits it. 3. Its input on the step
 * that shows it (renderer/wizard/steps/). 4. Its label and hint in that step's texts
 * (renderer/i18n/sources/wizard.json, six languages). Then `npm run export-schema` regenerates
 * docs/export-schema.json (a test fails until it matches). A field that must not be exported
 * (or goes under ISE's labels in iseSettings) is named in NOT_IN_PROFILE_SECTION, with why.
 */
export const ProfileFieldsSchema = z.object({
  customer: z.string().trim().max(200).default(''),
  /** Which of the customer's sites the profile is for, e.g. "Amsterdam HQ" (free text). */
  siteName: z.string().trim().max(200).optional(),
  /** The ISE version the customer runs, e.g. "3.3 P8" (free text: checked by the diagnose step). */
  iseVersion: z.string().trim().max(40).default(''),
  mailbox: MailboxSchema,
  tenantId: TenantIdSchema,
  clientId: ClientIdSchema,
  /** The client secret's expiry as Entra shows it, YYYY-MM-DD (ISE's "Expiry Date"). */
  secretExpiry: ExpiryDateSchema.optional(),
  route: RouteSchema.default('classic'),
  /** The Enterprise Application object ID given to New-ServicePrincipal. */
  servicePrincipalObjectId: ObjectIdSchema.optional(),
  smtpHost: HostSchema.optional(),
  smtpPort: PortSchema.optional(),
  scope: ScopeSchema.optional(),
  proxy: HttpUrlSchema.optional(),
  /** True when the profile points at the built-in practice tenant. */
  practice: z.boolean().default(false),
  /** How to reach this customer's ISE API and the admin certificate accepted (issue 15); no password. */
  ise: IseConnectionSchema.optional(),
  /** What the automated setup created or reused, and its audit trail (issue 14); ids only, never a secret. */
  automation: AutomationRecordSchema.optional(),
});
export type ProfileFields = z.output<typeof ProfileFieldsSchema>;
/** What creating a profile takes: fields with a default may be left out (the store applies it). */
export type ProfileFieldsInput = z.input<typeof ProfileFieldsSchema>;

/** One stored profile, exactly as it is kept in profiles.json. */
export const ProfileSchema = ProfileFieldsSchema.extend({
  id: ProfileIdSchema,
  name: ProfileNameSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The last full verification: claims and evidence only, never the secret or the token. */
  lastVerification: DiagnosticReportSchema.nullable().default(null),
});
export type Profile = z.output<typeof ProfileSchema>;

export const ExpiryLevelSchema = z.enum(['ok', 'warn30', 'warn7', 'expired']);
export type ExpiryLevel = z.infer<typeof ExpiryLevelSchema>;

/** Days left until the client secret expires, and how loudly to say it. */
export const SecretExpiryStatusSchema = z.object({
  daysLeft: z.number().int(),
  level: ExpiryLevelSchema,
});
export type SecretExpiryStatus = z.infer<typeof SecretExpiryStatusSchema>;

/**
 * Whether a secret is stored, never any part of it (no "abc***" hint as Entra shows: three
 * characters of a secret are three characters fewer to guess, and they would sit in every
 * profile list). 'session' means memory only, because the keychain was unavailable.
 */
export const SecretStatusSchema = z.object({
  secretStored: z.boolean(),
  secretStorage: z.enum(['keychain', 'session']),
});
export type SecretStatus = z.infer<typeof SecretStatusSchema>;

/** What the renderer gets for a profile: the stored values, the secret's status, days left. */
export const ProfileViewSchema = ProfileSchema.extend({
  ...SecretStatusSchema.shape,
  /** A password for the proxy URL's user is kept in the keychain (the URL here never holds it). */
  proxyPasswordStored: z.boolean().optional(),
  /** Absent when no expiry date is known. */
  secretExpiryStatus: SecretExpiryStatusSchema.optional(),
});
export type ProfileView = z.infer<typeof ProfileViewSchema>;

/** A stored file that could not be read and was moved aside (never silently dropped). */
export const StoreRecoveredSchema = z.object({
  /**
   * invalid-profiles: some profiles could not be read (the others are kept); file-deleted: the
   * file vanished while running (what this process last knew is kept at `movedTo`).
   */
  reason: z.enum(['invalid-json', 'invalid-schema', 'migration-failed', 'newer-version', 'invalid-profiles', 'file-deleted']),
  /** Where the original bytes now are, so the engineer can recover them by hand. */
  movedTo: z.string(),
  at: z.string(),
  /** The profiles folder. */
  folder: z.string().optional(),
  /** How many profiles were left out (invalid-profiles). */
  droppedProfiles: z.number().int().nonnegative().optional(),
});
export type StoreRecovered = z.infer<typeof StoreRecoveredSchema>;

/** Tells the UI that the secret is held for this session only, and how to fix the keychain. */
export const KeychainWarningSchema = z.object({
  code: z.literal('KEYCHAIN_UNAVAILABLE'),
  reason: z.string(),
  message: z.string(),
});

export const ExportFormatSchema = z.enum(['json', 'html', 'ps1', 'pem', 'ics']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const ExportFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** Text content; never the secret, never a token. */
  content: z.string(),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

const byId = z.object({ profileId: ProfileIdSchema }).strict();

/**
 * Fields only main writes, like lastVerification: the automation record (what the setup created,
 * which undo removes, and its audit trail) is written by the automated setup in main alone. A
 * renderer that could send one could make undo delete objects this tool never created.
 */
export const MAIN_ONLY_FIELDS = { automation: true } as const;
const RendererFieldsSchema = ProfileFieldsSchema.omit(MAIN_ONLY_FIELDS);

export const ProfileCreateInputSchema = RendererFieldsSchema.extend({ name: ProfileNameSchema }).strict();
type FieldShape = typeof RendererFieldsSchema.shape;
/**
 * One field as an update takes it: optional, and `null` clears a field that may be absent.
 * A field with a default is only optional: zod 4 applies a .default() even inside .partial(),
 * so without unwrapping, every update would reset customer, iseVersion, route and practice.
 */
type Change<S> =
  S extends z.ZodDefault<infer I> ? z.ZodOptional<I> : S extends z.ZodOptional<infer I> ? z.ZodOptional<z.ZodNullable<I>> : S extends z.ZodType ? z.ZodOptional<S> : never;
function changesShape(): { [K in keyof FieldShape]: Change<FieldShape[K]> } {
  const change = (s: z.ZodType): z.ZodType =>
    s instanceof z.ZodDefault ? (s.unwrap() as z.ZodType).optional() : s instanceof z.ZodOptional ? (s.unwrap() as z.ZodType).nullable().optional() : s.optional();
  // No lastVerification (not a field) and no automation record: only main writes them.
  return Object.fromEntries(Object.entries(RendererFieldsSchema.shape).map(([k, s]) => [k, change(s)])) as { [K in keyof FieldShape]: Change<FieldShape[K]> };
}

export const ProfileUpdateInputSchema = z
  .object({
    profileId: ProfileIdSchema,
    /** Only the fields given change; `null` clears an optional field. */
    changes: z.object(changesShape()).strict(),
  })
  .strict();
export type ProfileChanges = z.output<typeof ProfileUpdateInputSchema>['changes'];

/** A BCP 47 language tag such as de, en-US or zh-TW (letters, digits and dashes only). */
export const LocaleTagSchema = z.string().max(35).regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);

export const profileCalls = defineCalls({
  /** Every profile, with days left until its secret expires; `recovered` when a bad file was moved aside. */
  profileGet: { input: byId, output: ProfileViewSchema },
  profileCreate: { input: ProfileCreateInputSchema, output: ProfileViewSchema },
  profileUpdate: { input: ProfileUpdateInputSchema, output: ProfileViewSchema },
  profileRename: { input: byId.extend({ name: ProfileNameSchema }).strict(), output: ProfileViewSchema },
  /** A copy under a new name; the secret is not copied: the copy asks for its own. */
  profileDuplicate: { input: byId.extend({ name: ProfileNameSchema.optional() }).strict(), output: ProfileViewSchema },
  /**
   * Deletes the profile and its keychain entry. With no keychain the profile stays
   * (KEYCHAIN_UNAVAILABLE) unless `keepKeychainEntry`: then the profile goes and
   * `keychainEntryKept` says its keychain entry, if any, stays.
   */
  profileDelete: {
    input: byId.extend({ keepKeychainEntry: z.boolean().optional() }).strict(),
    output: z.object({ deleted: z.boolean(), keychainEntryKept: z.boolean().optional() }),
  },
  secretSet: {
    input: byId.extend({ secret: ClientSecretSchema }).strict(),
    output: SecretStatusSchema.extend({ keychainWarning: KeychainWarningSchema.optional() }),
  },
  keychainStatus: {
    input: z.object({}).strict(),
    output: KeychainStatusSchema.extend({ fix: z.string().optional() }),
  },
  /** `locale`: the reader's BCP 47 locale, for the dates in the html report (else the system's). */
  exportProfile: { input: byId.extend({ format: ExportFormatSchema, locale: LocaleTagSchema.optional() }).strict(), output: ExportFileSchema },
  /** Creates a profile from an exported json; the secret is asked for separately. */
  importProfile: {
    input: z.object({ content: z.string().min(1).max(2_000_000) }).strict(),
    /** `importOrigin`: whether this installation exported the file (and it is unchanged). */
    output: ProfileViewSchema.extend({ importOrigin: ImportOriginSchema }),
  },
});
