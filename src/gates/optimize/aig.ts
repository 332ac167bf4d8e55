// The AIG view the optimizer works on: every gate an AND2 with complemented edges, so that sharing across
// gates (an OR and a MAJ3 reading the same pair, a MAJ3's inner AND) is visible to structural hashing and
// to resubstitution. Stage: optimize (extract → simplify → optimize → emit); conversion to and from Netlist.
//
// Layout: node 0 is the constant false, nodes 1..numInputs the inputs x0, x1, …, then AND nodes in
// topological order, node i = f0[i] & f1[i]. Literals are `2·node + neg`, as in Netlist. An Aig is a value:
// transformations build a new one with `rebuild`, which also hashes, folds trivial ANDs and drops dead nodes.

import { isGate, litNeg, litNode, type Lit, type Netlist } from '../../ir/netlist.js';

export interface Aig {
  numInputs: number;
  /** Fanin literals of AND nodes; −1 for the constant and the inputs. */
  f0: number[];
  f1: number[];
  outputs: Lit[];
}

/** Number of AND nodes (every node of a rebuilt Aig is live). */
export const aigAnds = (a: Aig): number => a.f0.length - 1 - a.numInputs;

/** Appends AND nodes with structural hashing and trivial folding (a&0, a&1, a&a, a&~a). */
export class AigBuilder {
  readonly aig: Aig;
  private readonly hash = new Map<number, number>();

  constructor(numInputs: number) {
    const f0 = [-1];
    const f1 = [-1];
    for (let j = 0; j < numInputs; j++) { f0.push(-1); f1.push(-1); }
    this.aig = { numInputs, f0, f1, outputs: [] };
  }

  and(a: Lit, b: Lit): Lit {
    if (a > b) { const t = a; a = b; b = t; }
    if (a === 0) return 0;
    if (a === 1) return b;
    if (a === b) return a;
    if ((a ^ 1) === b) return 0;
    const key = a * 67108864 + b;
    const hit = this.hash.get(key);
    if (hit !== undefined) return 2 * hit;
    const n = this.aig.f0.length;
    this.aig.f0.push(a);
    this.aig.f1.push(b);
    this.hash.set(key, n);
    return 2 * n;
  }

  or(a: Lit, b: Lit): Lit { return this.and(a ^ 1, b ^ 1) ^ 1; }

  /** MAJ3 as (a & b) | (c & (a | b)): 4 AND nodes. */
  maj(a: Lit, b: Lit, c: Lit): Lit { return this.or(this.and(a, b), this.and(c, this.or(a, b))); }
}

/** The AIG of a netlist (MAJ3 → 4 ANDs, OR → complemented AND), hashed, dead gates dropped. */
export function aigFromNetlist(nl: Netlist): Aig {
  const b = new AigBuilder(nl.numInputs);
  const map: number[] = new Array(nl.nodes.length).fill(0);
  for (let j = 0; j <= nl.numInputs; j++) map[j] = 2 * j;
  const m = (l: Lit): Lit => map[litNode(l)]! ^ (litNeg(l) ? 1 : 0);
  for (let i = nl.numInputs + 1; i < nl.nodes.length; i++) {
    const g = nl.nodes[i]!;
    if (!isGate(g)) throw new Error(`internal: node ${i} is not a gate`);
    const [x, y, z] = g.ins.map(m) as [Lit, Lit, Lit | undefined];
    map[i] = g.kind === 'and' ? b.and(x, y) : g.kind === 'or' ? b.or(x, y) : b.maj(x, y, z!);
  }
  const a = b.aig;
  a.outputs = nl.outputs.map(m);
  return rebuild(a);
}

/**
 * A fresh, compact Aig computing the outputs of `src`, where node n is replaced by literal `subst[n]` when
 * that is set (the literal may refer to nodes appended to src past its topological part, as long as it does
 * not depend on n). Nodes come out in depth-first order from the outputs; only live nodes are kept.
 */
export function rebuild(src: Aig, subst?: ReadonlyMap<number, Lit>): Aig {
  const b = new AigBuilder(src.numInputs);
  const map = new Int32Array(src.f0.length).fill(-1);
  for (let j = 0; j <= src.numInputs; j++) map[j] = 2 * j;
  const build = (n: number): Lit => {
    const done = map[n]!;
    if (done >= 0) return done;
    if (done === -2) throw new Error('internal: AIG substitution forms a cycle');
    map[n] = -2;
    let r: Lit;
    const s = subst?.get(n);
    if (s !== undefined) {
      r = build(litNode(s)) ^ (s & 1);
    } else {
      const x = src.f0[n]!;
      const y = src.f1[n]!;
      if (x < 0) throw new Error(`internal: AIG node ${n} has no fanins`);
      r = b.and(build(litNode(x)) ^ (x & 1), build(litNode(y)) ^ (y & 1));
    }
    map[n] = r;
    return r;
  };
  const outs = src.outputs.map((l) => build(litNode(l)) ^ (l & 1));
  const a = b.aig;
  a.outputs = outs;
  return a;
}

/** Fanout count of every node (edges from AND nodes plus one per output reference). */
export function fanoutCounts(a: Aig): Int32Array {
  const refs = new Int32Array(a.f0.length);
  for (let i = a.numInputs + 1; i < a.f0.length; i++) {
    refs[litNode(a.f0[i]!)]!++;
    refs[litNode(a.f1[i]!)]!++;
  }
  for (const l of a.outputs) refs[litNode(l)]!++;
  return refs;
}
