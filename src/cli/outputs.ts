// The output paths of a command as the command line gives them (stage: CLI): checked before any work
// (util/output-paths.ts: a name, a writable place, not an input, no two on one file), and `-` for
// standard output, in which case the command's own summary moves to stderr so that stdout carries only
// the file's text.

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { userError } from '../util/diagnostics.js';
import type { Spec } from '../ir/spec.js';
import { checkOutputs, writesStdout, type OutputRequest } from '../util/output-paths.js';

export { outputName } from '../util/output-paths.js';
import type { CommandIO } from './command.js';

/** Options whose value is a path, so that `--json -` means standard output (yargs takes `-` for a flag). */
const PATH_OPTIONS = new Set(['--output', '--json', '--blif', '--netlist-json', '--net', '--svg', '--report']);

/**
 * The arguments with `--json -` written `--json=-`: yargs-parser never takes a lone `-` as the value of a
 * long option (it becomes a stray positional and the option an empty string); `-o -` it does take.
 */
export function joinDashValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (PATH_OPTIONS.has(a) && argv[i + 1] === '-') {
      out.push(`${a}=-`);
      i++;
    } else {
      out.push(a);
    }
  }
  return out;
}

/** Refuse an empty input name (`btfc compile ''`; yargs also turns `compile -` into one). */
export function checkInputName(path: string, what = 'spec'): void {
  if (path === '') {
    throw userError(`the ${what} file name is empty`, `name a ${what} file (btfc does not read a ${what} from standard input, \`-\`)`);
  }
}

/**
 * Check every output before the work starts (exit 2 on a problem) and say where the command's summary
 * goes: stdout, or stderr when a file is written to stdout.
 */
export function prepareOutputs(io: CommandIO, outputs: readonly OutputRequest[], inputs: readonly string[]): (text: string) => void {
  checkOutputs(outputs, inputs);
  return writesStdout(outputs.map((o) => o.path)) ? io.err : io.out;
}

/** Whether two paths are one existing file (by device and inode). */
function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * The Verilog file written when -o is not given: `<circuit>.v` in the current folder, or `<circuit>_btfc.v`
 * when that is the Verilog spec itself (`btfc compile alu4.v` in alu4.v's folder must not be refused).
 */
export function defaultVerilogOutput(spec: Spec): string {
  const plain = `${spec.name}.v`;
  return sameFile(plain, spec.file) ? `${spec.name}_btfc.v` : plain;
}

/** The most of a spec's text an HTML report shows (a large table file is cut there, and says so). */
const SOURCE_SHOWN = 256 * 1024;

/**
 * The spec's text for an HTML report, read again: only from a regular file (a FIFO was consumed by the
 * load), and at most SOURCE_SHOWN bytes. Undefined when it cannot be read (the report then says nothing).
 */
export function reportSource(path: string): string | undefined {
  try {
    const st = statSync(path);
    if (!st.isFile()) return undefined;
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(Math.min(st.size, SOURCE_SHOWN));
      const n = readSync(fd, buf, 0, buf.length, 0);
      const text = buf.subarray(0, n).toString('utf8');
      return st.size > SOURCE_SHOWN ? `${text}\n… (${st.size.toLocaleString('en-US')} bytes; the first ${SOURCE_SHOWN.toLocaleString('en-US')} shown)` : text;
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}
