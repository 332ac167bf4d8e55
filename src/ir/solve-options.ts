// The solver's options, declared once: each one's name, kind, range, default and help text. The spec's
// `solve { … }` checks (lang/solve-block.ts), the command-line flags (cli/solve-flags.ts), the merge of
// flags over the spec over the defaults (flow/settings.ts) and the solver's own argument check
// (rrr/solve.ts) are all read from SOLVE_OPTIONS, so a new option is declared here and used where it
// takes effect, nowhere else. Stage: shared by lang, flow, rrr and cli.

import { availableParallelism } from 'node:os';
import { userError } from '../util/diagnostics.js';

/** Numbers from `min` (excluded when `minOpen`) up to `max` (included; no `max` = unbounded). */
export interface Range {
  readonly min: number;
  readonly minOpen?: boolean;
  readonly max?: number;
}

interface Common {
  /** The spec key and, camel-cased, the parsed flag's name (`maxMemory` is the flag `--max-memory`). */
  readonly name: string;
  /** The flag's help; a constant default is appended as ` (default X)`. */
  readonly help: string;
}

/** A number: `int` a safe integer, `float` a finite number, either within `range`. */
export interface NumberOption extends Common {
  readonly kind: 'int' | 'float';
  readonly range: Range;
  /** None: the option is off unless given. A function: worked out when needed (the machine's CPUs). */
  readonly default?: number | (() => number);
  /** Settable in a spec's `solve { … }` block. */
  readonly spec?: true;
  /**
   * What a value is, as the range errors say it: `flagWhat` after a bad flag, `specWhat` after a bad spec
   * entry. The two were worded separately and users see both, so both are kept as they are.
   */
  readonly flagWhat: string;
  readonly specWhat: string;
}

/** A size in bytes, given as text such as `4G` (parseBytes). */
export interface BytesOption extends Common {
  readonly kind: 'bytes';
  readonly default: string;
}

/** An on/off flag (yargs also accepts `--no-…`). */
export interface SwitchOption extends Common {
  readonly kind: 'switch';
}

/** Hidden layer widths: text on the command line (ir/arch.ts parseHidden), a width list in a spec. */
export interface LayersOption extends Common {
  readonly kind: 'layers';
  readonly spec?: true;
}

/** One of a fixed list of words (yargs enforces the list; no default: the code that uses it decides). */
export interface ChoiceOption extends Common {
  readonly kind: 'choice';
  readonly choices: readonly string[];
}

export type SolveOption = NumberOption | BytesOption | SwitchOption | LayersOption | ChoiceOption;

/** Every solver option, in the order `--help` lists them and a spec's error message names them. */
export const SOLVE_OPTIONS = [
  {
    name: 'hidden', kind: 'layers', spec: true,
    help: 'hidden layer widths, e.g. 4,4 (or a whole architecture 4-4-4-4; `none` for no hidden layer); default from the spec, else two layers of max(inputs, outputs)',
  },
  {
    name: 'sigma', kind: 'float', range: { min: 0, minOpen: true }, default: 3, spec: true,
    help: 'support parameter σ > 0: margins sqrt(m/σ)',
    flagWhat: 'the support parameter σ, a number > 0', specWhat: 'the margin σ (a number > 0)',
  },
  {
    name: 'beta', kind: 'float', range: { min: 0, minOpen: true, max: 1 }, default: 0.2, spec: true,
    help: 'RRR step 0 < β ≤ 1',
    flagWhat: 'the RRR step β, 0 < β ≤ 1', specWhat: 'the RRR step β (0 < β ≤ 1)',
  },
  {
    name: 'gamma', kind: 'float', range: { min: 0 }, default: 1e-3, spec: true,
    help: 'metric relaxation rate γ ≥ 0; rule of thumb γ·iterations ≈ 1',
    flagWhat: 'the metric rate γ, a number ≥ 0', specWhat: 'the sparsity weight γ (a number ≥ 0)',
  },
  {
    name: 'iterations', kind: 'int', range: { min: 1 }, default: 10_000, spec: true,
    help: 'iterations per restart, itermax',
    flagWhat: 'an integer ≥ 1', specWhat: 'iterations per restart (an integer ≥ 1)',
  },
  {
    name: 'gapstop', kind: 'float', range: { min: 0 }, default: 0.01, spec: true,
    help: 'a restart is solved when its gap falls below this, ≥ 0',
    flagWhat: 'a number ≥ 0', specWhat: 'the gap at which a run stops (a number ≥ 0)',
  },
  {
    name: 'restarts', kind: 'int', range: { min: 1 }, default: 20, spec: true,
    help: 'independent random starts',
    flagWhat: 'an integer ≥ 1', specWhat: 'the number of restarts (an integer ≥ 1)',
  },
  {
    name: 'seed', kind: 'int', range: { min: 0 }, default: 1, spec: true,
    help: 'base random seed, an integer ≥ 0; restart k\'s seed derives from it',
    flagWhat: 'an integer ≥ 0', specWhat: 'the random seed (an integer ≥ 0)',
  },
  {
    name: 'workers', kind: 'int', range: { min: 1 }, default: () => availableParallelism(), spec: true,
    help: 'worker threads running restarts in parallel (default: available CPUs)',
    flagWhat: 'an integer ≥ 1', specWhat: 'worker threads (an integer ≥ 1)',
  },
  {
    name: 'timeout', kind: 'float', range: { min: 0, minOpen: true }, spec: true,
    help: 'stop after this many seconds and report the best restart so far',
    flagWhat: 'a number of seconds > 0', specWhat: 'the time limit in seconds (a number > 0)',
  },
  { name: 'all', kind: 'switch', help: 'run every restart to its end instead of stopping at the first solution' },
  {
    name: 'fitStop', kind: 'switch',
    help: 'count a restart as solved once its weights reproduce every care row, even with the gap above gapstop (default: on for compile, off for solve)',
  },
  { name: 'reproducible', kind: 'switch', help: 'the lowest-numbered solved restart wins, whatever the number of workers (may run a little longer)' },
  {
    // The names match rrr/engine-kind.ts EngineKind (ir/ may not import rrr/; lower.ts passes it through).
    name: 'engine', kind: 'choice', choices: ['wasm', 'js'],
    help: 'RRR engine: wasm (WebAssembly SIMD; the default where the runtime has SIMD) or js (the JavaScript reference engine); both compute the same iterates',
  },
  {
    name: 'maxMemory', kind: 'bytes', default: '4G',
    help: 'refuse to start when the solver state would exceed this, e.g. 8G',
  },
] as const satisfies readonly SolveOption[];

type Entry = (typeof SOLVE_OPTIONS)[number];
export type SolveOptionName = Entry['name'];
type NumberEntry = Extract<Entry, { kind: 'int' | 'float' }>;
export type NumberOptionName = NumberEntry['name'];
type SpecEntry = Extract<Entry, { spec: true }>;

type ArgValue<K extends SolveOption['kind']> = K extends 'int' | 'float' ? number : K extends 'switch' ? boolean : string;

/** The solver flags as yargs parses them (every one optional, so that the spec's value can show through). */
export type SolveArgs = {
  [E in Entry as E['name']]?: E extends { kind: 'choice'; choices: readonly (infer C)[] } ? C : ArgValue<E['kind']>;
};

/** Solver settings a spec may carry in a `solve { … }` block (flags on the command line override them). */
export type SpecSolveOptions = { [E in SpecEntry as E['name']]?: E['kind'] extends 'layers' ? number[] : number };

/** The numeric options once merged: a number, or undefined for an option without a default that was not given. */
export type SolveValues = { [E in NumberEntry as E['name']]: E extends { default: unknown } ? number : number | undefined };

/** The options a spec may set, in table order (the order an unknown-option error names them). */
export const SPEC_OPTIONS: readonly SpecEntry[] = SOLVE_OPTIONS.filter((o): o is SpecEntry => 'spec' in o && o.spec);

/** The numeric options, in table order. */
export const NUMBER_OPTIONS: readonly (NumberOption & { name: NumberOptionName })[] =
  SOLVE_OPTIONS.filter((o): o is NumberEntry => o.kind === 'int' || o.kind === 'float');

export function solveOption<N extends SolveOptionName>(name: N): Extract<Entry, { name: N }> {
  return SOLVE_OPTIONS.find((o) => o.name === name) as Extract<Entry, { name: N }>;
}

/** The command-line spelling of an option's name: `maxMemory` → `max-memory`. */
export function flagName(o: SolveOption): string {
  return o.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The value an option takes when neither a flag nor the spec gives one (undefined: off). */
export function defaultOf(o: NumberOption): number | undefined {
  return typeof o.default === 'function' ? o.default() : o.default;
}

/** Whether `v` is a valid value of `o`: of its kind (an integer for `int`, finite) and within its range. */
export function checkRange(o: NumberOption, v: number): boolean {
  const r = o.range;
  if (!(o.kind === 'int' ? Number.isSafeInteger(v) : Number.isFinite(v))) return false;
  if (r.minOpen ? !(v > r.min) : !(v >= r.min)) return false;
  return r.max === undefined || v <= r.max;
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${bytes} bytes` : `${v.toFixed(v < 10 ? 2 : 1)} ${units[u]}`;
}

/** Parse a size such as `4G`, `512M`, `4GiB`, `1e9` (bytes). K/M/G/T are powers of 1024. */
export function parseBytes(text: string): number {
  const m = /^\s*([0-9]*\.?[0-9]+(?:e[0-9]+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(text);
  const shown = text === '' ? "''" : text;
  if (!m) throw userError(`--max-memory ${shown}: expected a size such as 4G, 512M or 1e9`, 'units K, M, G, T are powers of 1024; a bare number is bytes');
  const scale = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  const v = Number(m[1]) * scale;
  if (!(v > 0 && Number.isFinite(v))) throw userError(`--max-memory ${shown}: must be more than 0 bytes and finite`, 'e.g. --max-memory 8G');
  return v;
}
