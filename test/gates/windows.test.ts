// Window re-synthesis (gates/windows.ts): every replacement is checked on the whole circuit (a wrong
// re-synthesiser is caught), the result is never wrong and never larger, and it shrinks a real floor circuit.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { improveByWindows, type WindowSynth } from '../../src/gates/windows.js';
import { aigSynth } from '../../src/gates/windows/aig-synth.js';
import { checkAgainstTable } from '../../src/gates/simulate.js';
import { addGate, aigEstimate, checkNetlist, emptyNetlist, inputLit, type Lit, type Netlist } from '../../src/ir/netlist.js';
import { TruthTable } from '../../src/ir/truth-table.js';
import { readPla } from '../../src/formats/pla.js';
import type { Expr, PartialFn } from '../../src/gates/small-synth.js';
import { readFixture } from '../fixtures.js';

const ports = (p: string, n: number) => Array.from({ length: n }, (_, i) => ({ name: `${p}${i}`, width: 1, bus: false }));

/** A Shannon multiplexer tree of each output (don't-cares as 0): a correct, far from minimal circuit. */
function muxTree(t: TruthTable): Netlist {
  const nl = emptyNetlist('m', ports('x', t.numInputs), ports('y', t.numOutputs));
  const memo = new Map<string, Lit>();
  const rec = (k: number, lo: number, j: number): Lit => {
    if (j < 0) return t.value(k, lo) as Lit;
    const key = `${k}:${lo}:${j}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const f0 = rec(k, lo, j - 1);
    const f1 = rec(k, lo | (1 << j), j - 1);
    const x = inputLit(j);
    let l: Lit;
    if (f0 === f1) l = f0;
    else {
      const a = f1 === 0 ? 0 : f1 === 1 ? x : addGate(nl, { kind: 'and', ins: [x, f1] });
      const b = f0 === 0 ? 0 : f0 === 1 ? x ^ 1 : addGate(nl, { kind: 'and', ins: [x ^ 1, f0] });
      l = a === 0 ? b : b === 0 ? a : addGate(nl, { kind: 'or', ins: [a, b] });
    }
    memo.set(key, l);
    return l;
  };
  nl.outputs = Array.from({ length: t.numOutputs }, (_, k) => rec(k, 0, t.numInputs - 1));
  return nl;
}

/** A table from random words: `bits` values, `care` kept where its bit is set. */
function randomTable(n: number, m: number, words: number[], careWords: number[]): TruthTable {
  const t = new TruthTable(n, m);
  for (let k = 0; k < m; k++) {
    for (let r = 0; r < t.numRows; r++) {
      const i = k * t.numRows + r;
      const w = words[(i >>> 5) % words.length]!;
      const c = careWords[(i >>> 5) % careWords.length]!;
      if ((c >>> (i & 31)) & 1) t.set(k, r, ((w >>> (i & 31)) & 1) as 0 | 1);
    }
  }
  return t;
}

/** Flip the value of f at its first cared pattern: right on every other row, wrong on that one. */
function flipFirst(f: PartialFn): PartialFn {
  const value = Uint32Array.from(f.value);
  for (let p = 0; p < 2 ** f.s; p++) {
    if ((f.care[p >>> 5]! >>> (p & 31)) & 1) { value[p >>> 5] = value[p >>> 5]! ^ (1 << (p & 31)); break; }
  }
  return { s: f.s, value, care: f.care };
}

describe('improveByWindows', () => {
  const table = randomTable(6, 2, [0x9e3779b9, 0x7f4a7c15, 0x1b873593, 0xcc9e2d51], [0xffffffff]);
  const nl = muxTree(table);

  it('rejects replacements that break the circuit (a wrong re-synthesiser), and returns a correct circuit', async () => {
    // Every root becomes the constant 0: always smaller, wrong wherever the root is 1 and observable.
    const constant: WindowSynth = (fns) => [fns.map((): Expr => ({ t: 'const', v: 0 }))];
    const r = await improveByWindows(nl, table, { seed: 1, effort: 60, synth: constant });
    expect(r.stats.rejected).toBeGreaterThan(0);
    expect(checkAgainstTable(r.netlist, table)).toEqual({ ok: true });
    expect(r.stats.after.aig).toBeLessThanOrEqual(r.stats.before.aig);
  });

  it('rejects a re-synthesis wrong on a single leaf pattern', async () => {
    const oneRow: WindowSynth = (fns) => [fns.map((f) => aigSynth(flipFirst(f)))];
    const r = await improveByWindows(nl, table, { seed: 2, effort: 200, synth: oneRow });
    expect(r.stats.rejected).toBeGreaterThan(0);
    expect(checkAgainstTable(r.netlist, table)).toEqual({ ok: true });
  });

  it('is deterministic for a seed and an effort', async () => {
    const a = await improveByWindows(nl, table, { seed: 7, effort: 80 });
    const b = await improveByWindows(nl, table, { seed: 7, effort: 80 });
    expect(a.netlist).toEqual(b.netlist);
    expect(a.stats.after.aig).toBeLessThan(a.stats.before.aig);
  });

  it('never returns a wrong or larger circuit (random 5–8-input functions, random care sets)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 5, max: 8 }), fc.integer({ min: 1, max: 3 }),
      fc.array(fc.integer(), { minLength: 1, maxLength: 8 }), fc.array(fc.integer(), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 1000 }),
      async (n, m, words, careWords, _unused) => {
        const t = randomTable(n, m, words, careWords);
        const input = muxTree(t);
        const r = await improveByWindows(input, t, { seed: 3, effort: 25 });
        checkNetlist(r.netlist);
        expect(checkAgainstTable(r.netlist, t)).toEqual({ ok: true });
        expect(aigEstimate(r.netlist).andNodes).toBeLessThanOrEqual(aigEstimate(input).andNodes);
        expect(r.stats.rejected).toBe(0);
      },
    ), { numRuns: 25, seed: 42 });
  }, 120_000);

  it('shrinks the floor circuit of the GBFS add3 (Yosys + ABC, 68 AIG nodes) to at most 25', async () => {
    const spec = readPla(readFixture('gbfs/pla/add3.pla'), 'add3.pla');
    const floor = JSON.parse(readFixture('windows/add3-floor.json')) as Netlist;
    expect(checkAgainstTable(floor, spec.table)).toEqual({ ok: true });
    expect(aigEstimate(floor).andNodes).toBe(68);
    const r = await improveByWindows(floor, spec.table, { seed: 1, effort: 300 });
    expect(checkAgainstTable(r.netlist, spec.table)).toEqual({ ok: true });
    expect(r.stats.replacements).toBeGreaterThan(0);
    expect(r.stats.after.aig).toBeLessThanOrEqual(25);
  }, 60_000);
});
