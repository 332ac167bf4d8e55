// The decomposition blocks of `btfc discover`: a function with a simple disjoint decomposition
// f = g(h(A), B) (decompose.ts) also searches h and g, each a discover of its own (which may decompose
// again), side by side with the whole function's search: their rounds and its rounds go through one round
// gate (round-gate.ts), which gives each round to the search whose solutions come cheapest. The blocks'
// best circuits are composed (circuits.ts) into a circuit of f that competes with the whole function's.
// Each block's search has its own floor (unless --no-floor), so a block RRR solves is kept even when the
// other is not: it is composed with the other block's floor circuit, and the result competes.

import type { Spec } from '../ir/spec.js';
import type { TruthTable } from '../ir/truth-table.js';
import { findDecomposition, type Decomposition } from './decompose.js';
import { composeCircuit } from './circuits.js';
import type { CandidateRow, ComposedCircuit, Discover, DiscoverHooks, DiscoverParams } from './types.js';
import { allLanes, laneAbort, laneHooks, LANE_SHARE, RoundGate } from './round-gate.js';

/** The blocks' searches: the composed circuit (none when a block found none), their rows and rounds. */
export interface BlockSearch {
  circuit?: ComposedCircuit;
  rows: CandidateRow[];
  rounds: number;
}

/** `spec`'s decomposition, when it has one and `params` allow looking for it. */
export function decomposition(spec: Spec, params: Pick<DiscoverParams, 'decompose'>): Decomposition | undefined {
  return params.decompose === false ? undefined : findDecomposition(spec.table);
}

/** A block of a decomposition as a spec of its own: inputs x[k], outputs y. */
function blockSpec(spec: Spec, block: string, table: TruthTable): Spec {
  const o = table.numOutputs;
  return {
    name: `${spec.name}_${block}`, file: spec.file,
    inputs: [{ name: 'x', width: table.numInputs, bus: true }],
    outputs: [{ name: 'y', width: o, bus: o > 1 }],
    table, solve: {},
  };
}

/**
 * Search h and g side by side (each a whole discover, unproved and writing nothing, its rounds through the
 * parent's round gate) until LANE_SHARE of the time left, and compose their best circuits.
 */
export async function discoverBlocks(
  spec: Spec, dec: Decomposition, params: DiscoverParams, hooks: DiscoverHooks, fullEffort: number, discover: Discover,
  end = performance.now() + params.timeoutMs,
): Promise<BlockSearch> {
  const timeoutMs = Math.max(0, end - performance.now()) * LANE_SHARE;
  const { outputs: _none, ...inner } = params;
  const gate = hooks.gate ?? new RoundGate();
  const ctl = laneAbort(hooks.signal);
  const blocks = [{ block: 'h', table: dec.h }, { block: 'g', table: dec.g }];
  const results = await allLanes(ctl, blocks.map(({ block, table }) =>
    discover(blockSpec(spec, block, table), { ...inner, timeoutMs, prove: false, header: [] }, laneHooks({ ...hooks, signal: ctl.signal }, gate, block))));
  const rows: CandidateRow[] = results.flatMap((r, i) => r.rows.map((row) => ({ ...row, block: row.block ? `${blocks[i]!.block}.${row.block}` : blocks[i]!.block })));
  const rounds = results.reduce((n, r) => n + r.rounds, 0);
  const [h, g] = results.map((r) => r.circuits[0]);
  if (!h || !g || results.some((r) => r.stoppedBy === 'aborted')) return { rows, rounds };
  return { circuit: composeCircuit(spec, dec, h, g, params.seed, fullEffort), rows, rounds };
}
