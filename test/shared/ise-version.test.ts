import { describe, expect, it } from 'vitest';
import { iseVerdict, joinIseVersion, splitIseVersion } from '../../shared/ise-version';

describe('ISE version verdict (3.2 P8, 3.3 P8, 3.4 P4, 3.5 P1 or later)', () => {
  it.each([
    ['3.2', 8, 'supported'],
    ['3.2', 7, 'unsupported'],
    ['3.3', 8, 'supported'],
    ['3.3', 3, 'unsupported'],
    ['3.4', 4, 'supported'],
    ['3.4', 3, 'unsupported'],
    ['3.5', 1, 'supported'],
    ['3.5', 0, 'unsupported'],
  ] as const)('ISE %s patch %i is %s', (train, patch, state) => {
    expect(iseVerdict(train, patch).state).toBe(state);
  });

  it('names the patch needed', () => {
    expect(iseVerdict('3.4', 2)).toEqual({ state: 'unsupported', required: '3.4 P4' });
  });

  it('is unknown before a version is picked', () => {
    expect(iseVerdict('', 9)).toEqual({ state: 'unknown' });
  });

  it('round-trips what the profile stores', () => {
    expect(joinIseVersion('3.3', 8)).toBe('3.3 P8');
    expect(joinIseVersion('3.5', 0)).toBe('3.5');
    expect(splitIseVersion('3.3 P8')).toEqual({ train: '3.3', patch: 8 });
    expect(splitIseVersion('3.4 patch 4')).toEqual({ train: '3.4', patch: 4 });
    expect(splitIseVersion('3.5')).toEqual({ train: '3.5', patch: 0 });
    expect(splitIseVersion('2.7 P3')).toEqual({ train: '', patch: 0 });
  });
});
