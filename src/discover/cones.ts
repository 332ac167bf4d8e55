// The per-output grain of `btfc discover` (issue 10's second grain): a multi-output function is also
// solved one output group at a time. Each output's support is taken on the care set (the inputs it really
// depends on), outputs of the same support form a group of at most GROUP_MAX, and each group is a discover
// of its own — RRR alone, on its support only. The groups' searches run side by side with the whole
// function's, every round through one round gate (round-gate.ts) that gives it to the search whose
// solutions come cheapest: a small group solves in its first rounds and stops on patience, and the time
// goes on to the larger groups and the whole function by their rates. A group of 6 inputs out of 12 is a
// table of 64 rows, not 4,096: RRR solves cones the whole function's net cannot, and a group's table,
// complete over its support, may decompose (add5's two top outputs, 11 inputs, solve as g(h(…), …) with
// h = g(h(…), …)).
//
// The groups' circuits are merged into one netlist (gates/compose.ts mergeOutputs) and finished like any
// extracted one: structural hashing shares the gates they have in common, the optimizer resubstitutes
// across them, and exhaustive simulation checks the whole. A group RRR does not solve takes its outputs
// from the floor's circuit, when there is one (the floor's gates its other outputs do not use are removed
// by the simplifier), so what RRR found is kept and the hybrid competes, as a decomposition's block does.
// Stage: discover (between lower and solve: it builds the groups' specs and runs discover on each).

import { bitNames, type Spec } from '../ir/spec.js';
import { emptyNetlist, LIT_FALSE, LIT_TRUE, type Netlist } from '../ir/netlist.js';
import { TruthTable } from '../ir/truth-table.js';
import { mergeOutputs, type OutputPart } from '../gates/compose.js';
import { finishNetlist } from '../gates/synthesize.js';
import type { FloorCircuit } from '../verify/floor.js';
import { circuitArchitecture, mergeExtractStats } from './circuits.js';
import type { CandidateRow, ConesCircuit, ConeGroup, Discover, DiscoverHooks, DiscoverParams } from './types.js';
import { allLanes, laneAbort, laneHooks, LANE_SHARE, RoundGate } from './round-gate.js';

/** Least time a group's search is given (a round needs some), when the time left is short. */
const GROUP_MIN_MS = 1500;
/** Most outputs in one group (outputs of the same support beyond it make another group). */
const GROUP_MAX = 3;
/** Most groups: beyond it each would get too little time to solve anything (a 64-output demultiplexer). */
const MAX_GROUPS = 8;
/**
 * Fewest inputs for the grain to run by default. RRR solves every multi-output table of up to 7 inputs in
 * the benchmark set as a whole function (--no-floor, 120 s; mul3 in 74 s), and groups would only take
 * rounds from it. At 8 the 4×4 multiplier's table is not solved whole; its low product bits are solved as
 * groups and merged with the floor's cones for the rest: 98, 98, 103, 112 and 101 AIG nodes against the
 * same runs' floors of 109, 109, 104, 117 and 114 (mul4 seeds 1–3, mul4x4 seeds 1–2, 120 s), while without
 * the grain 1 run of 5 beat its floor. The grains share the time through the round gate, so a group that
 * does not solve costs only the rounds its score earns.
 */
export const CONES_MIN_INPUTS = 8;
/** Most inputs: the support is found by projecting all 2^n rows once per input and output. */
export const CONES_MAX_INPUTS = 16;

/**
 * The inputs output k depends on over the care set: starting from all of them, an input is dropped when
 * the care rows, projected onto the inputs still kept, give no two different values of k on one pattern
 * (checked by projection, not pairwise, so two dropped inputs cannot hide a conflict between them).
 */
export function outputSupport(table: TruthTable, k: number): number[] {
  const n = table.numInputs;
  const seen = new Int8Array(table.numRows);
  let keep = table.numRows - 1;
  for (let x = 0; x < n; x++) {
    const trial = keep & ~(1 << x);
    seen.fill(-1);
    let conflict = false;
    for (let m = 0; m < table.numRows && !conflict; m++) {
      if (!table.isCare(k, m)) continue;
      const p = m & trial;
      const v = table.value(k, m);
      if (seen[p] === -1) seen[p] = v;
      else if (seen[p] !== v) conflict = true;
    }
    if (!conflict) keep = trial;
  }
  const support: number[] = [];
  for (let x = 0; x < n; x++) if ((keep >>> x) & 1) support.push(x);
  return support;
}

/** Output groups (outputs of one support, at most GROUP_MAX each), in output order. */
export function coneGroups(table: TruthTable): Array<{ outputs: number[]; support: number[] }> {
  const bySupport = new Map<string, { outputs: number[]; support: number[] }[]>();
  const groups: Array<{ outputs: number[]; support: number[] }> = [];
  for (let k = 0; k < table.numOutputs; k++) {
    const support = outputSupport(table, k);
    const key = support.join(',');
    const list = bySupport.get(key) ?? [];
    bySupport.set(key, list);
    const open = list.find((g) => g.outputs.length < GROUP_MAX);
    if (open) open.outputs.push(k);
    else {
      const g = { outputs: [k], support };
      list.push(g);
      groups.push(g);
    }
  }
  return groups;
}

/** The table of `outputs` over `support` alone: a care row of the whole table sets its projection's row. */
export function groupTable(table: TruthTable, outputs: readonly number[], support: readonly number[]): TruthTable {
  const t = new TruthTable(support.length, outputs.length);
  for (let m = 0; m < table.numRows; m++) {
    let p = 0;
    for (let j = 0; j < support.length; j++) p |= ((m >>> support[j]!) & 1) << j;
    outputs.forEach((k, i) => { if (table.isCare(k, m)) t.set(i, p, table.value(k, m)); });
  }
  return t;
}

/** Whether the grain runs for `spec`: a multi-output table of CONES_MIN_INPUTS to CONES_MAX_INPUTS inputs, not turned off. */
export function wantsCones(spec: Spec, params: Pick<DiscoverParams, 'cones'>): boolean {
  const t = spec.table;
  if (params.cones === false || t.numOutputs < 2 || t.numInputs > CONES_MAX_INPUTS) return false;
  return params.cones === true || t.numInputs >= CONES_MIN_INPUTS;
}

function groupSpec(spec: Spec, g: { outputs: number[] }, table: TruthTable): Spec {
  return {
    name: `${spec.name}_o${g.outputs.join('_')}`, file: spec.file,
    inputs: [{ name: 'x', width: table.numInputs, bus: true }],
    outputs: [{ name: 'y', width: table.numOutputs, bus: table.numOutputs > 1 }],
    table, solve: {},
  };
}

/** The groups' searches: each group with its best circuit (none when RRR found none), their rows and rounds. */
export interface ConesSearch {
  groups: ConeGroup[];
  rows: CandidateRow[];
  rounds: number;
}

const label = (g: { outputs: number[] }) => `o${g.outputs.join(',')}`;

/**
 * Search every group side by side (each a discover without floor, windows, proof or a grain of its own,
 * its rounds through the parent's round gate) until LANE_SHARE of the time left before `end`; undefined
 * when there are more than MAX_GROUPS groups, or one group of every input (the whole function again).
 */
export async function discoverCones(spec: Spec, params: DiscoverParams, hooks: DiscoverHooks, end: number, discover: Discover): Promise<ConesSearch | undefined> {
  const groups = coneGroups(spec.table);
  if (groups.length > MAX_GROUPS || (groups.length === 1 && groups[0]!.support.length === spec.table.numInputs)) return undefined;
  const timeoutMs = Math.max(GROUP_MIN_MS, Math.max(0, end - performance.now()) * LANE_SHARE);
  const { outputs: _none, ...inner } = params;
  const gate = hooks.gate ?? new RoundGate();
  const ctl = laneAbort(hooks.signal);
  const searched = groups.filter((g) => g.support.length > 0);
  const results = await allLanes(ctl, searched.map((g) =>
    discover(groupSpec(spec, g, groupTable(spec.table, g.outputs, g.support)), {
      ...inner, timeoutMs, prove: false, header: [], floor: false, windows: false, cones: false,
    }, laneHooks({ ...hooks, signal: ctl.signal }, gate, label(g)))));
  const out: ConesSearch = { groups: [], rows: [], rounds: 0 };
  searched.forEach((g, i) => {
    const r = results[i]!;
    out.rounds += r.rounds;
    out.rows.push(...r.rows.map((row) => ({ ...row, block: row.block ? `${label(g)}.${row.block}` : label(g) })));
    // An aborted group's circuits are its best so far, unpolished: none is kept, as after an abort anywhere.
    out.groups.push({ ...g, ...(r.circuits[0] && r.stoppedBy !== 'aborted' ? { circuit: r.circuits[0] } : {}) });
  });
  // Constant outputs: nothing to search.
  for (const g of groups) if (g.support.length === 0) out.groups.push({ ...g, constant: g.outputs.map((k) => constantValue(spec.table, k)) });
  out.groups.sort((a, b) => a.outputs[0]! - b.outputs[0]!);
  return out;
}

/** The value of an output that depends on no input: its value on any care row (0 when it has none). */
function constantValue(table: TruthTable, k: number): 0 | 1 {
  for (let m = 0; m < table.numRows; m++) if (table.isCare(k, m)) return table.value(k, m);
  return 0;
}

/** A circuit of no inputs and the given constant outputs. */
function constantNetlist(values: readonly (0 | 1)[]): Netlist {
  const nl = emptyNetlist('constants', [], [{ name: 'y', width: values.length, bus: values.length > 1 }]);
  nl.outputs = values.map((v) => (v ? LIT_TRUE : LIT_FALSE));
  return nl;
}

/**
 * The function merged from its groups' circuits, the floor's circuit standing in for the groups RRR did not
 * solve; undefined when no group was solved, or some were not and there is no floor. The optimizer stops
 * at `finishParams.deadline` (the merged netlist holds the whole floor circuit before simplification).
 */
export function conesCircuit(spec: Spec, search: ConesSearch, floor: FloorCircuit | undefined,
  finishParams: { seed: number; effort: number; deadline?: number }): ConesCircuit | undefined {
  const solved = search.groups.filter((g) => g.circuit);
  if (solved.length === 0) return undefined;
  const parts: OutputPart[] = solved.map((g) => ({ netlist: g.circuit!.synthesis.netlist, inputs: g.support, outputs: g.outputs }));
  for (const g of search.groups) if (g.constant) parts.push({ netlist: constantNetlist(g.constant), inputs: [], outputs: g.outputs });
  const fromFloor = search.groups.filter((g) => !g.circuit && !g.constant).flatMap((g) => g.outputs);
  // Outputs of groups the search never reached (an abort) come from the floor too.
  const reached = new Set(search.groups.flatMap((g) => g.outputs));
  for (let k = 0; k < spec.table.numOutputs; k++) if (!reached.has(k)) fromFloor.push(k);
  if (fromFloor.length > 0) {
    if (!floor) return undefined;
    const all = Array.from({ length: spec.table.numInputs }, (_, j) => j);
    // The whole floor circuit with its other outputs sent to no port: their gates are dead and removed.
    parts.push({ netlist: { ...floor.synthesis.netlist, outputs: fromFloor.map((k) => floor.synthesis.netlist.outputs[k]!) }, inputs: all, outputs: fromFloor });
  }
  const nl = mergeOutputs(spec.name, spec.inputs, spec.outputs, parts);
  const stats = [...solved.map((g) => g.circuit!.synthesis.extract), ...(fromFloor.length ? [floor!.synthesis.extract] : [])];
  const synthesis = finishNetlist(spec, nl, mergeExtractStats(stats, nl), finishParams);
  const outNames = bitNames(spec.outputs);
  const names = (ks: readonly number[]) => ks.map((k) => outNames[k] ?? `y${k}`);
  const inNames = bitNames(spec.inputs);
  const architecture = solved.map((g) => `${names(g.outputs).join(', ')}: ${circuitArchitecture(g.circuit!, g.support.map((j) => inNames[j]!))}`).join('; ')
    + (fromFloor.length ? `; ${names(fromFloor).join(', ')}: ${floor!.strategy}` : '');
  return { kind: 'cones', architecture, round: 0, groups: search.groups, fromFloor: fromFloor.sort((a, b) => a - b), ...(fromFloor.length ? { floorStrategy: floor!.strategy } : {}), synthesis };
}
