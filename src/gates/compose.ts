// Composition of circuits: f(X) = g(h(X_A), X_B) built from the netlists of h and g (discover's disjoint
// decomposition, discover/decompose.ts), and a multi-output function merged from circuits of its outputs
// (discover's per-output grain, discover/cones.ts). Stage: extract — the composed netlist then goes through
// the same simplify → optimize → exhaustive simulation as any extracted one (synthesize.ts, finishNetlist).

import type { Port } from '../ir/spec.js';
import { addGate, emptyNetlist, inputLit, isGate, LIT_FALSE, litNode, type Lit, type Netlist } from '../ir/netlist.js';

/** Copy `src`'s gates into `dst` with its inputs bound to `inputs`; returns the literals of src's outputs. */
function instantiate(dst: Netlist, src: Netlist, inputs: readonly Lit[]): Lit[] {
  if (inputs.length !== src.numInputs) throw new Error(`internal: ${src.name} has ${src.numInputs} inputs, ${inputs.length} given`);
  const map: Lit[] = new Array<Lit>(src.nodes.length);
  const lit = (l: Lit) => map[litNode(l)]! ^ (l & 1);
  src.nodes.forEach((node, i) => {
    if (node.kind === 'const') map[i] = LIT_FALSE;
    else if (node.kind === 'input') map[i] = inputs[node.index]!;
    else if (isGate(node)) map[i] = addGate(dst, { ...node, ins: node.ins.map(lit) } as typeof node);
  });
  return src.outputs.map(lit);
}

/**
 * The netlist of f = g(h(x[bound]), x[free]) over f's ports: h's netlist takes the inputs `bound` (in
 * order), g's netlist takes h's output first, then the inputs `free`.
 */
export function composeNetlists(
  name: string, inputPorts: Port[], outputPorts: Port[],
  h: Netlist, bound: readonly number[], g: Netlist, free: readonly number[],
): Netlist {
  const nl = emptyNetlist(name, inputPorts, outputPorts);
  if (h.outputs.length !== 1) throw new Error(`internal: the inner circuit ${h.name} must have one output, it has ${h.outputs.length}`);
  const [hOut] = instantiate(nl, h, bound.map((j) => inputLit(j)));
  const outs = instantiate(nl, g, [hOut!, ...free.map((j) => inputLit(j))]);
  if (outs.length !== nl.outputs.length) throw new Error(`internal: ${g.name} has ${outs.length} outputs, ${name} ${nl.outputs.length}`);
  nl.outputs = outs;
  return nl;
}

/** A circuit of some of a function's outputs over some of its inputs (the per-output grain's parts). */
export interface OutputPart {
  netlist: Netlist;
  /** The function's input feeding each of the part's inputs, in order. */
  inputs: readonly number[];
  /** The function's output each of the part's outputs drives, in order. */
  outputs: readonly number[];
}

/**
 * One netlist over the function's ports from circuits of disjoint sets of its outputs: every part's gates
 * copied in with its inputs bound to the function's. Logic the parts have in common is not shared yet:
 * the simplifier's structural hashing and the optimizer's resubstitution do that afterwards.
 */
export function mergeOutputs(name: string, inputPorts: Port[], outputPorts: Port[], parts: readonly OutputPart[]): Netlist {
  const nl = emptyNetlist(name, inputPorts, outputPorts);
  const set = new Array<boolean>(nl.outputs.length).fill(false);
  for (const p of parts) {
    const outs = instantiate(nl, p.netlist, p.inputs.map((j) => inputLit(j)));
    if (outs.length !== p.outputs.length) throw new Error(`internal: ${p.netlist.name} has ${outs.length} outputs, ${p.outputs.length} expected`);
    p.outputs.forEach((k, i) => {
      if (set[k]) throw new Error(`internal: output ${k} of ${name} is driven by two parts`);
      set[k] = true;
      nl.outputs[k] = outs[i]!;
    });
  }
  const missing = set.indexOf(false);
  if (missing >= 0) throw new Error(`internal: output ${missing} of ${name} is driven by no part`);
  return nl;
}
