import { describe, expect, it } from 'vitest';
import { CallTrace, traceCall, traceNeeds, traceStep } from '../../../../electron/core/calls/trace';

const tick = (ms = 1) => new Promise((r) => setTimeout(r, ms));
const wire = (service: string, op: string) => traceCall(service, op, () => tick());

describe('CallTrace', () => {
  it('chains the calls of one step, and a step\'s first call needs the last call of each step it declares', async () => {
    const trace = new CallTrace();
    await trace.run(async () => {
      await Promise.all([
        traceStep('a', [], async () => {
          await wire('graph', 'GET /one');
          await wire('graph', 'GET /two');
        }),
        traceStep('b', [], () => wire('exchange', 'Get-Mailbox')),
      ]);
      await traceStep('c', ['a', 'b'], () => wire('graph', 'POST /three'));
    });
    const calls = trace.calls();
    expect(calls.map((c) => [c.id, c.needs])).toEqual([
      ['a#1', []],
      ['b#1', []],
      ['a#2', ['a#1']],
      ['c#1', ['a#2', 'b#1']],
    ]);
    expect(calls.every((c) => c.endMs >= c.startMs)).toBe(true);
    expect(trace.overlaps).toEqual([]);
  });

  it('passes a call-less step\'s needs on (a join such as "the plan", or a look-up answered from memory)', async () => {
    const trace = new CallTrace();
    await trace.run(async () => {
      await Promise.all([traceStep('x', [], () => wire('s', 'x')), traceStep('y', [], () => wire('s', 'y'))]);
      traceNeeds('plan', ['x', 'y', 'never-ran']);
      await traceStep('reused', ['plan'], async () => undefined);
      await traceStep('z', ['reused'], () => wire('s', 'z'));
    });
    expect(trace.calls().find((c) => c.id === 'z#1')?.needs).toEqual(['x#1', 'y#1']);
  });

  it('flags a step that had two calls in flight at once (it should have been two steps)', async () => {
    const trace = new CallTrace();
    await trace.run(() => traceStep('both', [], async () => void (await Promise.all([wire('s', '1'), wire('s', '2')]))));
    expect(trace.overlaps).toEqual(['both']);
  });

  it('records nothing and changes nothing outside a trace', async () => {
    const trace = new CallTrace();
    await expect(traceStep('a', [], () => traceCall('s', 'op', async () => 42))).resolves.toBe(42);
    expect(trace.calls()).toEqual([]);
  });
});
