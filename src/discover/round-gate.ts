// One round at a time across every search of one `btfc discover`: the whole function's rounds, each
// decomposition block's and each output group's (and their own blocks'), which run as concurrent lanes.
// A lane asks the gate for its next round with a score — its scheduler's optimistic rate of solutions per
// unit of work for the candidate it would run (scheduler.ts) — and the gate lets the waiting lane of the
// highest score go, first come first served among equals. So the time goes, round by round, where
// solutions come cheapest, whichever grain they belong to (issue 10: the grains share the budget through
// the scheduler), instead of each grain getting a fixed share in a fixed order.
//
// A round holds the gate while it solves and reads back; the decision is taken on the next turn of the
// event loop after a release, so the lane that released can ask again and be weighed with the others.

import type { DiscoverHooks } from './types.js';

interface Waiter {
  score: number;
  order: number;
  grant: () => void;
}

export class RoundGate {
  private held = false;
  private deciding = false;
  private arrivals = 0;
  private readonly waiting: Waiter[] = [];
  /** The lane of every round granted so far, in order ('' for the top discover's whole function). */
  readonly granted: string[] = [];

  /** Resolves when this lane may run its round; call release() when the round is read back. */
  acquire(score: number, lane = ''): Promise<void> {
    return new Promise<void>((resolve) => {
      this.waiting.push({ score: Number.isNaN(score) ? -Infinity : score, order: this.arrivals++, grant: () => { this.granted.push(lane); resolve(); } });
      this.schedule();
    });
  }

  release(): void {
    this.held = false;
    this.schedule();
  }

  private schedule(): void {
    if (this.held || this.deciding || this.waiting.length === 0) return;
    this.deciding = true;
    setImmediate(() => {
      this.deciding = false;
      if (this.held || this.waiting.length === 0) return;
      let best = 0;
      for (let i = 1; i < this.waiting.length; i++) {
        const w = this.waiting[i]!;
        const b = this.waiting[best]!;
        if (w.score > b.score || (w.score === b.score && w.order < b.order)) best = i;
      }
      const [w] = this.waiting.splice(best, 1);
      this.held = true;
      w!.grant();
    });
  }
}

/**
 * A sub-search's share of the time left: its rounds end this far in, so that its own polish (a quarter of
 * its timeout, search.ts) ends about when the whole function's rounds do.
 */
export const LANE_SHARE = 0.8;

/** The hooks of a sub-search (a block, an output group) named `label`: its rounds and rows say `label.…`, through the parent's gate. */
export function laneHooks(hooks: DiscoverHooks, gate: RoundGate, label: string): DiscoverHooks {
  return {
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    onRound: (x) => hooks.onRound?.({ ...x, block: x.block ? `${label}.${x.block}` : label }),
    gate, lane: hooks.lane ? `${hooks.lane}.${label}` : label,
  };
}

/** An abort controller that follows `signal` too: the lanes of one search stop together when one fails. */
export function laneAbort(signal: AbortSignal | undefined): AbortController {
  const ctl = new AbortController();
  if (signal?.aborted) ctl.abort();
  else signal?.addEventListener('abort', () => ctl.abort(), { once: true });
  return ctl;
}

/**
 * Wait for lanes running side by side (each started with `ctl.signal`). When one throws, the others are
 * aborted — their rounds stop at once, no thread outlives the search — and, once all have settled, the
 * first error goes on.
 */
export async function allLanes<T extends readonly unknown[]>(ctl: AbortController, lanes: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled((lanes as readonly Promise<unknown>[]).map((p) => p.catch((err: unknown) => {
    ctl.abort();
    throw err;
  })));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
