// The fused hot loop (engine.ts) against a plain composition of the projections of projections.ts,
// following docs/ALGORITHM.md §5 line by line, on a partial table (don't-care rows and output bits).
import { describe, expect, it } from 'vitest';
import { layeredNet, type BtfNet } from '../../src/ir/btf-net.js';
import { TruthTable, type TableItems } from '../../src/ir/truth-table.js';
import { RrrEngine } from '../../src/rrr/engine.js';
import { Xoshiro128ss } from '../../src/rrr/prng.js';
import { projectB, projectBlock } from '../../src/rrr/projections.js';
import { multiplierTable } from '../../src/tools/bench-solver.js';

/** One RRR iteration the slow, obvious way; mutates z and g; returns the gap. */
function referenceIterate(net: BtfNet, items: TableItems, z: { w: Float64Array; x: Float64Array; y: Float64Array }, g: Float64Array, sigma: number, beta: number, gamma: number): number {
  const I = items.count;
  const E = net.numEdges;
  const N = net.numNodes;
  // P_A
  const A = { w: new Float64Array(I * E), x: new Float64Array(I * E), y: new Float64Array(I * N) };
  for (let i = 0; i < I; i++) {
    A.y[i * N] = -1;
    for (let j = 0; j < net.numInputs; j++) A.y[i * N + 1 + j] = items.inputs[i * net.numInputs + j]!;
    for (let n = net.firstBtf; n < N; n++) {
      const s = net.inStart[n]!;
      const t = net.inStart[n + 1]!;
      const r = projectBlock(z.w.subarray(i * E + s, i * E + t), z.x.subarray(i * E + s, i * E + t), z.y[i * N + n]!, Math.sqrt((t - s) / sigma));
      A.w.set(r.w, i * E + s);
      A.x.set(r.x, i * E + s);
      A.y[i * N + n] = r.y;
    }
  }
  // P_B of the reflection
  const R = {
    w: A.w.map((v, j) => 2 * v - z.w[j]!),
    x: A.x.map((v, j) => 2 * v - z.x[j]!),
    y: A.y.map((v, j) => 2 * v - z.y[j]!),
  };
  const B = projectB(net, I, R, g, items.targets, items.targetCare);
  // gap per (item, BTF node)
  const gapNode = new Float64Array(I * N);
  let total = 0;
  for (let i = 0; i < I; i++) {
    for (let n = net.firstBtf; n < N; n++) {
      let v = (B.y[i * N + n]! - A.y[i * N + n]!) ** 2;
      for (let e = net.inStart[n]!; e < net.inStart[n + 1]!; e++) {
        v += (B.wB[e]! - A.w[i * E + e]!) ** 2 + (B.y[i * N + net.edgeSend[e]!]! - A.x[i * E + e]!) ** 2;
      }
      gapNode[i * N + n] = v;
      total += v;
    }
  }
  // relax
  for (let j = 0; j < z.w.length; j++) z.w[j] = z.w[j]! + beta * (B.w[j]! - A.w[j]!);
  for (let j = 0; j < z.x.length; j++) z.x[j] = z.x[j]! + beta * (B.x[j]! - A.x[j]!);
  for (let j = 0; j < z.y.length; j++) z.y[j] = z.y[j]! + beta * (B.y[j]! - A.y[j]!);
  // metric
  const mean = total / (I * (N - net.firstBtf));
  for (let i = 0; i < I; i++) {
    for (let n = net.firstBtf; n < N; n++) g[i * N + n] = g[i * N + n]! + gamma * (gapNode[i * N + n]! / mean - g[i * N + n]!);
  }
  return Math.sqrt(mean);
}

/** The 2×2 multiplier with rows 5 and 10 unspecified and output 3 a don't-care wherever a·b < 4. */
function partialMultiplier(): TableItems {
  const t = multiplierTable(2);
  for (let m = 0; m < 16; m++) {
    if (m === 5 || m === 10) for (let k = 0; k < 4; k++) t.set(k, m, '-');
    else if ((m & 3) * (m >> 2) < 4) t.set(3, m, '-');
  }
  return t.toItems();
}

describe('RrrEngine', () => {
  it('iterates exactly as the plain composition P_A, P_B, relax, gap, metric', () => {
    const items = partialMultiplier();
    expect(items.count).toBe(14);
    const net = layeredNet([4, 3, 4], 3);
    const engine = new RrrEngine(net, items, 3);
    engine.init(new Xoshiro128ss(9));
    const z = { w: Float64Array.from(engine.w), x: Float64Array.from(engine.x), y: Float64Array.from(engine.y) };
    const g = Float64Array.from(engine.g);
    for (let it = 0; it < 30; it++) {
      const gapE = engine.iterate(0.3, 0.05);
      const gapR = referenceIterate(net, items, z, g, 3, 0.3, 0.05);
      expect(gapE).toBeCloseTo(gapR, 9);
    }
    for (let j = 0; j < z.w.length; j++) expect(engine.w[j]).toBeCloseTo(z.w[j]!, 8);
    for (let j = 0; j < z.x.length; j++) expect(engine.x[j]).toBeCloseTo(z.x[j]!, 8);
    for (let j = 0; j < z.y.length; j++) expect(engine.y[j]).toBeCloseTo(z.y[j]!, 8);
    for (let j = 0; j < g.length; j++) expect(engine.g[j]).toBeCloseTo(g[j]!, 8);
  });

  it('initialises as docs/ALGORITHM.md §5 says', () => {
    const items = partialMultiplier();
    const net = layeredNet([4, 4, 4, 4], 3);
    const engine = new RrrEngine(net, items, 3);
    engine.init(new Xoshiro128ss(1));
    const N = net.numNodes;
    for (let i = 0; i < items.count; i++) {
      expect(engine.y[i * N]).toBe(-1);
      for (let j = 0; j < 4; j++) expect(engine.y[i * N + 1 + j]).toBe(items.inputs[i * 4 + j]);
      for (let k = 0; k < 4; k++) {
        const v = engine.y[i * N + net.firstOutput + k]!;
        if (items.targetCare[i * 4 + k]) expect(v).toBe(items.targets[i * 4 + k]);
        else expect(Math.abs(v)).toBeLessThan(1);
      }
    }
    expect(Math.max(...engine.w.map(Math.abs))).toBeLessThanOrEqual(1);
    expect(engine.g.every((v) => v === 1)).toBe(true);
  });

  it('keeps the metric positive and its mean near 1', () => {
    const items = multiplierTable(2).toItems();
    const net = layeredNet([4, 4, 4, 4], 3);
    const engine = new RrrEngine(net, items, 3);
    engine.init(new Xoshiro128ss(4));
    for (let it = 0; it < 3000; it++) engine.iterate(0.2, 1e-2);
    let sum = 0;
    let count = 0;
    for (let i = 0; i < items.count; i++) {
      for (let n = net.firstBtf; n < net.numNodes; n++) {
        const v = engine.g[i * net.numNodes + n]!;
        expect(v).toBeGreaterThan(0);
        sum += v;
        count++;
      }
    }
    // g relaxes toward gapnode / mean(gapnode), whose mean is exactly 1
    expect(sum / count).toBeCloseTo(1, 6);
  });

  it('is bit-identical for the same seed', () => {
    const items = multiplierTable(2).toItems();
    const net = layeredNet([4, 4, 4, 4], 3);
    const run = () => {
      const engine = new RrrEngine(net, items, 3);
      engine.init(new Xoshiro128ss(77));
      for (let it = 0; it < 500; it++) engine.iterate(0.2, 1e-3);
      return Array.from(engine.wB);
    };
    expect(run()).toEqual(run());
  });

  it('counts correct output bits with a forward pass', () => {
    const items = multiplierTable(2).toItems();
    const net = layeredNet([4, 4, 4, 4], 3);
    const engine = new RrrEngine(net, items, 3);
    // all-zero weights: every node outputs −1, so the bits that are 0 are right
    const zeros = new Float64Array(net.numEdges);
    let falseBits = 0;
    for (let j = 0; j < items.targets.length; j++) if (items.targets[j] === -1) falseBits++;
    expect(engine.correctBits(zeros)).toBe(falseBits);
    expect(engine.careBits).toBe(64);
  });
});
