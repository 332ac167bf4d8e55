// Disjoint-support decomposition for `btfc discover` (stage: lower, ahead of solve): when a function can be
// written f(X) = g(h(X_A), X_B) with one Boolean h of the bound set A and g of h and the free set B (the
// simple disjoint decomposition of Ashenhurst), the search solves h and g as two smaller BTF networks and
// composes their circuits (search.ts). Pure functions of the table; no randomness, no clock.
//
// Why: some functions are out of reach of one layered network at any σ we tried, yet fall apart into small
// ones. Parity of 8 inputs is the case that made this worth having: 8-8-1 σ 64, 8-8-2-1 σ 17, 8-16-2-1,
// 8-8-4-4-1 σ 13 and σ-3 nets of depth 2–6 all stall at 55–99.6 % of the 256 rows after 60k–300k
// iterations, while parity 4 and 5 solve in seconds (9 and 12 AIG nodes, both optimal), and
// parity 8 = parity5(x0…x4) ⊕ x5 ⊕ x6 ⊕ x7 = g(h(A), B). Multipliers, adders and majority have no simple
// disjoint decomposition, so their search is unchanged.
//
// Test (Ashenhurst–Curtis): list the function's columns, one per assignment a of A, each column being f over
// every assignment of B and every output. f decomposes over (A, B) iff there are exactly two distinct
// columns; h(a) says which (the column of a = 0 is h = 0). Only complete tables are decomposed: with
// don't-cares the column classes are a colouring problem, and a wrong guess would lose solutions.

import { popcount32, TruthTable } from '../ir/truth-table.js';

/** Functions with at most this many inputs are searched whole (measured: parity 4 and 5 solve in seconds). */
export const DIRECT_MAX_INPUTS = 5;
/** The bound sets of functions with more inputs are not enumerated (2^n subsets × 2^n rows each). */
export const DECOMPOSE_MAX_INPUTS = 12;

export interface Decomposition {
  /** The bound set A (h's inputs, in this order), ascending input indices. */
  bound: number[];
  /** The free set B (g's inputs 1…|B|; g's input 0 is h), ascending. */
  free: number[];
  /** h: |A| inputs, one output. */
  h: TruthTable;
  /** g: 1 + |B| inputs (h first, then B), the outputs of f. */
  g: TruthTable;
}

function bitsOf(mask: number, n: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < n; j++) if ((mask >>> j) & 1) out.push(j);
  return out;
}

/** Row of f for bound assignment a and free assignment b. */
function rowOf(bound: readonly number[], free: readonly number[], a: number, b: number): number {
  let m = 0;
  for (let j = 0; j < bound.length; j++) if ((a >>> j) & 1) m |= 1 << bound[j]!;
  for (let j = 0; j < free.length; j++) if ((b >>> j) & 1) m |= 1 << free[j]!;
  return m;
}

/**
 * h's truth vector (one 0/1 per bound assignment) when f decomposes over (bound, free), else undefined.
 * Exactly two distinct columns are required: one column means f does not depend on the bound set at all.
 */
function columnClasses(table: TruthTable, bound: readonly number[], free: readonly number[]): Uint8Array | undefined {
  const nA = 2 ** bound.length;
  const nB = 2 ** free.length;
  const o = table.numOutputs;
  const h = new Uint8Array(nA);
  let second = -1;
  const sameColumn = (a1: number, a2: number) => {
    for (let b = 0; b < nB; b++) {
      const m1 = rowOf(bound, free, a1, b);
      const m2 = rowOf(bound, free, a2, b);
      for (let k = 0; k < o; k++) if (table.value(k, m1) !== table.value(k, m2)) return false;
    }
    return true;
  };
  for (let a = 1; a < nA; a++) {
    if (sameColumn(0, a)) continue;
    if (second === -1) second = a;
    else if (!sameColumn(second, a)) return undefined;
    h[a] = 1;
  }
  return second === -1 ? undefined : h;
}

/**
 * A simple disjoint decomposition of a complete table with more than DIRECT_MAX_INPUTS (and at most
 * DECOMPOSE_MAX_INPUTS) inputs, or undefined. Among all bound sets of 2 … n−1 inputs that work, the one
 * with the smallest larger block (max(|A|, |B| + 1): two halves are easier than a big and a tiny block),
 * then the larger bound set, then the lowest input indices.
 */
export function findDecomposition(table: TruthTable): Decomposition | undefined {
  const n = table.numInputs;
  if (n <= DIRECT_MAX_INPUTS || n > DECOMPOSE_MAX_INPUTS || !table.isComplete()) return undefined;
  const masks: number[] = [];
  for (let mask = 1; mask < 2 ** n - 1; mask++) if (popcount32(mask) >= 2) masks.push(mask);
  const blockCost = (mask: number) => {
    const a = popcount32(mask);
    return Math.max(a, n - a + 1) * 64 - a;
  };
  masks.sort((x, y) => blockCost(x) - blockCost(y) || x - y);
  for (const mask of masks) {
    const bound = bitsOf(mask, n);
    const free = bitsOf(~mask & (2 ** n - 1), n);
    const hv = columnClasses(table, bound, free);
    if (hv === undefined) continue;
    const h = new TruthTable(bound.length, 1);
    for (let a = 0; a < hv.length; a++) h.set(0, a, hv[a]! as 0 | 1);
    // g(hv, b) = f(a, b) for any a with h(a) = hv: a = 0 for hv = 0, the first a with h(a) = 1 otherwise.
    const a1 = hv.indexOf(1);
    const g = new TruthTable(1 + free.length, table.numOutputs);
    for (let b = 0; b < 2 ** free.length; b++) {
      for (const [hBit, a] of [[0, 0], [1, a1]] as const) {
        const m = rowOf(bound, free, a, b);
        for (let k = 0; k < table.numOutputs; k++) g.set(k, hBit | (b << 1), table.value(k, m));
      }
    }
    return { bound, free, h, g };
  }
  return undefined;
}
