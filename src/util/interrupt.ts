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
