import { z } from 'zod';
import { defineCalls } from './define';
import { ProfileIdSchema } from './profiles';
import { FingerprintSchema, IseConnectionSchema } from '../ise-api/connection';
import { IseFindingSchema } from '../ise-api/findings';
import { MAIL_KINDS } from '../ise-api/mail-routes';
import { ISE_PRACTICE_SCENARIOS } from '../ise-api/practice';
import { HostSchema, PortSchema } from '../validators';

/**
 * Reading and preparing ISE through its API (issue 15): connect with a pinned admin certificate,
 * read version, nodes, proxy, guest sender and the trusted store, import the missing CAs.
 * Results are data: every failure is an IseFinding, never an exception across the boundary.
 */

/** ISE's admin certificate as first contact shows it. */
export const IseCertificateSchema = z.object({
  sha256: z.string(),
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  selfSigned: z.boolean(),
});
export type IseCertificate = z.infer<typeof IseCertificateSchema>;

/** matched: the pin; accepted: pinned by this call's caller; ca-verified: chains to the CA file; unpinned / changed: stop. */
export const PinStateSchema = z.enum(['matched', 'accepted', 'ca-verified', 'unpinned', 'changed', 'untrusted', 'unreachable']);
export type PinState = z.infer<typeof PinStateSchema>;

export const ApiStatusSchema = z.object({
  port: z.number().int(),
  /** answered: 2xx with credentials; refused: 401/403; off: not listening / 404; error: anything else. */
  state: z.enum(['answered', 'auth-failed', 'forbidden', 'off', 'unreachable', 'error', 'not-tried']),
  status: z.number().int().optional(),
});

export const IseNodeSchema = z.object({
  hostname: z.string(),
  fqdn: z.string(),
  ipAddress: z.string(),
  roles: z.array(z.string()),
  services: z.array(z.string()),
  nodeStatus: z.string(),
  /** "Primary PAN", "Secondary MnT", "PSN" …: derived from roles and services. */
  personas: z.array(z.string()),
  sends: z.array(z.enum(MAIL_KINDS)),
});
export type IseNode = z.infer<typeof IseNodeSchema>;

/** ISE's proxy settings without its password (never read beyond "one is set"). */
export const IseProxySchema = z.object({
  configured: z.boolean(),
  fqdn: z.string(),
  port: z.number().int().nullable(),
  bypassHosts: z.array(z.string()),
  passwordRequired: z.boolean(),
  userName: z.string(),
});

export const GuestSmtpSchema = z.object({
  id: z.string(),
  name: z.string(),
  notificationEnabled: z.boolean(),
  useDefaultFromAddress: z.boolean(),
  defaultFromAddress: z.string(),
  smtpServer: z.string(),
  /** Compared with the profile's mailbox, case-insensitively; null when no mailbox is known. */
  matchesMailbox: z.boolean().nullable(),
});

export const RequiredCaSchema = z.object({
  sha256: z.string(),
  subject: z.string(),
  subjectCN: z.string().optional(),
  notAfter: z.string(),
  role: z.enum(['root', 'intermediate', 'self-signed-server']),
  endpoints: z.array(z.enum(['token', 'smtp'])),
  /** present: in ISE's store and valid; missing; expired: ISE holds it but it is out of date. */
  state: z.enum(['present', 'missing', 'expired']),
  /** ISE's friendly name for it, when present. */
  iseName: z.string().optional(),
});
export type RequiredCa = z.infer<typeof RequiredCaSchema>;

export const IseInspectionSchema = z.object({
  ok: z.boolean(),
  inspectedAt: z.string(),
  durationMs: z.number().nonnegative(),
  practice: z.boolean(),
  host: z.string(),
  certificate: IseCertificateSchema.nullable(),
  pin: PinStateSchema,
  apis: z.object({ ers: ApiStatusSchema, openapi: ApiStatusSchema, csrf: z.boolean() }),
  version: z
    .object({ version: z.string(), patch: z.number().int(), patches: z.array(z.number().int()), source: z.enum(['openapi', 'ers']), text: z.string() })
    .nullable(),
  verdict: z.object({ state: z.enum(['supported', 'unsupported', 'unknown']), required: z.string().optional() }),
  nodes: z.array(IseNodeSchema),
  mailRoutes: z.array(z.object({ mail: z.enum(MAIL_KINDS), nodes: z.array(z.string()) })),
  /** What every sending node must reach (the profile's token and SMTP hosts). */
  egress: z.array(z.object({ host: z.string(), port: z.number().int() })),
  proxy: IseProxySchema.nullable(),
  /** The laptop's own way to the two hosts (its proxy, or direct), for comparison. */
  laptopPath: z.object({ token: z.string(), smtp: z.string() }),
  guestSmtp: GuestSmtpSchema.nullable(),
  trustedStore: z.object({ read: z.boolean(), count: z.number().int(), required: z.array(RequiredCaSchema) }),
  findings: z.array(IseFindingSchema),
});
export type IseInspection = z.infer<typeof IseInspectionSchema>;

export const CaImportResultSchema = z.object({
  sha256: z.string(),
  subject: z.string(),
  /** imported; already-present: ISE's "binary equal" / 409 (success); failed. */
  outcome: z.enum(['imported', 'already-present', 'failed']),
  iseId: z.string().optional(),
  message: z.string().optional(),
  readBack: z.boolean(),
});

export const AuditEntrySchema = z.object({
  at: z.string(),
  action: z.literal('ise.trusted-certificate.import'),
  iseHost: z.string(),
  profileId: z.string().optional(),
  sha256: z.string(),
  subject: z.string(),
  outcome: z.enum(['imported', 'already-present', 'failed', 'planned']),
  iseId: z.string().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const IseImportReportSchema = z.object({
  ok: z.boolean(),
  whatIf: z.boolean(),
  results: z.array(CaImportResultSchema),
  /** The trust flags each import was sent with (ISE's API names). */
  trustFlags: z.record(z.string(), z.boolean()),
  audit: z.array(AuditEntrySchema),
  findings: z.array(IseFindingSchema),
  inspection: IseInspectionSchema,
});
export type IseImportReport = z.infer<typeof IseImportReportSchema>;

export const IseConnectionViewSchema = IseConnectionSchema.extend({ passwordStored: z.boolean() });

const byProfile = z.object({ profileId: ProfileIdSchema });

export const iseCalls = defineCalls({
  /** The profile's ISE connection (host, user, ports, pin) and whether a password is in the keychain. */
  iseConnectionGet: { input: byProfile.strict(), output: z.object({ connection: IseConnectionViewSchema.nullable() }) },
  /**
   * Saves host, user, ports (and the password, to the keychain only), then meets ISE's admin
   * certificate: its fingerprint and subject, and whether it matches the pin. A practice
   * profile is pointed at the practice ISE (its password goes from the emulator to the keychain).
   */
  iseConnect: {
    input: byProfile
      .extend({
        host: HostSchema.optional(),
        username: z.string().trim().min(1).max(128).optional(),
        password: z.string().min(1).max(256).optional(),
        ersPort: PortSchema.optional(),
        apiPort: PortSchema.optional(),
      })
      .strict(),
    output: z.object({ connection: IseConnectionViewSchema, certificate: IseCertificateSchema.nullable(), pin: PinStateSchema, findings: z.array(IseFindingSchema) }),
  },
  /** Pins the certificate ISE presents now, if it is the one the engineer saw (its SHA-256). */
  iseAcceptCertificate: {
    input: byProfile.extend({ sha256: FingerprintSchema }).strict(),
    output: z.object({ connection: IseConnectionViewSchema }),
  },
  /** Reads everything and compares the trusted store with the captured Microsoft chains. */
  iseInspect: { input: byProfile.strict(), output: IseInspectionSchema },
  /** Imports the missing CAs (all, or the given fingerprints) and reads the store back. */
  iseImportCas: {
    input: byProfile.extend({ sha256: z.array(FingerprintSchema).max(20).optional(), whatIf: z.boolean().optional() }).strict(),
    output: IseImportReportSchema,
  },
  /** Switches the practice ISE's scenario (practice only). */
  isePracticeScenario: {
    input: z.object({ scenario: z.enum(ISE_PRACTICE_SCENARIOS) }).strict(),
    output: z.object({ scenario: z.enum(ISE_PRACTICE_SCENARIOS), scenarios: z.array(z.enum(ISE_PRACTICE_SCENARIOS)) }),
  },
});
