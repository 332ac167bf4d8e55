// The Netlist representation and its bit-parallel simulator, checked against tables built row by row.
import { describe, expect, it } from 'vitest';
import { addGate, countGates, emptyNetlist, gateDepth, inputLit, notLit, LIT_TRUE } from '../../src/ir/netlist.js';
import { checkAgainstTable, simulate } from '../../src/gates/simulate.js';
import { TruthTable } from '../../src/ir/truth-table.js';

const scalar = (name: string) => ({ name, width: 1, bus: false });

describe('simulate', () => {
  it('computes AND, OR, MAJ and complemented edges on every row, 7 inputs (several words)', () => {
    const ins = Array.from({ length: 7 }, (_, j) => scalar(`x${j}`));
    const nl = emptyNetlist('t', ins, [scalar('a'), scalar('o'), scalar('m'), scalar('n')]);
    const a = addGate(nl, { kind: 'and', ins: [inputLit(0), inputLit(6, true)] });
    const o = addGate(nl, { kind: 'or', ins: [inputLit(5), notLit(a)] });
    const m = addGate(nl, { kind: 'maj', ins: [inputLit(1), inputLit(4), o] });
    nl.outputs = [a, o, m, notLit(m)];
    const cols = simulate(nl);
    const W = 4;
    for (let r = 0; r < 128; r++) {
      const x = (j: number) => (r >> j) & 1;
      const va = x(0) & (1 - x(6));
      const vo = x(5) | (1 - va);
      const vm = x(1) + x(4) + vo >= 2 ? 1 : 0;
      const got = (k: number) => (cols[k * W + (r >> 5)]! >>> (r & 31)) & 1;
      expect([got(0), got(1), got(2), got(3)], `row ${r}`).toEqual([va, vo, vm, 1 - vm]);
    }
  });

  it('reports the first mismatch on the care set and ignores don\'t-cares', () => {
    const nl = emptyNetlist('t', [scalar('a'), scalar('b')], [scalar('y')]);
    nl.outputs = [addGate(nl, { kind: 'and', ins: [inputLit(0), inputLit(1)] })];
    const t = new TruthTable(2, 1);
    t.set(0, 0, 0); t.set(0, 1, 0); t.set(0, 2, 0); t.set(0, 3, 1);
    expect(checkAgainstTable(nl, t)).toEqual({ ok: true });
    t.set(0, 2, 1); // now an OR on row 2
    expect(checkAgainstTable(nl, t)).toEqual({ ok: false, row: 2, output: 0, expected: 1, actual: 0 });
    t.set(0, 2, '-');
    expect(checkAgainstTable(nl, t)).toEqual({ ok: true });
  });

  it('handles a 0-input table and constant outputs', () => {
    const nl = emptyNetlist('c', [], [scalar('one')]);
    nl.outputs = [LIT_TRUE];
    const t = new TruthTable(0, 1);
    t.set(0, 0, 1);
    expect(checkAgainstTable(nl, t).ok).toBe(true);
  });
});

describe('countGates', () => {
  it('counts live gates by kind and one NOT per node used complemented', () => {
    const nl = emptyNetlist('t', [scalar('a'), scalar('b'), scalar('c')], [scalar('y'), scalar('z')]);
    const g = addGate(nl, { kind: 'and', ins: [inputLit(0, true), inputLit(1, true)] });
    addGate(nl, { kind: 'or', ins: [inputLit(0), inputLit(1)] }); // dead
    const m = addGate(nl, { kind: 'maj', ins: [g, inputLit(2), inputLit(0, true)] });
    nl.outputs = [notLit(m), notLit(g)];
    expect(countGates(nl)).toEqual({ and: 1, or: 0, maj: 1, not: 4, total: 6 });
    expect(gateDepth(nl)).toBe(2);
  });
});
