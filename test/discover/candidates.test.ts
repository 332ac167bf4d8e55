// Candidate generation for `btfc discover`: the width lower bound, the starting set, and the variants.
import { describe, expect, it } from 'vitest';
import { familySpec } from '../../src/discover/families.js';
import {
  WIDE_WORK, candidateKey, distinctOutputs, initialCandidates, isSymmetric, narrower, popcountLayer, solverSettings, wideStart, widthLowerBound, wider,
  workPerIteration,
} from '../../src/discover/candidates.js';
import { readFileSync } from 'node:fs';
import { compileSpec } from '../../src/lang/compile.js';

describe('discover candidates', () => {
  it('the width lower bound is ceil(log2(distinct output vectors))', () => {
    // 2×2 products {0,1,2,3,4,6,9}: 7 vectors, 3 bits; 3×3: 26 distinct products, 5 bits.
    expect(distinctOutputs(familySpec('mul', 2).table)).toBe(7);
    expect(widthLowerBound(familySpec('mul', 2).table)).toBe(3);
    expect(distinctOutputs(familySpec('mul', 3).table)).toBe(26);
    expect(widthLowerBound(familySpec('mul', 3).table)).toBe(5);
    // One output: one bit; a 4-bit adder has 31 sums: 5 bits.
    expect(widthLowerBound(familySpec('maj', 5).table)).toBe(1);
    expect(widthLowerBound(familySpec('add', 4).table)).toBe(5);
  });

  it('every starting candidate respects the bound, and no hidden layer is tried at σ 3 and σ = largest odd ≤ inputs', () => {
    const t = familySpec('maj', 7).table;
    const cs = initialCandidates(t, t.toItems().count);
    for (const c of cs) for (const w of c.hidden) expect(w).toBeGreaterThanOrEqual(widthLowerBound(t));
    expect(cs.some((c) => c.hidden.length === 0 && c.sigma === 7)).toBe(true);
    expect(cs.some((c) => c.hidden.length === 0 && c.sigma === 3)).toBe(true);
    expect(new Set(cs.map(candidateKey)).size).toBe(cs.length);
    const m = familySpec('mul', 2).table;
    const mc = initialCandidates(m, 16);
    expect(mc.some((c) => c.hidden.join(',') === '4,4' && c.sigma === 3)).toBe(true);
    expect(mc.every((c) => c.hidden.length <= 3)).toBe(true);
  });

  it('problems of 64+ rows start wide: two layers of the widest of 4n, 3n, 2n within the work cap', () => {
    // 3×3 multiplier: 6-24-24-6 (4n) costs 918 edges × 64 rows ≤ WIDE_WORK.
    const m3 = familySpec('mul', 3).table;
    const c3 = initialCandidates(m3, 64);
    // Right after the (nearly free) nets without a hidden layer.
    expect(c3.map(candidateKey).slice(0, 3)).toEqual(['/3', '/5', '24,24/3']);
    expect(c3[2]).toMatchObject({ hidden: [24, 24], sigma: 3, beta: 0.2, origin: 'wide start (4n)' });
    // 4-bit adder, 256 rows: 4n and 3n cost too much per iteration, so 8-16-16-5 (2n).
    const a4 = familySpec('add', 4).table;
    expect(wideStart(a4, 256)).toMatchObject({ hidden: [16, 16], origin: 'wide start (2n)' });
    for (const [t, items] of [[m3, 64], [a4, 256]] as const) {
      const w = wideStart(t, items)!;
      expect(workPerIteration(w, t, items) <= WIDE_WORK || w.origin === 'wide start (2n)').toBe(true);
    }
    // A spec file gets the same rule as a family: it depends on the table alone.
    const file = compileSpec(readFileSync('examples/mul3.spec', 'utf8'), 'examples/mul3.spec').table;
    expect(wideStart(file, file.toItems().count)).toEqual(wideStart(m3, 64));
  });

  it('with a wide start the narrow generic nets wait in reserve; nets without a hidden layer never do', () => {
    const t = familySpec('mul', 3).table;
    const cs = initialCandidates(t, 64);
    expect(cs.filter((c) => !c.reserve).map(candidateKey)).toEqual(['/3', '/5', '24,24/3']);
    expect(cs.filter((c) => c.reserve).every((c) => c.hidden.length > 0 && c.origin === 'start')).toBe(true);
    // maj 7 keeps its single MAJ7 node active.
    const m7 = familySpec('maj', 7).table;
    expect(initialCandidates(m7, 128).filter((c) => !c.reserve).map(candidateKey)).toContain('/7');
    // Below 64 rows there is no wide start and nothing is held back.
    const m2 = familySpec('mul', 2).table;
    expect(wideStart(m2, 16)).toBeUndefined();
    expect(initialCandidates(m2, 16).some((c) => c.reserve)).toBe(false);
  });

  it('a symmetric function of n ≥ 4 inputs gets one popcount layer of n nodes at σ = n + (n−1)²', () => {
    const p8 = familySpec('parity', 8).table;
    expect(isSymmetric(p8)).toBe(true);
    expect(popcountLayer(p8, 256)).toMatchObject({ hidden: [8], sigma: 57 });
    expect(initialCandidates(p8, 256).map(candidateKey).slice(0, 4)).toEqual(['/3', '/7', '8/57', '16,16/3']);
    expect(popcountLayer(familySpec('maj', 5).table, 32)).toMatchObject({ hidden: [5], sigma: 21 });
    expect(isSymmetric(familySpec('mul', 2).table)).toBe(false);
    expect(popcountLayer(familySpec('mul', 3).table, 64)).toBeUndefined();
    expect(popcountLayer(familySpec('parity', 3).table, 8)).toBeUndefined();
  });

  it('narrower never goes below the bound; wider grows by half', () => {
    const c = { hidden: [12, 12, 12], sigma: 3, iterations: 1e5, origin: 'start' };
    expect(narrower(c, 5, 'x')!.hidden).toEqual([10, 10, 10]);
    expect(narrower({ ...c, hidden: [3, 4] }, 3, 'x')!.hidden).toEqual([3, 3]);
    expect(narrower({ ...c, hidden: [3, 3] }, 3, 'x')).toBeUndefined();
    expect(wider(c, 6, 'x')!.hidden).toEqual([18, 18, 18]);
    expect(wider({ ...c, hidden: [], sigma: 7 }, 6, 'x')).toMatchObject({ hidden: [6], sigma: 3 });
  });

  it('β 0.2 for small problems and 0.1 for large; γ = 10/iterations within [1e-4, 1e-3]', () => {
    expect(solverSettings(960, 1e4)).toEqual({ beta: 0.2, gamma: 1e-3 });
    expect(solverSettings(30_000, 1e5)).toEqual({ beta: 0.1, gamma: 1e-4 });
    expect(solverSettings(30_000, 4e5).gamma).toBe(1e-4);
    expect(solverSettings(30_000, 2e4).gamma).toBeCloseTo(5e-4);
  });
});
