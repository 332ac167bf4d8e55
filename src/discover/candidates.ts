// Candidate architectures and solver settings for `btfc discover` (stage: lower, ahead of solve): the
// width lower bound a function imposes, the starting candidates, and the narrower / wider variants the
// search (search.ts) spawns. Pure functions of the table and the candidate; no randomness, no clock.
//
// Lower bound: every output is a function of each hidden layer's values (the net is layered), so every
// hidden layer must take at least as many distinct value vectors as the function has distinct output
// vectors: width ≥ ceil(log2(#distinct output vectors)) for every hidden layer, the first and the last
// alike (rows with a don't-care output are left out, which keeps the bound valid).
//
// Settings per candidate (docs/ALGORITHM.md §5, §7): β 0.2 for small problems (edges × items < SMALL_WORK),
// 0.1 for large ones (β .1 is what solved the 3×3 multiplier); γ = 10/iterations clamped to [1e-4, 1e-3]
// (the reference's 1e-3 at 10⁴ iterations and 1e-4 at 10⁵…5·10⁵); the iteration budget starts at
// 10⁴ (small) or 2·10⁴ (large) and doubles when a round fails with every restart run to its end. The wide
// start (wideStart) carries its own measured settings (β .2, γ 5e-4), which its variants inherit.

import type { TruthTable } from '../ir/truth-table.js';
import { layeredSize } from '../ir/arch.js';

export interface CandidateSpec {
  hidden: number[];
  sigma: number;
  iterations: number;
  /** Why it exists, for the report: `start`, `wide start (4n)`, `narrower of 6-12-6 σ3`, … */
  origin: string;
  /** Overrides of the derived β and γ (measured settings, e.g. the wide start's). */
  beta?: number;
  gamma?: number;
  /** Held back by the search until every active candidate has failed twice in a row (initialCandidates). */
  reserve?: boolean;
}

/** edges × items below which a problem counts as small (β 0.2, 10⁴ iterations to start). */
export const SMALL_WORK = 10_000;
/** Iterations of a candidate with no hidden layer (one threshold node per output: solves at once or never). */
export const NO_HIDDEN_ITERATIONS = 2000;
/** The iteration budget never grows beyond this. */
export const MAX_ITERATIONS = 800_000;

/** Number of distinct output vectors over the rows whose outputs are all cared for. */
export function distinctOutputs(table: TruthTable): number {
  const seen = new Set<string>();
  for (let m = 0; m < table.numRows; m++) {
    let key = '';
    let full = true;
    for (let k = 0; k < table.numOutputs && full; k++) {
      if (!table.isCare(k, m)) full = false;
      else key += table.value(k, m);
    }
    if (full) seen.add(key);
  }
  return seen.size;
}

/** The least width any hidden layer can have (≥ 1). */
export function widthLowerBound(table: TruthTable): number {
  return Math.max(1, Math.ceil(Math.log2(Math.max(1, distinctOutputs(table)))));
}

export function widthsOf(c: Pick<CandidateSpec, 'hidden'>, numInputs: number, numOutputs: number): number[] {
  return [numInputs, ...c.hidden, numOutputs];
}

export function architectureName(c: Pick<CandidateSpec, 'hidden'>, numInputs: number, numOutputs: number): string {
  return widthsOf(c, numInputs, numOutputs).join('-');
}

/** A key that identifies a candidate's net (architecture and σ); the search never makes two of one key. */
export function candidateKey(c: Pick<CandidateSpec, 'hidden' | 'sigma'>): string {
  return `${c.hidden.join(',')}/${c.sigma}`;
}

/** edges × items of a candidate: the work of one iteration. */
export function workPerIteration(c: Pick<CandidateSpec, 'hidden'>, table: TruthTable, items: number): number {
  return layeredSize(widthsOf(c, table.numInputs, table.numOutputs)).numEdges * items;
}

/** β and γ for a candidate with `iterations` iterations and `work` = edges × items. */
export function solverSettings(work: number, iterations: number): { beta: number; gamma: number } {
  return {
    beta: work < SMALL_WORK ? 0.2 : 0.1,
    gamma: Math.min(1e-3, Math.max(1e-4, 10 / iterations)),
  };
}

/** The first iteration budget of a generated candidate. */
export function startIterations(work: number): number {
  return work < SMALL_WORK ? 10_000 : 20_000;
}

/** The largest odd integer ≤ n. */
const oddAtMost = (n: number) => (n % 2 === 1 ? n : n - 1);

/** Problems with at least this many care rows get a wide start (wideStart). */
export const WIDE_MIN_ITEMS = 64;
/** The widest start whose iteration costs at most this (edges × items) is taken: 6-24-24-6 on 64 rows. */
export const WIDE_WORK = 60_000;
/** Width multiples of the inputs a wide start tries, widest first. */
const WIDE_FACTORS = [4, 3, 2];

/**
 * The wide start: two hidden layers of width c·n (n = inputs, c the largest of 4, 3, 2 whose iteration
 * costs ≤ WIDE_WORK; 2 when none does) at σ 3, β .2, γ 5e-4, 20,000 iterations, for every problem with
 * at least WIDE_MIN_ITEMS care rows (undefined for smaller ones, whose narrow nets solve quickly).
 * Over-parameterised shallow nets solve much sooner than narrow deep ones; measured with 2 workers and
 * fitStop (restarts solved / tried, iterations of the solved ones):
 *   3×3 multiplier (6 inputs, 64 rows): 6-12-12-12-6 β.1 γ1e-4 (the reference's net): 1/2 (96k; the other
 *     ran 219k unsolved); 6-16-16-6 β.1 γ1e-4: 2/2 (70k, 134k); 6-24-24-6 (4n) β.1 γ1e-4: 4/6 (9k–12k),
 *     β.2 γ1e-4: 4/4 (7.5k–14.4k), β.1 γ1e-3: 4/4 (6.6k–47k); 6-32-32-6 also solves.
 *   4-bit adder (8 inputs, 256 rows): 8-8-5 / 8-8-8-5 at σ 3 and 5, β .1: 0/4 in 90 s; 8-16-16-5 (2n)
 *     β.2 γ1e-3: 1/2 (9,000 iterations, 25 AIG nodes); 8-16-16-16-5: 0/1. 4n (8-32-32-5) costs 6.5× as
 *     much per iteration, hence the work cap.
 * The narrower variants the search spawns after a success then walk the width down.
 */
export function wideStart(table: TruthTable, items: number): CandidateSpec | undefined {
  if (items < WIDE_MIN_ITEMS) return undefined;
  const n = table.numInputs;
  const lb = widthLowerBound(table);
  const fits = (w: number) => workPerIteration({ hidden: [w, w] }, table, items) <= WIDE_WORK;
  const c = WIDE_FACTORS.find((f) => fits(Math.max(lb, f * n))) ?? WIDE_FACTORS[WIDE_FACTORS.length - 1]!;
  const w = Math.max(lb, c * n);
  return { hidden: [w, w], sigma: 3, beta: 0.2, gamma: 5e-4, iterations: 20_000, origin: `wide start (${c}n)` };
}

/** True when every output depends on the inputs only through their popcount (on the cared rows). */
export function isSymmetric(table: TruthTable): boolean {
  const n = table.numInputs;
  for (let k = 0; k < table.numOutputs; k++) {
    const seen = new Int8Array(n + 1).fill(-1);
    for (let m = 0; m < table.numRows; m++) {
      if (!table.isCare(k, m)) continue;
      let pc = 0;
      for (let x = m; x; x &= x - 1) pc++;
      const v = table.value(k, m) ? 1 : 0;
      if (seen[pc] === -1) seen[pc] = v;
      else if (seen[pc] !== v) return false;
    }
  }
  return true;
}

/** Iterations of the popcount-layer candidate (small margins converge slowly). */
export const POPCOUNT_ITERATIONS = 100_000;

/**
 * For a symmetric function (isSymmetric) of n ≥ 4 inputs: one hidden layer of n nodes at
 * σ = n + (n−1)². Every symmetric function is a threshold of the popcount thresholds h_k = [popcount ≥ k],
 * k = 1…n (parity: alternating weights on h_k), and the extreme h_k (an n-input OR or AND, with the
 * bias) need n* = n + (n−1)² (docs/ALGORITHM.md §6), so that σ lets every node be any h_k; the nets of σ 3 and
 * 5 have to build the same function from 2- and 3-input gates, many layers deep. Measured on parity 8
 * (1 restart each, β .2, fitted rows of 256 at the end): 8-8-1 σ 9: 187–244 at 60k iterations; σ 25:
 * 251–253 (60k); σ 57 γ1e-3: 227–232 (60k); σ 64 γ1e-4: 252–255 at 150k (gap 0.006; in the run
 * inspected, two rows' hidden patterns collide with rows of the other parity, so neither read-back nor a
 * refit of the output node rescues it); σ 128–1024: 140–223; 8-16-1 σ 64 β .1: 240; 8-8-8-1 σ 17: 201;
 * 8-16-16-1, 8-8-8-8-1 at σ 3: below 195. Parity 8 is found by decomposition instead (decompose.ts); this
 * candidate solves parity 4 and 5 (its blocks) in its first round.
 */
export function popcountLayer(table: TruthTable, items: number): CandidateSpec | undefined {
  const n = table.numInputs;
  if (n < 4 || items < 2 ** n || !isSymmetric(table)) return undefined;
  return { hidden: [n], sigma: n + (n - 1) ** 2, beta: 0.2, gamma: 1e-4, iterations: POPCOUNT_ITERATIONS, origin: 'popcount layer' };
}

/**
 * The candidates a search starts from: no hidden layer at σ 3 and at σ = the largest odd number ≤ inputs (a single output node may then
 * be a MAJ5, MAJ7, … which extraction turns into MAJ3 gates); 1, 2 and 3 hidden layers of width
 * b = max(lower bound, inputs, outputs) at σ 3; 1 and 2 layers at σ 5. A symmetric function also gets the
 * popcount layer (popcountLayer), and a problem of 64+ rows the wide start (wideStart), both right after
 * the nets without a hidden layer; the rest follow cheapest first.
 *
 * `reserve` marks the candidates a search holds back while the others still succeed: with a wide start,
 * the narrow generic nets with hidden layers (measured on the 3×3 multiplier: otherwise 5 of the first 8
 * minutes went to hopeless 6-6-6-6-like nets; the wide start's narrower variants cover that ground when
 * they solve). The nets without a hidden layer cost almost nothing and are never held back.
 */
export function initialCandidates(table: TruthTable, items: number): CandidateSpec[] {
  const n = table.numInputs;
  const o = table.numOutputs;
  const b = Math.max(widthLowerBound(table), n, o);
  const wide = wideStart(table, items);
  const pop = popcountLayer(table, items);
  const gen: CandidateSpec[] = [];
  const add = (hidden: number[], sigma: number) => {
    const work = workPerIteration({ hidden }, table, items);
    gen.push({
      hidden, sigma, iterations: hidden.length === 0 ? NO_HIDDEN_ITERATIONS : startIterations(work), origin: 'start',
      ...(wide && hidden.length > 0 ? { reserve: true } : {}),
    });
  };
  add([], 3);
  const odd = oddAtMost(n);
  if (odd >= 5) add([], odd);
  add([b], 3);
  add([b, b], 3);
  add([b], 5);
  add([b, b, b], 3);
  add([b, b], 5);
  gen.sort((x, y) => workPerIteration(x, table, items) * x.iterations - workPerIteration(y, table, items) * y.iterations);
  const out: CandidateSpec[] = [];
  const keys = new Set<string>();
  const noHidden = gen.filter((c) => c.hidden.length === 0);
  const rest = gen.filter((c) => c.hidden.length > 0);
  for (const c of [...noHidden, ...(pop ? [pop] : []), ...(wide ? [wide] : []), ...rest]) {
    if (keys.has(candidateKey(c))) continue;
    keys.add(candidateKey(c));
    out.push(c);
  }
  return out;
}

/**
 * A narrower variant (tried after a success: smaller nets tend to give smaller circuits): every hidden
 * layer loses max(1, ⌊w/6⌋) nodes, never below the lower bound. Undefined when nothing can shrink.
 */
export function narrower(c: CandidateSpec, lowerBound: number, name: string): CandidateSpec | undefined {
  if (c.hidden.length === 0) return undefined;
  const hidden = c.hidden.map((w) => Math.max(lowerBound, w - Math.max(1, Math.floor(w / 6))));
  if (hidden.every((w, i) => w === c.hidden[i])) return undefined;
  return { hidden, sigma: c.sigma, iterations: c.iterations, origin: `narrower of ${name}`, ...(c.beta !== undefined ? { beta: c.beta } : {}), ...(c.gamma !== undefined ? { gamma: c.gamma } : {}) };
}

/**
 * A wider variant (spawned after repeated failure): every hidden layer ×1.5 (rounded up); with no hidden
 * layer, one hidden layer of `base` nodes. Undefined when the widths would pass `maxWidth`.
 */
export function wider(c: CandidateSpec, base: number, name: string, maxWidth = 64): CandidateSpec | undefined {
  const hidden = c.hidden.length === 0 ? [base] : c.hidden.map((w) => Math.ceil(w * 1.5));
  if (hidden.some((w) => w > maxWidth)) return undefined;
  return { hidden, sigma: c.sigma === 3 || c.sigma === 5 ? c.sigma : 3, iterations: c.iterations, origin: `wider than ${name}` };
}

/** The deepest net the search makes (hidden layers). */
export const MAX_DEPTH = 6;

/**
 * A deeper variant (spawned with the wider one after repeated failure of a net with 3 or more hidden
 * layers: ripple-carry adders and parity need more levels of 2- and 3-input gates): one more hidden layer
 * as wide as the last. Undefined at MAX_DEPTH or with fewer than 3 hidden layers.
 */
export function deeper(c: CandidateSpec, name: string): CandidateSpec | undefined {
  if (c.hidden.length < 3 || c.hidden.length >= MAX_DEPTH) return undefined;
  return { hidden: [...c.hidden, c.hidden[c.hidden.length - 1]!], sigma: c.sigma, iterations: c.iterations, origin: `deeper than ${name}` };
}
