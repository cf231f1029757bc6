import { describe, expect, it } from 'vitest';
import { expiryWarnings, localDay, NOTIFIED_KEY, takeDueNotifications, type NotificationMemory } from '../../../renderer/profiles/expiryWarnings';

function memory(initial: Record<string, string> = {}): NotificationMemory & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const profile = (id: string, name: string, daysLeft?: number, level?: 'ok' | 'warn30' | 'warn7' | 'expired') => ({
  id,
  name,
  ...(daysLeft === undefined ? {} : { secretExpiryStatus: { daysLeft, level: level! } }),
});

describe('expiryWarnings', () => {
  it('keeps only warn30, warn7 and expired, the most urgent first', () => {
    const warnings = expiryWarnings([
      profile('a', 'Fine', 200, 'ok'),
      profile('b', 'Soon', 20, 'warn30'),
      profile('c', 'No date'),
      profile('d', 'Gone', -3, 'expired'),
      profile('e', 'Urgent', 5, 'warn7'),
      profile('f', 'Sooner', 12, 'warn30'),
    ]);
    expect(warnings.map((w) => w.name)).toEqual(['Gone', 'Urgent', 'Sooner', 'Soon']);
    expect(warnings[0]).toEqual({ profileId: 'd', name: 'Gone', daysLeft: -3, level: 'expired' });
  });
});

describe('takeDueNotifications', () => {
  const warnings = expiryWarnings([profile('a', 'A', 5, 'warn7'), profile('b', 'B', 25, 'warn30')]);

  it('notifies each profile once per day, and again the next day', () => {
    const mem = memory();
    expect(takeDueNotifications(warnings, mem, '2026-03-01').map((w) => w.profileId)).toEqual(['a', 'b']);
    // A second start on the same day (or React StrictMode's second effect) notifies nothing.
    expect(takeDueNotifications(warnings, mem, '2026-03-01')).toEqual([]);
    expect(takeDueNotifications(warnings, mem, '2026-03-02').map((w) => w.profileId)).toEqual(['a', 'b']);
  });

  it('notifies only the profile that is new today', () => {
    const mem = memory({ [NOTIFIED_KEY]: JSON.stringify({ a: '2026-03-01' }) });
    expect(takeDueNotifications(warnings, mem, '2026-03-01').map((w) => w.profileId)).toEqual(['b']);
  });

  it('forgets profiles that no longer warn and survives a damaged memory', () => {
    const mem = memory({ [NOTIFIED_KEY]: '{not json' });
    expect(takeDueNotifications(warnings, mem, '2026-03-01')).toHaveLength(2);
    takeDueNotifications(warnings.slice(0, 1), mem, '2026-03-02');
    expect(JSON.parse(mem.data.get(NOTIFIED_KEY)!)).toEqual({ a: '2026-03-02' });
  });
});

describe('localDay', () => {
  it('formats the local calendar day', () => {
    expect(localDay(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
  });
});
