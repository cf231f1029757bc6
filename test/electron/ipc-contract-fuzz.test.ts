import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES } from '../../shared/contract';
import { bindContract, channelFor, type IpcMainLike } from '../../electron/ipc';
import { boundaryProblem, inputsFor, prototypeSnapshot, recordingHandlers } from '../support/contract-fuzz';

/**
 * Contract fuzzing through the IPC binding (issue 7 item 3): for every call, 10,000 random and
 * boundary inputs through the real bindContract with a fake ipcMain. Handlers only record that
 * they were reached: the point is the boundary, not the work behind it.
 */
const RUNS_PER_CALL = 10_000;
type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
let protoBefore: string[];

beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
  protoBefore = prototypeSnapshot();
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

const { handlers, reached } = recordingHandlers();
const listeners = new Map<string, Listener>();
const ipc: IpcMainLike = { handle: (channel, listener) => void listeners.set(channel, listener) };
bindContract(ipc, handlers, () => true);
const trustedEvent = { sender: { id: 1 } } as unknown as IpcMainInvokeEvent;

describe('contract fuzz through IPC', () => {
  for (const name of CALL_NAMES) {
    it(`${name}: ${RUNS_PER_CALL} inputs, every answer is data and every rejection names its field`, async () => {
      const listener = listeners.get(channelFor(name))!;
      let reachedCount = 0;
      // A fixed seed per call keeps CI reproducible; fast-check prints the seed and the shrunk input on failure.
      await fc.assert(
        fc.asyncProperty(inputsFor(name), async (input) => {
          const before = reached.length;
          const result = await listener(trustedEvent, input);
          const hit = reached.length > before;
          if (hit) reachedCount += 1;
          const problem = boundaryProblem(name, input, result, hit);
          if (problem) throw new Error(`${name}: ${problem}`);
        }),
        { numRuns: RUNS_PER_CALL, seed: seedFor(name), endOnFailure: true },
      );
      // Schema-shaped inputs must sometimes be valid, or the fuzz never proved the handler side.
      expect(reachedCount).toBeGreaterThan(0);
    });
  }

  it('left no unhandled rejection and no polluted prototype', async () => {
    await new Promise((r) => setImmediate(r));
    expect(unhandled).toEqual([]);
    expect(prototypeSnapshot()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

function seedFor(name: string): number {
  let h = 7;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}
