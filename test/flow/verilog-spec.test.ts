// A Verilog module as the spec (flow/load-spec.ts → verify/design-spec.ts): its table is the module's
// exhaustive simulation, `btfc table` prints it, and `btfc compile` writes a proved circuit with the
// module's interface, no larger than the module as Yosys + ABC map it (the `design` floor).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpec } from '../../src/flow/load-spec.js';
import { closeYosys } from '../../src/verify/yosys.js';
import { proveAgainstModule, proveAgainstTable } from '../../src/verify/prove.js';
import { runCli } from '../cli/run.js';

const ALU = 'examples/alu4.v';
const dir = mkdtempSync(join(tmpdir(), 'btfc-vspec-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeYosys();
});

/** The ALU of alu4.v in JavaScript: [y, c, z] for inputs a, b, op. */
function alu(a: number, b: number, op: number): [number, number, number] {
  const r = op === 0 ? a + b : op === 1 ? (a - b) & 31 : op === 2 ? a & b : a ^ b;
  const y = r & 15;
  const c = op < 2 ? (r >> 4) & 1 : 0;
  return [y, c, y === 0 ? 1 : 0];
}

describe('a Verilog module as the spec', () => {
  it('has the module\'s ports and, on every row, the module\'s outputs', async () => {
    const spec = await loadSpec(ALU);
    expect(spec.name).toBe('alu4');
    expect(spec.inputs).toEqual([{ name: 'a', width: 4, bus: true }, { name: 'b', width: 4, bus: true }, { name: 'op', width: 2, bus: true }]);
    expect(spec.outputs).toEqual([{ name: 'y', width: 4, bus: true }, { name: 'c', width: 1, bus: false }, { name: 'z', width: 1, bus: false }]);
    expect(spec.table.isComplete()).toBe(true);
    expect(spec.verilog).toMatchObject({ kind: 'design', top: 'alu4', systemVerilog: false });
    for (let m = 0; m < 1024; m++) {
      const [y, c, z] = alu(m & 15, (m >> 4) & 15, m >> 8);
      const got = [0, 1, 2, 3].reduce((s, k) => s | (spec.table.value(k, m) << k), 0);
      expect([got, spec.table.value(4, m), spec.table.value(5, m)], `row ${m}`).toEqual([y, c, z]);
    }
  }, 60_000);

  it('makes an output a don\'t-care on the rows where it depends on an undefined value (x)', async () => {
    const file = join(dir, 'x.v');
    writeFileSync(file, "module d(input [1:0] s, input a, output reg [1:0] y, output z);\n  always @* case (s)\n"
      + "    2'd0: y = {a, a};\n    2'd1: y = {1'b0, ~a};\n    default: y = 2'bx;\n  endcase\n  assign z = a ^ 1'bx;\nendmodule\n");
    const spec = await loadSpec(file);
    for (let m = 0; m < 8; m++) {
      const [s, a] = [m & 3, m >> 2];
      const y = s === 0 ? 3 * a : s === 1 ? 1 - a : undefined;
      expect([spec.table.get(0, m), spec.table.get(1, m)], `row ${m}`).toEqual(y === undefined ? ['-', '-'] : [y & 1, y >> 1]);
      expect(spec.table.get(2, m)).toBe('-');
    }
  }, 60_000);

  it('btfc table prints the table', async () => {
    const r = await runCli(['table', ALU]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^# alu4: 10 inputs, 6 outputs; 1024 rows, 1024 with a cared output\n/);
    // 1 - 2 = 15 with a borrow (op 1).
    expect(r.out).toMatch(/\n0001 \(1\)\s+0010 \(2\)\s+01 \(1\)\s+\|\s+1111 \(15\)\s+1\s+0\n/);
  }, 60_000);

  it('btfc compile writes a proved circuit with the module\'s interface, no larger than the module mapped by Yosys + ABC', async () => {
    const v = join(dir, 'alu4_out.v');
    const json = join(dir, 'alu4.json');
    const r = await runCli(['compile', ALU, '-o', v, '--json', json, '--iterations', '50', '--restarts', '1', '--workers', '1', '--effort', '20']);
    expect(r.code, r.err).toBe(0);
    const rep = JSON.parse(readFileSync(json, 'utf8'));
    expect(rep.verified).toMatchObject({ simulation: 'pass', yosys: 'pass' });
    const design = rep.floor.tries.find((t: { strategy: string }) => t.strategy === 'design');
    expect(design).toMatchObject({ status: 'pass' });
    expect(rep.aigNodes).toBeLessThanOrEqual(design.abcAigNodes);
    const out = readFileSync(v, 'utf8');
    expect(out).toMatch(/module alu4\s*\(/);
    for (const port of [/input\s+\[3:0\] a,/, /input\s+\[3:0\] b,/, /input\s+\[1:0\] op,/, /output \[3:0\] y,/, /output c,/, /output z\n/]) expect(out).toMatch(port);
    // The written circuit proves equal to the module itself (a Verilog file is a spec for verify too).
    const ver = await runCli(['verify', v, ALU]);
    expect(ver.code, ver.err).toBe(0);
    expect(ver.out).toMatch(/^PASS: module alu4/);
    // The proof of a Verilog spec's circuit is a miter against the module (certify.ts); a broken circuit
    // does not pass it, and the table proof then gives the counterexample.
    const spec = await loadSpec(ALU);
    const dut = (verilog: string) => ({ verilog, top: 'alu4', inputs: spec.inputs, outputs: spec.outputs });
    expect((await proveAgainstModule(dut(out), spec.verilog!)).status).toBe('pass');
    const broken = out.replace(/assign z = ([^;]*);/, 'assign z = ~($1);');
    expect(broken).not.toBe(out);
    expect((await proveAgainstModule(dut(broken), spec.verilog!)).status).toBe('error');
    expect((await proveAgainstTable(dut(broken), spec.table)).status).toBe('fail');
  }, 180_000);
});
