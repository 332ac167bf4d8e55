// Malformed specs: every mistake is a UserError whose diagnostic names file:line:col, says what is
// wrong, and hints at the fix. Each case checks the exact position and the message.

import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/util/diagnostics.js';
import { compileSpec } from '../../src/lang/compile.js';
import { errorText } from './helpers.js';

/** A circuit with one input a, one output y, and `body` after the declarations (line 4 on). */
const circ = (body: string, decls = 'input a;\n  output y;'): string => `circuit m {\n  ${decls}\n  ${body}\n}\n`;

const cases: { name: string; text: string; where: string; message: string; hint?: string }[] = [
  // ---- lexical ----
  { name: 'a stray character', text: circ('y = a @ 1;'), where: '4:9', message: "unexpected character '@'", hint: 'remove it' },
  { name: 'an unterminated block comment', text: circ('y = a; /* no end'), where: '4:10', message: "unterminated comment: '/*' has no matching '*/'" },
  { name: 'a letter in a table row', text: circ('table a -> y {\n    0 -> x\n  }'), where: '5:10', message: "unexpected character 'x' in a table row", hint: "'-'" },
  { name: 'a quote that is not a sized literal', text: circ("y = 'b1;"), where: '4:7', message: 'unexpected character "\'"', hint: "4'b1010" },
  // ---- syntax ----
  { name: 'a missing comma between ports', text: circ('y = a;', 'input a b;\n  output y;'), where: '2:10', message: "expected ',' or ';' after 'a', found 'b'" },
  { name: 'a misspelt keyword', text: 'circuit m {\n  inputs a;\n}\n', where: '2:10', message: "expected '=', found 'a'", hint: "did you mean 'input'?" },
  { name: 'a missing operand', text: circ('y = a +;'), where: '4:10', message: "expected an expression, found ';'" },
  { name: 'a missing semicolon', text: circ('y = a\n  let t = a;'), where: '4:8', message: "expected ';' after 'a', found 'let'", hint: "end each statement with ';'" },
  { name: 'an unclosed circuit', text: 'circuit m {\n  input a;\n  output y;\n  y = a;\n', where: '4:9', message: "expected '}', found the end of the file" },
  { name: 'two table rows on one line', text: circ('table a -> y {\n    0 -> 1 1 -> 0\n  }'), where: '5:14', message: "expected '}', found '->'", hint: 'own line' },
  { name: 'junk after the last circuit', text: `${circ('y = a;')}foo\n`, where: '6:1', message: "expected 'circuit' or 'solve', found 'foo'" },
  { name: 'a bad default value', text: circ('table a -> y { 0 -> 1 }\n  default 2;'), where: '5:11', message: "a table default is 0, 1 or '-', not '2'" },
  { name: 'a non-integer index', text: circ('y = a[x];', 'input a[2];\n  output y;'), where: '4:9', message: 'expected an integer' },
  // ---- names ----
  { name: 'an undeclared name with a near miss', text: circ('y = ab;', 'input abc;\n  output y;'), where: '4:7', message: "undeclared name 'ab'", hint: "did you mean 'abc'?" },
  { name: 'a name used before its declaration', text: circ('y = b;\n  input b;'), where: '4:7', message: "'b' is used before its declaration", hint: 'line 5' },
  { name: 'a duplicate port', text: circ('y = a;', 'input a, a;\n  output y;'), where: '2:12', message: "'a' is already declared as an input" },
  { name: 'a let shadowing a port', text: circ('let a = 1;\n  y = a;'), where: '4:7', message: "let 'a' would shadow the input of the same name" },
  { name: 'reading an output', text: circ('y = y;'), where: '4:7', message: "output 'y' cannot be read in an expression" },
  { name: 'an unknown function', text: circ('y = pop(a);'), where: '4:7', message: "unknown function 'pop'", hint: "did you mean 'popcount'?" },
  { name: 'two circuits of one name', text: `${circ('y = a;')}${circ('y = a;')}`, where: '6:9', message: "a second circuit named 'm'" },
  // ---- assignments ----
  { name: 'assigning an input', text: circ('a = 1;\n  y = a;'), where: '4:3', message: "cannot assign to input 'a'" },
  { name: 'assigning a let', text: circ('let t = a;\n  t = a;\n  y = t;'), where: '5:3', message: "cannot assign to let 't'" },
  { name: 'an output never assigned', text: circ('y = a;', 'input a;\n  output y, z;'), where: '3:13', message: "output 'z' is never assigned" },
  { name: 'an output partly assigned', text: circ('y[0] = a;', 'input a;\n  output y[2];'), where: '3:10', message: "1 bit of output 'y' is never assigned: y[1]" },
  { name: 'an output bit assigned twice', text: circ('y[1:0] = a;\n  y[2:1] = 0;', 'input a;\n  output y[3];'), where: '5:3', message: 'y[1] is driven twice: here and by the assignment at line 4' },
  { name: 'a concatenation target narrower than a sized value', text: circ("{c, s} = 3'b101;", 'input a;\n  output s, c;'), where: '4:12', message: 'width mismatch: the right-hand side is a sized literal of exactly 3 bits, but the target is 2 bits' },
  { name: 'a concatenation target wider than a concatenation', text: circ('{c, s} = {a};', 'input a;\n  output s, c;'), where: '4:12', message: 'width mismatch: the right-hand side is a concatenation of exactly 1 bit, but the target is 2 bits' },
  { name: 'overlapping parts of a concatenation target', text: circ('{y[1:0], y[0]} = a;', 'input a;\n  output y[2];'), where: '4:4', message: 'y[0] is driven twice' },
  // ---- widths and selects ----
  { name: 'a bit select out of range', text: circ('y = a[4];', 'input a[4];\n  output y;'), where: '4:9', message: "bit 4 is out of range: 'a' is 4 bits wide", hint: "'a' has bits 3 down to 0" },
  { name: 'a slice out of range in a target', text: circ('y[2:0] = a;', 'input a[2];\n  output y[2];'), where: '4:5', message: "bit 2 is out of range: output 'y' is 2 bits wide" },
  { name: 'a reversed slice', text: circ('y = a[1:2];', 'input a[4];\n  output y[2];'), where: '4:8', message: 'slice [1:2] is reversed', hint: '[2:1]' },
  { name: 'a bus of width 0', text: circ('y = 1;', 'input a[0];\n  output y;'), where: '2:11', message: "input 'a' has width 0" },
  { name: 'more than 24 input bits', text: circ('y = a;', 'input a[13], b[12];\n  output y;'), where: '2:16', message: "input 'b' brings the inputs to 25 bits, more than btfc's limit of 24" },
  { name: 'a bad digit in a sized literal', text: circ("y = 4'b1020;"), where: '4:7', message: "'2' is not a binary digit in '4'b1020'" },
  { name: 'a sized literal too big for its width', text: circ("y = 2'd7;"), where: '4:7', message: "literal '2'd7' does not fit in 2 bits" },
  { name: 'an unsized number in a concatenation', text: circ('y = {a, 1};', 'input a;\n  output y[2];'), where: '4:11', message: 'an unsized number in a concatenation has no definite width', hint: "1'd1" },
  { name: 'maj with an even count', text: circ('y = maj(a, b);', 'input a, b;\n  output y;'), where: '4:7', message: 'maj takes an odd number of 1-bit arguments, not 2' },
  { name: 'maj with a bus among several arguments', text: circ('y = maj(a, b, b);', 'input a[2], b;\n  output y;'), where: '4:11', message: 'argument 1 of maj is 2 bits wide' },
  { name: 'popcount with two arguments', text: circ('y = popcount(a, a);'), where: '4:7', message: 'popcount takes 1 argument, not 2' },
  { name: 'a fraction in an expression', text: circ('y = a / 0.5;'), where: '4:11', message: "'0.5' is not an integer" },
  { name: 'a variable shift amount too wide', text: circ('y = a << s;', 'input a[8], s[8];\n  output y[8];'), where: '4:12', message: "the shift amount is 8 bits wide; '<<' by a variable amount takes at most 6 bits" },
  // ---- tables ----
  { name: 'a cube of the wrong width', text: circ('table a b -> y {\n    0 11 -> 1\n  }', 'input a, b;\n  output y;'), where: '5:7', message: "cube '11' has 2 characters, but input column 'b' is 1 bit wide" },
  { name: 'a whole-side cube of the wrong width', text: circ('table a b -> y {\n    011 -> 1\n  }', 'input a, b;\n  output y;'), where: '5:5', message: "cube '011' has 3 characters, but the inputs (a b) are 2 bits" },
  { name: 'the wrong number of cubes', text: circ('table a b c -> y {\n    00 1 -> 1\n  }', 'input a, b, c;\n  output y;'), where: '5:5', message: 'this row has 2 input cubes, but the table has 3 input columns (a b c)' },
  { name: 'an output cube of the wrong width', text: circ('table a -> y {\n    0 -> 10\n  }', 'input a;\n  output y[3];'), where: '5:10', message: "cube '10' has 2 characters, but output column 'y' is 3 bits wide" },
  { name: 'a missing row', text: circ('table a b -> y {\n    0 0 -> 0\n    1 1 -> 1\n  }', 'input a, b;\n  output y;'), where: '4:3', message: 'the table has no row for a=1 b=0 (and 1 more input combination)', hint: 'default -;' },
  { name: 'an output on the input side', text: circ('table y -> y { 0 -> 1 }'), where: '4:9', message: "'y' is an output, but it is on the input side of '->'" },
  { name: 'an undeclared table column', text: circ('table q -> y { 0 -> 1 }'), where: '4:9', message: "undeclared input 'q' in the table header" },
  { name: 'a repeated table column', text: circ('table a[0] a -> y { 0 0 -> 1 }', 'input a[2];\n  output y;'), where: '4:14', message: "'a' repeats input bits already in column 'a[0]'" },
  { name: 'a table and an assignment on one bit', text: circ('y = a;\n  table a -> y {\n    0 -> 1\n    1 -> 0\n  }'), where: '5:14', message: 'y is driven twice: here and by the assignment at line 4' },
  { name: 'a default without a table', text: circ('y = a;\n  default 0;'), where: '5:3', message: "'default' applies to table rows, but this circuit has no table" },
  { name: 'two defaults', text: circ('table a -> y { 0 -> 1 }\n  default 0;\n  default 1;'), where: '6:3', message: 'a second default' },
  // ---- solve options ----
  { name: 'an unknown solve option', text: `solve { sigmaa 3; }\n${circ('y = a;')}`, where: '1:9', message: "unknown solve option 'sigmaa'", hint: "did you mean 'sigma'? the options are hidden, sigma, beta" },
  { name: 'beta out of range', text: `solve { beta 2; }\n${circ('y = a;')}`, where: '1:14', message: 'beta 2 is out of range', hint: '0 < β ≤ 1' },
  { name: 'a fractional iteration count', text: `${circ('y = a;\n  solve { iterations 1.5; }')}`, where: '5:22', message: 'iterations 1.5 is out of range', hint: 'an integer ≥ 1' },
  { name: 'a zero hidden width', text: `solve { hidden 4 0; }\n${circ('y = a;')}`, where: '1:18', message: 'hidden layer width 0 is not a positive integer' },
  { name: 'a negative sigma', text: `solve { sigma -1; }\n${circ('y = a;')}`, where: '1:15', message: 'sigma -1 is out of range' },
  { name: 'an option given twice', text: `solve { seed 1; seed 2; }\n${circ('y = a;')}`, where: '1:17', message: "solve option 'seed' is given twice in one block" },
  { name: 'an option with two values', text: `solve { sigma 1 2; }\n${circ('y = a;')}`, where: '1:17', message: 'sigma takes one value, not 2' },
];

describe('malformed specs', () => {
  it('there are at least 25 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)('$name', ({ text, where, message, hint }) => {
    const out = errorText(text, 'e.spec');
    expect(out).toContain(`e.spec:${where}: error: ${message}`);
    // The first diagnostic is the one asserted, and every diagnostic has a hint.
    expect(out.split('\n')[0]).toContain(`e.spec:${where}: error:`);
    expect(out).toMatch(/\nhint: \S/);
    if (hint) expect(out).toContain(hint);
  });
});

describe('diagnostic shape', () => {
  it('shows the line with a caret under the culprit', () => {
    const out = errorText(circ('y = a[7];', 'input a[4];\n  output y;'), 'e.spec');
    expect(out).toBe([
      "e.spec:4:9: error: bit 7 is out of range: 'a' is 4 bits wide",
      '    y = a[7];',
      '          ^',
      "hint: 'a' has bits 3 down to 0",
    ].join('\n'));
  });

  it('conflicting table rows name both lines', () => {
    const text = circ('table a b -> y {\n    0 - -> 0\n    0 1 -> 1\n    1 - -> 1\n  }', 'input a, b;\n  output y;');
    const out = errorText(text, 'e.spec');
    expect(out).toContain('e.spec:6:5: error: conflicting table rows: for a=0 b=1 this row sets y to 1, but the row at line 5 sets it to 0');
    expect(out).toContain('e.spec:5:5: note: the other row, which sets y to 0');
  });

  it('a cascade of syntax errors is cut to the first error of each statement', () => {
    const body = Array.from({ length: 30 }, () => 'y = = ;').join('\n  ');
    const err = (() => { try { compileSpec(circ(body), 'e.spec'); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(UserError);
    const diags = (err as UserError).diagnostics;
    expect(diags.length).toBeGreaterThanOrEqual(2);
    expect(diags.length).toBeLessThanOrEqual(5);
    expect(new Set(diags.map((d) => d.span!.line)).size).toBe(diags.length);
  });

  it('one bad statement gives one error, not one per token', () => {
    const err = (() => { try { compileSpec(circ('y = a + + + * / ) ( ] [ ;'), 'e.spec'); } catch (e) { return e; } })();
    expect((err as UserError).diagnostics).toHaveLength(1);
  });

  it('errors in two statements are both reported', () => {
    const out = errorText(circ('y = a +;\n  y = ;'), 'e.spec');
    expect(out).toContain("e.spec:4:10: error: expected an expression, found ';'");
    expect(out).toContain("e.spec:5:7: error: expected an expression, found ';'");
  });
});

describe('syntax errors in table rows', () => {
  it('each bad row is reported once, with a hint about the row syntax', () => {
    const text = 'circuit m {\n  input a;\n  output y;\n  table a -> y {\n    0 ->\n    1 -> 0 -> 1\n    0 1\n  }\n}\n';
    const out = errorText(text, 'e.spec');
    expect(out).toContain("e.spec:5:9: error: expected a cube of 0, 1 and '-', found the end of the row");
    expect(out).toContain("e.spec:6:12: error: expected '}', found '->'");
    expect(out).toContain("e.spec:7:8: error: expected '->', found the end of the row");
    expect(out).toContain("hint: a table row is input cubes, '->', output cubes");
  });
});
