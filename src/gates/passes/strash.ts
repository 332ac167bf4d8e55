// Pass strash: structural hashing. Gates with the same function of the same literals are merged, with
// commutative inputs in a canonical order and complement symmetries seen through: OR(a,b) = ~AND(~a,~b)
// and MAJ(~a,~b,~c) = ~MAJ(a,b,c), so `x & y` and `~(~x | ~y)` are one node.

import type { Pass } from './pass.js';
import { rewriteGates, sortedIns } from './pass.js';
import { mkLit, type Gate, type Lit } from '../../ir/netlist.js';

/** Canonical key of a gate and whether the gate is the complement of the keyed function. */
function canon(g: Gate): { key: string; neg: boolean } {
  if (g.kind === 'maj') {
    let ins = sortedIns([...g.ins]);
    const negs = ins.filter((l) => l & 1).length;
    const neg = negs >= 2;
    if (neg) ins = sortedIns(ins.map((l) => l ^ 1));
    return { key: `m${ins.join(',')}`, neg };
  }
  // AND(a,b) is the key; OR(a,b) = ~AND(~a,~b).
  if (g.kind === 'and') return { key: `a${sortedIns([...g.ins]).join(',')}`, neg: false };
  return { key: `a${sortedIns(g.ins.map((l) => l ^ 1)).join(',')}`, neg: true };
}

export const strash: Pass = {
  name: 'strash',
  summary: 'merge structurally equal gates (commutative inputs ordered, De Morgan and MAJ self-duality seen through)',
  run: (nl) => {
    const table = new Map<string, Lit>();
    return rewriteGates(nl, (g, node) => {
      const { key, neg } = canon(g);
      const hit = table.get(key);
      if (hit !== undefined) return hit ^ (neg ? 1 : 0);
      table.set(key, mkLit(node, neg));
      return undefined;
    });
  },
};
