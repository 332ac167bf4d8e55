// `btfc compile` without the command line: lower (the merged solver settings and the layered net) → solve
// (RRR restarts) → extract → simplify (→ optimize), giving a checked circuit; `compile` then finishes it
// (finish.ts: simulate, emit, prove, write) with the JSON report (report.ts). Stage: flow.

import type { Spec } from '../ir/spec.js';
import { solveNet, type SolveHooks, type SolveParams, type SolveResult } from '../rrr/solve.js';
import { circuitCost, synthesizeInterruptible, type Synthesis } from '../gates/synthesize.js';
import { baseline as baselineStats, type BaselineStats } from '../verify/baseline.js';
import { floorCircuits, floorDeadline, floorSource, type FloorResult, type FloorStrategy } from '../verify/floor.js';
import type { SolveArgs } from '../ir/solve-options.js';
import { solveSetup, type SolveSetup } from './lower.js';
import { finish, type Certified, type FinishCandidate, type FinishOutcome, type OutputPaths } from './finish.js';
import { buildHtmlReport, buildReport, type ReportInput } from './report.js';
import { throwIfInterrupted, yieldToEvents } from '../util/interrupt.js';
import { withYosysAbort } from '../verify/yosys.js';
import { improveSynthesis, windowsDeadline, WINDOWS_MAX_MS, type WindowStats } from '../gates/windows.js';

/** The share of --timeout kept from the solve for window re-synthesis (at most WINDOWS_MAX_MS). */
const WINDOWS_SHARE = 0.15;

export interface CompileParams {
  /** Also synthesise the table with Yosys + ABC for comparison. */
  baseline: boolean;
  hooks?: SolveHooks;
  /** How many solutions (with `--all`) to read back; the smallest circuit wins. */
  maxCandidates?: number;
  /** Run the optimizer after simplification, and how hard (see gates/synthesize.ts). */
  optimize?: boolean;
  effort?: number;
  /** Get the floor (Yosys + ABC, verify/floor.ts) before solving; RRR's circuit is written only when no larger. */
  floor?: boolean;
  /**
   * Re-synthesise windows of the chosen circuit (floor's or RRR's, gates/windows.ts) in the time left
   * (default true; with --no-floor they still run on RRR's circuit).
   */
  windows?: boolean;
}

export interface CompileTimes { floor: number; solve: number; windows: number; extract: number; simplify: number; optimize: number; simulate: number; prove: number; stats: number; baseline: number; total: number }

/** The circuit read back from one restart's weights, with the Verilog header line saying which. */
export interface CompiledCircuit extends FinishCandidate {
  restart: number;
  synthesis: Synthesis;
}

export type CompileResult = {
  solve: SolveResult;
  baseline?: BaselineStats;
  /** The floor, when asked for (its best circuit, if any, competes with RRR's). */
  floor?: FloorResult;
  /** Milliseconds up to the end of compileCircuit (prove and stats are finish's). */
  times: CompileTimes;
} & (
  | { solved: false }
  /** fitted: no restart met gapstop, but one restart's weights fit every care row and were read back. */
  | { solved: true; fitted: boolean; circuit: CompiledCircuit }
);

/** What the solver needs, lowered from the spec (solveSetup's result fits). */
export type Lowered = Pick<SolveSetup, 'net' | 'items' | 'params'>;

/**
 * The settings of a compile: solveSetup's merge of flags, spec and defaults, with compile's own defaults.
 * The same seed, options and spec must give the same circuit on any machine (docs/ARCHITECTURE.md,
 * "Reproducibility"), so the lowest-numbered solved restart wins, whatever the number of workers
 * (--no-reproducible opts out). A restart whose weights reproduce every care row is as good as solved for
 * compile: extraction checks every node on the patterns it sees, and stopping there instead of at gapstop
 * saves most of the time (--no-fit-stop opts out).
 */
export function compileSetup(args: SolveArgs, spec: Spec): SolveSetup {
  const setup = solveSetup(args, spec);
  if (args.reproducible !== false) setup.params.deterministicWinner = true;
  if (args.fitStop !== false) setup.params.fitStop = true;
  return setup;
}

/**
 * solve → extract → simplify (→ optimize) → simulate, and the baseline when asked. Throws InternalError on
 * a wrong circuit. Weights are read back from the solved restarts; when none solved but a restart's forward
 * pass fits every care row (its gap stayed just above gapstop), that restart is used too: extraction checks
 * every node on the patterns it really sees, so the circuit is exactly as trustworthy (`fitted` says so).
 */
export async function compileCircuit(spec: Spec, lowered: Lowered, opts: CompileParams): Promise<CompileResult> {
  const { net, items, params } = lowered;
  const t0 = performance.now();
  const times: CompileTimes = { floor: 0, solve: 0, windows: 0, extract: 0, simplify: 0, optimize: 0, simulate: 0, prove: 0, stats: 0, baseline: 0, total: 0 };
  const floor = opts.floor
    ? await withYosysAbort(opts.hooks?.signal, () => floorCircuits(spec, { effort: opts.effort ?? 1000, seed: params.seed, deadline: floorDeadline(t0, params.timeoutMs) }))
    : undefined;
  times.floor = floor?.timeMs ?? 0;
  const ts = performance.now();
  // The floor's time comes out of the --timeout, so the whole compile keeps to it; so does a reserve for
  // the windows (WINDOWS_SHARE of it, when `windows` is set: the CLI), which would otherwise get nothing
  // when no restart solves.
  const reserve = opts.windows !== true || params.timeoutMs === undefined ? 0 : Math.min(WINDOWS_MAX_MS, params.timeoutMs * WINDOWS_SHARE);
  const left = params.timeoutMs !== undefined ? { ...params, timeoutMs: Math.max(1, params.timeoutMs - reserve - (performance.now() - t0)) } : params;
  const solve = await solveNet(net, items, left, opts.hooks);
  times.solve = performance.now() - ts;
  const fitted = !solve.solved && solve.best !== undefined && solve.best.trainAccuracy === 1;
  const got = floor ? { floor } : {};
  if ((!solve.solved && !fitted) || solve.stats.aborted) {
    times.total = performance.now() - t0;
    return { solve, ...got, solved: false, times };
  }
  // The read-back (extract, simplify, optimize) must end within the --timeout too (docs/ARCHITECTURE.md).
  const deadline = params.timeoutMs !== undefined ? t0 + params.timeoutMs : undefined;
  const circuit = await readBack(spec, solve, params, { ...opts, ...(deadline !== undefined ? { deadline } : {}) }, times);
  const result: CompileResult = { solve, ...got, solved: true, fitted, circuit, times };
  if (opts.baseline) {
    const t = performance.now();
    result.baseline = await withYosysAbort(opts.hooks?.signal, () => baselineStats(spec.table));
    times.baseline = performance.now() - t;
  }
  times.total = performance.now() - t0;
  return result;
}

/**
 * Synthesise the first `maxCandidates` solutions (or the fitting best restart); the smallest circuit wins.
 * Past the deadline only the first is read back (synthesize bounds it); Interrupted on an abort, which is
 * seen between candidates (the event loop runs there).
 */
async function readBack(spec: Spec, solve: SolveResult, params: SolveParams, opts: CompileParams & { deadline?: number },
  times: CompileTimes): Promise<CompiledCircuit> {
  const cands = solve.solutions.length > 0 ? solve.solutions : [{ restart: solve.best!.restart, weights: solve.best!.weights }];
  const signal = opts.hooks?.signal;
  let best: { synthesis: Synthesis; restart: number } | undefined;
  for (const c of cands.slice(0, opts.maxCandidates ?? 8)) {
    await yieldToEvents();
    throwIfInterrupted(signal);
    if (best && opts.deadline !== undefined && performance.now() > opts.deadline) break;
    const syn = await synthesizeInterruptible(spec, solve.net, c.weights, {
      optimize: opts.optimize, effort: opts.effort, seed: params.seed,
      ...(opts.deadline !== undefined ? { deadline: opts.deadline } : {}), ...(signal ? { signal } : {}),
    });
    times.optimize += syn.times.optimize;
    times.extract += syn.times.extract;
    times.simplify += syn.times.simplify;
    times.simulate += syn.times.simulate;
    if (!best || circuitCost(syn) < circuitCost(best.synthesis)) best = { synthesis: syn, restart: c.restart };
  }
  await yieldToEvents();
  throwIfInterrupted(signal);
  const win = solve.stats.restarts.find((x) => x.restart === best!.restart);
  return {
    ...best!,
    origin: win ? [`solved by restart ${win.restart + 1} (seed ${win.seed}) at iteration ${win.iterations}`] : [],
    describe: `restart ${best!.restart + 1}`,
  };
}

/** compileCircuit's times with finishing's added (simulate again, prove, stats, and the total). */
export function compileTimes(r: CompileResult, certified: Certified): CompileTimes {
  const f = certified.times;
  return { ...r.times, simulate: r.times.simulate + f.simulate, prove: f.prove, stats: f.stats, total: r.times.total + f.total };
}

export interface CompileOptions extends CompileParams {
  /** Prove the circuit with Yosys (and take AIG statistics from Yosys). */
  prove: boolean;
  /** Header lines of the files written (the Verilog adds which restart solved). */
  header: string[];
  outputs: OutputPaths;
  /** For the HTML report (outputs.html): the spec's text. */
  source?: string;
}

/** The circuit a compile writes: RRR's, the floor's when RRR found none or no smaller one, or either improved by windows. */
export type WrittenCircuit =
  | (CompiledCircuit & { source: 'rrr' })
  | (FinishCandidate & { source: 'floor'; strategy: FloorStrategy })
  | (FinishCandidate & { source: 'windows'; base: CompiledCircuit & { source: 'rrr' } | FinishCandidate & { source: 'floor'; strategy: FloorStrategy }; windows: WindowStats });

/** Which circuit is written and why, in words for the summary and the report. */
export interface Choice {
  circuit?: WrittenCircuit;
  /** `rrr: 4-4-4-4 σ3`, `floor: abc &deepsyn`; null when nothing is written. */
  strategy: string | null;
  /** Why that one: e.g. `RRR found nothing better than the floor (41 AIG nodes)`. */
  why: string;
  /** What window re-synthesis did, when it ran (whether or not it improved the circuit). */
  windows?: WindowStats;
}

/**
 * RRR's circuit when it has one no larger than the floor's (AIG nodes; on a tie RRR's, whose result is
 * reproducible), else the floor's.
 */
export function chooseCircuit(r: CompileResult, setup: Pick<SolveSetup, 'widths' | 'params'>): Choice {
  const fl = r.floor?.best;
  const rrr = r.solved ? r.circuit : undefined;
  const rrrName = `rrr: ${setup.widths.join('-')} σ${setup.params.sigma}`;
  if (rrr && (!fl || rrr.synthesis.aig.andNodes <= fl.synthesis.aig.andNodes)) {
    const why = fl ? `RRR's circuit (${rrr.synthesis.aig.andNodes} AIG nodes) is no larger than the floor's (${fl.synthesis.aig.andNodes}, ${fl.strategy})`
      : r.floor ? 'the floor gave no circuit' : 'no floor (--no-floor)';
    return { circuit: { ...rrr, source: 'rrr' }, strategy: rrrName, why };
  }
  if (fl) {
    const why = rrr ? `RRR found nothing better: its circuit has ${rrr.synthesis.aig.andNodes} AIG nodes, the floor ${fl.synthesis.aig.andNodes}`
      : 'RRR found nothing better: no restart solved';
    const circuit: WrittenCircuit = {
      source: 'floor', strategy: fl.strategy, synthesis: fl.synthesis,
      origin: [`floor: ${fl.strategy} (${floorSource(fl.strategy)}, then btfc's simplify and optimizer); ${why}`],
      describe: `the floor (${fl.strategy})`,
    };
    return { circuit, strategy: `floor: ${fl.strategy}`, why };
  }
  return { strategy: null, why: r.floor ? 'no restart solved and the floor gave no circuit' : 'no restart solved' };
}

export type CompileRun = CompileResult & {
  choice: Choice;
  /** Absent when the solve was interrupted (nothing is written then). */
  finished?: FinishOutcome<WrittenCircuit>;
};

/**
 * The whole compile: compileCircuit, then finish the chosen circuit (RRR's or the floor's). Nothing is
 * written when there is none, not even the JSON report; nothing at all on an interruption — an aborted
 * solve returns without `finished`, a later stage throws Interrupted — or on an internal error, which is thrown.
 */
export async function compile(spec: Spec, setup: SolveSetup, opts: CompileOptions): Promise<CompileRun> {
  const r = await compileCircuit(spec, setup, opts);
  const chosen = chooseCircuit(r, setup);
  if (r.solve.stats.aborted) return { ...r, choice: chosen };
  const choice = opts.windows === false ? chosen : await windowsStage(spec, r, chosen, setup.params, opts);
  const finished = await finish(spec, choice.circuit ? [choice.circuit] : [], {
    prove: opts.prove, header: opts.header, onRefuted: 'stop', outputs: opts.outputs,
    ...(opts.hooks?.signal ? { signal: opts.hooks.signal } : {}),
    report: (certified, files) => buildReport(reportInput(certified, files)),
    htmlReport: (certified, files, svg) => buildHtmlReport(reportInput(certified, files),
      { ...(opts.source !== undefined ? { source: opts.source } : {}), ...(svg !== undefined ? { svg } : {}) }),
  });
  return { ...r, choice, finished };

  function reportInput(certified: Certified, files: string[]): ReportInput {
    return {
      kind: 'compile', spec, certified, files, widths: setup.widths, params: setup.params, solved: r.solved,
      fitted: r.solved && r.fitted, restart: r.solved ? r.circuit.restart : null, restarts: r.solve.stats.restarts,
      strategy: choice.strategy, strategyNote: choice.why, ...(r.floor ? { floor: r.floor } : {}),
      ...(choice.windows ? { windows: choice.windows } : {}),
      ...(r.baseline ? { baseline: r.baseline } : {}), times: compileTimes(r, certified),
    };
  }
}

/**
 * The third strategy: windows of the chosen circuit re-synthesised (gates/windows.ts) in the time the
 * --timeout leaves (WINDOWS_MAX_MS without one), seeded by --seed and bounded by --effort windows. The
 * improved circuit replaces the choice only when it has fewer AIG nodes; the strategy then names it, with
 * the circuit it started from.
 */
async function windowsStage(spec: Spec, r: CompileResult, choice: Choice, params: SolveParams, opts: CompileParams): Promise<Choice> {
  const base = choice.circuit;
  if (!base || base.source === 'windows') return choice;
  const now = performance.now();
  const deadline = windowsDeadline(now, params.timeoutMs !== undefined ? now - r.times.total + params.timeoutMs : undefined);
  if (deadline === undefined) return choice;
  const got = await improveSynthesis(base.synthesis, spec.table, {
    seed: params.seed, effort: opts.effort ?? 1000, deadline, ...(opts.hooks?.signal ? { signal: opts.hooks.signal } : {}),
  });
  r.times.windows = performance.now() - now;
  r.times.total += r.times.windows;
  if (!got.synthesis) return { ...choice, windows: got.stats };
  const n = got.stats.replacements;
  const strategy = `windows: ${n} replacement${n === 1 ? '' : 's'} (on ${choice.strategy})`;
  const why = `window re-synthesis took ${choice.strategy}'s circuit from ${got.stats.before.aig} to ${got.stats.after.aig} AIG nodes`
    + `${r.floor?.best ? `; floor ${r.floor.best.synthesis.aig.andNodes} (${r.floor.best.strategy})` : ''}`;
  const circuit: WrittenCircuit = {
    source: 'windows', base, windows: got.stats, synthesis: got.synthesis,
    origin: [...base.origin, `then ${strategy}: ${why}`], describe: `${base.describe} after window re-synthesis`,
  };
  return { circuit, strategy, why, windows: got.stats };
}

