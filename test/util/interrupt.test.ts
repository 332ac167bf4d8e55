// Stepwise computations and interruption (util/interrupt.ts): the interruptible run gives the same result
// as the plain one, and stops with Interrupted once its signal is aborted by an event.
import { describe, expect, it } from 'vitest';
import { Interrupted, runSteps, runStepsInterruptible, type Steps } from '../../src/util/interrupt.js';

function* busy(steps: number, msPerStep: number): Steps<number> {
  let sum = 0;
  for (let i = 0; i < steps; i++) {
    const end = performance.now() + msPerStep;
    while (performance.now() < end) sum++;
    yield;
  }
  return steps;
}

describe('runStepsInterruptible', () => {
  it('returns what runSteps returns', async () => {
    expect(runSteps(busy(5, 0))).toBe(5);
    expect(await runStepsInterruptible(busy(5, 0), new AbortController().signal)).toBe(5);
  });

  it('lets a timer abort it between steps, promptly', async () => {
    const c = new AbortController();
    setTimeout(() => c.abort('SIGINT'), 100);
    const t0 = performance.now();
    await expect(runStepsInterruptible(busy(10_000, 5), c.signal)).rejects.toBeInstanceOf(Interrupted);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});
