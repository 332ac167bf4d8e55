// The reference program's (boolearn) `.dat` training data, read as a partial truth table.
// Stage: a front end beside parse+elaborate (file text → Spec).
//
// Format (docs/ALGORITHM.md §8): the number of items; `intype nin`; `outtype nout`; then per item a line of
// nin input values and a line of nout output values. Only type 2 (Boolean 0/1) is a truth table; other
// types are rejected. The reader is word-based, as the reference's scanf is: line breaks are not
// significant, but every error still names the line and column of the word at fault.
//
// Column order: the reference prints every row most significant bit first. btfc reads the .dat's input
// column c (0-based, of nin) as x[nin-1-c] and output column c as y[nout-1-c]: the whole input line is
// one binary number x, MSB first, and the output line one number y. Items not listed are don't-cares;
// the same input listed twice with different outputs is an error (listed twice the same way is fine).
//
// For the multipliers (2x2.dat, 3x3.dat) the input line is a[h-1] … a[0] b[h-1] … b[0] and the output
// line is p[2h-1] … p[0], so this reads x = {a, b}: x[h-1:0] = b, x[2h-1:h] = a, y = p. The small_arith
// tables (mul2x2, mul3x3) instead have x[h-1:0] = a, x[2h-1:h] = b; since a·b = b·a the two are the same
// function, and the test suite checks that the tables are identical.

import { UserError, quoteText, type SourceSpan } from '../util/diagnostics.js';
import type { Spec } from '../ir/spec.js';
import { MAX_INPUTS, TruthTable } from '../ir/truth-table.js';
import { busPort, circuitNameFromFile, NameSpace } from './pla.js';
import { spanOf, wordsOfText, type Word } from './words.js';

/** A number read from the file, with the word it came from (for later messages about it). */
interface Counted { value: number; word: Word }

const HEADER_HINT = 'a .dat file begins: number of items; `2 nin`; `2 nout` (2 = Boolean 0/1 data)';

/** The file's words and a cursor over them; every failure names the file and the word at fault. */
class DatWords {
  private readonly words: Word[];
  private pos = 0;
  constructor(text: string, readonly file: string) {
    this.words = wordsOfText(text);
  }

  fail(span: SourceSpan | undefined, message: string, hint: string, notes?: { span: SourceSpan; message: string }[]): never {
    throw new UserError({ file: this.file, span, message, hint, notes });
  }

  next(what: string, hint: string): Word {
    const w = this.words[this.pos++];
    if (!w) {
      const last = this.words[this.words.length - 1];
      this.fail(last && { line: last.line, col: last.col + last.text.length, length: 1 }, `the file ends where ${what} should be`, hint);
    }
    return w;
  }

  int(what: string, min: number, max: number, hint: string): Counted {
    const word = this.next(what, hint);
    if (!/^\d+$/.test(word.text)) this.fail(spanOf(word), `expected ${what}, a whole number, not ${quoteText(word.text)}`, hint);
    const value = Number(word.text);
    if (value < min || value > max) this.fail(spanOf(word), `${what} ${value} is out of range (${min} to ${max})`, hint);
    return { value, word };
  }

  /** The first word past the data, if any. */
  rest(): Word | undefined {
    return this.words[this.pos];
  }
}

/** `intype nin` or `outtype nout`: only type 2 is Boolean data. */
function readSize(r: DatWords, which: 'input' | 'output'): Counted {
  const t = r.int(`the ${which} type`, 0, Number.MAX_SAFE_INTEGER, HEADER_HINT);
  if (t.value !== 2) {
    r.fail(spanOf(t.word), `${which} type ${t.value}: only type 2 (Boolean 0/1 data) is a truth table`,
      'btfc compiles Boolean functions; convert the data to 0/1 values and type 2');
  }
  return r.int(`the number of ${which}s`, 1, Number.MAX_SAFE_INTEGER, HEADER_HINT);
}

/** The header: item count, input and output sizes. */
function readHeader(r: DatWords): { count: Counted; nin: Counted; nout: Counted } {
  const count = r.int('the number of items', 0, Number.MAX_SAFE_INTEGER, HEADER_HINT);
  const nin = readSize(r, 'input');
  if (nin.value > MAX_INPUTS) {
    r.fail(spanOf(nin.word), `${nin.value} inputs is more than btfc's limit of ${MAX_INPUTS} (a full table has 2^${nin.value} rows)`,
      'split the function into smaller circuits with fewer inputs');
  }
  const nout = readSize(r, 'output');
  return { count, nin, nout };
}

/** The items into the table (see the column order in the header); a repeated input must agree. */
function readItems(r: DatWords, count: Counted, table: TruthTable): void {
  const n = table.numInputs;
  const m = table.numOutputs;
  const firstSeen = new Map<number, Word>();
  for (let item = 1; item <= count.value; item++) {
    const itemHint = `item ${item} of ${count.value} needs ${n} input values and ${m} output values (0 or 1); `
      + `or fix the item count on line ${count.word.line}`;
    const bit = (what: string): { v: 0 | 1; word: Word } => {
      const w = r.next(`${what} of item ${item}`, itemHint);
      if (w.text !== '0' && w.text !== '1') {
        r.fail(spanOf(w), `expected 0 or 1 (${what} of item ${item}), not ${quoteText(w.text)}`, 'type-2 data has only 0 and 1 values');
      }
      return { v: w.text === '1' ? 1 : 0, word: w };
    };
    let row = 0;
    let start: Word | undefined;
    for (let c = 0; c < n; c++) {
      const b = bit(`input ${c + 1}`);
      if (c === 0) start = b.word;
      if (b.v) row |= 1 << (n - 1 - c);
    }
    const earlier = firstSeen.get(row);
    let firstOut: Word | undefined;
    for (let c = 0; c < m; c++) {
      const b = bit(`output ${c + 1}`);
      firstOut ??= b.word;
      const k = m - 1 - c;
      if (earlier && table.get(k, row) !== b.v) {
        r.fail(spanOf(b.word), `item ${item} repeats the input of the item on line ${earlier.line} with a different output`,
          'a function has one output per input: remove or correct one of the two items',
          [{ span: spanOf(earlier), message: 'the earlier item with this input' }]);
      }
      table.set(k, row, b.v);
    }
    if (!earlier) firstSeen.set(row, start ?? firstOut!);
  }
}

/** Read a reference .dat file. Throws UserError with file:line:col for every mistake. */
export function readDat(text: string, file: string): Spec {
  const r = new DatWords(text, file);
  const { count, nin, nout } = readHeader(r);
  const table = new TruthTable(nin.value, nout.value);
  readItems(r, count, table);
  const extra = r.rest();
  if (extra) {
    r.fail(spanOf(extra), `more data than the ${count.value} items line ${count.word.line} declares`,
      `set the item count on line ${count.word.line} to the number of items, or remove the extra values`);
  }
  const ns = new NameSpace();
  return {
    name: circuitNameFromFile(file),
    file,
    inputs: busPort('x', nin.value, ns),
    outputs: busPort('y', nout.value, ns),
    table,
    solve: {},
  };
}
