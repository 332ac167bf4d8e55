// Don't-care-based resubstitution (after ABC's `resub`/`mfs`): node n is replaced by an existing literal
// (0-resub), an AND/OR of two (1-resub), or a chain of two gates over three (2-resub), built from divisors —
// nodes outside n's transitive fanout and outside its maximum fanout-free cone (MFFC) — wherever the
// replacement agrees with n on the care rows where n is observable. A step is taken when it removes more
// AND nodes (n's MFFC) than it adds; every step is re-simulated and checked against the table.
// Stage: optimize.

import { aigAnds, rebuild, type Aig } from './aig.js';
import { fitsCare, FanoutSim, simulateCare, type CareRows } from '../simulate.js';

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
export function resubSweep(start: Aig, cr: CareRows, opt: ResubOptions, steps: Record<string, number>): Aig {
  let a = start;
  let v = simulateCare(a, cr);
  const fan = new FanoutSim();
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
    const step = findStep(a, v, n, cr, fan, opt);
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
    const nv = simulateCare(next, cr);
    if (!fitsCare(cr, next.outputs, nv)) {
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

// Word tests on literal columns (literal i at lv[i·W .. (i+1)·W)); plain loops, as they run in the pair loops.

/** Literal i is 0 wherever Q is 1. */
function zeroOn(lv: Uint32Array, i: number, Q: Uint32Array, W: number): boolean {
  for (let w = 0; w < W; w++) if ((lv[i * W + w]! & Q[w]!) !== 0) return false;
  return true;
}

/** Literal i is 1 wherever P is 1. */
function covers(lv: Uint32Array, i: number, P: Uint32Array, W: number): boolean {
  for (let w = 0; w < W; w++) if ((P[w]! & ~lv[i * W + w]!) !== 0) return false;
  return true;
}

/** Literals i and j are never both 1 where Q is 1. */
function neverBothOn(lv: Uint32Array, i: number, j: number, Q: Uint32Array, W: number): boolean {
  for (let w = 0; w < W; w++) if ((lv[i * W + w]! & lv[j * W + w]! & Q[w]!) !== 0) return false;
  return true;
}

/** Literal i or literal j is 1 wherever P is 1. */
function coverTogether(lv: Uint32Array, i: number, j: number, P: Uint32Array, W: number): boolean {
  for (let w = 0; w < W; w++) if ((P[w]! & ~(lv[i * W + w]! | lv[j * W + w]!)) !== 0) return false;
  return true;
}

/**
 * Divisors of n as literal columns over the care rows: literal index 2k (+1) is divisor k (complemented),
 * `lv` holds their columns (W words each) and `litOf` turns an index into an Aig literal.
 */
interface DivisorLits { L: number; W: number; lv: Uint32Array; litOf: (i: number) => number }

function findStep(a: Aig, v: Uint32Array[], n: number, cr: CareRows, fan: FanoutSim, opt: ResubOptions): Step | undefined {
  const W = cr.W;
  const obs = new Uint32Array(W);
  fan.observability(a, v, n, cr, obs);
  const mffc = mffcOf(a, n);
  const size = mffc.size;
  const minGain = stepGain(opt);
  if (obs.every((x) => x === 0)) return { lit: 0, extra: [], kind: 'const', minGain };
  // The rows where n must stay 1 (on) resp. 0 (off): those where it is observable.
  const on = new Uint32Array(W);
  const off = new Uint32Array(W);
  const vn = v[n]!;
  for (let w = 0; w < W; w++) { on[w] = vn[w]! & obs[w]!; off[w] = ~vn[w]! & obs[w]!; }
  const d = divisorLits(a, v, n, fan.tfo, mffc, W, opt, minGain);
  const step = size >= minGain ? resub0(d, on, off) : undefined;
  if (step) return { ...step, minGain };
  if (opt.maxLevel < 1 || size - 1 < minGain) return undefined;
  // Targets: n = AND(...) (P = on, Q = off) or n = ~AND(...) (P = off, Q = on), each with the literals that
  // are 1 wherever the target is 1 (the 1- and 2-resub searches share them).
  const targets: Target[] = [{ P: on, Q: off, neg: 0, cover: covering(d, on) }, { P: off, Q: on, neg: 1, cover: covering(d, off) }];
  const step1 = resub1(d, targets);
  if (step1) return { ...step1, minGain };
  if (opt.maxLevel < 2 || size - 2 < minGain) return undefined;
  const step2 = resub2(d, targets);
  return step2 ? { ...step2, minGain } : undefined;
}

/** Take a step when size − added > 0, or ≥ 0 (or ≥ −1) when a perturbation is allowed this time. */
function stepGain(opt: ResubOptions): number {
  if (!opt.rng || !(opt.zeroGain > 0 || opt.uphill)) return 1;
  const r = opt.rng();
  return r < (opt.uphill ?? 0) ? -1 : r < (opt.uphill ?? 0) + opt.zeroGain ? 0 : 1;
}

/** Divisors (outside n's fanout and MFFC), nearest to n first (random order when perturbing), as literals. */
function divisorLits(a: Aig, v: Uint32Array[], n: number, tfo: Uint8Array, mffc: Set<number>, W: number,
  opt: ResubOptions, minGain: number): DivisorLits {
  const N = a.f0.length;
  const divs: number[] = [];
  for (let d = n - 1; d >= 0 && divs.length < opt.maxDivisors; d--) if (!tfo[d] && !mffc.has(d)) divs.push(d);
  for (let d = n + 1; d < N && divs.length < opt.maxDivisors; d++) if (!tfo[d] && !mffc.has(d)) divs.push(d);
  if (opt.rng && minGain <= 0) shuffle(divs, opt.rng);
  const L = 2 * divs.length;
  const lv = new Uint32Array(L * W);
  for (let k = 0; k < divs.length; k++) {
    const c = v[divs[k]!]!;
    for (let w = 0; w < W; w++) { lv[2 * k * W + w] = c[w]!; lv[(2 * k + 1) * W + w] = ~c[w]!; }
  }
  return { L, W, lv, litOf: (i: number) => 2 * divs[i >>> 1]! + (i & 1) };
}

type Found = Omit<Step, 'minGain'>;

/** 0-resub: n equals a divisor literal where observable. */
function resub0({ L, W, lv, litOf }: DivisorLits, on: Uint32Array, off: Uint32Array): Found | undefined {
  for (let i = 0; i < L; i++) {
    if (zeroOn(lv, i, off, W) && covers(lv, i, on, W)) return { lit: litOf(i), extra: [], kind: 'resub0' };
  }
  return undefined;
}

/** A target of the 1- and 2-resub searches: n (complemented when neg) is 1 on P and 0 on Q. */
interface Target { P: Uint32Array; Q: Uint32Array; neg: number; cover: number[] }

/** The literals that are 1 wherever P is. */
function covering({ L, W, lv }: DivisorLits, P: Uint32Array): number[] {
  const cover: number[] = [];
  for (let i = 0; i < L; i++) if (covers(lv, i, P, W)) cover.push(i);
  return cover;
}

/** 1-resub: n = (~)AND of two covering literals that are never both 1 on Q. */
function resub1({ W, lv, litOf }: DivisorLits, targets: readonly Target[]): Found | undefined {
  for (const { Q, neg, cover } of targets) {
    for (let x = 0; x < cover.length; x++) {
      const i = cover[x]!;
      for (let y = x + 1; y < cover.length; y++) {
        const j = cover[y]!;
        if (neverBothOn(lv, i, j, Q, W)) return { lit: NEW(0) ^ neg, extra: [[litOf(i), litOf(j)]], kind: 'resub1' };
      }
    }
  }
  return undefined;
}

/** 2-resub: n = (~)(l1 & g) with g an AND or OR of two more literals. */
function resub2(d: DivisorLits, targets: readonly Target[]): Found | undefined {
  const { W, lv } = d;
  const Q1 = new Uint32Array(W);
  for (const { P, Q, neg, cover } of targets) {
    for (const i of cover) {
      // n = l1 & g where g covers P and is 0 on Q1 = Q ∩ l1.
      for (let w = 0; w < W; w++) Q1[w] = Q[w]! & lv[i * W + w]!;
      const step = resub2And(d, cover, i, Q1, neg) ?? resub2Or(d, i, P, Q1, neg);
      if (step) return step;
    }
  }
  return undefined;
}

/** g = AND(l2, l3) with l2, l3 covering P and never both 1 on Q1. */
function resub2And({ W, lv, litOf }: DivisorLits, cover: readonly number[], i: number, Q1: Uint32Array, neg: number): Found | undefined {
  for (let x = 0; x < cover.length; x++) {
    const j = cover[x]!;
    if (j === i) continue;
    for (let y = x + 1; y < cover.length; y++) {
      const k = cover[y]!;
      if (k === i) continue;
      if (neverBothOn(lv, j, k, Q1, W)) {
        return { lit: NEW(1) ^ neg, extra: [[litOf(j), litOf(k)], [litOf(i), NEW(0)]], kind: 'resub2' };
      }
    }
  }
  return undefined;
}

/** g = OR(l2, l3) with l2, l3 zero on Q1 and l2 | l3 covering P. */
function resub2Or({ L, W, lv, litOf }: DivisorLits, i: number, P: Uint32Array, Q1: Uint32Array, neg: number): Found | undefined {
  const zero: number[] = [];
  for (let j = 0; j < L; j++) {
    if (j >>> 1 === i >>> 1) continue;
    if (zeroOn(lv, j, Q1, W)) zero.push(j);
  }
  for (let x = 0; x < zero.length; x++) {
    const j = zero[x]!;
    for (let y = x + 1; y < zero.length; y++) {
      const k = zero[y]!;
      if (coverTogether(lv, j, k, P, W)) {
        return { lit: NEW(1) ^ neg, extra: [[litOf(j) ^ 1, litOf(k) ^ 1], [litOf(i), NEW(0) ^ 1]], kind: 'resub2' };
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
