// Pass dc-replace: don't-care-aware resubstitution. A gate is replaced by something cheaper — a constant,
// one of its own input literals, an earlier node, or (for a MAJ) an AND/OR of two of its inputs — when the
// circuit stays correct on the care set: immediately when the replacement equals the gate on every care
// row, else after re-simulating the gate's fanout on the care rows and checking every cared output bit
// (the replacement may differ where no output observes it). Simulation is over the table's care rows only.

import type { Pass, PassContext } from './pass.js';
import { evalGateWord, isGate, LIT_FALSE, LIT_TRUE, litNode, type Gate, type Lit, type Netlist } from '../../ir/netlist.js';

/** Upper bound on word operations spent on re-simulation per run (keeps big tables fast). */
const RESIM_BUDGET = 300_000_000;

interface CareSim {
  W: number;
  inputs: Uint32Array[];
  /** Per output: expected value and care over the care rows. */
  expect: Uint32Array[];
  care: Uint32Array[];
}

function careSim(nl: Netlist, ctx: PassContext): CareSim {
  const t = ctx.table;
  const rows = t.careRows();
  const W = Math.max(1, Math.ceil(rows.length / 32));
  const inputs: Uint32Array[] = [];
  for (let j = 0; j < nl.numInputs; j++) {
    const c = new Uint32Array(W);
    for (let i = 0; i < rows.length; i++) if ((rows[i]! >>> j) & 1) c[i >>> 5] = c[i >>> 5]! | (1 << (i & 31));
    inputs.push(c);
  }
  const expect: Uint32Array[] = [];
  const care: Uint32Array[] = [];
  for (let k = 0; k < t.numOutputs; k++) {
    const e = new Uint32Array(W);
    const c = new Uint32Array(W);
    for (let i = 0; i < rows.length; i++) {
      if (!t.isCare(k, rows[i]!)) continue;
      c[i >>> 5] = c[i >>> 5]! | (1 << (i & 31));
      if (t.value(k, rows[i]!)) e[i >>> 5] = e[i >>> 5]! | (1 << (i & 31));
    }
    expect.push(e);
    care.push(c);
  }
  return { W, inputs, expect, care };
}

function litWord(vals: Uint32Array[], l: Lit, w: number): number {
  const v = vals[litNode(l)]![w]!;
  return l & 1 ? ~v : v;
}

function gateColumn(g: Gate, vals: Uint32Array[], W: number, out: Uint32Array = new Uint32Array(W)): Uint32Array {
  for (let w = 0; w < W; w++) {
    out[w] = evalGateWord(g.kind, litWord(vals, g.ins[0], w), litWord(vals, g.ins[1], w), g.kind === 'maj' ? litWord(vals, g.ins[2], w) : 0);
  }
  return out;
}

function simulateAll(nl: Netlist, sim: CareSim): Uint32Array[] {
  const vals: Uint32Array[] = [new Uint32Array(sim.W), ...sim.inputs];
  for (let i = nl.numInputs + 1; i < nl.nodes.length; i++) vals.push(gateColumn(nl.nodes[i] as Gate, vals, sim.W));
  return vals;
}

function outputsOk(nl: Netlist, vals: Uint32Array[], sim: CareSim): boolean {
  for (let k = 0; k < nl.outputs.length; k++) {
    const l = nl.outputs[k]!;
    for (let w = 0; w < sim.W; w++) {
      if (((litWord(vals, l, w) ^ sim.expect[k]![w]!) & sim.care[k]![w]!) !== 0) return false;
    }
  }
  return true;
}

/** Cost of a gate kind for "cheaper": a literal 0, AND/OR 1, MAJ 3 (its AIG is about 4 ANDs vs 1). */
const cost = (g: Gate | Lit): number => (typeof g === 'number' ? 0 : g.kind === 'maj' ? 3 : 1);

function candidates(g: Gate): (Gate | Lit)[] {
  const out: (Gate | Lit)[] = [LIT_FALSE, LIT_TRUE];
  for (const l of g.ins) out.push(l);
  if (g.kind === 'maj') {
    const [a, b, c] = g.ins;
    for (const [x, y] of [[a, b], [a, c], [b, c]] as const) {
      out.push({ kind: 'and', ins: [x, y] }, { kind: 'or', ins: [x, y] });
    }
  }
  return out;
}

export const dcReplace: Pass = {
  name: 'dc-replace',
  summary: 'replace a gate by a cheaper one (constant, input, earlier node, AND/OR for MAJ) where the care set allows',
  run: (nl, ctx) => {
    const sim = careSim(nl, ctx);
    let vals = simulateAll(nl, sim);
    if (!outputsOk(nl, vals, sim)) return 0; // only ever turn a correct circuit into a correct circuit
    let budget = RESIM_BUDGET;
    let changes = 0;
    // Users of each node, to apply a literal substitution.
    const users: number[][] = nl.nodes.map(() => []);
    nl.nodes.forEach((n, i) => { if (isGate(n)) for (const l of n.ins) users[litNode(l)]!.push(i); });
    const scratch = new Uint32Array(sim.W);
    // Earlier nodes by column (and complement), for replacement by an equal earlier node.
    const byColumn = new Map<string, Lit>();
    const colKey = (c: Uint32Array) => Array.from(c).join(',');
    const negKey = (c: Uint32Array) => Array.from(c, (x) => ~x >>> 0).join(',');
    byColumn.set(colKey(vals[0]!), LIT_FALSE);
    byColumn.set(negKey(vals[0]!), LIT_TRUE);
    for (let j = 1; j <= nl.numInputs; j++) { byColumn.set(colKey(vals[j]!), 2 * j); byColumn.set(negKey(vals[j]!), 2 * j + 1); }
    for (let i = nl.numInputs + 1; i < nl.nodes.length; i++) {
      const g = nl.nodes[i] as Gate;
      if (users[i]!.length === 0 && !nl.outputs.some((l) => litNode(l) === i)) continue;
      const mine = vals[i]!;
      let chosen: Gate | Lit | undefined;
      const equal = byColumn.get(colKey(mine));
      if (equal !== undefined) chosen = equal;
      for (const c of chosen === undefined ? candidates(g) : []) {
        if (cost(c) >= cost(g)) continue;
        const col = typeof c === 'number' ? (c & 1 ? vals[litNode(c)]!.map((x) => ~x) : vals[litNode(c)]!) : gateColumn(c, vals, sim.W, scratch);
        let same = true;
        for (let w = 0; w < sim.W; w++) if (col[w] !== mine[w]) { same = false; break; }
        if (same) { chosen = c; break; }
        // Observability: re-simulate the fanout with the replacement and check the outputs.
        const work = (nl.nodes.length - i) * sim.W;
        if (budget < work) continue;
        budget -= work;
        const trial = vals.slice(0, i);
        trial.push(Uint32Array.from(col));
        for (let u = i + 1; u < nl.nodes.length; u++) trial.push(gateColumn(nl.nodes[u] as Gate, trial, sim.W));
        if (outputsOk(nl, trial, sim)) { chosen = c; break; }
      }
      if (chosen === undefined) {
        byColumn.set(colKey(mine), 2 * i);
        byColumn.set(negKey(mine), 2 * i + 1);
        continue;
      }
      changes++;
      if (typeof chosen === 'number') {
        const r = chosen;
        for (const u of new Set(users[i])) {
          const n = nl.nodes[u] as Gate;
          nl.nodes[u] = { kind: n.kind, ins: n.ins.map((l) => (litNode(l) === i ? r ^ (l & 1) : l)) } as Gate;
          users[litNode(r)]!.push(u);
        }
        users[i] = [];
        nl.outputs = nl.outputs.map((l) => (litNode(l) === i ? r ^ (l & 1) : l));
      } else {
        nl.nodes[i] = chosen;
        for (const l of chosen.ins) users[litNode(l)]!.push(i);
      }
      vals = simulateAll(nl, sim);
      if (!outputsOk(nl, vals, sim)) throw new Error(`internal: dc-replace broke the circuit at gate ${i}`);
      if (typeof chosen !== 'number') { byColumn.set(colKey(vals[i]!), 2 * i); byColumn.set(negKey(vals[i]!), 2 * i + 1); }
    }
    return changes;
  },
};
