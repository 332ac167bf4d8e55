// The layout stays honest: each folder of src/ is one stage or concern, and imports run only from later
// stages to earlier ones (docs/ARCHITECTURE.md). A new folder must be given a rank here; an import that
// reaches forward, or folders that import each other, fail the suite.

import { describe, expect, it } from 'vitest';
import { fileEdges, importGraph, relativeSpecifiers, resolveSpecifier, type ImportEdge } from './imports.js';
import { checkLayering, type FolderRank, type KnownViolation } from './layering.js';
import { sourceFiles } from './source-tree.js';

/** src/'s folders from the first stage to the last: a folder may import from itself and those before it. */
const FOLDER_ORDER = [
  'util', 'ir', 'lang', 'formats', 'rrr', 'gates', 'emit', 'verify', 'flow', 'discover', 'tools', 'cli',
] as const;
const FOLDER_RANK: FolderRank = Object.fromEntries(FOLDER_ORDER.map((name, rank) => [name, rank]));

/** Imports that break the order today. Each must still occur (a stale entry fails), so the list only shrinks. */
// Empty: every import points to an earlier (or the same) folder. An entry here is a debt with a reason.
const KNOWN_VIOLATIONS: readonly KnownViolation[] = [];

const show = (e: ImportEdge): string => `${e.from} → ${e.to} (${e.specifier})`;

describe('the folders of src/ import only from earlier stages', () => {
  const files = sourceFiles();
  const edges = importGraph();
  const report = checkLayering(files, edges, FOLDER_RANK, KNOWN_VIOLATIONS);

  it('ranks every folder of src/, and only those', () => {
    expect(report.unranked, 'give each new folder a place in FOLDER_ORDER').toEqual([]);
    expect(report.vanished, 'drop folders that no longer exist from FOLDER_ORDER').toEqual([]);
  });

  it('has no import into a later stage', () => {
    expect(report.backward.map(show), 'import from an earlier folder, or move the code').toEqual([]);
  });

  it('has no cycle between folders', () => {
    expect(report.cycles).toEqual([]);
  });

  it('lists only known violations that still occur', () => {
    expect(report.stale.map((k) => `${k.from} → ${k.to}`), 'remove these entries from KNOWN_VIOLATIONS').toEqual([]);
  });

  it('reads every relative import as a module of src/', () => {
    const known = new Set(files);
    expect(edges.filter((e) => !known.has(e.to)).map(show)).toEqual([]);
    expect(edges.length).toBeGreaterThan(files.length);
  });
});

describe('the import scanner', () => {
  it('finds static, multi-line, type-only, re-exported and dynamic imports, but not comments or strings', () => {
    const text = [
      "import { a } from './a.js';",
      'import {',
      '  b,',
      "} from '../ir/b.js';",
      "import type { C } from './c.js';",
      "export { d } from './d.js';",
      "// import { e } from './e.js';",
      "const s = \"import { f } from './f.js'\";",
      "const g = await import('./g.js');",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(relativeSpecifiers(text)).toEqual(['./a.js', '../ir/b.js', './c.js', './d.js', './g.js']);
  });

  it('resolves NodeNext .js specifiers to the .ts sources, from nested folders too', () => {
    expect(resolveSpecifier('gates/passes/pass.ts', '../../ir/netlist.js')).toBe('ir/netlist.ts');
    expect(resolveSpecifier('lang/eval.ts', './bitvec.js')).toBe('lang/bitvec.ts');
  });

  it('counts a worker script started through workerPath as a dependency, relative to src/', () => {
    const text = "// e.g. workerPath('x/y.js')\nconst w = new Worker(workerPath('rrr/worker.js'));";
    expect(fileEdges('rrr/pool.ts', text)).toEqual([
      { from: 'rrr/pool.ts', to: 'rrr/worker.ts', specifier: "workerPath('rrr/worker.js')" },
    ]);
  });
});

describe('the layering check can fail', () => {
  // A made-up tree: a before b, c a sibling of b, e ranked but gone, d never ranked.
  const rank: FolderRank = { a: 0, b: 1, c: 1, e: 2 };
  const files = ['a/x.ts', 'a/w.ts', 'b/y.ts', 'c/z.ts', 'd/v.ts'];
  const edge = (from: string, to: string): ImportEdge => ({ from, to, specifier: to });
  const edges = [
    edge('b/y.ts', 'a/x.ts'), // allowed: to an earlier stage
    edge('a/x.ts', 'a/w.ts'), // allowed: within a folder
    edge('a/x.ts', 'b/y.ts'), // backward: a reaches into the later b
    edge('b/y.ts', 'c/z.ts'), // b and c are siblings, so neither edge is backward, but together
    edge('c/z.ts', 'b/y.ts'), // they are a cycle
    edge('a/w.ts', 'c/z.ts'), // backward, but excused below
  ];

  it('reports a backward import, a cycle, an unranked and a vanished folder', () => {
    const excused = [{ from: 'a/w.ts', to: 'c/z.ts', why: 'test' }];
    const report = checkLayering(files, edges, rank, excused);
    expect(report.backward).toEqual([edge('a/x.ts', 'b/y.ts')]);
    expect(report.cycles).toEqual([['a', 'b', 'c']]);
    expect(report.unranked).toEqual(['d']);
    expect(report.vanished).toEqual(['e']);
    expect(report.stale).toEqual([]);
  });

  it('reports a cycle between two folders', () => {
    const report = checkLayering(files, [edge('b/y.ts', 'c/z.ts'), edge('c/z.ts', 'b/y.ts')], rank, []);
    expect(report.backward).toEqual([]);
    expect(report.cycles).toEqual([['b', 'c']]);
  });

  it('reports known violations that are gone or no longer break the rule', () => {
    const gone = { from: 'a/x.ts', to: 'c/z.ts', why: 'removed' };
    const allowed = { from: 'b/y.ts', to: 'a/x.ts', why: 'never was a violation' };
    const report = checkLayering(files, edges, rank, [gone, allowed]);
    expect(report.stale).toEqual([gone, allowed]);
  });
});
