// The built-in families of `btfc discover` elaborate to the right tables (checked against the shared
// benchmark files where there is one) and reject bad sizes.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { familySource, familySpec } from '../../src/discover/families.js';
import { readTruth } from '../../src/formats/truth.js';
import { UserError } from '../../src/util/diagnostics.js';
import type { TruthTable } from '../../src/ir/truth-table.js';
import { fixture } from '../fixtures.js';

const BENCH = fixture('small_arith');
const truthFile = (name: string) => readTruth(readFileSync(`${BENCH}/${name}.truth`, 'utf8'), `${name}.truth`).table;

function sameTable(a: TruthTable, b: TruthTable): void {
  expect(a.numInputs).toBe(b.numInputs);
  expect(a.numOutputs).toBe(b.numOutputs);
  expect(Array.from(a.care)).toEqual(Array.from(b.care));
  expect(Array.from(a.values)).toEqual(Array.from(b.values));
}

function expectTable(t: TruthTable, f: (m: number) => number): void {
  for (let m = 0; m < t.numRows; m++) {
    const v = f(m);
    for (let k = 0; k < t.numOutputs; k++) expect(t.get(k, m)).toBe((v >>> k) & 1);
  }
}

describe('discover families', () => {
  it('mul --bits 2 and 3 are the benchmark multipliers (a[N], b[N] → p[2N])', () => {
    sameTable(familySpec('mul', 2).table, truthFile('mul2x2'));
    sameTable(familySpec('mul', 3).table, truthFile('mul3x3'));
    const s = familySpec('mul', 3);
    expect(s.name).toBe('mul3');
    expect(s.inputs.map((p) => [p.name, p.width])).toEqual([['a', 3], ['b', 3]]);
    expect(s.outputs.map((p) => [p.name, p.width])).toEqual([['p', 6]]);
  });

  it('maj --inputs 5 and 7 are the benchmark majorities (x[N] → y)', () => {
    sameTable(familySpec('maj', 5).table, truthFile('maj5'));
    sameTable(familySpec('maj', 7).table, truthFile('maj7'));
  });

  it('add --bits 4 is a[4] + b[4] → s[5]', () => {
    const s = familySpec('add', 4);
    expect(s.outputs.map((p) => [p.name, p.width])).toEqual([['s', 5]]);
    expectTable(s.table, (m) => (m & 15) + (m >>> 4));
  });

  it('parity --inputs 8 is the XOR of the bits', () => {
    const s = familySpec('parity', 8);
    expectTable(s.table, (m) => { let p = 0; for (let j = 0; j < 8; j++) p ^= (m >>> j) & 1; return p; });
  });

  it('a missing or out-of-range size is a user error', () => {
    expect(() => familySource('mul', undefined)).toThrow(UserError);
    expect(() => familySource('mul', 0)).toThrow(/--bits 0 is out of range/);
    expect(() => familySource('mul', 13)).toThrow(/out of range/);
    expect(() => familySource('maj', 2.5)).toThrow(/--inputs 2.5/);
  });
});
