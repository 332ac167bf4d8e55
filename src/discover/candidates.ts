// Candidate architectures and solver settings for `btfc discover` (stage: lower, ahead of solve): the
// width lower bound a function imposes, the starting candidates, and the narrower / wider variants the
// search (search.ts) spawns. Pure functions of the table and the candidate; no randomness, no clock.
//
// Lower bound: every output is a function of each hidden layer's values (the net is layered), so every
// hidden layer must take at least as many distinct value vectors as the function has distinct output
// vectors: width ≥ ceil(log2(#distinct output vectors)) for every hidden layer, the first and the last
// alike (rows with a don't-care output are left out, which keeps the bound valid).
//
// Settings per candidate (ALGORITHM.md §5, §7): β 0.2 for small problems (edges × items < SMALL_WORK),
// 0.1 for large ones (β .1 is what solved the 3×3 multiplier); γ = 10/iterations clamped to [1e-4, 1e-3]
// (the reference's 1e-3 at 10⁴ iterations and 1e-4 at 10⁵…5·10⁵); the iteration budget starts at
// 10⁴ (small) or 2·10⁴ (large) and doubles when a round fails with every restart run to its end.

import type { TruthTable } from '../table/truth-table.js';
import { layeredSize } from '../net/arch.js';

export interface CandidateSpec {
  hidden: number[];
  sigma: number;
  iterations: number;
  /** Why it exists, for the report: `start`, `hint`, `narrower of 6-12-6 σ3`, … */
  origin: string;
  /** Overrides of the derived β and γ (hints from measurements). */
  beta?: number;
  gamma?: number;
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

/**
 * The candidates a search starts from, cheapest first: 1, 2 and 3 hidden layers of width
 * b = max(lower bound, inputs, outputs) at σ 3; 1 and 2 layers at σ 5; and no hidden layer at σ 3 and at
 * σ = the largest odd number ≤ inputs (a single output node may then be a MAJ5, MAJ7, … which extraction
 * turns into MAJ3 gates). `hints` (measured settings for a known family) come first, in their order.
 */
export function initialCandidates(table: TruthTable, items: number, hints: CandidateSpec[] = []): CandidateSpec[] {
  const n = table.numInputs;
  const o = table.numOutputs;
  const b = Math.max(widthLowerBound(table), n, o);
  const gen: CandidateSpec[] = [];
  const add = (hidden: number[], sigma: number) => {
    const work = workPerIteration({ hidden }, table, items);
    gen.push({ hidden, sigma, iterations: hidden.length === 0 ? NO_HIDDEN_ITERATIONS : startIterations(work), origin: 'start' });
  };
  add([], 3);
  const wide = oddAtMost(n);
  if (wide >= 5) add([], wide);
  add([b], 3);
  add([b, b], 3);
  add([b], 5);
  add([b, b, b], 3);
  add([b, b], 5);
  gen.sort((x, y) => workPerIteration(x, table, items) * x.iterations - workPerIteration(y, table, items) * y.iterations);
  const out: CandidateSpec[] = [];
  const keys = new Set<string>();
  for (const c of [...hints, ...gen]) {
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
