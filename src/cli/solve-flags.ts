// The solver's command-line flags, generated from the option table (ir/solve-options.ts) for the
// builders of `btfc solve`, `compile` and `discover`. Stage: CLI.
//
// No flag gets a yargs default unless a command asks for one (discover's --timeout): a flag that was
// not given must stay undefined so that the spec's `solve { … }` value can show through (flow/settings.ts).

import type { Argv, Options } from 'yargs';
import { match } from 'ts-pattern';
import {
  SOLVE_OPTIONS, flagName, solveOption, type SolveArgs, type SolveOption, type SolveOptionName,
} from '../ir/solve-options.js';

export type { SolveArgs };

/** Which flags a command takes, and where its meaning differs from the table's, its own help and default. */
export interface SolveFlagChoice {
  /** The flags, in the order help lists them (default: all, in table order). */
  names?: readonly SolveOptionName[];
  override?: Partial<Record<SolveOptionName, { describe: string; default?: number | string | boolean }>>;
}

/** The flag's help: the table's text, with a constant default named (a computed one says so itself). */
function describe(o: SolveOption): string {
  const d = 'default' in o ? o.default : undefined;
  return typeof d === 'number' || typeof d === 'string' ? `${o.help} (default ${d})` : o.help;
}

function yargsType(o: SolveOption): 'number' | 'string' | 'boolean' {
  return match(o.kind)
    .with('int', 'float', () => 'number' as const)
    .with('bytes', 'layers', 'choice', () => 'string' as const)
    .with('switch', () => 'boolean' as const)
    .exhaustive();
}

/** Add the solver flags to a command's yargs builder. */
export function addSolveFlags<T>(y: Argv<T>, choice: SolveFlagChoice = {}): Argv<T & SolveArgs> {
  let out: Argv<T> = y;
  for (const name of choice.names ?? SOLVE_OPTIONS.map((o) => o.name)) {
    const o: SolveOption = solveOption(name);
    const own = choice.override?.[name];
    const spec: Options = { type: yargsType(o), ...(o.kind === 'choice' ? { choices: o.choices } : {}), ...(own?.default !== undefined ? { default: own.default } : {}), describe: own?.describe ?? describe(o) };
    out = out.option(flagName(o), spec);
  }
  return out as Argv<T & SolveArgs>;
}
