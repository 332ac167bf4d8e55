// The JSON report of `btfc compile --json` and `btfc discover --json`: one builder, so the two agree on
// every field they share (ports, gates, AIG figures, verification, synthesis statistics, files) and differ
// only in what their runs are (compile: one solve's restarts; discover: the table of what was tried).
// Field order is part of the format: scripts and diffs read these files. The HTML report (--report) is
// built from the same input (htmlReportData), so the page and the JSON never disagree.

import { match } from 'ts-pattern';
import type { Port, Spec } from '../ir/spec.js';
import { countGates, isGate, litNode, liveNodes, type Netlist } from '../ir/netlist.js';
import { renderHtmlReport, type HtmlProgressPoint, type HtmlReportData, type HtmlSearchRow } from '../emit/html-report.js';
import { btfcVersion } from '../util/version.js';
import type { CompileTimes } from './compile.js';
import type { RestartReport, SolveParams } from '../rrr/solve.js';
import type { RestartCurve } from '../rrr/restart.js';
import type { BaselineStats } from '../verify/baseline.js';
import type { FloorResult } from '../verify/floor.js';
import type { Certified } from './finish.js';
import type { WindowStats } from '../gates/windows.js';

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
  /** Window re-synthesis of the chosen circuit; absent when it did not run. */
  windows?: WindowStats;
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
  /** Window re-synthesis of the best circuit; absent when it did not run. */
  windows?: WindowStats;
  /** The candidates tried (discover/types.ts CandidateRow; written to the JSON as they are). */
  search: readonly HtmlSearchRow[];
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
      strategy: d.strategy, floor: d.floor ? floorJson(d.floor) : null, windows: d.windows ? windowsJson(d.windows) : null,
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
    windows: c.windows ? windowsJson(c.windows) : null,
  };
}

/** Window re-synthesis: windows tried, replacements kept (smaller: those that removed nodes), rejected by the whole-circuit check, sizes. */
export function windowsJson(w: WindowStats) {
  return { tried: w.tried, replacements: w.replacements, smaller: w.smaller, rejected: w.rejected, aigBefore: w.before.aig, aigAfter: w.after.aig,
    timeMs: w.timeMs, ...(w.timedOut ? { timedOut: true } : {}) };
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

/** What the HTML report adds to the JSON report's input: text and pictures that are not in the JSON. */
export interface HtmlExtras {
  /** The spec's text, as read (absent: not shown). */
  source?: string;
  /** The schematic of the circuit written, an <svg> element. */
  svg?: string;
  /** discover: the best circuit size over time, by strategy. */
  progress?: readonly HtmlProgressPoint[];
  /** discover: the restarts whose curves are drawn (those of the round that found the circuit), and what they are. */
  restarts?: readonly RestartReport[];
  restartsCaption?: string;
}

/** The HTML report (emit/html-report.ts) of the same run as buildReport's JSON. */
export function buildHtmlReport(input: ReportInput, extras: HtmlExtras = {}): string {
  return renderHtmlReport(htmlReportData(input, extras));
}

const portList = (ps: readonly Port[]) => ps.map((p) => (p.bus ? `${p.name}[${p.width}]` : p.name)).join(', ') || '–';
const bits = (ps: readonly Port[]) => ps.reduce((s, p) => s + p.width, 0);

/** The page's plain data, from the report's input. */
export function htmlReportData(input: ReportInput, extras: HtmlExtras): HtmlReportData {
  const { spec, certified } = input;
  const f = certified.finished;
  const nl = f?.circuit.synthesis.netlist;
  const common = {
    circuit: spec.name, specFile: spec.file, version: btfcVersion(), ...(extras.source !== undefined ? { source: extras.source } : {}),
    table: { inputs: portList(spec.inputs), outputs: portList(spec.outputs), inputBits: bits(spec.inputs), outputBits: bits(spec.outputs),
      rows: spec.table.numRows, careRows: spec.table.careRows().length, careBits: spec.table.careCount() },
    ...(nl && f ? { gates: { counts: countGates(nl), aigNodes: f.aigNodes, depth: f.depth, byLevel: gatesByLevel(nl) } } : {}),
    proof: proofText(certified, spec.table.careRows().length), ...(extras.svg !== undefined ? { svg: extras.svg } : {}),
  };
  return match(input as CompileReportInput | DiscoverReportInput)
    .with({ kind: 'compile' }, (c): HtmlReportData => {
      const { total, ...stages } = c.times as CompileTimes;
      return {
        ...common, command: 'compile', architectures: [c.widths.join('-')], strategy: c.strategy, strategyNote: c.strategyNote,
        restarts: c.restarts, gapstop: c.params.gapstop, compare: compareRows(c.floor, c.baseline),
        times: Object.entries(stages).filter(([, t]) => t > 0), totalMs: total,
      };
    })
    .with({ kind: 'discover' }, (d): HtmlReportData => ({
      ...common, command: 'discover', architectures: [...new Set(d.search.map((r) => (r.block ? `${r.block}: ${r.architecture}` : r.architecture)))],
      strategy: d.strategy, restarts: extras.restarts ?? [], ...(extras.restartsCaption ? { restartsCaption: extras.restartsCaption } : {}), search: d.search, progress: extras.progress ?? [], compare: compareRows(d.floor, undefined),
      times: [...(d.floor ? [['floor', d.floor.timeMs] as const] : []), ['search', d.timeMs.search] as const, ['polish, prove', Math.max(0, d.timeMs.total - d.timeMs.search)] as const],
      totalMs: d.timeMs.total,
    }))
    .exhaustive();
}

/** The floor's strategies and the baseline, to set beside the circuit written. */
function compareRows(floor: FloorResult | undefined, baseline: BaselineStats | undefined): HtmlReportData['compare'] {
  const rows: { name: string; aigNodes: number | null; depth?: number | null; note?: string }[] = [];
  for (const t of floor?.tries ?? []) {
    rows.push({ name: `floor: ${t.strategy} (after btfc's optimizer)`, aigNodes: t.status === 'pass' ? t.aigNodes : null, ...(t.message ? { note: t.message } : {}) });
  }
  if (baseline) rows.push({ name: 'baseline: abc -g aig', aigNodes: baseline.abcAig.andNodes, depth: baseline.abcAig.depth });
  return rows;
}

function proofText(c: Certified, careRows: number): string {
  const f = c.finished;
  const refuted = c.refutations.length ? ` Refuted first: ${c.refutations.join('; ')}` : '';
  if (!f) return `no circuit written${refuted}`;
  const sim = `exhaustive simulation PASS on ${careRows.toLocaleString('en-US')} care rows`;
  if (!f.proof) return `${sim}; Yosys proof skipped (--no-prove)${refuted}`;
  return `${sim}; Yosys SAT proof ${f.proof.status === 'pass' ? `PASS (${f.proof.timeMs.toFixed(0)} ms)` : f.proof.status}${refuted}`;
}

/** Live gates per depth level (level 1: fed by inputs only), by kind. */
export function gatesByLevel(nl: Netlist): { and: number; or: number; maj: number }[] {
  const live = liveNodes(nl);
  const level = new Int32Array(nl.nodes.length);
  const out: { and: number; or: number; maj: number }[] = [];
  for (let i = nl.numInputs + 1; i < nl.nodes.length; i++) {
    const n = nl.nodes[i]!;
    if (!isGate(n)) continue;
    let m = 0;
    for (const l of n.ins) m = Math.max(m, level[litNode(l)]!);
    level[i] = m + 1;
    if (!live[i]) continue;
    while (out.length < m + 1) out.push({ and: 0, or: 0, maj: 0 });
    out[m]![n.kind]++;
  }
  return out;
}
