// Malformed input: specs (syntax, names, widths, encodings, sizes), PLA / .truth / .dat tables, Verilog
// for verify, and bad values of every solver option in both forms (the flag and the spec's `solve { }`).
// Each is refused with exit 2 and a message that says where (file:line:col where there is a place) and
// what to do; nothing is written. A few legitimate oddities (BOM, CRLF, tabs) must simply work.
import type { HostileCase } from '../corpus.js';

const mul2 = '{root}/examples/mul2.spec';
const ok = 'circuit m { input a[2]; output y; y = &a; }\n';
/** A spec case: `text` as s.spec, run through `btfc table` (the front end only). */
const spec = (name: string, text: string | Uint8Array, err: RegExp, code = 2): HostileCase =>
  ({ name, args: ['table', '{dir}/s.spec'], files: { 's.spec': text }, expect: { code, err } });
/** A table-file case: `text` as t.<ext>. */
const table = (name: string, ext: string, text: string | Uint8Array, err: RegExp): HostileCase =>
  ({ name, args: ['table', `{dir}/t.${ext}`], files: { [`t.${ext}`]: text }, expect: { code: 2, err } });
/** A solve block case: the spec with `block` at its end, solved (refused before any solving). */
const block = (name: string, text: string, err: RegExp): HostileCase =>
  ({ name, args: ['solve', '{dir}/s.spec'], files: { 's.spec': `circuit m { input a[2]; output y; y = &a; }\n${text}\n` }, expect: { code: 2, err } });
/** A flag case: `btfc solve mul2.spec` with the flags (refused before any solving). */
const flag = (name: string, flags: string[], err: RegExp, cmd = 'solve'): HostileCase =>
  ({ name, args: [cmd, mul2, ...flags, ...(cmd === 'compile' ? ['-o', '{dir}/x.v'] : [])], expect: { code: 2, err } });

/** `text` encoded as UTF-16 (little- or big-endian), with or without a byte-order mark. */
function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  if (bigEndian) le.swap16();
  return new Uint8Array(le);
}
/** Nothing but one error, and no NUL byte echoed. */
const one = (re: RegExp) => new RegExp(`^(?![\\s\\S]*error:[\\s\\S]*error:)(?![\\s\\S]*\\x00)[\\s\\S]*${re.source}`);

const specSyntax: HostileCase[] = [
  spec('an empty spec', '', /s\.spec is empty[\s\S]*hint: write a circuit/),
  spec('a whitespace-only spec', ' \n\t\n  \r\n', /s\.spec is empty/),
  { name: 'a directory as the spec', args: ['table', '{dir}'], expect: { code: 2, err: /is a directory, not a file\nhint: name a \.spec, \.pla, \.truth, \.dat, \.v or \.sv file/ } },
  spec('a missing semicolon', 'circuit m { input a output y; y = a; }\n', /s\.spec:1:20: error: expected ',' or ';' after 'a', found 'output'/),
  spec('a missing closing brace', 'circuit m { input a; output y; y = a;\n', /s\.spec:\d+:\d+: error: .*'}'/),
  spec('an extra closing brace', `${ok}}\n`, /s\.spec:2:1: error: .*'}'/),
  spec('an unterminated comment', `${ok}/* never closed\n`, /s\.spec:2:1: error: unterminated comment/),
  spec('a string literal', 'circuit m { input a; output y; y = "a"; }\n', /s\.spec:1:36: error: unexpected character '"'[\s\S]*no strings/),
  spec('a fraction in an expression', 'circuit m { input a; output y; y = 0.5; }\n', /s\.spec:1:36: error: [\s\S]*solve/),
  spec('a sized literal with a bad digit', 'circuit m { input a; output y[3]; y = 3\'b102; }\n', /s\.spec:1:\d+: error: .*3'b102/),
  spec('an undeclared name', 'circuit m { input a; output y; y = b; }\n', /s\.spec:1:36: error: .*'b'/),
  spec('an undeclared name with a near miss', 'circuit m { input alpha; output y; y = alpah; }\n', /s\.spec:1:40: error: [\s\S]*did you mean 'alpha'/),
  spec('an unknown function', 'circuit m { input a[2]; output y; y = parity(a); }\n', /s\.spec:1:\d+: error: .*parity/),
  spec('an input declared twice', 'circuit m { input a; input a; output y; y = a; }\n', /s\.spec:1:\d+: error: .*'a'/),
  spec('an output never assigned', 'circuit m { input a; output y, z; y = a; }\n', /s\.spec:1:\d+: error: output 'z' is never assigned/),
  spec('an output assigned twice', 'circuit m { input a; output y; y = a; y = ~a; }\n', /s\.spec:1:39: error: y is driven twice[\s\S]*note: y is first driven here/),
  spec('an assignment to an input', 'circuit m { input a; output y; a = 1; y = a; }\n', /s\.spec:1:\d+: error: .*'a'/),
  spec('a keyword as a name', 'circuit m { input circuit; output y; y = 1; }\n', /s\.spec:1:19: error: /),
  spec('a width mismatch with a sized literal', 'circuit m { input a; output y[2]; y = 3\'b101; }\n', /s\.spec:1:\d+: error: width mismatch/),
  spec('a width mismatch with a concatenation', 'circuit m { input a, b; output y[3]; y = {a, b}; }\n', /s\.spec:1:\d+: error: width mismatch/),
  spec('a bit select out of range', 'circuit m { input a[2]; output y; y = a[2]; }\n', /s\.spec:1:\d+: error: .*a\[2\]|s\.spec:1:\d+: error: .*range/),
  spec('no circuit in the file', 'solve { sigma 3; }\n', /s\.spec:1:1: error: no circuit in this file/),
  spec('two circuits of one name', `${ok}${ok}`, /s\.spec:2:9: error: a second circuit named 'm'/),
  spec('nesting deeper than the parser takes', `circuit m { input a; output y; y = ${'('.repeat(20000)}a${')'.repeat(20000)}; }\n`, one(/s\.spec:1:\d+: error: brackets nested more than 100 deep\n {2}…\({60}\^?/)),
  spec('too many inputs', 'circuit m { input a[25]; output y; y = &a; }\n', /s\.spec:1:\d+: error: .*limit of 24/),
  { name: 'several circuits and no --circuit', args: ['table', '{dir}/s.spec'], files: { 's.spec': `${ok}${ok.replace('m {', 'n {')}` },
    expect: { code: 2, err: /2 circuits \(m, n\); say which one[\s\S]*--circuit/ } },
  { name: 'a --circuit the file lacks', args: ['table', '{dir}/s.spec', '--circuit', 'mm'], files: { 's.spec': ok },
    expect: { code: 2, err: /no circuit named 'mm'[\s\S]*did you mean --circuit m/ } },
  { name: '--circuit on a PLA table', args: ['table', '{dir}/t.pla', '--circuit', 'm'], files: { 't.pla': '.i 1\n.o 1\n1 1\n.e\n' },
    expect: { code: 2, err: /--circuit applies to \.spec files/ } },
];

const encodings: HostileCase[] = [
  spec('a UTF-8 byte-order mark before a good spec', `\ufeff${ok}`, /^$/, 0),
  spec('a UTF-8 byte-order mark, then an error', '\ufeffcircuit m { input a; output y; y = b; }\n', /s\.spec:1:36: error: .*'b'/),
  spec('a byte-order mark in the middle of a line', 'circuit m { input a; output y; y = \ufeff~a; }\n', one(/s\.spec:1:36: error: unexpected invisible character U\+FEFF\n {2}.*<U\+FEFF>~a/)),
  spec('a zero-width space in a name', 'circuit m { input a; output y; y = a\u200b; }\n', one(/s\.spec:1:37: error: unexpected invisible character U\+200B/)),
  spec('a NUL byte', 'circuit m { input a; output y; y = ~a;\0 }\n', one(/s\.spec:1:39: error: unexpected invisible character U\+0000\n {2}.*<U\+0000> \}\n {40}\^{8}\n/)),
  spec('an escape character', 'circuit m { input a; output y; y = ~a;\x1b[2J }\n', one(/U\+001B/)),
  spec('many NUL bytes (a binary file)', new Uint8Array(4096), one(/s\.spec is not a text file \(it holds NUL bytes\)/)),
  spec('UTF-16 little-endian with a byte-order mark', utf16(ok, false, true), one(/s\.spec is UTF-16 text; btfc reads UTF-8[\s\S]*save it as UTF-8/)),
  spec('UTF-16 big-endian with a byte-order mark', utf16(ok, true, true), one(/s\.spec is UTF-16 text/)),
  spec('UTF-16 without a byte-order mark', utf16(ok, false, false), one(/s\.spec is UTF-16 text/)),
  spec('UTF-32 with a byte-order mark', new Uint8Array([0xff, 0xfe, 0, 0, 0x63, 0, 0, 0]), one(/s\.spec is UTF-32 text/)),
  spec('a Latin-1 byte', Buffer.concat([Buffer.from('circuit m { input a; output y;\n  y = '), Buffer.from([0xe9]), Buffer.from('a; }\n')]),
    one(/s\.spec:2:7: error: this byte is not UTF-8 text[\s\S]*save .*s\.spec as UTF-8/)),
  spec('CRLF line endings', ok.replace(/\n/g, '\r\n'), /^$/, 0),
  spec('CRLF line endings, an error on line 2', 'circuit m { input a; output y;\r\n  y = b; }\r\n', /s\.spec:2:7: error: .*'b'/),
  spec('tabs before an error', 'circuit m {\n\tinput a;\n\toutput y;\n\t\ty = b;\n}\n', /s\.spec:4:7: error: .*'b'\n {2}\t\ty = b;\n {2}\t\t {4}\^/),
  spec('a spec over 16 MiB', `${ok}${'// padding padding padding padding padding padding padding padding\n'.repeat(260_000)}`, one(/s\.spec is 16\.\d MiB, more than 16 MiB, btfc's limit for a spec[\s\S]*\.pla/)),
  { name: '/dev/zero as the spec', args: ['table', '/dev/zero'], expect: { code: 2, err: one(/\/dev\/zero is not a text file/) } },
  { name: '/dev/zero as the spec of compile', args: ['compile', '/dev/zero', '-o', '{dir}/x.v'], expect: { code: 2, err: one(/\/dev\/zero is not a text file/) } },
  { name: '/dev/urandom as the spec', args: ['table', '/dev/urandom'], expect: { code: 2, err: one(/\/dev\/urandom is not a text file/) } },
];

const division: HostileCase[] = [
  spec('division by zero on every row', 'circuit m { input a[2]; output p[2]; p = a / 0; }\n',
    one(/s\.spec:1:42: error: this divides by zero on every row[\s\S]*\^{5}[\s\S]*check the divisor/)),
  spec('modulo by zero on every row', 'circuit m { input a[2]; output p[2]; p = (a + 1) % 0; }\n', one(/s\.spec:1:43: error: this divides by zero on every row/)),
  spec('division by a let that is zero', 'circuit m { input a[2]; output p[2]; let z = 0; p = a / z; }\n', one(/s\.spec:1:53: error: this divides by zero on every row/)),
  { name: 'division by zero on every row, compiled', args: ['compile', '{dir}/s.spec', '-o', '{dir}/x.v'], files: { 's.spec': 'circuit m { input a[2]; output p[2]; p = a / 0; }\n' },
    expect: { code: 2, err: /s\.spec:1:42: error: this divides by zero/ } },
];

const solveBlocks: HostileCase[] = [
  block('solve: an unknown option with a near miss', 'solve { sigmaa 3; }', /s\.spec:2:9: error: unknown solve option 'sigmaa'[\s\S]*did you mean 'sigma'/),
  block('solve: a flag-only option', 'solve { maxMemory 8; }', /s\.spec:2:9: error: unknown solve option 'maxMemory'[\s\S]*the options are hidden, sigma/),
  block('solve: engine is not a spec option', 'solve { engine 1; }', /s\.spec:2:9: error: unknown solve option 'engine'/),
  block('solve: sigma 0', 'solve { sigma 0; }', /s\.spec:2:15: error: sigma 0 is out of range[\s\S]*a number > 0/),
  block('solve: beta 2', 'solve { beta 2; }', /s\.spec:2:14: error: beta 2 is out of range[\s\S]*0 < β ≤ 1/),
  block('solve: gamma -1', 'solve { gamma -1; }', /s\.spec:2:15: error: gamma -1 is out of range/),
  block('solve: iterations 0', 'solve { iterations 0; }', /s\.spec:2:20: error: iterations 0 is out of range[\s\S]*integer ≥ 1/),
  block('solve: iterations 2.5', 'solve { iterations 2.5; }', /s\.spec:2:20: error: iterations 2\.5 is out of range/),
  block('solve: gapstop -0.1', 'solve { gapstop -0.1; }', /s\.spec:2:17: error: gapstop -0\.1 is out of range/),
  block('solve: restarts 0', 'solve { restarts 0; }', /s\.spec:2:18: error: restarts 0 is out of range/),
  block('solve: seed -1', 'solve { seed -1; }', /s\.spec:2:14: error: seed -1 is out of range/),
  block('solve: workers 0', 'solve { workers 0; }', /s\.spec:2:17: error: workers 0 is out of range/),
  block('solve: timeout 0', 'solve { timeout 0; }', /s\.spec:2:17: error: timeout 0 is out of range[\s\S]*seconds/),
  block('solve: hidden 0', 'solve { hidden 0; }', /s\.spec:2:16: error: hidden layer width 0 is not a positive integer/),
  block('solve: hidden 4.5', 'solve { hidden 4 4.5; }', /s\.spec:2:18: error: hidden layer width 4\.5 is not a positive integer/),
  block('solve: hidden with no width', 'solve { hidden; }', /s\.spec:2:9: error: hidden needs at least one layer width/),
  block('solve: sigma with two values', 'solve { sigma 1 2; }', /s\.spec:2:17: error: sigma takes one value, not 2/),
  block('solve: sigma twice in one block', 'solve { sigma 1; sigma 2; }', /s\.spec:2:18: error: solve option 'sigma' is given twice/),
  block('solve: a word as a value', 'solve { sigma fast; }', /s\.spec:2:\d+: error: /),
  block('solve: hidden too large for memory', 'solve { hidden 100000 100000; }',
    one(/s\.spec:2:9: error: the solver would need about [\d.]+ TiB[\s\S]*more than --max-memory 4\.00 GiB; the architecture \(2-100000-100000-1\) is set here\n {2}solve \{ hidden 100000 100000; \}\n {10}\^+\nhint: use smaller hidden layers here/)),
];

const flags: HostileCase[] = [
  flag('--sigma abc', ['--sigma', 'abc'], one(/--sigma abc is not a number: --sigma takes the support parameter σ, a number > 0/)),
  flag('--sigma -1', ['--sigma', '-1'], one(/--sigma -1 is out of range/)),
  flag('--beta 0', ['--beta', '0'], one(/--beta 0 is out of range: beta is the RRR step β, 0 < β ≤ 1/)),
  flag('--beta x', ['--beta', 'x'], one(/--beta x is not a number/)),
  flag('--gamma -1', ['--gamma', '-1'], one(/--gamma -1 is out of range/)),
  flag('--gamma NaN', ['--gamma', 'NaN'], one(/--gamma NaN is not a number/)),
  flag('--iterations 0', ['--iterations', '0'], one(/--iterations 0 is out of range: iterations is an integer ≥ 1/)),
  flag('--iterations 2.5', ['--iterations', '2.5'], one(/--iterations 2\.5 is out of range/)),
  flag('--iterations 1e400', ['--iterations', '1e400'], one(/--iterations Infinity is out of range/)),
  flag('--gapstop -1', ['--gapstop', '-1'], one(/--gapstop -1 is out of range/)),
  flag('--restarts ten', ['--restarts', 'ten'], one(/--restarts ten is not a number/)),
  flag('--seed -1', ['--seed', '-1'], one(/--seed -1 is out of range: seed is an integer ≥ 0/)),
  flag('--seed 1.5', ['--seed', '1.5'], one(/--seed 1\.5 is out of range/)),
  flag('--seed given twice', ['--seed', '1', '--seed', '2'], one(/--seed is given 2 times \(1, 2\)/)),
  flag('--workers 0', ['--workers', '0'], one(/--workers 0 is out of range/)),
  flag('--workers many', ['--workers', 'many'], one(/--workers many is not a number/)),
  flag('--timeout abc', ['--timeout', 'abc'], one(/--timeout abc is not a number: --timeout takes a number of seconds > 0/)),
  flag('--timeout 0', ['--timeout', '0'], one(/--timeout 0 is out of range/)),
  flag('--timeout -5', ['--timeout', '-5'], one(/--timeout -5 is out of range/)),
  flag('--timeout with an empty value', ['--timeout', ''], one(/--timeout '' is not a number/)),
  flag('--timeout with no value', ['--timeout'], one(/Not enough arguments following: timeout/)),
  flag('--hidden empty', ['--hidden', ''], one(/--hidden '': no layer widths given[\s\S]*--hidden none for no hidden layer/)),
  flag('--hidden 4,,4', ['--hidden', '4,,4'], one(/--hidden 4,,4: an empty width \(layer 2\) is not a positive integer/)),
  flag('--hidden 4,', ['--hidden', '4,'], one(/--hidden 4,: an empty width \(layer 2\)/)),
  flag('--hidden 0', ['--hidden', '0'], one(/--hidden 0: width '0' is not a positive integer/)),
  flag('--hidden x', ['--hidden', 'x'], one(/--hidden x: width 'x' is not a positive integer/)),
  flag('--hidden -4', ['--hidden', '-4'], one(/--hidden -4: an empty width/)),
  flag('--hidden a whole architecture that does not fit', ['--hidden', '3-4-4'], one(/architecture 3-4-4 does not fit a function of 4 inputs and 4 outputs[\s\S]*e\.g\. 4-4-4/)),
  flag('--hidden too large for memory', ['--hidden', '100000,100000'], one(/the solver would need about [\d.]+ TiB[\s\S]*more than --max-memory/)),
  flag('--max-memory -5G', ['--max-memory', '-5G'], one(/--max-memory -5G: expected a size such as 4G/)),
  flag('--max-memory empty', ['--max-memory', ''], one(/--max-memory '': expected a size/)),
  flag('--max-memory 0', ['--max-memory', '0'], one(/--max-memory 0: must be more than 0 bytes/)),
  flag('--max-memory lots', ['--max-memory', 'lots'], one(/--max-memory lots: expected a size/)),
  flag('--max-memory 1 (too small)', ['--max-memory', '1'], one(/mul2\.spec:10:9: error: the solver would need about [\d.]+ KiB .*more than --max-memory 1 bytes; the architecture \(4-4-4-4\) is set here/)),
  flag('--engine bogus, in compile', ['--engine', 'bogus'], /Invalid values:[\s\S]*Choices: "wasm", "js"/, 'compile'),
  flag('--effort -1', ['--effort', '-1'], one(/--effort -1 is out of range: --effort takes an integer ≥ 0/), 'compile'),
  flag('--effort abc', ['--effort', 'abc'], one(/--effort abc is not a number/), 'compile'),
  flag('--effort 1.5', ['--effort', '1.5'], one(/--effort 1\.5 is out of range/), 'compile'),
  flag('--restarts 0 in compile', ['--restarts', '0'], one(/--restarts 0 is out of range/), 'compile'),
];

const tables: HostileCase[] = [
  table('PLA: a product term before .i', 'pla', '0 1\n.i 1\n.o 1\n', /t\.pla:1:1: error: product term before \.i/),
  table('PLA: .i without a number', 'pla', '.i\n.o 1\n', /t\.pla:1:1: error: \.i needs a number/),
  table('PLA: .i abc', 'pla', '.i abc\n.o 1\n', /t\.pla:1:4: error: \.i needs a whole number, not `abc`/),
  table('PLA: .i 25', 'pla', '.i 25\n.o 1\n', /t\.pla:1:4: error: \.i 25: more than btfc's limit of 24 inputs/),
  table('PLA: a bad input character', 'pla', '.i 2\n.o 1\n0x 1\n.e\n', /t\.pla:3:2: error: unexpected `x` in the input part/),
  table('PLA: a NUL in a product term', 'pla', '.i 2\n.o 1\n0\x001 1\n.e\n', one(/t\.pla:3:\d+: error: /)),
  table('PLA: a short product term', 'pla', '.i 3\n.o 1\n01 1\n.e\n', /t\.pla:3:1: error: /),
  table('PLA: an unknown type', 'pla', '.i 1\n.o 1\n.type q\n1 1\n.e\n', /t\.pla:3:7: error: unknown PLA type `q`/),
  table('PLA: an ON/OFF conflict', 'pla', '.i 1\n.o 1\n.type fr\n1 1\n1 0\n.e\n', /t\.pla:\d+:\d+: error: /),
  table('PLA: a wrong .p count', 'pla', '.i 1\n.o 1\n.p 3\n1 1\n.e\n', /t\.pla:3:\d+: error: /),
  table('PLA: whitespace only', 'pla', '\n  \n', /t\.pla is empty\nhint: write the table in it/),
  table('PLA: UTF-16', 'pla', utf16('.i 1\n.o 1\n1 1\n.e\n', false, true), one(/t\.pla is UTF-16 text/)),
  table('truth: a bad character', 'truth', '0110\n01x0\n', /t\.truth:2:3: error: unexpected `x` in a \.truth line/),
  table('truth: a NUL character', 'truth', '0110\n01\x000\n', one(/t\.truth:2:3: error: unexpected U\+0000 in a \.truth line/)),
  table('truth: a length not a power of two', 'truth', '011\n', /t\.truth:1:1: error: a \.truth line has 2\^n characters for n inputs, but this one has 3/),
  table('truth: lines of different lengths', 'truth', '0110\n01\n', /t\.truth:2:1: error: this line has 2 characters, but line 1 has 4/),
  table('dat: a word for the item count', 'dat', 'four 2 2 2 1\n', /t\.dat:1:1: error: expected .*whole number, not `four`/),
  table('dat: an input type other than 2', 'dat', '1 3 2 2 1\n0 1 1\n', /t\.dat:1:3: error: input type 3: only type 2/),
  table('dat: 25 inputs', 'dat', '1 2 25 2 1\n', /t\.dat:1:5: error: 25 inputs is more than btfc's limit of 24/),
  table('dat: a value of 2', 'dat', '1 2 2 2 1\n0 2 1\n', /t\.dat:2:3: error: expected 0 or 1 .*not `2`/),
  table('dat: too few items', 'dat', '2 2 1 2 1\n0 1\n', /t\.dat:\d+:\d+: error: |t\.dat: error: /),
];

const designs: HostileCase[] = [
  { name: 'verify: a directory as the design', args: ['verify', '{dir}', mul2], expect: { code: 2, err: /is a directory, not a file\nhint: name a Verilog file/ } },
  { name: 'verify: /dev/zero as the design', args: ['verify', '/dev/zero', mul2], expect: { code: 2, err: one(/\/dev\/zero is not a text file/) } },
  { name: 'verify: a UTF-16 design', args: ['verify', '{dir}/d.v', mul2], files: { 'd.v': utf16('module mul2(input [1:0] a, b, output [3:0] p); assign p = a * b; endmodule\n', false, true) },
    expect: { code: 2, err: one(/d\.v is UTF-16 text/) } },
  { name: 'verify: a design over 2 MiB', args: ['verify', '{dir}/d.v', mul2], files: { 'd.v': `// ${'x'.repeat(2.2 * 2 ** 20)}\nmodule mul2(); endmodule\n` },
    expect: { code: 2, err: one(/d\.v is 2\.2 MiB, more than 2 MiB, btfc's limit for a Verilog design[\s\S]*Yosys/) } },
];

export const cases: HostileCase[] = [...specSyntax, ...encodings, ...division, ...solveBlocks, ...flags, ...tables, ...designs];
