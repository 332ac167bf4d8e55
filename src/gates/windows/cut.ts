// Windows of an AIG for re-synthesis (gates/windows.ts): a reconvergence-driven cut around a pivot node,
// grown the way ABC's windowing for `mfs`/`resub` grows one — start from the pivot's fanins and keep
// expanding the leaf whose expansion adds the fewest new leaves (reconvergent paths close inside the
// window and cost nothing), while at most k leaves remain. Nodes outside the pivot's cone whose fanins all
// lie in the window or its leaves join it too, so that a window is multi-output and logic shared between
// its outputs can be re-synthesised together. Stage: optimize (windows).
//
// A window is convex: no leaf lies in the transitive fanout of a root. Then the new logic of every root,
// built over the leaves alone, cannot form a cycle, and flipping roots never changes a leaf — which the
// don't-care computation (care.ts) relies on.

import type { Aig } from '../optimize/aig.js';

export interface Window {
  pivot: number;
  /** Leaf nodes (inputs, the constant or AND nodes outside the window), ascending. */
  leaves: number[];
  /** AND nodes of the window, ascending (topological). */
  nodes: number[];
  /** Window nodes used outside the window or by a primary output, ascending. */
  roots: number[];
}

export interface WindowLimits {
  /** Most leaves. */
  k: number;
  /** Most window nodes (pivot cone and side nodes together). */
  maxNodes: number;
  /** Most roots; a window with more is cut back to its pivot cone, and dropped if that still has more. */
  maxRoots: number;
}

/** Fanouts of every node (AND nodes only; outputs are counted by `refs`). */
export function fanoutLists(a: Aig): number[][] {
  const fo: number[][] = Array.from({ length: a.f0.length }, () => []);
  for (let i = a.numInputs + 1; i < a.f0.length; i++) {
    fo[a.f0[i]! >>> 1]!.push(i);
    const b = a.f1[i]! >>> 1;
    if (b !== a.f0[i]! >>> 1) fo[b]!.push(i);
  }
  return fo;
}

const isAnd = (a: Aig, n: number): boolean => n > a.numInputs;

/** The leaves of the pivot's cone by reconvergence-driven expansion; `visited` gets the cone's nodes. */
function growCut(a: Aig, pivot: number, k: number, maxNodes: number, visited: Set<number>, rng: () => number): Set<number> {
  const leaves = new Set<number>();
  visited.add(pivot);
  for (const l of [a.f0[pivot]!, a.f1[pivot]!]) if (l >>> 1 !== 0) leaves.add(l >>> 1);
  for (;;) {
    let best = -1;
    let bestCost = Infinity;
    for (const l of leaves) {
      if (!isAnd(a, l)) continue;
      let cost = -1;
      for (const f of [a.f0[l]! >>> 1, a.f1[l]! >>> 1]) if (f !== 0 && !leaves.has(f) && !visited.has(f)) cost++;
      // Ties go to the deeper leaf (higher index), with a seeded coin so that windows vary between passes.
      if (cost < bestCost || (cost === bestCost && (l > best ? rng() < 0.75 : rng() < 0.25))) { best = l; bestCost = cost; }
    }
    if (best < 0 || leaves.size + bestCost > k || visited.size >= maxNodes) return leaves;
    leaves.delete(best);
    visited.add(best);
    for (const f of [a.f0[best]! >>> 1, a.f1[best]! >>> 1]) if (f !== 0 && !visited.has(f)) leaves.add(f);
  }
}

/** Side nodes: AND nodes outside the window whose fanins are all in the window or its leaves. */
function addSideNodes(a: Aig, win: Set<number>, leaves: Set<number>, fo: number[][], maxNodes: number): void {
  const inside = (n: number) => n === 0 || win.has(n) || leaves.has(n);
  const queue = [...win, ...leaves];
  while (queue.length && win.size < maxNodes) {
    const n = queue.pop()!;
    for (const m of fo[n]!) {
      if (win.has(m) || leaves.has(m) || !inside(a.f0[m]! >>> 1) || !inside(a.f1[m]! >>> 1)) continue;
      win.add(m);
      queue.push(m);
      if (win.size >= maxNodes) break;
    }
  }
}

/** Roots of a window: nodes with a fanout outside it or a primary output. */
function rootsOf(win: Set<number>, fo: number[][], isOutput: Uint8Array): number[] {
  const roots: number[] = [];
  for (const n of win) if (isOutput[n] || fo[n]!.some((m) => !win.has(m))) roots.push(n);
  return roots.sort((x, y) => x - y);
}

/** True when some leaf is in the transitive fanout of a root (the window is then not convex). */
function leafAfterRoot(a: Aig, roots: number[], leaves: Set<number>, fo: number[][]): boolean {
  const seen = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const n = stack.pop()!;
    for (const m of fo[n]!) {
      if (seen.has(m)) continue;
      if (leaves.has(m)) return true;
      seen.add(m);
      stack.push(m);
    }
  }
  return false;
}

/** A convex window around `pivot`, or undefined when none fits the limits. */
export function windowAt(a: Aig, pivot: number, lim: WindowLimits, fo: number[][], isOutput: Uint8Array, rng: () => number): Window | undefined {
  const cone = new Set<number>();
  const leaves = growCut(a, pivot, lim.k, lim.maxNodes, cone, rng);
  if (leaves.size > lim.k || leaves.size === 0) return undefined;
  const win = new Set(cone);
  addSideNodes(a, win, leaves, fo, lim.maxNodes);
  for (const w of [win, cone]) {
    const roots = rootsOf(w, fo, isOutput);
    if (roots.length > lim.maxRoots || leafAfterRoot(a, roots, leaves, fo)) continue;
    return {
      pivot, leaves: [...leaves].sort((x, y) => x - y), nodes: [...w].sort((x, y) => x - y), roots,
    };
  }
  return undefined;
}
