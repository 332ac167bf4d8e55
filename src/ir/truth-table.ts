// TruthTable: the exact, possibly partial, Boolean function every stage after elaboration works from.
// Stage: output of elaborate (and of the PLA/.truth/.dat readers); input of lower/solve/verify.
//
// Layout: for output k, bit m of column k is f_k(m), where row m has x_j = bit j of m (x0 = bit 0 of the
// first declared input). Columns are packed 32 rows per Uint32 word; a parallel care mask says which
// (row, output) bits are specified. A don't-care bit always has value 0, so tables compare bitwise.

import { userError } from '../util/diagnostics.js';

export const MAX_INPUTS = 24;

/** The care rows of a table as the solver's ±1 items. */
export interface TableItems {
  /** Number of items (rows where at least one output is cared about). */
  count: number;
  numInputs: number;
  numOutputs: number;
  /** The truth-table row index of each item. */
  rows: Uint32Array;
  /** count × numInputs, +1 = true, −1 = false. */
  inputs: Float64Array;
  /** count × numOutputs, +1 / −1, and 0 where the output bit is a don't-care. */
  targets: Float64Array;
  /** count × numOutputs, 1 where the target is cared about. */
  targetCare: Uint8Array;
}

export class TruthTable {
  readonly numInputs: number;
  readonly numOutputs: number;
  readonly numRows: number;
  /** Words per column. */
  readonly numWords: number;
  /** numOutputs columns of numWords words, output-major. */
  readonly values: Uint32Array;
  readonly care: Uint32Array;

  constructor(numInputs: number, numOutputs: number) {
    if (!Number.isInteger(numInputs) || numInputs < 0) throw new RangeError(`bad input count ${numInputs}`);
    if (numInputs > MAX_INPUTS) {
      throw userError(
        `${numInputs} inputs is more than btfc's limit of ${MAX_INPUTS} (a full table has 2^${numInputs} rows)`,
        'split the function into smaller circuits, or reduce the input widths',
      );
    }
    if (!Number.isInteger(numOutputs) || numOutputs < 1) throw new RangeError(`bad output count ${numOutputs}`);
    this.numInputs = numInputs;
    this.numOutputs = numOutputs;
    this.numRows = 2 ** numInputs;
    this.numWords = Math.ceil(this.numRows / 32);
    this.values = new Uint32Array(this.numWords * numOutputs);
    this.care = new Uint32Array(this.numWords * numOutputs);
  }

  /** The value column of output k (a view, not a copy). */
  column(k: number): Uint32Array {
    return this.values.subarray(k * this.numWords, (k + 1) * this.numWords);
  }

  /** The care column of output k (a view, not a copy). */
  careColumn(k: number): Uint32Array {
    return this.care.subarray(k * this.numWords, (k + 1) * this.numWords);
  }

  isCare(k: number, m: number): boolean {
    return ((this.care[k * this.numWords + (m >>> 5)]! >>> (m & 31)) & 1) === 1;
  }

  /** The value of output k at row m (0 for a don't-care). */
  value(k: number, m: number): 0 | 1 {
    return ((this.values[k * this.numWords + (m >>> 5)]! >>> (m & 31)) & 1) as 0 | 1;
  }

  /** 0, 1, or '-' for a don't-care. */
  get(k: number, m: number): 0 | 1 | '-' {
    return this.isCare(k, m) ? this.value(k, m) : '-';
  }

  set(k: number, m: number, v: 0 | 1 | '-'): void {
    const i = k * this.numWords + (m >>> 5);
    const bit = 1 << (m & 31);
    if (v === '-') {
      this.care[i] = this.care[i]! & ~bit;
      this.values[i] = this.values[i]! & ~bit;
    } else {
      this.care[i] = this.care[i]! | bit;
      this.values[i] = v ? this.values[i]! | bit : this.values[i]! & ~bit;
    }
  }

  /** True when every bit of every output is cared about. */
  isComplete(): boolean {
    const lastBits = this.numRows & 31;
    const lastMask = lastBits === 0 ? 0xffffffff : (1 << lastBits) - 1;
    for (let k = 0; k < this.numOutputs; k++) {
      for (let w = 0; w < this.numWords; w++) {
        const full = w === this.numWords - 1 ? lastMask : 0xffffffff;
        if ((this.care[k * this.numWords + w]! & full) >>> 0 !== full >>> 0) return false;
      }
    }
    return true;
  }

  /** Number of (row, output) bits cared about. */
  careCount(): number {
    let n = 0;
    for (let i = 0; i < this.care.length; i++) n += popcount32(this.care[i]!);
    return n;
  }

  /** Rows where at least one output is cared about, ascending. */
  careRows(): Uint32Array {
    const rows: number[] = [];
    for (let m = 0; m < this.numRows; m++) {
      const w = m >>> 5;
      const b = m & 31;
      for (let k = 0; k < this.numOutputs; k++) {
        if ((this.care[k * this.numWords + w]! >>> b) & 1) { rows.push(m); break; }
      }
    }
    return Uint32Array.from(rows);
  }

  /** Same function and same care set. */
  equals(other: TruthTable): boolean {
    if (other.numInputs !== this.numInputs || other.numOutputs !== this.numOutputs) return false;
    for (let i = 0; i < this.values.length; i++) {
      if (this.values[i] !== other.values[i] || this.care[i] !== other.care[i]) return false;
    }
    return true;
  }

  /** The care rows as ±1 items for the solver (docs/ALGORITHM.md §2): true = +1, false = −1. */
  toItems(): TableItems {
    const rows = this.careRows();
    const n = this.numInputs;
    const o = this.numOutputs;
    const count = rows.length;
    const inputs = new Float64Array(count * n);
    const targets = new Float64Array(count * o);
    const targetCare = new Uint8Array(count * o);
    for (let i = 0; i < count; i++) {
      const m = rows[i]!;
      for (let j = 0; j < n; j++) inputs[i * n + j] = (m >>> j) & 1 ? 1 : -1;
      for (let k = 0; k < o; k++) {
        if (this.isCare(k, m)) {
          targetCare[i * o + k] = 1;
          targets[i * o + k] = this.value(k, m) ? 1 : -1;
        }
      }
    }
    return { count, numInputs: n, numOutputs: o, rows, inputs, targets, targetCare };
  }

  clone(): TruthTable {
    const t = new TruthTable(this.numInputs, this.numOutputs);
    t.values.set(this.values);
    t.care.set(this.care);
    return t;
  }
}

export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
