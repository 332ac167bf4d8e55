// The floor: conventional circuits of a spec from Yosys + ABC, got before RRR runs, so that `btfc compile`
// and `btfc discover` always have a proved circuit to write and RRR's result is kept only when it is
// smaller (docs/ARCHITECTURE.md, "The floor"). Stage: verify (it runs Yosys), finished by gates.
//
// Strategies on the flat table written as a case statement (don't-cares as `x`, gold.ts):
// - `abc -g aig`: Yosys's synth, then ABC mapped to two-input AND/OR gates (the figure `--baseline` prints);
// - `abc &deepsyn`: ABC's deep synthesis (`&deepsyn`, a randomised search over AIG rewrites) with a time
//   bound, read back as two-input $lut cells (yosys-netlist.ts turns each into one AND node);
// on the table's covers (sums of products, gold.ts sopVerilog), which Yosys reads in a second:
// - `abc collapse`: ABC collapses the function into BDDs, factors their covers (`sop; fx`), rewrites the
//   AIG (`dc2`) and runs &deepsyn on it. A flat case statement hides the structure of arithmetic from ABC
//   (the 5-bit adder add5: 1,204 AIG nodes from `abc -g aig`); the collapsed BDD has it back (35);
// and on the spec's own Verilog (Spec.verilog), synth then `abc -g aig`: word-level structure that a flat
// table has lost (`p = a * b` is an array multiplier: 37 AIG nodes for 3 bits and 83 for 4, where
// `abc -g aig` on the table gives 139 and about 600):
// - `design`: the user's module, when the spec is a Verilog file (flow/load-spec.ts, design-spec.ts);
// - `yosys expressions`: a spec's equations written as Verilog (lang/to-verilog.ts).
// Each circuit is read back into a Netlist, simulated on every care row and dropped if it fails (a floor
// circuit is no more trusted than an extracted one); the survivors not far larger than the best so far go
// through btfc's simplify and optimizer (finishNetlist, at most FLOOR_EFFORT and FLOOR_OPTIMIZE_MS), and
// the smallest, in AIG nodes, is the floor.
//
// Reproducibility: &deepsyn stops at its time bound, so its circuit may differ from machine to machine
// (`--no-floor` gives RRR's reproducible result alone).

import { match } from 'ts-pattern';
import type { Spec, SpecVerilog } from '../ir/spec.js';
import { aigEstimate, countGates, type Netlist } from '../ir/netlist.js';
import { checkAgainstTable } from '../gates/simulate.js';
import { coversNetlist } from '../gates/isop.js';
import { circuitCost, finishNetlist, type Synthesis } from '../gates/synthesize.js';
import type { ExtractStats } from '../gates/extract.js';
import { TT, sopVerilog, tableSourceVerilog } from './gold.js';
import { netlistFromYosysJson } from './yosys-netlist.js';
import { SYNTH_TABLE, synthSteps } from './baseline.js';
import { runYosysInWorker, yosysErrors, yosysName } from './yosys.js';
import { Interrupted } from '../util/interrupt.js';

export type FloorStrategy = 'covers' | 'abc collapse' | 'abc -g aig' | 'abc &deepsyn' | 'design' | 'yosys expressions';

/** One floor circuit that passed simulation, finished like an extracted netlist. */
export interface FloorCircuit {
  strategy: FloorStrategy;
  synthesis: Synthesis;
}

/** What one strategy gave: its AIG nodes as read back (before btfc's simplify/optimize) and after. */
export interface FloorTry {
  strategy: FloorStrategy;
  status: 'pass' | 'fails simulation' | 'error';
  /** AIG nodes as ABC gave them (null on an error). */
  abcAigNodes: number | null;
  /** After btfc's simplify and optimizer (null unless it passed; ABC's figure when it was not finished). */
  aigNodes: number | null;
  message?: string;
  /** Milliseconds of reading back, simulating and finishing (Yosys's own time is FloorResult's). */
  timeMs: number;
}

export interface FloorResult {
  /** The smallest circuit that passed; absent when Yosys failed or every circuit failed simulation. */
  best?: FloorCircuit;
  tries: FloorTry[];
  /** The whole floor, Yosys included. */
  timeMs: number;
}

export interface FloorParams {
  /** Optimizer effort (capped at FLOOR_EFFORT) and seed for finishing the floor circuits. */
  effort?: number;
  seed?: number;
  /** &deepsyn's time bound in seconds (default: deepsynSeconds of the table and timeoutMs). */
  deepsynSeconds?: number;
  /** The search's timeout beside the floor (discover), which lengthens &deepsyn's time bound. */
  timeoutMs?: number;
  /**
   * When the floor must be done (a performance.now() time): Yosys is stopped there (the covers are the
   * floor when no Yosys run finished), and the optimizer's polish of a floor circuit ends there. A
   * timeout bounds every stage.
   */
  deadline?: number;
  /** Read a strategy's netlist otherwise (tests inject a broken one). */
  readBack?: (strategy: FloorStrategy, json: string, spec: Spec) => Netlist;
}

/** The optimizer's effort on a floor circuit, at most (a few hundred ABC nodes take it seconds per 100). */
export const FLOOR_EFFORT = 200;

/**
 * When a floor started at `start` must be done (docs/ARCHITECTURE.md: every stage is bounded): a quarter
 * of the command's timeout, but at least FLOOR_MIN_MS so a short timeout still gets its conventional
 * circuit; without a timeout FLOOR_MAX_MS, so a wide table does not hold up the search for minutes. Past
 * it Yosys is stopped and the run goes on without a floor.
 */
export function floorDeadline(start: number, timeoutMs: number | undefined, share = FLOOR_SHARE): number {
  return start + (timeoutMs !== undefined ? Math.max(FLOOR_MIN_MS, timeoutMs * share) : FLOOR_MAX_MS);
}
const FLOOR_SHARE = 0.25;
/**
 * The share of the timeout a floor may use when it runs beside the search (discover: Yosys in its own
 * thread while the rounds solve), so it holds nothing up: most of it, leaving time to polish and prove.
 * A quarter cut Yosys off on 11-input tables under --timeout 40, leaving discover with no circuit at all.
 */
export const FLOOR_BESIDE_SHARE = 0.75;
const FLOOR_MIN_MS = 8000;
const FLOOR_MAX_MS = 60_000;

/**
 * &deepsyn's time bound: 1 s for up to 64 care rows, 2 s up to 1024, 3 s beyond (CI runs many compiles);
 * with a search of `timeoutMs` beside it (discover), DEEPSYN_SHARE of that, at most DEEPSYN_MAX_S: a
 * longer run found a 4×4 multiplier's table 146 AIG nodes instead of 171 (12 s against 3 s).
 */
export function deepsynSeconds(careRows: number, timeoutMs?: number): number {
  const least = careRows <= 64 ? 1 : careRows <= 1024 ? 2 : 3;
  return timeoutMs === undefined ? least : Math.max(least, Math.min(DEEPSYN_MAX_S, Math.round((timeoutMs / 1000) * DEEPSYN_SHARE)));
}
const DEEPSYN_SHARE = 0.05;
const DEEPSYN_MAX_S = 20;

/** The flat table's strategies and the files their netlists are written to. */
const TABLE_FILES = { 'abc -g aig': 'aig.json', 'abc &deepsyn': 'deepsyn.json' } as const;
type TableStrategy = keyof typeof TABLE_FILES;
const TABLE_STRATEGIES = Object.keys(TABLE_FILES) as TableStrategy[];

/** What a strategy synthesised, in words for summaries and file headers. */
export function floorSource(strategy: FloorStrategy): string {
  return match(strategy)
    .with('abc -g aig', 'abc &deepsyn', () => 'Yosys + ABC on the flat table')
    .with('covers', () => "btfc's own sums of products of the table's covers (no Yosys)")
    .with('abc collapse', () => "Yosys + ABC on the table's covers (collapse to BDDs, factor, &deepsyn)")
    .with('design', () => 'Yosys + ABC (abc -g aig) on the Verilog design')
    .with('yosys expressions', () => "Yosys + ABC (abc -g aig) on the spec's expressions written as Verilog")
    .exhaustive();
}

/** The Yosys script: synthesise the table once, then each strategy from the same design. */
function floorScript(deepsynS: number): string {
  return [
    ...SYNTH_TABLE,
    'abc -g aig', 'opt_clean', `write_json ${TABLE_FILES['abc -g aig']}`,
    'design -load synth', `abc -script +strash;&get,-n;&deepsyn,-T,${deepsynS};&put`, 'opt_clean', `write_json ${TABLE_FILES['abc &deepsyn']}`,
  ].join('; ');
}

export const COLLAPSE_JSON = 'collapse.json';

/** ABC's script of `abc collapse` (commas for spaces, as yosys's `abc -script +…` wants them). */
export function collapseAbcScript(deepsynS: number): string {
  return `+strash;collapse;sop;fx;strash;dc2;&get,-n;&deepsyn,-T,${deepsynS};&put`;
}

/** The Yosys script of `abc collapse`, on the table's covers (sopVerilog). */
function collapseScript(deepsynS: number): string {
  return [...SYNTH_TABLE, `abc -script ${collapseAbcScript(deepsynS)}`, 'opt_clean', `write_json ${COLLAPSE_JSON}`].join('; ');
}

/**
 * The share of the floor's time left that `abc collapse` may use: a BDD can blow up (a wide table of no
 * structure), and the flat table's strategies, which come after it, must still get their turn. Most of
 * it: collapse gives the best circuit of wide tables, where the flat case rarely finishes (at 40 %, the
 * 15-input add7 under load lost it and was left with the covers' 4,230 nodes).
 */
const COLLAPSE_SHARE = 0.7;

export const VERILOG_JSON = 'verilog.json';

/** The Yosys script of the spec's own Verilog (a design, or its expressions): synth, then `abc -g aig`. */
export function verilogScript(v: SpecVerilog, file: string): string {
  return [...synthSteps(file, yosysName(v.top), v.systemVerilog, v.kind === 'design' ? ['setundef -zero'] : []), 'abc -g aig', 'opt_clean', `write_json ${VERILOG_JSON}`].join('; ');
}

/** The floor strategy of a spec's Verilog. */
const verilogStrategy = (v: SpecVerilog): FloorStrategy => (v.kind === 'design' ? 'design' : 'yosys expressions');

/** A floor circuit is not extracted from a net: its extraction figures are zero but for its gates. */
const noExtraction = (nl: Netlist): ExtractStats => ({
  btfNodes: 0, forms: { const: 0, copy: 0, and: 0, or: 0, maj: 0, wide: 0 }, wide: [], gates: countGates(nl), timeMs: 0,
});

/**
 * A strategy's Yosys netlist as a Netlist with the spec's ports: the table module's flat buses x and y,
 * or the ports of the spec's own Verilog module, which are the spec's by name; `covers` is built from the
 * table itself (its JSON is empty).
 */
export function readFloorNetlist(strategy: FloorStrategy, json: string, spec: Spec): Netlist {
  const ports = { name: spec.name, inputs: spec.inputs, outputs: spec.outputs };
  return match(strategy)
    .with('abc -g aig', 'abc &deepsyn', 'abc collapse', () => netlistFromYosysJson(json, TT, { ...ports, inputPorts: ['x'], outputPorts: ['y'] }))
    .with('covers', () => coversNetlist(spec.table, spec.name, spec.inputs, spec.outputs))
    .with('design', 'yosys expressions', () => {
      if (!spec.verilog) throw new Error('the spec has no Verilog');
      return netlistFromYosysJson(json, spec.verilog.top, {
        ...ports, inputPorts: spec.inputs.map((p) => p.name), outputPorts: spec.outputs.map((p) => p.name),
      });
    })
    .exhaustive();
}

const STOPPED = 'stopped at its time bound (a share of --timeout)';
const errorTry = (strategy: FloorStrategy, message: string): FloorTry => ({ strategy, status: 'error', abcAigNodes: null, aigNodes: null, message, timeMs: 0 });

/**
 * Run the strategies on `spec` and keep the smallest circuit that passes simulation: the spec's own
 * Verilog first (a design's table may be too wide for a flat-table synthesis to finish in time), then the
 * table's covers collapsed (fast, and the best on arithmetic), then the flat table. Each is its own Yosys
 * run, so one cut off by the deadline does not take the others' circuits with it.
 */
export async function floorCircuits(spec: Spec, params: FloorParams = {}): Promise<FloorResult> {
  const t0 = performance.now();
  const tries: FloorTry[] = [];
  let best: FloorCircuit | undefined;
  const consider = (strategy: FloorStrategy, json: string | undefined, log: string) => {
    const t = performance.now();
    const done: { tried: Tried; circuit?: FloorCircuit } = json === undefined
      ? { tried: { status: 'error', abcAigNodes: null, aigNodes: null, message: `Yosys failed: ${yosysErrors(log)}` } }
      : finishFloor(spec, strategy, json, params, best?.synthesis.aig.andNodes);
    tries.push({ strategy, ...done.tried, timeMs: performance.now() - t });
    const c = done.circuit;
    if (c && (!best || circuitCost(c.synthesis) < circuitCost(best.synthesis))) best = c;
  };
  if (spec.verilog) {
    const file = spec.verilog.systemVerilog ? 'spec.sv' : 'spec.v';
    const r = await yosysBounded(['-q', '-p', verilogScript(spec.verilog, file)], { [file]: spec.verilog.text }, params.deadline);
    if (r === undefined) tries.push(errorTry(verilogStrategy(spec.verilog), STOPPED));
    else consider(verilogStrategy(spec.verilog), r.files[VERILOG_JSON], r.stdout);
  }
  const deepsynS = params.deepsynSeconds ?? deepsynSeconds(spec.table.careCount(), params.timeoutMs);
  const collapseBy = params.deadline === undefined ? undefined : performance.now() + (params.deadline - performance.now()) * COLLAPSE_SHARE;
  const c = await yosysBounded(['-q', '-p', collapseScript(deepsynS)], { 'tt.v': sopVerilog(spec.table) }, collapseBy);
  if (c === undefined) tries.push(errorTry('abc collapse', STOPPED));
  else consider('abc collapse', c.files[COLLAPSE_JSON], c.stdout);
  const r = await yosysBounded(['-q', '-p', floorScript(deepsynS)], { 'tt.v': tableSourceVerilog(spec.table) }, params.deadline);
  if (r === undefined) tries.push(...TABLE_STRATEGIES.map((s) => errorTry(s, STOPPED)));
  else for (const strategy of TABLE_STRATEGIES) consider(strategy, r.files[TABLE_FILES[strategy]], r.stdout);
  // The last resort, when every Yosys run was cut off or failed: a spec always gets a circuit.
  if (!best) consider('covers', '', '');
  return { ...(best ? { best } : {}), tries, timeMs: performance.now() - t0 };
}

/** A Yosys run stopped at `deadline` (undefined then); an interruption by the user still throws. */
async function yosysBounded(args: string[], files: Record<string, string>, deadline: number | undefined) {
  if (deadline === undefined) return runYosysInWorker(args, files);
  // This run alone is cancelled: another floor may be using the same Yosys worker (decomposition blocks).
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), Math.max(0, deadline - performance.now()));
  try {
    return await runYosysInWorker(args, files, stop.signal);
  } catch (err) {
    if (stop.signal.aborted && err instanceof Interrupted) return undefined;
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

type Tried = Omit<FloorTry, 'strategy' | 'timeMs'>;

/**
 * Read one strategy's netlist, simulate it, and finish it when it passes and is within POLISH_RATIO of the
 * best floor circuit so far (`bestAig`): simplified, then optimized for at most FLOOR_OPTIMIZE_MS. This
 * runs on the main thread, beside discover's read-back, and a flat table's 1,200-node circuit took the
 * optimizer a minute to save 1 %: time that a circuit thirty times the best one cannot repay.
 */
function finishFloor(spec: Spec, strategy: FloorStrategy, json: string, params: FloorParams, bestAig: number | undefined): { tried: Tried; circuit?: FloorCircuit } {
  let nl: Netlist;
  try {
    nl = (params.readBack ?? readFloorNetlist)(strategy, json, spec);
  } catch (err) {
    return { tried: { status: 'error', abcAigNodes: null, aigNodes: null, message: `cannot read the netlist back: ${(err as Error).message}` } };
  }
  const abcAigNodes = aigEstimate(nl).andNodes;
  const sim = checkAgainstTable(nl, spec.table);
  if (!sim.ok) {
    return { tried: { status: 'fails simulation', abcAigNodes, aigNodes: null, message: `row ${sim.row}, output ${sim.output}` } };
  }
  // A circuit far larger than the best one cannot win: not even simplified (a 3,000-node read-back of a
  // 17-input table took simplify half a minute), it is reported with ABC's size.
  if (bestAig !== undefined && abcAigNodes > bestAig * POLISH_RATIO) {
    return { tried: { status: 'pass', abcAigNodes, aigNodes: abcAigNodes, message: 'not finished: far larger than the best' } };
  }
  const deadline = Math.min(params.deadline ?? Infinity, performance.now() + FLOOR_OPTIMIZE_MS);
  const synthesis = finishNetlist(spec, nl, noExtraction(nl), { effort: Math.min(params.effort ?? 1000, FLOOR_EFFORT), seed: params.seed ?? 1, deadline });
  return { tried: { status: 'pass', abcAigNodes, aigNodes: synthesis.aig.andNodes }, circuit: { strategy, synthesis } };
}

/** A floor circuit is finished only when its AIG is at most this times the best floor circuit's. */
const POLISH_RATIO = 1.5;
/** The optimizer's time on one floor circuit, at most (its effort usually ends it sooner). */
const FLOOR_OPTIMIZE_MS = 10_000;
