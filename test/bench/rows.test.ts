import { describe, expect, it } from 'vitest';
import { iseRows, setupRows } from '../../bench/engines.mjs';
import { markdown, rows } from '../../bench/report.mjs';

const s = (median: number) => ({ median, min: median, max: median, n: 3 });
const engine = (wall: number, minimum: number) => ({ wall: s(wall), minimum: s(minimum), ratio: s(wall / minimum), calls: 11, byService: { graph: 6, exchange: 5 }, connections: 2, roundTrips: 15, depth: 5, maxDepth: 5, graph: '', gaps: ['before b#1 60 ms'] });

describe('engine rows (setup, ISE inspection)', () => {
  it('judge wall ≤ 1.2 × the critical path, per route, and print calls and round trips', () => {
    const r = setupRows({ rttMs: 40, routes: [{ name: 'classic', ...engine(500, 450) }, { name: 'app-rbac', ...engine(700, 500) }] });
    expect(r[0]).toMatchObject({ goal: '≤ 1.2 × minimum = 540 ms', result: 'met (1.11 ×)' });
    expect(r[3]).toMatchObject({ goal: '≤ 1.2 × minimum = 600 ms', result: 'MISSED (1.40 ×)' });
    expect(r[2]!.result).toBe('graph 6, exchange 5; 2 connections → 15 round trips (1 per call + 2 per connection)');
    expect(iseRows({ rttMs: 40, ...engine(1000, 1000) })[0]!.result).toBe('met (1.00 ×)');
  });
});

describe('the report', () => {
  it('gives every row a goal column: its goal, or "(context)" for the figures beside one', () => {
    const table = rows({ sections: [{ id: 'ise', rows: iseRows({ rttMs: 40, ...engine(1300, 1000) }) }] });
    expect(table.map((r) => r.goal)).toEqual(['≤ 1.2 × minimum = 1200 ms', '(context)', '(context)']);
    expect(table[0]!.result).toBe('MISSED (1.30 ×)');
  });

  it('records the load before and after each section beside the run', () => {
    const md = markdown(
      {
        machine: { date: 'd', cpu: 'c', nproc: 2, memoryGb: 1, loadAverage: '1.00 1.00 1.00', node: 'v', os: 'o', commit: 'x', bareNodeStartMs: 40 },
        loadAtEnd: '2.00 2.00 2.00',
        sections: [{ id: 'ise', rows: [], startedAt: '2026-12-02T01:00:00Z', loadBefore: '1.50', loadAfter: '3.25', seconds: 12 }],
      },
      'npm run bench',
    );
    expect(md).toContain('| load average at end | 2.00 2.00 2.00 |');
    expect(md).toContain('| ise | 2026-12-02T01:00:00Z | 12 s | 1.50 → 3.25 |');
  });
});
