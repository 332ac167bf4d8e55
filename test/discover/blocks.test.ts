// Decomposition keeps what it found (discover/blocks.ts): when one block's search solves and the other's
// does not, the solved block is composed with the other block's floor circuit, and the composition is a
// correct circuit of the whole function that competes with the rest.
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/discover/search.js';
import { decomposition, discoverBlocks } from '../../src/discover/blocks.js';
import { circuitStrategy } from '../../src/discover/circuits.js';
import { familySpec } from '../../src/discover/families.js';
import { checkAgainstTable } from '../../src/gates/simulate.js';
import type { Discover, DiscoverParams } from '../../src/discover/types.js';

const spec6 = familySpec('parity', 6);
const dec = decomposition(spec6, {})!;
// Block g gets no time for RRR rounds, so only its floor can answer for it; block h gets no floor (its
// floor ties with RRR's parity-4 circuit and wins on fewer inverters), so it is answered by RRR alone.
const starveG: Discover = (s, p, h) => discover(s, s.name.endsWith('_g') ? { ...p, timeoutMs: 0 } : { ...p, floor: false }, h);
const params: DiscoverParams = { seed: 1, workers: 2, timeoutMs: 30_000, patience: 4, prove: false, inline: true };

describe('decomposition blocks', () => {
  it('composes a solved block with the floor circuit of a block RRR did not solve', async () => {
    expect(dec.bound).toEqual([0, 1, 2, 3]);
    const r = await discoverBlocks(spec6, dec, { ...params, floor: true }, {}, 200, starveG);
    const c = r.circuit!;
    expect(c.h.kind).toBe('net');
    expect(c.g.kind).toBe('floor');
    expect(circuitStrategy(c, [])).toMatch(/^rrr: g\(h\(.*with h = \d+-\d+-1 σ\d+, g = floor: /);
    expect(checkAgainstTable(c.synthesis.netlist, spec6.table).ok).toBe(true);
    expect(r.rows.some((x) => x.block === 'h' && x.solved > 0)).toBe(true);
    expect(r.rows.some((x) => x.block === 'g')).toBe(false);
  }, 60_000);

  it('without the floor (--no-floor) an unsolved block leaves no composed circuit', async () => {
    const r = await discoverBlocks(spec6, dec, { ...params, floor: false }, {}, 200, starveG);
    expect(r.circuit).toBeUndefined();
  }, 60_000);
});
