// Wide tables reach Yosys as sums of products (verify/gold.ts sopVerilog): the module Yosys reads is proved
// equal to the table on its care set, don't-cares and all, and only tables over 16 inputs take this path
// for synthesis; the proof's gold module is sums of products too from 10 inputs when the covers are small.
import { afterAll, describe, expect, it } from 'vitest';
import { TruthTable } from '../../src/ir/truth-table.js';
import { FLAT_TABLE_MAX_INPUTS, goldVerilog, sopVerilog, tableSourceVerilog, TT } from '../../src/verify/gold.js';
import { proveAgainstTable } from '../../src/verify/prove.js';
import { closeYosys } from '../../src/verify/yosys.js';

afterAll(closeYosys);

/** A seeded 7-input, 3-output table with a quarter don't-cares, a constant-0 and a constant-1 output. */
function table(): TruthTable {
  const t = new TruthTable(7, 4);
  let x = 99;
  const rnd = () => { x = (x * 1103515245 + 12345) >>> 0; return (x >>> 16) & 3; };
  for (let m = 0; m < t.numRows; m++) {
    t.set(0, m, rnd() === 0 ? '-' : (rnd() & 1) as 0 | 1);
    t.set(1, m, ((m * 37) >> 3) & 1 ? 1 : rnd() === 0 ? '-' : 0);
    t.set(2, m, 0);
    t.set(3, m, m % 5 === 0 ? '-' : 1);
  }
  return t;
}

describe('sum-of-products source for Yosys', () => {
  it('is proved equal to the table on its care set', async () => {
    const t = table();
    const verilog = sopVerilog(t);
    expect(verilog).toContain("assign y[2] = 1'b0;");
    expect(verilog).toContain("assign y[3] = 1'b1;");
    const r = await proveAgainstTable({
      verilog, top: TT, inputs: [{ name: 'x', width: 7, bus: true }], outputs: [{ name: 'y', width: 4, bus: true }],
    }, t);
    expect(r.status).toBe('pass');
  }, 60_000);

  it('proves a design against a 17-input table (the gold is a sum of products too), and refutes a wrong one', async () => {
    const t = new TruthTable(17, 2);
    for (let m = 0; m < t.numRows; m++) {
      t.set(0, m, (m >>> 5) & 1 ? ((m & 1) & (m >>> 16)) as 0 | 1 : '-');
      t.set(1, m, (((m >>> 3) ^ (m >>> 9)) & 1) as 0 | 1);
    }
    expect(goldVerilog(t)).not.toContain('case');
    const design = (op: string) => ({
      verilog: `module d (input [16:0] x, output [1:0] y);\n  assign y[0] = x[0] & x[16];\n  assign y[1] = x[3] ${op} x[9];\nendmodule\n`,
      top: 'd', inputs: [{ name: 'x', width: 17, bus: true }], outputs: [{ name: 'y', width: 2, bus: true }],
    });
    expect((await proveAgainstTable(design('^'), t)).status).toBe('pass');
    expect((await proveAgainstTable(design('|'), t)).status).toBe('fail');
  }, 120_000);

  it('is used only past 16 inputs; narrower tables stay a flat case', () => {
    expect(FLAT_TABLE_MAX_INPUTS).toBe(16);
    expect(tableSourceVerilog(table())).toContain('case (x)');
  });

  it('is the gold of a 12-input adder (small covers; not of parity), which proves a right adder and refutes a wrong one at its row', async () => {
    const t = new TruthTable(12, 7);
    for (let m = 0; m < t.numRows; m++) {
      const sum = (m & 63) + (m >>> 6);
      for (let k = 0; k < 7; k++) t.set(k, m, ((sum >>> k) & 1) as 0 | 1);
    }
    expect(goldVerilog(t)).not.toContain('case');
    // Parity's cover has a cube per odd row (2,048 of 4,096): the case stays.
    const parity = new TruthTable(12, 1);
    for (let m = 0; m < parity.numRows; m++) { let p = 0; for (let j = 0; j < 12; j++) p ^= (m >>> j) & 1; parity.set(0, m, p as 0 | 1); }
    expect(goldVerilog(parity)).toContain('case');
    const design = (rhs: string) => ({
      verilog: `module d (input [11:0] x, output [6:0] y);\n  assign y = ${rhs};\nendmodule\n`,
      top: 'd', inputs: [{ name: 'x', width: 12, bus: true }], outputs: [{ name: 'y', width: 7, bus: true }],
    });
    expect((await proveAgainstTable(design('x[5:0] + x[11:6]'), t)).status).toBe('pass');
    const wrong = await proveAgainstTable(design("x == 12'd1234 ? 7'd0 : x[5:0] + x[11:6]"), t);
    expect(wrong).toMatchObject({ status: 'fail', cex: { row: 1234 } });
  }, 120_000);
});
