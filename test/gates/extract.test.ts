// Extraction of the reference's solved multipliers into gates, checked by exhaustive simulation, and the
// small synthesis behind wide nodes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solvedRef } from './helpers.js';
import { extract } from '../../src/gates/extract.js';
import { checkAgainstTable } from '../../src/gates/simulate.js';
import { evalExpr, exprCost, fullCare, synthPartial, type PartialFn } from '../../src/gates/small-synth.js';
import { inputWord } from '../../src/gates/simulate.js';
import { layeredNet } from '../../src/ir/btf-net.js';
import { TruthTable } from '../../src/ir/truth-table.js';
import { UserError } from '../../src/util/diagnostics.js';

describe('extract', () => {
  it('reads 2x2.solved.net (σ 3) as 2-input AND/OR gates that compute the 2x2 multiplier', () => {
    const r = solvedRef('2x2');
    const { netlist, stats } = extract(r.net, r.weights, r.table, { name: r.name, inputs: r.inputs, outputs: r.outputs });
    expect(checkAgainstTable(netlist, r.table)).toEqual({ ok: true });
    expect(stats.btfNodes).toBe(12);
    expect(stats.forms.wide).toBe(0);
    expect(stats.forms.maj + stats.forms.and + stats.forms.or + stats.forms.copy + stats.forms.const).toBe(12);
    expect(stats.gates.and + stats.gates.or + stats.gates.maj).toBeLessThanOrEqual(12);
  });

  it('reads 3x3.solved.net, whose deep layers are not cleanly sparse, through the wide-support path', () => {
    const r = solvedRef('3x3');
    const { netlist, stats } = extract(r.net, r.weights, r.table, { name: r.name, inputs: r.inputs, outputs: r.outputs });
    expect(checkAgainstTable(netlist, r.table)).toEqual({ ok: true });
    expect(stats.btfNodes).toBe(42);
    expect(stats.forms.wide).toBeGreaterThan(0);
    for (const w of stats.wide) expect(w.support).toBeGreaterThan(1);
  });

  it('reads output nodes against the table it is given: a correct circuit for it, or a UserError', () => {
    const r = solvedRef('2x2');
    for (let m = 0; m < 16; m++) {
      const wrong = r.table.clone();
      wrong.set(3, m, wrong.value(3, m) ? 0 : 1);
      try {
        const { netlist } = extract(r.net, r.weights, wrong);
        expect(checkAgainstTable(netlist, wrong)).toEqual({ ok: true });
      } catch (err) {
        expect(err).toBeInstanceOf(UserError);
        expect((err as Error).message).toMatch(/does not compute the table/);
      }
    }
  });

  it('turns a hand-made MAJ5 node (σ 5 weights) into 4 MAJ3 gates', () => {
    const net = layeredNet([5, 1], 5);
    const w = Float64Array.from([0, 1, 1, 1, 1, 1]);
    const t = new TruthTable(5, 1);
    for (let m = 0; m < 32; m++) {
      let c = 0;
      for (let j = 0; j < 5; j++) c += (m >> j) & 1;
      t.set(0, m, c >= 3 ? 1 : 0);
    }
    const { netlist, stats } = extract(net, w, t);
    expect(checkAgainstTable(netlist, t)).toEqual({ ok: true });
    expect(stats.forms.wide).toBe(1);
    expect(stats.gates).toEqual({ and: 0, or: 0, maj: 4, not: 0, total: 4 });
  });
});

function colsOf(s: number): Uint32Array[] {
  return Array.from({ length: s }, (_, v) => {
    const c = new Uint32Array(Math.max(1, 2 ** s / 32));
    for (let w = 0; w < c.length; w++) c[w] = inputWord(v, w);
    return c;
  });
}

describe('small synthesis', () => {
  it('finds one gate for a 3-input majority and ≤ 3 gates for XOR', () => {
    const maj: PartialFn = { s: 3, value: Uint32Array.of(0b11101000), care: fullCare(3) };
    expect(exprCost(synthPartial(maj)!)).toBe(1);
    const xor: PartialFn = { s: 2, value: Uint32Array.of(0b0110), care: fullCare(2) };
    const e = synthPartial(xor)!;
    expect(exprCost(e)).toBe(3);
    expect(evalExpr(e, colsOf(2), 1)[0]! & 0xf).toBe(0b0110);
  });

  it('is correct on the care set of random partial functions of up to 6 variables', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 6 }), fc.array(fc.integer(), { minLength: 2, maxLength: 2 }), fc.array(fc.integer(), { minLength: 2, maxLength: 2 }),
      (s, vals, cares) => {
        const W = Math.max(1, 2 ** s / 32);
        const full = fullCare(s);
        const fn: PartialFn = {
          s,
          value: Uint32Array.from({ length: W }, (_, i) => vals[i]! & full[i]!),
          care: Uint32Array.from({ length: W }, (_, i) => cares[i]! & full[i]!),
        };
        const got = evalExpr(synthPartial(fn)!, colsOf(s), W);
        for (let w = 0; w < W; w++) expect(((got[w]! ^ fn.value[w]!) & fn.care[w]!) >>> 0).toBe(0);
      }), { numRuns: 150, seed: 7 });
  });
});
