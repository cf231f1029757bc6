import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { DraftSecretStatusSchema, draftSecretCalls } from '../../../shared/contract/draft-secret';

const ID = '6a0f4c8e-1d3b-4b7a-9c2e-8f5d0a6b3e71';

describe('the draft secret calls', () => {
  it('are on the one contract', () => {
    for (const name of Object.keys(draftSecretCalls)) expect(contract).toHaveProperty(name);
  });

  it('take a profile id or new as the key, nothing else', () => {
    const put = contract.draftSecretPut.input;
    expect(put.safeParse({ key: ID, secret: 'x' }).success).toBe(true);
    expect(put.safeParse({ key: 'new', secret: '' }).success).toBe(true);
    expect(put.safeParse({ key: 'other', secret: 'x' }).success).toBe(false);
    expect(put.safeParse({ key: '../profiles.json', secret: 'x' }).success).toBe(false);
    expect(contract.draftSecretStatus.input.safeParse({ key: 'new' }).success).toBe(true);
    expect(contract.draftSecretSave.input.safeParse({ key: 'new', profileId: ID }).success).toBe(true);
    expect(contract.draftSecretSave.input.safeParse({ key: 'new', profileId: 'new' }).success).toBe(false);
  });

  it('cap the kept secret at 1024 characters, with the rule key the page translates', () => {
    const r = contract.draftSecretPut.input.safeParse({ key: ID, secret: 'x'.repeat(1025) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('secretTooLong');
    expect(contract.draftSecretPut.input.safeParse({ key: ID, secret: 'x'.repeat(1024) }).success).toBe(true);
  });

  it('refuse extra keys (no value can ride along on status)', () => {
    expect(contract.draftSecretStatus.input.safeParse({ key: ID, secret: 'x' }).success).toBe(false);
    expect(contract.draftSecretPut.input.safeParse({ key: ID, secret: 'x', persist: true }).success).toBe(false);
  });

  it('answer status with kept and length only: an answer carrying a value does not parse', () => {
    expect(DraftSecretStatusSchema.safeParse({ kept: true, length: 12 }).success).toBe(true);
    expect(DraftSecretStatusSchema.safeParse({ kept: false }).success).toBe(true);
    expect(DraftSecretStatusSchema.safeParse({ kept: true, length: 12, secret: 'abc' }).success).toBe(false);
    expect(DraftSecretStatusSchema.safeParse({ kept: true, length: 0 }).success).toBe(false);
  });
});
