// The layering rule over an import graph, kept apart from the real graph so a test can feed it a made-up
// one and see it fail. Each folder of src/ has a rank (its stage in the pipeline); a module may import
// from its own folder or from a folder of lower rank. An import to a higher rank reaches forward into a
// later stage's implementation; a cycle between folders means neither can be read, tested or replaced
// without the other. Equal ranks are allowed (siblings), which is why cycles are checked on their own.

import type { ImportEdge } from './imports.js';
import { folderOf } from './source-tree.js';

/** Rank of each top-level folder of src/: lower ranks are earlier stages. */
export type FolderRank = Readonly<Record<string, number>>;

/** One import that breaks the rule today and is tolerated until the change that removes it lands. */
export interface KnownViolation {
  /** Importing module, relative to src/ ('ir/arch.ts'). */
  from: string;
  /** Imported module, relative to src/ ('rrr/engine.ts'). */
  to: string;
  /** Why it exists and what removes it. */
  why: string;
}

export interface LayeringReport {
  /** Folders holding source files but missing from the ranks ('.' is src/ itself). */
  unranked: string[];
  /** Ranked folders that no longer exist. */
  vanished: string[];
  /** Imports into a folder of higher rank, not excused by a known violation. */
  backward: ImportEdge[];
  /** Sets of folders that import each other round a cycle (through imports not excused), each in rank order. */
  cycles: string[][];
  /** Known violations that no longer occur: the import is gone, or no longer breaks the rule. */
  stale: KnownViolation[];
}

/** A module's folder for the rule: its top-level folder under src/, or '.' for a file in src/ itself. */
function folder(rel: string): string {
  return folderOf(rel) || '.';
}

/** Check a graph over the given files against the ranks, excusing the known violations. */
export function checkLayering(
  files: readonly string[], edges: readonly ImportEdge[], rank: FolderRank, known: readonly KnownViolation[],
): LayeringReport {
  const present = [...new Set(files.map(folder))].sort();
  const unranked = present.filter((f) => !Object.hasOwn(rank, f));
  const vanished = Object.keys(rank).filter((f) => !present.includes(f)).sort();

  const isBackward = (e: ImportEdge): boolean => {
    const from = rank[folder(e.from)];
    const to = rank[folder(e.to)];
    return from !== undefined && to !== undefined && to > from;
  };
  const excused = (e: ImportEdge): boolean => known.some((k) => k.from === e.from && k.to === e.to);
  const counted = edges.filter((e) => !excused(e));
  const backward = counted.filter(isBackward);
  const stale = known.filter((k) => !edges.some((e) => e.from === k.from && e.to === k.to && isBackward(e)));

  const order = (a: string, b: string): number => (rank[a] ?? Infinity) - (rank[b] ?? Infinity) || a.localeCompare(b);
  const cycles = folderCycles(counted).map((scc) => scc.sort(order)).sort((a, b) => order(a[0]!, b[0]!));
  return { unranked, vanished, backward, cycles, stale };
}

/** The strongly connected components of more than one folder in the folder graph of the edges (Tarjan). */
export function folderCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    const [a, b] = [folder(e.from), folder(e.to)];
    if (a === b) continue;
    if (!next.has(a)) next.set(a, new Set());
    if (!next.has(b)) next.set(b, new Set());
    next.get(a)!.add(b);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) components.push(component);
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return components;
}
