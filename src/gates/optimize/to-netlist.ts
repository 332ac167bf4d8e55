// From the optimizer's Aig back to a Netlist of AND2 / OR2 / MAJ3 gates. Stage: optimize.
//
// The AIG size is fixed by now; this only lowers the tie-breaks of the cost (gate count, then NOT count):
//  - a fanout-free cone of 4 AND nodes over 3 leaves that computes a majority (inputs and output possibly
//    complemented) becomes one MAJ3 gate — the same 4 AIG nodes as Yosys maps it, 3 gates fewer;
//  - each gate is written as AND(a,b) or as OR(~a,~b) with its fanouts complemented (MAJ3 likewise, by
//    self-duality), chosen greedily so that as few nodes as possible are used in complemented form.

import { emptyNetlist, type Gate, type Netlist } from '../../ir/netlist.js';
import { fanoutCounts, type Aig } from './aig.js';

interface Emitted { kind: 'and' | 'maj'; ins: number[] }

export function aigToNetlist(a: Aig, like: Netlist): Netlist {
  const N = a.f0.length;
  const refs = fanoutCounts(a);
  const majOf = findMajorities(a, refs);
  // Which AIG nodes become gates: the roots of MAJ cones and AND nodes not swallowed by one.
  const inside = new Uint8Array(N);
  for (const [r, m] of majOf) for (const c of m.internal) if (c !== r) inside[c] = 1;
  // Gates in topological order: index in `gates` ↔ netlist node numInputs + 1 + index.
  const gates: Emitted[] = [];
  const gateOf = new Int32Array(N).fill(-1);
  const mapLit = (l: number): number => {
    const n = l >>> 1;
    if (n <= a.numInputs) return l;
    const g = gateOf[n]!;
    if (g < 0) throw new Error('internal: AIG node used before it was emitted');
    return 2 * (a.numInputs + 1 + g) + (l & 1);
  };
  for (let n = a.numInputs + 1; n < N; n++) {
    if (inside[n]) continue;
    const m = majOf.get(n);
    if (m) gates.push({ kind: 'maj', ins: m.ins.map(mapLit) });
    else gates.push({ kind: 'and', ins: [mapLit(a.f0[n]!), mapLit(a.f1[n]!)] });
    gateOf[n] = gates.length - 1;
  }
  // A MAJ root computes maj(ins) ^ outNeg: references to it carry the complement.
  const outNegOfGate = new Uint8Array(gates.length);
  for (const [r, m] of majOf) if (m.outNeg) outNegOfGate[gateOf[r]!] = 1;
  const fix = (l: number): number => {
    const n = l >>> 1;
    if (n <= a.numInputs) return l;
    return l ^ outNegOfGate[n - a.numInputs - 1]!;
  };
  for (const g of gates) g.ins = g.ins.map(fix);
  const outputs = a.outputs.map((l) => fix(mapLit(l)));
  const flip = choosePolarities(a.numInputs, gates, outputs);

  const nl = emptyNetlist(like.name, like.inputPorts, like.outputPorts);
  const pol = (l: number): number => {
    const n = l >>> 1;
    return n <= a.numInputs ? l : l ^ flip[n - a.numInputs - 1]!;
  };
  gates.forEach((g, i) => {
    const f = flip[i]!;
    const ins = g.ins.map((l) => pol(l) ^ f);
    const gate: Gate = g.kind === 'maj'
      ? { kind: 'maj', ins: [ins[0]!, ins[1]!, ins[2]!] }
      : { kind: f ? 'or' : 'and', ins: [ins[0]!, ins[1]!] };
    nl.nodes.push(gate);
  });
  nl.outputs = outputs.map(pol);
  return nl;
}

interface Maj { internal: number[]; ins: number[]; outNeg: number }

/** MAJ3 cones: root → its 4 AND nodes, 3 leaf literals, and whether the root is the complemented MAJ. */
function findMajorities(a: Aig, refs: Int32Array): Map<number, Maj> {
  const found = new Map<number, Maj>();
  const claimed = new Uint8Array(a.f0.length);
  // Roots from the top down, so that a cone is claimed by the outermost majority.
  for (let r = a.f0.length - 1; r > a.numInputs; r--) {
    if (claimed[r]) continue;
    const m = majCone(a, refs, r, claimed);
    if (!m) continue;
    for (const c of m.internal) claimed[c] = 1;
    found.set(r, m);
  }
  return found;
}

function majCone(a: Aig, refs: Int32Array, r: number, claimed: Uint8Array): Maj | undefined {
  // Grow connected sets of 4 nodes from r through single-fanout, unclaimed AND fanins.
  const seen = new Set<string>();
  const grow = (set: number[]): Maj | undefined => {
    const key = [...set].sort((x, y) => x - y).join(',');
    if (seen.has(key)) return undefined;
    seen.add(key);
    if (set.length === 4) return asMaj(a, r, set);
    for (const n of set) {
      for (const l of [a.f0[n]!, a.f1[n]!]) {
        const c = l >>> 1;
        if (c <= a.numInputs || set.includes(c) || refs[c] !== 1 || claimed[c]) continue;
        const m = grow([...set, c]);
        if (m) return m;
      }
    }
    return undefined;
  };
  return grow([r]);
}

/** The cone `set` (root r) as a MAJ3 of 3 leaf literals, if it computes one. */
function asMaj(a: Aig, r: number, set: number[]): Maj | undefined {
  const leaves: number[] = [];
  for (const n of set) {
    for (const l of [a.f0[n]!, a.f1[n]!]) {
      const c = l >>> 1;
      if (!set.includes(c) && !leaves.includes(c)) leaves.push(c);
    }
  }
  if (leaves.length !== 3) return undefined;
  // Truth table of r over the leaves: leaf k has pattern bits of k (8 rows in one byte).
  const val = new Map<number, number>();
  leaves.forEach((c, k) => val.set(c, [0xaa, 0xcc, 0xf0][k]!));
  const ev = (n: number): number => {
    const v = val.get(n);
    if (v !== undefined) return v;
    const x = a.f0[n]!;
    const y = a.f1[n]!;
    const t = (ev(x >>> 1) ^ (x & 1 ? 0xff : 0)) & (ev(y >>> 1) ^ (y & 1 ? 0xff : 0)) & 0xff;
    val.set(n, t);
    return t;
  };
  const f = ev(r);
  for (let p = 0; p < 8; p++) {
    const x = 0xaa ^ (p & 1 ? 0xff : 0);
    const y = 0xcc ^ (p & 2 ? 0xff : 0);
    const z = 0xf0 ^ (p & 4 ? 0xff : 0);
    const maj = ((x & y) | (x & z) | (y & z)) & 0xff;
    for (const q of [0, 1]) {
      if ((maj ^ (q ? 0xff : 0)) === f) {
        return { internal: set, ins: leaves.map((c, k) => 2 * c + ((p >> k) & 1)), outNeg: q };
      }
    }
  }
  return undefined;
}

/**
 * Output-complement bit per gate minimising the NOT count (distinct non-constant nodes referred to in
 * complemented form). Flipping gate g complements every reference to g and every fanin of g.
 */
function choosePolarities(numInputs: number, gates: Emitted[], outputs: number[]): Uint8Array {
  const first = numInputs + 1;
  const total = first + gates.length;
  const flip = new Uint8Array(gates.length);
  const negRefs = new Int32Array(total);
  const allRefs = new Int32Array(total);
  gates.forEach((g, i) => {
    for (const l of g.ins) {
      if (l < 2) continue;
      allRefs[l >>> 1]!++;
      if (l & 1) negRefs[l >>> 1]!++;
    }
  });
  for (const l of outputs) {
    if (l < 2) continue;
    allRefs[l >>> 1]!++;
    if (l & 1) negRefs[l >>> 1]!++;
  }
  const nots = (neg: number) => (neg > 0 ? 1 : 0);
  // Toggling gate i: its references flip (neg ↔ pos); each fanin edge of i flips.
  const delta = (i: number): number => {
    const n = first + i;
    let d = nots(allRefs[n]! - negRefs[n]!) - nots(negRefs[n]!);
    const change = new Map<number, number>();
    for (const l of gates[i]!.ins) {
      if (l < 2) continue;
      const s = l >>> 1;
      const isNeg = ((l & 1) ^ (s >= first ? flip[s - first]! : 0) ^ flip[i]!) === 1;
      change.set(s, (change.get(s) ?? 0) + (isNeg ? -1 : 1));
    }
    for (const [s, c] of change) {
      if (s === n) continue;
      d += nots(negRefs[s]! + c) - nots(negRefs[s]!);
    }
    return d;
  };
  const apply = (i: number) => {
    const n = first + i;
    for (const l of gates[i]!.ins) {
      if (l < 2) continue;
      const s = l >>> 1;
      const isNeg = ((l & 1) ^ (s >= first ? flip[s - first]! : 0) ^ flip[i]!) === 1;
      negRefs[s] = negRefs[s]! + (isNeg ? -1 : 1);
    }
    negRefs[n] = allRefs[n]! - negRefs[n]!;
    flip[i] = flip[i]! ^ 1;
  };
  // negRefs counts effective polarities; with all flips 0 they are the literal polarities.
  for (let round = 0; round < 20; round++) {
    let improved = false;
    for (let i = 0; i < gates.length; i++) {
      if (delta(i) < 0) { apply(i); improved = true; }
    }
    if (!improved) break;
  }
  return flip;
}
