// Lowering: the merged solver settings (flow/settings.ts) and the spec's table become what the solver
// runs on: the architecture's width list, the layered BtfNet, the table's items and SolveParams, after
// the memory estimate is checked against --max-memory. Stage: lower, between load-spec and solve.

import { UserError, userError } from '../util/diagnostics.js';
import type { Spec } from '../ir/spec.js';
import type { BtfNet } from '../ir/btf-net.js';
import { layeredNet } from '../ir/btf-net.js';
import type { TableItems } from '../ir/truth-table.js';
import { defaultHidden, layeredSize, parseHidden, resolveWidths } from '../ir/arch.js';
import { formatBytes, parseBytes, solveOption, type SolveArgs } from '../ir/solve-options.js';
import { memoryEstimate } from '../rrr/memory.js';
import type { SolveParams } from '../rrr/solve.js';
import { mergeSolveOptions, type OptionSource } from './settings.js';

/** Everything a solve needs, resolved and checked. */
export interface SolveSetup {
  widths: number[];
  net: BtfNet;
  items: TableItems;
  params: SolveParams;
  /** Solver memory estimate in bytes (all workers together). */
  memoryBytes: number;
  /** Where each option's value came from. */
  sources: Record<string, OptionSource>;
}

/** The width list: from --hidden, else the spec's `solve { hidden … }`, else the default. */
function architecture(args: SolveArgs, spec: Spec, sources: Record<string, OptionSource>): number[] {
  const nIn = spec.table.numInputs;
  const nOut = spec.table.numOutputs;
  const hidden = spec.solve?.hidden;
  let arch: { hidden: number[] } | { widths: number[] };
  if (args.hidden !== undefined) {
    arch = parseHidden(args.hidden);
    sources.hidden = 'flag';
  } else if (hidden !== undefined) {
    arch = { hidden };
    sources.hidden = 'spec';
  } else {
    arch = { hidden: defaultHidden(nIn, nOut) };
    sources.hidden = 'default';
  }
  return resolveWidths(arch, nIn, nOut);
}

/**
 * Refuse a solve whose state would not fit in --max-memory; returns the estimate in bytes. When the
 * architecture came from the spec's `solve { hidden … }`, the refusal points at that line.
 */
function checkMemory(args: SolveArgs, spec: Spec, fromSpec: boolean, widths: readonly number[], items: number, concurrent: number): number {
  const maxMemory = parseBytes(args.maxMemory ?? solveOption('maxMemory').default);
  const size = layeredSize(widths);
  const memoryBytes = memoryEstimate(size, items, concurrent);
  if (memoryBytes > maxMemory) {
    const message = `the solver would need about ${formatBytes(memoryBytes)} (${items} items × ${size.numEdges} edges, ${size.numNodes} nodes, ${concurrent} worker${concurrent === 1 ? '' : 's'} at once), more than --max-memory ${formatBytes(maxMemory)}`;
    const span = fromSpec ? spec.solveSpans?.hidden : undefined;
    if (span) {
      throw new UserError({
        file: spec.file, span, message: `${message}; the architecture (${widths.join('-')}) is set here`,
        hint: 'use smaller hidden layers here (or override them with --hidden), fewer --workers, or raise --max-memory',
      });
    }
    throw userError(message, 'use fewer --workers (memory grows with each), a smaller architecture (--hidden), or raise --max-memory');
  }
  return memoryBytes;
}

/**
 * Merge flags over the spec's solve block over the defaults, validate, build the layered net and the
 * items, and check the memory estimate. Throws UserError (exit 2) on any bad value.
 */
export function solveSetup(args: SolveArgs, spec: Spec): SolveSetup {
  const { values, sources } = mergeSolveOptions(args, spec);
  const widths = architecture(args, spec, sources);
  if (spec.table.numInputs === 0) throw userError(`${spec.name} has no inputs: there is nothing for a network to learn`, 'a constant function needs no solver');
  const items = spec.table.toItems();
  if (items.count === 0) throw userError(`${spec.name} has no cared-about rows: every output is a don't-care`, 'specify at least one output value');
  const memoryBytes = checkMemory(args, spec, sources.hidden === 'spec', widths, items.count, Math.min(values.workers, values.restarts));
  const net = layeredNet(widths, values.sigma);
  // The solver takes the timeout in milliseconds; every other numeric option goes through as it is.
  const { timeout, ...solver } = values;
  const params: SolveParams = {
    ...solver,
    ...(timeout !== undefined ? { timeoutMs: timeout * 1000 } : {}),
    all: args.all ?? false,
    ...(args.reproducible ? { deterministicWinner: true } : {}),
    ...(args.fitStop ? { fitStop: true } : {}),
    ...(args.engine ? { engine: args.engine } : {}),
  };
  return { widths, net, items, params, memoryBytes, sources };
}
