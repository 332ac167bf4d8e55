// Minimal support by set cover over conflicting row pairs (src/gates/support.ts) must find exactly the
// support the plain search (rows grouped by pattern, subsets in lexicographic order) finds.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { determines, minimalSupport, PairCover } from '../../src/gates/support.js';

const words = (R: number) => Math.max(1, Math.ceil(R / 32));
function column(bits: boolean[]): Uint32Array {
  const c = new Uint32Array(words(bits.length));
  bits.forEach((b, i) => { if (b) c[i >>> 5] = c[i >>> 5]! | (1 << (i & 31)); });
  return c;
}

/** The reference (the search as extraction did it before the cover): by size while within the budget, the
 *  first subset in lexicographic order that determines the target; then greedy elimination from the end. */
function referenceSupport(cols: Uint32Array[], target: Uint32Array, care: Uint32Array, R: number): number[] {
  const n = cols.length;
  const det = (idx: number[]) => determines(idx.map((i) => ({ col: cols[i]! })), target, care, R);
  const rec = (k: number, start: number, acc: number[]): number[] | undefined => {
    if (acc.length === k) return det(acc) ? [...acc] : undefined;
    for (let i = start; i < n; i++) {
      const r = rec(k, i + 1, [...acc, i]);
      if (r) return r;
    }
    return undefined;
  };
  for (let k = 1; k < n; k++) { const r = rec(k, 0, []); if (r) return r; } // 7 columns: always within the budget
  let support = cols.map((_, i) => i);
  for (let c = n - 1; c >= 0; c--) {
    const without = support.filter((i) => i !== c);
    if (det(without)) support = without;
  }
  return support;
}

const instance = fc.integer({ min: 1, max: 100 }).chain((R) => fc.record({
  R: fc.constant(R),
  cols: fc.array(fc.array(fc.boolean(), { minLength: R, maxLength: R }), { minLength: 1, maxLength: 7 }),
  fnOf: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 0, maxLength: 3 }),
  care: fc.array(fc.boolean(), { minLength: R, maxLength: R }),
}));

describe('minimal support', () => {
  it('equals the pattern-grouping search on random nodes', () => {
    fc.assert(fc.property(instance, ({ R, cols, fnOf, care }) => {
      // The target is the parity of a few of the columns, so all columns together determine it.
      const bits = Array.from({ length: R }, (_, i) => fnOf.filter((v) => v < cols.length).reduce((p, v) => p !== cols[v]![i]!, false));
      const colArr = cols.map(column);
      const target = column(bits), careCol = column(care);
      const cands = colArr.map((col, i) => ({ col, i }));
      const got = minimalSupport(cands, target, careCol, R, () => false)!.map((c) => c.i);
      expect(got).toEqual(referenceSupport(colArr, target, careCol, R));
      const cover = PairCover.build(cands, target, careCol, R)!;
      expect(cover.covers(Int32Array.from(got), got.length)).toBe(true);
    }), { numRuns: 300, seed: 7 });
  });

  it('treats a target constant on the care rows as determined by anything', () => {
    const R = 40;
    const cols = [column(Array.from({ length: R }, (_, i) => i % 3 === 0)), column(Array.from({ length: R }, (_, i) => i % 2 === 0))];
    const target = column(Array.from({ length: R }, () => true));
    const care = column(Array.from({ length: R }, () => true));
    const cover = PairCover.build(cols.map((col) => ({ col })), target, care, R)!;
    expect(cover.covers(new Int32Array(0), 0)).toBe(true);
    expect(minimalSupport(cols.map((col) => ({ col })), target, care, R, () => false)).toHaveLength(1);
  });

  it('stops when told to', () => {
    // 40 pseudo-random columns and a target that is the parity of three of them: no subset of one or two
    // determines it, so the search passes 256 subsets and asks.
    const R = 64;
    let x = 12345;
    const rnd = () => { x = (x * 1103515245 + 12345) >>> 0; return (x >>> 16) & 1; };
    const bits = Array.from({ length: 40 }, () => Array.from({ length: R }, () => rnd() === 1));
    const cols = bits.map(column);
    const target = column(Array.from({ length: R }, (_, i) => bits[0]![i]! !== bits[1]![i]! !== bits[2]![i]!));
    const care = column(Array.from({ length: R }, () => true));
    expect(minimalSupport(cols.map((col) => ({ col })), target, care, R, () => true)).toBeUndefined();
  });
});
