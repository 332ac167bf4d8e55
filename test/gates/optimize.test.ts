// The optimizer: smaller circuits in AIG terms, the same function on the care set, never worse than the
// input, reproducible for a fixed seed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solvedRef } from './helpers.js';
import { extract } from '../../src/gates/extract.js';
import { simplify } from '../../src/gates/simplify.js';
import { netlistCost, optimize } from '../../src/gates/optimize.js';
import { aigFromNetlist, aigAnds } from '../../src/gates/optimize/aig.js';
import { aigToNetlist } from '../../src/gates/optimize/to-netlist.js';
import { addGate, aigEstimate, checkNetlist, emptyNetlist, inputLit, type Gate, type Lit, type Netlist } from '../../src/ir/netlist.js';
import { checkAgainstTable, simulate } from '../../src/gates/simulate.js';
import { TruthTable } from '../../src/ir/truth-table.js';

const scalar = (name: string) => ({ name, width: 1, bus: false });
const ports = (p: string, n: number) => Array.from({ length: n }, (_, i) => scalar(`${p}${i}`));

function referenceNetlist(name: '2x2' | '3x3'): { nl: Netlist; table: TruthTable } {
  const r = solvedRef(name);
  const { netlist } = extract(r.net, r.weights, r.table, { name: r.name, inputs: r.inputs, outputs: r.outputs });
  return { nl: simplify(netlist, r.table).netlist, table: r.table };
}

/** The table a netlist computes; a bit is cared about when `care(k, m)` says so (default: all). */
function tableOf(nl: Netlist, care: (k: number, m: number) => boolean = () => true): TruthTable {
  const cols = simulate(nl);
  const t = new TruthTable(nl.numInputs, nl.outputs.length);
  for (let k = 0; k < t.numOutputs; k++) {
    for (let m = 0; m < t.numRows; m++) {
      if (care(k, m)) t.set(k, m, ((cols[k * t.numWords + (m >>> 5)]! >>> (m & 31)) & 1) as 0 | 1);
    }
  }
  return t;
}

/** A random netlist from a list of integers (fast-check drives the shape). */
function randomNetlist(numInputs: number, numOutputs: number, genes: number[]): Netlist {
  const nl = emptyNetlist('r', ports('x', numInputs), ports('y', numOutputs));
  let g = 0;
  const next = () => genes[g++ % genes.length]! >>> 0;
  const pick = (): Lit => {
    const n = nl.nodes.length;
    // Mostly recent nodes, so that the circuit is deep rather than a flat layer over the inputs.
    const node = n - 1 - (next() % Math.min(n - 1, 8));
    return 2 * node + (next() & 1);
  };
  const gates = genes.length;
  for (let i = 0; i < gates; i++) {
    const kind = (['and', 'or', 'maj'] as const)[next() % 3]!;
    const gate: Gate = kind === 'maj' ? { kind, ins: [pick(), pick(), pick()] } : { kind, ins: [pick(), pick()] };
    addGate(nl, gate);
  }
  nl.outputs = Array.from({ length: numOutputs }, () => 2 * (nl.nodes.length - 1 - (next() % Math.min(6, gates))) + (next() & 1));
  return nl;
}

describe('optimize', () => {
  it('makes the reference 3x3 multiplier strictly smaller in AIG nodes, still computing the table', () => {
    const { nl, table } = referenceNetlist('3x3');
    const before = aigEstimate(nl).andNodes;
    // A generous time limit: the round budget (effort), not the machine's speed, ends the search.
    const { netlist, stats } = optimize(nl, table, { seed: 1, timeLimitMs: 60_000 });
    expect(checkAgainstTable(netlist, table)).toEqual({ ok: true });
    checkNetlist(netlist);
    expect(stats.before.aig).toBe(before);
    expect(stats.after.aig).toBe(aigEstimate(netlist).andNodes);
    expect(stats.after.aig).toBeLessThan(before);
    expect(stats.after.aig).toBeLessThanOrEqual(37);
    expect(stats.steps.rejected ?? 0).toBe(0);
    expect(stats.steps.failedCheck ?? 0).toBe(0);
  });

  it('keeps the optimal 2x2 multiplier at 8 AIG nodes', () => {
    const { nl, table } = referenceNetlist('2x2');
    const { netlist, stats } = optimize(nl, table, { seed: 1 });
    expect(checkAgainstTable(netlist, table)).toEqual({ ok: true });
    expect(stats.after.aig).toBe(8);
  });

  it('is deterministic for a fixed seed', () => {
    const { nl, table } = referenceNetlist('3x3');
    const a = optimize(nl, table, { seed: 5, effort: 200, timeLimitMs: 60_000 });
    const b = optimize(nl, table, { seed: 5, effort: 200, timeLimitMs: 60_000 });
    expect(b.netlist).toEqual(a.netlist);
    expect(b.stats.steps).toEqual(a.stats.steps);
  });

  it('never returns a worse netlist, and returns a copy when nothing is gained', () => {
    // A single AND is already minimal.
    const nl = emptyNetlist('t', ports('x', 2), ports('y', 1));
    nl.outputs = [addGate(nl, { kind: 'and', ins: [inputLit(0), inputLit(1, true)] })];
    const { netlist } = optimize(nl, tableOf(nl));
    expect(netlist).toEqual(nl);
    expect(netlist).not.toBe(nl);
  });

  it('preserves the function on the care set of random netlists with random don\'t-cares', () => {
    fc.assert(fc.property(
      fc.integer({ min: 2, max: 7 }), fc.integer({ min: 1, max: 4 }),
      fc.array(fc.integer(), { minLength: 4, maxLength: 40 }), fc.integer(), fc.integer({ min: 0, max: 3 }),
      (nIn, nOut, genes, careSeed, careDensity) => {
        const nl = randomNetlist(nIn, nOut, genes);
        // careDensity 0: everything cared about; else about 1 bit in (careDensity + 1) is a don't-care.
        let s = careSeed >>> 0;
        const care = () => { s = (Math.imul(s, 1103515245) + 12345) >>> 0; return careDensity === 0 || (s >>> 16) % (careDensity + 1) !== 0; };
        const table = tableOf(nl, care);
        const { netlist, stats } = optimize(nl, table, { seed: 3, effort: 20, timeLimitMs: 60_000 });
        checkNetlist(netlist);
        expect(checkAgainstTable(netlist, table)).toEqual({ ok: true });
        const [a0, g0, n0] = netlistCost(nl);
        const [a1, g1, n1] = netlistCost(netlist);
        expect(a1 < a0 || (a1 === a0 && (g1 < g0 || (g1 === g0 && n1 <= n0)))).toBe(true);
        expect(stats.steps.rejected ?? 0).toBe(0);
        expect(stats.steps.failedCheck ?? 0).toBe(0);
      }), { numRuns: 150, seed: 11 });
  });

  it('round-trips a netlist through the AIG view without changing its function, MAJ3 recovered as one gate', () => {
    const nl = emptyNetlist('t', ports('x', 3), ports('y', 2));
    const m = addGate(nl, { kind: 'maj', ins: [inputLit(0), inputLit(1, true), inputLit(2)] });
    const o = addGate(nl, { kind: 'or', ins: [inputLit(0), inputLit(2)] });
    nl.outputs = [m ^ 1, o];
    const a = aigFromNetlist(nl);
    expect(aigAnds(a)).toBe(5);
    const back = aigToNetlist(a, nl);
    expect(checkAgainstTable(back, tableOf(nl))).toEqual({ ok: true });
    expect(aigEstimate(back).andNodes).toBe(5);
    expect(back.nodes.filter((n) => n.kind === 'maj')).toHaveLength(1);
  });
});
