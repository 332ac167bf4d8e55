// The solver's public entry point (stage: solve): a BtfNet and the table's items in, one weight per edge
// out (docs/ALGORITHM.md §2–5), with per-restart statistics. Restarts run in worker threads (pool.ts) or inline.
//
// Meaning of the results:
// - A restart is *solved* when the gap of some iteration is below gapstop and a forward pass with that
//   iteration's concurred weights wB reproduces every cared target bit. (If the gap is below gapstop but
//   the forward pass disagrees, the restart keeps iterating; see restart.ts.)
// - By default the first restart to solve (in completion order) wins and the others are stopped at their
//   next poll. With `all`, every restart runs to its end. Each restart's run depends only on (seed, index):
//   the same seed gives bit-identical weights for a restart whichever worker runs it; with workers = 1 (or
//   inline) the whole result is reproducible, and with `all` it is for any number of workers.
// - `deterministicWinner` makes the default mode reproducible for any number of workers too: the winner
//   is the solved restart of lowest index; a solve stops the restarts above it, while lower-numbered ones
//   still running are allowed to finish (one of them may win instead).

import type { BtfNet } from '../ir/btf-net.js';
import type { TableItems } from '../ir/truth-table.js';
import { NUMBER_OPTIONS, checkRange } from '../ir/solve-options.js';
import { runRestarts } from './pool.js';
import { engineKind, type EngineKind } from './engine-kind.js';
import type { RestartCurve, RestartRun } from './restart.js';

export interface SolveParams {
  /** Support parameter σ > 0: margins δ = sqrt(m/σ) (the net's own margins are recomputed from it). */
  sigma: number;
  /** RRR step 0 < β ≤ 1. */
  beta: number;
  /** Metric relaxation rate γ ≥ 0. */
  gamma: number;
  /** itermax per restart. */
  iterations: number;
  /** Stop a restart as solved when its gap falls below this. */
  gapstop: number;
  restarts: number;
  /** Base seed; restart k uses restartSeed(seed, k) (prng.ts). */
  seed: number;
  /** Worker threads (at most `restarts` are started). */
  workers: number;
  /** Stop everything after this long and report the best restart so far. */
  timeoutMs?: number;
  /** Run every restart to its end instead of stopping at the first solution. */
  all: boolean;
  /** Run the restarts in the calling thread, one after the other (no worker threads; tests, tiny jobs). */
  inline?: boolean;
  /** Reproducible winner for any worker count (see the header); default false = first to finish wins. */
  deterministicWinner?: boolean;
  /**
   * Count a restart as solved as soon as its wB fits every care row at a poll (every 100 iterations), gap
   * or no gap (restart.ts). Default false: the reference's gapstop rule (`btfc bench` measures both).
   */
  fitStop?: boolean;
  /** The RRR engine: 'wasm' (WebAssembly SIMD, the default where supported) or 'js' (engine-kind.ts). */
  engine?: EngineKind;
}

export interface RestartReport {
  restart: number;
  /** The derived seed of this restart's (last) attempt. */
  seed: number;
  solved: boolean;
  iterations: number;
  /** Gap of the last iteration run. */
  gap: number;
  bestGap: number;
  /** Fraction of cared output bits the restart's returned weights get right. */
  trainAccuracy: number;
  timeMs: number;
  /** Gap and training accuracy over the iterations (restart.ts, RestartCurve). */
  curve: RestartCurve;
  /** True when it was stopped early (another restart won, a timeout, an abort). */
  stopped?: boolean;
  /** With fitStop: solved by fitting every care row while the gap was still above gapstop. */
  fitted?: boolean;
  /** Attempts used (> 1 after NaN/Infinity re-seeding). */
  attempts?: number;
  warning?: string;
}

export interface SolveStats {
  /** Every restart that ran (also the stopped ones), by restart index. */
  restarts: RestartReport[];
  timeMs: number;
  solvedCount: number;
  timedOut: boolean;
  aborted: boolean;
}

export interface SolveResult {
  net: BtfNet;
  solved: boolean;
  /**
   * The winner: the first solved restart to finish, or with deterministicWinner the solved one of lowest
   * index; when none solved, the restart of best training accuracy (ties: lower bestGap, then lower index).
   */
  best?: { restart: number; weights: Float64Array; trainAccuracy: number };
  /** with all: every solved restart's weights (without all: the solved ones that finished, usually one) */
  solutions: { restart: number; weights: Float64Array }[];
  stats: SolveStats;
}

export interface SolveHooks {
  signal?: AbortSignal;
  onProgress?: (p: { restart: number; iteration: number; gap: number; bestGap: number; solvedSoFar: number; restartsDone: number }) => void;
  onRestartDone?: (r: RestartReport) => void;
}

/** How often (ms) a running restart reports progress. */
const PROGRESS_MS = 100;

function report(run: RestartRun): RestartReport {
  return {
    restart: run.restart, seed: run.seed, solved: run.solved, iterations: run.iterations, gap: run.gap,
    bestGap: run.bestGap, trainAccuracy: run.trainAccuracy, timeMs: run.timeMs, curve: run.curve,
    ...(run.stopped ? { stopped: true } : {}),
    ...(run.fitted ? { fitted: true } : {}),
    ...(run.attempts > 1 ? { attempts: run.attempts } : {}),
    ...(run.warning !== undefined ? { warning: run.warning } : {}),
  };
}

/** Solve `net` for the table `items` by RRR restarts. Throws RangeError on inconsistent arguments. */
export async function solveNet(net: BtfNet, items: TableItems, params: SolveParams, hooks: SolveHooks = {}): Promise<SolveResult> {
  if (items.numInputs !== net.numInputs || items.numOutputs !== net.numOutputs) {
    throw new RangeError(`the table has ${items.numInputs} inputs and ${items.numOutputs} outputs, the net ${net.numInputs} and ${net.numOutputs}`);
  }
  // Every numeric option of the table that SolveParams carries under its own name (the timeout comes in ms).
  for (const o of NUMBER_OPTIONS) {
    const v = (params as unknown as Record<string, unknown>)[o.name];
    if (o.name in params && !(typeof v === 'number' && checkRange(o, v))) {
      throw new RangeError(`solveNet: ${o.name} = ${String(v)} is out of range (the CLI checks options with solveSetup)`);
    }
  }
  const t0 = performance.now();
  let solvedSoFar = 0;
  let restartsDone = 0;
  let winner: RestartRun | undefined;
  const outcome = await runRestarts(net, items, {
    sigma: params.sigma, beta: params.beta, gamma: params.gamma, iterations: params.iterations,
    gapstop: params.gapstop, seed: params.seed, ...(params.fitStop ? { fitStop: true } : {}),
    engine: engineKind(params.engine),
  }, {
    restarts: params.restarts,
    workers: params.workers,
    inline: params.inline ?? false,
    firstWins: !params.all,
    deterministicWinner: params.deterministicWinner ?? false,
    timeoutMs: params.timeoutMs,
    signal: hooks.signal,
    progressMs: PROGRESS_MS,
    onProgress: hooks.onProgress
      ? (restart, iteration, gap, bestGap) => hooks.onProgress!({ restart, iteration, gap, bestGap, solvedSoFar, restartsDone })
      : undefined,
    onDone: (run) => {
      restartsDone++;
      if (run.solved) {
        solvedSoFar++;
        if (winner === undefined) winner = run;
        else if (params.deterministicWinner && run.restart < winner.restart) winner = run;
      }
      hooks.onRestartDone?.(report(run));
    },
  });
  const runs = [...outcome.runs].sort((a, b) => a.restart - b.restart);
  const solutions = runs.filter((r) => r.solved).map((r) => ({ restart: r.restart, weights: r.weights }));
  let bestRun = winner;
  if (bestRun === undefined) {
    for (const r of runs) {
      if (bestRun === undefined || r.trainAccuracy > bestRun.trainAccuracy
        || (r.trainAccuracy === bestRun.trainAccuracy && r.bestGap < bestRun.bestGap)) bestRun = r;
    }
  }
  return {
    net,
    solved: winner !== undefined,
    best: bestRun ? { restart: bestRun.restart, weights: bestRun.weights, trainAccuracy: bestRun.trainAccuracy } : undefined,
    solutions,
    stats: {
      restarts: runs.map(report),
      timeMs: performance.now() - t0,
      solvedCount: solutions.length,
      timedOut: outcome.timedOut,
      aborted: outcome.aborted,
    },
  };
}
