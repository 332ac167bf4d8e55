// The search itself (discover/search.ts) on a small function: it finds the best-known full adder, stops
// by patience, and the same seed gives the same circuit and the same table of what was tried.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compileSpec } from '../../src/spec/compile.js';
import { discover } from '../../src/discover/search.js';

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
});
