import { describe, expect, it } from 'vitest';
import { goWhenLoaded } from '../../../renderer/shell/goWhenLoaded';

/** A chunk load the test settles by hand. */
function deferred() {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('a move to a screen whose chunk is still loading', () => {
  it('goes at once when the chunk is there', () => {
    const moves: string[] = [];
    goWhenLoaded<string>((s) => moves.push(s), () => null)('profiles');
    expect(moves).toEqual(['profiles']);
  });

  it('stays on the current screen until the chunk is there, then goes', async () => {
    const moves: string[] = [];
    const chunk = deferred();
    goWhenLoaded<string>((s) => moves.push(s), () => chunk.promise)('profiles');
    await flush();
    expect(moves).toEqual([]);
    chunk.resolve();
    await flush();
    expect(moves).toEqual(['profiles']);
  });

  it('ends where the last click points when the engineer clicks on while it loads', async () => {
    const moves: string[] = [];
    const chunk = deferred();
    const go = goWhenLoaded<string>((s) => moves.push(s), (s) => (s === 'profiles' ? chunk.promise : null));
    go('profiles');
    go('mailbox');
    chunk.resolve();
    await flush();
    expect(moves).toEqual(['mailbox']);
  });

  it('goes anyway when the load fails, so the screen tries again and shows its error', async () => {
    const moves: string[] = [];
    const chunk = deferred();
    goWhenLoaded<string>((s) => moves.push(s), () => chunk.promise)('profiles');
    chunk.reject(new Error('offline'));
    await flush();
    expect(moves).toEqual(['profiles']);
  });
});
