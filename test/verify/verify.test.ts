// Yosys equivalence proofs (a worker thread, reused by every test here) and `btfc verify`: PASS on our
// circuits and on Yosys's own synthesis, FAIL with a counterexample that matches the table, exit 2 on bad
// Verilog or mismatched ports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solvedRef } from '../gates/helpers.js';
import { extract } from '../../src/gates/extract.js';
import { writeVerilog } from '../../src/emit/verilog.js';
import { proveAgainstTable } from '../../src/verify/prove.js';
import { goldVerilog } from '../../src/verify/gold.js';
import { aigStats } from '../../src/verify/stats.js';
import { baseline } from '../../src/verify/baseline.js';
import { closeYosys, runYosysInWorker } from '../../src/verify/yosys.js';
import { TruthTable } from '../../src/ir/truth-table.js';
import { main } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'btfc-verify-'));
const MUL2 = 'examples/mul2.spec';
const PARTIAL = 'examples/partial.spec';

async function btfc(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => { out += `${t}\n`; }, err: (t) => { err += `${t}\n`; }, errIsTTY: false });
  return { code, out, err };
}

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const mulPorts = (n: number) => ({
  inputs: [{ name: 'a', width: n, bus: true }, { name: 'b', width: n, bus: true }],
  outputs: [{ name: 'p', width: 2 * n, bus: true }],
});

function mulTable(n: number): TruthTable {
  const t = new TruthTable(2 * n, 2 * n);
  for (let m = 0; m < t.numRows; m++) {
    const p = (m & ((1 << n) - 1)) * (m >> n);
    for (let k = 0; k < 2 * n; k++) t.set(k, m, ((p >> k) & 1) as 0 | 1);
  }
  return t;
}

beforeAll(async () => {
  // Warm the worker once (WebAssembly start-up).
  await runYosysInWorker(['-q', '-p', 'help'], {});
});
afterAll(closeYosys);

describe('proveAgainstTable', () => {
  for (const name of ['2x2', '3x3'] as const) {
    it(`proves the unsimplified extraction of ${name}.solved.net equal to its table`, async () => {
      const r = solvedRef(name);
      const { netlist } = extract(r.net, r.weights, r.table, { name: r.name, inputs: r.inputs, outputs: r.outputs });
      const res = await proveAgainstTable({ verilog: writeVerilog(netlist), top: r.name, inputs: r.inputs, outputs: r.outputs }, r.table);
      expect(res.status).toBe('pass');
    });
  }

  it('finds the one wrong row of a deliberately broken multiplier and reports its values', async () => {
    const v = 'module m(input [1:0] a, input [1:0] b, output [3:0] p); assign p = (a == 3 && b == 2) ? 4\'d0 : a * b; endmodule\n';
    const t = mulTable(2);
    const res = await proveAgainstTable({ verilog: v, top: 'm', ...mulPorts(2) }, t);
    expect(res.status).toBe('fail');
    if (res.status !== 'fail') return;
    expect(res.cex.row).toBe(3 | (2 << 2));
    expect(res.cex.outputs.map((o) => o.expected)).toEqual([0, 1, 1, 0]); // 6
    expect(res.cex.outputs.map((o) => o.actual)).toEqual([0, 0, 0, 0]);
  });

  it('ignores don\'t-care rows and outputs', async () => {
    const t = new TruthTable(2, 1);
    t.set(0, 0, 0); t.set(0, 3, 1); // rows 1, 2 free: AND, OR, a, b all fit; XNOR and NAND do not
    const ports = { inputs: [{ name: 'a', width: 1, bus: false }, { name: 'b', width: 1, bus: false }], outputs: [{ name: 'y', width: 1, bus: false }] };
    for (const [expr, want] of [['a & b', 'pass'], ['a | b', 'pass'], ['a', 'pass'], ['b', 'pass'], ['~(a ^ b)', 'fail'], ['~(a & b)', 'fail']]) {
      const v = `module f(input a, input b, output y); assign y = ${expr}; endmodule\n`;
      const res = await proveAgainstTable({ verilog: v, top: 'f', ...ports }, t);
      expect(res.status, expr).toBe(want);
    }
  });

  it('proves a 10-input function (5x5 multiplier, full table) on a warm worker within seconds', async () => {
    const t = mulTable(5);
    const v = 'module m(input [4:0] a, input [4:0] b, output [9:0] p); assign p = a * b; endmodule\n';
    const t0 = performance.now();
    const res = await proveAgainstTable({ verilog: v, top: 'm', ...mulPorts(5) }, t);
    const ms = performance.now() - t0;
    console.log(`warm Yosys proof, 10 inputs / 10 outputs (5x5 multiplier): ${ms.toFixed(0)} ms; gold module ${goldVerilog(t).length} bytes`);
    expect(res.status).toBe('pass');
    expect(ms).toBeLessThan(20_000);
  });
});

describe('Yosys statistics', () => {
  it('counts AIG AND nodes and depth, and synthesises the baseline from the flat table', async () => {
    const v = 'module m(input [1:0] a, input [1:0] b, output [3:0] p); assign p = a * b; endmodule\n';
    const s = await aigStats(v, 'm');
    expect(s.andNodes).toBeGreaterThan(5);
    expect(s.depth).toBeGreaterThan(1);
    const b = await baseline(mulTable(2));
    expect(b.abcAig.andNodes).toBeGreaterThanOrEqual(7);
    expect(b.abcAndOr.and + b.abcAndOr.or).toBeGreaterThanOrEqual(7);
  });
});

describe('btfc verify', () => {
  it('passes on Yosys\'s own synthesis of the spec (synth; abc -g AND,OR; write_verilog)', async () => {
    const src = 'module mul2(input [1:0] a, input [1:0] b, output [3:0] p); assign p = a * b; endmodule\n';
    const r = await runYosysInWorker(['-q', '-p', 'read_verilog in.v; synth -flatten -top mul2; abc -g AND,OR; opt_clean; write_verilog -noattr out.v'], { 'in.v': src });
    expect(r.ok).toBe(true);
    const design = file('yosys_mul2.v', r.files['out.v']!);
    const res = await btfc('verify', design, MUL2);
    expect(res.err).toBe('');
    expect(res.out).toMatch(/^PASS: module mul2 of .* equals mul2/);
    expect(res.code).toBe(0);
  });

  it('fails with the counterexample input and the expected and actual outputs', async () => {
    const design = file('bad_mul2.v', 'module mul2(input [1:0] a, input [1:0] b, output [3:0] p);\n  assign p = (a == 2 && b == 3) ? 4\'d5 : a * b;\nendmodule\n');
    const res = await btfc('verify', design, MUL2);
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/^FAIL: module mul2/);
    expect(res.out).toContain("inputs:   a = 2 (2'b10), b = 3 (2'b11)");
    expect(res.out).toContain("p: expected 4'b0110 (6), got 4'b0101 (5)");
  });

  it('passes a design that differs from a partial spec only on its don\'t-care rows, fails one that does not', async () => {
    const ok = file('enc_ok.v', 'module onehot4(input [3:0] r, output [1:0] idx); assign idx = {r[3] | r[2], r[3] | r[1]}; endmodule\n');
    expect((await btfc('verify', ok, PARTIAL)).code).toBe(0);
    const bad = file('enc_bad.v', 'module onehot4(input [3:0] r, output [1:0] idx); assign idx = {r[3] | r[2], r[3]}; endmodule\n');
    const res = await btfc('verify', bad, PARTIAL);
    expect(res.code).toBe(1);
    expect(res.out).toContain("r = 2 (4'b0010)");
    expect(res.out).toContain("idx: expected 2'b01 (1), got 2'b00 (0)");
  });

  it('names mismatched ports and exits 2', async () => {
    const design = file('ports.v', 'module mul2(input [1:0] a, input [2:0] b, output [3:0] q); assign q = a * b; endmodule\n');
    const res = await btfc('verify', design, MUL2);
    expect(res.code).toBe(2);
    expect(res.err).toContain("input 'b' is 3 bits wide in the design but 2 in the spec");
    expect(res.err).toContain("output 'p' (4 bits) is missing");
    expect(res.err).toContain("the design has output 'q'");
  });

  it('reports Verilog that does not parse, and a missing --top module, with exit 2', async () => {
    const broken = file('broken.v', 'module mul2(input [1:0] a, input [1:0] b, output [3:0] p);\n  assign p = a * ;\nendmodule\n');
    const res = await btfc('verify', broken, MUL2);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/broken\.v.*Yosys cannot read the design/);
    expect(res.err).toMatch(/syntax error/);
    const good = file('good.v', 'module mul2(input [1:0] a, input [1:0] b, output [3:0] p); assign p = a * b; endmodule\n');
    const top = await btfc('verify', good, MUL2, '--top', 'nope');
    expect(top.code).toBe(2);
    expect(top.err).toContain("the design has no module 'nope'");
  });

  it('refuses an output with two drivers instead of proving it (issue 12, defect 2), in either order', async () => {
    for (const [first, second] of [['a * b', '~(a * b)'], ['~(a * b)', 'a * b'], ['a * b', 'a + b'], ['a + b', 'a * b']]) {
      const design = file('two.v', `module mul2(input [1:0] a, input [1:0] b, output [3:0] p);\n  assign p = ${first};\n  assign p = ${second};\nendmodule\n`);
      const res = await btfc('verify', design, MUL2);
      expect(res.code, `${first} / ${second}`).toBe(2);
      expect(res.out).not.toContain('PASS');
      expect(res.err).toMatch(/two\.v: error: module 'mul2' is not a combinational circuit/);
      expect(res.err).toContain("'p' (bits 0, 1, 2, 3) has more than one driver");
    }
  });

  it('refuses a design with state: a latch, a flip-flop, an initial block', async () => {
    const reg = 'module mul2(input [1:0] a, input [1:0] b, output reg [3:0] p);';
    const cases = [
      [`${reg}\n  always @* if (a[0]) p = a * b;\nendmodule\n`, "a latch on 'p'"],
      [`${reg}\n  always @(posedge a[0]) p <= a * b;\nendmodule\n`, "a flip-flop on 'p'"],
      [`${reg}\n  initial p = 0;\n  always @* p = a * b;\nendmodule\n`, 'an `initial` block'],
    ] as const;
    for (const [text, msg] of cases) {
      const res = await btfc('verify', file('state.v', text), MUL2);
      expect(res.code).toBe(2);
      expect(res.err).toContain(msg);
    }
  });
});
