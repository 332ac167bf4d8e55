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
import { userError } from '../util/diagnostics.js';

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

/** A flag's value as messages show it: an empty one as '' so that it is seen. */
export function shownValue(text: string): string {
  return text === '' ? "''" : text;
}

/**
 * The yargs settings of a flag that takes a number. yargs's own `number` type turns `abc` into NaN and
 * loses what was typed, so the text is parsed here and a mistake named with it: `--timeout abc`. `nargs: 1`
 * makes the flag take the next word even when it starts with '-' (`--max-memory -5G` would otherwise be
 * read as the flags -5 and -G), so a negative value reaches the range check and is named there.
 */
export function numberFlag(flag: string, what: string, valid?: (n: number) => boolean): Options {
  const checked = (n: number): number => {
    if (valid && !valid(n)) throw userError(`--${flag} ${n} is out of range: --${flag} takes ${what}`, `give --${flag} ${what}`);
    return n;
  };
  return {
    nargs: 1,
    coerce: (v: unknown) => {
      // A command's own default arrives as a number.
      if (v === undefined) return v;
      if (typeof v === 'number') return checked(v);
      if (Array.isArray(v)) throw userError(`--${flag} is given ${v.length} times (${v.join(', ')})`, `give --${flag} once: ${what}`);
      const text = String(v);
      const n = text.trim() === '' ? NaN : Number(text);
      if (Number.isNaN(n)) throw userError(`--${flag} ${shownValue(text)} is not a number: --${flag} takes ${what}`, `e.g. --${flag} 10`);
      return checked(n);
    },
  };
}

/** A flag that takes a word (a size, layer widths): it takes the next word even when it starts with '-'. */
function textFlag(flag: string): Options {
  return {
    type: 'string', nargs: 1,
    coerce: (v: unknown) => {
      if (Array.isArray(v)) throw userError(`--${flag} is given ${v.length} times (${v.join(', ')})`, `give --${flag} once`);
      return v;
    },
  };
}

function flagSpec(o: SolveOption): Options {
  return match(o)
    .with({ kind: 'int' }, { kind: 'float' }, (n) => numberFlag(flagName(n), n.flagWhat))
    .with({ kind: 'bytes' }, { kind: 'layers' }, (t) => textFlag(flagName(t)))
    .with({ kind: 'choice' }, (c) => ({ type: 'string' as const, choices: c.choices }))
    .with({ kind: 'switch' }, () => ({ type: 'boolean' as const }))
    .exhaustive();
}

/** Add the solver flags to a command's yargs builder. */
export function addSolveFlags<T>(y: Argv<T>, choice: SolveFlagChoice = {}): Argv<T & SolveArgs> {
  let out: Argv<T> = y;
  for (const name of choice.names ?? SOLVE_OPTIONS.map((o) => o.name)) {
    const o: SolveOption = solveOption(name);
    const own = choice.override?.[name];
    const spec: Options = { ...flagSpec(o), ...(own?.default !== undefined ? { default: own.default } : {}), describe: own?.describe ?? describe(o) };
    out = out.option(flagName(o), spec);
  }
  return out as Argv<T & SolveArgs>;
}
