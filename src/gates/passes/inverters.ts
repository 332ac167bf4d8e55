// Pass inverters: inverter absorption. A gate is flipped to its dual with complemented inputs and output —
// AND(a,b) = ~OR(~a,~b), OR(a,b) = ~AND(~a,~b), MAJ(a,b,c) = ~MAJ(~a,~b,~c) — when that lowers the number
// of inverters (distinct nodes used complemented, see netlist.ts).

import type { Pass } from './pass.js';
import { isConstLit, isGate, litNode, type Gate, type Netlist } from '../../ir/netlist.js';

function refCounts(nl: Netlist): { pos: Int32Array; neg: Int32Array } {
  const pos = new Int32Array(nl.nodes.length);
  const neg = new Int32Array(nl.nodes.length);
  const use = (l: number) => { if (!isConstLit(l)) (l & 1 ? neg : pos)[litNode(l)]!++; };
  for (const n of nl.nodes) if (isGate(n)) for (const l of n.ins) use(l);
  for (const l of nl.outputs) use(l);
  return { pos, neg };
}

export const inverters: Pass = {
  name: 'inverters',
  summary: 'absorb inverters: flip AND/OR/MAJ to their duals where that needs fewer NOTs',
  run: (nl) => {
    let flips = 0;
    const { pos, neg } = refCounts(nl);
    // users[i]: gates and outputs referring to node i (for complementing the references of a flipped gate).
    const users: number[][] = nl.nodes.map(() => []);
    nl.nodes.forEach((n, i) => { if (isGate(n)) for (const l of n.ins) users[litNode(l)]!.push(i); });
    for (let i = nl.numInputs + 1; i < nl.nodes.length; i++) {
      const g = nl.nodes[i]!;
      if (!isGate(g)) continue;
      // Inverters among the affected nodes before and after, from adjusted counts.
      const dPos = new Map<number, number>();
      const dNeg = new Map<number, number>();
      const bump = (m: Map<number, number>, k: number, d: number) => m.set(k, (m.get(k) ?? 0) + d);
      for (const l of g.ins) {
        if (isConstLit(l)) continue;
        const x = litNode(l);
        if (l & 1) { bump(dNeg, x, -1); bump(dPos, x, 1); } else { bump(dPos, x, -1); bump(dNeg, x, 1); }
      }
      const affected = new Set([...dPos.keys(), ...dNeg.keys()]);
      let delta = 0;
      for (const x of affected) {
        const before = neg[x]! > 0 ? 1 : 0;
        const after = neg[x]! + (dNeg.get(x) ?? 0) > 0 ? 1 : 0;
        delta += after - before;
      }
      delta += (pos[i]! > 0 ? 1 : 0) - (neg[i]! > 0 ? 1 : 0);
      if (delta >= 0) continue;
      // Flip.
      const flipped = { kind: g.kind === 'and' ? 'or' : g.kind === 'or' ? 'and' : 'maj', ins: g.ins.map((l) => l ^ 1) } as Gate;
      nl.nodes[i] = flipped;
      for (const x of affected) { pos[x] = pos[x]! + (dPos.get(x) ?? 0); neg[x] = neg[x]! + (dNeg.get(x) ?? 0); }
      const p = pos[i]!; pos[i] = neg[i]!; neg[i] = p;
      for (const u of new Set(users[i])) {
        const n = nl.nodes[u]! as Gate;
        nl.nodes[u] = { kind: n.kind, ins: n.ins.map((l) => (litNode(l) === i ? l ^ 1 : l)) } as Gate;
      }
      nl.outputs = nl.outputs.map((l) => (litNode(l) === i ? l ^ 1 : l));
      flips++;
    }
    return flips;
  },
};
