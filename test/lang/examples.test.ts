// The example specs elaborate to the functions their comments promise; the arithmetic ones match the
// benchmark .truth files bit for bit.

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileExample, exampleText, outputValue, readTruthFile, truthLines } from './helpers.js';
import { fixture } from '../fixtures.js';

const BENCH = fixture('small_arith');

describe('examples match the benchmark tables', () => {
  it.each([
    ['mul2.spec', 'mul2x2'],
    ['mul3.spec', 'mul3x3'],
    ['mul4.spec', 'mul4x4'],
    ['maj3.spec', 'maj3'],
    ['maj5.spec', 'maj5'],
    ['maj5_table.spec', 'maj5'],
    ['full_adder.spec', 'full_adder'],
  ])('%s equals %s.truth', (spec, bench) => {
    const s = compileExample(spec);
    expect(truthLines(s)).toEqual(readTruthFile(`${BENCH}/${bench}.truth`));
    expect(s.table.isComplete()).toBe(true);
  });
});

describe('every example', () => {
  const files = readdirSync(new URL('../../examples/', import.meta.url)).filter((f) => f.endsWith('.spec'));

  it('there are the promised examples', () => {
    for (const name of ['mul2', 'mul3', 'mul4', 'full_adder', 'adder4', 'maj3', 'maj5', 'cmp4', 'dec3to8', 'sevenseg', 'parity8', 'popcount4', 'partial']) {
      expect(files).toContain(`${name}.spec`);
    }
  });

  it.each(files)('%s starts with a comment saying what it shows and compiles', (f) => {
    expect(exampleText(f)).toMatch(new RegExp(`^// ${f.replace('.', '\\.')}: \\S`));
    const s = compileExample(f);
    expect(s.outputs.length).toBeGreaterThan(0);
  });
});

describe('example semantics', () => {
  it('mul2 carries its solve block', () => {
    expect(compileExample('mul2.spec').solve).toEqual({ hidden: [4, 4] });
  });

  it('adder4: {cout, s} is the exact 5-bit sum, inputs a[0..3], b[0..3], cin as x0..x8', () => {
    const s = compileExample('adder4.spec');
    expect(s.inputs.map((p) => [p.name, p.width])).toEqual([['a', 4], ['b', 4], ['cin', 1]]);
    for (let m = 0; m < 512; m++) {
      const a = m & 15, b = (m >> 4) & 15, cin = (m >> 8) & 1;
      expect(outputValue(s, 0, m)).toBe((a + b + cin) & 15);
      expect(outputValue(s, 1, m)).toBe((a + b + cin) >> 4);
    }
  });

  it('cmp4: lt and eq', () => {
    const s = compileExample('cmp4.spec');
    for (let m = 0; m < 256; m++) {
      const a = m & 15, b = m >> 4;
      expect(outputValue(s, 0, m)).toBe(a < b ? 1 : 0);
      expect(outputValue(s, 1, m)).toBe(a === b ? 1 : 0);
    }
  });

  it('dec3to8 is one-hot', () => {
    const s = compileExample('dec3to8.spec');
    for (let m = 0; m < 8; m++) expect(outputValue(s, 0, m)).toBe(1 << m);
  });

  it('sevenseg: digits 0..9 as listed, 10..15 all don\'t-care', () => {
    const s = compileExample('sevenseg.spec');
    expect(outputValue(s, 0, 0)).toBe(0b0111111);
    expect(outputValue(s, 0, 1)).toBe(0b0000110);
    expect(outputValue(s, 0, 8)).toBe(0b1111111);
    for (let m = 10; m < 16; m++) for (let k = 0; k < 7; k++) expect(s.table.get(k, m)).toBe('-');
    expect(s.table.careCount()).toBe(70);
  });

  it('parity8 and popcount4', () => {
    const p = compileExample('parity8.spec');
    const c = compileExample('popcount4.spec');
    const ones = (m: number): number => m.toString(2).split('').filter((x) => x === '1').length;
    for (let m = 0; m < 256; m++) expect(outputValue(p, 0, m)).toBe(ones(m) & 1);
    for (let m = 0; m < 16; m++) expect(outputValue(c, 0, m)).toBe(ones(m));
  });

  it('partial: only the four one-hot rows are cared about', () => {
    const s = compileExample('partial.spec');
    expect(s.table.careRows()).toEqual(Uint32Array.from([1, 2, 4, 8]));
    expect([1, 2, 4, 8].map((m) => outputValue(s, 0, m))).toEqual([0, 1, 2, 3]);
  });

  it('divmod3: quotient and remainder, b = 0 rows are don\'t-cares', () => {
    const s = compileExample('divmod3.spec');
    for (let m = 0; m < 64; m++) {
      const a = m & 7, b = m >> 3;
      expect(outputValue(s, 0, m)).toBe(b === 0 ? '-' : Math.floor(a / b));
      expect(outputValue(s, 1, m)).toBe(b === 0 ? '-' : a % b);
    }
  });
});
