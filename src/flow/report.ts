// The JSON report of `btfc compile --json` and `btfc discover --json`: one builder, so the two agree on
// every field they share (ports, gates, AIG figures, verification, synthesis statistics, files) and differ
// only in what their runs are (compile: one solve's restarts; discover: the table of what was tried).
// Field order is part of the format: scripts and diffs read these files.

import { match } from 'ts-pattern';
import type { Port, Spec } from '../ir/spec.js';
import { countGates } from '../ir/netlist.js';
import type { RestartReport, SolveParams } from '../rrr/solve.js';
import type { RestartCurve } from '../rrr/restart.js';
import type { BaselineStats } from '../verify/baseline.js';
import type { FloorResult } from '../verify/floor.js';
import type { Certified } from './finish.js';

/** What a compile adds to the report. `times` are compile's CompileTimes (field order kept). */
export interface CompileReportInput {
  kind: 'compile';
  widths: readonly number[];
  params: SolveParams;
  solved: boolean;
  fitted: boolean;
  restart: number | null;
  restarts: readonly RestartReport[];
  /** Which circuit was written (`rrr: 4-4-4-4 σ3`, `floor: abc &deepsyn`; null: none) and why. */
  strategy: string | null;
  strategyNote: string;
  /** Absent with --no-floor. */
  floor?: FloorResult;
  baseline?: BaselineStats;
  times: object;
}

/** What a discover adds: plain data (the search's own types live above this stage). */
export interface DiscoverReportInput {
  kind: 'discover';
  options: { timeout: number; seed: number; workers: number; patience: number; prove: boolean };
  architecture: string | null;
  /** Where the circuit came from (a composed circuit nests its blocks'). */
  chosen: object | null;
  /** `rrr: 5-8-1 σ5`, `floor: abc &deepsyn` (null: nothing written). */
  strategy: string | null;
  /** Absent with --no-floor. */
  floor?: FloorResult;
  search: readonly object[];
  stoppedBy: string;
  rounds: number;
  /** AIG nodes of every circuit found, best first. */
  aigNodesFound: readonly number[];
  timeMs: { search: number; total: number };
}

export type ReportInput = (CompileReportInput | DiscoverReportInput) & {
  spec: Spec;
  certified: Certified;
  files: readonly string[];
};

const portsJson = (ps: readonly Port[]) => ps.map((p) => ({ name: p.name, width: p.width, bus: p.bus }));

/** The report as written: indented JSON and a final newline. */
export function buildReport(input: ReportInput): string {
  const { spec, files } = input;
  const head = { spec: spec.file, circuit: spec.name, inputs: portsJson(spec.inputs), outputs: portsJson(spec.outputs) };
  const report = match(input as CompileReportInput | DiscoverReportInput)
    .with({ kind: 'compile' }, (c) => ({
      ...head, ...compileRun(c),
      ...circuitFields(input.certified, c.baseline ? { baseline: { abcAig: c.baseline.abcAig, abcAndOr: c.baseline.abcAndOr } } : {}),
      timeMs: c.times, files,
    }))
    .with({ kind: 'discover' }, (d) => ({
      ...head, options: d.options, solved: input.certified.finished !== undefined, architecture: d.architecture, chosen: d.chosen,
      strategy: d.strategy, floor: d.floor ? floorJson(d.floor) : null,
      ...circuitFields(input.certified, input.certified.refutations.length ? { proofFailures: input.certified.refutations } : {}),
      search: d.search, stoppedBy: d.stoppedBy, rounds: d.rounds, circuitsFound: d.aigNodesFound.length, aigNodesFound: d.aigNodesFound,
      timeMs: d.timeMs, files,
    }))
    .exhaustive();
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** compile's run: the architecture, the options as solved with (timeout in seconds), its restarts. */
function compileRun(c: CompileReportInput) {
  const { timeoutMs, ...options } = c.params;
  return {
    architecture: c.widths.join('-'),
    options: { ...options, ...(timeoutMs !== undefined ? { timeout: timeoutMs / 1000 } : {}) },
    solved: c.solved,
    fitted: c.fitted,
    restart: c.restart,
    restarts: c.restarts.map((x) => ({
      restart: x.restart, seed: x.seed, solved: x.solved, iterations: x.iterations, gap: x.gap, bestGap: x.bestGap,
      trainAccuracy: x.trainAccuracy, timeMs: x.timeMs, ...(x.stopped ? { stopped: true } : {}), ...(x.warning ? { warning: x.warning } : {}),
      curve: curveJson(x.curve),
    })),
    strategy: c.strategy,
    strategyNote: c.strategyNote,
    floor: c.floor ? floorJson(c.floor) : null,
  };
}

/** Four significant digits: a plot needs no more, and the report stays small (≈ 1000 points a restart). */
const short = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(4)) : null);

/** A restart's solver curve (rrr/restart.ts): the sampled iterations, the gap and training accuracy there. */
function curveJson(c: RestartCurve) {
  return { every: c.every, iterations: c.iterations, gap: c.gap.map(short), accuracy: c.accuracy.map(short) };
}

/** The floor: its best circuit's strategy and size (after btfc's optimizer), and every strategy tried. */
export function floorJson(f: FloorResult) {
  return {
    strategy: f.best?.strategy ?? null,
    aigNodes: f.best?.synthesis.aig.andNodes ?? null,
    tries: f.tries.map((t) => ({ strategy: t.strategy, status: t.status, abcAigNodes: t.abcAigNodes, aigNodes: t.aigNodes,
      ...(t.message ? { message: t.message } : {}), timeMs: t.timeMs })),
    timeMs: f.timeMs,
  };
}

/** The circuit written (null fields when none): size, verification, then `checks` (baseline, refutations), then synthesis. */
function circuitFields(certified: Certified, checks: object) {
  const f = certified.finished;
  const s = f?.circuit.synthesis;
  return {
    gates: s ? countGates(s.netlist) : null,
    aigNodes: f?.aigNodes ?? null,
    depth: f?.depth ?? null,
    verified: { simulation: f ? 'pass' : 'not run', yosys: f?.proof ? f.proof.status : 'skipped' },
    ...checks,
    extract: s ? { forms: s.extract.forms, wide: s.extract.wide, gates: s.extract.gates } : null,
    simplify: s ? { rounds: s.simplify.rounds, rewrites: s.simplify.rewrites, before: s.simplify.before, after: s.simplify.after } : null,
    optimize: s?.optimize ? { before: s.optimize.before, after: s.optimize.after, steps: s.optimize.steps } : null,
  };
}
