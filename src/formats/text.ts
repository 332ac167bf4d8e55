// The truth table of a Spec as text a person can read (`btfc table SPEC`, the default format).
// Stage: an exporter at the end of the front end; reads a Spec, returns text.
//
// Layout:
//   # mul2: 4 inputs, 4 outputs; 16 rows, 16 with a cared output
//   a[1:0]  b[1:0] | p[3:0]
//   00 (0)  00 (0) | 0000 (0)
//   …
// One column per port, in declaration order, inputs then `|` then outputs. A port's value is printed in
// binary, most significant bit first; a bus wider than one bit also gets its decimal value in
// parentheses. A don't-care output bit prints as '-' (and its port gets no decimal value). Rows in which
// no output is cared about are left out, and a last comment line counts them. Rows are in table order
// (row m has x_j = bit j of m), so the first input port's bit 0 changes fastest.

import { UserError } from '../util/diagnostics.js';
import type { Port, Spec } from '../ir/spec.js';

/** Ports up to this width get their cell strings precomputed for every value. */
const CACHE_WIDTH = 16;

function header(p: Port): string {
  return p.bus ? `${p.name}[${p.width - 1}:0]` : p.name;
}

function cellWidth(p: Port): number {
  const decimal = p.width > 1 ? 3 + String(2 ** p.width - 1).length : 0;
  return Math.max(header(p).length, p.width + decimal);
}

function cellOf(value: number, p: Port, width: number): string {
  let s = value.toString(2).padStart(p.width, '0');
  if (p.width > 1) s += ` (${value})`;
  return s.padEnd(width);
}

/** The lines of the text form, without line terminators; lazily, so a 2^24-row table can be streamed. */
export function* formatTableLines(spec: Spec): Generator<string> {
  const t = spec.table;
  const careRows = t.careRows();
  yield `# ${spec.name}: ${t.numInputs} input${t.numInputs === 1 ? '' : 's'}, ${t.numOutputs} output${t.numOutputs === 1 ? '' : 's'}; `
    + `${t.numRows} rows, ${careRows.length} with a cared output`;

  const ins = spec.inputs.map((p, i) => {
    const offset = spec.inputs.slice(0, i).reduce((s, q) => s + q.width, 0);
    const width = cellWidth(p);
    const cache = p.width <= CACHE_WIDTH
      ? Array.from({ length: 2 ** p.width }, (_, v) => cellOf(v, p, width)) : undefined;
    return { p, offset, width, cache };
  });
  const outs = spec.outputs.map((p, i) => {
    const offset = spec.outputs.slice(0, i).reduce((s, q) => s + q.width, 0);
    const width = cellWidth(p);
    const cache = p.width <= CACHE_WIDTH
      ? Array.from({ length: 2 ** p.width }, (_, v) => cellOf(v, p, width)) : undefined;
    return { p, offset, width, cache };
  });
  const left = ins.map((c) => header(c.p).padEnd(c.width)).join('  ');
  const right = outs.map((c) => header(c.p).padEnd(c.width)).join('  ');
  yield `${left}${left ? ' ' : ''}| ${right}`.trimEnd();

  for (let r = 0; r < careRows.length; r++) {
    const m = careRows[r]!;
    const cells: string[] = [];
    for (const c of ins) {
      const v = c.p.width >= 32 ? 0 : (m >>> c.offset) & ((2 ** c.p.width) - 1);
      cells.push(c.cache ? c.cache[v]! : cellOf(v, c.p, c.width));
    }
    const l = cells.join('  ');
    cells.length = 0;
    for (const c of outs) {
      let v = 0;
      let allCare = true;
      for (let b = 0; b < c.p.width; b++) {
        const k = c.offset + b;
        if (!t.isCare(k, m)) allCare = false;
        else if (t.value(k, m)) v += 2 ** b;
      }
      if (allCare) {
        cells.push(c.cache ? c.cache[v]! : cellOf(v, c.p, c.width));
      } else {
        let s = '';
        for (let b = c.p.width - 1; b >= 0; b--) {
          const g = t.get(c.offset + b, m);
          s += g === '-' ? '-' : String(g);
        }
        cells.push(s.padEnd(c.width));
      }
    }
    yield `${l}${l ? ' ' : ''}| ${cells.join('  ')}`.trimEnd();
  }
  const skipped = t.numRows - careRows.length;
  if (skipped > 0) yield `# ${skipped} row${skipped === 1 ? '' : 's'} with no cared output not shown`;
}

/** V8's longest string, in characters. */
const MAX_STRING = 0x1fffffe8;

/**
 * The whole text form, one line per shown row, ending with a newline. A table whose text would not fit
 * in one JavaScript string (about 5×10^8 characters: a full 24-input table with wide ports) is a
 * UserError; stream formatTableLines() instead.
 */
export function formatTableText(spec: Spec): string {
  const lines: string[] = [];
  let length = 0;
  for (const line of formatTableLines(spec)) {
    length += line.length + 1;
    if (length > MAX_STRING) {
      throw new UserError({ file: spec.file, message: `the text form of this table is too large to print (${spec.table.numRows} rows)`,
        hint: 'export it with --format truth, or reduce the number of inputs' });
    }
    lines.push(line);
  }
  lines.push('');
  return lines.join('\n');
}
