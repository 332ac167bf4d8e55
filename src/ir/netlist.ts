// Netlist: the gate-level circuit every stage after extraction works on (extract → simplify → emit/verify).
//
// Representation: an AIG-like DAG with complemented literals. Node 0 is the constant false; nodes
// 1..numInputs are the input bits x0, x1, … (table column order); gates follow in topological order (every
// fanin refers to an earlier node). A literal is `2·node + neg`: lit 0 = false, lit 1 = true, `lit ^ 1` is
// the complement. There is no NOT gate: an inverter is a complemented literal on an edge or an output, so
// inverter absorption (De Morgan, MAJ self-duality) is a matter of flipping bits, and structural hashing sees
// `~a` and `a` as the same node. Emitters print a complemented literal as `~n12`; the NOT count of a netlist
// is the number of distinct non-constant nodes referred to in complemented form (one inverter each).
//
// Gate kinds: AND2, OR2 (kept distinct from AND2-with-inverted-edges so the output reads like the gates the
// method yields, docs/ALGORITHM.md §6) and MAJ3.

import type { Port } from './spec.js';

export type Lit = number;

export type Gate =
  | { kind: 'and'; ins: [Lit, Lit] }
  | { kind: 'or'; ins: [Lit, Lit] }
  | { kind: 'maj'; ins: [Lit, Lit, Lit] };

export type GateKind = Gate['kind'];

export type NetNode =
  | { kind: 'const' }
  | { kind: 'input'; index: number }
  | Gate;

export interface Netlist {
  /** Module name. */
  name: string;
  /** Named ports; their bits, bit 0 first, are x0, x1, … resp. the entries of `outputs`. */
  inputPorts: Port[];
  outputPorts: Port[];
  numInputs: number;
  /** nodes[0] is the constant, nodes[1..numInputs] the inputs, then gates in topological order. */
  nodes: NetNode[];
  /** One literal per output bit, in table column order. */
  outputs: Lit[];
}

export const LIT_FALSE: Lit = 0;
export const LIT_TRUE: Lit = 1;

export const litNode = (l: Lit): number => l >>> 1;
export const litNeg = (l: Lit): boolean => (l & 1) === 1;
export const mkLit = (node: number, neg = false): Lit => 2 * node + (neg ? 1 : 0);
export const notLit = (l: Lit): Lit => l ^ 1;
export const isConstLit = (l: Lit): boolean => l < 2;

/** An empty netlist: the constant and the inputs, no gates, every output false. */
export function emptyNetlist(name: string, inputPorts: Port[], outputPorts: Port[]): Netlist {
  const numInputs = inputPorts.reduce((s, p) => s + p.width, 0);
  const numOutputs = outputPorts.reduce((s, p) => s + p.width, 0);
  const nodes: NetNode[] = [{ kind: 'const' }];
  for (let j = 0; j < numInputs; j++) nodes.push({ kind: 'input', index: j });
  return { name, inputPorts, outputPorts, numInputs, nodes, outputs: new Array<Lit>(numOutputs).fill(LIT_FALSE) };
}

/** Literal of input bit j. */
export const inputLit = (j: number, neg = false): Lit => mkLit(1 + j, neg);

/** Append a gate; returns its positive literal. Fanins must already exist. */
export function addGate(nl: Netlist, gate: Gate): Lit {
  for (const l of gate.ins) {
    if (litNode(l) >= nl.nodes.length) throw new Error(`internal: gate fanin ${l} refers to a node not yet built`);
  }
  nl.nodes.push(gate);
  return mkLit(nl.nodes.length - 1);
}

export function isGate(n: NetNode): n is Gate {
  return n.kind === 'and' || n.kind === 'or' || n.kind === 'maj';
}

export function cloneNetlist(nl: Netlist): Netlist {
  return {
    ...nl,
    nodes: nl.nodes.map((n) => (isGate(n) ? ({ kind: n.kind, ins: [...n.ins] } as Gate) : n)),
    outputs: [...nl.outputs],
  };
}

export interface GateCounts {
  and: number;
  or: number;
  maj: number;
  not: number;
  /** and + or + maj + not. */
  total: number;
}

/** Nodes reachable from the outputs (true for the constant and inputs only when used). */
export function liveNodes(nl: Netlist): Uint8Array {
  const live = new Uint8Array(nl.nodes.length);
  for (const l of nl.outputs) live[litNode(l)] = 1;
  for (let i = nl.nodes.length - 1; i > nl.numInputs; i--) {
    if (!live[i]) continue;
    const n = nl.nodes[i]!;
    if (isGate(n)) for (const l of n.ins) live[litNode(l)] = 1;
  }
  return live;
}

/** Gates by kind over the live part; NOT = distinct non-constant nodes used complemented. */
export function countGates(nl: Netlist): GateCounts {
  const live = liveNodes(nl);
  const negUsed = new Uint8Array(nl.nodes.length);
  const c = { and: 0, or: 0, maj: 0, not: 0, total: 0 };
  const useLit = (l: Lit) => { if (litNeg(l) && !isConstLit(l)) negUsed[litNode(l)] = 1; };
  for (let i = nl.numInputs + 1; i < nl.nodes.length; i++) {
    if (!live[i]) continue;
    const n = nl.nodes[i]!;
    if (!isGate(n)) continue;
    c[n.kind]++;
    for (const l of n.ins) useLit(l);
  }
  for (const l of nl.outputs) useLit(l);
  for (let i = 0; i < negUsed.length; i++) c.not += negUsed[i]!;
  c.total = c.and + c.or + c.maj + c.not;
  return c;
}

/** Logic depth in gates (AND/OR/MAJ count 1, inverters free) of the deepest output. */
export function gateDepth(nl: Netlist): number {
  const d = new Int32Array(nl.nodes.length);
  let max = 0;
  for (let i = nl.numInputs + 1; i < nl.nodes.length; i++) {
    const n = nl.nodes[i]!;
    if (!isGate(n)) continue;
    let m = 0;
    for (const l of n.ins) m = Math.max(m, d[litNode(l)]!);
    d[i] = m + 1;
  }
  for (const l of nl.outputs) max = Math.max(max, d[litNode(l)]!);
  return max;
}

/** Internal consistency: topological order, fanins in range, port widths match. Throws on violation. */
export function checkNetlist(nl: Netlist): void {
  const nIn = nl.inputPorts.reduce((s, p) => s + p.width, 0);
  const nOut = nl.outputPorts.reduce((s, p) => s + p.width, 0);
  if (nIn !== nl.numInputs) throw new Error(`internal: netlist has ${nl.numInputs} inputs but ports of ${nIn} bits`);
  if (nOut !== nl.outputs.length) throw new Error(`internal: netlist has ${nl.outputs.length} outputs but ports of ${nOut} bits`);
  if (nl.nodes[0]?.kind !== 'const') throw new Error('internal: node 0 is not the constant');
  for (let j = 0; j < nl.numInputs; j++) {
    const n = nl.nodes[1 + j];
    if (n?.kind !== 'input' || n.index !== j) throw new Error(`internal: node ${1 + j} is not input ${j}`);
  }
  for (let i = nl.numInputs + 1; i < nl.nodes.length; i++) {
    const n = nl.nodes[i]!;
    if (!isGate(n)) throw new Error(`internal: node ${i} is not a gate`);
    for (const l of n.ins) if (litNode(l) >= i) throw new Error(`internal: gate ${i} has fanin ${l} not before it`);
  }
  for (const l of nl.outputs) if (litNode(l) >= nl.nodes.length) throw new Error(`internal: output literal ${l} out of range`);
}

/**
 * AIG size and depth of the netlist as its Verilog maps (MAJ3 written `(a & b) | (c & (a | b))`): AND/OR
 * 1 node, MAJ3 4 nodes; inverters free. Used when Yosys is not run (`--no-prove`); Yosys's aigmap agrees.
 */
export function aigEstimate(nl: Netlist): { andNodes: number; depth: number } {
  const live = liveNodes(nl);
  const d = new Int32Array(nl.nodes.length);
  let andNodes = 0;
  for (let i = nl.numInputs + 1; i < nl.nodes.length; i++) {
    const n = nl.nodes[i]!;
    if (!isGate(n)) continue;
    const [da, db, dc] = n.ins.map((l) => d[litNode(l)]!);
    if (n.kind === 'maj') {
      const t1 = Math.max(da!, db!) + 1;
      d[i] = Math.max(dc!, t1) + 2;
      if (live[i]) andNodes += 4;
    } else {
      d[i] = Math.max(da!, db!) + 1;
      if (live[i]) andNodes += 1;
    }
  }
  let depth = 0;
  for (const l of nl.outputs) depth = Math.max(depth, d[litNode(l)]!);
  return { andNodes, depth };
}
