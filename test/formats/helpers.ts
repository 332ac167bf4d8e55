// Test helpers for the table readers: the benchmark fixtures, and tiny independent
// parsers for the reference formats (.hex, GBFS .tt) that the readers are checked against.

import { readFileSync } from 'node:fs';
import { fixture } from '../fixtures.js';
import { expect } from 'vitest';
import { formatDiagnostic, UserError } from '../../src/util/diagnostics.js';
import { TruthTable } from '../../src/ir/truth-table.js';

/** Path of a benchmark fixture (test/fixtures/), e.g. `bench('small_arith/maj5.truth')`. */
export function bench(rel: string): string {
  return fixture(rel);
}

export function readBench(rel: string): string {
  return readFileSync(bench(rel), 'utf8');
}

/**
 * ABC `read_truth` / kitty hex: one line per output, a hex number whose bit m is f(minterm m), printed
 * most significant digit first.
 */
export function parseHex(text: string, numInputs: number): TruthTable {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const t = new TruthTable(numInputs, lines.length);
  lines.forEach((line, k) => {
    const digits = line.trim();
    for (let m = 0; m < t.numRows; m++) {
      const d = parseInt(digits[digits.length - 1 - (m >> 2)]!, 16);
      t.set(k, m, ((d >> (m & 3)) & 1) as 0 | 1);
    }
  });
  return t;
}

/**
 * GBFS `.tt`: PLA-like header (.model, .i, .o, .ilb, .ob) and one line per minterm, `inputs outputs`,
 * ending with `.end`. Column order, found by checking the files against arithmetic (add3.tt's row
 * `0000010 0100` is A = 2 → sum 2; mcomp3.tt's `000001 001` is A = 1 > B = 0): the input string is the
 * row number m written in binary, most significant bit first, so its LAST column is the first .ilb name
 * (x0 = A[0]) and its first column the last name — the reverse of the PLA files, whatever the GBFS README
 * says. Output column k is output k (the first .ob name leftmost), as in the PLA files. The rows are
 * listed in ascending m; every row must be listed exactly once.
 */
export function parseGbfsTt(text: string): { table: TruthTable; ilb: string[]; ob: string[] } {
  let ni = -1;
  let no = -1;
  let ilb: string[] = [];
  let ob: string[] = [];
  const rows: [string, string][] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line === '.end' || line === '.e') continue;
    const w = line.split(/\s+/);
    if (w[0] === '.i') ni = Number(w[1]);
    else if (w[0] === '.o') no = Number(w[1]);
    else if (w[0] === '.ilb') ilb = w.slice(1);
    else if (w[0] === '.ob') ob = w.slice(1);
    else if (!w[0]!.startsWith('.')) rows.push([w[0]!, w[1]!]);
  }
  const t = new TruthTable(ni, no);
  const seen = new Set<number>();
  for (const [ins, outs] of rows) {
    if (ins.length !== ni || outs.length !== no) throw new Error(`bad .tt row ${ins} ${outs}`);
    let m = 0;
    for (let j = 0; j < ni; j++) if (ins[ni - 1 - j] === '1') m |= 1 << j;
    if (seen.has(m)) throw new Error(`.tt row ${ins} listed twice`);
    seen.add(m);
    for (let k = 0; k < no; k++) t.set(k, m, outs[k] === '1' ? 1 : 0);
  }
  if (seen.size !== 2 ** ni) throw new Error(`.tt lists ${seen.size} of ${2 ** ni} rows`);
  return { table: t, ilb, ob };
}

/** Run `f`, expect a UserError, and return its first diagnostic formatted with the source text. */
export function diagnosticOf(f: () => unknown, file: string, text: string): string {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    const d = (err as UserError).diagnostics[0]!;
    expect(d.file).toBe(file);
    expect(d.hint).toBeTruthy();
    return formatDiagnostic(d, new Map([[file, text]]));
  }
  throw new Error('expected a UserError');
}

/** A table from a function of the row: f(m, k) gives 0, 1 or '-'. */
export function tableOf(ni: number, no: number, f: (m: number, k: number) => 0 | 1 | '-'): TruthTable {
  const t = new TruthTable(ni, no);
  for (let m = 0; m < t.numRows; m++) for (let k = 0; k < no; k++) t.set(k, m, f(m, k));
  return t;
}
