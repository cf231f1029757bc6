import { describe, expect, it } from 'vitest';
import { shownWarnings, WARNINGS_SHOWN } from '../../../renderer/profiles/expiryWarnings';

const list = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`);

describe('shownWarnings (the capped expiry warnings bar)', () => {
  it('lists every warning when there are no more than the cap', () => {
    expect(shownWarnings(list(WARNINGS_SHOWN), false)).toEqual({ shown: list(WARNINGS_SHOWN), hidden: 0 });
    expect(shownWarnings([], false)).toEqual({ shown: [], hidden: 0 });
  });
  it('keeps the most urgent (the first) and counts the rest when there are more', () => {
    expect(shownWarnings(list(50), false)).toEqual({ shown: ['w0', 'w1', 'w2'], hidden: 47 });
    expect(shownWarnings(list(5), false, 4)).toEqual({ shown: ['w0', 'w1', 'w2', 'w3'], hidden: 1 });
  });
  it('lists all of them once expanded', () => {
    expect(shownWarnings(list(50), true)).toEqual({ shown: list(50), hidden: 0 });
  });
});
