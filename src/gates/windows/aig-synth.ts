// Synthesis of a small partial function for AIG size (gates/windows.ts): small-synth.ts minimises gates
// with MAJ3 counted as one, but a window's cost is AIG nodes, where a MAJ3 is four. Here a memoised
// search over splits picks, at every step, the cheapest way in AND nodes:
//   f independent of x on its care set → drop x (0)    f = x & g, ~x & g, x | g, ~x | g → 1
//   f positive unate in x: f = g0 | (x & g1) → 2        negative: g0 | (~x & g1) → 2
//   f = x ⊕ g → 3                                      otherwise the multiplexer → 3
// plus the constants, literals and single ANDs of two literals as base cases. Every split exploits the
// don't-cares (cofactors keep them; a unate split widens them as in small-synth's MAJ split). Exhaustive
// over the variables up to 6 of them, else over the 2 most promising, and when that overruns the work
// budget (words of truth table touched: bounded and machine-independent) greedily over the best one. Stage: optimize (windows).

import { inputWord } from '../simulate.js';
import { intervalCover } from '../isop.js';
import { unateMaj, type Expr, type PartialFn } from '../small-synth.js';

/** Search modes tried in turn until one fits the budget: [variables searched exhaustively, breadth beyond]. */
const MODES: ReadonlyArray<readonly [number, number]> = [[6, 2], [0, 1]];

class OutOfBudget extends Error {}

interface Best { expr: Expr; cost: number }

type Fn = PartialFn;

const words = (s: number) => Math.max(1, Math.ceil(2 ** s / 32));

function isConst(f: Fn, v: 0 | 1): boolean {
  const m = v ? 0xffffffff : 0;
  for (let w = 0; w < f.care.length; w++) if (((f.value[w]! ^ m) & f.care[w]!) !== 0) return false;
  return true;
}

function matches(col: Uint32Array, neg: number, f: Fn): boolean {
  for (let w = 0; w < col.length; w++) if (((col[w]! ^ neg ^ f.value[w]!) & f.care[w]!) !== 0) return false;
  return true;
}

/** Cofactor on x = bit, over the same 2^s patterns (x no longer matters). */
function cofactor(f: Fn, x: number, bit: 0 | 1): Fn {
  const n = 2 ** f.s;
  const W = f.value.length;
  const value = new Uint32Array(W);
  const care = new Uint32Array(W);
  const xb = 1 << x;
  for (let p = 0; p < n; p++) {
    const q = bit ? p | xb : p & ~xb;
    if ((f.care[q >>> 5]! >>> (q & 31)) & 1) {
      care[p >>> 5] = care[p >>> 5]! | (1 << (p & 31));
      if ((f.value[q >>> 5]! >>> (q & 31)) & 1) value[p >>> 5] = value[p >>> 5]! | (1 << (p & 31));
    }
  }
  return { s: f.s, value, care };
}

/** The function equal to a where a is cared, to b (complemented when negB) where only b is; undefined on conflict. */
function merge(a: Fn, b: Fn, negB: boolean): Fn | undefined {
  const W = a.value.length;
  const m = negB ? 0xffffffff : 0;
  const value = new Uint32Array(W);
  const care = new Uint32Array(W);
  for (let w = 0; w < W; w++) {
    const bv = (b.value[w]! ^ m) & b.care[w]!;
    if (((a.value[w]! ^ bv) & a.care[w]! & b.care[w]!) !== 0) return undefined;
    care[w] = a.care[w]! | b.care[w]!;
    value[w] = (a.value[w]! & a.care[w]!) | (bv & ~a.care[w]!);
  }
  return { s: a.s, value, care };
}

const lit = (v: number, neg: boolean): Expr => ({ t: 'var', v, neg });
const gate = (kind: 'and' | 'or', a: Expr, b: Expr): Expr => ({ t: 'gate', kind, ins: [a, b], neg: false });
const neg = (e: Expr): Expr => (e.t === 'const' ? { t: 'const', v: (e.v ^ 1) as 0 | 1 } : { ...e, neg: !e.neg });

/** Smallest-AIG expression found for fn within `work` words of truth table touched; undefined past it. */
export function aigSynth(fn: PartialFn, work = 2_000_000): Expr | undefined {
  const W = words(fn.s);
  const cols: Uint32Array[] = [];
  for (let v = 0; v < fn.s; v++) {
    const c = new Uint32Array(W);
    for (let w = 0; w < W; w++) c[w] = inputWord(v, w);
    cols.push(c);
  }
  for (const [exhaustive, breadth] of MODES) {
    const memo = new Map<string, Best>();
    let spent = 0;
    const rec = (f: Fn, vars: number[]): Best => {
      spent += W * (4 + vars.length * vars.length);
      if (spent > work) throw new OutOfBudget();
      const key = `${vars.join(',')}|${f.value.join(',')}|${f.care.join(',')}`;
      const hit = memo.get(key);
      if (hit) return hit;
      const best = base(f, cols, vars) ?? splits(f, vars, rec, vars.length <= exhaustive ? vars.length : breadth);
      memo.set(key, best);
      return best;
    };
    try {
      return rec(fn, Array.from({ length: fn.s }, (_, v) => v)).expr;
    } catch (err) {
      if (!(err instanceof OutOfBudget)) throw err;
    }
  }
  return undefined;
}

/** Constants, literals, and one AND of two literals (any polarities, output complemented or not). */
function base(f: Fn, cols: Uint32Array[], vars: number[]): Best | undefined {
  if (isConst(f, 0)) return { expr: { t: 'const', v: 0 }, cost: 0 };
  if (isConst(f, 1)) return { expr: { t: 'const', v: 1 }, cost: 0 };
  for (const v of vars) {
    if (matches(cols[v]!, 0, f)) return { expr: lit(v, false), cost: 0 };
    if (matches(cols[v]!, 0xffffffff, f)) return { expr: lit(v, true), cost: 0 };
  }
  const t = new Uint32Array(f.value.length);
  for (let i = 0; i < vars.length; i++) {
    for (let j = i + 1; j < vars.length; j++) {
      for (let pol = 0; pol < 4; pol++) {
        const a = cols[vars[i]!]!;
        const b = cols[vars[j]!]!;
        const ma = pol & 1 ? 0xffffffff : 0;
        const mb = pol & 2 ? 0xffffffff : 0;
        for (let w = 0; w < t.length; w++) t[w] = (a[w]! ^ ma) & (b[w]! ^ mb);
        const e = gate('and', lit(vars[i]!, (pol & 1) === 1), lit(vars[j]!, (pol & 2) === 2));
        if (matches(t, 0, f)) return { expr: e, cost: 1 };
        if (matches(t, 0xffffffff, f)) return { expr: neg(e), cost: 1 };
      }
    }
  }
  return undefined;
}

/** A split of f on x: how (rank: lower is cheaper) and the subfunctions it needs. */
interface Split { rank: number; make: (rec: (g: Fn) => Best) => Best }

function splitOn(f: Fn, x: number): Split {
  const f0 = cofactor(f, x, 0);
  const f1 = cofactor(f, x, 1);
  const X = lit(x, false);
  const nX = lit(x, true);
  const same = merge(f0, f1, false);
  if (same) return { rank: 0, make: (r) => r(same) };
  const one = (g: Fn, build: (e: Expr) => Expr): Split => ({ rank: 1, make: (r) => { const b = r(g); return { expr: build(b.expr), cost: b.cost + 1 }; } });
  if (isConst(f0, 0)) return one(f1, (e) => gate('and', X, e));
  if (isConst(f1, 0)) return one(f0, (e) => gate('and', nX, e));
  if (isConst(f0, 1)) return one(f1, (e) => gate('or', nX, e));
  if (isConst(f1, 1)) return one(f0, (e) => gate('or', X, e));
  // g0 | (x & g1) with g0 ≤ g1 (positive unate), g0 | (~x & g1) (negative).
  for (const [lo, hi, l] of [[f0, f1, X], [f1, f0, nX]] as const) {
    const u = unateMaj(lo, hi);
    if (u) return { rank: 2, make: (r) => { const a = r(u.lo); const b = r(u.hi); return { expr: gate('or', a.expr, gate('and', l, b.expr)), cost: a.cost + b.cost + 2 }; } };
  }
  const x1 = merge(f0, f1, true);
  if (x1) {
    // f = x ? ~g : g = (x | g) & ~(x & g).
    return { rank: 3, make: (r) => { const g = r(x1); return { expr: gate('and', gate('or', X, g.expr), neg(gate('and', X, g.expr))), cost: g.cost + 3 }; } };
  }
  return { rank: 4, make: (r) => { const a = r(f0); const b = r(f1); return { expr: gate('or', gate('and', X, b.expr), gate('and', nX, a.expr)), cost: a.cost + b.cost + 3 }; } };
}

/** The best of the splits on the `breadth` most promising variables (all of them: exhaustive). */
function splits(f: Fn, vars: number[], rec: (g: Fn, vars: number[]) => Best, breadth: number): Best {
  const all = vars.map((x) => ({ x, s: splitOn(f, x) }));
  // A variable f does not depend on is dropped at once.
  const dropped = all.find((c) => c.s.rank === 0);
  if (dropped) return dropped.s.make((g) => rec(g, vars.filter((u) => u !== dropped.x)));
  const tried = breadth >= vars.length ? all : [...all].sort((p, q) => p.s.rank - q.s.rank).slice(0, breadth);
  let best: Best | undefined;
  for (const c of tried) {
    const rest = vars.filter((u) => u !== c.x);
    const b = c.s.make((g) => rec(g, rest));
    if (!best || b.cost < best.cost) best = b;
  }
  return best!;
}

// ---------------------------------------------------------------------------------------------------------
// Irredundant sum of products (Minato–Morreale) between the onset and the onset plus don't-cares: a cover
// that uses the don't-cares far more freely than splits do when only a few patterns are cared about.

/** A cube: literals as [variable, complemented], in increasing variable order. */
type Cube = Array<[number, boolean]>;

const andW = (x: Uint32Array, y: Uint32Array) => x.map((w, i) => w & y[i]!);
const notW = (x: Uint32Array) => x.map((w) => ~w);

/** The cover of [L, U] over s variables (gates/isop.ts), its cubes as literal lists. */
function isopCubes(L: Uint32Array, U: Uint32Array, s: number): Cube[] {
  return intervalCover(L, U, s).map((c) => {
    const lits: Cube = [];
    for (let v = 0; v < s; v++) {
      if ((c.pos >>> v) & 1) lits.push([v, false]);
      else if ((c.neg >>> v) & 1) lits.push([v, true]);
    }
    return lits;
  });
}

/** A cover as an expression: an OR of ANDs (the constants for no cube or an empty one). */
function sopExpr(cubes: Cube[]): Best {
  if (cubes.length === 0) return { expr: { t: 'const', v: 0 }, cost: 0 };
  let cost = cubes.length - 1;
  const terms = cubes.map((c) => {
    if (c.length === 0) return { t: 'const', v: 1 } as Expr;
    cost += c.length - 1;
    return c.map(([v, n]) => lit(v, n)).reduce((p, q) => gate('and', p, q));
  });
  return { expr: terms.reduce((p, q) => gate('or', p, q)), cost };
}

/** The smaller of the ISOP covers of f and of its complement (then inverted). */
export function sopSynth(fn: PartialFn): { expr: Expr; cost: number } {
  const W = fn.value.length;
  const full = fn.s >= 5 ? new Uint32Array(W).fill(0xffffffff) : Uint32Array.of(2 ** (2 ** fn.s) - 1);
  const on = andW(fn.value, fn.care);
  const off = andW(notW(fn.value), fn.care);
  const pos = sopExpr(isopCubes(on, andW(notW(off), full), fn.s));
  const negd = sopExpr(isopCubes(off, andW(notW(on), full), fn.s));
  return negd.cost < pos.cost ? { expr: neg(negd.expr), cost: negd.cost } : pos;
}
