// Window re-synthesis: make a finished circuit smaller by cutting windows out of it and re-synthesising
// each from its function over its leaves with don't-cares (docs/ALGORITHM.md §9; issue 10's third grain).
// Stage: after optimize — flow/compile.ts and discover run it on their best circuit (floor or RRR).
//
// The circuit is worked on as an AIG (optimize/aig.ts; cost = AND nodes, a MAJ3 four, as Yosys counts).
// Repeatedly, until `effort` windows are tried or the deadline passes:
//  1. a pivot is drawn (seeded), and a convex multi-output window with at most k leaves is grown around it
//     by reconvergence-driven expansion (windows/cut.ts);
//  2. each root's function over the leaves is taken with its don't-cares — leaf patterns no care row
//     produces, and rows where the root is unobservable, jointly for the roots replaced together
//     (windows/care.ts), all from simulation of the whole circuit on every care row;
//  3. every root is re-synthesised: for AIG size (windows/aig-synth.ts), majority-aware (small-synth.ts,
//     whose MAJ3 trees a MAJ-rich window may need) and, for windows of RRR_MIN_LEAVES or more leaves when
//     asked, by RRR on a small layered net (windows/rrr-synth.ts, loaded only then);
//  4. the cheapest combination is spliced in (structural hashing shares what the new logic has in common
//     with the rest); it is kept only when it removes nodes — or, now and then, keeps the size, so the
//     walk can leave a plateau — and only after the WHOLE circuit passes simulation on every care row.
// The best circuit seen is returned, never larger than the input, after a short pass of the optimizer.

import type { TruthTable } from '../ir/truth-table.js';
import { aigEstimate, cloneNetlist, type Netlist } from '../ir/netlist.js';
import { careRows, checkAgainstTable, fitsCare, simulateCare, type CareRows } from './simulate.js';
import { aigAnds, aigFromNetlist, rebuild, type Aig } from './optimize/aig.js';
import { aigToNetlist } from './optimize/to-netlist.js';
import { mulberry32, netlistCost, optimize } from './optimize.js';
import { decompose, synthPartial, type Expr, type PartialFn } from './small-synth.js';
import { fanoutLists, windowAt, type Window, type WindowLimits } from './windows/cut.js';
import { windowFunctions } from './windows/care.js';
import { aigSynth, sopSynth } from './windows/aig-synth.js';
import { throwIfInterrupted, yieldToEvents } from '../util/interrupt.js';
import type { Synthesis } from './synthesize.js';

/**
 * A re-synthesiser: one expression per root over the window's leaves (variable j = leaf j), or undefined
 * to keep that root. It may return several proposals; the cheapest that passes is taken.
 */
export type WindowSynth = (fns: readonly PartialFn[], win: Window) => Promise<Array<Array<Expr | undefined>>> | Array<Array<Expr | undefined>>;

export interface WindowParams {
  /** Seed of the pivots and tie-breaks (default 1): the same seed, effort and circuit give the same result. */
  seed?: number;
  /** Windows to try (default 2000); the work bound, so the result does not depend on the machine. */
  effort?: number;
  /** performance.now() past which no window is started (the safety net; the result then depends on speed). */
  deadline?: number;
  /** Most leaves (default 8). */
  k?: number;
  /** Try RRR on windows of at least RRR_MIN_LEAVES leaves (default false: it costs a solve per window). */
  rrr?: boolean;
  /** Replace the re-synthesisers (tests inject a wrong one to see the whole-circuit check reject it). */
  synth?: WindowSynth;
  signal?: AbortSignal;
}

export interface WindowStats {
  /** Windows cut and re-synthesised. */
  tried: number;
  /** Replacements kept: those that removed nodes and plateau moves (same size) alike. */
  replacements: number;
  /** Of those, the ones that removed nodes. */
  smaller: number;
  /** Replacements that failed the whole-circuit simulation and were undone. */
  rejected: number;
  before: { aig: number };
  after: { aig: number };
  timeMs: number;
  timedOut?: boolean;
}

const LIMITS: Omit<WindowLimits, 'k'> = { maxNodes: 24, maxRoots: 6 };
/** Roots whose joint observability is computed (2^R − 1 re-simulations each window). */
const OBS_ROOTS = 3;
/** Probability of keeping a replacement of the same size (a plateau move). */
const PLATEAU = 0.2;
/** With `rrr`, windows of at least this many leaves are also solved by RRR (smaller ones gain nothing from it). */
export const RRR_MIN_LEAVES = 6;
/** Windows of at most this many leaves also get small-synth's exact search (MAJ3 trees included). */
const EXACT_LEAVES = 4;

/** A circuit no larger than `nl`, correct on the table's care set, from window re-synthesis. */
export async function improveByWindows(nl: Netlist, table: TruthTable, params: WindowParams = {}): Promise<{ netlist: Netlist; stats: WindowStats }> {
  const t0 = performance.now();
  const effort = params.effort ?? 2000;
  const rng = mulberry32((params.seed ?? 1) ^ 0x5eed);
  const lim: WindowLimits = { ...LIMITS, k: params.k ?? 8 };
  const cr = careRows(table);
  const inCost = netlistCost(nl);
  const stats: WindowStats = { tried: 0, replacements: 0, smaller: 0, rejected: 0, before: { aig: inCost[0] }, after: { aig: inCost[0] }, timeMs: 0 };
  let a = aigFromNetlist(nl);
  let v = simulateCare(a, cr);
  if (!fitsCare(cr, a.outputs, v)) return done(cloneNetlist(nl), stats, t0);
  let best = a;
  const synth = params.synth ?? defaultSynth(params.rrr ?? false);
  for (let i = 0; i < effort && aigAnds(a) > 0; i++) {
    if (params.deadline !== undefined && performance.now() > params.deadline) { stats.timedOut = true; break; }
    if ((i & 15) === 0) { await yieldToEvents(); throwIfInterrupted(params.signal); }
    const pivot = a.numInputs + 1 + Math.floor(rng() * aigAnds(a));
    const next = await tryWindow(a, v, cr, pivot, lim, synth, rng, stats);
    if (!next) continue;
    a = next.aig;
    v = next.cols;
    if (aigAnds(a) < aigAnds(best)) best = a;
  }
  // Without a replacement kept the input stands (the optimizer alone is not this strategy's to credit).
  if (stats.replacements === 0) return done(cloneNetlist(nl), stats, t0);
  let out = aigToNetlist(best, nl);
  // A short optimizer pass: a window's new logic often leaves resubstitution chances around it.
  const left = params.deadline === undefined ? 2000 : Math.max(0, Math.min(2000, params.deadline - performance.now()));
  out = optimize(out, table, { effort: 20, seed: params.seed ?? 1, timeLimitMs: left }).netlist;
  if (!less(netlistCost(out), inCost) || !checkAgainstTable(out, table).ok) out = cloneNetlist(nl);
  return done(out, stats, t0);
}

function done(out: Netlist, stats: WindowStats, t0: number): { netlist: Netlist; stats: WindowStats } {
  stats.after = { aig: netlistCost(out)[0] };
  stats.timeMs = performance.now() - t0;
  return { netlist: out, stats };
}

const less = (x: readonly number[], y: readonly number[]): boolean => {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]!;
  return false;
};

/** One window around `pivot`: the replaced circuit and its care-row columns, or undefined when kept. */
async function tryWindow(a: Aig, v: Uint32Array[], cr: CareRows, pivot: number, lim: WindowLimits, synth: WindowSynth,
  rng: () => number, stats: WindowStats): Promise<{ aig: Aig; cols: Uint32Array[] } | undefined> {
  const fo = fanoutLists(a);
  const isOutput = new Uint8Array(a.f0.length);
  for (const l of a.outputs) isOutput[l >>> 1] = 1;
  const win = windowAt(a, pivot, lim, fo, isOutput, rng);
  if (!win || win.nodes.length < 2) return undefined;
  stats.tried++;
  const fns = windowFunctions(a, v, cr, win, OBS_ROOTS);
  const proposals = await synth(fns, win);
  const size = aigAnds(a);
  let bestAig: Aig | undefined;
  const below = rootsBelow(a, win);
  for (const p of proposals) {
    for (const choice of combinations(p, below)) {
      const cand = splice(a, win, choice);
      if (cand && aigAnds(cand) < (bestAig ? aigAnds(bestAig) : size + 1)) bestAig = cand;
    }
  }
  if (!bestAig) return undefined;
  const gain = size - aigAnds(bestAig);
  if (gain < 0 || (gain === 0 && rng() >= PLATEAU)) return undefined;
  // The whole circuit on every care row: the replacement is kept only if it passes.
  const cols = simulateCare(bestAig, cr);
  if (!fitsCare(cr, bestAig.outputs, cols)) { stats.rejected++; return undefined; }
  stats.replacements++;
  if (gain > 0) stats.smaller++;
  return { aig: bestAig, cols };
}

/**
 * The proposal itself, and with each replaced root kept in turn (a root's old logic may be shared and
 * cheaper) — only where the kept root reads no replaced root inside the window: the don't-cares hold the
 * roots that are not replaced at their old values, which a kept root reading a replaced one would not be.
 */
function* combinations(p: ReadonlyArray<Expr | undefined>, below: readonly number[]): Generator<ReadonlyArray<Expr | undefined>> {
  if (consistent(p, below)) yield p;
  if (p.length < 2) return;
  for (let r = 0; r < p.length; r++) {
    if (!p[r]) continue;
    const q = p.map((e, j) => (j === r ? undefined : e));
    if (consistent(q, below)) yield q;
  }
}

/** No kept root reads a replaced one. */
function consistent(p: ReadonlyArray<Expr | undefined>, below: readonly number[]): boolean {
  let replaced = 0;
  p.forEach((e, r) => { if (e) replaced |= 1 << r; });
  return p.every((e, r) => e !== undefined || (below[r]! & replaced) === 0);
}

/** Per root, the bit mask of the other roots it reads inside the window (transitively). */
function rootsBelow(a: Aig, win: Window): number[] {
  const inWin = new Set(win.nodes);
  const mask = new Map<number, number>();
  for (const n of win.nodes) {
    let m = 0;
    for (const l of [a.f0[n]!, a.f1[n]!]) {
      const c = l >>> 1;
      if (!inWin.has(c)) continue;
      m |= mask.get(c)!;
      const r = win.roots.indexOf(c);
      if (r >= 0) m |= 1 << r;
    }
    mask.set(n, m);
  }
  return win.roots.map((r) => mask.get(r)!);
}

/** `a` with root r of the window computed by exprs[r] over the leaves (kept where undefined); undefined on a cycle. */
export function splice(a: Aig, win: Window, exprs: ReadonlyArray<Expr | undefined>): Aig | undefined {
  const f0 = [...a.f0];
  const f1 = [...a.f1];
  const leafLits = win.leaves.map((l) => 2 * l);
  const subst = new Map<number, number>();
  exprs.forEach((e, r) => { if (e) subst.set(win.roots[r]!, buildAig(e, leafLits, f0, f1)); });
  if (subst.size === 0) return undefined;
  try {
    return rebuild({ numInputs: a.numInputs, f0, f1, outputs: a.outputs }, subst);
  } catch {
    return undefined;
  }
}

/** Append an expression's AND nodes to f0/f1 (MAJ3 as four, OR as a complemented AND); returns its literal. */
function buildAig(e: Expr, leafLits: readonly number[], f0: number[], f1: number[]): number {
  const and = (x: number, y: number): number => {
    if (x === 0 || y === 0) return 0;
    if (x === 1) return y;
    if (y === 1) return x;
    f0.push(x);
    f1.push(y);
    return 2 * (f0.length - 1);
  };
  const or = (x: number, y: number) => and(x ^ 1, y ^ 1) ^ 1;
  // Shared subexpressions (RRR's read-back is a DAG) are built once; the rebuild hashes the rest.
  const memo = new Map<readonly Expr[], number>();
  const rec = (x: Expr): number => {
    if (x.t === 'const') return x.v;
    if (x.t === 'var') return leafLits[x.v]! ^ (x.neg ? 1 : 0);
    let l = memo.get(x.ins);
    if (l === undefined) {
      const [p, q, r] = x.ins.map(rec) as [number, number, number | undefined];
      l = x.kind === 'and' ? and(p, q) : x.kind === 'or' ? or(p, q) : or(and(p, q), and(r!, or(p, q)));
      memo.set(x.ins, l);
    }
    return l ^ (x.neg ? 1 : 0);
  };
  return rec(e);
}

/** AND nodes of an expression as a tree (MAJ3 four). */
export function exprAnds(e: Expr): number {
  return e.t === 'gate' ? (e.kind === 'maj' ? 4 : 1) + e.ins.reduce((n, x) => n + exprAnds(x), 0) : 0;
}

/** AIG-size synthesis and majority-aware small synthesis per root (and RRR when asked, loaded lazily). */
function defaultSynth(rrr: boolean): WindowSynth {
  // The same partial functions recur from window to window (and in regular circuits everywhere): each is
  // synthesised once per run.
  const cache = new Map<string, [Expr | undefined, Expr | undefined]>();
  const both = (f: PartialFn): [Expr | undefined, Expr | undefined] => {
    const key = `${f.s}|${f.value.join(',')}|${f.care.join(',')}`;
    let hit = cache.get(key);
    if (!hit) {
      const d = aigSynth(f);
      const sop = sopSynth(f);
      // small-synth's exact search (its fixed budget dominates a window's time) only for up to EXACT_LEAVES leaves.
      const maj = f.s <= EXACT_LEAVES ? synthPartial(f, undefined, { work: 300_000 })
        : decompose(f, Array.from({ length: f.s }, (_, j) => j), true, { work: 300_000 });
      hit = [d && exprAnds(d) <= sop.cost ? d : sop.expr, maj];
      cache.set(key, hit);
    }
    return hit;
  };
  return async (fns, win) => {
    const got = fns.map(both);
    const aig = got.map((g) => g[0]);
    const maj = got.map((g) => g[1]);
    // Per root the one of fewer AND nodes as a tree (sharing with the rest is only seen when spliced).
    const mixed = aig.map((e, r) => (e && (!maj[r] || exprAnds(e) <= exprAnds(maj[r]!)) ? e : maj[r]));
    const proposals: Array<Array<Expr | undefined>> = [mixed, aig, maj];
    if (rrr && win.leaves.length >= RRR_MIN_LEAVES) {
      const { rrrSynth } = await import('./windows/rrr-synth.js');
      const r = await rrrSynth(fns);
      if (r) proposals.push(r);
    }
    return proposals;
  };
}

/** Window re-synthesis without a --timeout: at most this long (its effort bounds it first on small circuits). */
export const WINDOWS_MAX_MS = 15_000;
/** Windows per AIG node of the circuit, at most, in compile and discover. */
export const WINDOWS_PER_NODE = 4;
/** Below this much time left, windows are not tried. */
export const WINDOWS_MIN_MS = 300;

/**
 * When window re-synthesis started at `now` must stop: the command's end (`end`, from --timeout) or
 * WINDOWS_MAX_MS, whichever is sooner; undefined when too little time is left to try.
 */
export function windowsDeadline(now: number, end: number | undefined): number | undefined {
  const d = Math.min(now + WINDOWS_MAX_MS, end ?? Infinity);
  return d - now < WINDOWS_MIN_MS ? undefined : d;
}

/**
 * A finished circuit improved by windows: its synthesis with the smaller netlist (the extraction,
 * simplification and optimizer statistics stay the base circuit's; none when no window helped), and the stats.
 */
export async function improveSynthesis(base: Synthesis, table: TruthTable, params: WindowParams): Promise<{ synthesis?: Synthesis; stats: WindowStats }> {
  // The effort (--effort) caps the windows; a small circuit needs no more than a few per node.
  const effort = Math.min(params.effort ?? 1000, WINDOWS_PER_NODE * base.aig.andNodes);
  const r = await improveByWindows(base.netlist, table, { ...params, effort });
  if (r.stats.after.aig >= r.stats.before.aig) return { stats: r.stats };
  return { synthesis: { ...base, netlist: r.netlist, aig: aigEstimate(r.netlist) }, stats: r.stats };
}
