// Simplification passes: each rule does what its summary says, and no pass ever changes the function on
// the care set (checked after every pass, on real extracted nets and on random netlists with random
// don't-cares).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solvedRef } from './helpers.js';
import { extract } from '../../src/gates/extract.js';
import { PASSES, simplify } from '../../src/gates/simplify.js';
import { addGate, countGates, emptyNetlist, inputLit, LIT_FALSE, LIT_TRUE, notLit, type Gate, type Netlist } from '../../src/ir/netlist.js';
import { checkAgainstTable, simulate } from '../../src/gates/simulate.js';
import { TruthTable } from '../../src/ir/truth-table.js';
import { majConst } from '../../src/gates/passes/maj-const.js';
import { majEqual } from '../../src/gates/passes/maj-equal.js';
import { strash } from '../../src/gates/passes/strash.js';
import { deadGates } from '../../src/gates/passes/dead-gates.js';
import { inverters } from '../../src/gates/passes/inverters.js';
import { constProp } from '../../src/gates/passes/const-prop.js';
import { dcReplace } from '../../src/gates/passes/dc-replace.js';

const scalar = (name: string) => ({ name, width: 1, bus: false });
const ports = (p: string, n: number) => Array.from({ length: n }, (_, i) => scalar(`${p}${i}`));

/** The table a netlist computes, every bit cared about (or only those in `care`). */
function tableOf(nl: Netlist, careBits?: (k: number, m: number) => boolean): TruthTable {
  const cols = simulate(nl);
  const t = new TruthTable(nl.numInputs, nl.outputs.length);
  for (let k = 0; k < t.numOutputs; k++) {
    for (let m = 0; m < t.numRows; m++) {
      if (careBits && !careBits(k, m)) continue;
      t.set(k, m, ((cols[k * t.numWords + (m >>> 5)]! >>> (m & 31)) & 1) as 0 | 1);
    }
  }
  return t;
}

describe('passes', () => {
  it('are listed once each with a name and a one-line summary', () => {
    for (const p of PASSES) {
      expect(p.name).toMatch(/^[a-z-]+$/);
      expect(p.summary.length).toBeGreaterThan(10);
      expect(p.summary).not.toContain('\n');
    }
  });

  it('maj-const turns MAJ with a constant into AND / OR', () => {
    const nl = emptyNetlist('t', ports('x', 2), ports('y', 2));
    nl.outputs = [
      addGate(nl, { kind: 'maj', ins: [inputLit(0), LIT_FALSE, inputLit(1)] }),
      addGate(nl, { kind: 'maj', ins: [LIT_TRUE, inputLit(0), inputLit(1, true)] }),
    ];
    const t = tableOf(nl);
    expect(majConst.run(nl, { table: t })).toBe(2);
    expect(nl.nodes.slice(3).map((g) => (g as Gate).kind)).toEqual(['and', 'or']);
    expect(checkAgainstTable(nl, t).ok).toBe(true);
  });

  it('maj-equal reduces MAJ(a,a,b) to a and MAJ(a,~a,b) to b', () => {
    const nl = emptyNetlist('t', ports('x', 2), ports('y', 2));
    nl.outputs = [
      addGate(nl, { kind: 'maj', ins: [inputLit(0), inputLit(1), inputLit(0)] }),
      addGate(nl, { kind: 'maj', ins: [inputLit(0), inputLit(1), inputLit(0, true)] }),
    ];
    const t = tableOf(nl);
    expect(majEqual.run(nl, { table: t })).toBe(2);
    expect(nl.outputs).toEqual([inputLit(0), inputLit(1)]);
  });

  it('const-prop folds AND/OR with constants', () => {
    const nl = emptyNetlist('t', ports('x', 1), ports('y', 2));
    nl.outputs = [addGate(nl, { kind: 'and', ins: [inputLit(0), LIT_TRUE] }), addGate(nl, { kind: 'or', ins: [LIT_TRUE, inputLit(0)] })];
    expect(constProp.run(nl, { table: tableOf(nl) })).toBe(2);
    expect(nl.outputs).toEqual([inputLit(0), LIT_TRUE]);
  });

  it('strash merges AND(a,b), AND(b,a) and ~OR(~a,~b) into one node', () => {
    const nl = emptyNetlist('t', ports('x', 2), ports('y', 3));
    const g1 = addGate(nl, { kind: 'and', ins: [inputLit(0), inputLit(1)] });
    const g2 = addGate(nl, { kind: 'and', ins: [inputLit(1), inputLit(0)] });
    const g3 = addGate(nl, { kind: 'or', ins: [inputLit(0, true), inputLit(1, true)] });
    nl.outputs = [g1, g2, notLit(g3)];
    const t = tableOf(nl);
    expect(strash.run(nl, { table: t })).toBe(2);
    expect(nl.outputs).toEqual([g1, g1, g1]);
    expect(deadGates.run(nl, { table: t })).toBe(2);
    expect(countGates(nl).total).toBe(1);
  });

  it('inverters flips AND(~a,~b) used complemented into OR(a,b)', () => {
    const nl = emptyNetlist('t', ports('x', 2), ports('y', 1));
    nl.outputs = [notLit(addGate(nl, { kind: 'and', ins: [inputLit(0, true), inputLit(1, true)] }))];
    const t = tableOf(nl);
    expect(countGates(nl).not).toBe(3);
    expect(inverters.run(nl, { table: t })).toBe(1);
    expect(countGates(nl)).toEqual({ and: 0, or: 1, maj: 0, not: 0, total: 1 });
    expect(checkAgainstTable(nl, t).ok).toBe(true);
  });

  it('dc-replace uses don\'t-cares: AND(a,b) where a=b=1 never matters becomes a constant or a literal', () => {
    const nl = emptyNetlist('t', ports('x', 2), ports('y', 1));
    nl.outputs = [addGate(nl, { kind: 'and', ins: [inputLit(0), inputLit(1)] })];
    const t = new TruthTable(2, 1);
    t.set(0, 0, 0); t.set(0, 1, 0); t.set(0, 2, 0); // row 3 (a=b=1) a don't-care
    expect(dcReplace.run(nl, { table: t })).toBe(1);
    expect(nl.outputs[0]).toBe(LIT_FALSE);
  });
});

describe('simplify', () => {
  for (const name of ['2x2', '3x3'] as const) {
    it(`keeps the extracted ${name} multiplier correct after every pass and does not grow it`, () => {
      const r = solvedRef(name);
      const { netlist } = extract(r.net, r.weights, r.table, { name: r.name, inputs: r.inputs, outputs: r.outputs });
      const { netlist: out, stats } = simplify(netlist, r.table, { checkEachPass: true });
      expect(checkAgainstTable(out, r.table)).toEqual({ ok: true });
      const gates = (c: typeof stats.after) => c.and + c.or + c.maj;
      expect(gates(stats.after)).toBeLessThanOrEqual(gates(stats.before));
      expect(stats.after.total).toBeLessThan(stats.before.total);
    });
  }

  it('never changes the function on the care set of random netlists with random don\'t-cares', () => {
    const arb = fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(
      fc.constant(n),
      fc.array(fc.tuple(fc.constantFrom('and', 'or', 'maj'), fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 25 }),
      fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      fc.integer(),
      fc.integer({ min: 0, max: 3 }),
    ));
    fc.assert(fc.property(arb, ([n, gates, outs, careSeed, careDensity]) => {
      const nl = emptyNetlist('r', ports('x', n), ports('y', outs.length));
      for (const [kind, a, b, c] of gates) {
        const pick = (v: number) => v % (2 * nl.nodes.length);
        const g: Gate = kind === 'maj' ? { kind, ins: [pick(a), pick(b), pick(c)] } : { kind: kind as 'and' | 'or', ins: [pick(a), pick(b)] };
        addGate(nl, g);
      }
      nl.outputs = outs.map((o) => o % (2 * nl.nodes.length));
      let h = careSeed | 0;
      const t = tableOf(nl, () => { h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) + 0x9e3779b9 | 0; return (h >>> 28) % 4 >= careDensity; });
      const { netlist: out } = simplify(nl, t, { checkEachPass: true });
      expect(checkAgainstTable(out, t).ok).toBe(true);
    }), { numRuns: 300, seed: 11 });
  });
});
