// No function of src/ runs past MAX_LINES: a function that long does several things, and each should
// have a name. The RRR hot loop is the one exception by design; functions being split right now are
// listed as pending. Both lists must stay true: an entry whose function is gone or short enough fails.

import { describe, expect, it } from 'vitest';
import { functionSpans, sourceFunctions, type FunctionSpan } from './functions.js';

const MAX_LINES = 80;

interface Exemption {
  /** Path relative to src/. */
  file: string;
  /** As functions.ts names it: 'name', or 'Class.name' for a method. */
  name: string;
}

/** Long by design. */
const ALLOWED: readonly Exemption[] = [
  // The hot loop of docs/ALGORITHM.md §2–5 stays one function: it reads the engine's arrays into locals
  // once per iteration, calls nothing per edge, and its steps read in the algorithm's order.
  { file: 'rrr/engine.ts', name: 'RrrEngine.iterate' },
];

/** Being split by changes in flight; each entry goes when its change lands (none now). */
const PENDING: readonly Exemption[] = [];

const show = (f: FunctionSpan): string => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`;
const matches = (e: Exemption) => (f: FunctionSpan): boolean => f.file === e.file && f.name === e.name;

describe(`functions of src/ are at most ${MAX_LINES} lines`, () => {
  const functions = sourceFunctions();
  const tooLong = functions.filter((f) => f.lines > MAX_LINES);

  it('has no long function outside the lists', () => {
    const exempt = [...ALLOWED, ...PENDING];
    const offenders = tooLong.filter((f) => !exempt.some((e) => matches(e)(f)));
    expect(offenders.map(show), 'split these into named steps').toEqual([]);
  });

  it('lists only functions that are still long', () => {
    const stale = [...ALLOWED, ...PENDING].filter((e) => !tooLong.some(matches(e)));
    expect(stale.map((e) => `${e.file} ${e.name}`), 'remove these entries').toEqual([]);
  });
});

describe('the function measure', () => {
  const text = [
    'export function outer(a: number): number {', // 1
    '  const inner = (b: number) => b + 1;',
    '  return inner(a);',
    '}',
    '/** Doc comments do not count. */',
    'class Box {', // 6
    '  constructor(private v: number) {}',
    '  get value(): number {',
    '    return this.v;',
    '  }',
    '  map(f: (v: number) => number): Box { return new Box(f(this.v)); }',
    '  static make = function (): Box {',
    '    return new Box(0);',
    '  };',
    '}',
    'const table = { row(): number { return 1; } };', // 16
    '[1, 2].forEach((x) => {',
    '  console.log(x);',
    '});',
    'declare function ambient(): void;',
  ].join('\n');

  it('names and measures declarations, arrows, methods, accessors and callbacks', () => {
    expect(functionSpans('t.ts', text).map((f) => `${f.line}+${f.lines} ${f.name}`)).toEqual([
      '1+4 outer',
      '2+1 inner',
      '7+1 Box.constructor',
      '8+3 Box.value',
      '11+1 Box.map',
      '12+3 Box.make',
      '16+1 row',
      '17+3 [1, 2].forEach callback',
    ]);
  });
});
