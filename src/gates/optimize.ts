// Optimize: make an extracted, simplified netlist smaller in AIG terms (the size Yosys's aigmap counts),
// keeping it correct on the table's care set. Stage: extract → simplify → optimize → emit.
//
// The netlist is turned into an AIG (MAJ3 → 4 ANDs, OR → complemented AND, structurally hashed), improved
// by don't-care-based resubstitution with exact observability computed by simulation over every care row
// (optimize/resub.ts), then by seeded iterated local search: perturb the best circuit with random steps
// that keep its size, descend again, keep the best. The result goes back to AND/OR/MAJ3 gates
// (optimize/to-netlist.ts). Every step is re-simulated against the table; the returned netlist is checked
// exhaustively and is never worse than the input (cost: AIG nodes, then gates, then NOTs).

import type { TruthTable } from '../ir/truth-table.js';
import { aigEstimate, cloneNetlist, countGates, type Netlist } from '../ir/netlist.js';
import { careRows, checkAgainstTable, fitsCare, simulateCare } from './simulate.js';
import { aigAnds, aigFromNetlist, type Aig } from './optimize/aig.js';
import { resubSweep } from './optimize/resub.js';
import { aigToNetlist } from './optimize/to-netlist.js';
import { runSteps, type Steps } from '../util/interrupt.js';

export interface OptimizeParams {
  /** Perturb-and-descend rounds after the first descent (default 1000); 0 = plain descent only. */
  effort?: number;
  /** Seed of the perturbations (default 1): the same seed, netlist and table give the same result. */
  seed?: number;
  /**
   * Wall-clock budget in ms (default 1500); the best circuit found so far is returned when it runs out
   * (stats.steps.timedOut = 1: then the result may depend on the machine's speed).
   */
  timeLimitMs?: number;
}

export interface OptimizeStats {
  before: { aig: number; gates: number };
  after: { aig: number; gates: number };
  /**
   * Steps taken by kind (resub0, resub1, resub2, const; perturbation steps included), perturbation rounds,
   * improvements of the best circuit; timedOut, rejected, wrongInput, failedCheck when they happen.
   */
  steps: Record<string, number>;
  timeMs: number;
}

/** The cost the optimizer minimises, compared lexicographically. */
export function netlistCost(nl: Netlist): [number, number, number] {
  const g = countGates(nl);
  return [aigEstimate(nl).andNodes, g.and + g.or + g.maj, g.not];
}

const less = (x: readonly number[], y: readonly number[]): boolean => {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]!;
  return false;
};

/** Perturb-and-descend rounds per chain before the walk restarts (measured on the 3×3 multiplier). */
const CHAIN = 50;
/** Per node visited by a perturbation: probability of a step that keeps the size, and of one adding a node. */
const ZERO_GAIN = 0.3;
const UPHILL = 0.1;

/** A smaller netlist computing the same function on the table's care set (or a copy of the input). */
export function optimize(nl: Netlist, table: TruthTable, params: OptimizeParams = {}): { netlist: Netlist; stats: OptimizeStats } {
  return runSteps(optimizeSteps(nl, table, params));
}

/** optimize in steps (one per descent sweep and per round), so that a caller can be interrupted between them. */
export function* optimizeSteps(nl: Netlist, table: TruthTable, params: OptimizeParams = {}): Steps<{ netlist: Netlist; stats: OptimizeStats }> {
  const t0 = performance.now();
  const effort = params.effort ?? 1000;
  const deadline = t0 + (params.timeLimitMs ?? 1500);
  const rng = mulberry32(params.seed ?? 1);
  const steps: Record<string, number> = { resub0: 0, resub1: 0, resub2: 0, const: 0, rounds: 0, improvements: 0 };
  const inCost = netlistCost(nl);
  const stats = (out: Netlist): OptimizeStats => {
    const c = netlistCost(out);
    return {
      before: { aig: inCost[0], gates: inCost[1] },
      after: { aig: c[0], gates: c[1] },
      steps,
      timeMs: performance.now() - t0,
    };
  };
  const cr = careRows(table);
  const start = aigFromNetlist(nl);
  if (!fitsCare(cr, start.outputs, simulateCare(start, cr))) {
    // Not our job to repair a wrong input; hand it back untouched.
    steps.wrongInput = 1;
    const out = cloneNetlist(nl);
    return { netlist: out, stats: stats(out) };
  }

  const descend = function* (a: Aig): Steps<Aig> {
    for (;;) {
      yield;
      const before = aigAnds(a);
      a = resubSweep(a, cr, { maxLevel: 2, zeroGain: 0, deadline, maxDivisors: 400 }, steps);
      if (aigAnds(a) >= before || performance.now() > deadline) return a;
    }
  };

  let best = yield* descend(start);
  let bestNl = aigToNetlist(best, nl);
  let bestCost = netlistCost(bestNl);
  const first = best;
  let cur = best;
  for (let r = 0; r < effort && performance.now() < deadline; r++) {
    steps.rounds!++;
    // Chains of CHAIN rounds: each walks the plateaus from the first descent or from the best so far.
    if (r > 0 && r % CHAIN === 0) cur = rng() < 0.5 ? first : best;
    const kicked = resubSweep(cur, cr, { maxLevel: 2, zeroGain: ZERO_GAIN, uphill: UPHILL, rng, deadline, maxDivisors: 400 }, steps);
    const cand = yield* descend(kicked);
    // The walk moves on plateaus and downhill (an uphill kick that descent does not repair is undone).
    if (aigAnds(cand) > aigAnds(cur)) continue;
    cur = cand;
    const candNl = aigToNetlist(cand, nl);
    const c = netlistCost(candNl);
    if (less(c, bestCost)) { best = cand; bestNl = candNl; bestCost = c; steps.improvements!++; }
  }

  if (performance.now() > deadline) steps.timedOut = 1;
  let out = less(bestCost, inCost) ? bestNl : cloneNetlist(nl);
  if (!checkAgainstTable(out, table).ok) {
    steps.failedCheck = 1;
    out = cloneNetlist(nl);
  }
  return { netlist: out, stats: stats(out) };
}

/** Small seeded PRNG (mulberry32): uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
