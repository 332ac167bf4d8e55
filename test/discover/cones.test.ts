// The per-output grain (discover/cones.ts): output supports on the care set, the groups and their tables
// on real benchmark data, and the merged circuit — all RRR, and with the floor standing in for a group RRR
// did not solve — checked on every care row of the whole function.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { TruthTable } from '../../src/ir/truth-table.js';
import { readPla } from '../../src/formats/pla.js';
import { coneGroups, conesCircuit, discoverCones, groupTable, outputSupport, wantsCones, type ConesSearch } from '../../src/discover/cones.js';
import { discover } from '../../src/discover/search.js';
import { circuitStrategy } from '../../src/discover/circuits.js';
import { familySpec } from '../../src/discover/families.js';
import { checkAgainstTable } from '../../src/gates/simulate.js';
import { coversNetlist } from '../../src/gates/isop.js';
import { finishNetlist } from '../../src/gates/synthesize.js';
import { mergeOutputs } from '../../src/gates/compose.js';
import { emptyNetlist, inputLit } from '../../src/ir/netlist.js';
import type { DiscoverParams } from '../../src/discover/types.js';
import type { FloorCircuit } from '../../src/verify/floor.js';

const pla = (name: string) => readPla(readFileSync(new URL(`../fixtures/gbfs/pla/${name}.pla`, import.meta.url), 'utf8'), `${name}.pla`);
const params: DiscoverParams = { seed: 1, workers: 2, timeoutMs: 20_000, patience: 4, prove: false, inline: true, floor: false, windows: false };

describe('output supports', () => {
  it('drops inputs by projection, so two don\'t-cares cannot hide a conflict', () => {
    // f(00) = 0, f(11) = 1, 01 and 10 free: pairwise, neither input matters; together they do.
    const t = new TruthTable(2, 1);
    t.set(0, 0, 0);
    t.set(0, 3, 1);
    t.set(0, 1, '-');
    t.set(0, 2, '-');
    expect(outputSupport(t, 0)).toEqual([1]);
  });

  it('finds each output\'s inputs on a GBFS table (add_sub3: O[0] = A[0] ⊕ B[0], O[1] without A[2], B[2])', () => {
    const t = pla('add_sub3').table;
    expect(coneGroups(t)).toEqual([
      { outputs: [0], support: [0, 3] },
      { outputs: [1], support: [0, 1, 3, 4, 6] },
      { outputs: [2, 3], support: [0, 1, 2, 3, 4, 5, 6] },
    ]);
  });

  it('gives each group a table that agrees with the whole one on every care row (alu4, with a constant output)', () => {
    const t = pla('alu4').table;
    const groups = coneGroups(t);
    expect(groups.some((g) => g.support.length === 0)).toBe(true);
    for (const g of groups) {
      const gt = groupTable(t, g.outputs, g.support);
      for (let m = 0; m < t.numRows; m++) {
        let p = 0;
        g.support.forEach((x, j) => { p |= ((m >>> x) & 1) << j; });
        g.outputs.forEach((k, i) => { if (t.isCare(k, m)) expect(gt.get(i, p)).toBe(t.value(k, m)); });
      }
    }
  });

  it('runs by default from 8 inputs with several outputs; --cones and --no-cones override', () => {
    const alu4 = { ...familySpec('add', 2), table: pla('alu4').table };
    const add2 = familySpec('add', 2);
    expect(wantsCones(alu4, {})).toBe(true);
    expect(wantsCones({ ...add2, table: pla('mul4').table }, {})).toBe(true); // 8 inputs: the 4×4 multiplier
    expect(wantsCones({ ...add2, table: pla('add3').table }, {})).toBe(false); // 7 inputs: solved whole
    expect(wantsCones(add2, {})).toBe(false);
    expect(wantsCones(add2, { cones: true })).toBe(true);
    expect(wantsCones(alu4, { cones: false })).toBe(false);
    expect(wantsCones(familySpec('parity', 10), { cones: true })).toBe(false);
  });
});

describe('merged circuits', () => {
  const add2 = familySpec('add', 2);

  it('solves a 2-bit adder\'s output groups on their own supports and merges them into a correct circuit', async () => {
    const s = (await discoverCones(add2, params, {}, performance.now() + 20_000, discover))!;
    expect(s.groups.map((g) => g.support)).toEqual([[0, 2], [0, 1, 2, 3]]);
    expect(s.groups.every((g) => g.circuit)).toBe(true);
    expect(s.rows.some((r) => r.block === 'o0')).toBe(true);
    const c = conesCircuit(add2, s, undefined, { seed: 1, effort: 200 })!;
    expect(c.fromFloor).toEqual([]);
    expect(circuitStrategy(c, ['a[0]', 'a[1]', 'b[0]', 'b[1]'])).toMatch(/^rrr: per output \(s\[0\]: .*σ\d+; s\[1\], s\[2\]: /);
    expect(checkAgainstTable(c.synthesis.netlist, add2.table).ok).toBe(true);
  }, 60_000);

  it('takes the outputs of a group RRR did not solve from the floor; without a floor there is no circuit', async () => {
    const s = (await discoverCones(add2, params, {}, performance.now() + 20_000, discover))!;
    const half: ConesSearch = { ...s, groups: s.groups.map((g, i) => (i === 1 ? { outputs: g.outputs, support: g.support } : g)) };
    expect(conesCircuit(add2, half, undefined, { seed: 1, effort: 200 })).toBeUndefined();
    const covers = coversNetlist(add2.table, add2.name, add2.inputs, add2.outputs);
    const floor: FloorCircuit = { strategy: 'covers', synthesis: finishNetlist(add2, covers, { btfNodes: 0, forms: { const: 0, copy: 0, and: 0, or: 0, maj: 0, wide: 0 }, wide: [], gates: { and: 0, or: 0, maj: 0, not: 0, total: 0 }, timeMs: 0 }) };
    const c = conesCircuit(add2, half, floor, { seed: 1, effort: 200 })!;
    expect(c.fromFloor).toEqual([1, 2]);
    expect(c.architecture).toMatch(/s\[1\], s\[2\]: covers$/);
    expect(checkAgainstTable(c.synthesis.netlist, add2.table).ok).toBe(true);
  }, 60_000);

  it('competes in discover: the merged circuit is among the circuits found, correct on every row', async () => {
    const r = await discover(add2, { ...params, cones: true, timeoutMs: 15_000 });
    const c = r.circuits.find((x) => x.kind === 'cones');
    expect(c).toBeDefined();
    expect(checkAgainstTable(c!.synthesis.netlist, add2.table).ok).toBe(true);
  }, 60_000);

  it('refuses two parts driving one output and an output driven by none', () => {
    const a = emptyNetlist('a', [{ name: 'x', width: 1, bus: false }], [{ name: 'y', width: 1, bus: false }]);
    a.outputs = [inputLit(0)];
    const ports = { inputs: [{ name: 'x', width: 1, bus: false }], outputs: [{ name: 'y', width: 2, bus: true }] };
    expect(() => mergeOutputs('m', ports.inputs, ports.outputs, [{ netlist: a, inputs: [0], outputs: [0] }, { netlist: a, inputs: [0], outputs: [0] }])).toThrow(/two parts/);
    expect(() => mergeOutputs('m', ports.inputs, ports.outputs, [{ netlist: a, inputs: [0], outputs: [0] }])).toThrow(/no part/);
  });
});
