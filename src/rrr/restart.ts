// One restart of RRR: initialise from its seed, iterate to gapstop or itermax, read the network out.
// Stage: solve. Runs in a worker thread or inline; the caller supplies a `poll` it calls every
// POLL_EVERY iterations (to stop early and to report progress) — never per element.

import { Xoshiro128ss, restartSeed } from './prng.js';

/**
 * What a restart needs of an engine: the JavaScript one (engine.ts, the reference implementation) and the
 * WebAssembly SIMD one (wasm-engine.ts) both provide it and compute the same iterates.
 */
export interface RestartEngine {
  /** Edges (the length of wB). */
  readonly E: number;
  /** Cared output bits over all items. */
  readonly careBits: number;
  /** The concurred weights of the last iteration. */
  readonly wB: Float64Array;
  init(rng: Xoshiro128ss): void;
  iterate(beta: number, gamma: number): number;
  correctBits(weights: Float64Array): number;
}

/** Iterations between polls (stop flag, progress, training-accuracy check of the current wB). */
export const POLL_EVERY = 100;
/**
 * Milliseconds between stop checks at most, once an iteration is known to be slow: a net of 100,000
 * hidden nodes takes ~0.5 s an iteration, so POLL_EVERY iterations would overshoot a --timeout or a
 * Ctrl-C by a minute. The first iteration is timed (not every one: the hot loop stays as it is).
 */
export const STOP_CHECK_MS = 50;

/**
 * Most points a restart's curve keeps at the regular spacing: a curve is sampled every `curveEvery`
 * iterations, a multiple of POLL_EVERY chosen from itermax so that at most this many are kept (plus the
 * early points and the last one). Sampling only at polls reuses the forward pass the poll already does.
 */
export const MAX_CURVE_POINTS = 1000;
/**
 * Before the first poll, the curve also takes iterations 1, 2, 4, … < POLL_EVERY: plotted on a log scale
 * of iterations, the start of a restart is where its gap falls fastest. These few forward passes are the
 * curve's only extra work (they do not touch the best-weights bookkeeping, so results do not change).
 */
const EARLY_POINTS_BELOW = POLL_EVERY;

/** The regular spacing of a restart's curve for this itermax (a multiple of POLL_EVERY). */
export function curveEvery(itermax: number): number {
  return POLL_EVERY * Math.max(1, Math.ceil(itermax / (POLL_EVERY * MAX_CURVE_POINTS)));
}

/**
 * A restart's solver curve: at each sampled iteration, the gap of that iteration and the training accuracy
 * (fraction of cared output bits the thresholded forward pass of that iteration's wB gets right, the same
 * count as `trainAccuracy`). Plain arrays so it crosses postMessage and JSON as it is.
 */
export interface RestartCurve {
  /** The regular spacing (curveEvery(itermax)); earlier points are at powers of two. */
  every: number;
  iterations: number[];
  gap: number[];
  accuracy: number[];
}

/** How often a restart whose iterate became NaN/Infinity is re-seeded before it is given up. */
export const MAX_ATTEMPTS = 3;

export interface RunParams {
  beta: number;
  gamma: number;
  iterations: number;
  gapstop: number;
  seed: number;
  /**
   * Also count a restart as solved at the first poll (every POLL_EVERY iterations) where the forward pass
   * of its wB reproduces every cared target bit, even though the gap is still above gapstop. Default off
   * (the reference's rule, and `btfc solve`'s). Extraction checks every node on the patterns it really
   * sees, so such weights give circuits exactly as trustworthy: `btfc compile` turns it on unless
   * --no-fit-stop, and `btfc discover` always runs with it (figures in discover/candidates.ts, wideStart).
   */
  fitStop?: boolean;
}

export interface RestartRun {
  restart: number;
  /** The derived seed the successful (last) attempt used. */
  seed: number;
  attempts: number;
  solved: boolean;
  /** True when the poll asked it to stop before gapstop or itermax. */
  stopped: boolean;
  /** With fitStop: solved because its wB fit every care row at a poll, with the gap still above gapstop. */
  fitted?: boolean;
  /** Iterations run (for a solved restart: the iteration that solved it). */
  iterations: number;
  /** Gap of the last iteration run. */
  gap: number;
  bestGap: number;
  /** Fraction of cared output bits the returned weights get right. */
  trainAccuracy: number;
  /** The solving wB, or else the best-training-accuracy wB seen (ties: lower gap). */
  weights: Float64Array;
  /** Gap and training accuracy every `curve.every` iterations (of the last attempt). */
  curve: RestartCurve;
  timeMs: number;
  warning?: string;
}

/**
 * Called every POLL_EVERY iterations, and more often when iterations are slow (STOP_CHECK_MS); return
 * true to stop this restart now.
 */
export type Poll = (restart: number, iteration: number, gap: number, bestGap: number) => boolean;

/**
 * Run restart `restart` on `engine`. A NaN/Infinity gap re-seeds it (attempt 1, 2, …, seeds
 * restartSeed(seed, restart, attempt)) up to MAX_ATTEMPTS times, with a warning.
 *
 * Solved means: the gap of some iteration is below gapstop AND a forward pass with that iteration's wB
 * reproduces every cared target bit. When the gap is below gapstop but the forward pass disagrees (rare:
 * the gap is a mean), the restart keeps iterating toward itermax and checks again at every later
 * iteration whose gap is below gapstop.
 */
export function runRestart(engine: RestartEngine, params: RunParams, restart: number, poll: Poll): RestartRun {
  const t0 = performance.now();
  const warnings: string[] = [];
  for (let attempt = 0; ; attempt++) {
    const seed = restartSeed(params.seed, restart, attempt);
    const run = runAttempt(engine, params, restart, seed, poll);
    if (run !== undefined) {
      return {
        ...run, restart, seed, attempts: attempt + 1, timeMs: performance.now() - t0,
        ...(warnings.length ? { warning: warnings.join('; ') } : {}),
      };
    }
    warnings.push(`restart ${restart}: the iterate became NaN/Infinity (seed ${seed}); re-seeded`);
    if (attempt + 1 >= MAX_ATTEMPTS) {
      warnings.push(`gave up after ${MAX_ATTEMPTS} attempts`);
      return {
        restart, seed, attempts: attempt + 1, solved: false, stopped: false, iterations: 0, gap: NaN,
        bestGap: NaN, trainAccuracy: 0, weights: new Float64Array(engine.E),
        curve: { every: curveEvery(params.iterations), iterations: [], gap: [], accuracy: [] }, timeMs: performance.now() - t0,
        warning: warnings.join('; '),
      };
    }
  }
}

type AttemptRun = Omit<RestartRun, 'restart' | 'seed' | 'attempts' | 'timeMs' | 'warning'>;

/** Appends points to a curve; accuracy from a count of correct cared bits. */
function curveRecorder(itermax: number, careBits: number) {
  const curve: RestartCurve = { every: curveEvery(itermax), iterations: [], gap: [], accuracy: [] };
  return {
    curve,
    add(it: number, gap: number, correct: number): void {
      curve.iterations.push(it);
      curve.gap.push(gap);
      curve.accuracy.push(careBits === 0 ? 1 : correct / careBits);
    },
    last: (): number => (curve.iterations.length ? curve.iterations[curve.iterations.length - 1]! : 0),
  };
}

/** One attempt; undefined when the iterate became non-finite. */
function runAttempt(engine: RestartEngine, params: RunParams, restart: number, seed: number, poll: Poll): AttemptRun | undefined {
  const { beta, gamma, iterations: itermax, gapstop } = params;
  engine.init(new Xoshiro128ss(seed));
  const best = new Float64Array(engine.E);
  const rec = curveRecorder(itermax, engine.careBits);
  let bestCorrect = -1;
  let bestCorrectGap = Infinity;
  let bestGap = Infinity;
  let gap = NaN;
  let it = 0;
  let solved = false;
  let stopped = false;
  let fitted = false;
  // The correct count of the last check (the closure does not touch `it`, which stays a plain local of the loop).
  let lastCorrect = -1;
  const consider = (g: number): boolean => {
    const correct = engine.correctBits(engine.wB);
    lastCorrect = correct;
    if (correct > bestCorrect || (correct === bestCorrect && g < bestCorrectGap)) {
      bestCorrect = correct;
      bestCorrectGap = g;
      best.set(engine.wB);
    }
    return correct === engine.careBits;
  };
  // Between regular polls, extra ones (stop checks) every `stopEvery` iterations when iterations are slow.
  let stopEvery = POLL_EVERY;
  const tStart = performance.now();
  while (it < itermax) {
    gap = engine.iterate(beta, gamma);
    it++;
    if (it === 1) stopEvery = Math.max(1, Math.min(POLL_EVERY, Math.floor(STOP_CHECK_MS / Math.max(1e-3, performance.now() - tStart))));
    if (!(gap < Infinity)) return undefined; // NaN or Infinity
    if (gap < bestGap) bestGap = gap;
    if (it < EARLY_POINTS_BELOW && (it & (it - 1)) === 0) rec.add(it, gap, engine.correctBits(engine.wB));
    if (gap < gapstop && consider(gap)) {
      solved = true;
      break;
    }
    if (it % POLL_EVERY === 0) {
      const fits = consider(gap);
      if (it % rec.curve.every === 0) rec.add(it, gap, lastCorrect);
      if (fits && params.fitStop) {
        solved = true;
        fitted = true;
        break;
      }
      if (poll(restart, it, gap, bestGap)) {
        stopped = it < itermax;
        break;
      }
    } else if (it % stopEvery === 0 && poll(restart, it, gap, bestGap)) {
      stopped = it < itermax;
      break;
    }
  }
  if (!solved && it % POLL_EVERY !== 0 && it > 0 && consider(gap) && params.fitStop) {
    solved = true;
    fitted = true;
  }
  // The curve ends where the restart ended. Every way out of the loop above has just checked the weights of
  // iteration `it` (a solve, a poll at a multiple of POLL_EVERY, or the check after the loop), so
  // lastCorrect is that iteration's count.
  if (it > 0 && rec.last() !== it) rec.add(it, gap, lastCorrect);
  return {
    solved, stopped, ...(fitted ? { fitted } : {}), iterations: it, gap, bestGap,
    trainAccuracy: engine.careBits === 0 ? 1 : Math.max(0, bestCorrect) / engine.careBits,
    weights: best, curve: rec.curve,
  };
}
