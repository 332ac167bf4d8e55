// `table … -> … { rows }` in a circuit: header and rows checked, then written into the TruthTable.
// Stage: elaborate.
//
// A header column is a port, a bit `a[2]` or a slice `a[3:1]`, and takes one character per bit, MSB
// first. The left side lists input bits (any subset, each at most once: bits not listed do not matter to
// the table, i.e. every row holds for all their values); the right side lists output bits, which the
// table then drives. A row writes one cube per column, separated by spaces, or all of one side's
// characters as a single cube. In an input cube '-' means both values; in an output cube, don't care.

import type { TruthTable } from '../ir/truth-table.js';
import type { Cube, Span, TableColumn, TableRow } from './ast.js';
import { checkSelector, fail } from './typecheck.js';

/** A header column, resolved: the bits it names, MSB first (x indices for inputs, table columns for outputs). */
export interface ResolvedColumn {
  label: string;
  bits: number[];
  /** The name of each bit, e.g. `p[3]` or `s`, in `bits` order. */
  bitLabels: string[];
  span: Span;
}

interface Row {
  /** Input variables the row fixes, and their values. */
  mask: number;
  value: number;
  /** One of '0' | '1' | '-' per output bit of the table, in `outputBits` order. */
  outs: string;
  span: Span;
}

export interface TableJob {
  inputs: ResolvedColumn[];
  outputs: ResolvedColumn[];
  /** Output table columns, in header order. */
  outputBits: number[];
  rows: Row[];
  span: Span;
}

export type ColumnResolver = (c: TableColumn, side: 'input' | 'output') => ResolvedColumn;

export function columnLabel(c: TableColumn): string {
  if (!c.selector) return c.name;
  return c.selector.lo ? `${c.name}[${c.selector.hi.value}:${c.selector.lo.value}]` : `${c.name}[${c.selector.hi.value}]`;
}

/** Bits of a port named by a header column, MSB first; `base` is the port's first bit index. */
export function columnBits(c: TableColumn, width: number, base: number, file: string): number[] {
  const [hi, lo] = c.selector ? checkSelector(c.selector, width, `'${c.name}'`, file) : [width - 1, 0];
  const bits: number[] = [];
  for (let b = hi; b >= lo; b--) bits.push(base + b);
  return bits;
}

/** Split a row side into per-column character strings, checking widths. */
function splitCubes(cubes: Cube[], cols: ResolvedColumn[], side: string, file: string): string {
  const total = cols.reduce((s, c) => s + c.bits.length, 0);
  const names = cols.map((c) => c.label).join(' ');
  if (cubes.length === cols.length) {
    cubes.forEach((cube, i) => {
      const col = cols[i]!;
      if (cube.text.length !== col.bits.length) {
        fail(file, cube.span,
          `cube '${cube.text}' has ${cube.text.length} character${cube.text.length === 1 ? '' : 's'}, but ${side} column '${col.label}' is ${col.bits.length} bit${col.bits.length === 1 ? '' : 's'} wide`,
          `write ${col.bits.length} character${col.bits.length === 1 ? '' : 's'} of 0, 1 or '-' for '${col.label}', most significant bit first`);
      }
    });
    return cubes.map((c) => c.text).join('');
  }
  if (cubes.length === 1) {
    const cube = cubes[0]!;
    if (cube.text.length !== total) {
      fail(file, cube.span, `cube '${cube.text}' has ${cube.text.length} character${cube.text.length === 1 ? '' : 's'}, but the ${side}s (${names}) are ${total} bits`,
        `write ${total} characters of 0, 1 or '-', or one cube per column`);
    }
    return cube.text;
  }
  const first = cubes[0]!.span;
  fail(file, first, `this row has ${cubes.length} ${side} cubes, but the table has ${cols.length} ${side} column${cols.length === 1 ? '' : 's'} (${names})`,
    'write one cube per column, separated by spaces, or all the bits of the side as one cube');
}

export function checkTable(
  header: { inputs: TableColumn[]; outputs: TableColumn[]; rows: TableRow[]; span: Span },
  resolve: ColumnResolver,
  file: string,
): TableJob {
  const inputs = header.inputs.map((c) => resolve(c, 'input'));
  const outputs = header.outputs.map((c) => resolve(c, 'output'));
  const seen = new Map<string, Map<number, ResolvedColumn>>([['input', new Map()], ['output', new Map()]]);
  for (const [side, cols] of [['input', inputs], ['output', outputs]] as const) {
    const bits = seen.get(side)!;
    for (const col of cols) {
      for (const b of col.bits) {
        const other = bits.get(b);
        if (other) {
          fail(file, col.span, `'${col.label}' repeats ${side} bits already in column '${other.label}'`,
            'name each bit once in a table header', [{ span: other.span, message: `'${other.label}' is here` }]);
        }
        bits.set(b, col);
      }
    }
  }
  const inBits = inputs.flatMap((c) => c.bits);
  const rows = header.rows.map((r): Row => {
    const ins = splitCubes(r.inputs, inputs, 'input', file);
    const outs = splitCubes(r.outputs, outputs, 'output', file);
    let mask = 0, value = 0;
    for (let i = 0; i < ins.length; i++) {
      const ch = ins[i]!;
      if (ch === '-') continue;
      mask |= 1 << inBits[i]!;
      if (ch === '1') value |= 1 << inBits[i]!;
    }
    return { mask, value, outs, span: r.span };
  });
  return { inputs, outputs, outputBits: outputs.flatMap((c) => c.bits), rows, span: header.span };
}

/** The header's input columns at row m, e.g. `a=1 b=0101`. */
function describeRow(job: TableJob, m: number): string {
  return job.inputs.map((c) => `${c.label}=${c.bits.map((b) => (m >>> b) & 1).join('')}`).join(' ');
}

/** Write a checked table into `table`; `dflt` fills the rows no table row covers (undefined: an error). */
export function fillTable(job: TableJob, table: TruthTable, numInputs: number, dflt: 0 | 1 | '-' | undefined, file: string): void {
  const all = numInputs === 0 ? 0 : (2 ** numInputs - 1);
  const covered = new Uint8Array(2 ** numInputs);
  const ks = job.outputBits;
  job.rows.forEach((row, r) => {
    const free = (all & ~row.mask) >>> 0;
    // Every m with m & mask = value: walk the submasks of `free`.
    let sub = 0;
    for (;;) {
      const m = (row.value | sub) >>> 0;
      covered[m] = 1;
      for (let i = 0; i < ks.length; i++) {
        const ch = row.outs[i]!;
        if (ch === '-') continue;
        const v = ch === '1' ? 1 : 0;
        const k = ks[i]!;
        if (table.isCare(k, m)) {
          if (table.value(k, m) !== v) conflict(job, r, i, m, file);
        } else {
          table.set(k, m, v);
        }
      }
      if (sub === free) break;
      sub = ((sub - free) & free) >>> 0;
    }
  });
  let missing = -1, missingCount = 0;
  for (let m = 0; m < covered.length; m++) {
    if (covered[m]) continue;
    if (dflt === undefined) {
      if (missing < 0) missing = m;
      missingCount++;
    } else if (dflt !== '-') {
      for (const k of ks) table.set(k, m, dflt);
    }
  }
  if (missing >= 0) {
    const listed = job.inputs.reduce((s, c) => s + c.bits.length, 0);
    const combos = missingCount / 2 ** (numInputs - listed);
    const more = combos > 1 ? ` (and ${combos - 1} more input combination${combos - 1 === 1 ? '' : 's'})` : '';
    fail(file, job.span, `the table has no row for ${describeRow(job, missing)}${more}`,
      'add rows for them, or say what the missing rows are in the circuit: `default 0;`, `default 1;` or `default -;` (don\'t care)');
  }
}

function conflict(job: TableJob, r: number, i: number, m: number, file: string): never {
  const row = job.rows[r]!;
  const want = row.outs[i]!;
  const earlier = job.rows.findIndex((o, j) => j < r && ((m & o.mask) >>> 0) === o.value && o.outs[i] !== '-' && o.outs[i] !== want);
  const other = job.rows[earlier]!;
  const outLabel = outputBitLabel(job, i);
  fail(file, row.span,
    `conflicting table rows: for ${describeRow(job, m)} this row sets ${outLabel} to ${want}, but the row at line ${other.span.line} sets it to ${other.outs[i]}`,
    "make the rows agree, or make one of them '-' (don't care) for this output",
    [{ span: other.span, message: `the other row, which sets ${outLabel} to ${other.outs[i]}` }]);
}

/** Name of the i-th output bit of the table, e.g. `s` or `p[3]`. */
function outputBitLabel(job: TableJob, i: number): string {
  return job.outputs.flatMap((c) => c.bitLabels)[i] ?? `output ${i}`;
}
