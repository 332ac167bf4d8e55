// discover with the floor: a search that finds nothing still writes the floor's proved circuit, and the
// report names the strategy.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileSpec } from '../../src/lang/compile.js';
import { discover } from '../../src/discover/search.js';
import { closeYosys } from '../../src/verify/yosys.js';
import { loadSpec } from '../../src/flow/load-spec.js';
import fc from 'fast-check';
import { TruthTable } from '../../src/ir/truth-table.js';
import { checkAgainstTable } from '../../src/gates/simulate.js';
import type { Spec } from '../../src/ir/spec.js';

const spec = compileSpec(readFileSync('examples/mul3.spec', 'utf8'), 'examples/mul3.spec');
const dir = mkdtempSync(join(tmpdir(), 'btfc-dfloor-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeYosys();
});

describe('discover with the floor', () => {
  it('writes the floor\'s proved circuit when the search has no time to find one', async () => {
    const out = { verilog: join(dir, 'm.v'), json: join(dir, 'm.json') };
    // Windows off: they may improve the floor's circuit, and this test is about the floor's being written.
    const r = await discover(spec, { seed: 1, workers: 1, timeoutMs: 1, patience: 3, prove: true, inline: true, effort: 20, floor: true, windows: false, outputs: out });
    expect(r.best?.kind).toBe('floor');
    expect(r.best?.proof?.status).toBe('pass');
    expect(r.floor?.best?.synthesis.aig.andNodes).toBe(r.best!.synthesis.aig.andNodes);
    const rep = JSON.parse(readFileSync(out.json, 'utf8'));
    expect(rep).toMatchObject({ solved: true, chosen: { kind: 'floor' }, verified: { simulation: 'pass', yosys: 'pass' } });
    expect(rep.strategy).toBe('floor: yosys expressions');
    expect(rep.floor.aigNodes).toBe(rep.aigNodes);
    expect(r.files).toEqual([out.verilog, out.json]);
  }, 120_000);

  it('writes a proved circuit of a Verilog module no larger than the module as Yosys + ABC map it', async () => {
    const design = await loadSpec('examples/alu4.v');
    const out = { verilog: join(dir, 'alu4.v'), json: join(dir, 'alu4.json') };
    const r = await discover(design, { seed: 1, workers: 1, timeoutMs: 1, patience: 3, prove: true, inline: true, effort: 20, floor: true, outputs: out });
    expect(r.best?.proof?.status).toBe('pass');
    const tried = r.floor!.tries.find((t) => t.strategy === 'design');
    expect(tried?.status).toBe('pass');
    expect(r.best!.synthesis.aig.andNodes).toBeLessThanOrEqual(tried!.abcAigNodes!);
    expect(readFileSync(out.verilog, 'utf8')).toMatch(/module alu4\s*\(/);
  }, 180_000);
});

describe('never a wrong circuit, never larger than the floor', () => {
  it('random 5–8-input functions with random care sets: discover writes a proved circuit no larger than any floor circuit', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 5, max: 8 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.double({ min: 0, max: 0.5, noNaN: true }),
      async (n, o, seed, dontCare) => {
        // A seeded random table: each row of each output 0, 1 or (with probability dontCare) a don't-care.
        let s = seed;
        const next = () => { s = (Math.imul(s, 1103515245) + 12345) >>> 0; return s / 2 ** 32; };
        const t = new TruthTable(n, o);
        for (let k = 0; k < o; k++) for (let m = 0; m < t.numRows; m++) t.set(k, m, next() < dontCare ? '-' : next() < 0.5 ? 0 : 1);
        if (t.careCount() === 0) t.set(0, 0, 1);
        const rnd: Spec = { name: 'rnd', file: 'random', table: t, solve: {}, inputs: [{ name: 'x', width: n, bus: true }], outputs: [{ name: 'y', width: o, bus: true }] };
        const r = await discover(rnd, { seed: 1, workers: 1, timeoutMs: 2000, patience: 2, prove: true, inline: true, effort: 20, floor: true });
        expect(r.best?.proof?.status).toBe('pass');
        expect(checkAgainstTable(r.best!.synthesis.netlist, t)).toEqual({ ok: true });
        const floors = r.floor!.tries.filter((x) => x.status === 'pass').map((x) => x.aigNodes!);
        expect(floors.length).toBeGreaterThan(0);
        expect(r.best!.synthesis.aig.andNodes).toBeLessThanOrEqual(Math.min(...floors));
      }), { numRuns: 5, seed: 10, endOnFailure: true } /* a failure is reported as found: shrinking would rerun discover many times */);
  }, 300_000);
});
