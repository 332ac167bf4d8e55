import { describe, expect, it } from 'vitest';
import { fitsTable, layeredNet } from '../../src/ir/btf-net.js';
import { TruthTable } from '../../src/ir/truth-table.js';

describe('fitsTable', () => {
  // One threshold node over the bias (value −1) and two inputs: weights 1, 1, 1 make it AND.
  const net = layeredNet([2, 1], 3);
  const and = new TruthTable(2, 1);
  for (let m = 0; m < 4; m++) and.set(0, m, m === 3 ? 1 : 0);

  it('accepts weights whose forward pass gives every cared bit its target', () => {
    expect(fitsTable(net, Float64Array.of(1, 1, 1), and.toItems())).toBe(true);
  });

  it('rejects weights that get one cared bit wrong, and ignores don\'t-cares', () => {
    // Bias weight −1: s = 1 + x0 + x1 (inputs ±1) makes it OR, wrong on rows 1 and 2.
    expect(fitsTable(net, Float64Array.of(-1, 1, 1), and.toItems())).toBe(false);
    const partial = new TruthTable(2, 1);
    partial.set(0, 3, 1);
    expect(fitsTable(net, Float64Array.of(-1, 1, 1), partial.toItems())).toBe(true);
  });
});
