// P_A and P_B checked against independent facts: membership, optimality by random search, the margin
// equation, idempotence and normalisation.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { marginAB, marginProject, projectBlock, projectB, solveMarginU } from '../../src/rrr/projections.js';
import { layeredNet } from '../../src/ir/btf-net.js';
import { Xoshiro128ss } from '../../src/rrr/prng.js';

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};
const dist2 = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return s;
};

const vec = (m: number, scale = 2) => fc.array(fc.double({ min: -scale, max: scale, noNaN: true }), { minLength: m, maxLength: m });
const block = fc.integer({ min: 1, max: 13 }).chain((m) => fc.tuple(vec(m), vec(m), fc.double({ min: -1.5, max: 1.5, noNaN: true }), fc.constant(m)));

describe('marginProject', () => {
  it('lands on w′·x′ = c to 1e-9 and satisfies the Lagrange conditions', () => {
    fc.assert(fc.property(vec(5), vec(5), fc.double({ min: -3, max: 3, noNaN: true }), (w, x, c) => {
      // generic position: w ≠ ±x (when w = x exactly and c < 0, or w = −x and c > 0, the nearest point is
      // not unique and has no multiplier in (−1, 1))
      const { A, B } = marginAB(w, x);
      fc.pre(A > 1e-6 && B > 1e-6);
      const r = marginProject(w, x, c);
      expect(Math.abs(dot(r.w, r.x) - c)).toBeLessThan(1e-9 * Math.max(1, Math.abs(c)));
      // w′ − w = u·x′ and x′ − x = u·w′ (the stationarity of the Lagrangian)
      for (let j = 0; j < w.length; j++) {
        expect(r.w[j]! - w[j]!).toBeCloseTo(r.u * r.x[j]!, 9);
        expect(r.x[j]! - x[j]!).toBeCloseTo(r.u * r.w[j]!, 9);
      }
      const moved = dist2(r.w, w) + dist2(r.x, x);
      expect(Math.abs(r.dist - moved)).toBeLessThan(1e-9 * Math.max(1, moved));
    }), { numRuns: 300 });
  });

  it('finds the root from any starting point in (−1, 1)', () => {
    const u = solveMarginU(1.55, 0.95, 1.2);
    for (const u0 of [-0.99, -0.5, 0, 0.5, 0.99]) expect(solveMarginU(1.55, 0.95, 1.2, u0)).toBeCloseTo(u, 12);
  });

  it('no random point of the level set is nearer', () => {
    const rng = new Xoshiro128ss(3);
    for (let trial = 0; trial < 50; trial++) {
      const w = Array.from({ length: 4 }, () => rng.nextSigned());
      const x = Array.from({ length: 4 }, () => rng.nextSigned());
      const c = 2 * rng.nextSigned();
      const r = marginProject(w, x, c);
      for (let k = 0; k < 200; k++) {
        // a random point near the projection, moved onto w·x = c by scaling x
        const a = Array.from(r.w, (v) => v + 0.3 * rng.nextSigned());
        const b = Array.from(r.x, (v) => v + 0.3 * rng.nextSigned());
        const s = c / dot(a, b);
        if (!Number.isFinite(s) || s <= 0) continue;
        const bs = b.map((v) => v * s);
        expect(dist2(a, w) + dist2(bs, x)).toBeGreaterThanOrEqual(r.dist - 1e-9);
      }
    }
  });
});

describe('P_A on a BTF block', () => {
  it('lands in C(m, δ)', () => {
    fc.assert(fc.property(block, ([w, x, y, m]) => {
      const { A, B } = marginAB(w, x);
      fc.pre(A > 1e-6 && B > 1e-6); // generic position, as above
      const delta = Math.sqrt(m / 3);
      const r = projectBlock(w, x, y, delta);
      expect(Math.abs(r.y)).toBe(1);
      expect(r.y * dot(r.w, r.x)).toBeGreaterThanOrEqual(delta - 1e-9);
      const moved = dist2(r.w, w) + dist2(r.x, x) + (r.y - y) ** 2;
      expect(Math.abs(r.dist - moved)).toBeLessThan(1e-9 * Math.max(1, moved));
    }), { numRuns: 500 });
  });

  it('random search over C(m, δ) finds no nearer point', () => {
    const rng = new Xoshiro128ss(11);
    let checked = 0;
    for (let trial = 0; trial < 300; trial++) {
      const m = 1 + (trial % 6);
      const delta = Math.sqrt(m / 3);
      const scale = 0.2 + 1.5 * rng.nextFloat();
      const w = Array.from({ length: m }, () => scale * rng.nextSigned());
      const x = Array.from({ length: m }, () => scale * rng.nextSigned());
      const y = 1.2 * rng.nextSigned();
      const r = projectBlock(w, x, y, delta);
      for (let k = 0; k < 300; k++) {
        // candidates around the original point and around the projection, both output signs
        const around = k % 2 === 0 ? { w, x } : { w: Array.from(r.w), x: Array.from(r.x) };
        const spread = [0.05, 0.3, 1][k % 3]!;
        const a = around.w.map((v) => v + spread * rng.nextSigned());
        const b = around.x.map((v) => v + spread * rng.nextSigned());
        const s = k % 4 < 2 ? 1 : -1;
        if (s * dot(a, b) < delta) continue; // not in C
        checked++;
        expect(dist2(a, w) + dist2(b, x) + (s - y) ** 2).toBeGreaterThanOrEqual(r.dist - 1e-9);
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('keeps a point that is already in C(m, δ)', () => {
    const r = projectBlock([1, 1], [1, 1], 1, Math.sqrt(2 / 3));
    expect(r.dist).toBe(0);
    expect(Array.from(r.w)).toEqual([1, 1]);
  });

  it('breaks a tie toward −1', () => {
    // p = 0, y = 0: both outputs cost the same
    const r = projectBlock([1, 0], [0, 1], 0, 0.5);
    expect(r.y).toBe(-1);
  });
});

describe('P_B', () => {
  const net = layeredNet([3, 4, 2], 3);
  const I = 5;
  const E = net.numEdges;
  const N = net.numNodes;
  const rng = new Xoshiro128ss(5);
  const rand = (n: number, f = () => 2 * rng.nextSigned()) => Float64Array.from({ length: n }, f);
  const g = rand(I * N, () => 0.2 + 2 * rng.nextFloat());
  for (let i = 0; i < I; i++) for (let k = 0; k < net.firstBtf; k++) g[i * N + k] = 1;
  const targets = Float64Array.from({ length: I * 2 }, (_, j) => (j % 3 === 0 ? 0 : j % 2 ? 1 : -1));
  const care = Uint8Array.from(targets, (t) => (t === 0 ? 0 : 1));
  const r = { w: rand(I * E), x: rand(I * E), y: rand(I * N) };
  const b = projectB(net, I, r, g, targets, care);

  it('normalises each node’s weights to Σ w² = m', () => {
    for (let n = net.firstBtf; n < N; n++) {
      let s = 0;
      for (let e = net.inStart[n]!; e < net.inStart[n + 1]!; e++) s += b.wB[e]! ** 2;
      expect(s).toBeCloseTo(net.inDegree[n]!, 12);
    }
  });

  it('is idempotent', () => {
    const bb = projectB(net, I, b, g, targets, care);
    for (let j = 0; j < b.w.length; j++) expect(bb.w[j]).toBeCloseTo(b.w[j]!, 12);
    for (let j = 0; j < b.x.length; j++) expect(bb.x[j]).toBeCloseTo(b.x[j]!, 12);
    for (let j = 0; j < b.y.length; j++) expect(bb.y[j]).toBeCloseTo(b.y[j]!, 12);
  });

  it('fixes cared outputs to their targets and leaves don’t-care outputs at their own value', () => {
    for (let i = 0; i < I; i++) {
      for (let k = 0; k < 2; k++) {
        const n = net.firstOutput + k;
        const j = i * 2 + k;
        if (care[j]) expect(b.y[i * N + n]).toBe(targets[j]);
        else expect(b.y[i * N + n]).toBeCloseTo(r.y[i * N + n]!, 14);
      }
    }
  });

  it('makes every out-edge of a node carry the node’s value', () => {
    for (let i = 0; i < I; i++) {
      for (let e = 0; e < E; e++) expect(b.x[i * E + e]).toBe(b.y[i * N + net.edgeSend[e]!]);
    }
  });

  it('is the nearest point of B in the g-metric among random points of B', () => {
    const gdist = (p: { w: Float64Array; x: Float64Array; y: Float64Array }) => {
      let s = 0;
      for (let i = 0; i < I; i++) {
        for (let n = 0; n < N; n++) s += g[i * N + n]! * (p.y[i * N + n]! - r.y[i * N + n]!) ** 2;
        for (let e = 0; e < E; e++) {
          const gr = g[i * N + net.edgeRecv[e]!]!;
          s += gr * ((p.w[i * E + e]! - r.w[i * E + e]!) ** 2 + (p.x[i * E + e]! - r.x[i * E + e]!) ** 2);
        }
      }
      return s;
    };
    const d0 = gdist(b);
    for (let k = 0; k < 200; k++) {
      // perturb the concurred values and weights, then re-normalise: a point of B
      const wB = Float64Array.from(b.wB, (v) => v + 0.1 * rng.nextSigned());
      for (let n = net.firstBtf; n < N; n++) {
        let s = 0;
        for (let e = net.inStart[n]!; e < net.inStart[n + 1]!; e++) s += wB[e]! ** 2;
        for (let e = net.inStart[n]!; e < net.inStart[n + 1]!; e++) wB[e] = wB[e]! * Math.sqrt(net.inDegree[n]! / s);
      }
      const y = Float64Array.from(b.y);
      for (let i = 0; i < I; i++) {
        for (let n = 0; n < net.firstOutput; n++) y[i * N + n] = y[i * N + n]! + 0.1 * rng.nextSigned();
      }
      const x = new Float64Array(I * E);
      const w = new Float64Array(I * E);
      for (let i = 0; i < I; i++) {
        for (let e = 0; e < E; e++) {
          x[i * E + e] = y[i * N + net.edgeSend[e]!]!;
          w[i * E + e] = wB[e]!;
        }
      }
      expect(gdist({ w, x, y })).toBeGreaterThanOrEqual(d0 - 1e-9);
    }
  });
});
