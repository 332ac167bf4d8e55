// Spec: the elaborated function with its named ports. Stage: output of elaborate and of the table-file
// readers; everything after (lower, solve, extract, emit, verify) reads it.

import type { TruthTable } from './truth-table.js';
import type { SpecSolveOptions } from './solve-options.js';
import type { SourceSpan } from '../util/diagnostics.js';

/** Solver settings a spec may carry in a `solve { … }` block; their table is ir/solve-options.ts. */
export type { SpecSolveOptions };

/** A named port. `bus` ports print as `name[width-1:0]`; scalars as `name`. */
export interface Port {
  name: string;
  width: number;
  bus: boolean;
}

export interface Spec {
  /** Circuit (Verilog module) name. */
  name: string;
  /** The file it came from, as the user named it. */
  file: string;
  /** In declaration order; their bits, bit 0 first, are x0, x1, … */
  inputs: Port[];
  /** In declaration order; their bits, bit 0 first, are the table's output columns 0, 1, … */
  outputs: Port[];
  table: TruthTable;
  solve: SpecSolveOptions;
  /** Where each `solve { … }` option was written (specs only), so a refusal it causes can point at it. */
  solveSpans?: { [K in keyof SpecSolveOptions]?: SourceSpan };
  /**
   * A Verilog module with the spec's ports (same names and widths) that computes the spec's function on
   * every care row: the user's own module for a Verilog spec, or the spec's word-level expressions written
   * as Verilog. The floor (verify/floor.ts) synthesises it with Yosys as one more conventional circuit;
   * nothing else reads it. A spec whose function cannot be written so (tables) has none.
   */
  verilog?: SpecVerilog;
}

export interface SpecVerilog {
  /** `design`: a Verilog file given as the spec; `expressions`: generated from the spec's equations. */
  kind: 'design' | 'expressions';
  text: string;
  /** The module to synthesise (the design's top). */
  top: string;
  /** Read as SystemVerilog (a `.sv` file). */
  systemVerilog: boolean;
}

/** Flat bit names, e.g. `a[0]`, `a[1]`, `cin`, in table column order. */
export function bitNames(ports: readonly Port[]): string[] {
  const out: string[] = [];
  for (const p of ports) {
    if (p.bus) for (let i = 0; i < p.width; i++) out.push(`${p.name}[${i}]`);
    else out.push(p.name);
  }
  return out;
}
