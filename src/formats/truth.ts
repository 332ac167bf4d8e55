// IWLS contest `.truth` files: reading one into a Spec, writing a table as one.
// Stage: a front end beside parse+elaborate (file text → Spec), and an exporter (`btfc table --format truth`).
//
// Format (IWLS 2022/2023): one line per output, output 0 first; each line is a binary string of length
// 2^n, and its first character is f(minterm 2^n − 1), its last f(minterm 0) — the table printed with the
// largest row first, as kitty / ABC print truth tables in binary. n is inferred from the line length.
// The ports are one input bus x[n-1:0] (x0 = bit 0 of the row) and one output bus y[m-1:0]. A .truth file
// has no don't-cares; writeTruth writes 0 for a don't-care bit (the table stores don't-cares as 0) and
// ends every line, the last included, with '\n'.

import { UserError, quoteText } from '../util/diagnostics.js';
import type { Spec } from '../ir/spec.js';
import { MAX_INPUTS, TruthTable } from '../ir/truth-table.js';
import { busPort, circuitNameFromFile, NameSpace } from './pla.js';
import { splitLines } from './words.js';

/** Read an IWLS .truth file. Throws UserError with file:line:col for every mistake. */
export function readTruth(text: string, file: string): Spec {
  const fail = (line: number, col: number, length: number, message: string, hint: string): never => {
    throw new UserError({ file, span: { line, col, length }, message, hint });
  };
  const lines = splitLines(text);
  const outs: { line: number; col: number; bits: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const bits = raw.trim();
    if (bits === '') continue;
    const col = raw.indexOf(bits) + 1;
    const bad = /[^01]/.exec(bits);
    if (bad) {
      fail(i + 1, col + bad.index, 1, `unexpected ${quoteText(bad[0])} in a .truth line`,
        'each line of a .truth file is one output: a string of 0s and 1s, the value for the largest input first');
    }
    outs.push({ line: i + 1, col, bits });
  }
  if (outs.length === 0) {
    throw new UserError({ file, message: 'no truth table lines', hint: 'write one line of 0s and 1s per output' });
  }
  const first = outs[0]!;
  const len = first.bits.length;
  if (len > 2 ** MAX_INPUTS) {
    fail(first.line, first.col, len, `a line of ${len} characters is more than btfc's limit of ${MAX_INPUTS} inputs (2^${MAX_INPUTS} characters)`,
      'split the function into smaller circuits with fewer inputs');
  }
  if ((len & (len - 1)) !== 0) {
    const lo = 2 ** Math.floor(Math.log2(len));
    fail(first.line, first.col, len, `a .truth line has 2^n characters for n inputs, but this one has ${len}`,
      `check the line for a missing or extra digit (the nearest lengths are ${lo} and ${lo * 2})`);
  }
  for (const o of outs) {
    if (o.bits.length !== len) {
      fail(o.line, o.col, o.bits.length, `this line has ${o.bits.length} characters, but line ${first.line} has ${len}`,
        'every output line must have the same length, 2^n for n inputs');
    }
  }
  const n = Math.round(Math.log2(len));
  const table = new TruthTable(n, outs.length);
  const W = table.numWords;
  for (let k = 0; k < outs.length; k++) {
    const bits = outs[k]!.bits;
    for (let w = 0; w < W; w++) {
      let word = 0;
      const top = Math.min(32, len - w * 32);
      for (let b = 0; b < top; b++) {
        // Row m = 32w + b is character len-1-m.
        if (bits.charCodeAt(len - 1 - (w * 32 + b)) === 49) word |= 1 << b;
      }
      table.values[k * W + w] = word;
      table.care[k * W + w] = top === 32 ? 0xffffffff : (1 << top) - 1;
    }
  }
  const ns = new NameSpace();
  return {
    name: circuitNameFromFile(file),
    file,
    inputs: busPort('x', n, ns),
    outputs: busPort('y', outs.length, ns),
    table,
    solve: {},
  };
}

/** V8's longest string, in characters. */
const MAX_STRING = 0x1fffffe8;

/** The table as an IWLS .truth file: one line per output, largest row first, don't-cares written as 0. */
export function writeTruth(table: TruthTable): string {
  const len = table.numRows;
  if ((len + 1) * table.numOutputs > MAX_STRING) {
    throw new UserError({ message: `the table is too large to write as one .truth text (${table.numOutputs} outputs of 2^${table.numInputs} characters)`,
      hint: 'write fewer outputs at a time' });
  }
  const buf = Buffer.allocUnsafe((len + 1) * table.numOutputs);
  let p = 0;
  for (let k = 0; k < table.numOutputs; k++) {
    const col = table.column(k);
    for (let m = len - 1; m >= 0; m--) buf[p++] = (col[m >>> 5]! >>> (m & 31)) & 1 ? 49 : 48;
    buf[p++] = 10;
  }
  return buf.toString('latin1', 0, p);
}
