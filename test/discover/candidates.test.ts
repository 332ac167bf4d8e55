// Candidate generation for `btfc discover`: the width lower bound, the starting set, and the variants.
import { describe, expect, it } from 'vitest';
import { familySpec } from '../../src/discover/families.js';
import {
  candidateKey, distinctOutputs, initialCandidates, narrower, solverSettings, widthLowerBound, wider,
} from '../../src/discover/candidates.js';

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

  it('hints come first; duplicates of a hint are dropped', () => {
    const t = familySpec('mul', 2).table;
    const hint = { hidden: [4, 4], sigma: 3, iterations: 5000, origin: 'hint' };
    const cs = initialCandidates(t, 16, [hint]);
    expect(cs[0]).toEqual(hint);
    expect(cs.filter((c) => candidateKey(c) === '4,4/3')).toHaveLength(1);
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
