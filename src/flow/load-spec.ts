// Reading the function a command works on: a spec file, a PLA / IWLS .truth / reference .dat table, or a
// combinational Verilog module (.v / .sv, simulated through Yosys: verify/design-spec.ts), chosen by
// extension. Stage: the front of the pipeline (parse + elaborate) as the CLI sees it.

import { extname } from 'node:path';
import { userError } from '../util/diagnostics.js';
import { MAX_STRING_LENGTH, readTextFile } from '../util/read-text.js';
import type { Spec } from '../ir/spec.js';
import { shortName, verilogNameProblem } from '../ir/verilog-names.js';
import { readPla } from '../formats/pla.js';
import { readTruth } from '../formats/truth.js';
import { readDat } from '../formats/dat.js';

/** Source texts read so far, so diagnostics can quote the offending line. */
export const sourceCache = new Map<string, string>();

/**
 * The most bytes btfc reads of a table file (.pla, .truth, .dat): the longest string V8 holds, 512 MiB.
 * The largest legitimate table, a full 24-input one, fits: as .truth it is 16 MiB per output (2^24
 * digits); as a PLA about 27 bytes per row for one output, some 430 MiB for all 2^24 rows.
 */
export const MAX_TABLE_BYTES = MAX_STRING_LENGTH;
/**
 * The most bytes btfc reads of a spec file. Specs are equations; a spec `table { … }` is the one way to
 * make one large, and the spec front end keeps a token object per cube: 6 MiB of table rows (an
 * 18-input table) take 0.7 GB and 13 s, so 16 MiB stays within Node's default heap. A table larger
 * than that belongs in a .pla file, which is read row by row.
 */
export const MAX_SPEC_BYTES = 16 * 2 ** 20;

export function readSource(file: string): string {
  const ext = extname(file).toLowerCase();
  const table = ext === '.pla' || ext === '.truth' || ext === '.dat';
  const expected = 'a .spec, .pla, .truth, .dat, .v or .sv file';
  const text = readTextFile(file, table
    ? { limit: MAX_TABLE_BYTES, what: 'a table file', expected, hint: 'btfc takes at most 24 inputs; a full 24-input table fits in 512 MiB (as .truth, 16 MiB per output)' }
    : { limit: MAX_SPEC_BYTES, what: 'a spec', expected, hint: 'a spec is equations and small tables; write a large table as a .pla file (up to 512 MiB) and give it to btfc directly' });
  if (text.trim() === '') {
    throw userError(`${file} is empty`, table ? `write the table in it (see README.md, "Table files")` : 'write a circuit in it (see README.md, "The spec language")', file);
  }
  sourceCache.set(file, text);
  return text;
}

/** Verilog files: a module whose exhaustive simulation is the table. */
const isVerilog = (file: string) => ['.v', '.sv'].includes(extname(file).toLowerCase());

/**
 * Load a function from a file; `circuit` picks one circuit of a multi-circuit spec, `top` one module of a
 * Verilog file. The spec front end (Chevrotain builds its parser when loaded, several hundred
 * milliseconds) is imported only when a .spec file is read, and Yosys only when a Verilog file is, so
 * `--help`, tables and usage errors start fast.
 */
export async function loadSpec(file: string, circuit?: string, top?: string): Promise<Spec> {
  if (top !== undefined && !isVerilog(file)) throw userError(`--top applies to Verilog files (.v, .sv); ${file} is not one`, 'drop --top', file);
  const spec = isVerilog(file) ? await readVerilogSpec(file, circuit, top) : await readSpec(file, circuit);
  checkNames(spec, file);
  return spec;
}

/** A Verilog module as the spec: read through Yosys, refused unless combinational, simulated on every row. */
async function readVerilogSpec(file: string, circuit: string | undefined, top: string | undefined): Promise<Spec> {
  if (circuit !== undefined) throw userError(`--circuit applies to .spec files; pick a module of ${file} with --top`, `write --top ${circuit}`, file);
  const { designSpec } = await import('../verify/design-spec.js');
  const { MAX_DESIGN_BYTES } = await import('../verify/design.js');
  const text = readTextFile(file, {
    limit: MAX_DESIGN_BYTES, what: 'a Verilog design', expected: 'a Verilog file',
    hint: "Yosys's time grows faster than the design; give btfc one combinational module of at most 24 input bits",
  });
  if (text.trim() === '') throw userError(`${file} is empty`, 'write a combinational `module … endmodule` in it', file);
  sourceCache.set(file, text);
  return designSpec(text, file, top, extname(file).toLowerCase() === '.sv');
}

/** Every name of a spec becomes a Verilog identifier: refuse one that cannot (e.g. a megabyte-long label). */
function checkNames(spec: Spec, file: string): void {
  const names = [['circuit', spec.name], ...[...spec.inputs, ...spec.outputs].map((p) => ['port', p.name])] as const;
  for (const [what, name] of names) {
    const problem = verilogNameProblem(name);
    if (problem) throw userError(`the ${what} name '${shortName(name)}' cannot be used: ${problem}`, 'rename it in the file', file);
  }
}

async function readSpec(file: string, circuit: string | undefined): Promise<Spec> {
  const text = readSource(file);
  const ext = extname(file).toLowerCase();
  const table = (reader: (t: string, f: string) => Spec): Spec => {
    if (circuit !== undefined) throw userError(`--circuit applies to .spec files; ${file} holds one table`, 'drop --circuit', file);
    return reader(text, file);
  };
  switch (ext) {
    case '.pla': return table(readPla);
    case '.truth': return table(readTruth);
    case '.dat': return table(readDat);
    default: {
      const { compileSpec } = await import('../lang/compile.js');
      return compileSpec(text, file, circuit);
    }
  }
}
