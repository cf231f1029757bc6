import { describe, expect, it } from 'vitest';
import { ProfileUpdateInputSchema } from '../../../shared/contract/profiles';

const profileId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const changes = (c: Record<string, unknown>) => ProfileUpdateInputSchema.safeParse({ profileId, changes: c });

describe('ProfileUpdateInputSchema (derived from ProfileFieldsSchema)', () => {
  it('lets null clear a field that may be absent, e.g. the new siteName', () => {
    expect(changes({ siteName: null }).data?.changes).toEqual({ siteName: null });
    expect(changes({ siteName: ' Amsterdam HQ ' }).data?.changes).toEqual({ siteName: 'Amsterdam HQ' });
    expect(changes({ proxy: null }).success).toBe(true);
  });

  it('refuses null for a required field or one with a default, and applies no default on update', () => {
    expect(changes({ mailbox: null }).success).toBe(false);
    expect(changes({ customer: null }).success).toBe(false);
    expect(changes({}).data?.changes).toEqual({});
  });

  it('refuses an unknown key and lastVerification (only main records one)', () => {
    expect(changes({ clientSecret: 'x' }).success).toBe(false);
    expect(changes({ lastVerification: null }).success).toBe(false);
    expect(changes({ siteName: 'x'.repeat(201) }).success).toBe(false);
  });
});
