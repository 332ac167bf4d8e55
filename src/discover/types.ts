// The types of `btfc discover` (search.ts drives it): its parameters and hooks, the circuits it finds
// (read back from one restart of a candidate net, or composed from a decomposition's blocks), the table of
// what was tried, and the result.

import type { BtfNet } from '../ir/btf-net.js';
import type { Spec } from '../ir/spec.js';
import type { Synthesis } from '../gates/synthesize.js';
import type { OutputPaths } from '../flow/finish.js';
import type { ProofResult } from '../verify/prove.js';
import type { FloorResult, FloorStrategy } from '../verify/floor.js';
import type { EngineKind } from '../rrr/engine-kind.js';
import type { WindowStats } from '../gates/windows.js';
import type { RestartReport } from '../rrr/solve.js';
import type { RoundGate } from './round-gate.js';

export interface DiscoverParams {
  seed: number;
  workers: number;
  /** The RRR engine (default: wasm where SIMD runs, rrr/engine-kind.ts); results do not depend on it. */
  engine?: EngineKind;
  /**
   * Wall-clock budget of the search; the polish (≤ POLISH_SHARE of it), the windows (≤ WINDOWS_MAX_MS) and the
   * final proof come after it.
   */
  timeoutMs: number;
  /** Stop after this many solutions in a row that did not improve the best. */
  patience: number;
  /** Prove the best circuit with Yosys and take its AIG figures from Yosys. */
  prove: boolean;
  /** Optimizer effort for the final circuits (default 1000; the search itself uses min(SEARCH_EFFORT, this)). */
  effort?: number;
  /** Verilog header lines (the search adds the winner's origin). */
  header?: string[];
  /** Run restarts in the calling thread (tests). */
  inline?: boolean;
  /** Get the floor (Yosys + ABC, verify/floor.ts) first; it competes with the search's circuits (default false). */
  floor?: boolean;
  /** Re-synthesise windows of the best circuit after the search (gates/windows.ts; default true). */
  windows?: boolean;
  /** Try a disjoint decomposition first (decompose.ts; default true). */
  decompose?: boolean;
  /**
   * Also solve output groups on their own supports and merge them (cones.ts): true always for a
   * multi-output table, false never; default: from CONES_MIN_INPUTS inputs.
   */
  cones?: boolean;
  /** Write the best circuit (and the JSON report) there, through flow/finish.ts; nothing is written without. */
  outputs?: Pick<OutputPaths, 'verilog' | 'svg' | 'json' | 'html' | 'stdout'>;
  /** For the HTML report (outputs.html): the spec's text. */
  source?: string;
}

export interface RoundReport {
  /** The decomposition block the round belongs to (`h`, `g`, `h.g`, …); absent for the whole function. */
  block?: string;
  round: number;
  candidate: number;
  architecture: string;
  sigma: number;
  beta: number;
  gamma: number;
  iterations: number;
  restarts: number;
  solved: number;
  bestAig?: number;
  bestDepth?: number;
  elapsedMs: number;
  /** The round's restarts as the solver reported them (with their curves, for the HTML report). */
  runs?: readonly RestartReport[];
}

export interface DiscoverHooks {
  signal?: AbortSignal;
  onRound?: (r: RoundReport) => void;
  /**
   * The gate every lane of one discover takes its rounds through (round-gate.ts): a sub-search (a block,
   * an output group) gets its parent's, so their rounds are weighed against each other; a discover
   * without one makes its own.
   */
  gate?: RoundGate;
  /** This search's lane, named as its rows' `block` (undefined: the whole function of the top discover). */
  lane?: string;
}

/** One row of the table of what was tried. */
export interface CandidateRow {
  candidate: number;
  architecture: string;
  sigma: number;
  beta: number;
  gamma: number;
  /** The iteration budget of its last round. */
  iterations: number;
  origin: string;
  rounds: number;
  restarts: number;
  solved: number;
  /** Median iterations of its solved restarts (null when none). */
  medianIterations: number | null;
  bestAig: number | null;
  bestDepth: number | null;
  timeMs: number;
  retired: boolean;
  /** Set for the rows of a decomposition's block searches: `h`, `g`, `h.g`, … (see decompose.ts). */
  block?: string;
}

/** A circuit read back from one solved restart of one candidate net. */
export interface NetCircuit {
  kind: 'net';
  candidate: number;
  architecture: string;
  sigma: number;
  round: number;
  restart: number;
  seed: number;
  iterations: number;
  synthesis: Synthesis;
  /** The restart's weights on `net` (kept to re-synthesise the best circuits at full effort). */
  net: BtfNet;
  weights: Float64Array;
}

/** A circuit composed from the best circuits of a decomposition's blocks, f = g(h(x[bound]), x[free]). */
export interface ComposedCircuit {
  kind: 'composed';
  /** `g(h(x[0], …), x[5], …)` with each block's own description. */
  architecture: string;
  /** Always 0: it is made before the whole function's own rounds (ranks it first among equal circuits). */
  round: number;
  bound: number[];
  free: number[];
  h: FoundCircuit;
  g: FoundCircuit;
  synthesis: Synthesis;
}

/** The floor's circuit (Yosys + ABC), ranked after any RRR circuit of the same size. */
export interface FloorFoundCircuit {
  kind: 'floor';
  strategy: FloorStrategy;
  /** `floor: abc &deepsyn`. */
  architecture: string;
  round: 0;
  synthesis: Synthesis;
}

/** The best circuit of the search (or the floor) made smaller by window re-synthesis (gates/windows.ts). */
export interface WindowsCircuit {
  kind: 'windows';
  base: FoundCircuit;
  /** Replacements kept. */
  replacements: number;
  /** `windows: 3 replacements (on rrr: 5-8-1 σ5)`. */
  architecture: string;
  round: 0;
  synthesis: Synthesis;
}

/** A group of outputs solved on its own support (cones.ts), with the best circuit its search found. */
export interface ConeGroup {
  outputs: number[];
  /** The function's inputs the group depends on (its circuit's inputs, in order). */
  support: number[];
  circuit?: FoundCircuit;
  /** For a group of empty support: the constant value of each of its outputs (no search is run). */
  constant?: (0 | 1)[];
}

/** A multi-output circuit merged from its output groups' circuits (cones.ts), the floor's for those RRR did not solve. */
export interface ConesCircuit {
  kind: 'cones';
  /** `O[0], O[1]: 4-4-2 σ3; CARRY: abc collapse`. */
  architecture: string;
  round: 0;
  groups: ConeGroup[];
  /** Outputs taken from the floor's circuit (ascending; empty when RRR solved every group). */
  fromFloor: number[];
  floorStrategy?: FloorStrategy;
  synthesis: Synthesis;
}

export type FoundCircuit = NetCircuit | ComposedCircuit | FloorFoundCircuit | WindowsCircuit | ConesCircuit;

export type ProvedCircuit = FoundCircuit & {
  verilog: string;
  proof?: ProofResult;
  aigNodes: number;
  depth: number;
};

export type StopReason = 'patience' | 'timeout' | 'exhausted' | 'aborted';

export interface DiscoverResult {
  circuits: FoundCircuit[];
  best?: ProvedCircuit;
  rows: CandidateRow[];
  rounds: number;
  stoppedBy: StopReason;
  /** Loud: circuits that passed simulation but that Yosys refuted (bugs). */
  proofFailures: string[];
  /** Until the end of the proof (the files are written right after). */
  timeMs: number;
  /** The rounds alone (the polish and the proof come after). */
  searchMs: number;
  /** Written, in order (none without `outputs`, or when interrupted). */
  files: string[];
  /** The floor, when asked for. */
  floor?: FloorResult;
  /** Window re-synthesis of the best circuit, when it ran. */
  windows?: WindowStats;
}

/** discover's own signature: a decomposition's blocks are searched by discover itself (blocks.ts). */
export type Discover = (spec: Spec, params: DiscoverParams, hooks?: DiscoverHooks) => Promise<DiscoverResult>;
