import { z } from 'zod';
import { FINDING_CODES, type FindingCode } from '../findings';
import { defineCalls } from './define';
import { ProfileIdSchema, ProfileViewSchema, SecretExpiryStatusSchema, StoreRecoveredSchema } from './profiles';

/**
 * The fleet check (issue 16.2): every stored profile diagnosed (fresh token, SMTP AUTH, secret
 * expiry) with bounded concurrency, one row each. The rows are also kept in the data folder
 * (fleet-results.json) so the Profiles screen shows each profile's last result and its age.
 */
const FindingCodeSchema = z.enum(FINDING_CODES as [FindingCode, ...FindingCode[]]);

export const FleetResultSchema = z.enum(['healthy', 'warning', 'failed', 'not-checked']);
export type FleetResult = z.infer<typeof FleetResultSchema>;

export const FleetRowSchema = z.object({
  profileId: z.string(),
  name: z.string(),
  customer: z.string(),
  result: FleetResultSchema,
  /** Why a profile was not checked: no secret stored, the keychain unreachable, a practice profile where no practice tenant runs. */
  notCheckedReason: z.enum(['no-secret', 'keychain', 'practice', 'error']).optional(),
  /** The finding to work on first (the first error, else the first warning). */
  topFinding: FindingCodeSchema.nullable(),
  findings: z.array(FindingCodeSchema),
  /** Days until the client secret expires (negative: expired), null when the expiry is not recorded. */
  daysToExpiry: z.number().int().nullable(),
  checkedAt: z.string(),
  durationMs: z.number().int().nonnegative(),
});
export type FleetRow = z.infer<typeof FleetRowSchema>;

export const FleetSummarySchema = z.object({
  checkedAt: z.string(),
  durationMs: z.number().int().nonnegative(),
  concurrency: z.number().int().positive(),
  counts: z.record(FleetResultSchema, z.number().int().nonnegative()),
});

export const fleetCalls = defineCalls({
  /** Checks every profile now; the rows replace each profile's last fleet result. */
  fleetCheck: {
    input: z.object({ concurrency: z.number().int().min(1).max(32).optional() }).strict(),
    output: z.object({ rows: z.array(FleetRowSchema), summary: FleetSummarySchema }),
  },
  /**
   * One page of profiles (store order, optionally filtered): what the Profiles screen shows, so
   * a store of thousands costs a page, not the whole file, per call. `total` counts the matches.
   */
  profilesPage: {
    input: z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50), query: z.string().max(200).optional() }).strict(),
    output: z.object({ total: z.number().int().nonnegative(), offset: z.number().int().nonnegative(), profiles: z.array(ProfileViewSchema), recovered: StoreRecoveredSchema.optional() }),
  },
  /**
   * How many profiles there are and which secrets need a warning (≤ 30 days, ≤ 7, expired), from
   * the store's summary index: no profile read, no keychain call. The shell's expiry warnings and
   * the first start's count use it (profilesList on 1,000 profiles cost seconds: every profile,
   * each with its keychain lookups, to show a handful of warnings).
   */
  profilesExpiry: {
    input: z.object({}).strict(),
    output: z.object({
      total: z.number().int().nonnegative(),
      warnings: z.array(z.object({ id: ProfileIdSchema, name: z.string(), secretExpiryStatus: SecretExpiryStatusSchema })),
    }),
  },
  /** The last fleet result of each profile (none for a profile never checked this way). */
  fleetResults: {
    input: z.object({}).strict(),
    output: z.object({ rows: z.array(FleetRowSchema) }),
  },
});
