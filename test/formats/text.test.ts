import { describe, expect, it } from 'vitest';
import { formatTableText, formatTableLines } from '../../src/formats/text.js';
import { readPla } from '../../src/formats/pla.js';
import { TruthTable } from '../../src/ir/truth-table.js';
import type { Spec } from '../../src/ir/spec.js';
import { readBench, tableOf } from './helpers.js';

describe('formatTableText', () => {
  it('prints buses in binary, MSB first, with a decimal value', () => {
    const text = formatTableText(readPla(readBench('gbfs/pla/add3.pla'), 'add3.pla'));
    const lines = text.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '# add3: 7 inputs, 4 outputs; 128 rows, 128 with a cared output',
      'A[2:0]   B[2:0]   Ci | O[3:0]',
      '000 (0)  000 (0)  0  | 0000 (0)',
      '001 (1)  000 (0)  0  | 0001 (1)',
    ]);
    // The last row: 7 + 7 + 1 = 15.
    expect(lines[129]).toBe('111 (7)  111 (7)  1  | 1111 (15)');
    expect(lines.length).toBe(131);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('prints don\'t-care bits as - and counts the rows with no cared output', () => {
    const table = tableOf(2, 3, (m, k) => (m === 0 ? '-' : m === 1 && k === 1 ? '-' : ((m >> k) & 1) as 0 | 1));
    const spec: Spec = { name: 'f', file: 'f', table, solve: {},
      inputs: [{ name: 'a', width: 1, bus: false }, { name: 'b', width: 1, bus: false }],
      outputs: [{ name: 'p', width: 2, bus: true }, { name: 'q', width: 1, bus: false }] };
    expect(formatTableText(spec)).toBe([
      '# f: 2 inputs, 3 outputs; 4 rows, 3 with a cared output',
      'a  b | p[1:0]  q',
      '1  0 | -1      0',
      '0  1 | 10 (2)  0',
      '1  1 | 11 (3)  0',
      '# 1 row with no cared output not shown',
      '',
    ].join('\n'));
  });

  it('handles 20 inputs quickly', () => {
    const t = new TruthTable(20, 2);
    t.values.fill(0x5555_5555);
    t.care.fill(0xffff_ffff);
    const spec: Spec = { name: 'big', file: 'big', table: t, solve: {},
      inputs: [{ name: 'a', width: 10, bus: true }, { name: 'b', width: 10, bus: true }],
      outputs: [{ name: 'y', width: 2, bus: true }] };
    const start = Date.now();
    let n = 0;
    for (const _ of formatTableLines(spec)) n++;
    expect(n).toBe(2 ** 20 + 2);
    expect(Date.now() - start).toBeLessThan(10_000);
  });
});
