// solveNet: a real solve verified by forward pass, determinism across worker counts, first-wins, --all,
// timeout, abort, and NaN re-seeding. Worker tests run the compiled worker from dist/ (npm test builds it).
import { describe, expect, it } from 'vitest';
import { forward, layeredNet } from '../../src/ir/btf-net.js';
import { solveNet, type SolveParams } from '../../src/rrr/solve.js';
import { multiplierTable } from '../../src/tools/bench-solver.js';
import { RrrEngine } from '../../src/rrr/engine.js';
import { runRestart } from '../../src/rrr/restart.js';
import { restartSeed } from '../../src/rrr/prng.js';
import type { TableItems } from '../../src/ir/truth-table.js';

const items = multiplierTable(2).toItems();
const net = layeredNet([4, 4, 4, 4], 3);
/** The reference 2×2 settings (docs/ALGORITHM.md §7). With seed 1, restart 0 fails and restart 1 solves at 4,051 iterations. */
const reference: SolveParams = { sigma: 3, beta: 0.2, gamma: 1e-3, iterations: 10_000, gapstop: 0.01, restarts: 2, seed: 1, workers: 1, all: false };

function reproduces(weights: Float64Array, its: TableItems): boolean {
  for (let i = 0; i < its.count; i++) {
    const y = forward(net, weights, its.inputs.subarray(i * its.numInputs, (i + 1) * its.numInputs));
    for (let k = 0; k < its.numOutputs; k++) {
      if (y[net.firstOutput + k] !== its.targets[i * its.numOutputs + k]) return false;
    }
  }
  return true;
}

describe('solveNet', () => {
  it('solves the 2×2 multiplier at the reference settings, and the weights reproduce the table', async () => {
    const r = await solveNet(net, items, { ...reference, inline: true });
    expect(r.solved).toBe(true);
    expect(r.best!.restart).toBe(1);
    expect(r.stats.restarts.map((s) => [s.restart, s.solved, s.iterations])).toEqual([[0, false, 10_000], [1, true, 4051]]);
    expect(r.stats.restarts[1]!.gap).toBeLessThan(0.01);
    expect(r.best!.trainAccuracy).toBe(1);
    expect(reproduces(r.best!.weights, items)).toBe(true);
    // normalised: Σ w² = m per node
    for (let n = net.firstBtf; n < net.numNodes; n++) {
      let s = 0;
      for (let e = net.inStart[n]!; e < net.inStart[n + 1]!; e++) s += r.best!.weights[e]! ** 2;
      expect(s).toBeCloseTo(net.inDegree[n]!, 9);
    }
  });

  it('gives identical restarts inline, on one worker and on two', async () => {
    // deterministicWinner: without it `best` is whichever solved restart finishes first, which on two
    // workers depends on scheduling (restarts 1 and 2 both solve); the restarts themselves never do.
    const p: SolveParams = { ...reference, restarts: 3, iterations: 4500, all: true, deterministicWinner: true };
    const runs = [await solveNet(net, items, { ...p, inline: true }), await solveNet(net, items, p), await solveNet(net, items, { ...p, workers: 2 })];
    const key = (r: (typeof runs)[number]) => ({
      restarts: r.stats.restarts.map((s) => [s.restart, s.seed, s.solved, s.iterations, s.gap, s.bestGap, s.trainAccuracy]),
      best: Array.from(r.best!.weights),
      solutions: r.solutions.map((s) => [s.restart, Array.from(s.weights)]),
    });
    expect(key(runs[1]!)).toEqual(key(runs[0]!));
    expect(key(runs[2]!)).toEqual(key(runs[0]!));
    expect(runs[0]!.solutions.map((s) => s.restart)).toEqual([1, 2]);
  });

  it('stops at the first solution by default', async () => {
    const r = await solveNet(net, items, { ...reference, restarts: 6, inline: true });
    expect(r.solved).toBe(true);
    expect(r.stats.restarts.map((s) => s.restart)).toEqual([0, 1]);
  });

  it('stops the other workers promptly when one solves', async () => {
    const r = await solveNet(net, items, { ...reference, restarts: 6, workers: 2 });
    expect(r.solved).toBe(true);
    expect(r.stats.restarts.length).toBeLessThan(6);
    for (const s of r.stats.restarts) expect(s.solved || s.stopped || s.iterations === 10_000).toBe(true);
    expect(reproduces(r.best!.weights, items)).toBe(true);
  });

  it('with a deterministic winner, the lowest solved restart wins on any number of workers', async () => {
    const r = await solveNet(net, items, { ...reference, restarts: 4, workers: 2, deterministicWinner: true });
    expect(r.best!.restart).toBe(1);
  });

  it('runs and reports every restart with all', async () => {
    const r = await solveNet(net, items, { ...reference, restarts: 4, iterations: 5000, all: true, inline: true });
    expect(r.stats.restarts.map((s) => s.restart)).toEqual([0, 1, 2, 3]);
    expect(r.stats.restarts.some((s) => s.stopped)).toBe(false);
    expect(r.solutions.map((s) => s.restart)).toEqual(r.stats.restarts.filter((s) => s.solved).map((s) => s.restart));
    expect(r.stats.solvedCount).toBe(r.solutions.length);
    for (const s of r.solutions) expect(reproduces(s.weights, items)).toBe(true);
  });

  it('stops cleanly at the timeout and reports the best restart so far', async () => {
    const t0 = Date.now();
    const r = await solveNet(net, items, { ...reference, restarts: 4, workers: 2, iterations: 10_000_000, gapstop: 0, timeoutMs: 400, all: true });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.stats.timedOut).toBe(true);
    expect(r.solved).toBe(false);
    expect(r.stats.restarts.length).toBeGreaterThan(0);
    expect(r.stats.restarts.every((s) => s.stopped)).toBe(true);
    expect(r.best).toBeDefined();
    expect(r.best!.weights.length).toBe(net.numEdges);
  });

  it('stops inline work at the timeout too', async () => {
    const r = await solveNet(net, items, { ...reference, restarts: 3, inline: true, iterations: 10_000_000, gapstop: 0, timeoutMs: 300 });
    expect(r.stats.timedOut).toBe(true);
    expect(r.stats.restarts.length).toBe(1);
  });

  it('stops on abort', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 300);
    const r = await solveNet(net, items, { ...reference, restarts: 2, workers: 2, iterations: 10_000_000, gapstop: 0 }, { signal: ac.signal });
    expect(r.stats.aborted).toBe(true);
    expect(r.solved).toBe(false);
  });

  it('reports progress and each finished restart', async () => {
    const progress: number[] = [];
    const done: number[] = [];
    await solveNet(net, items, { ...reference, restarts: 2, inline: true, all: true }, {
      onProgress: (p) => progress.push(p.iteration),
      onRestartDone: (r) => done.push(r.restart),
    });
    expect(done).toEqual([0, 1]);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('rejects items that do not fit the net', async () => {
    await expect(solveNet(layeredNet([3, 4], 3), items, reference)).rejects.toThrow(RangeError);
  });
});

describe('runRestart', () => {
  it('re-seeds a restart whose iterate becomes NaN, deterministically, with a warning', () => {
    class Faulty extends RrrEngine {
      calls = 0;
      override iterate(beta: number, gamma: number): number {
        return ++this.calls === 10 ? NaN : super.iterate(beta, gamma);
      }
    }
    const engine = new Faulty(net, items, 3);
    const run = runRestart(engine, { beta: 0.2, gamma: 1e-3, iterations: 200, gapstop: 0.01, seed: 1 }, 3, () => false);
    expect(run.attempts).toBe(2);
    expect(run.seed).toBe(restartSeed(1, 3, 1));
    expect(run.warning).toMatch(/NaN/);
    expect(run.iterations).toBe(200);
  });

  it('gives up after three non-finite attempts', () => {
    class Broken extends RrrEngine {
      override iterate(): number {
        return Infinity;
      }
    }
    const run = runRestart(new Broken(net, items, 3), { beta: 0.2, gamma: 1e-3, iterations: 100, gapstop: 0.01, seed: 1 }, 0, () => false);
    expect(run.solved).toBe(false);
    expect(run.attempts).toBe(3);
    expect(run.warning).toMatch(/gave up/);
  });
});
