// From solved weights to a checked netlist: extract → simplify → (optimize) → exhaustive simulation.
// Stage: the extract/simplify half of the pipeline, shared by `btfc compile` and `btfc discover`.
// A netlist leaves this module only after it has matched the table on every care row.

import type { Spec } from '../ir/spec.js';
import type { BtfNet } from '../ir/btf-net.js';
import { InternalError } from '../util/internal-error.js';
import { extract, type ExtractStats } from './extract.js';
import { simplify, type SimplifyStats } from './simplify.js';
import { aigEstimate, countGates, type Netlist } from '../ir/netlist.js';
import { checkAgainstTable } from './simulate.js';
import { optimizeSteps, type OptimizeStats } from './optimize.js';
import { Interrupted, runSteps, runStepsInterruptible, type Steps } from '../util/interrupt.js';

/** The optimizer's safety net in ms when no deadline is nearer (its effort, not the clock, bounds it). */
const OPTIMIZE_MS = 60_000;

export interface SynthesisParams {
  /** Don't-care resubstitution and local search for a smaller circuit after simplification (default on). */
  optimize?: boolean;
  /** Rounds of optimize's local search (default 1000). The work, not the clock, bounds it, so the same
   * input gives the same circuit on any machine; the time limit below is only a safety net. */
  effort?: number;
  seed?: number;
  /**
   * When the read-back must be done (a performance.now() time: the command's --timeout): past it, wide
   * nodes take their threshold form without a search and the optimizer stops (the result then depends
   * on the machine's speed, as any timed-out run does).
   */
  deadline?: number;
  /** An interruption: extraction stops between nodes with Interrupted. */
  signal?: AbortSignal;
}

export interface SynthesisTimes { extract: number; simplify: number; optimize: number; simulate: number }

export interface Synthesis {
  netlist: Netlist;
  extract: ExtractStats;
  simplify: SimplifyStats;
  optimize?: OptimizeStats;
  /** AIG AND nodes and depth as Yosys's aigmap counts them (MAJ3 = 4 nodes). */
  aig: { andNodes: number; depth: number };
  times: SynthesisTimes;
}

/** Cost for choosing among circuits: AIG nodes, then depth, then inverters. */
export function circuitCost(s: Pick<Synthesis, 'netlist' | 'aig'>): number {
  return s.aig.andNodes * 1e6 + s.aig.depth * 1e3 + countGates(s.netlist).not;
}

/**
 * Read a gate netlist back from weights that reproduce the table (a solved restart, or one whose forward
 * pass fits every care row), simplify it and check it exhaustively. Throws InternalError if the result is
 * wrong — that would be a bug, never a property of the input.
 */
export function synthesize(spec: Spec, net: BtfNet, weights: Float64Array, params: SynthesisParams = {}): Synthesis {
  return runSteps(synthesizeSteps(spec, net, weights, params));
}

/**
 * synthesize, letting the event loop run between its steps (every ~50 ms) so that an interruption is seen
 * promptly: throws Interrupted when `params.signal` is aborted. The same steps, so the same circuit.
 */
export function synthesizeInterruptible(spec: Spec, net: BtfNet, weights: Float64Array, params: SynthesisParams = {}): Promise<Synthesis> {
  return runStepsInterruptible(synthesizeSteps(spec, net, weights, params), params.signal);
}

function* synthesizeSteps(spec: Spec, net: BtfNet, weights: Float64Array, params: SynthesisParams): Steps<Synthesis> {
  const times: SynthesisTimes = { extract: 0, simplify: 0, optimize: 0, simulate: 0 };
  let t = performance.now();
  let ex: ReturnType<typeof extract>;
  try {
    ex = extract(net, weights, spec.table, { name: spec.name, inputs: spec.inputs, outputs: spec.outputs }, {
      ...(params.deadline !== undefined ? { deadline: params.deadline } : {}), ...(params.signal ? { signal: params.signal } : {}),
    });
  } catch (err) {
    if (err instanceof Interrupted) throw err;
    throw new InternalError(`the gates of a solved network cannot be read back: ${(err as Error).message}`);
  }
  times.extract = performance.now() - t;
  yield;
  return yield* finishNetlistSteps(spec, ex.netlist, ex.stats, params, times);
}

/**
 * The second half of synthesize: simplify → optimize → exhaustive simulation of a netlist already built for
 * `spec` (extracted, or composed from the circuits of a decomposition). Throws InternalError if the result
 * is wrong.
 */
export function finishNetlist(
  spec: Spec, extracted: Netlist, extractStats: ExtractStats, params: SynthesisParams = {},
  times: SynthesisTimes = { extract: 0, simplify: 0, optimize: 0, simulate: 0 },
): Synthesis {
  return runSteps(finishNetlistSteps(spec, extracted, extractStats, params, times));
}

function* finishNetlistSteps(spec: Spec, extracted: Netlist, extractStats: ExtractStats, params: SynthesisParams, times: SynthesisTimes): Steps<Synthesis> {
  let t = performance.now();
  const si = simplify(extracted, spec.table);
  times.simplify = performance.now() - t;
  yield;
  let netlist = si.netlist;
  let opt: OptimizeStats | undefined;
  if (params.optimize ?? true) {
    t = performance.now();
    const left = params.deadline === undefined ? OPTIMIZE_MS : Math.max(0, Math.min(OPTIMIZE_MS, params.deadline - performance.now()));
    const o = yield* optimizeSteps(netlist, spec.table, { effort: params.effort ?? 1000, seed: params.seed ?? 1, timeLimitMs: left });
    netlist = o.netlist;
    opt = o.stats;
    times.optimize = performance.now() - t;
  }
  t = performance.now();
  const sim = checkAgainstTable(netlist, spec.table);
  times.simulate = performance.now() - t;
  if (!sim.ok) {
    throw new InternalError(`the extracted circuit fails simulation at row ${sim.row}, output ${sim.output} (expected ${sim.expected}, got ${sim.actual})`);
  }
  return { netlist, extract: extractStats, simplify: si.stats, ...(opt ? { optimize: opt } : {}), aig: aigEstimate(netlist), times };
}
