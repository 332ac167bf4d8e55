// RRR as a window's re-synthesiser (gates/windows.ts): the window's partial functions become a small table
// (leaves → roots, don't-cares kept), solved by RRR on a layered net of one hidden layer as wide as the
// window has roots plus two, in the calling thread with a few restarts and a short iteration budget, then
// read back by extraction like any solved net (extract.ts checks every node on its patterns). Loaded only
// when windows are asked to use RRR (the solver is a lower stage, so gates may call it). Stage: optimize
// (windows) over solve → extract.

import { TruthTable } from '../../ir/truth-table.js';
import { layeredNet } from '../../ir/btf-net.js';
import { isGate, litNeg, litNode, type Netlist } from '../../ir/netlist.js';
import { solveNet } from '../../rrr/solve.js';
import { extract } from '../extract.js';
import type { Expr, PartialFn } from '../small-synth.js';

/** A few restarts of a few thousand iterations: a window is small, and the whole search shares the clock. */
const RESTARTS = 4;
const ITERATIONS = 3000;

/** The partial functions as one table (variable j = input j, root r = output r); undefined when nothing is cared. */
function windowTable(fns: readonly PartialFn[]): TruthTable | undefined {
  const s = fns[0]!.s;
  const t = new TruthTable(s, fns.length);
  let any = false;
  fns.forEach((f, r) => {
    for (let p = 0; p < 2 ** s; p++) {
      if (!((f.care[p >>> 5]! >>> (p & 31)) & 1)) continue;
      t.set(r, p, ((f.value[p >>> 5]! >>> (p & 31)) & 1) as 0 | 1);
      any = true;
    }
  });
  return any ? t : undefined;
}

/** One expression per root read back from an RRR solution, or undefined when no restart solved. */
export async function rrrSynth(fns: readonly PartialFn[], seed = 1): Promise<Array<Expr | undefined> | undefined> {
  if (fns.length === 0) return undefined;
  const table = windowTable(fns);
  if (!table) return undefined;
  const net = layeredNet([table.numInputs, fns.length + 2, fns.length], 3);
  const items = table.toItems();
  const res = await solveNet(net, items, {
    sigma: 3, beta: 0.2, gamma: 1e-3, iterations: ITERATIONS, gapstop: 0.01, restarts: RESTARTS, seed, workers: 1,
    all: false, inline: true, deterministicWinner: true, fitStop: true,
  });
  const w = res.solutions[0]?.weights ?? (res.best?.trainAccuracy === 1 ? res.best.weights : undefined);
  if (!w) return undefined;
  try {
    return netlistExprs(extract(net, w, table).netlist);
  } catch {
    return undefined;
  }
}

/** Each output of a netlist over s inputs as an expression (variable j = input j); shared nodes shared. */
export function netlistExprs(nl: Netlist): Expr[] {
  const memo = new Map<number, Expr>();
  const node = (n: number): Expr => {
    if (n === 0) return { t: 'const', v: 0 };
    if (n <= nl.numInputs) return { t: 'var', v: n - 1, neg: false };
    const hit = memo.get(n);
    if (hit) return hit;
    const g = nl.nodes[n]!;
    if (!isGate(g)) throw new Error(`internal: node ${n} is not a gate`);
    const e: Expr = { t: 'gate', kind: g.kind, ins: g.ins.map(lit), neg: false };
    memo.set(n, e);
    return e;
  };
  const lit = (l: number): Expr => {
    const e = node(litNode(l));
    if (!litNeg(l)) return e;
    return e.t === 'const' ? { t: 'const', v: (e.v ^ 1) as 0 | 1 } : { ...e, neg: !e.neg };
  };
  return nl.outputs.map(lit);
}
