import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A record of the network calls one run makes, and of what each needs, for the benchmark's
 * "minimum the call dependencies allow" (issue 16 part 4). The engine declares the dependencies,
 * not the bench: it runs its work as named steps (`traceStep(id, needs, fn)`), each step saying
 * which earlier steps' results it uses, and the clients report each call they put on the wire
 * (`traceCall`). Within one step the calls are one sequence (each needs the one before: a step
 * that could overlap calls is two steps). With no trace active (every normal run) both are a
 * plain call of `fn`: nothing is recorded and nothing changes.
 */

export interface TracedCall {
  /** "<step>#<n>": the n-th call of its step. */
  id: string;
  step: string;
  service: string;
  /** What went out, without ids that vary per run where the caller could avoid them (never a secret). */
  operation: string;
  startMs: number;
  endMs: number;
  /** The calls whose results this call waits for (resolved from the declared step needs). */
  needs: string[];
}

interface StepRecord {
  id: string;
  needs: string[];
  calls: TracedCall[];
}

interface Frame {
  trace: CallTrace;
  step: StepRecord | undefined;
}

const current = new AsyncLocalStorage<Frame>();

export class CallTrace {
  private readonly steps = new Map<string, StepRecord>();
  private readonly order: TracedCall[] = [];
  /** Steps that had two calls in flight at once (a declaration error: the bench refuses such a graph). */
  readonly overlaps: string[] = [];
  private readonly t0 = performance.now();

  /** Runs `fn` with this trace active: every traced step and call inside it is recorded here. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    return current.run({ trace: this, step: undefined }, fn);
  }

  /** @internal */
  enterStep(id: string, needs: string[]): StepRecord {
    let s = this.steps.get(id);
    if (!s) {
      s = { id, needs: [...needs], calls: [] };
      this.steps.set(id, s);
    } else {
      for (const n of needs) if (!s.needs.includes(n)) s.needs.push(n);
    }
    return s;
  }

  /** @internal */
  async record<T>(step: StepRecord, service: string, operation: string, fn: () => Promise<T>): Promise<T> {
    const prev = step.calls[step.calls.length - 1];
    const call: TracedCall = { id: `${step.id}#${step.calls.length + 1}`, step: step.id, service, operation, startMs: performance.now() - this.t0, endMs: Number.NaN, needs: [] };
    if (prev && Number.isNaN(prev.endMs) && !this.overlaps.includes(step.id)) this.overlaps.push(step.id);
    step.calls.push(call);
    this.order.push(call);
    try {
      return await fn();
    } finally {
      call.endMs = performance.now() - this.t0;
    }
  }

  /**
   * Every call in start order, each with the calls it needs: the call before it in its step, or
   * (for a step's first call) the last call of each step the step needs; a needed step that made
   * no call (its answer was already known) passes its own needs on.
   */
  calls(): TracedCall[] {
    const lastOf = (stepId: string, seen: Set<string>): string[] => {
      if (seen.has(stepId)) return [];
      seen.add(stepId);
      const s = this.steps.get(stepId);
      if (!s) return [];
      const last = s.calls[s.calls.length - 1];
      return last ? [last.id] : s.needs.flatMap((n) => lastOf(n, seen));
    };
    for (const s of this.steps.values()) {
      s.calls.forEach((c, i) => {
        c.needs = i > 0 ? [s.calls[i - 1]!.id] : [...new Set(s.needs.flatMap((n) => lastOf(n, new Set([s.id]))))];
      });
    }
    return this.order.map((c) => ({ ...c, needs: [...c.needs] }));
  }
}

/**
 * Runs `fn` as the step `id`, which uses the results of the steps in `needs` (declared here, by
 * the code that knows what it reads). Outside a trace: just `fn()`.
 */
export function traceStep<T>(id: string, needs: readonly string[], fn: () => Promise<T>): Promise<T> {
  const frame = current.getStore();
  if (!frame) return fn();
  const step = frame.trace.enterStep(id, [...needs]);
  return current.run({ trace: frame.trace, step }, fn);
}

/**
 * Declares a step that makes no call of its own but whose result is everything in `needs` (e.g.
 * "the plan": all of discovery). A step that needs it then needs the last call of each of those.
 */
export function traceNeeds(id: string, needs: readonly string[]): void {
  current.getStore()?.trace.enterStep(id, [...needs]);
}

/** Called by a client around one request on the wire. Outside a trace (or a step): just `fn()`. */
export function traceCall<T>(service: string, operation: string, fn: () => Promise<T>): Promise<T> {
  const frame = current.getStore();
  if (!frame) return fn();
  // A call outside any declared step belongs to an implicit step that needs nothing (the bench flags it).
  const step = frame.step ?? frame.trace.enterStep(`(undeclared ${service})`, []);
  return frame.trace.record(step, service, operation, fn);
}
