// Interruption of the stages after the solver (stage: util, shared by gates, verify, flow and discover).
// Ctrl-C or SIGTERM aborts the command's AbortSignal (cli/main.ts); a stage that sees it throws
// Interrupted, which the pipeline passes up untouched: nothing is written and the command exits 130 / 143.
// A synchronous stage only sees the signal between its steps once the event loop has run, so the drivers
// yield (`yieldToEvents`) between candidates and stages, and every step is bounded in time.

/** Thrown by a stage that stopped because its AbortSignal was aborted. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

/** Throw Interrupted when `signal` is aborted. */
export function throwIfInterrupted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Interrupted();
}

/** Let pending signals, timers and messages run (a signal handler runs only when the loop gets control). */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A computation in steps: it yields between steps, where an interruption may stop it. */
export type Steps<T> = Generator<void, T, void>;

/** Run `steps` to the end, synchronously. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Milliseconds of steps between two turns of the event loop in runStepsInterruptible. */
const YIELD_MS = 50;

/**
 * Run `steps` to the end, letting the event loop run every YIELD_MS so that a signal handler can abort
 * `signal`; throws Interrupted then. The same steps as runSteps, so the same result.
 */
export async function runStepsInterruptible<T>(steps: Steps<T>, signal: AbortSignal | undefined): Promise<T> {
  let last = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - last >= YIELD_MS) {
      await yieldToEvents();
      throwIfInterrupted(signal);
      last = performance.now();
    }
  }
}
