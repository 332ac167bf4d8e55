// `solve { … }` blocks: solver settings carried by a spec, checked for names, types and ranges.
// Stage: elaborate. Top-level blocks apply to every circuit; a circuit's own blocks override them.

import { SPEC_OPTIONS, checkRange, type NumberOption, type SpecSolveOptions } from '../ir/solve-options.js';
import type { SolveBlock, SolveOption, Span } from './ast.js';
import { fail } from './typecheck.js';
import { closest } from './suggest.js';

const SPEC_OPTION_NAMES: readonly string[] = SPEC_OPTIONS.map((o) => o.name);

/** Where each option of the merged solve blocks was written (the one that took effect). */
export type SolveSpans = { [K in keyof SpecSolveOptions]?: Span };

function option(o: SolveOption, file: string, into: SpecSolveOptions, spans: SolveSpans): void {
  const entry = SPEC_OPTIONS.find((r) => r.name === o.name);
  if (entry === undefined) {
    const near = closest(o.name, SPEC_OPTION_NAMES);
    fail(file, o.nameSpan, `unknown solve option '${o.name}'`,
      `${near ? `did you mean '${near}'? ` : ''}the options are ${SPEC_OPTION_NAMES.join(', ')}`);
  }
  if (entry.kind === 'layers') into[entry.name] = layerWidths(o, file);
  else into[entry.name] = numberValue(o, entry, file);
  spans[entry.name] = o.span;
}

function layerWidths(o: SolveOption, file: string): number[] {
  if (o.values.length === 0) fail(file, o.span, `${o.name} needs at least one layer width`, 'e.g. `hidden 4 4;` for two hidden layers of 4 nodes');
  for (const v of o.values) {
    if (!Number.isSafeInteger(v.value) || v.value < 1) {
      fail(file, v.span, `${o.name} layer width ${v.text} is not a positive integer`, 'each hidden layer has 1 or more nodes, e.g. `hidden 4 4;`');
    }
  }
  return o.values.map((v) => v.value);
}

function numberValue(o: SolveOption, rule: NumberOption, file: string): number {
  if (o.values.length !== 1) {
    fail(file, o.values.length === 0 ? o.span : o.values[1]!.span, `${o.name} takes one value, not ${o.values.length}`,
      `${o.name} is ${rule.specWhat}`);
  }
  const v = o.values[0]!;
  if (!checkRange(rule, v.value)) fail(file, v.span, `${o.name} ${v.text} is out of range`, `${o.name} is ${rule.specWhat}`);
  return v.value;
}

/** Merge solve blocks in order (later ones override); a block may not name an option twice. */
export function solveOptions(blocks: readonly SolveBlock[], file: string, into: SpecSolveOptions = {}, spans: SolveSpans = {}): SpecSolveOptions {
  for (const b of blocks) {
    const seen = new Map<string, SolveOption>();
    for (const o of b.options) {
      const before = seen.get(o.name);
      if (before) {
        fail(file, o.nameSpan, `solve option '${o.name}' is given twice in one block`, 'keep one of them',
          [{ span: before.nameSpan, message: 'first given here' }]);
      }
      seen.set(o.name, o);
      option(o, file, into, spans);
    }
  }
  return into;
}
