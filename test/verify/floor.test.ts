// verify/floor.ts and verify/yosys-netlist.ts: the floor's circuits are read back from Yosys's JSON,
// simulated on every care row and kept only when they pass; a broken one is dropped, never written.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compileSpec } from '../../src/lang/compile.js';
import { floorCircuits, readFloorNetlist } from '../../src/verify/floor.js';
import { netlistFromYosysJson } from '../../src/verify/yosys-netlist.js';
import { checkAgainstTable } from '../../src/gates/simulate.js';
import { TruthTable } from '../../src/ir/truth-table.js';
import { notLit } from '../../src/ir/netlist.js';
import { closeYosys } from '../../src/verify/yosys.js';

afterAll(closeYosys);
const spec = compileSpec(readFileSync('examples/full_adder.spec', 'utf8'), 'examples/full_adder.spec');

describe('the floor', () => {
  it('gives a circuit of the full adder that passes simulation, from every strategy', async () => {
    const r = await floorCircuits(spec, { effort: 20, deepsynSeconds: 1 });
    expect(r.tries.map((t) => [t.strategy, t.status])).toEqual([['abc collapse', 'pass'], ['abc -g aig', 'pass'], ['abc &deepsyn', 'pass']]);
    expect(r.best).toBeDefined();
    expect(checkAgainstTable(r.best!.synthesis.netlist, spec.table)).toEqual({ ok: true });
    expect(r.best!.synthesis.aig.andNodes).toBe(Math.min(...r.tries.map((t) => t.aigNodes!)));
  }, 60_000);

  it('drops a circuit that fails simulation (an injected broken netlist)', async () => {
    const r = await floorCircuits(spec, {
      effort: 20, deepsynSeconds: 1,
      readBack: (strategy, json, s) => {
        const nl = readFloorNetlist(strategy, json, s);
        if (strategy === 'abc &deepsyn') nl.outputs[0] = notLit(nl.outputs[0]!);
        return nl;
      },
    });
    expect(r.tries[2]).toMatchObject({ strategy: 'abc &deepsyn', status: 'fails simulation', aigNodes: null });
    expect(r.best?.strategy).not.toBe('abc &deepsyn');
    const broken = await floorCircuits(spec, {
      effort: 20, deepsynSeconds: 1,
      readBack: (strategy, json, s) => {
        const nl = readFloorNetlist(strategy, json, s);
        nl.outputs[1] = notLit(nl.outputs[1]!);
        return nl;
      },
    });
    expect(broken.best).toBeUndefined();
    expect(broken.tries.map((t) => t.status)).toEqual(['fails simulation', 'fails simulation', 'fails simulation', 'fails simulation']); // the covers too: checked like any circuit
  }, 60_000);
});

describe('the floor when Yosys is cut off', () => {
  it('falls back to the covers built without Yosys, which pass simulation', async () => {
    const r = await floorCircuits(spec, { effort: 20, deadline: performance.now() });
    expect(r.tries.map((t) => [t.strategy, t.status])).toEqual([['abc collapse', 'error'], ['abc -g aig', 'error'], ['abc &deepsyn', 'error'], ['covers', 'pass']]);
    expect(r.best?.strategy).toBe('covers');
    expect(checkAgainstTable(r.best!.synthesis.netlist, spec.table)).toEqual({ ok: true });
  }, 60_000);
});

describe('netlistFromYosysJson', () => {
  const port = (direction: string, bits: (number | string)[]) => ({ direction, bits });
  const cell = (type: string, conn: Record<string, (number | string)[]>, LUT?: string) => ({ type, connections: conn, ...(LUT ? { parameters: { LUT } } : {}) });
  const names = { name: 'm', inputs: [{ name: 'x', width: 2, bus: true }], outputs: [{ name: 'y', width: 4, bus: true }], inputPorts: ['x'], outputPorts: ['y'] };

  it('reads $lut cells (most significant bit first), gate cells, XOR and constants, in any cell order', () => {
    const json = JSON.stringify({ modules: { m: {
      ports: { x: port('input', [2, 3]), y: port('output', [10, 11, 12, '1']) },
      cells: {
        c: cell('$_NOT_', { A: [20], Y: [12] }), // listed before the cell driving its input
        a: cell('$lut', { A: [2, 3], Y: [10] }, '0010'), // x0 & ~x1
        b: cell('$_XOR_', { A: [2], B: [3], Y: [11] }),
        d: cell('$lut', { A: [3], Y: [20] }, '01'), // ~x1
      },
    } } });
    const nl = netlistFromYosysJson(json, 'm', names);
    const t = new TruthTable(2, 4);
    for (let m = 0; m < 4; m++) {
      const [x0, x1] = [m & 1, m >> 1];
      [x0 & (1 - x1), x0 ^ x1, x1, 1].forEach((v, k) => t.set(k, m, v as 0 | 1));
    }
    expect(checkAgainstTable(nl, t)).toEqual({ ok: true });
    expect(nl.nodes.length - 3).toBe(4); // one AND node for the $lut, three for the XOR
  });

  it('refuses a combinational loop and a cell it cannot read', () => {
    const loop = JSON.stringify({ modules: { m: {
      ports: { x: port('input', [2, 3]), y: port('output', [10, 11, 12, 13]) },
      cells: { a: cell('$_AND_', { A: [2], B: [11], Y: [10] }), b: cell('$_OR_', { A: [10], B: [3], Y: [11] }) },
    } } });
    expect(() => netlistFromYosysJson(loop, 'm', names)).toThrow(/loop/);
    const mux = JSON.stringify({ modules: { m: {
      ports: { x: port('input', [2, 3]), y: port('output', [10, 10, 10, 10]) },
      cells: { a: cell('$_MUX_', { A: [2], B: [3], S: [2], Y: [10] }) },
    } } });
    expect(() => netlistFromYosysJson(mux, 'm', names)).toThrow(/not a gate of at most two inputs/);
  });
});
