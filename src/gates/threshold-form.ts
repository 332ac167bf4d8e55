// The threshold form of a BTF node as gates, built without a search: extraction's fallback for a wide
// node whose small synthesis would cost too much (many senders, or the deadline is near). Stage: extract.
//
// A BTF node computes sgn(Σ w·x̃) with x̃ = ±1 (docs/ALGORITHM.md §1, §6). With senders complemented so
// that every weight is positive, that is Σ a_i·x_i ≥ T over 0/1 values. Real weights are scaled to small
// integers, coarsest scale first, and a scale is kept only when the integer sums separate the node's
// target on every care row it sees (the threshold T is then read off those sums, so ties and rounding
// cannot make it wrong). The sum is a carry-save tree of full adders (three MAJ3 each: carry =
// MAJ(a, b, c), sum = MAJ(¬carry, c, MAJ(a, b, ¬c))) and half adders, and the comparison with the
// constant T is a chain of AND/OR from the least significant bit. Its size grows with the number of
// senders times the bits of the weights, never exponentially; simplify and optimize shrink it later.

import { LIT_FALSE, LIT_TRUE, type Gate, type Lit } from '../ir/netlist.js';

/** One sender of the node: its literal (complemented where its weight was negative) and |weight|. */
export interface ThresholdTerm { lit: Lit; col: Uint32Array; weight: number }

/** Scales tried: the largest weight becomes 1, 2, 4, … up to 2^MAX_BITS. */
const MAX_BITS = 16;
/**
 * The last resort's scales (extract.ts, a node too wide to tabulate): sums of 2^40-scaled weights stay
 * exact in a double for any sender count a net has, and separate margins down to about 2^-40 of the weight.
 */
export const LAST_RESORT_BITS = 40;

const bitAt = (col: Uint32Array, i: number): number => (col[i >>> 5]! >>> (i & 31)) & 1;

/**
 * Integer weights and threshold that reproduce `target` on the cared rows (rows 0 … R−1), coarsest first;
 * undefined when no scale up to 2^MAX_BITS separates them.
 */
export function integerThreshold(terms: readonly ThresholdTerm[], target: Uint32Array, care: Uint32Array, R: number, maxBits = MAX_BITS):
  { weights: number[]; threshold: number } | undefined {
  const max = Math.max(0, ...terms.map((t) => t.weight));
  if (max === 0) return undefined;
  for (let bits = 0; bits <= maxBits; bits++) {
    const scale = 2 ** bits / max;
    const weights = terms.map((t) => Math.round(t.weight * scale));
    let lowestOne = Infinity;
    let highestZero = -Infinity;
    for (let i = 0; i < R; i++) {
      if (!bitAt(care, i)) continue;
      let s = 0;
      for (let k = 0; k < terms.length; k++) if (bitAt(terms[k]!.col, i)) s += weights[k]!;
      if (bitAt(target, i)) lowestOne = Math.min(lowestOne, s);
      else highestZero = Math.max(highestZero, s);
    }
    if (lowestOne > highestZero) return { weights, threshold: lowestOne === Infinity ? highestZero + 1 : lowestOne };
  }
  return undefined;
}

/** Gates with constant folding, so the trees below stay free of constant fanins. */
class Builder {
  gates = 0;
  constructor(private readonly addGate: (g: Gate) => Lit) {}
  private add(g: Gate): Lit { this.gates++; return this.addGate(g); }
  and(a: Lit, b: Lit): Lit {
    if (a === LIT_FALSE || b === LIT_FALSE) return LIT_FALSE;
    if (a === LIT_TRUE) return b;
    if (b === LIT_TRUE) return a;
    return this.add({ kind: 'and', ins: [a, b] });
  }
  or(a: Lit, b: Lit): Lit { return this.and(a ^ 1, b ^ 1) ^ 1; }
  maj(a: Lit, b: Lit, c: Lit): Lit { return this.add({ kind: 'maj', ins: [a, b, c] }); }
}

/** Σ weights[i]·lits[i] ≥ threshold as gates; returns its literal and the gates added. */
export function buildThreshold(lits: readonly Lit[], weights: readonly number[], threshold: number, add: (g: Gate) => Lit): { lit: Lit; gates: number } {
  const total = weights.reduce((s, w) => s + w, 0);
  if (threshold <= 0) return { lit: LIT_TRUE, gates: 0 };
  if (threshold > total) return { lit: LIT_FALSE, gates: 0 };
  const b = new Builder(add);
  const width = Math.ceil(Math.log2(total + 1)) + 1;
  const cols: Lit[][] = Array.from({ length: width + 1 }, () => []);
  lits.forEach((l, i) => { for (let j = 0; j < width; j++) if (Math.floor(weights[i]! / 2 ** j) % 2) cols[j]!.push(l); });
  const sum: Lit[] = [];
  for (let j = 0; j < width; j++) {
    const col = cols[j]!;
    while (col.length >= 3) {
      const [x, y, z] = [col.shift()!, col.shift()!, col.shift()!];
      const carry = b.maj(x, y, z);
      col.push(b.maj(carry ^ 1, z, b.maj(x, y, z ^ 1)));
      cols[j + 1]!.push(carry);
    }
    if (col.length === 2) {
      const [x, y] = [col[0]!, col[1]!];
      const carry = b.and(x, y);
      cols[j + 1]!.push(carry);
      sum.push(b.and(b.or(x, y), carry ^ 1));
    } else sum.push(col[0] ?? LIT_FALSE);
  }
  // sum ≥ threshold, from the least significant bit: where the bits agree the lower bits decide.
  let ge: Lit = LIT_TRUE;
  for (let j = 0; j < width; j++) ge = Math.floor(threshold / 2 ** j) % 2 ? b.and(sum[j]!, ge) : b.or(sum[j]!, ge);
  return { lit: ge, gates: b.gates };
}
