import { describe, expect, it } from 'vitest';
import { defaultHidden, layeredSize, parseHidden, resolveWidths } from '../../src/ir/arch.js';
import { layeredNet } from '../../src/ir/btf-net.js';
import { UserError } from '../../src/util/diagnostics.js';

describe('architectures', () => {
  it('parses hidden widths and whole width lists', () => {
    expect(parseHidden('4,4')).toEqual({ hidden: [4, 4] });
    expect(parseHidden('12 12 12')).toEqual({ hidden: [12, 12, 12] });
    expect(parseHidden('4-4-4-4')).toEqual({ widths: [4, 4, 4, 4] });
    expect(parseHidden('none')).toEqual({ hidden: [] });
    for (const bad of ['4,x', '0', '4,,-1', '3.5']) expect(() => parseHidden(bad)).toThrow(UserError);
    expect(parseHidden('4, 4')).toEqual({ hidden: [4, 4] });
  });

  it('refuses an empty value and empty widths, naming the value (issue 12, defect 11)', () => {
    expect(() => parseHidden('')).toThrow(/--hidden '': no layer widths given/);
    expect(() => parseHidden('  ')).toThrow(/--hidden '': no layer widths given/);
    expect(() => parseHidden('4,,4')).toThrow(/--hidden 4,,4: an empty width \(layer 2\)/);
    expect(() => parseHidden(',4')).toThrow(/an empty width \(layer 1\)/);
    expect(() => parseHidden('4--4')).toThrow(/an empty width/);
  });

  it('adds the input and output widths, and checks a whole list against them', () => {
    expect(resolveWidths({ hidden: [4, 4] }, 4, 4)).toEqual([4, 4, 4, 4]);
    expect(resolveWidths({ widths: [6, 12, 6] }, 6, 6)).toEqual([6, 12, 6]);
    expect(() => resolveWidths({ widths: [3, 4, 4, 4] }, 4, 4)).toThrow(/does not fit a function of 4 inputs and 4 outputs/);
    expect(() => resolveWidths({ widths: [4, 4, 5] }, 4, 4)).toThrow(UserError);
  });

  it('defaults to two hidden layers of max(inputs, outputs): 4-4-4-4 for the 2×2 multiplier', () => {
    expect(resolveWidths({ hidden: defaultHidden(4, 4) }, 4, 4)).toEqual([4, 4, 4, 4]);
    expect(defaultHidden(3, 2)).toEqual([3, 3]);
  });

  it('counts nodes and edges as layeredNet builds them', () => {
    for (const w of [[4, 4, 4, 4], [6, 12, 12, 12, 6], [3, 1]]) {
      const net = layeredNet(w, 3);
      expect(layeredSize(w)).toEqual({ numNodes: net.numNodes, numEdges: net.numEdges });
    }
    expect(layeredSize([4, 4, 4, 4])).toEqual({ numNodes: 17, numEdges: 60 });
  });
});
