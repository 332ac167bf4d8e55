import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readTruth, writeTruth } from '../../src/formats/truth.js';
import { readPla } from '../../src/formats/pla.js';
import { diagnosticOf, readBench, tableOf } from './helpers.js';

const SMALL = ['mul2x2', 'mul3x3', 'mul4x4', 'full_adder', 'maj3', 'maj5', 'maj7', 'maj9'];

describe('readTruth', () => {
  it('reads mul2x2.truth: first character is f(1111), ports x[3:0] and y[3:0]', () => {
    const spec = readTruth(readBench('small_arith/mul2x2.truth'), 'mul2x2.truth');
    expect(spec.name).toBe('mul2x2');
    expect(spec.inputs).toEqual([{ name: 'x', width: 4, bus: true }]);
    expect(spec.outputs).toEqual([{ name: 'y', width: 4, bus: true }]);
    expect(spec.table.isComplete()).toBe(true);
    // x = 0b1111: a = 3, b = 3, p = 9 = 1001.
    expect([0, 1, 2, 3].map((k) => spec.table.value(k, 15))).toEqual([1, 0, 0, 1]);
    // x = 0b0111: a = 3 (x0, x1), b = 1 (x2), p = 3.
    expect([0, 1, 2, 3].map((k) => spec.table.value(k, 7))).toEqual([1, 1, 0, 0]);
  });

  it.each(SMALL)('%s.truth equals %s.pla and writes back byte for byte', (name) => {
    const text = readBench(`small_arith/${name}.truth`);
    const spec = readTruth(text, `${name}.truth`);
    expect(spec.table.equals(readPla(readBench(`small_arith/${name}.pla`), `${name}.pla`).table)).toBe(true);
    expect(writeTruth(spec.table)).toBe(text);
  });

  it('accepts CRLF, surrounding blanks and a constant (n = 0)', () => {
    const s = readTruth('  1000\r\n0110  \r\n\r\n', 't.truth');
    expect(s.table.numInputs).toBe(2);
    expect([0, 1, 2, 3].map((m) => s.table.value(0, m))).toEqual([0, 0, 0, 1]);
    expect([0, 1, 2, 3].map((m) => s.table.value(1, m))).toEqual([0, 1, 1, 0]);
    const c = readTruth('1\n0\n', 'c.truth');
    expect(c.inputs).toEqual([]);
    expect([c.table.value(0, 0), c.table.value(1, 0)]).toEqual([1, 0]);
  });
});

describe('.truth errors name file, line and column', () => {
  const err = (text: string) => diagnosticOf(() => readTruth(text, 'bad.truth'), 'bad.truth', text);
  it('a length that is not a power of two', () => {
    expect(err('101\n')).toBe([
      'bad.truth:1:1: error: a .truth line has 2^n characters for n inputs, but this one has 3',
      '  101',
      '  ^^^',
      'hint: check the line for a missing or extra digit (the nearest lengths are 2 and 4)',
    ].join('\n'));
  });
  it('lines of different lengths', () => {
    expect(err('1010\n10100000\n').split('\n')[0]).toBe('bad.truth:2:1: error: this line has 8 characters, but line 1 has 4');
  });
  it('a character other than 0 or 1', () => {
    expect(err('1010\n10-0\n').split('\n').slice(0, 3)).toEqual([
      'bad.truth:2:3: error: unexpected `-` in a .truth line', '  10-0', '    ^']);
  });
  it('no lines at all', () => {
    expect(err('\n\n')).toContain('error: no truth table lines');
  });
});

describe('writeTruth', () => {
  it('writes don\'t-cares as 0 and ends every line with a newline', () => {
    const t = tableOf(2, 2, (m, k) => (k === 0 ? (m === 3 ? 1 : '-') : m === 0 ? 1 : 0));
    expect(writeTruth(t)).toBe('1000\n0001\n');
  });

  it('round-trips random complete tables up to 8 inputs (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 4 }), fc.integer(), (ni, no, seed) => {
      let s = seed >>> 0 || 1;
      const rnd = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s & 1; };
      const t = tableOf(ni, no, () => rnd() as 0 | 1);
      const back = readTruth(writeTruth(t), 't.truth').table;
      expect(back.equals(t)).toBe(true);
    }), { numRuns: 200 });
  });

  it('a table with don\'t-cares reads back with them set to 0', () => {
    const t = tableOf(3, 1, (m) => (m % 3 === 0 ? '-' : (m & 1) as 0 | 1));
    const back = readTruth(writeTruth(t), 't.truth').table;
    expect(back.isComplete()).toBe(true);
    for (let m = 0; m < 8; m++) expect(back.value(0, m)).toBe(m % 3 === 0 ? 0 : m & 1);
  });
});
