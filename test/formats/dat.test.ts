import { describe, expect, it } from 'vitest';
import { readDat } from '../../src/formats/dat.js';
import { readTruth } from '../../src/formats/truth.js';
import { diagnosticOf, readBench } from './helpers.js';

describe('readDat on the reference data', () => {
  it.each([['2x2', 'mul2x2'], ['3x3', 'mul3x3']])(
    '%s.dat (MSB-first columns) is the same function as small_arith %s.truth', (dat, truth) => {
      const spec = readDat(readBench(`boolearn/${dat}.dat`), `${dat}.dat`);
      const ref = readTruth(readBench(`small_arith/${truth}.truth`), `${truth}.truth`);
      expect(spec.name).toBe(`_${dat}`);
      expect(spec.inputs).toEqual(ref.inputs);
      expect(spec.outputs).toEqual(ref.outputs);
      expect(spec.table.isComplete()).toBe(true);
      expect(spec.table.equals(ref.table)).toBe(true);
    });

  it('reads the 2x2 column order as x[3:0] = {a, b}, y = a·b', () => {
    const spec = readDat(readBench('boolearn/2x2.dat'), '2x2.dat');
    // The first item is `1 0 0 1` → `0 0 1 0`: a = 2, b = 1, p = 2; x = 0b1001 = 9.
    expect([0, 1, 2, 3].map((k) => spec.table.value(k, 9))).toEqual([0, 1, 0, 0]);
  });

  it('auto16.dat: 16 items on 16 inputs, the rest don\'t-cares', () => {
    const spec = readDat(readBench('boolearn/auto16.dat'), 'auto16.dat');
    expect(spec.table.numInputs).toBe(16);
    expect(spec.table.numOutputs).toBe(16);
    const rows = spec.table.careRows();
    expect(rows.length).toBe(16);
    // An autoencoder: every item's output equals its input.
    for (const m of rows) for (let k = 0; k < 16; k++) expect(spec.table.value(k, m)).toBe((m >>> k) & 1);
  });

  it('allows an item listed twice with the same output; unlisted rows are don\'t-cares', () => {
    const spec = readDat('2\n2 2\n2 1\n1 0\n1\n1 0\n1\n', 'd.dat');
    expect([0, 1, 2, 3].map((m) => spec.table.get(0, m))).toEqual(['-', '-', 1, '-']);
  });
});

describe('.dat errors name file, line and column', () => {
  const err = (text: string) => diagnosticOf(() => readDat(text, 'bad.dat'), 'bad.dat', text);
  it('a non-Boolean input type', () => {
    expect(err('1\n1 2\n2 1\n0.5 1\n1\n')).toBe([
      'bad.dat:2:1: error: input type 1: only type 2 (Boolean 0/1 data) is a truth table',
      '  1 2',
      '  ^',
      'hint: btfc compiles Boolean functions; convert the data to 0/1 values and type 2',
    ].join('\n'));
    expect(err('1\n2 2\n3 1\n0 1\n1\n').split('\n')[0]).toBe('bad.dat:3:1: error: output type 3: only type 2 (Boolean 0/1 data) is a truth table');
  });
  it('the same input twice with different outputs, with a note at the first', () => {
    const text = '3\n2 2\n2 1\n\n1 0\n1\n\n0 0\n0\n\n1 0\n0\n';
    expect(err(text)).toBe([
      'bad.dat:12:1: error: item 3 repeats the input of the item on line 5 with a different output',
      '  0',
      '  ^',
      'bad.dat:5:1: note: the earlier item with this input',
      '  1 0',
      '  ^',
      'hint: a function has one output per input: remove or correct one of the two items',
    ].join('\n'));
  });
  it('a value other than 0 or 1', () => {
    expect(err('1\n2 2\n2 1\n1 2\n0\n').split('\n')[0]).toBe('bad.dat:4:3: error: expected 0 or 1 (input 2 of item 1), not `2`');
  });
  it('fewer items than declared, or more', () => {
    expect(err('2\n2 2\n2 1\n1 0\n1\n').split('\n')[0]).toBe('bad.dat:5:2: error: the file ends where input 1 of item 2 should be');
    expect(err('1\n2 2\n2 1\n1 0\n1\n0 0\n0\n').split('\n')[0]).toBe('bad.dat:6:1: error: more data than the 1 items line 1 declares');
  });
  it('more than 24 inputs', () => {
    expect(err('0\n2 25\n2 1\n').split('\n')[0]).toBe("bad.dat:2:3: error: 25 inputs is more than btfc's limit of 24 (a full table has 2^25 rows)");
  });
});
