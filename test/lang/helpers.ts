// Test helpers for the spec language: compile and capture diagnostics as the CLI prints them; read
// IWLS .truth files directly (independently of src/formats/truth.ts).

import { readFileSync } from 'node:fs';
import { formatDiagnostic, UserError } from '../../src/util/diagnostics.js';
import { compileSpec } from '../../src/lang/compile.js';
import type { Spec } from '../../src/ir/spec.js';

/** Compile a spec that must fail; returns the formatted diagnostics, joined by newlines. */
export function errorText(text: string, file = 'test.spec', circuit?: string): string {
  try {
    compileSpec(text, file, circuit);
  } catch (err) {
    if (err instanceof UserError) return err.diagnostics.map((d) => formatDiagnostic(d, new Map([[file, text]]))).join('\n');
    throw err;
  }
  throw new Error(`expected a UserError for:\n${text}`);
}

/** The table of a spec as .truth lines: output k's line lists f_k(m) from m = 2^n − 1 down to 0. */
export function truthLines(spec: Spec): string[] {
  const t = spec.table;
  const lines: string[] = [];
  for (let k = 0; k < t.numOutputs; k++) {
    let s = '';
    for (let m = t.numRows - 1; m >= 0; m--) {
      const v = t.get(k, m);
      s += v === '-' ? '-' : String(v);
    }
    lines.push(s);
  }
  return lines;
}

/** Read an IWLS .truth file: one line per output, first character = f(2^n − 1). */
export function readTruthFile(path: string): string[] {
  return readFileSync(path, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
}

export function exampleText(name: string): string {
  return readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');
}

export function compileExample(name: string, circuit?: string): Spec {
  return compileSpec(exampleText(name), `examples/${name}`, circuit);
}

/** Value of output port bits at row m, as a number (bit 0 first). */
export function outputValue(spec: Spec, portIndex: number, m: number): number | '-' {
  let base = 0;
  for (let i = 0; i < portIndex; i++) base += spec.outputs[i]!.width;
  let v = 0;
  for (let b = 0; b < spec.outputs[portIndex]!.width; b++) {
    const x = spec.table.get(base + b, m);
    if (x === '-') return '-';
    v |= x << b;
  }
  return v;
}
