// Seeded pseudo-random numbers for the solver (stage: solve). All of RRR's randomness is its initial point
// (docs/ALGORITHM.md §5), drawn from the generator defined here, so the same seed gives a bit-identical run on
// any machine and in any worker thread.
//
// Generator: xoshiro128** 1.1 (Blackman & Vigna, 2018; prng.di.unimi.it), 32-bit state words, period
// 2^128 − 1. Its 128-bit state is filled from a 32-bit seed by SplitMix32 (a Weyl sequence with step
// 0x9e3779b9 passed through the MurmurHash3 32-bit finaliser `fmix32`). Both use only 32-bit integer
// arithmetic (Math.imul, >>>), which JavaScript computes exactly.
//
// Restart seeds: restart k, attempt a (a > 0 only after a NaN/Infinity forced a re-start) of a solve with
// base seed S is seeded with `restartSeed(S, k, a)`, a fmix32 hash of (S low 32 bits, S high bits, k, a).
// It depends on nothing else, so a restart's run does not depend on which worker runs it or on how many
// workers there are.

/** MurmurHash3's 32-bit finaliser: a bijection on uint32 with good avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The seed of restart `restart` (0-based), attempt `attempt`, of a solve with base seed `base`. */
export function restartSeed(base: number, restart: number, attempt = 0): number {
  const lo = Number(BigInt.asUintN(32, BigInt(Math.trunc(base))));
  const hi = Number(BigInt.asUintN(32, BigInt(Math.trunc(base)) >> 32n));
  let h = fmix32(lo ^ 0x243f6a88);
  h = fmix32((h ^ hi) + 0x9e3779b9);
  h = fmix32((h ^ restart) + 0x7f4a7c15);
  h = fmix32((h ^ attempt) + 0x1b873593);
  return h;
}

/** xoshiro128** seeded by SplitMix32. */
export class Xoshiro128ss {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    let z = seed >>> 0;
    const next = (): number => {
      z = (z + 0x9e3779b9) >>> 0;
      return fmix32(z);
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
  }

  /** A generator with a given raw state (for checking against published test vectors). */
  static fromState(s0: number, s1: number, s2: number, s3: number): Xoshiro128ss {
    const r = new Xoshiro128ss(0);
    r.s0 = s0 | 0;
    r.s1 = s1 | 0;
    r.s2 = s2 | 0;
    r.s3 = s3 | 0;
    return r;
  }

  /** The next uint32. */
  nextU32(): number {
    const s0 = this.s0, s1 = this.s1, s2 = this.s2, s3 = this.s3;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    this.s1 = s1 ^ n2;
    this.s0 = s0 ^ n3;
    this.s2 = n2 ^ t;
    this.s3 = rotl(n3, 11);
    return r >>> 0;
  }

  /** Uniform on [0, 1) with 32-bit resolution. */
  nextFloat(): number {
    return this.nextU32() * 2.3283064365386963e-10; // 2^-32
  }

  /** Uniform on [−1, 1). */
  nextSigned(): number {
    return this.nextU32() * 4.656612873077393e-10 - 1; // 2^-31
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
