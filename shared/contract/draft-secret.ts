import { z } from 'zod';
import { defineCalls } from './define';
import { KeychainWarningSchema, ProfileIdSchema, SecretStatusSchema } from './profiles';

/**
 * Whose typed secret: a profile's id, or `new` for the profile the wizard creates once its
 * three required values are valid (before that there is no id to keep it under).
 */
export const DraftSecretKeySchema = z.union([ProfileIdSchema, z.literal('new')]);
export type DraftSecretKey = z.infer<typeof DraftSecretKeySchema>;

/** The rule a kept secret breaks, so the field can show its error on return (never the value). */
export const DraftSecretProblemSchema = z.enum(['secretLooksLikeId']);

/**
 * What the page learns about a kept secret: that there is one and how long it is, never the
 * value (the canary test holds every response to that).
 */
export const DraftSecretStatusSchema = z
  .object({
    kept: z.boolean(),
    length: z.number().int().positive().optional(),
    problem: DraftSecretProblemSchema.optional(),
  })
  .strict();
export type DraftSecretStatus = z.infer<typeof DraftSecretStatusSchema>;

/**
 * A Client Secret typed on the App registration step but not saved yet, kept in MAIN's memory
 * for this session only (issue 13 point 3): never on disk, never in a settings file, never
 * returned. It survives navigation and a reload of the page; it goes when it is saved to the
 * keychain, when another profile is opened, on sign-out and when the app quits.
 */
export const draftSecretCalls = defineCalls({
  /** Keeps what was typed (the whole field, at most 1024 characters); '' forgets it. */
  draftSecretPut: {
    input: z.object({ key: DraftSecretKeySchema, secret: z.string().max(1024, 'secretTooLong') }).strict(),
    output: DraftSecretStatusSchema,
  },
  /** Whether a typed secret is kept for `key`, and its length: never the value. */
  draftSecretStatus: {
    input: z.object({ key: DraftSecretKeySchema }).strict(),
    output: DraftSecretStatusSchema,
  },
  /**
   * Saves the kept secret as `profileId`'s client secret (main substitutes it: the value need
   * not come back to the page) and forgets it. DRAFT_SECRET_NONE when nothing is kept;
   * INVALID_INPUT (field `secret`, params.rule) when it breaks a rule, and it stays kept.
   */
  draftSecretSave: {
    input: z.object({ key: DraftSecretKeySchema, profileId: ProfileIdSchema }).strict(),
    output: SecretStatusSchema.extend({ keychainWarning: KeychainWarningSchema.optional() }),
  },
});
