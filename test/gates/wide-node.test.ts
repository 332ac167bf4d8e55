// Issue 12, defect 0: reading back a wide node must be bounded. A single 16-input threshold node on a
// sampled table used to send small synthesis into an exponential search (minutes, ignoring --timeout and
// Ctrl-C); now small synthesis has a work budget and the node falls back to its threshold form.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extract } from '../../src/gates/extract.js';
import { checkAgainstTable, careRows } from '../../src/gates/simulate.js';
import { synthPartial, type PartialFn } from '../../src/gates/small-synth.js';
import { buildThreshold, integerThreshold } from '../../src/gates/threshold-form.js';
import { layeredNet } from '../../src/ir/btf-net.js';
import { TruthTable } from '../../src/ir/truth-table.js';
import { addGate, emptyNetlist, inputLit, type Gate } from '../../src/ir/netlist.js';
import { Xoshiro128ss } from '../../src/rrr/prng.js';

/** A 16-input threshold function sampled on `rows` distinct rows (the rest don't-care), and its net. */
function sampledThreshold(rows: number, seed = 7) {
  const n = 16;
  const rng = new Xoshiro128ss(seed);
  const w = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? -1 : 1) * (1 + (i % 2)) + (rng.nextFloat() - 0.5) * 0.1);
  const table = new TruthTable(n, 1);
  const seen = new Set<number>();
  while (seen.size < rows) {
    const m = Math.floor(rng.nextFloat() * 2 ** n);
    if (seen.has(m)) continue;
    seen.add(m);
    let s = 0;
    for (let j = 0; j < n; j++) s += w[j]! * ((m >>> j) & 1 ? 1 : -1);
    table.set(0, m, s > 0 ? 1 : 0);
  }
  const net = layeredNet([n, 1], n);
  const weights = new Float64Array(net.numEdges);
  for (let e = net.inStart[net.firstOutput]!; e < net.numEdges; e++) {
    const from = net.edgeSend[e]!;
    weights[e] = from === 0 ? 0 : w[from - 1]!;
  }
  return { table, net, weights };
}

describe('a wide node of 16 senders', () => {
  it('is read back within seconds, correct on every care row, as its threshold form', () => {
    const { table, net, weights } = sampledThreshold(3000);
    const t0 = performance.now();
    const { netlist, stats } = extract(net, weights, table);
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(checkAgainstTable(netlist, table)).toEqual({ ok: true });
    expect(stats.forms.wide).toBe(1);
    expect(stats.wide[0]!.gates).toBeLessThan(1000);
  });

  it('takes its threshold form at once past the deadline', () => {
    const { table, net, weights } = sampledThreshold(500, 3);
    const t0 = performance.now();
    const { netlist, stats } = extract(net, weights, table, undefined, { deadline: performance.now() - 1 });
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(checkAgainstTable(netlist, table)).toEqual({ ok: true });
    expect(stats.wide[0]!.support).toBe(16);
  });
});

describe('a wide node whose weights separate its patterns by a hair', () => {
  it('is read back exactly (no integer weights of 16 bits separate it), past the deadline too', () => {
    // sgn(β + a + δ(b + c)) in ±1 terms with δ = 2^-20 and β = 1 − 1.5δ is a ∨ (b ∧ c): b and c matter by
    // δ alone, so every scale up to 2^16 rounds their weights to 0. A restart counts as solved with such a
    // margin; past the deadline the node used to fail its read-back with an internal error.
    const delta = 2 ** -20;
    const w = [1 - 1.5 * delta, 1, delta, delta]; // bias, a, b, c
    const table = new TruthTable(3, 1);
    for (let m = 0; m < 8; m++) table.set(0, m, (m & 1) || (m & 6) === 6 ? 1 : 0);
    const net = layeredNet([3, 1], 3);
    const weights = new Float64Array(net.numEdges);
    for (let e = net.inStart[net.firstOutput]!; e < net.numEdges; e++) weights[e] = w[net.edgeSend[e]!]!;
    for (const deadline of [undefined, performance.now() - 1]) {
      const { netlist, stats } = extract(net, weights, table, undefined, deadline === undefined ? {} : { deadline });
      expect(checkAgainstTable(netlist, table)).toEqual({ ok: true });
      expect(stats.forms.wide).toBe(1);
    }
  });
});

describe('small synthesis', () => {
  it('gives up (undefined) when its work budget is spent instead of searching on', () => {
    const s = 12;
    const W = 2 ** s / 32;
    const rng = new Xoshiro128ss(5);
    const fn: PartialFn = { s, value: new Uint32Array(W), care: new Uint32Array(W) };
    for (let w = 0; w < W; w++) { fn.value[w] = rng.nextU32(); fn.care[w] = rng.nextU32(); }
    expect(synthPartial(fn, undefined, { work: 10_000 })).toBeUndefined();
    expect(synthPartial(fn, undefined, { deadline: performance.now() - 1 })).toBeUndefined();
  });
});

describe('the threshold form', () => {
  it('computes Σ a_i·x_i ≥ T for any small integer weights and threshold', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: -2, max: 60 }),
      (a, T) => {
        const n = a.length;
        const nl = emptyNetlist('t', [{ name: 'x', width: n, bus: true }], [{ name: 'y', width: 1, bus: false }]);
        const lits = a.map((_, j) => inputLit(j));
        nl.outputs[0] = buildThreshold(lits, a, T, (g: Gate) => addGate(nl, g)).lit;
        const table = new TruthTable(n, 1);
        for (let m = 0; m < 2 ** n; m++) {
          let s = 0;
          for (let j = 0; j < n; j++) if ((m >>> j) & 1) s += a[j]!;
          table.set(0, m, s >= T ? 1 : 0);
        }
        expect(checkAgainstTable(nl, table)).toEqual({ ok: true });
      },
    ), { numRuns: 200 });
  });

  it('finds integer weights that separate the seen rows, or none', () => {
    const table = new TruthTable(2, 1);
    for (let m = 0; m < 4; m++) table.set(0, m, (m & 1) ^ (m >>> 1) ? 1 : 0); // XOR: no threshold form
    const cr = careRows(table);
    const terms = [0, 1].map((j) => ({ lit: inputLit(j), col: cr.inputs[j]!, weight: 1 }));
    expect(integerThreshold(terms, cr.expect[0]!, cr.care[0]!, cr.rows.length)).toBeUndefined();
    const and = new TruthTable(2, 1);
    for (let m = 0; m < 4; m++) and.set(0, m, m === 3 ? 1 : 0);
    const ca = careRows(and);
    expect(integerThreshold(terms, ca.expect[0]!, ca.care[0]!, ca.rows.length)).toEqual({ weights: [1, 1], threshold: 2 });
  });
});
