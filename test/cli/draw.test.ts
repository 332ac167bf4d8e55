// `btfc draw` and `--svg`: a schematic with one symbol per gate of the circuit written, from compile's
// output and from every netlist btfc reads (its own Verilog, Yosys's write_verilog, BLIF) or a spec;
// bad files and output paths exit 2 and write nothing.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runCli } from './run.js';
import { closeYosys, runYosysInWorker } from '../../src/verify/yosys.js';
import { loadDrawing } from '../../src/flow/draw.js';
import { loadSpec } from '../../src/flow/load-spec.js';
import { checkAgainstTable } from '../../src/gates/simulate.js';
import { fixture } from '../fixtures.js';

afterAll(closeYosys);

const root = fileURLToPath(new URL('../..', import.meta.url));
const mul2Spec = join(root, 'examples', 'mul2.spec');
const gateCount = (svg: string) => (svg.match(/ data-gate="/g) ?? []).length;

describe('btfc compile --svg and btfc draw', () => {
  const dir = mkdtempSync(join(tmpdir(), 'btfc-draw-'));
  const v = join(dir, 'mul2.v');

  it('compile --svg draws one symbol per gate of the JSON netlist; draw of its Verilog gives the same picture', async () => {
    const svg = join(dir, 'mul2.svg');
    const r = await runCli(['compile', mul2Spec, '-o', v, '--svg', svg, '--netlist-json', join(dir, 'mul2.json'), '--blif', join(dir, 'mul2.blif'), '--no-prove', '--no-floor', '--workers', '2']);
    expect(r.code, r.err + r.out).toBe(0);
    expect(r.out).toContain(svg);
    const json = JSON.parse(readFileSync(join(dir, 'mul2.json'), 'utf8')) as { gates: unknown[] };
    const text = readFileSync(svg, 'utf8');
    expect(gateCount(text)).toBe(json.gates.length);
    for (const p of ['a', 'b', 'p']) expect(text).toContain(`data-port="${p}"`);
    const d = await runCli(['draw', v, '-o', join(dir, 'again.svg')]);
    expect(d.code, d.err + d.out).toBe(0);
    expect(d.out).toContain('btfc Verilog');
    expect(readFileSync(join(dir, 'again.svg'), 'utf8')).toBe(text);
    // BLIF: the same gates (numbered in another order).
    const b = await runCli(['draw', join(dir, 'mul2.blif'), '-o', join(dir, 'blif.svg')]);
    expect(b.code, b.err + b.out).toBe(0);
    expect(gateCount(readFileSync(join(dir, 'blif.svg'), 'utf8'))).toBe(json.gates.length);
  });

  it('draws Yosys\'s write_verilog output (read through Yosys) as a circuit equal to the spec', async () => {
    const y = await runYosysInWorker(['-q', '-p', 'read_verilog in.v; synth -flatten -top mul2; abc -g AND,OR; opt_clean; write_verilog -noattr out.v'],
      { 'in.v': readFileSync(v, 'utf8') });
    expect(y.ok, y.stdout).toBe(true);
    const yv = join(dir, 'mul2_yosys.v');
    writeFileSync(yv, y.files['out.v']!);
    const drawn = await loadDrawing(yv);
    expect(drawn.source).toBe('Verilog (through Yosys)');
    const spec = await loadSpec(mul2Spec);
    expect(checkAgainstTable(drawn.netlist, spec.table).ok).toBe(true);
    expect(drawn.netlist.inputPorts.map((p) => `${p.name}:${p.width}`)).toEqual(['a:2', 'b:2']);
    const r = await runCli(['draw', yv, '-o', join(dir, 'yosys.svg')]);
    expect(r.code, r.err + r.out).toBe(0);
    expect(gateCount(readFileSync(join(dir, 'yosys.svg'), 'utf8'))).toBe(drawn.netlist.nodes.length - 1 - drawn.netlist.numInputs);
  });

  it('draws a spec (compiled first) and a table file, to standard output with -', async () => {
    const r = await runCli(['draw', fixture('small_arith/full_adder.pla'), '-o', '-', '--timeout', '20']);
    expect(r.code, r.err).toBe(0);
    expect(r.out.startsWith('<svg ')).toBe(true);
    expect(gateCount(r.out)).toBeGreaterThan(0);
    expect(r.err).toMatch(/\(spec, (rrr|floor): /);
  });

  it('draws one module of a multi-module design with --top', async () => {
    const f = join(dir, 'two.v');
    writeFileSync(f, 'module inner(input a, input b, output y); assign y = a ^ b; endmodule\n'
      + 'module outer(input [1:0] x, output z); inner u(.a(x[0]), .b(x[1]), .y(z)); endmodule\n');
    const drawn = await loadDrawing(f, { top: 'outer' });
    expect(drawn.netlist.name).toBe('outer');
    expect(drawn.netlist.nodes.length - 1 - drawn.netlist.numInputs).toBe(3);
  });

  it('refuses bad files and output paths with exit 2, naming the file and line, writing nothing', async () => {
    const out = join(dir, 'bad.svg');
    const blif = join(dir, 'bad.blif');
    writeFileSync(blif, '.model x\n.inputs a\n.outputs y\n.names a y\n1x 1\n');
    const b = await runCli(['draw', blif, '-o', out]);
    expect(b.code).toBe(2);
    expect(b.err).toContain(`${blif}:5:1`);
    const bv = join(dir, 'bad.v');
    writeFileSync(bv, 'module m(input a, output y);\n  assign y = a &;\nendmodule\n');
    const e = await runCli(['draw', bv, '-o', out]);
    expect(e.code).toBe(2);
    expect(e.err).toContain(bv);
    const seq = join(dir, 'seq.v');
    writeFileSync(seq, 'module m(input c, input d, output reg q); always @(posedge c) q <= d; endmodule\n');
    const s = await runCli(['draw', seq, '-o', out]);
    expect(s.code).toBe(2);
    expect(s.err).toMatch(/not a combinational gate circuit/);
    const missing = await runCli(['draw', join(dir, 'nope.blif'), '-o', out]);
    expect(missing.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    const p = await runCli(['draw', v, '-o', join(dir, 'no', 'such', 'x.svg')]);
    expect(p.code).toBe(2);
    expect(p.err).toContain('cannot write');
    const top = await runCli(['draw', blif, '--top', 'x', '-o', out]);
    expect(top.code).toBe(2);
  });

  it('compile --svg with a bad path stops before the solve (exit 2), writing nothing', async () => {
    const out = join(dir, 'never.v');
    const r = await runCli(['compile', mul2Spec, '-o', out, '--svg', join(dir, 'no', 'x.svg'), '--no-prove']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot write');
    expect(r.err).not.toMatch(/restart \d/);
    expect(existsSync(out)).toBe(false);
    const d = await runCli(['discover', mul2Spec, '-o', out, '--svg', dir, '--timeout', '5']);
    expect(d.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
