// The decomposition blocks of `btfc discover`: a function with a simple disjoint decomposition
// f = g(h(A), B) (decompose.ts) first spends up to DECOMPOSE_SHARE of its time on h and g, each a discover
// of its own (which may decompose again) with a share of that time in proportion to its rows; their best
// circuits are composed (circuits.ts) into a circuit of f that the whole function's own search must beat.
// Each block's search has its own floor (unless --no-floor), so a block RRR solves is kept even when the
// other is not: it is composed with the other block's floor circuit, and the result competes.

import type { Spec } from '../ir/spec.js';
import type { TruthTable } from '../ir/truth-table.js';
import { findDecomposition, type Decomposition } from './decompose.js';
import { composeCircuit } from './circuits.js';
import type { CandidateRow, ComposedCircuit, Discover, DiscoverHooks, DiscoverParams, FoundCircuit } from './types.js';

/** Share of the timeout a decomposition's blocks may use before the whole function's own search. */
const DECOMPOSE_SHARE = 0.5;

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
 * Search h, then g (each a whole discover, unproved and writing nothing) with up to DECOMPOSE_SHARE of the
 * time, each a share of it in proportion to its rows, and compose their best circuits.
 */
export async function discoverBlocks(
  spec: Spec, dec: Decomposition, params: DiscoverParams, hooks: DiscoverHooks, fullEffort: number, discover: Discover,
): Promise<BlockSearch> {
  const end = performance.now() + params.timeoutMs * DECOMPOSE_SHARE;
  const { outputs: _none, ...inner } = params;
  const rows: CandidateRow[] = [];
  let rounds = 0;
  let rowsLeft = dec.h.numRows + dec.g.numRows;
  const found: FoundCircuit[] = [];
  for (const { block, table } of [{ block: 'h', table: dec.h }, { block: 'g', table: dec.g }]) {
    const share = Math.max(0, end - performance.now()) * table.numRows / rowsLeft;
    rowsLeft -= table.numRows;
    const r = await discover(blockSpec(spec, block, table), { ...inner, timeoutMs: share, prove: false, header: [] }, {
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      onRound: (x) => hooks.onRound?.({ ...x, block: x.block ? `${block}.${x.block}` : block }),
    });
    rounds += r.rounds;
    rows.push(...r.rows.map((row) => ({ ...row, block: row.block ? `${block}.${row.block}` : block })));
    if (r.stoppedBy === 'aborted' || r.circuits.length === 0) return { rows, rounds };
    found.push(r.circuits[0]!);
  }
  const [h, g] = found as [FoundCircuit, FoundCircuit];
  return { circuit: composeCircuit(spec, dec, h, g, params.seed, fullEffort), rows, rounds };
}
