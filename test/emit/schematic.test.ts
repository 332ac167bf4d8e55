// Schematic writer: one symbol per gate (the gates of the JSON netlist), one bubble per complemented edge,
// the ports by name, MAJ3 drawn as MAJ3, and the same text every time (also when renders overlap).
import { describe, expect, it } from 'vitest';
import { solvedRef } from '../gates/helpers.js';
import { extract } from '../../src/gates/extract.js';
import { simplify } from '../../src/gates/simplify.js';
import { addGate, emptyNetlist, inputLit, isGate, litNeg, LIT_TRUE, notLit, type Netlist } from '../../src/ir/netlist.js';
import { netlistToJson } from '../../src/emit/json.js';
import { renderSchematic } from '../../src/emit/schematic.js';

function mul(name: '2x2' | '3x3'): Netlist {
  const r = solvedRef(name);
  const { netlist } = extract(r.net, r.weights, r.table, { name: r.name, inputs: r.inputs, outputs: r.outputs });
  return simplify(netlist, r.table).netlist;
}

/** The complemented edges of a netlist: gate fanins and output bits that are complemented non-constants. */
function complementedEdges(nl: Netlist): number {
  let n = 0;
  for (const g of nl.nodes) if (isGate(g)) n += g.ins.filter((l) => l >= 2 && litNeg(l)).length;
  return n + nl.outputs.filter((l) => l >= 2 && litNeg(l)).length;
}

const gateMarks = (svg: string) => [...svg.matchAll(/<g [^>]*data-gate="([^"]+)" data-kind="(and|or|maj)"/g)].map((m) => ({ name: m[1]!, kind: m[2]! }));
const bubbles = (svg: string) => (svg.match(/<circle [^>]*class="bubble /g) ?? []).length;

describe('renderSchematic', () => {
  it('draws the 3x3 multiplier with one symbol per gate of its JSON netlist and one bubble per complemented edge', async () => {
    const nl = mul('3x3');
    const t = performance.now();
    const svg = await renderSchematic(nl);
    const ms = performance.now() - t;
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    const json = netlistToJson(nl);
    const marks = gateMarks(svg);
    expect(marks.map((m) => m.name)).toEqual(expect.arrayContaining(json.gates.map((g) => g.name)));
    expect(marks.length).toBe(json.gates.length);
    expect(marks.map((m) => `${m.name}:${m.kind}`).sort()).toEqual(json.gates.map((g) => `${g.name}:${g.kind}`).sort());
    expect(bubbles(svg)).toBe(complementedEdges(nl));
    expect(bubbles(svg)).toBeGreaterThan(0);
    for (const p of ['a', 'b', 'p']) expect(svg).toContain(`data-port="${p}"`);
    // Bus bits are labelled where buses split and join (0, 1, 2 of a, b; 0..5 of p).
    expect(svg).toMatch(/<text[^>]*>5<\/text>/);
    // Gates are labelled with the Verilog's wire names.
    expect(svg).toContain(`>${json.gates[0]!.name}</text>`);
    expect(ms).toBeLessThan(15000);
  });

  it('draws MAJ3 as a MAJ3 symbol, bubbles on complemented inputs and outputs, constants as constants', async () => {
    const nl = emptyNetlist('demo', [{ name: 'x', width: 3, bus: true }], [{ name: 'y', width: 2, bus: true }, { name: 'z', width: 1, bus: false }]);
    const m = addGate(nl, { kind: 'maj', ins: [inputLit(0), inputLit(1, true), inputLit(2)] });
    const o = addGate(nl, { kind: 'or', ins: [notLit(m), inputLit(0, true)] });
    nl.outputs = [notLit(m), o, LIT_TRUE];
    const svg = await renderSchematic(nl);
    expect(gateMarks(svg)).toEqual([{ name: 'n4', kind: 'maj' }, { name: 'n5', kind: 'or' }]);
    expect(svg).toContain('>MAJ</text>');
    // x[1] into the MAJ, ~n4 and ~x[0] into the OR, ~n4 into y[0].
    expect(bubbles(svg)).toBe(4);
    expect(svg).toContain('data-port="z" data-dir="output"');
    expect(svg).toContain('data-port="x" data-dir="input"');
  });

  it('is deterministic, also when two renders overlap', async () => {
    const a = mul('2x2');
    const b = mul('3x3');
    const [sa, sb] = await Promise.all([renderSchematic(a), renderSchematic(b)]);
    expect(await renderSchematic(a)).toBe(sa);
    expect(await renderSchematic(b)).toBe(sb);
  });

  it('escapes port names for XML and can leave the gates unlabelled', async () => {
    const nl = emptyNetlist('esc', [{ name: 'a<b&c', width: 1, bus: false }], [{ name: 'y', width: 1, bus: false }]);
    nl.outputs = [addGate(nl, { kind: 'and', ins: [inputLit(0), inputLit(0, true)] })];
    const svg = await renderSchematic(nl, { gateNames: false });
    expect(svg).toContain('a&lt;b&amp;c');
    expect(svg).not.toContain('a<b&c');
    expect(svg).not.toContain('>n2</text>');
    expect(gateMarks(svg)).toHaveLength(1);
  });
});
