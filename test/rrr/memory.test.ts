import { describe, expect, it } from 'vitest';
import { memoryEstimate } from '../../src/rrr/memory.js';
import { engineDoubles, RrrEngine } from '../../src/rrr/engine.js';
import { layeredSize } from '../../src/ir/arch.js';
import { layeredNet } from '../../src/ir/btf-net.js';
import { multiplierTable } from '../../src/tools/bench-solver.js';

describe('the solver memory estimate', () => {
  const size = layeredSize([4, 4, 4, 4]);

  it('is the engine\'s doubles in bytes, once per worker running at once', () => {
    const one = memoryEstimate(size, 16, 1);
    expect(one).toBe(8 * engineDoubles(size, 16));
    expect(memoryEstimate(size, 16, 4)).toBe(4 * one);
    // No workers running still counts the one engine a solve needs.
    expect(memoryEstimate(size, 16, 0)).toBe(one);
  });

  it('covers two doubles per (item, edge) and eleven per (item, node)', () => {
    expect(memoryEstimate(size, 16, 1)).toBeGreaterThanOrEqual(8 * 16 * (2 * size.numEdges + 11 * size.numNodes));
  });

  // Within a few percent: engineDoubles leaves out the per-item input and target copies (I × (inputs + 1 +
  // outputs) doubles), small beside the per-edge and per-node arrays.
  it('is close to what an engine really allocates', () => {
    const items = multiplierTable(2).toItems();
    const engine = new RrrEngine(layeredNet([4, 4, 4, 4], 3), items, 3);
    const allocated = Object.values(engine).filter((v): v is Float64Array => v instanceof Float64Array)
      .reduce((s, a) => s + a.byteLength, 0);
    const estimate = memoryEstimate(size, items.count, 1);
    expect(estimate).toBeGreaterThan(0.95 * allocated);
    expect(estimate).toBeLessThan(1.05 * allocated);
  });
});
