// The solver's settings: each numeric option of ir/solve-options.ts merged flag over the spec's
// `solve { … }` block over the table's default, and checked (a bad value is a UserError, exit 2).
// Stage: flow, in front of lower (flow/lower.ts).
//
// The flags are declared without yargs defaults (cli/solve-flags.ts) so that a flag that was not given is
// `undefined` and the spec's value can show through; the defaults are applied here, last.

import { userError } from '../util/diagnostics.js';
import type { Spec } from '../ir/spec.js';
import {
  NUMBER_OPTIONS, checkRange, defaultOf, flagName, type NumberOption, type SolveArgs, type SolveValues,
} from '../ir/solve-options.js';

export type OptionSource = 'flag' | 'spec' | 'default';

/** The merged values and where each came from (in table order: `--json` reports list them so). */
export interface MergedOptions {
  values: SolveValues;
  sources: Record<string, OptionSource>;
}

function check(o: NumberOption, value: number, source: OptionSource): void {
  if (!checkRange(o, value)) {
    const where = source === 'spec' ? ` (from the spec's solve block)` : '';
    const name = source === 'flag' ? `--${flagName(o)}` : o.name;
    throw userError(`${name} ${String(value)}${where} is out of range: ${o.name} is ${o.flagWhat}`, `give --${flagName(o)} a valid value`);
  }
}

/** Merge the numeric options flag over spec over default and check each. Throws UserError on a bad value. */
export function mergeSolveOptions(args: SolveArgs, spec: Spec): MergedOptions {
  const fromSpec = spec.solve ?? {};
  const values: Partial<Record<string, number>> = {};
  const sources: Record<string, OptionSource> = {};
  for (const o of NUMBER_OPTIONS) {
    const flag = args[o.name];
    const inSpec = fromSpec[o.name];
    const [value, source]: [number | undefined, OptionSource] = flag !== undefined ? [flag, 'flag']
      : inSpec !== undefined ? [inSpec, 'spec'] : [defaultOf(o), 'default'];
    sources[o.name] = source;
    if (value !== undefined) {
      check(o, value, source);
      values[o.name] = value;
    }
  }
  return { values: values as SolveValues, sources };
}
