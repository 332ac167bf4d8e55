import { describe, expect, it } from 'vitest';
import { Xoshiro128ss, fmix32, restartSeed } from '../../src/rrr/prng.js';

describe('xoshiro128**', () => {
  it('matches the published generator on the state (1, 2, 3, 4)', () => {
    // The first outputs of the reference C code (prng.di.unimi.it/xoshiro128starstar.c) from s = {1, 2, 3, 4}.
    const r = Xoshiro128ss.fromState(1, 2, 3, 4);
    expect([r.nextU32(), r.nextU32(), r.nextU32(), r.nextU32()]).toEqual([11520, 0, 5927040, 70819200]);
  });

  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const a = new Xoshiro128ss(42);
    const b = new Xoshiro128ss(42);
    const c = new Xoshiro128ss(43);
    const sa = Array.from({ length: 8 }, () => a.nextU32());
    expect(Array.from({ length: 8 }, () => b.nextU32())).toEqual(sa);
    expect(Array.from({ length: 8 }, () => c.nextU32())).not.toEqual(sa);
  });

  it('draws signed uniforms in [−1, 1) with mean near 0', () => {
    const r = new Xoshiro128ss(7);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const v = r.nextSigned();
      if (!(v >= -1 && v < 1)) outside++;
      sum += v;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / 100_000)).toBeLessThan(0.01);
  });
});

describe('restart seeds', () => {
  it('depend only on (base, restart, attempt) and differ between restarts', () => {
    expect(restartSeed(1, 0)).toBe(restartSeed(1, 0, 0));
    const seeds = new Set<number>();
    for (let k = 0; k < 1000; k++) seeds.add(restartSeed(1, k));
    expect(seeds.size).toBe(1000);
    expect(restartSeed(1, 3, 1)).not.toBe(restartSeed(1, 3, 0));
    expect(restartSeed(2 ** 40 + 1, 0)).not.toBe(restartSeed(1, 0));
  });

  it('fmix32 is the MurmurHash3 finaliser', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(0x514e28b7);
  });
});
