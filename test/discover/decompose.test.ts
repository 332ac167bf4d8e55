// Disjoint decomposition (discover/decompose.ts): found exactly where the column test says so, and h and g
// recompose to the original table on every row; the functions of the benchmark files that have none.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { familySpec } from '../../src/discover/families.js';
import { DIRECT_MAX_INPUTS, findDecomposition, type Decomposition } from '../../src/discover/decompose.js';
import { TruthTable } from '../../src/ir/truth-table.js';
import { readTruth } from '../../src/formats/truth.js';
import { readFixture } from '../fixtures.js';

/** f(m) recomputed as g(h(m[bound]), m[free]) for every row and output. */
function recomposes(t: TruthTable, d: Decomposition): boolean {
  for (let m = 0; m < t.numRows; m++) {
    let a = 0;
    d.bound.forEach((j, i) => { a |= ((m >>> j) & 1) << i; });
    let b = d.h.value(0, a);
    d.free.forEach((j, i) => { b |= ((m >>> j) & 1) << (i + 1); });
    for (let k = 0; k < t.numOutputs; k++) if (d.g.value(k, b) !== t.value(k, m)) return false;
  }
  return true;
}

describe('findDecomposition', () => {
  it('splits parity 8 into parity 5 of x0…x4 and g of (h, x5, x6, x7), which recompose to it', () => {
    const t = familySpec('parity', 8).table;
    const d = findDecomposition(t)!;
    expect(d.bound).toEqual([0, 1, 2, 3, 4]);
    expect(d.free).toEqual([5, 6, 7]);
    expect(d.g.numInputs).toBe(4);
    for (let a = 0; a < 32; a++) {
      let p = 0;
      for (let x = a; x; x &= x - 1) p ^= 1;
      expect(d.h.value(0, a)).toBe(p);
    }
    expect(recomposes(t, d)).toBe(true);
  });

  it('finds none for the multipliers, adders, majority and the full adder of the benchmark files', () => {
    for (const f of ['mul3x3', 'maj7', 'maj9', 'mul4x4']) {
      const text = readFixture(`small_arith/${f}.truth`);
      expect(findDecomposition(readTruth(text, `${f}.truth`).table), f).toBeUndefined();
    }
    expect(findDecomposition(familySpec('add', 4).table)).toBeUndefined();
    // Small functions are searched whole.
    expect(findDecomposition(familySpec('parity', DIRECT_MAX_INPUTS).table)).toBeUndefined();
  });

  it('leaves tables with don\'t-cares alone', () => {
    const t = familySpec('parity', 6).table;
    expect(findDecomposition(t)).toBeDefined();
    t.set(0, 5, '-');
    expect(findDecomposition(t)).toBeUndefined();
  });

  it('on random compositions g(h(A), B) of 6–7 inputs: finds a decomposition that recomposes to f', () => {
    fc.assert(fc.property(fc.integer({ min: 6, max: 7 }), fc.integer({ min: 2, max: 4 }), fc.integer(), (n, na, seed) => {
      let s = seed >>> 0;
      const rnd = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s >>> 16; };
      const hv = Array.from({ length: 2 ** na }, () => rnd() & 1);
      const gv = Array.from({ length: 2 ** (n - na + 1) }, () => rnd() & 1);
      const t = new TruthTable(n, 1);
      for (let m = 0; m < 2 ** n; m++) t.set(0, m, gv[hv[m & (2 ** na - 1)]! | ((m >>> na) << 1)]! as 0 | 1);
      const d = findDecomposition(t);
      // The split it was built from qualifies whenever h is not constant and g depends on h.
      const hVaries = hv.some((v) => v !== hv[0]);
      const gUsesH = gv.some((v, i) => (i & 1) === 0 && v !== gv[i + 1]);
      if (hVaries && gUsesH) expect(d).toBeDefined();
      if (d) expect(recomposes(t, d)).toBe(true);
      if (d) expect(d.bound.length + d.free.length).toBe(n);
    }), { numRuns: 40 });
  });
});
