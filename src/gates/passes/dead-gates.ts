// Pass dead-gates: remove gates no output depends on, and renumber the rest compactly (order kept).

import type { Pass } from './pass.js';
import { isGate, liveNodes, litNode, type Gate, type Lit, type NetNode } from '../../ir/netlist.js';

export const deadGates: Pass = {
  name: 'dead-gates',
  summary: 'remove gates that no output depends on',
  run: (nl) => {
    const live = liveNodes(nl);
    const map = new Int32Array(nl.nodes.length);
    const nodes: NetNode[] = [];
    let removed = 0;
    for (let i = 0; i < nl.nodes.length; i++) {
      const n = nl.nodes[i]!;
      if (isGate(n) && !live[i]) { removed++; continue; }
      map[i] = nodes.length;
      nodes.push(isGate(n) ? ({ kind: n.kind, ins: n.ins.map((l: Lit) => 2 * map[litNode(l)]! + (l & 1)) } as Gate) : n);
    }
    if (removed === 0) return 0;
    nl.nodes = nodes;
    nl.outputs = nl.outputs.map((l) => 2 * map[litNode(l)]! + (l & 1));
    return removed;
  },
};
