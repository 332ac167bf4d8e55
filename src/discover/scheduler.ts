// The rounds of `btfc discover` and how its time is shared among candidate architectures (the strategy is
// described in search.ts): which candidate runs next, how many restarts and iterations its round gets, and
// what the round's outcome does to it (a longer budget, narrower, wider and deeper variants, retirement).
// Work is counted as edges × items × iterations, not on the clock, so the choices are the same on a slower
// machine; the clock only stops the search.

import type { Spec } from '../ir/spec.js';
import { layeredNet } from '../ir/btf-net.js';
import type { TableItems, TruthTable } from '../ir/truth-table.js';
import { solveNet, type SolveParams, type SolveResult } from '../rrr/solve.js';
import { restartSeed } from '../rrr/prng.js';
import {
  MAX_ITERATIONS, architectureName, deeper, candidateKey, initialCandidates, narrower, solverSettings, widthLowerBound, wider,
  startIterations, workPerIteration, type CandidateSpec,
} from './candidates.js';
import { readBackRound, type Found, type RoundNet } from './circuits.js';
import { Interrupted } from '../util/interrupt.js';
import { RoundGate } from './round-gate.js';
import type { CandidateRow, DiscoverHooks, DiscoverParams, FoundCircuit, NetCircuit, StopReason } from './types.js';

/** Work (edges × items × iterations) one restart should cost at least; ≈ 1 s of one core. */
export const REF_WORK = 2e7;
const MAX_ROUND_FACTOR = 4;
/** A round whose estimated work is below this runs inline: starting worker threads costs ~0.3 s a round. */
const INLINE_WORK = 1e7;
/** A round is not started with less time left than this (ms). */
const MIN_ROUND_MS = 250;

/** A candidate net, fixed when it is added. */
interface Candidate extends RoundNet {
  spec: CandidateSpec;
  /** `architecture σ`, named in its variants' origins. */
  name: string;
  /** Work of one iteration of one restart (edges × items). */
  work: number;
}

/** What the scheduler has decided about a candidate so far. */
interface Standing {
  /** The iteration budget of its next round. */
  iterations: number;
  failsInRow: number;
  retired: boolean;
  spawnedWider: boolean;
  spawnedNarrower: boolean;
}

/** What a candidate's rounds add up to: its row of the table of what was tried, and the work spent. */
interface Tally {
  rounds: number;
  restarts: number;
  solved: number;
  /** Iterations run × work per iteration. */
  spent: number;
  solvedIterations: number[];
  timeMs: number;
  /** The settings of its last round. */
  last: { beta: number; gamma: number; iterations: number };
}

interface Entry { cand: Candidate; standing: Standing; tally: Tally }

/** A round to run: the candidate and its solver settings. */
export interface Round {
  entry: Entry;
  net: RoundNet;
  beta: number;
  gamma: number;
  solve: SolveParams;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

export class Scheduler {
  private readonly entries: Entry[] = [];
  private readonly keys = new Set<string>();
  /**
   * Candidates marked `reserve` (the narrow generic ones when there is a wide start) wait until every
   * active candidate has failed twice in a row: they would otherwise take a round each (and their
   * variants more) while the wide start still succeeds.
   */
  private reserve: CandidateSpec[];
  private readonly lowerBound: number;
  /** The hidden width a net without hidden layers widens to. */
  private readonly base: number;

  constructor(private readonly table: TruthTable, private readonly itemCount: number, private readonly params: Pick<DiscoverParams, 'seed' | 'workers' | 'inline' | 'engine'>) {
    this.lowerBound = widthLowerBound(table);
    this.base = Math.max(this.lowerBound, table.numInputs, table.numOutputs);
    const start = initialCandidates(table, itemCount);
    for (const c of start) if (!c.reserve) this.add(c);
    this.reserve = start.filter((c) => c.reserve);
  }

  private add(c: CandidateSpec): void {
    if (this.keys.has(candidateKey(c))) return;
    this.keys.add(candidateKey(c));
    const { numInputs, numOutputs } = this.table;
    const architecture = architectureName(c, numInputs, numOutputs);
    this.entries.push({
      cand: {
        candidate: this.entries.length, spec: c, architecture, sigma: c.sigma, name: `${architecture} σ${c.sigma}`,
        net: layeredNet([numInputs, ...c.hidden, numOutputs], c.sigma), work: workPerIteration(c, this.table, this.itemCount),
      },
      standing: { iterations: c.iterations, failsInRow: 0, retired: false, spawnedWider: false, spawnedNarrower: false },
      tally: { rounds: 0, restarts: 0, solved: 0, spent: 0, solvedIterations: [], timeMs: 0, last: { beta: NaN, gamma: NaN, iterations: 0 } },
    });
  }

  /** Restarts per round = workers × this (1…4): one restart costs about REF_WORK; 1 with no hidden layer. */
  private roundFactor(e: Entry): number {
    return e.cand.spec.hidden.length === 0 ? 1
      : Math.max(1, Math.min(MAX_ROUND_FACTOR, Math.round(REF_WORK / (e.cand.work * e.standing.iterations))));
  }

  /**
   * Untried candidates first (in order), then the highest optimistic solution rate: (solutions + 1/(1 +
   * failed rounds in a row)) / (work spent + work of one more round). Undefined when every one retired.
   */
  private pick(): Entry | undefined {
    if (this.reserve.length && this.entries.every((e) => e.standing.retired || e.standing.failsInRow >= 2)) {
      for (const c of this.reserve) this.add(c);
      this.reserve = [];
    }
    const active = this.entries.filter((e) => !e.standing.retired);
    const untried = active.find((e) => e.tally.rounds === 0);
    if (untried) return untried;
    let choice: Entry | undefined;
    let score = -Infinity;
    for (const e of active) {
      const s = this.rate(e);
      if (s > score) { score = s; choice = e; }
    }
    return choice;
  }

  /** A candidate's optimistic solution rate: (solutions + 1/(1 + failed rounds in a row)) / (work spent + its next round's). */
  private rate(e: Entry): number {
    const next = e.cand.work * e.standing.iterations * this.params.workers * this.roundFactor(e);
    return (e.tally.solved + 1 / (1 + e.standing.failsInRow)) / (e.tally.spent + next);
  }

  /** The rate of a round's candidate: what its lane bids at the round gate (round-gate.ts). */
  score(r: Round): number {
    return this.rate(r.entry);
  }

  /** The next round, with at most `leftMs` of time; undefined when no candidate is left. */
  next(leftMs: number): Round | undefined {
    const e = this.pick();
    if (e === undefined) return undefined;
    const { spec, work } = e.cand;
    const iterations = e.standing.iterations;
    const { beta, gamma } = { ...solverSettings(work, iterations), ...(spec.beta !== undefined ? { beta: spec.beta } : {}), ...(spec.gamma !== undefined ? { gamma: spec.gamma } : {}) };
    const restarts = this.params.workers * this.roundFactor(e);
    const inline = this.params.inline || restarts * iterations * work < INLINE_WORK;
    // The base seed is fixed by the candidate and its round number, so a restart's result never depends on timing.
    const solve: SolveParams = {
      sigma: spec.sigma, beta, gamma, iterations, gapstop: 0.01, restarts,
      seed: restartSeed(this.params.seed, e.cand.candidate, e.tally.rounds), workers: this.params.workers, timeoutMs: leftMs, all: true, fitStop: true,
      ...(inline ? { inline: true } : {}),
      ...(this.params.engine ? { engine: this.params.engine } : {}),
    };
    return { entry: e, net: e.cand, beta, gamma, solve };
  }

  /** Book a round as run: its time, settings, restarts and the work they cost. */
  tally(r: Round, res: SolveResult, timeMs: number): void {
    const { tally, cand } = r.entry;
    tally.timeMs += timeMs;
    tally.last = { beta: r.beta, gamma: r.gamma, iterations: r.solve.iterations };
    tally.rounds++;
    tally.restarts += res.stats.restarts.length;
    for (const x of res.stats.restarts) tally.spent += x.iterations * cand.work;
  }

  /**
   * What a round's outcome does to its candidate. A success spawns a narrower variant (once: smaller nets
   * give smaller circuits). A failure that was not cut by the timeout doubles the iteration budget when
   * every restart ran to its end (up to MAX_ITERATIONS); after 2 failed rounds in a row it spawns a wider
   * variant and, with 3 or more hidden layers, a deeper one; after 4 (2 with no hidden layer) it retires.
   */
  judge(r: Round, res: SolveResult, circuits: readonly NetCircuit[]): void {
    const { cand, standing, tally } = r.entry;
    tally.solved += circuits.length;
    for (const f of circuits) tally.solvedIterations.push(f.iterations);
    if (circuits.length > 0) {
      standing.failsInRow = 0;
      if (!standing.spawnedNarrower) {
        standing.spawnedNarrower = true;
        const nc = narrower(cand.spec, this.lowerBound, cand.name);
        if (nc) this.add({ ...nc, iterations: standing.iterations });
      }
      return;
    }
    if (res.stats.timedOut) return;
    standing.failsInRow++;
    const ranOut = res.stats.restarts.every((x) => !x.stopped);
    if (ranOut && standing.iterations < MAX_ITERATIONS) standing.iterations = Math.min(MAX_ITERATIONS, standing.iterations * 2);
    if (standing.failsInRow >= 2 && !standing.spawnedWider) {
      standing.spawnedWider = true;
      const w = wider(cand.spec, this.base, cand.name);
      if (w) this.add({ ...w, iterations: cand.spec.hidden.length === 0 ? startIterations(workPerIteration(w, this.table, this.itemCount)) : standing.iterations });
      const d = deeper(cand.spec, cand.name);
      if (d) this.add(d);
    }
    if (standing.failsInRow >= 4 || (cand.spec.hidden.length === 0 && standing.failsInRow >= 2)) standing.retired = true;
  }

  /** The table of what was tried: every candidate that ran, with its best circuit among `circuits` (ranked). */
  rows(circuits: readonly FoundCircuit[]): CandidateRow[] {
    return this.entries.filter((e) => e.tally.rounds > 0).map(({ cand, standing, tally }) => {
      const best = circuits.find((f) => f.kind === 'net' && f.candidate === cand.candidate)?.synthesis;
      return {
        candidate: cand.candidate, architecture: cand.architecture, sigma: cand.sigma,
        beta: tally.last.beta, gamma: tally.last.gamma, iterations: tally.last.iterations, origin: cand.spec.origin, rounds: tally.rounds,
        restarts: tally.restarts, solved: tally.solved, medianIterations: median(tally.solvedIterations), bestAig: best?.aig.andNodes ?? null,
        bestDepth: best?.aig.depth ?? null, timeMs: tally.timeMs, retired: standing.retired,
      };
    });
  }
}

/** How the rounds ended; searchMs: from t0 to the stop (measured there: an await would add whatever else is queued). */
export interface Rounds { stoppedBy: StopReason; rounds: number; scheduler: Scheduler; searchMs: number }

/**
 * Rounds until the deadline (t0 + timeout), `patience` circuits in a row that did not improve the best,
 * no candidate left, or an abort. Every circuit read back goes to `found`.
 */
export async function runRounds(spec: Spec, params: DiscoverParams, hooks: DiscoverHooks, found: Found, t0: number, effort: number): Promise<Rounds> {
  const items: TableItems = spec.table.toItems();
  const scheduler = new Scheduler(spec.table, items.count, params);
  const deadline = t0 + params.timeoutMs;
  let rounds = 0;
  // Alone (no parent search), the gate only ever has this lane waiting.
  const gate = hooks.gate ?? new RoundGate();
  const stop = (s: StopReason): Rounds => ({ stoppedBy: s, rounds, scheduler, searchMs: performance.now() - t0 });
  for (;;) {
    if (hooks.signal?.aborted) return stop('aborted');
    if (deadline - performance.now() < MIN_ROUND_MS) return stop('timeout');
    if (found.best !== undefined && found.sinceImproved >= params.patience) return stop('patience');
    const r = scheduler.next(deadline - performance.now());
    if (r === undefined) return stop('exhausted');
    await gate.acquire(scheduler.score(r), hooks.lane ?? '');
    try {
      // Other lanes' rounds may have run while this one waited: the time left is taken again.
      const left = deadline - performance.now();
      if (hooks.signal?.aborted) return stop('aborted');
      if (left < MIN_ROUND_MS) return stop('timeout');
      r.solve.timeoutMs = left;
      rounds++;
      const end = await runRound(spec, params, hooks, found, effort, { r, items, scheduler, deadline, round: rounds, t0 });
      if (end) return stop(end);
    } finally {
      gate.release();
    }
  }
}

/** One granted round: solve, read back, judge and report; the stop reason when the search must end. */
async function runRound(spec: Spec, params: DiscoverParams, hooks: DiscoverHooks, found: Found, effort: number,
  { r, items, scheduler, deadline, round: rounds, t0 }: { r: Round; items: TableItems; scheduler: Scheduler; deadline: number; round: number; t0: number }): Promise<StopReason | undefined> {
  const tr = performance.now();
  const res = await solveNet(r.net.net, items, r.solve, { signal: hooks.signal });
  scheduler.tally(r, res, performance.now() - tr);
  if (res.stats.aborted) return 'aborted';
  let circuits: NetCircuit[];
  try {
    circuits = await readBackRound(spec, items, r.net, res, rounds, params.seed, effort, {
      deadline, ...(hooks.signal ? { signal: hooks.signal } : {}),
    });
  } catch (err) {
    if (err instanceof Interrupted) return 'aborted';
    throw err;
  }
  for (const f of circuits) found.add(f);
  scheduler.judge(r, res, circuits);
  const best = found.best;
  hooks.onRound?.({
    round: rounds, candidate: r.net.candidate, architecture: r.net.architecture, sigma: r.net.sigma,
    beta: r.beta, gamma: r.gamma, iterations: r.solve.iterations, restarts: res.stats.restarts.length, solved: circuits.length,
    ...(best ? { bestAig: best.synthesis.aig.andNodes, bestDepth: best.synthesis.aig.depth } : {}),
    elapsedMs: performance.now() - t0, runs: res.stats.restarts,
  });
  return undefined;
}
