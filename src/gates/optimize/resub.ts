// Don't-care-based resubstitution (after ABC's `resub`/`mfs`): node n is replaced by an existing literal
// (0-resub), an AND/OR of two (1-resub), or a chain of two gates over three (2-resub), built from divisors —
// nodes outside n's transitive fanout and outside its maximum fanout-free cone (MFFC) — wherever the
// replacement agrees with n on the care rows where n is observable. A step is taken when it removes more
// AND nodes (n's MFFC) than it adds; every step is re-simulated and checked against the table.
// Stage: optimize.

import { aigAnds, rebuild, type Aig } from './aig.js';
import type { CareSim } from './sim.js';

export interface ResubOptions {
  /** Highest resubstitution level tried: 0, 1 or 2. */
  maxLevel: number;
  /** Probability of taking a step that leaves the size unchanged (a perturbation); 0 in plain descent. */
  zeroGain: number;
  /** Probability of taking a step that adds one node (a stronger perturbation); 0 in plain descent. */
  uphill?: number;
  /** Random numbers in [0, 1): node and divisor order. Undefined: topological order. */
  rng?: () => number;
  /** performance.now() past which no new step is started. */
  deadline: number;
  /** Most divisors considered per node (those closest to n in topological order win). */
  maxDivisors: number;
}

export type ResubKind = 'resub0' | 'resub1' | 'resub2' | 'const';

/** A replacement for n: its literal, over divisors and the new gates `extra` (referred to as NEW(k)). */
interface Step { lit: number; extra: Array<[number, number]>; kind: ResubKind; minGain: number }

/**
 * One sweep over the nodes; returns the new Aig and the steps taken by kind. The input Aig must be correct
 * on the care set; so is the output.
 */
export function resubSweep(start: Aig, sim: CareSim, opt: ResubOptions, steps: Record<string, number>): Aig {
  let a = start;
  let v = sim.simulate(a);
  const order = (len: number): number[] => {
    const ids = Array.from({ length: len }, (_, i) => i);
    if (opt.rng) shuffle(ids, opt.rng);
    return ids;
  };
  const visits = order(aigAnds(a));
  for (const p of visits) {
    if (performance.now() > opt.deadline) break;
    const n = a.numInputs + 1 + p;
    if (n >= a.f0.length) continue;
    const step = findStep(a, v, n, sim, opt);
    if (!step) continue;
    // Append the new gates past the topological part and rebuild with n substituted.
    const f0 = [...a.f0];
    const f1 = [...a.f1];
    const base = f0.length;
    const remap = (l: number) => (l >= 2 * 1_000_000 ? 2 * (base + ((l >>> 1) - 1_000_000)) + (l & 1) : l);
    for (const [x, y] of step.extra) { f0.push(remap(x)); f1.push(remap(y)); }
    const next = rebuild({ numInputs: a.numInputs, f0, f1, outputs: a.outputs }, new Map([[n, remap(step.lit)]]));
    const before = aigAnds(a);
    const after = aigAnds(next);
    if (before - after < step.minGain) continue;
    const nv = sim.simulate(next);
    if (!sim.correct(next, nv)) {
      // Cannot happen when the observability reasoning is right; roll back and count it so tests notice.
      steps.rejected = (steps.rejected ?? 0) + 1;
      continue;
    }
    steps[step.kind] = (steps[step.kind] ?? 0) + 1;
    a = next;
    v = nv;
  }
  return a;
}

/** Literal of the k-th new gate of a step (resolved when the step is applied). */
const NEW = (k: number): number => 2 * (1_000_000 + k);

function findStep(a: Aig, v: Uint32Array, n: number, sim: CareSim, opt: ResubOptions): Step | undefined {
  const W = sim.W;
  const N = a.f0.length;
  const tfo = new Uint8Array(N);
  const obs = new Uint32Array(W);
  const flip = new Uint32Array(v.length);
  sim.observability(a, v, n, tfo, obs, flip);
  const mffc = mffcOf(a, n);
  const size = mffc.size;
  // Take a step when size − added > 0, or ≥ 0 when a perturbation is allowed this time.
  let minGain = 1;
  if (opt.rng && (opt.zeroGain > 0 || opt.uphill)) {
    const r = opt.rng();
    minGain = r < (opt.uphill ?? 0) ? -1 : r < (opt.uphill ?? 0) + opt.zeroGain ? 0 : 1;
  }
  let empty = true;
  for (let w = 0; w < W; w++) if (obs[w] !== 0) { empty = false; break; }
  if (empty) return { lit: 0, extra: [], kind: 'const', minGain };
  const on = new Uint32Array(W);
  const off = new Uint32Array(W);
  for (let w = 0; w < W; w++) { on[w] = v[n * W + w]! & obs[w]!; off[w] = ~v[n * W + w]! & obs[w]!; }

  // Divisors, nearest to n first (random order when perturbing).
  const divs: number[] = [];
  for (let d = n - 1; d >= 0 && divs.length < opt.maxDivisors; d--) if (!tfo[d] && !mffc.has(d)) divs.push(d);
  for (let d = n + 1; d < N && divs.length < opt.maxDivisors; d++) if (!tfo[d] && !mffc.has(d)) divs.push(d);
  if (opt.rng && minGain <= 0) shuffle(divs, opt.rng);
  // Literal columns: lit index 2k (+1) = divisor k (complemented).
  const L = 2 * divs.length;
  const lv = new Uint32Array(L * W);
  for (let k = 0; k < divs.length; k++) {
    const b = divs[k]! * W;
    for (let w = 0; w < W; w++) { lv[2 * k * W + w] = v[b + w]!; lv[(2 * k + 1) * W + w] = ~v[b + w]!; }
  }
  const litOf = (i: number) => 2 * divs[i >>> 1]! + (i & 1);

  // 0-resub: n equals a divisor literal where observable.
  if (size >= minGain) {
    for (let i = 0; i < L; i++) {
      let ok = true;
      for (let w = 0; w < W; w++) if (((lv[i * W + w]! & off[w]!) | (~lv[i * W + w]! & on[w]!)) !== 0) { ok = false; break; }
      if (ok) return { lit: litOf(i), extra: [], kind: 'resub0', minGain };
    }
  }
  if (opt.maxLevel < 1 || size - 1 < minGain) return undefined;

  // Targets: n = AND(...) (P = on, Q = off) or n = ~AND(...) (P = off, Q = on). For each, the literals
  // that are 1 wherever the target is 1 (the 1- and 2-resub searches below share them).
  const covers = [on, off].map((P) => {
    const cover: number[] = [];
    for (let i = 0; i < L; i++) {
      let ok = true;
      for (let w = 0; w < W; w++) if ((P[w]! & ~lv[i * W + w]!) !== 0) { ok = false; break; }
      if (ok) cover.push(i);
    }
    return cover;
  }) as [number[], number[]];
  const targets = [[on, off, 0, covers[0]], [off, on, 1, covers[1]]] as const;
  for (const [, Q, neg, cover] of targets) {
    for (let x = 0; x < cover.length; x++) {
      const i = cover[x]!;
      for (let y = x + 1; y < cover.length; y++) {
        const j = cover[y]!;
        let ok = true;
        for (let w = 0; w < W; w++) if ((lv[i * W + w]! & lv[j * W + w]! & Q[w]!) !== 0) { ok = false; break; }
        if (ok) return { lit: NEW(0) ^ neg, extra: [[litOf(i), litOf(j)]], kind: 'resub1', minGain };
      }
    }
  }
  if (opt.maxLevel < 2 || size - 2 < minGain) return undefined;

  const Q1 = new Uint32Array(W);
  for (const [P, Q, neg, cover] of targets) {
    for (const i of cover) {
      // n = l1 & g where g covers P and is 0 on Q1 = Q ∩ l1.
      for (let w = 0; w < W; w++) Q1[w] = Q[w]! & lv[i * W + w]!;
      // g = AND(l2, l3) with l2, l3 covering P.
      for (let x = 0; x < cover.length; x++) {
        const j = cover[x]!;
        if (j === i) continue;
        for (let y = x + 1; y < cover.length; y++) {
          const k = cover[y]!;
          if (k === i) continue;
          let ok = true;
          for (let w = 0; w < W; w++) if ((lv[j * W + w]! & lv[k * W + w]! & Q1[w]!) !== 0) { ok = false; break; }
          if (ok) return { lit: NEW(1) ^ neg, extra: [[litOf(j), litOf(k)], [litOf(i), NEW(0)]], kind: 'resub2', minGain };
        }
      }
      // g = OR(l2, l3) with l2, l3 zero on Q1 and l2 | l3 covering P.
      const zero: number[] = [];
      for (let j = 0; j < L; j++) {
        if (j >>> 1 === i >>> 1) continue;
        let ok = true;
        for (let w = 0; w < W; w++) if ((lv[j * W + w]! & Q1[w]!) !== 0) { ok = false; break; }
        if (ok) zero.push(j);
      }
      for (let x = 0; x < zero.length; x++) {
        const j = zero[x]!;
        for (let y = x + 1; y < zero.length; y++) {
          const k = zero[y]!;
          let ok = true;
          for (let w = 0; w < W; w++) if ((P[w]! & ~(lv[j * W + w]! | lv[k * W + w]!)) !== 0) { ok = false; break; }
          if (ok) return { lit: NEW(1) ^ neg, extra: [[litOf(j) ^ 1, litOf(k) ^ 1], [litOf(i), NEW(0) ^ 1]], kind: 'resub2', minGain };
        }
      }
    }
  }
  return undefined;
}

/** The maximum fanout-free cone of n: n and the AND nodes used only (transitively) by it. */
export function mffcOf(a: Aig, n: number): Set<number> {
  const refs = new Int32Array(a.f0.length);
  for (let i = a.numInputs + 1; i < a.f0.length; i++) { refs[a.f0[i]! >>> 1]!++; refs[a.f1[i]! >>> 1]!++; }
  for (const l of a.outputs) refs[l >>> 1]!++;
  const cone = new Set<number>([n]);
  const stack = [n];
  while (stack.length) {
    const m = stack.pop()!;
    for (const l of [a.f0[m]!, a.f1[m]!]) {
      const c = l >>> 1;
      if (c <= a.numInputs) continue;
      if (--refs[c]! === 0) { cone.add(c); stack.push(c); }
    }
  }
  return cone;
}

export function shuffle<T>(xs: T[], rng: () => number): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = xs[i]!; xs[i] = xs[j]!; xs[j] = t;
  }
}
