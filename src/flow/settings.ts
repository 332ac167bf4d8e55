// The solver's command-line options, shared by `btfc solve` and `btfc compile`: their yargs definitions,
// the merge of flags over the spec's `solve { … }` block over the defaults, and their validation (a bad
// value is a UserError, exit 2). Stage: CLI, in front of solve.
//
// The options are declared without yargs defaults so that a flag that was not given is `undefined` and the
// spec's value can show through; SOLVE_DEFAULTS are applied here, last.

import { availableParallelism } from 'node:os';
import type { Argv } from 'yargs';
import { userError } from '../util/diagnostics.js';
import type { Spec } from '../ir/spec.js';
import type { BtfNet } from '../ir/btf-net.js';
import { layeredNet } from '../ir/btf-net.js';
import type { TableItems } from '../ir/truth-table.js';
import {
  defaultHidden, formatBytes, layeredSize, memoryEstimate, parseBytes, parseHidden, resolveWidths,
} from '../ir/arch.js';
import type { SolveParams } from '../rrr/solve.js';

/** The solver flags as yargs parses them (every one optional). */
export interface SolveArgs {
  hidden?: string;
  sigma?: number;
  beta?: number;
  gamma?: number;
  iterations?: number;
  gapstop?: number;
  restarts?: number;
  seed?: number;
  workers?: number;
  /** Seconds. */
  timeout?: number;
  all?: boolean;
  reproducible?: boolean;
  fitStop?: boolean;
  maxMemory?: string;
}

/** Defaults when neither a flag nor the spec sets an option (the reference's 2×2 settings). */
export const SOLVE_DEFAULTS = {
  sigma: 3,
  beta: 0.2,
  gamma: 1e-3,
  iterations: 10_000,
  gapstop: 0.01,
  restarts: 20,
  seed: 1,
  maxMemory: '4G',
} as const;

/** Add the solver options to a command's yargs builder. */
export function addSolveOptions<T>(y: Argv<T>): Argv<T & SolveArgs> {
  return y
    .option('hidden', { type: 'string', describe: 'hidden layer widths, e.g. 4,4 (or a whole architecture 4-4-4-4; `none` for no hidden layer); default from the spec, else two layers of max(inputs, outputs)' })
    .option('sigma', { type: 'number', describe: `support parameter σ > 0: margins sqrt(m/σ) (default ${SOLVE_DEFAULTS.sigma})` })
    .option('beta', { type: 'number', describe: `RRR step 0 < β ≤ 1 (default ${SOLVE_DEFAULTS.beta})` })
    .option('gamma', { type: 'number', describe: `metric relaxation rate γ ≥ 0; rule of thumb γ·iterations ≈ 1 (default ${SOLVE_DEFAULTS.gamma})` })
    .option('iterations', { type: 'number', describe: `iterations per restart, itermax (default ${SOLVE_DEFAULTS.iterations})` })
    .option('gapstop', { type: 'number', describe: `a restart is solved when its gap falls below this, ≥ 0 (default ${SOLVE_DEFAULTS.gapstop})` })
    .option('restarts', { type: 'number', describe: `independent random starts (default ${SOLVE_DEFAULTS.restarts})` })
    .option('seed', { type: 'number', describe: `base random seed, an integer ≥ 0; restart k's seed derives from it (default ${SOLVE_DEFAULTS.seed})` })
    .option('workers', { type: 'number', describe: 'worker threads running restarts in parallel (default: available CPUs)' })
    .option('timeout', { type: 'number', describe: 'stop after this many seconds and report the best restart so far' })
    .option('all', { type: 'boolean', describe: 'run every restart to its end instead of stopping at the first solution' })
    .option('fit-stop', { type: 'boolean', describe: 'count a restart as solved once its weights reproduce every care row, even with the gap above gapstop (default: on for compile, off for solve)' })
    .option('reproducible', { type: 'boolean', describe: 'the lowest-numbered solved restart wins, whatever the number of workers (may run a little longer)' })
    .option('max-memory', { type: 'string', describe: `refuse to start when the solver state would exceed this, e.g. 8G (default ${SOLVE_DEFAULTS.maxMemory})` }) as Argv<T & SolveArgs>;
}

/** Everything a solve needs, resolved and checked. */
export interface SolveSetup {
  widths: number[];
  net: BtfNet;
  items: TableItems;
  params: SolveParams;
  /** Solver memory estimate in bytes (all workers together). */
  memoryBytes: number;
  /** Where each option's value came from. */
  sources: Record<string, 'flag' | 'spec' | 'default'>;
}

function pick<K extends string>(name: K, flag: number | undefined, spec: number | undefined, def: number | undefined,
  sources: Record<string, 'flag' | 'spec' | 'default'>): number | undefined {
  if (flag !== undefined) {
    sources[name] = 'flag';
    return flag;
  }
  if (spec !== undefined) {
    sources[name] = 'spec';
    return spec;
  }
  sources[name] = 'default';
  return def;
}

function check(ok: boolean, name: string, value: unknown, what: string, source: string | undefined): void {
  if (!ok) {
    const where = source === 'spec' ? ` (from the spec's solve block)` : '';
    throw userError(`${name} ${String(value)}${where} is out of range: ${name} is ${what}`, `give --${name} a valid value`);
  }
}

/**
 * Merge flags over the spec's solve block over SOLVE_DEFAULTS, validate, build the layered net and the
 * items, and check the memory estimate. Throws UserError (exit 2) on any bad value.
 */
export function solveSetup(args: SolveArgs, spec: Spec): SolveSetup {
  const s = spec.solve ?? {};
  const src: Record<string, 'flag' | 'spec' | 'default'> = {};
  const sigma = pick('sigma', args.sigma, s.sigma, SOLVE_DEFAULTS.sigma, src)!;
  const beta = pick('beta', args.beta, s.beta, SOLVE_DEFAULTS.beta, src)!;
  const gamma = pick('gamma', args.gamma, s.gamma, SOLVE_DEFAULTS.gamma, src)!;
  const iterations = pick('iterations', args.iterations, s.iterations, SOLVE_DEFAULTS.iterations, src)!;
  const gapstop = pick('gapstop', args.gapstop, s.gapstop, SOLVE_DEFAULTS.gapstop, src)!;
  const restarts = pick('restarts', args.restarts, s.restarts, SOLVE_DEFAULTS.restarts, src)!;
  const seed = pick('seed', args.seed, s.seed, SOLVE_DEFAULTS.seed, src)!;
  const workers = pick('workers', args.workers, s.workers, availableParallelism(), src)!;
  const timeout = pick('timeout', args.timeout, s.timeout, undefined, src);
  check(Number.isFinite(sigma) && sigma > 0, 'sigma', sigma, 'the support parameter σ, a number > 0', src.sigma);
  check(Number.isFinite(beta) && beta > 0 && beta <= 1, 'beta', beta, 'the RRR step β, 0 < β ≤ 1', src.beta);
  check(Number.isFinite(gamma) && gamma >= 0, 'gamma', gamma, 'the metric rate γ, a number ≥ 0', src.gamma);
  check(Number.isSafeInteger(iterations) && iterations >= 1, 'iterations', iterations, 'an integer ≥ 1', src.iterations);
  check(Number.isFinite(gapstop) && gapstop >= 0, 'gapstop', gapstop, 'a number ≥ 0', src.gapstop);
  check(Number.isSafeInteger(restarts) && restarts >= 1, 'restarts', restarts, 'an integer ≥ 1', src.restarts);
  check(Number.isSafeInteger(seed) && seed >= 0, 'seed', seed, 'an integer ≥ 0', src.seed);
  check(Number.isSafeInteger(workers) && workers >= 1, 'workers', workers, 'an integer ≥ 1', src.workers);
  if (timeout !== undefined) check(Number.isFinite(timeout) && timeout > 0, 'timeout', timeout, 'a number of seconds > 0', src.timeout);

  const nIn = spec.table.numInputs;
  const nOut = spec.table.numOutputs;
  let arch: { hidden: number[] } | { widths: number[] };
  if (args.hidden !== undefined) {
    arch = parseHidden(args.hidden);
    src.hidden = 'flag';
  } else if (s.hidden !== undefined) {
    arch = { hidden: s.hidden };
    src.hidden = 'spec';
  } else {
    arch = { hidden: defaultHidden(nIn, nOut) };
    src.hidden = 'default';
  }
  const widths = resolveWidths(arch, nIn, nOut);
  if (nIn === 0) throw userError(`${spec.name} has no inputs: there is nothing for a network to learn`, 'a constant function needs no solver');

  const items = spec.table.toItems();
  if (items.count === 0) throw userError(`${spec.name} has no cared-about rows: every output is a don't-care`, 'specify at least one output value');
  const maxMemory = parseBytes(args.maxMemory ?? SOLVE_DEFAULTS.maxMemory);
  const size = layeredSize(widths);
  const concurrent = Math.min(workers, restarts);
  const memoryBytes = memoryEstimate(size, items.count, concurrent);
  if (memoryBytes > maxMemory) {
    throw userError(
      `the solver would need about ${formatBytes(memoryBytes)} (${items.count} items × ${size.numEdges} edges, ${size.numNodes} nodes, ${concurrent} worker${concurrent === 1 ? '' : 's'} at once), more than --max-memory ${formatBytes(maxMemory)}`,
      'use fewer --workers (memory grows with each), a smaller architecture (--hidden), or raise --max-memory',
    );
  }
  const net = layeredNet(widths, sigma);
  const params: SolveParams = {
    sigma, beta, gamma, iterations, gapstop, restarts, seed, workers,
    ...(timeout !== undefined ? { timeoutMs: timeout * 1000 } : {}),
    all: args.all ?? false,
    ...(args.reproducible ? { deterministicWinner: true } : {}),
    ...(args.fitStop ? { fitStop: true } : {}),
  };
  return { widths, net, items, params, memoryBytes, sources: src };
}

/** Just the merged, validated SolveParams (solveSetup without keeping the net). */
export function solveParamsFrom(args: SolveArgs, spec: Spec): SolveParams {
  return solveSetup(args, spec).params;
}
