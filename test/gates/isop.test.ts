// Sums of products of a table (gates/isop.ts): every cover lies between the output's care ones and its
// ones-or-don't-cares, and is irredundant (dropping any cube uncovers a care one).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TruthTable } from '../../src/ir/truth-table.js';
import { coverLiterals, coversNetlist, cubeCovers, tableCovers, type Cube } from '../../src/gates/isop.js';
import { checkAgainstTable } from '../../src/gates/simulate.js';
import { countGates } from '../../src/ir/netlist.js';
import { readPla } from '../../src/formats/pla.js';
import { readFileSync } from 'node:fs';

const covered = (cubes: readonly Cube[], m: number) => cubes.some((c) => cubeCovers(c, m));

function checkCovers(t: TruthTable): void {
  const covers = tableCovers(t);
  expect(covers).toHaveLength(t.numOutputs);
  covers.forEach((cubes, k) => {
    for (let m = 0; m < t.numRows; m++) {
      const v = t.get(k, m);
      if (v === 1) expect(covered(cubes, m), `output ${k} row ${m} is a care 1`).toBe(true);
      if (v === 0) expect(covered(cubes, m), `output ${k} row ${m} is a care 0`).toBe(false);
    }
    for (const c of cubes) expect(c.pos & c.neg).toBe(0);
    // Irredundant: every cube covers a care one that no other cube covers.
    cubes.forEach((c, i) => {
      const others = cubes.filter((_, j) => j !== i);
      let needed = false;
      for (let m = 0; m < t.numRows && !needed; m++) if (t.get(k, m) === 1 && cubeCovers(c, m) && !covered(others, m)) needed = true;
      expect(needed, `cube ${i} of output ${k} is redundant`).toBe(true);
    });
  });
}

const table = fc.integer({ min: 0, max: 8 }).chain((n) => fc.record({
  n: fc.constant(n),
  o: fc.integer({ min: 1, max: 3 }),
  rows: fc.array(fc.constantFrom<0 | 1 | '-'>(0, 1, 1, 0, '-'), { minLength: 3 * 2 ** n, maxLength: 3 * 2 ** n }),
}));

describe('ISOP covers', () => {
  it('lie within the care set and are irredundant on random tables of 0–8 inputs', () => {
    fc.assert(fc.property(table, ({ n, o, rows }) => {
      const t = new TruthTable(n, o);
      for (let k = 0; k < o; k++) for (let m = 0; m < t.numRows; m++) t.set(k, m, rows[k * t.numRows + m]!);
      checkCovers(t);
    }), { numRuns: 200, seed: 11 });
  });

  it('covers a real benchmark: the GBFS 4-bit ALU, with a cover no larger than its PLA', () => {
    const text = readFileSync('test/fixtures/gbfs/pla/alu4.pla', 'utf8');
    const spec = readPla(text, 'alu4.pla');
    checkCovers(spec.table);
    const cubes = tableCovers(spec.table).reduce((s, c) => s + c.length, 0);
    const plaTerms = text.split('\n').filter((l) => /^[01-]+\s+[01-]+$/.test(l.trim())).length;
    expect(cubes).toBeLessThanOrEqual(plaTerms);
    expect(coverLiterals(tableCovers(spec.table)[0]!)).toBeGreaterThan(0);
  });

  it('as a netlist compute the table on every care row (random tables, and the 7-input GBFS adder)', () => {
    const port = (name: string, width: number) => ({ name, width, bus: true });
    fc.assert(fc.property(table, ({ n, o, rows }) => {
      const t = new TruthTable(n, o);
      for (let k = 0; k < o; k++) for (let m = 0; m < t.numRows; m++) t.set(k, m, rows[k * t.numRows + m]!);
      expect(checkAgainstTable(coversNetlist(t, 'm', [port('x', n)], [port('y', o)]), t)).toEqual({ ok: true });
    }), { numRuns: 200, seed: 12 });
    const add3 = readPla(readFileSync('test/fixtures/gbfs/pla/add3.pla', 'utf8'), 'add3.pla');
    const nl = coversNetlist(add3.table, add3.name, add3.inputs, add3.outputs);
    expect(checkAgainstTable(nl, add3.table)).toEqual({ ok: true });
    // Shared ANDs: fewer gates than the covers' literals.
    const literals = tableCovers(add3.table).reduce((s, c) => s + coverLiterals(c), 0);
    expect(countGates(nl).total).toBeLessThan(literals);
  });
});
