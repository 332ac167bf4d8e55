// The function of a window over its leaves, with its don't-cares, from simulation of the whole circuit on
// every care row of the table (gates/windows.ts). Stage: optimize (windows).
//
// Two sources of freedom, both exact on the care rows:
//  - a leaf pattern that no care row produces is free for every root (satisfiability don't-care);
//  - a root is free in a row when changing it changes no cared primary output there (observability).
// Roots are replaced together, so per-root observability alone is not enough (out = r1 & r2 with both 0:
// either may flip, not both). A row's free set F must be such that flipping any subset of F leaves every
// cared output unchanged; it is built greedily, root by root, from the simulated effect of flipping each
// subset of the first `maxObsRoots` roots (2^R − 1 re-simulations of the roots' fanout). Later roots get no
// observability freedom. The window is convex (cut.ts), so flipping roots never changes a leaf, and a
// replacement that differs from a root only in rows where it is free keeps the circuit correct.

import type { Aig } from '../optimize/aig.js';
import type { CareRows } from '../simulate.js';
import type { PartialFn } from '../small-synth.js';
import type { Window } from './cut.js';

/** Care rows where flipping exactly the roots in `flip` leaves every cared output unchanged. */
function unobservable(a: Aig, v: readonly Uint32Array[], cr: CareRows, inWindow: Uint8Array, flip: readonly number[]): Uint32Array {
  const W = cr.W;
  const N = a.f0.length;
  const changed = new Uint8Array(N);
  const cols: Uint32Array[] = v.slice();
  for (const r of flip) {
    const c = new Uint32Array(W);
    const b = v[r]!;
    for (let w = 0; w < W; w++) c[w] = ~b[w]!;
    cols[r] = c;
    changed[r] = 1;
  }
  const from = Math.min(...flip) + 1;
  for (let i = from; i < N; i++) {
    if (inWindow[i]) continue;
    const x = a.f0[i]!;
    const y = a.f1[i]!;
    if (!changed[x >>> 1] && !changed[y >>> 1]) continue;
    changed[i] = 1;
    const p = cols[x >>> 1]!;
    const q = cols[y >>> 1]!;
    const mp = x & 1 ? 0xffffffff : 0;
    const mq = y & 1 ? 0xffffffff : 0;
    const out = new Uint32Array(W);
    for (let w = 0; w < W; w++) out[w] = (p[w]! ^ mp) & (q[w]! ^ mq);
    cols[i] = out;
  }
  const res = Uint32Array.from(cr.all);
  for (let k = 0; k < a.outputs.length; k++) {
    const n = a.outputs[k]! >>> 1;
    if (!changed[n]) continue;
    const care = cr.care[k]!;
    const p = cols[n]!;
    const q = v[n]!;
    for (let w = 0; w < W; w++) res[w] = res[w]! & ~((p[w]! ^ q[w]!) & care[w]!);
  }
  return res;
}

/** Per root (in window order), the care rows where it may take either value; see the header. */
export function freeRows(a: Aig, v: readonly Uint32Array[], cr: CareRows, win: Window, maxObsRoots: number): Uint32Array[] {
  const W = cr.W;
  const inWindow = new Uint8Array(a.f0.length);
  for (const n of win.nodes) inWindow[n] = 1;
  const R = Math.min(win.roots.length, maxObsRoots);
  const unobs: Uint32Array[] = [cr.all];
  for (let S = 1; S < 1 << R; S++) {
    unobs.push(unobservable(a, v, cr, inWindow, win.roots.filter((_, j) => j < R && (S >> j) & 1)));
  }
  const free: Uint32Array[] = [];
  for (let r = 0; r < win.roots.length; r++) {
    if (r >= R) { free.push(new Uint32Array(W)); continue; }
    const f = Uint32Array.from(unobs[1 << r]!);
    // Every subset S of the earlier roots: where all of S is free too, flipping S ∪ {r} must be unobservable.
    for (let S = 1; S < 1 << r; S++) {
      const both = unobs[S | (1 << r)]!;
      for (let w = 0; w < W; w++) {
        let inF = 0xffffffff;
        for (let j = 0; j < r; j++) if ((S >> j) & 1) inF &= free[j]![w]!;
        f[w] = f[w]! & (~inF | both[w]!);
      }
    }
    free.push(f);
  }
  return free;
}

/**
 * The partial function of every root over the window's leaves (variable j = leaf j): its value on each
 * leaf pattern some care row produces, cared about where the root is not free in at least one such row.
 */
export function windowFunctions(a: Aig, v: readonly Uint32Array[], cr: CareRows, win: Window, maxObsRoots: number): PartialFn[] {
  const free = freeRows(a, v, cr, win, maxObsRoots);
  const s = win.leaves.length;
  const PW = Math.max(1, Math.ceil(2 ** s / 32));
  const fns: PartialFn[] = win.roots.map(() => ({ s, value: new Uint32Array(PW), care: new Uint32Array(PW) }));
  const leafCols = win.leaves.map((l) => v[l]!);
  const rootCols = win.roots.map((r) => v[r]!);
  const n = cr.rows.length;
  for (let i = 0; i < n; i++) {
    const w = i >>> 5;
    const b = i & 31;
    let p = 0;
    for (let j = 0; j < s; j++) p |= ((leafCols[j]![w]! >>> b) & 1) << j;
    const pw = p >>> 5;
    const pb = 1 << (p & 31);
    for (let r = 0; r < rootCols.length; r++) {
      const fn = fns[r]!;
      if ((rootCols[r]![w]! >>> b) & 1) fn.value[pw] = fn.value[pw]! | pb;
      if (!((free[r]![w]! >>> b) & 1)) fn.care[pw] = fn.care[pw]! | pb;
    }
  }
  // A don't-care bit has value 0, as in TruthTable (small-synth compares values under the care mask only).
  for (const fn of fns) for (let w = 0; w < PW; w++) fn.value[w] = fn.value[w]! & fn.care[w]!;
  return fns;
}
