// Reading the function a command works on: a spec file, or a PLA / IWLS .truth / reference .dat table,
// chosen by extension. Stage: the front of the pipeline (parse + elaborate) as the CLI sees it.

import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { userError } from '../util/diagnostics.js';
import type { Spec } from '../ir/spec.js';
import { shortName, verilogNameProblem } from '../ir/verilog-names.js';
import { readPla } from '../formats/pla.js';
import { readTruth } from '../formats/truth.js';
import { readDat } from '../formats/dat.js';

/** Source texts read so far, so diagnostics can quote the offending line. */
export const sourceCache = new Map<string, string>();

export function readSource(file: string): string {
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw userError(`${file} is a directory, not a file`, 'name a .spec, .pla, .truth or .dat file', file);
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof Error && 'code' in err) {
      throw userError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : err.message}`,
        'check the path', file);
    }
    throw err;
  }
  if (text.trim() === '') throw userError(`${file} is empty`, 'write a circuit in it (see README.md, "The spec language")', file);
  sourceCache.set(file, text);
  return text;
}

/**
 * Load a function from a file; `circuit` picks one circuit of a multi-circuit spec. The spec front end
 * (Chevrotain builds its parser when loaded, several hundred milliseconds) is imported only when a .spec
 * file is read, so `--help`, tables and usage errors start fast.
 */
export async function loadSpec(file: string, circuit?: string): Promise<Spec> {
  const spec = await readSpec(file, circuit);
  checkNames(spec, file);
  return spec;
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
