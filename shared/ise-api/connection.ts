import { z } from 'zod';
import { HostSchema, PortSchema } from '../validators';

/** ERS's own listener, and OpenAPI on the admin port (automation-apis.md §D.0). */
export const DEFAULT_ERS_PORT = 9060;
export const DEFAULT_OPENAPI_PORT = 443;

/**
 * A SHA-256 fingerprint as people copy it: 32 hex bytes, with or without colons (or spaces),
 * any case, optionally prefixed "SHA256:". Compare only after normaliseFingerprint.
 */
export const FingerprintSchema = z
  .string()
  .trim()
  .regex(/^(?:sha-?256[:/ ]*)?(?:[0-9a-fA-F]{2}[: ]?){31}[0-9a-fA-F]{2}$/i, 'must be a SHA-256 fingerprint: 32 hex bytes, with or without colons');

/** "ab12…" / "AB:12:…" / "sha256/AB12…" → "AB:12:…". Anything not 64 hex digits stays as typed. */
export function normaliseFingerprint(text: string): string {
  const hex = text.replace(/^sha-?256[:/ ]*/i, '').replace(/[^0-9a-fA-F]/g, '');
  if (hex.length !== 64) return text;
  return hex.toUpperCase().match(/../g)!.join(':');
}

/**
 * How a profile reaches its ISE (stored on the profile, never the password: that is in the
 * keychain under `iseAccount(profileId)`). The pin is the admin certificate the engineer accepted.
 */
export const IseConnectionSchema = z.object({
  host: HostSchema,
  username: z.string().trim().min(1, 'must be the ISE admin user name').max(128, 'must be the ISE admin user name'),
  ersPort: PortSchema.optional(),
  apiPort: PortSchema.optional(),
  pinnedSha256: FingerprintSchema.optional(),
  pinnedSubject: z.string().max(1000).optional(),
  pinnedAt: z.string().optional(),
});
export type IseConnection = z.infer<typeof IseConnectionSchema>;

/** The keychain account that holds a profile's ISE admin password (beside its client secret). */
export function iseAccount(profileId: string): string {
  return `ise-admin:${profileId}`;
}
