import { describe, expect, it } from 'vitest';
import { DraftSecretStore } from '../../../../electron/core/profiles/draft-secret';
import { CANARY, CLIENT } from '../../../support/profile-fixtures';

const A = '6a0f4c8e-1d3b-4b7a-9c2e-8f5d0a6b3e71';
const B = '7b1f5d9f-2e4c-4c8b-8d3f-9a6e1b7c4f82';

describe('DraftSecretStore: the typed Client Secret in main memory', () => {
  it('keeps what was typed for one key and tells only that it is kept, and its length', () => {
    const drafts = new DraftSecretStore();
    expect(drafts.status(A)).toEqual({ kept: false });
    expect(drafts.put(A, CANARY)).toEqual({ kept: true, length: CANARY.length });
    expect(drafts.status(A)).toEqual({ kept: true, length: CANARY.length });
    expect(JSON.stringify(drafts.status(A))).not.toContain(CANARY);
    expect(drafts.take(A)).toBe(CANARY);
  });

  it('holds one secret: keeping one for another profile forgets the first', () => {
    const drafts = new DraftSecretStore();
    drafts.put('new', CANARY);
    drafts.put(B, 'other-value');
    expect(drafts.status('new')).toEqual({ kept: false });
    expect(drafts.take('new')).toBeUndefined();
    expect(drafts.status(B)).toMatchObject({ kept: true, length: 11 });
  });

  it("'' forgets, whatever key it comes with (a profile switch)", () => {
    const drafts = new DraftSecretStore();
    drafts.put(A, CANARY);
    expect(drafts.put(B, '')).toEqual({ kept: false });
    expect(drafts.status(A)).toEqual({ kept: false });
  });

  it('clear(key) forgets only that key; clear() forgets any (sign-out)', () => {
    const drafts = new DraftSecretStore();
    drafts.put(A, CANARY);
    drafts.clear(B);
    expect(drafts.status(A).kept).toBe(true);
    drafts.clear(A);
    expect(drafts.status(A).kept).toBe(false);
    drafts.put(A, CANARY);
    drafts.clear();
    expect(drafts.status(A).kept).toBe(false);
  });

  it('names the rule a kept Secret ID breaks, never the value', () => {
    const drafts = new DraftSecretStore();
    expect(drafts.put(A, CLIENT)).toEqual({ kept: true, length: 36, problem: 'secretLooksLikeId' });
  });
});
