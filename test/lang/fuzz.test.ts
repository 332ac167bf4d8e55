// Robustness: whatever text a user feeds the compiler, it answers with UserError diagnostics (with a
// file and a position where there is one), never another exception, and never hangs.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/util/diagnostics.js';
import { compileSpec } from '../../src/lang/compile.js';

/** Compile; true when it succeeded, and rethrow anything that is not a well-formed UserError. */
function compileOrUserError(text: string): boolean {
  try {
    compileSpec(text, 'fuzz.spec');
    return true;
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    expect(err.diagnostics.length).toBeGreaterThan(0);
    expect(err.diagnostics.length).toBeLessThanOrEqual(5);
    for (const d of err.diagnostics) {
      expect(d.message.length).toBeGreaterThan(0);
      expect(d.hint?.length ?? 0).toBeGreaterThan(0);
      expect(d.file).toBe('fuzz.spec');
      if (d.span) {
        expect(Number.isInteger(d.span.line) && d.span.line >= 1).toBe(true);
        expect(Number.isInteger(d.span.col) && d.span.col >= 1).toBe(true);
      }
    }
    return false;
  }
}

const TOKENS = [
  'circuit', 'm', 'n', 'input', 'output', 'let', 'table', 'default', 'solve', 'a', 'b', 'y', 'p', 't',
  'popcount', 'maj', 'min', 'max', 'hidden', 'sigma', 'beta', 'seed',
  '{', '}', '[', ']', '(', ')', ';', ',', ':', '?', '->', '=', '==', '!=', '<', '<=', '>', '>=', '<<', '>>',
  '+', '-', '*', '/', '%', '&', '|', '^', '~', '!', '&&', '||',
  '0', '1', '2', '3', '4', '7', '10', '0x1f', '0b101', "4'b1010", "2'd7", "8'hff", '0.5', '1e-3', '01-', '--', '1-0',
  '\n', ' ', '//c\n', '/* c */', '@', "'", '"',
];

/** A plausible start so that random tails reach deep into the grammar. */
const PREFIXES = ['', 'circuit m { input a[2], b; output y[2], p; ', 'circuit m { input a, b; output y; table a b -> y {\n'];

describe('random input never crashes the compiler', () => {
  it('random strings give only UserErrors', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: 'binary' }), (s) => { compileOrUserError(s); }),
      { numRuns: 300 },
    );
  });

  it('random strings over the language\'s characters give only UserErrors', () => {
    const chars = fc.constantFrom(...'circuit input output let table default solve {}[]();,:?-<>=!&|^~+*/%01234 abxy\n\''.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 80 }).map((a) => a.join('')), (s) => { compileOrUserError(s); }),
      { numRuns: 300 },
    );
  });

  it('random token sequences give only UserErrors', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PREFIXES),
        fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }),
        (prefix, toks) => { compileOrUserError(prefix + toks.join(' ')); },
      ),
      { numRuns: 300 },
    );
  });

  it('random mutations of a valid spec give only UserErrors or a Spec', () => {
    const valid = 'circuit m {\n  input a[2], b[2], c;\n  output p[4], s;\n  let t = a * b;\n  p = c ? t : a - b;\n  table a b -> s {\n    00 -- -> 1\n  }\n  default 0;\n}\nsolve { hidden 2; sigma 3; }\n';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: valid.length }), fc.integer({ min: 0, max: 4 }), fc.constantFrom(...TOKENS),
        (at, del, ins) => { compileOrUserError(valid.slice(0, at) + ins + valid.slice(at + del)); }),
      { numRuns: 300 },
    );
  });

  it('deep nesting and long operator chains are diagnosed, not a stack overflow', () => {
    const n = 20000;
    for (const body of [`${'('.repeat(n)}a${')'.repeat(n)}`, `${'~'.repeat(n)}a`, `a${' ^ a'.repeat(n)}`, `${'{'.repeat(n)}`]) {
      expect(compileOrUserError(`circuit m { input a; output y; y = ${body}; }`)).toBe(false);
    }
    expect(compileOrUserError(`circuit m { input a; output y; y = ${'('.repeat(98)}a${')'.repeat(98)}; }`)).toBe(true);
    expect(compileOrUserError(`circuit m { input a; output y; y = a${' ^ a'.repeat(999)}; }`)).toBe(true);
  });

  it('the unmutated spec compiles', () => {
    expect(compileOrUserError('circuit m { input a; output y; y = ~a; }')).toBe(true);
  });
});
