// `btfc verify DESIGN.v SPEC` on Verilog a careless or hostile user writes, and names the emitted Verilog
// could not hold. A design that is not a combinational circuit (two drivers of a signal, a latch, a
// flip-flop, an `initial` block, a loop, an undriven signal) is refused with exit 2 and never proved; a
// sound design still passes (controls). Every case runs Yosys: ~1 s each.
import type { HostileCase } from '../corpus.js';

const mul2 = '{root}/examples/mul2.spec';
const PORTS = 'input [1:0] a, input [1:0] b, output [3:0] p';
const REG_PORTS = 'input [1:0] a, input [1:0] b, output reg [3:0] p';
/** The module `mul2` with `body`. */
const mod = (body: string, ports = PORTS, name = 'mul2') => `module ${name}(${ports});\n${body}\nendmodule\n`;
const SUB = mod('  assign p = a * b;', PORTS, 'm1');

/** verify d.v against mul2.spec. */
function v(name: string, verilog: string, code: number, err?: RegExp, out?: RegExp, extra: string[] = []): HostileCase {
  return { name, args: ['verify', '{dir}/d.v', mul2, ...extra], files: { 'd.v': verilog }, expect: { code, ...(err ? { err } : {}), ...(out ? { out } : {}) }, timeoutMs: 60_000 };
}

const TWO = /not a combinational circuit[\s\S]*'p' \(bits 0, 1, 2, 3\) has more than one driver/;
const MORE = /not a combinational circuit[\s\S]*has more than one driver/;
const LATCH = /not a combinational circuit[\s\S]*a latch on 'p'/;
const FLOP = /not a combinational circuit[\s\S]*a flip-flop on 'p'/;
const INITIAL = /not a combinational circuit[\s\S]*an `initial` block \(.*d\.v:\d+\)/;
const LOOP = /not a combinational circuit[\s\S]*a combinational loop/;
const PASS = /^PASS: module mul2/;

const multipleDrivers: HostileCase[] = [
  v('two drivers of an output: a * b, then ~(a * b)', mod('  assign p = a * b;\n  assign p = ~(a * b);'), 2, TWO),
  v('two drivers of an output: ~(a * b), then a * b', mod('  assign p = ~(a * b);\n  assign p = a * b;'), 2, TWO),
  v('two drivers of an output: a * b, then a + b', mod('  assign p = a * b;\n  assign p = a + b;'), 2, TWO),
  v('two drivers of an output: a + b, then a * b', mod('  assign p = a + b;\n  assign p = a * b;'), 2, TWO),
  v('the same driver twice', mod('  assign p = a * b;\n  assign p = a * b;'), 2, TWO),
  v('a constant second driver of an output', mod("  assign p = a * b;\n  assign p = 4'b0000;"), 2, TWO),
  v('a constant first driver of an output', mod("  assign p = 4'd0;\n  assign p = a * b;"), 2, TWO),
  v('two constant drivers of an output', mod("  assign p = 4'd0;\n  assign p = 4'd15;"), 2, TWO),
  v('a second driver of one bit of the output bus', mod("  assign p = a * b;\n  assign p[3] = 1'b0;"), 2, /'p\[3\]' has more than one driver/),
  v('a second driver of one bit, from an input', mod('  assign p = a * b;\n  assign p[2] = a[0];'), 2, MORE),
  v('overlapping slices of the output', mod('  assign p[1:0] = a;\n  assign p[3:1] = b;'), 2, /'p\[1\]' has more than one driver/),
  v('two always @* blocks on one reg output', mod('  always @* p = a * b;\n  always @* p = a + b;', REG_PORTS), 2, MORE),
  v('two drivers of an internal wire', mod('  wire [3:0] t;\n  assign t = a * b;\n  assign t = a + b;\n  assign p = t;'), 2, MORE),
  v('a conflicting constant on an internal wire', mod("  wire [3:0] t;\n  assign t = a * b;\n  assign t = 4'd9;\n  assign p = t;"), 2, MORE),
  v('two submodule instances drive the output', `${SUB}${mod('  m1 u1(.a(a), .b(b), .p(p));\n  m1 u2(.a(a), .b(b), .p(p));')}`, 2, TWO),
  v('a submodule instance and an assign drive the output', `${SUB}${mod('  m1 u1(.a(a), .b(b), .p(p));\n  assign p = a + b;')}`, 2, TWO),
  v('an assign to an input', mod('  assign a = b;\n  assign p = a * b;'), 2, /'a' \(bits 0, 1\) has more than one driver/),
];

const state: HostileCase[] = [
  v('a latch from an incomplete always @* (if without else)', mod('  always @* if (a[0]) p = a * b;', REG_PORTS), 2, LATCH),
  v('a latch from a case without default', mod("  always @* case (a)\n    2'd0: p = 0;\n    2'd1: p = b;\n  endcase", REG_PORTS), 2, LATCH),
  v('a latch on one bit only', mod("  always @* begin\n    p[2:0] = a * b;\n    if (b[1]) p[3] = a[1];\n  end", REG_PORTS), 2, /a latch on 'p\[3\]'/),
  v('a latch in a submodule', `${mod('  always @* if (a[0]) p = a * b;', REG_PORTS, 'm1')}${mod('  m1 u(.a(a), .b(b), .p(p));')}`, 2, /a latch on 'p'.*in module 'm1'/),
  v('a flip-flop on the output', mod('  always @(posedge a[0]) p <= a * b;', REG_PORTS), 2, FLOP),
  v('a flip-flop with an asynchronous reset', mod('  always @(posedge a[0] or negedge a[1]) if (!a[1]) p <= 0; else p <= a * b;', REG_PORTS), 2, FLOP),
  v('a flip-flop on an internal reg', mod('  reg [3:0] r;\n  always @(negedge b[0]) r <= a * b;\n  assign p = r;'), 2, /a flip-flop on '[rp]'/),
  v('a flip-flop in a submodule', `${mod('  always @(posedge a[0]) p <= a * b;', REG_PORTS, 'm1')}${mod('  m1 u(.a(a), .b(b), .p(p));')}`, 2, /a flip-flop on 'p'.*in module 'm1'/),
  v('an initial block on an always @* reg', mod('  initial p = 0;\n  always @* p = a * b;', REG_PORTS), 2, INITIAL),
  v('an initial block as the only driver', mod("  reg [3:0] r;\n  initial r = 4'd5;\n  assign p = r;"), 2, INITIAL),
  v('an initial block that only prints', mod('  initial $display("hello");\n  assign p = a * b;'), 2, INITIAL),
  v('a ROM filled by an initial loop', mod('  reg [3:0] rom [0:15];\n  integer i;\n  initial for (i = 0; i < 16; i = i + 1) rom[i] = (i & 3) * (i >> 2);\n  assign p = rom[{b, a}];'), 2, INITIAL),
  v('an initial block in a submodule', `${mod('  initial $display("x");\n  assign p = a * b;', PORTS, 'm1')}${mod('  m1 u(.a(a), .b(b), .p(p));')}`, 2, /an `initial` block.*in module 'm1'/),
  v('a combinational loop through one wire', mod("  wire w;\n  assign w = ~w ^ a[0];\n  assign p = (a * b) ^ {3'b0, w & ~w};"), 2, LOOP),
  v('a combinational loop through two wires', mod("  wire x, y;\n  assign x = y & a[0];\n  assign y = x | b[0];\n  assign p = (a * b) | {3'b0, x & 1'b0};"), 2, LOOP),
  v('an output bit without a driver', mod('  assign p[2:0] = a * b;'), 2, /'p\[3\]' is used but has no driver/),
  v('an internal wire used but never driven', mod("  wire x;\n  assign p = (a * b) ^ {3'b0, x};"), 2, /'x' is used but has no driver/),
];

const malformed: HostileCase[] = [
  v('an instance of a module that does not exist', mod('  foo u(.a(a), .b(b), .p(p));'), 2, /Yosys cannot read the design: Module `\\foo' referenced in module `\\mul2'/),
  v('the output is named q', mod('  assign q = a * b;', 'input [1:0] a, input [1:0] b, output [3:0] q'), 2, /output 'p' \(4 bits\) is missing/),
  v('the output is 3 bits wide', mod('  assign p = a * b;', 'input [1:0] a, input [1:0] b, output [2:0] p'), 2, /output 'p' is 3 bits wide in the design but 4 in the spec/),
  v('an input declared as an output', mod('  assign p = 0; assign a = 0;', 'output [1:0] a, input [1:0] b, output [3:0] p'), 2, /'a' is an output in the design but an input in the spec/),
  v('an extra input', mod('  assign p = a * b;', `${PORTS}, input c`), 2, /the design has input 'c'/),
  v('a syntax error (missing semicolon)', 'module mul2(input [1:0] a, input [1:0] b, output [3:0] p);\n  assign p = a * b\nendmodule\n', 2, /Yosys cannot read the design: .*d\.v:3/),
  v('no endmodule', 'module mul2(input [1:0] a, input [1:0] b, output [3:0] p);\n  assign p = a * b;\n', 2, /Yosys cannot read the design/),
  v('an empty file', '', 2, /holds no module/),
  v('only comments', '// nothing here\n/* at all */\n', 2, /holds no module/),
  v('a C file', '#include <stdio.h>\nint main(void) { return 0; }\n', 2, /Yosys cannot read the design/),
  v('two top modules, neither named like the circuit', `${mod('  assign p = a * b;', PORTS, 'x1')}${mod('  assign p = a * b;', PORTS, 'x2')}`, 2, /cannot tell which module to verify: x1, x2 are all top modules/),
  v('--top names no module', mod('  assign p = a * b;'), 2, /the design has no module 'nope'/, undefined, ['--top', 'nope']),
  { name: 'a design file that does not exist', args: ['verify', '{dir}/none.v', mul2], expect: { code: 2, err: /cannot read .*none\.v: no such file/ } },
  { name: 'a directory as the design', args: ['verify', '{dir}', mul2], expect: { code: 2, err: /is a directory, not a file/ } },
];

const controls: HostileCase[] = [
  v('control: a * b passes', mod('  assign p = a * b;'), 0, undefined, PASS),
  v('control: a + b fails with a counterexample', mod('  assign p = a + b;'), 1, undefined, /^FAIL: module mul2[\s\S]*counterexample/),
  v('control: the word initial in comments and strings is no initial block', mod('  // initial p = 0;\n  /* initial */\n  assign p = a * b;'), 0, undefined, PASS),
  v('control: always @* with a default before the if is no latch', mod('  always @* begin\n    p = 0;\n    if (a != 0) p = a * b;\n  end', REG_PORTS), 0, undefined, PASS),
  v('control: a full case is no latch', mod("  always @* case ({b, a})\n    4'd5: p = 1; 4'd6: p = 2; 4'd7: p = 3; 4'd9: p = 2; 4'd10: p = 4; 4'd11: p = 6; 4'd13: p = 3; 4'd14: p = 6; 4'd15: p = 9;\n    default: p = 0;\n  endcase", REG_PORTS), 0, undefined, PASS),
  v('control: a chain through one bus is no loop', mod("  wire [3:0] t;\n  assign t[0] = a[0] & b[0];\n  assign t[1] = t[0] ^ 1'b0;\n  assign t[3:2] = {t[1], t[0]} & 2'b00;\n  assign p = (a * b) | (t & 4'b0001);"), 0, undefined, PASS),
  v('control: two modules, one instantiating the other', `${SUB}${mod('  m1 u(.a(a), .b(b), .p(p));')}`, 0, undefined, PASS),
  v('control: --top picks one of two tops', `${mod('  assign p = a * b;', PORTS, 'x1')}${mod('  assign p = a + b;', PORTS, 'x2')}`, 0, undefined, /^PASS: module x1/, ['--top', 'x1']),
  v('control: a reg with a declaration value and an always @* is combinational', mod("  reg [3:0] r = 4'd3;\n  always @* r = a * b;\n  assign p = r;"), 0, undefined, PASS),
];

const long = (n: number) => 'a'.repeat(n);
const specWith = (port: string, circuit = 'c') => `circuit ${circuit} {\n  input ${port}, b;\n  output y;\n  y = ${port} & b;\n}\n`;
const KW_SPEC = 'circuit logic {\n  input begin[2], end, int, assert;\n  output always_comb[2], bit;\n  always_comb = begin ^ {end, int};\n  bit = assert & end;\n}\n';
const KW_DESIGN = 'module \\logic (input [1:0] \\begin , input \\end , input \\int , input \\assert , output [1:0] \\always_comb , output \\bit );\n'
  + '  assign \\always_comb = \\begin ^ {\\end , \\int };\n  assign \\bit = \\assert & \\end ;\nendmodule\n';

const names: HostileCase[] = [
  { name: 'a port name of a megabyte', args: ['compile', '{dir}/s.spec', '-o', '{dir}/x.v'], files: { 's.spec': specWith(long(1 << 20)) }, expect: { code: 2, err: /s\.spec:2:9: error: the name 'a{40}… \(1048576 characters\)' is longer than the 1024 characters/ } },
  { name: 'a port name of 1025 characters', args: ['compile', '{dir}/s.spec', '-o', '{dir}/x.v'], files: { 's.spec': specWith(long(1025)) }, expect: { code: 2, err: /1025 characters\)' is longer than the 1024/ } },
  { name: 'a circuit name of 2000 characters', args: ['compile', '{dir}/s.spec', '-o', '{dir}/x.v'], files: { 's.spec': specWith('a', `c${long(1999)}`) }, expect: { code: 2, err: /s\.spec:1:9: error: the name 'ca{39}… \(2000 characters\)'/ } },
  { name: 'a port name of exactly 1024 characters compiles and proves', args: ['compile', '{dir}/s.spec', '-o', '{dir}/x.v'], files: { 's.spec': specWith(long(1024)) }, expect: { code: 0, out: /Yosys SAT proof PASS/, written: ['x.v'] }, timeoutMs: 60_000 },
  { name: 'a PLA input label of 2000 characters', args: ['compile', '{dir}/t.pla', '-o', '{dir}/x.v'], files: { 't.pla': `.i 2\n.o 1\n.ilb ${'q'.repeat(2000)} b\n.ob y\n11 1\n00 0\n.e\n` }, expect: { code: 2, err: /the port name 'q{40}… \(2000 characters\)' cannot be used/ } },
  { name: 'a PLA output label of 5000 characters', args: ['table', '{dir}/t.pla'], files: { 't.pla': `.i 2\n.o 1\n.ilb a b\n.ob ${'y'.repeat(5000)}\n11 1\n00 0\n.e\n` }, expect: { code: 2, err: /5000 characters\)' cannot be used/ } },
  { name: 'Verilog and SystemVerilog keywords as names compile to escaped identifiers and prove', args: ['compile', '{dir}/kw.spec', '-o', '{dir}/kw.v'], files: { 'kw.spec': KW_SPEC }, expect: { code: 0, out: /Yosys SAT proof PASS/, written: ['kw.v'] }, timeoutMs: 60_000 },
  { name: 'verify a design with escaped port names against keyword-named ports', args: ['verify', '{dir}/kw.v', '{dir}/kw.spec'], files: { 'kw.spec': KW_SPEC, 'kw.v': KW_DESIGN }, expect: { code: 0, out: /^PASS: module logic/ }, timeoutMs: 60_000 },
  { name: 'verify against a spec with a megabyte name', args: ['verify', '{dir}/d.v', '{dir}/s.spec'], files: { 's.spec': specWith(long(1 << 20)), 'd.v': mod('  assign p = a * b;') }, expect: { code: 2, err: /longer than the 1024 characters/ } },
];

export const cases: HostileCase[] = [...multipleDrivers, ...state, ...malformed, ...controls, ...names];
