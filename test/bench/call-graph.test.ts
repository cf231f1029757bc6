import { describe, expect, it } from 'vitest';
import { callGraphTable, callsByService, criticalPath, pathGaps, roundTrips, type Call } from '../../bench/call-graph.mjs';
import { verdict, withinFactor, withinMargin } from '../../bench/goals.mjs';

const call = (id: string, startMs: number, endMs: number, needs: string[] = [], service = 'graph'): Call => ({ id, step: id.split('#')[0]!, service, operation: `GET /${id}`, startMs, endMs, needs });

describe('criticalPath', () => {
  it('is the longest chain of declared needs, each call as long as it took, independent calls side by side', () => {
    // a (40) and b (100) are independent; c (40) needs a; d (40) needs c and b.
    // Chains: a→c→d = 120, b→d = 140: the minimum is 140 even though the run took longer (d started late).
    const calls = [call('a#1', 0, 40), call('b#1', 0, 100), call('c#1', 40, 80, ['a#1']), call('d#1', 150, 190, ['c#1', 'b#1'])];
    const cp = criticalPath(calls);
    expect(cp.minimumMs).toBe(140);
    expect(cp.path).toEqual(['b#1', 'd#1']);
    expect(cp.depth).toBe(2);
    expect(cp.maxDepth).toBe(3); // a → c → d
    expect(cp.violations).toEqual([]);
  });

  it('gives a sequential engine the sum, so running independent calls one after the other shows as a miss', () => {
    const sequential = [call('a#1', 0, 40), call('b#1', 40, 80), call('c#1', 80, 120)];
    const cp = criticalPath(sequential);
    expect(cp.minimumMs).toBe(40); // none needs another: side by side they take one call's time
    expect(withinFactor(120, cp.minimumMs, 1.2).holds).toBe(false);
  });

  it('names a call that started before a call it declares it needs had ended (a wrong declaration)', () => {
    const calls = [call('a#1', 0, 40), call('b#1', 10, 50, ['a#1'])];
    expect(criticalPath(calls).violations).toEqual(['b#1']);
  });

  it('refuses a need that is not in the graph, and a cycle', () => {
    expect(() => criticalPath([call('a#1', 0, 1, ['zz#1'])])).toThrow(/not in the graph/);
    expect(() => criticalPath([call('a#1', 0, 1, ['b#1']), call('b#1', 0, 1, ['a#1'])])).toThrow(/cycle/);
  });

  it('is 0 for no calls', () => {
    expect(criticalPath([]).minimumMs).toBe(0);
  });
});

describe('call counts', () => {
  it('counts calls per service and round trips as one per call plus two per new connection', () => {
    expect(callsByService([call('a#1', 0, 1), call('b#1', 0, 1, [], 'exchange'), call('c#1', 0, 1)])).toEqual({ graph: 2, exchange: 1 });
    expect(roundTrips(10, 2)).toBe(14);
  });

  it('prints the graph with the critical path in bold and each call\'s needs', () => {
    const calls = [call('a#1', 0, 40), call('b#1', 40, 80, ['a#1'])];
    const table = callGraphTable(calls, criticalPath(calls));
    expect(table).toContain('| **b#1** | graph | `GET /b#1` | a#1 | 40 → 80 ms |');
  });
});

describe('goal verdicts', () => {
  it('says met or MISSED with the figure behind it', () => {
    expect(verdict(true)).toBe('met');
    expect(verdict(false, '1.30 ×')).toBe('MISSED (1.30 ×)');
    expect(withinFactor(119, 100, 1.2)).toMatchObject({ holds: true, limit: 120, result: 'met (1.19 ×)' });
    expect(withinFactor(121, 100, 1.2).result).toBe('MISSED (1.21 ×)');
    expect(withinMargin(450, 300, 100)).toMatchObject({ holds: false, over: 150, result: 'MISSED (+150 ms over the engine)' });
    expect(withinMargin(390, 300, 100).holds).toBe(true);
  });
});

describe('pathGaps', () => {
  it('says where the time beyond the minimum went along the critical path, largest first', () => {
    // a ends at 40, b (needs a) starts at 100: 60 ms of the engine's own work between them.
    const calls = [call('a#1', 5, 40), call('b#1', 100, 140, ['a#1'])];
    expect(pathGaps(calls, criticalPath(calls), 150)).toEqual([
      { where: 'before b#1', ms: 60 },
      { where: 'after b#1', ms: 10 },
      { where: 'before a#1', ms: 5 },
    ]);
  });
});
