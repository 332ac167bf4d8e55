// The shape of one simplification pass over a Netlist (Yosys-style: a name, a one-line summary, and a
// transformation of the one shared representation), and the rewriting helpers the passes share.
// Stage: simplify (extract → simplify → emit).

import type { TruthTable } from '../../ir/truth-table.js';
import { isGate, litNeg, litNode, type Gate, type Lit, type Netlist } from '../../ir/netlist.js';

export interface PassContext {
  /** The specification: passes that use don't-cares keep the netlist correct on its care set. */
  table: TruthTable;
}

export interface Pass {
  name: string;
  summary: string;
  /** Transform in place; returns how many rewrites it made (0 = unchanged). */
  run(nl: Netlist, ctx: PassContext): number;
}

/** What a gate becomes: an existing literal (of an earlier node), or a (possibly different) gate. */
export type Rewrite = Lit | Gate;

/**
 * Walk the gates in topological order with fanins already mapped through earlier rewrites; `rewrite`
 * returns the gate's replacement, or undefined to keep it. Replaced gates are referred to by nobody
 * afterwards (dead-gates removes them). Returns the number of gates rewritten.
 */
export function rewriteGates(nl: Netlist, rewrite: (g: Gate, node: number) => Rewrite | undefined): number {
  const map = new Int32Array(nl.nodes.length);
  for (let i = 0; i < nl.nodes.length; i++) map[i] = 2 * i;
  const m = (l: Lit): Lit => map[litNode(l)]! ^ (l & 1);
  let count = 0;
  for (let i = nl.numInputs + 1; i < nl.nodes.length; i++) {
    const g0 = nl.nodes[i]!;
    if (!isGate(g0)) continue;
    const g = { kind: g0.kind, ins: g0.ins.map(m) } as Gate;
    nl.nodes[i] = g;
    const r = rewrite(g, i);
    if (r === undefined) continue;
    count++;
    if (typeof r === 'number') {
      if (litNode(r) >= i) throw new Error(`internal: gate ${i} rewritten to a later literal ${r}`);
      map[i] = r;
    } else {
      for (const l of r.ins) if (litNode(l) >= i) throw new Error(`internal: gate ${i} rewritten with a later fanin ${l}`);
      nl.nodes[i] = r;
    }
  }
  for (let k = 0; k < nl.outputs.length; k++) nl.outputs[k] = m(nl.outputs[k]!);
  return count;
}

/** Fanin literals sorted (commutative inputs in a canonical order). */
export function sortedIns<T extends Lit[]>(ins: T): T {
  return [...ins].sort((a, b) => a - b) as T;
}

export { litNeg, litNode };
