// What `btfc draw` does without the command line: read a netlist (or compile a spec) into a Netlist, then
// draw it (emit/schematic.ts). Stage: flow.
//
// By extension: `.v`/`.sv` is Verilog — btfc's own form is read exactly (formats/btfc-verilog.ts: gate
// names and MAJ3 kept), anything else through Yosys (verify/draw-design.ts); `.blif` is BLIF
// (formats/blif.ts); anything else is a function (a spec or a table file, as `btfc compile` takes), compiled
// with compile's pipeline and defaults — the floor, then RRR, the smaller circuit kept — and not proved:
// nothing is written but the picture, and every circuit the pipeline yields has passed exhaustive simulation.

import { extname } from 'node:path';
import { readTextFile } from '../util/read-text.js';
import { UserError, userError } from '../util/diagnostics.js';
import type { Netlist } from '../ir/netlist.js';
import type { SolveArgs } from '../ir/solve-options.js';
import { readBtfcVerilog } from '../formats/btfc-verilog.js';
import { readBlif } from '../formats/blif.js';
import { readDesignNetlist } from '../verify/draw-design.js';
import { loadSpec, sourceCache } from './load-spec.js';
import { chooseCircuit, compileCircuit, compileSetup } from './compile.js';
import type { SolveHooks } from '../rrr/solve.js';

/** The most bytes `btfc draw` reads of a netlist file (as `btfc verify`: Yosys is slow on more). */
export const MAX_NETLIST_BYTES = 2 * 2 ** 20;

export type DrawSource = 'btfc Verilog' | 'Verilog (through Yosys)' | 'BLIF' | 'spec';

export interface DrawInput {
  netlist: Netlist;
  source: DrawSource;
  /** For a spec: which strategy's circuit is drawn (`rrr: 4-4-4-4 σ3`, `floor: abc &deepsyn`). */
  strategy?: string;
}

export interface DrawOptions {
  /** The module of a multi-module Verilog design. */
  top?: string;
  /** The circuit of a multi-circuit spec. */
  circuit?: string;
  /** Solver settings for a spec (seed, timeout, workers), as compile's flags. */
  solve?: SolveArgs;
  hooks?: SolveHooks;
}

function readNetlistText(file: string, what: string): string {
  const text = readTextFile(file, {
    limit: MAX_NETLIST_BYTES, what, expected: `${what} file`,
    hint: 'draw a netlist of at most a few thousand gates; a larger schematic is not readable anyway',
  });
  // Diagnostics quote the offending line from here.
  sourceCache.set(file, text);
  return text;
}

/** The netlist of `file` to draw. UserError (exit 2) for a file that cannot be read, with its place. */
export async function loadDrawing(file: string, opts: DrawOptions = {}): Promise<DrawInput> {
  const ext = extname(file).toLowerCase();
  const verilog = ext === '.v' || ext === '.sv';
  if (opts.top !== undefined && !verilog) throw userError(`--top applies to Verilog files; ${file} is not one`, 'drop --top', file);
  if (opts.circuit !== undefined && (verilog || ext === '.blif')) throw userError(`--circuit applies to spec files; ${file} is a netlist`, 'drop --circuit (use --top for a Verilog module)', file);
  if (verilog) {
    const text = readNetlistText(file, 'a Verilog');
    const own = readBtfcVerilog(text);
    if (own && (opts.top === undefined || opts.top === own.name)) return { netlist: own, source: 'btfc Verilog' };
    return { netlist: await readDesignNetlist(text, file, opts.top), source: 'Verilog (through Yosys)' };
  }
  if (ext === '.blif') return { netlist: readBlif(readNetlistText(file, 'a BLIF'), file), source: 'BLIF' };
  const spec = await loadSpec(file, opts.circuit);
  const setup = compileSetup(opts.solve ?? {}, spec);
  const r = await compileCircuit(spec, setup, { baseline: false, floor: true, ...(opts.hooks ? { hooks: opts.hooks } : {}) });
  const choice = chooseCircuit(r, setup);
  if (!choice.circuit) {
    // Nothing found within the budget: exit 1, as compile's.
    throw new UserError({ file, message: `${spec.name}: no circuit to draw (${choice.why})`, hint: 'a larger --timeout, or `btfc compile` with a larger --hidden' }, 1);
  }
  return { netlist: choice.circuit.synthesis.netlist, source: 'spec', strategy: choice.strategy! };
}
