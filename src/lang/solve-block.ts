// `solve { … }` blocks: solver settings carried by a spec, checked for names, types and ranges.
// Stage: elaborate. Top-level blocks apply to every circuit; a circuit's own blocks override them.

import type { SpecSolveOptions } from '../ir/spec.js';
import type { SolveBlock, SolveOption } from './ast.js';
import { fail } from './typecheck.js';
import { closest } from './suggest.js';

type Kind = 'positive' | 'fraction' | 'nonnegative' | 'count' | 'natural';

interface OptionRule {
  kind: Kind;
  /** What the value is, for messages. */
  what: string;
}

const RULES: Record<Exclude<keyof SpecSolveOptions, 'hidden'>, OptionRule> = {
  sigma: { kind: 'positive', what: 'the margin σ (a number > 0)' },
  beta: { kind: 'fraction', what: 'the RRR step β (0 < β ≤ 1)' },
  gamma: { kind: 'nonnegative', what: 'the sparsity weight γ (a number ≥ 0)' },
  iterations: { kind: 'count', what: 'iterations per restart (an integer ≥ 1)' },
  gapstop: { kind: 'nonnegative', what: 'the gap at which a run stops (a number ≥ 0)' },
  restarts: { kind: 'count', what: 'the number of restarts (an integer ≥ 1)' },
  seed: { kind: 'natural', what: 'the random seed (an integer ≥ 0)' },
  workers: { kind: 'count', what: 'worker threads (an integer ≥ 1)' },
  timeout: { kind: 'positive', what: 'the time limit in seconds (a number > 0)' },
};

export const SOLVE_OPTION_NAMES: readonly string[] = ['hidden', ...Object.keys(RULES)];

function inRange(kind: Kind, v: number): boolean {
  switch (kind) {
    case 'positive': return Number.isFinite(v) && v > 0;
    case 'fraction': return Number.isFinite(v) && v > 0 && v <= 1;
    case 'nonnegative': return Number.isFinite(v) && v >= 0;
    case 'count': return Number.isSafeInteger(v) && v >= 1;
    case 'natural': return Number.isSafeInteger(v) && v >= 0;
  }
}

function option(o: SolveOption, file: string, into: SpecSolveOptions): void {
  if (o.name === 'hidden') {
    if (o.values.length === 0) fail(file, o.span, 'hidden needs at least one layer width', 'e.g. `hidden 4 4;` for two hidden layers of 4 nodes');
    for (const v of o.values) {
      if (!Number.isSafeInteger(v.value) || v.value < 1) {
        fail(file, v.span, `hidden layer width ${v.text} is not a positive integer`, 'each hidden layer has 1 or more nodes, e.g. `hidden 4 4;`');
      }
    }
    into.hidden = o.values.map((v) => v.value);
    return;
  }
  const rule = RULES[o.name as keyof typeof RULES];
  if (rule === undefined) {
    const near = closest(o.name, SOLVE_OPTION_NAMES);
    fail(file, o.nameSpan, `unknown solve option '${o.name}'`,
      `${near ? `did you mean '${near}'? ` : ''}the options are ${SOLVE_OPTION_NAMES.join(', ')}`);
  }
  if (o.values.length !== 1) {
    fail(file, o.values.length === 0 ? o.span : o.values[1]!.span, `${o.name} takes one value, not ${o.values.length}`,
      `${o.name} is ${rule.what}`);
  }
  const v = o.values[0]!;
  if (!inRange(rule.kind, v.value)) fail(file, v.span, `${o.name} ${v.text} is out of range`, `${o.name} is ${rule.what}`);
  into[o.name as keyof typeof RULES] = v.value;
}

/** Merge solve blocks in order (later ones override); a block may not name an option twice. */
export function solveOptions(blocks: readonly SolveBlock[], file: string, into: SpecSolveOptions = {}): SpecSolveOptions {
  for (const b of blocks) {
    const seen = new Map<string, SolveOption>();
    for (const o of b.options) {
      const before = seen.get(o.name);
      if (before) {
        fail(file, o.nameSpan, `solve option '${o.name}' is given twice in one block`, 'keep one of them',
          [{ span: before.nameSpan, message: 'first given here' }]);
      }
      seen.set(o.name, o);
      option(o, file, into);
    }
  }
  return into;
}
