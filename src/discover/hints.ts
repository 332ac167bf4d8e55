// Measured starting candidates for the built-in families (stage: lower, ahead of the search). A hint is
// only a head start: the search still tries the generic candidates and their narrower / wider variants
// after it. Each entry cites the short experiment that chose it (2 workers, fitStop; see search.ts).

import type { FamilyName } from './families.js';
import type { CandidateSpec } from './candidates.js';

/** Hints for family `family` with `numInputs` table inputs (empty when nothing was measured). */
export function familyHints(family: FamilyName, numInputs: number): CandidateSpec[] {
  if (family === 'mul' && numInputs === 6) {
    // 3×3 multiplier, restarts solved (fitStop) / tried, iterations of the solved ones (seeds 1, 2):
    //   6-12-12-12-6 β.1 γ1e-4: 1/2 (96k; the other ran 219k unsolved) — the reference's architecture
    //   6-16-16-6    β.1 γ1e-4: 2/2 (70k, 134k)
    //   6-24-24-6    β.1 γ1e-4: 4/6 (9k–12k), β.2 γ1e-4: 4/4 (7.5k–14.4k), β.1 γ1e-3: 4/4 (6.6k–47k)
    // so the wide two-layer net at β .2 solves ~10× sooner than the reference's 6-12-12-12-6; the
    // search's narrower variants then walk down toward 6-16-16-6, which gave the smallest circuits.
    return [{ hidden: [24, 24], sigma: 3, beta: 0.2, gamma: 1e-4, iterations: 30_000, origin: 'hint (measured)' }];
  }
  if (family === 'add' && numInputs === 8) {
    // 4-bit adder (8 inputs, 256 rows), 2 workers, 60 s each: 8-8-5 / 8-8-8-5 at σ 3 and 5, β .1 (the
    // generic start): 0/4 in 90 s; 8-16-16-5 β.2 γ1e-3: 1/2 (9,000 iterations, 25 AIG nodes = 1 half
    // adder + 3 full adders); 8-16-16-16-5: 0/1 (accuracy .975 after 11,700).
    return [{ hidden: [16, 16], sigma: 3, beta: 0.2, gamma: 1e-3, iterations: 20_000, origin: 'hint (measured)' }];
  }
  return [];
}
