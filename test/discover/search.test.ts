// The search itself (discover/search.ts) on a small function: it finds the best-known full adder, stops
// by patience, and the same seed gives the same circuit and the same table of what was tried.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compileSpec } from '../../src/lang/compile.js';
import { discover } from '../../src/discover/search.js';
import { readsBack } from '../../src/discover/circuits.js';
import { layeredNet } from '../../src/ir/btf-net.js';
import { familySpec } from '../../src/discover/families.js';

const spec = compileSpec(readFileSync('examples/full_adder.spec', 'utf8'), 'examples/full_adder.spec');

describe('discover search', () => {
  it('finds a 7-AIG-node full adder, stops by patience, and is reproducible', async () => {
    const params = { seed: 3, workers: 2, timeoutMs: 30_000, patience: 6, prove: false, inline: true };
    const a = await discover(spec, params);
    const b = await discover(spec, params);
    expect(a.stoppedBy).toBe('patience');
    expect(a.best!.aigNodes).toBeLessThanOrEqual(7);
    expect(a.circuits.length).toBeGreaterThanOrEqual(7);
    expect(b.best!.verilog).toBe(a.best!.verilog);
    const strip = (rows: typeof a.rows) => rows.map(({ timeMs: _t, ...r }) => r);
    expect(strip(b.rows)).toEqual(strip(a.rows));
    // Every candidate tried respects the width lower bound (2 for the full adder's 4 output vectors).
    for (const r of a.rows) for (const w of r.architecture.split('-').slice(1, -1)) expect(Number(w)).toBeGreaterThanOrEqual(2);
  });

  it('reads a circuit back when the hidden layer separates the rows, whatever the output node computes', () => {
    // XOR through 2-2-1: hidden OR and NAND separate the rows; a zero output weight vector fits nothing.
    const items = familySpec('parity', 2).table.toItems();
    const net = layeredNet([2, 2, 1], 3);
    // Edges by (receiver, sender): h1 ← bias, x0, x1; h2 ← bias, x0, x1; y ← bias, h1, h2.
    const w = Float64Array.from([-1, 1, 1, -1, -1, -1, 0, 0, 0]);
    expect(readsBack(net, w, items)).toBe(true);
    // Both hidden nodes the same OR: rows 01 and 11 collide with different targets.
    expect(readsBack(net, Float64Array.from([-1, 1, 1, -1, 1, 1, 0, 0, 0]), items)).toBe(false);
    // No hidden layer: never by read-back (that would be logic synthesis from the inputs).
    expect(readsBack(layeredNet([2, 1], 3), Float64Array.from([0, 0, 0]), items)).toBe(false);
  });

  it('finds parity of 4 (the popcount layer solves it in its first round) within a few seconds', async () => {
    const r = await discover(familySpec('parity', 4), { seed: 1, workers: 2, timeoutMs: 15_000, patience: 4, prove: false, inline: true });
    expect(r.best).toBeDefined();
    expect(r.best!.aigNodes).toBeLessThanOrEqual(11);
    expect(r.rows.find((x) => x.architecture === '4-4-1' && x.sigma === 13)?.solved).toBeGreaterThan(0);
  }, 30_000);

  it('composes parity 6 from its decomposition blocks (parity 4 and g of h, x4, x5), proved, 15 AIG nodes', async () => {
    const spec6 = familySpec('parity', 6);
    const r = await discover(spec6, { seed: 1, workers: 2, timeoutMs: 16_000, patience: 4, prove: true, inline: true });
    const c = r.circuits.find((f) => f.kind === 'composed');
    expect(c).toBeDefined();
    if (c?.kind !== 'composed') return;
    expect(c.bound).toEqual([0, 1, 2, 3]);
    expect(c.free).toEqual([4, 5]);
    expect(c.architecture).toMatch(/^g\(h\(x\[0\], x\[1\], x\[2\], x\[3\]\), x\[4\], x\[5\]\) with h = 4-\d+-1/);
    // The blocks' own rows are in the table of what was tried, labelled.
    expect(r.rows.some((x) => x.block === 'h' && x.solved > 0)).toBe(true);
    expect(r.rows.some((x) => x.block === 'g' && x.solved > 0)).toBe(true);
    expect(r.rows.some((x) => x.block === undefined)).toBe(true);
    // 5 XORs of 3 AIG nodes: the best known; the proof is Yosys's.
    expect(r.best!.aigNodes).toBeLessThanOrEqual(15);
    expect(r.best!.proof?.status).toBe('pass');
    // Without decomposition the blocks are not searched.
    const whole = await discover(spec6, { seed: 1, workers: 2, timeoutMs: 1_000, patience: 4, prove: false, inline: true, decompose: false });
    expect(whole.rows.every((x) => x.block === undefined)).toBe(true);
  }, 60_000);
});
