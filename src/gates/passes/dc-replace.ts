// Pass dc-replace: don't-care-aware resubstitution. A gate is replaced by something cheaper — a constant,
// one of its own input literals, an earlier node, or (for a MAJ) an AND/OR of two of its inputs — when the
// circuit stays correct on the care set: immediately when the replacement equals the gate on every care
// row, else after re-simulating the gate's fanout on the care rows and checking every cared output bit
// (the replacement may differ where no output observes it). Simulation is over the table's care rows only.

import type { Pass } from './pass.js';
import { isGate, LIT_FALSE, LIT_TRUE, litNode, type Gate, type Lit, type Netlist } from '../../ir/netlist.js';
import { careRows, FanoutSim, fitsCare, gateInto, netlistCircuit, simulateCare, type CareRows, type SimCircuit } from '../simulate.js';

/** Upper bound on word operations spent on re-simulation per run (keeps big tables fast). */
const RESIM_BUDGET = 300_000_000;

/** Column of a gate that is not (yet) in the netlist, over the node columns `vals`. */
function gateColumn(g: Gate, vals: readonly Uint32Array[], W: number, out: Uint32Array = new Uint32Array(W)): Uint32Array {
  gateInto(out, g.kind, vals, g.ins[0], g.ins[1], g.kind === 'maj' ? g.ins[2] : 0, W);
  return out;
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

/** Earlier nodes by column (and complement), for replacement by an equal earlier node. */
class ColumnIndex {
  private readonly byColumn = new Map<string, Lit>();
  private static key(c: Uint32Array): string { return Array.from(c).join(','); }
  private static negKey(c: Uint32Array): string { return Array.from(c, (x) => ~x >>> 0).join(','); }
  /** Record node n's column: its positive literal under it, its complement under the complement. */
  add(col: Uint32Array, n: number): void {
    this.byColumn.set(ColumnIndex.key(col), 2 * n);
    this.byColumn.set(ColumnIndex.negKey(col), 2 * n + 1);
  }
  get(col: Uint32Array): Lit | undefined { return this.byColumn.get(ColumnIndex.key(col)); }
}

/** The state of one run: the netlist being rewritten, its columns on the care rows, who uses whom. */
interface Run {
  nl: Netlist;
  cr: CareRows;
  circuit: SimCircuit;
  vals: Uint32Array[];
  /** Users of each node, to apply a literal substitution. */
  users: number[][];
  fan: FanoutSim;
  scratch: Uint32Array;
  /** Word operations left for re-simulation. */
  budget: number;
}

/** A cheaper replacement for gate i that keeps every cared output bit, or undefined. */
function findReplacement(run: Run, i: number, g: Gate): Gate | Lit | undefined {
  const { nl, cr, vals } = run;
  const W = cr.W;
  const mine = vals[i]!;
  for (const c of candidates(g)) {
    if (cost(c) >= cost(g)) continue;
    const col = typeof c === 'number' ? (c & 1 ? vals[litNode(c)]!.map((x) => ~x) : vals[litNode(c)]!) : gateColumn(c, vals, W, run.scratch);
    let same = true;
    for (let w = 0; w < W; w++) if (col[w] !== mine[w]) { same = false; break; }
    if (same) return c;
    // Observability: re-simulate the fanout with the replacement and check the outputs.
    const work = (nl.nodes.length - i) * W;
    if (run.budget < work) continue;
    run.budget -= work;
    if (fitsCare(cr, nl.outputs, run.fan.resimulate(run.circuit, vals, i, col, W))) return c;
  }
  return undefined;
}

/** Put `chosen` in place of gate i (a literal: redirect i's users and outputs) and re-simulate. */
function replace(run: Run, i: number, chosen: Gate | Lit): void {
  const { nl, users } = run;
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
  run.circuit = netlistCircuit(nl);
  run.vals = simulateCare(run.circuit, run.cr);
  if (!fitsCare(run.cr, nl.outputs, run.vals)) throw new Error(`internal: dc-replace broke the circuit at gate ${i}`);
}

export const dcReplace: Pass = {
  name: 'dc-replace',
  summary: 'replace a gate by a cheaper one (constant, input, earlier node, AND/OR for MAJ) where the care set allows',
  run: (nl, ctx) => {
    const cr = careRows(ctx.table);
    const circuit = netlistCircuit(nl);
    const vals = simulateCare(circuit, cr);
    if (!fitsCare(cr, nl.outputs, vals)) return 0; // only ever turn a correct circuit into a correct circuit
    const users: number[][] = nl.nodes.map(() => []);
    nl.nodes.forEach((n, i) => { if (isGate(n)) for (const l of n.ins) users[litNode(l)]!.push(i); });
    const run: Run = { nl, cr, circuit, vals, users, fan: new FanoutSim(), scratch: new Uint32Array(cr.W), budget: RESIM_BUDGET };
    const index = new ColumnIndex();
    for (let j = 0; j <= nl.numInputs; j++) index.add(vals[j]!, j);
    let changes = 0;
    for (let i = nl.numInputs + 1; i < nl.nodes.length; i++) {
      if (users[i]!.length === 0 && !nl.outputs.some((l) => litNode(l) === i)) continue;
      const mine = run.vals[i]!;
      const chosen = index.get(mine) ?? findReplacement(run, i, nl.nodes[i] as Gate);
      if (chosen === undefined) {
        index.add(mine, i);
        continue;
      }
      changes++;
      replace(run, i, chosen);
      if (typeof chosen !== 'number') index.add(run.vals[i]!, i);
    }
    return changes;
  },
};
