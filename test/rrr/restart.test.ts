// Issue 12, defect 8: a restart whose iterations are slow (a net of 100,000 hidden nodes takes ~0.5 s one)
// must be stoppable between its regular polls (every POLL_EVERY iterations), or a --timeout or Ctrl-C
// overshoots by minutes. restart.ts times the first iteration and then polls every ~STOP_CHECK_MS; this
// holds for both engines, which share runRestart.
import { describe, expect, it } from 'vitest';
import { curveEvery, MAX_CURVE_POINTS, POLL_EVERY, runRestart, STOP_CHECK_MS, type RestartEngine } from '../../src/rrr/restart.js';

/** An engine whose every iteration takes `ms` and never solves. */
function slowEngine(ms: number): RestartEngine {
  return {
    E: 1, careBits: 1, wB: new Float64Array(1),
    init: () => {},
    iterate: () => { const end = performance.now() + ms; while (performance.now() < end) { /* busy */ } return 1; },
    correctBits: () => 0,
  };
}

const params = { beta: 0.2, gamma: 1e-3, iterations: 10_000, gapstop: 0.01, seed: 1 };

describe('runRestart', () => {
  it('polls between regular polls when an iteration is slow, and stops at once when asked', () => {
    const polled: number[] = [];
    const run = runRestart(slowEngine(2 * STOP_CHECK_MS), params, 0, (_r, it) => { polled.push(it); return it >= 3; });
    expect(polled.slice(0, 3)).toEqual([1, 2, 3]);
    expect(run.iterations).toBe(3);
    expect(run.stopped).toBe(true);
  });

  it('keeps to POLL_EVERY when iterations are fast', () => {
    const polled: number[] = [];
    runRestart(slowEngine(0), { ...params, iterations: 3 * POLL_EVERY }, 0, (_r, it) => { polled.push(it); return false; });
    expect(polled.every((it) => it % POLL_EVERY === 0 || it < POLL_EVERY)).toBe(true);
    expect(polled.filter((it) => it % POLL_EVERY === 0)).toEqual([POLL_EVERY, 2 * POLL_EVERY, 3 * POLL_EVERY]);
  });
});

// Issue 13: every restart records its solver curve (gap and training accuracy) between iterate calls.
describe('restart curves', () => {
  it('samples powers of two before the first poll, then every curveEvery(itermax), and the last iteration', () => {
    let calls = 0;
    const engine: RestartEngine = { ...slowEngine(0), careBits: 4, iterate: () => 1 / ++calls, correctBits: () => 3 };
    const run = runRestart(engine, { ...params, iterations: 250 }, 0, () => false);
    expect(run.curve.every).toBe(POLL_EVERY);
    expect(run.curve.iterations).toEqual([1, 2, 4, 8, 16, 32, 64, 100, 200, 250]);
    expect(run.curve.gap[0]).toBe(1);
    expect(run.curve.gap.at(-1)).toBe(1 / 250);
    expect(run.curve.accuracy.every((a) => a === 0.75)).toBe(true);
  });

  it('keeps at most MAX_CURVE_POINTS regular points however long the restart', () => {
    expect(curveEvery(10_000)).toBe(POLL_EVERY);
    expect(curveEvery(5_000_000) % POLL_EVERY).toBe(0);
    expect(5_000_000 / curveEvery(5_000_000)).toBeLessThanOrEqual(MAX_CURVE_POINTS);
  });
});
