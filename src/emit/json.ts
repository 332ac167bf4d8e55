// JSON netlist writer: ports, gates with their fanin references, outputs; inverters are `neg` flags on
// references (netlist.ts). Stage: emit.

import { countGates, isGate, litNeg, litNode, type Lit, type Netlist } from '../ir/netlist.js';
import { signalNames } from './names.js';

export interface JsonRef { signal: string | 0 | 1; neg?: true }

export interface JsonNetlist {
  format: 'btfc-netlist';
  version: 1;
  module: string;
  inputs: { name: string; width: number; bus: boolean }[];
  outputs: { name: string; width: number; bus: boolean }[];
  /** Input bit names in table column order (x0, x1, …). */
  inputBits: string[];
  gates: { name: string; kind: 'and' | 'or' | 'maj'; ins: JsonRef[] }[];
  /** One reference per output bit, table column order, with the bit's name. */
  outputBits: { name: string; ref: JsonRef }[];
  counts: ReturnType<typeof countGates>;
}

export function netlistToJson(nl: Netlist): JsonNetlist {
  const names = signalNames(nl);
  const ref = (l: Lit): JsonRef => {
    if (l < 2) return { signal: l as 0 | 1 };
    return litNeg(l) ? { signal: names.node(litNode(l)), neg: true } : { signal: names.node(litNode(l)) };
  };
  const gates: JsonNetlist['gates'] = [];
  for (let i = nl.numInputs + 1; i < nl.nodes.length; i++) {
    const g = nl.nodes[i]!;
    if (isGate(g)) gates.push({ name: names.node(i), kind: g.kind, ins: g.ins.map(ref) });
  }
  return {
    format: 'btfc-netlist',
    version: 1,
    module: nl.name,
    inputs: nl.inputPorts.map((p) => ({ ...p })),
    outputs: nl.outputPorts.map((p) => ({ ...p })),
    inputBits: Array.from({ length: nl.numInputs }, (_, j) => names.node(1 + j)),
    gates,
    outputBits: nl.outputs.map((l, k) => ({ name: names.outputs[k]!, ref: ref(l) })),
    counts: countGates(nl),
  };
}

export function writeNetlistJson(nl: Netlist): string {
  return `${JSON.stringify(netlistToJson(nl), null, 2)}\n`;
}
