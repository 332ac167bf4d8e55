// A Verilog module given as the spec (`btfc table|compile|discover design.v`, verify/design-spec.ts) that is
// no combinational function of at most 24 input bits: a register, a latch, a loop, two drivers, too many
// inputs, an inout, no outputs, an ambiguous top. Each is refused with exit 2 naming the problem (and the
// signal where Yosys names it) before any table is built; controls show a sound module still works.
// Every case runs Yosys: about a second each.
import type { HostileCase } from '../corpus.js';

/** `btfc table d.v` (the front end only) on `verilog`. */
function t(name: string, verilog: string, code: number, err?: RegExp, out?: RegExp, extra: string[] = []): HostileCase {
  return { name: `Verilog spec: ${name}`, args: ['table', '{dir}/d.v', ...extra], files: { 'd.v': verilog }, expect: { code, ...(err ? { err } : {}), ...(out ? { out } : {}) }, timeoutMs: 60_000 };
}

const NOT_COMB = /module 'm' is not a combinational circuit, so it cannot be a spec/;
const AND2 = 'module m(input [1:0] a, output y);\n  assign y = &a;\nendmodule\n';

export const cases: HostileCase[] = [
  t('a register', 'module m(input clk, input [1:0] a, output reg [1:0] q);\n  always @(posedge clk) q <= a;\nendmodule\n', 2,
    new RegExp(`${NOT_COMB.source}[\\s\\S]*a flip-flop on 'q' \\(.*d\\.v:2\\)`)),
  t('a latch', "module m(input e, input [1:0] a, output reg [1:0] y);\n  always @* if (e) y = a;\nendmodule\n", 2,
    new RegExp(`${NOT_COMB.source}[\\s\\S]*a latch on 'y'`)),
  t('a combinational loop', 'module m(input a, output y);\n  wire w;\n  assign w = ~w ^ a;\n  assign y = w;\nendmodule\n', 2,
    new RegExp(`${NOT_COMB.source}[\\s\\S]*a combinational loop.*d\\.v:3`)),
  t('two drivers of an output', 'module m(input [1:0] a, output y);\n  assign y = &a;\n  assign y = |a;\nendmodule\n', 2,
    new RegExp(`${NOT_COMB.source}[\\s\\S]*'y' has more than one driver`)),
  t('an undriven output bit', "module m(input [1:0] a, output [1:0] y);\n  assign y[0] = &a;\nendmodule\n", 2, /'y\[1\]' is used but has no driver/),
  t('25 input bits', 'module m(input [12:0] a, input [11:0] b, output y);\n  assign y = a == b;\nendmodule\n', 2,
    /module 'm' has 25 input bits, more than btfc's limit of 24/),
  t('an inout port', 'module m(input a, inout b, output y);\n  assign y = a & b;\nendmodule\n', 2, /module 'm' has an inout port 'b'/),
  t('no outputs', 'module m(input a);\nendmodule\n', 2, /module 'm' has no outputs/),
  t('two top modules without --top', `${AND2}${AND2.replace('module m', 'module n')}`, 2, /cannot tell which module to use: m, n are all top modules[\s\S]*--top/),
  t('--top names no module', AND2, 2, /the design has no module 'x'/, undefined, ['--top', 'x']),
  t('--circuit on a Verilog file', AND2, 2, /--circuit applies to \.spec files; pick a module of .*d\.v with --top/, undefined, ['--circuit', 'm']),
  t('a syntax error', 'module m(input a, output y);\n  assign y = a\nendmodule\n', 2, /Yosys cannot read the design: .*d\.v:3/),
  t('an empty file', '\n', 2, /d\.v is empty/),
  { name: 'Verilog spec: --top on a spec file', args: ['table', '{root}/examples/mul2.spec', '--top', 'mul2'], expect: { code: 2, err: /--top applies to Verilog files/ } },
  t('control: a module prints its table', AND2, 0, undefined, /^# m: 2 inputs, 1 output[\s\S]*11\s+\(3\)\s+\|\s+1/),
  t('control: --top picks one of two modules', `${AND2}${AND2.replace('module m', 'module n').replace('&a', '|a')}`, 0, undefined, /^# n: 2 inputs/, ['--top', 'n']),
  t('control: a submodule is flattened', `module s(input [1:0] a, output y);\n  assign y = ^a;\nendmodule\nmodule m(input [1:0] a, output y);\n  s u(.a(a), .y(y));\nendmodule\n`, 0, undefined, /^# m: 2 inputs/),
  { name: 'Verilog spec: control: compile m.v in its own folder writes m_btfc.v, not over m.v', args: ['compile', 'm.v', '--iterations', '50', '--restarts', '1', '--workers', '1', '--no-prove'], files: { 'm.v': AND2 }, spawn: true, expect: { code: 0, out: /wrote m_btfc\.v/, written: ['m_btfc.v'] }, timeoutMs: 90_000 },
  { name: 'Verilog spec: control: a SystemVerilog file (.sv)', args: ['table', '{dir}/d.sv'], files: { 'd.sv': 'module m(input logic [1:0] a, output logic y);\n  always_comb y = a[0] ^ a[1];\nendmodule\n' }, expect: { code: 0, out: /^# m: 2 inputs/ }, timeoutMs: 60_000 },
];
