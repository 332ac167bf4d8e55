// Small synthesis of partial Boolean functions (≤ ~10 variables, don't-cares allowed) into AND2/OR2/MAJ3
// trees with free inverters. Stage: extract, for BTF nodes whose function on the patterns they actually see
// needs more than one gate (σ > 3, or deep layers of a net that is not cleanly sparse, docs/ALGORITHM.md §6).
//
// Two methods, the smaller result wins:
//  - exact: enumerate circuits of 1, 2 (and, for ≤ 5 variables, 3) gates by increasing size, with a budget;
//    the first circuit correct on the care set is minimal in gate count;
//  - decomposition: a memoised search over Shannon splits, where a split on x is one gate when a cofactor
//    is constant (AND/OR), one MAJ3 when f is unate in x (f = MAJ(x, g0, g1) with g0 ≤ g1), else a
//    3-gate multiplexer; it picks the cheapest variable at every step (exhaustively up to 8 variables,
//    else the first variable of the caller's preference order).

import { inputWord } from './simulate.js';
import type { Gate, GateKind, Lit } from '../ir/netlist.js';

/** A partial function of s variables: bit p of value/care is f at the pattern p (x_v = bit v of p). */
export interface PartialFn {
  s: number;
  value: Uint32Array;
  care: Uint32Array;
}

/** An expression tree over the variables; `neg` complements the node's output. */
export type Expr =
  | { t: 'const'; v: 0 | 1 }
  | { t: 'var'; v: number; neg: boolean }
  | { t: 'gate'; kind: GateKind; ins: Expr[]; neg: boolean };

export function exprCost(e: Expr): number {
  return e.t === 'gate' ? 1 + e.ins.reduce((s, x) => s + exprCost(x), 0) : 0;
}

export function negExpr(e: Expr): Expr {
  if (e.t === 'const') return { t: 'const', v: (e.v ^ 1) as 0 | 1 };
  return { ...e, neg: !e.neg };
}

const words = (s: number) => Math.max(1, Math.ceil(2 ** s / 32));

/** The function of variable v as a column over 2^s patterns. */
function varColumn(v: number, s: number): Uint32Array {
  const col = new Uint32Array(words(s));
  for (let w = 0; w < col.length; w++) col[w] = inputWord(v, w);
  return col;
}

/** Exact care mask for 2^s patterns (for s < 5 only the low bits of word 0). */
export function fullCare(s: number): Uint32Array {
  const c = new Uint32Array(words(s));
  if (s >= 5) c.fill(0xffffffff);
  else c[0] = (2 ** (2 ** s)) - 1;
  return c;
}

function matches(f: Uint32Array, neg: number, fn: PartialFn): boolean {
  for (let w = 0; w < f.length; w++) if (((f[w]! ^ neg ^ fn.value[w]!) & fn.care[w]!) !== 0) return false;
  return true;
}

function isConst(fn: PartialFn, v: 0 | 1): boolean {
  const m = v ? 0xffffffff : 0;
  for (let w = 0; w < fn.care.length; w++) if (((fn.value[w]! ^ m) & fn.care[w]!) !== 0) return false;
  return true;
}

function careEmpty(fn: PartialFn): boolean {
  for (let w = 0; w < fn.care.length; w++) if (fn.care[w] !== 0) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// Exact enumeration

interface Signal { col: Uint32Array; expr: Expr }

/** One gate over signal indices; `pol` bit i complements fanin i (MAJ: bit 2 never set, by self-duality). */
interface Option { kind: GateKind; f: number[]; pol: number }

function gateCol(kind: GateKind, a: Uint32Array, b: Uint32Array, c: Uint32Array | undefined, pol: number, out: Uint32Array = new Uint32Array(a.length)): Uint32Array {
  const ma = pol & 1 ? 0xffffffff : 0;
  const mb = pol & 2 ? 0xffffffff : 0;
  const mc = pol & 4 ? 0xffffffff : 0;
  for (let w = 0; w < a.length; w++) {
    const x = a[w]! ^ ma;
    const y = b[w]! ^ mb;
    if (kind === 'and') out[w] = x & y;
    else if (kind === 'or') out[w] = x | y;
    else { const z = c![w]! ^ mc; out[w] = (x & y) | (x & z) | (y & z); }
  }
  return out;
}

function gateExpr(kind: GateKind, ins: Expr[], pol: number): Expr {
  return { t: 'gate', kind, neg: false, ins: ins.map((e, i) => ((pol >> i) & 1 ? negExpr(e) : e)) };
}

/**
 * Every one-gate option over n signals, ordered by the highest fanin index so that the options over n−1
 * signals are a prefix of those over n (the search's symmetry breaking relies on it). General mode: AND
 * with 4 input polarities (OR is a complemented AND) and MAJ with 4 (self-dual). Monotone mode: AND, OR,
 * MAJ of positive literals only.
 */
function options(n: number, monotone: boolean): Option[] {
  const out: Option[] = [];
  for (let c = 1; c < n; c++) {
    for (let i = 0; i < c; i++) {
      if (monotone) { out.push({ kind: 'and', f: [i, c], pol: 0 }, { kind: 'or', f: [i, c], pol: 0 }); continue; }
      for (let pol = 0; pol < 4; pol++) out.push({ kind: 'and', f: [i, c], pol });
    }
    for (let i = 0; i < c; i++) {
      for (let j = i + 1; j < c; j++) {
        if (monotone) { out.push({ kind: 'maj', f: [i, j, c], pol: 0 }); continue; }
        for (let pol = 0; pol < 4; pol++) out.push({ kind: 'maj', f: [i, j, c], pol });
      }
    }
  }
  return out;
}

function optCol(o: Option, sigs: readonly Signal[], out?: Uint32Array): Uint32Array {
  return gateCol(o.kind, sigs[o.f[0]!]!.col, sigs[o.f[1]!]!.col, o.kind === 'maj' ? sigs[o.f[2]!]!.col : undefined, o.pol, out);
}

function optExpr(o: Option, sigs: readonly Signal[]): Expr {
  return gateExpr(o.kind, o.f.map((i) => sigs[i]!.expr), o.pol);
}

/** True when a monotone (inverter-free) circuit can match fn: no cared 1 at p below a cared 0 at q ⊇ p. */
export function monotoneCompatible(fn: PartialFn): boolean {
  const n = 2 ** fn.s;
  const bit = (a: Uint32Array, p: number) => (a[p >>> 5]! >>> (p & 31)) & 1;
  for (let p = 0; p < n; p++) {
    if (!bit(fn.care, p) || !bit(fn.value, p)) continue;
    // every superset q of p must not be a cared 0
    for (let q = p; q < n; q = (q + 1) | p) {
      if (bit(fn.care, q) && !bit(fn.value, q)) return false;
    }
  }
  return true;
}

/** The one-gate options over n signals as flat arrays, for the exact search's inner loop. */
interface OptionTable { length: number; kind: Uint8Array; f0: Int32Array; f1: Int32Array; f2: Int32Array; pol: Uint8Array; list: Option[] }

const KIND_CODE: Record<GateKind, number> = { and: 0, or: 1, maj: 2 };
const optionTables = new Map<string, OptionTable>();

/** options(n, monotone), flattened once per process: the options depend on nothing else. */
function optionTable(n: number, monotone: boolean): OptionTable {
  const key = `${n}|${monotone}`;
  let t = optionTables.get(key);
  if (t) return t;
  const list = options(n, monotone);
  t = {
    length: list.length, list,
    kind: Uint8Array.from(list, (o) => KIND_CODE[o.kind]), pol: Uint8Array.from(list, (o) => o.pol),
    f0: Int32Array.from(list, (o) => o.f[0]!), f1: Int32Array.from(list, (o) => o.f[1]!), f2: Int32Array.from(list, (o) => o.f[2] ?? 0),
  };
  optionTables.set(key, t);
  return t;
}

/** Column of option oi over the columns in `cols` (W words each) into cols at word `at`. */
function optionInto(t: OptionTable, oi: number, cols: Uint32Array, W: number, at: number): void {
  const a = t.f0[oi]! * W, b = t.f1[oi]! * W, c = t.f2[oi]! * W;
  const pol = t.pol[oi]!;
  const ma = pol & 1 ? 0xffffffff : 0, mb = pol & 2 ? 0xffffffff : 0;
  const kind = t.kind[oi]!;
  for (let w = 0; w < W; w++) {
    const x = cols[a + w]! ^ ma, y = cols[b + w]! ^ mb;
    cols[at + w] = kind === 0 ? x & y : kind === 1 ? x | y : (x & y) | (x & cols[c + w]!) | (y & cols[c + w]!);
  }
}

/** 1 when option oi matches fn on its care set, 2 when its complement does (not in monotone mode), else 0. */
function optionMatch(t: OptionTable, oi: number, cols: Uint32Array, W: number, fn: PartialFn, monotone: boolean): number {
  const a = t.f0[oi]! * W, b = t.f1[oi]! * W, c = t.f2[oi]! * W;
  const pol = t.pol[oi]!;
  const ma = pol & 1 ? 0xffffffff : 0, mb = pol & 2 ? 0xffffffff : 0;
  const kind = t.kind[oi]!;
  let pos = true, neg = !monotone;
  for (let w = 0; w < W && (pos || neg); w++) {
    const x = cols[a + w]! ^ ma, y = cols[b + w]! ^ mb;
    const g = kind === 0 ? x & y : kind === 1 ? x | y : (x & y) | (x & cols[c + w]!) | (y & cols[c + w]!);
    const diff = (g ^ fn.value[w]!) & fn.care[w]!;
    if (diff !== 0) pos = false;
    if ((~g ^ fn.value[w]!) & fn.care[w]!) neg = false;
  }
  return pos ? 1 : neg ? 2 : 0;
}

/**
 * Smallest circuit of at most maxGates gates correct on the care set: AND/OR/MAJ with free inverters, or
 * in monotone mode AND/OR/MAJ of positive literals. Undefined when none is found within the budget.
 *
 * The inner loop of extraction's small synthesis: columns live in one flat array and the expression is built
 * only for the circuit found, so a visit of an option allocates nothing.
 */
export function exactSynth(fn: PartialFn, maxGates: number, budget = 3_000_000, monotone = false): Expr | undefined {
  const W = words(fn.s);
  const cols = new Uint32Array((fn.s + maxGates) * W);
  for (let v = 0; v < fn.s; v++) cols.set(varColumn(v, fn.s), v * W);
  const chosen = new Int32Array(maxGates);
  let outNeg = false;
  let spent = 0;
  // Depth-first over sequences of exactly k gates; the last gate is the output and every earlier gate must
  // be used by a later one (uses[] counts fanout among the sequence). Two consecutive gates of which the
  // later does not use the earlier could be swapped: only the order with increasing option index is tried.
  const uses = new Int32Array(fn.s + maxGates);
  const search = (n: number, left: number, prevOpt: number): boolean => {
    const t = optionTable(n, monotone);
    const before = n > fn.s ? optionTable(n - 1, monotone).length : 0;
    const maj = (oi: number) => t.kind[oi] === 2;
    let from = 0;
    if (left === 1 && before > 0) {
      // The output gate must use the gate placed last (signal n − 1), which only the options from
      // `before` on do: the options between prevOpt and before would each be counted and fail the
      // all-used test, so they are counted at once, with the same budget outcome.
      const skipped = Math.max(0, before - prevOpt - 1);
      if (spent + skipped > budget) { spent = budget + 1; return false; }
      spent += skipped;
      from = before;
    }
    for (let oi = from; oi < t.length; oi++) {
      if (oi < before && oi <= prevOpt) continue;
      if (++spent > budget) return false;
      uses[t.f0[oi]!]!++; uses[t.f1[oi]!]!++; if (maj(oi)) uses[t.f2[oi]!]!++;
      let found = false;
      if (left === 1) {
        let allUsed = true;
        for (let g = fn.s; g < n; g++) if (uses[g] === 0) { allUsed = false; break; }
        if (allUsed) {
          const m = optionMatch(t, oi, cols, W, fn, monotone);
          if (m !== 0) { chosen[n - fn.s] = oi; outNeg = m === 2; found = true; }
        }
      } else {
        optionInto(t, oi, cols, W, n * W);
        chosen[n - fn.s] = oi;
        found = search(n + 1, left - 1, oi);
      }
      uses[t.f0[oi]!]!--; uses[t.f1[oi]!]!--; if (maj(oi)) uses[t.f2[oi]!]!--;
      if (found || spent > budget) return found;
    }
    return false;
  };
  for (let k = 1; k <= maxGates; k++) {
    if (search(fn.s, k, -1)) return chosenExpr(fn.s, chosen, k, monotone, outNeg);
    if (spent > budget) return undefined;
  }
  return undefined;
}

/** The expression of the gate sequence the exact search chose (gate d is option chosen[d] over s + d signals). */
function chosenExpr(s: number, chosen: Int32Array, k: number, monotone: boolean, outNeg: boolean): Expr {
  const sigs: Signal[] = [];
  for (let v = 0; v < s; v++) sigs.push({ col: new Uint32Array(0), expr: { t: 'var', v, neg: false } });
  for (let d = 0; d < k; d++) sigs.push({ col: new Uint32Array(0), expr: optExpr(optionTable(s + d, monotone).list[chosen[d]!]!, sigs) });
  const out = sigs[s + k - 1]!.expr;
  return outNeg ? negExpr(out) : out;
}

function exprKey(e: Expr): string {
  if (e.t === 'const') return `c${e.v}`;
  if (e.t === 'var') return `${e.neg ? '!' : ''}v${e.v}`;
  return `${e.neg ? '!' : ''}${e.kind}(${e.ins.map(exprKey).join(',')})`;
}

// ---------------------------------------------------------------------------------------------------------
// Decomposition

interface Best { expr: Expr; cost: number }

/** Base cases of one gate or less over the variables in `vars`. */
function direct(fn: PartialFn, cols: Uint32Array[], vars: number[]): Expr | undefined {
  if (careEmpty(fn) || isConst(fn, 0)) return { t: 'const', v: 0 };
  if (isConst(fn, 1)) return { t: 'const', v: 1 };
  for (const v of vars) {
    if (matches(cols[v]!, 0, fn)) return { t: 'var', v, neg: false };
    if (matches(cols[v]!, 0xffffffff, fn)) return { t: 'var', v, neg: true };
  }
  return undefined;
}

function cofactor(fn: PartialFn, v: number, bit: 0 | 1): PartialFn {
  const n = 2 ** fn.s;
  const value = new Uint32Array(fn.value.length);
  const care = new Uint32Array(fn.care.length);
  const vb = 1 << v;
  for (let p = 0; p < n; p++) {
    const q = bit ? p | vb : p & ~vb;
    const w = q >>> 5;
    const b = q & 31;
    if ((fn.care[w]! >>> b) & 1) {
      care[p >>> 5] = care[p >>> 5]! | (1 << (p & 31));
      if ((fn.value[w]! >>> b) & 1) value[p >>> 5] = value[p >>> 5]! | (1 << (p & 31));
    }
  }
  return { s: fn.s, value, care };
}

/**
 * Limits of a synthesis: `work` counts words of truth table touched (a cofactor, a memo key, a one-gate
 * try), so the bound is the same on every machine and the result reproducible; `deadline` (a
 * performance.now() time) is a safety net. Decomposition over 9 or more variables branches twice per split
 * and can grow as 2^s × 2^s; past either limit the synthesis gives up (undefined) and the caller falls
 * back to a form it can build without a search.
 */
export interface SynthLimits { work?: number; deadline?: number }

/** Work of one synthesis by default: over 100× the most a node of the test suite's circuits needs (~150,000). */
export const SYNTH_WORK = 20_000_000;

class OutOfBudget extends Error {}

/** Decomposition synthesis. `order` lists the variables to use, most preferred first. Throws OutOfBudget. */
function decomposeWithin(fn: PartialFn, order: number[], exhaustive: boolean, limits: SynthLimits): Expr {
  const allCols: Uint32Array[] = [];
  for (let v = 0; v < fn.s; v++) allCols.push(varColumn(v, fn.s));
  const memo = new Map<string, Best>();
  const maxWork = limits.work ?? SYNTH_WORK;
  const W = words(fn.s);
  let work = 0;
  let calls = 0;
  const rec = (f: PartialFn, vars: number[]): Best => {
    // Every call builds a key of 2W words and may take two cofactors and a one-gate search.
    work += W * (4 + (vars.length <= 6 ? vars.length * vars.length * 4 : 0));
    if (work > maxWork) throw new OutOfBudget();
    if (limits.deadline !== undefined && (++calls & 63) === 0 && performance.now() > limits.deadline) throw new OutOfBudget();
    const key = `${vars.join(',')}|${Array.from(f.value).join(',')}|${Array.from(f.care).join(',')}`;
    const hit = memo.get(key);
    if (hit) return hit;
    let best: Best | undefined;
    const d = direct(f, allCols, vars);
    if (d) best = { expr: d, cost: 0 };
    if (!best && vars.length <= 6) {
      const sub = { s: f.s, value: f.value, care: f.care };
      const one = exactOneGate(sub, allCols, vars);
      if (one) best = { expr: one, cost: 1 };
    }
    if (!best) {
      for (const v of vars) {
        const rest = vars.filter((u) => u !== v);
        const f0 = cofactor(f, v, 0);
        const f1 = cofactor(f, v, 1);
        const x: Expr = { t: 'var', v, neg: false };
        const cand = split(f0, f1, x, rest, rec);
        if (!best || cand.cost < best.cost) best = cand;
        if (!exhaustive && best) break;
      }
    }
    if (!best) throw new Error('internal: decomposition found no circuit');
    memo.set(key, best);
    return best;
  };
  return rec(fn, order).expr;
}

/** Decomposition synthesis. `order` lists the variables to use, most preferred first. */
export function decompose(fn: PartialFn, order: number[], exhaustive = fn.s <= 8, limits: SynthLimits = {}): Expr | undefined {
  try {
    return decomposeWithin(fn, order, exhaustive, limits);
  } catch (err) {
    if (err instanceof OutOfBudget) return undefined;
    throw err;
  }
}

/** One-gate circuits over the given variables. */
function exactOneGate(fn: PartialFn, cols: Uint32Array[], vars: number[]): Expr | undefined {
  const sigs = vars.map((v) => ({ col: cols[v]!, expr: { t: 'var', v, neg: false } as Expr }));
  const scratch = new Uint32Array(fn.value.length);
  for (const o of options(sigs.length, false)) {
    const col = optCol(o, sigs, scratch);
    if (matches(col, 0, fn)) return optExpr(o, sigs);
    if (matches(col, 0xffffffff, fn)) return negExpr(optExpr(o, sigs));
  }
  return undefined;
}

function and(a: Expr, b: Expr): Expr { return { t: 'gate', kind: 'and', ins: [a, b], neg: false }; }
function or(a: Expr, b: Expr): Expr { return { t: 'gate', kind: 'or', ins: [a, b], neg: false }; }

/** The best single split of f = x ? f1 : f0. */
function split(f0: PartialFn, f1: PartialFn, x: Expr, rest: number[], rec: (f: PartialFn, vars: number[]) => Best): Best {
  const nx = negExpr(x);
  // A constant cofactor: one AND/OR.
  if (isConst(f0, 0)) { const g = rec(f1, rest); return { expr: and(x, g.expr), cost: g.cost + 1 }; }
  if (isConst(f0, 1)) { const g = rec(f1, rest); return { expr: or(nx, g.expr), cost: g.cost + 1 }; }
  if (isConst(f1, 0)) { const g = rec(f0, rest); return { expr: and(nx, g.expr), cost: g.cost + 1 }; }
  if (isConst(f1, 1)) { const g = rec(f0, rest); return { expr: or(x, g.expr), cost: g.cost + 1 }; }
  // Unate in x: f = MAJ(x, g0, g1) with g0 ≤ g1 forced on the care set.
  const pos = unateMaj(f0, f1);
  const neg = unateMaj(f1, f0);
  let best: Best | undefined;
  for (const [u, lit] of [[pos, x], [neg, nx]] as const) {
    if (!u) continue;
    const a = rec(u.lo, rest);
    const b = rec(u.hi, rest);
    const cand = { expr: { t: 'gate', kind: 'maj', ins: [lit, a.expr, b.expr], neg: false } as Expr, cost: a.cost + b.cost + 1 };
    if (!best || cand.cost < best.cost) best = cand;
  }
  if (best) return best;
  // Binate: a multiplexer (x & g1) | (~x & g0).
  const a = rec(f0, rest);
  const b = rec(f1, rest);
  return { expr: or(and(x, b.expr), and(nx, a.expr)), cost: a.cost + b.cost + 3 };
}

/**
 * For f = x ? fHi : fLo with fLo ≤ fHi wherever both are cared about: the functions g0 (lo) and g1 (hi)
 * such that MAJ(x, g0, g1) = f on the care set — g0 is fLo, forced to 0 where fHi is a cared 0; g1 is fHi,
 * forced to 1 where fLo is a cared 1. Undefined when f is not unate that way.
 */
export function unateMaj(fLo: PartialFn, fHi: PartialFn): { lo: PartialFn; hi: PartialFn } | undefined {
  const W = fLo.value.length;
  const lo = { s: fLo.s, value: new Uint32Array(W), care: new Uint32Array(W) };
  const hi = { s: fLo.s, value: new Uint32Array(W), care: new Uint32Array(W) };
  for (let w = 0; w < W; w++) {
    const loOne = fLo.value[w]! & fLo.care[w]!;
    const hiZero = ~fHi.value[w]! & fHi.care[w]!;
    if ((loOne & hiZero) !== 0) return undefined;
    lo.value[w] = loOne;
    lo.care[w] = fLo.care[w]! | hiZero;
    hi.value[w] = (fHi.value[w]! & fHi.care[w]!) | loOne;
    hi.care[w] = fHi.care[w]! | loOne;
  }
  return { lo, hi };
}

/**
 * Synthesize (undefined when decomposition runs out of its limits): decomposition, then exact search for anything smaller — up to 4 gates over positive
 * literals when the function is monotone on its care set (threshold functions with their inputs
 * normalised to positive weights are: MAJ5 becomes 4 MAJ3), up to 3 (≤ 5 variables) or 2 gates in general.
 */
export function synthPartial(fn: PartialFn, order?: number[], limits: SynthLimits = {}): Expr | undefined {
  // The result depends only on the function, the order and the work budget (a deadline only turns it into
  // undefined), so a result found once serves every later node with the same function: discover reads
  // back many solutions of one table, whose wide nodes often compute the same few functions.
  const key = fn.s <= MEMO_MAX_VARS ? memoKey(fn, order, limits.work) : undefined;
  const hit = key !== undefined ? synthMemo.get(key) : undefined;
  if (hit) return hit;
  const e = synthPartialUncached(fn, order, limits);
  if (key !== undefined && e) {
    if (synthMemo.size >= MEMO_SIZE) synthMemo.delete(synthMemo.keys().next().value!);
    synthMemo.set(key, e);
  }
  return e;
}

/** Functions of at most this many variables are remembered (the key is 2 × 2^s bits). */
const MEMO_MAX_VARS = 10;
/** Entries kept; the oldest goes first. Results are small trees: a few hundred kilobytes in all. */
const MEMO_SIZE = 4096;
const synthMemo = new Map<string, Expr>();

function memoKey(fn: PartialFn, order: number[] | undefined, work: number | undefined): string {
  const n = Math.max(1, (2 ** fn.s) >>> 5);
  let k = `${fn.s}|${order?.join(',') ?? ''}|${work ?? ''}|`;
  for (let w = 0; w < n; w++) k += `${(fn.care[w]! >>> 0).toString(36)}.${((fn.value[w]! & fn.care[w]!) >>> 0).toString(36)},`;
  return k;
}

/** Forget every remembered result (tests that compare fresh searches). */
export function clearSynthMemo(): void {
  synthMemo.clear();
}

function synthPartialUncached(fn: PartialFn, order: number[] | undefined, limits: SynthLimits): Expr | undefined {
  const vars = order ?? Array.from({ length: fn.s }, (_, v) => v);
  const dec = decompose(fn, vars, fn.s <= 8, limits);
  if (!dec) return undefined;
  let best = dec;
  let cost = exprCost(best);
  if (cost <= 1) return best;
  if (fn.s <= 6 && monotoneCompatible(fn)) {
    const ex = exactSynth(fn, Math.min(cost - 1, 4), 4_000_000, true);
    if (ex) { best = ex; cost = exprCost(ex); }
  }
  const maxExact = Math.min(cost - 1, fn.s <= 5 ? 3 : fn.s <= 8 ? 2 : 0);
  if (maxExact >= 1) {
    const ex = exactSynth(fn, maxExact);
    if (ex && exprCost(ex) < cost) best = ex;
  }
  return best;
}

/** Evaluate an expression on the columns of its variables (for self-checks). */
export function evalExpr(e: Expr, cols: readonly Uint32Array[], W: number): Uint32Array {
  const out = new Uint32Array(W);
  if (e.t === 'const') { if (e.v) out.fill(0xffffffff); return out; }
  if (e.t === 'var') { for (let w = 0; w < W; w++) out[w] = e.neg ? ~cols[e.v]![w]! : cols[e.v]![w]!; return out; }
  const ins = e.ins.map((x) => evalExpr(x, cols, W));
  for (let w = 0; w < W; w++) {
    const a = ins[0]![w]!, b = ins[1]![w]!;
    const v = e.kind === 'and' ? a & b : e.kind === 'or' ? a | b : (a & b) | (a & ins[2]![w]!) | (b & ins[2]![w]!);
    out[w] = e.neg ? ~v : v;
  }
  return out;
}

/**
 * Build an expression into a netlist: `varLits[v]` is the literal of variable v, `add` appends a gate and
 * returns its positive literal. Identical subtrees are built once.
 */
export function buildExpr(e: Expr, varLits: readonly Lit[], add: (g: Gate) => Lit): Lit {
  const memo = new Map<string, Lit>();
  const rec = (x: Expr): Lit => {
    if (x.t === 'const') return x.v;
    if (x.t === 'var') return varLits[x.v]! ^ (x.neg ? 1 : 0);
    const key = exprKey({ ...x, neg: false });
    let l = memo.get(key);
    if (l === undefined) {
      const ins = x.ins.map(rec);
      l = add(x.kind === 'maj' ? { kind: 'maj', ins: [ins[0]!, ins[1]!, ins[2]!] } : { kind: x.kind, ins: [ins[0]!, ins[1]!] });
      memo.set(key, l);
    }
    return l ^ (x.neg ? 1 : 0);
  };
  return rec(e);
}
