// composeNetlists: f = g(h(x[bound]), x[free]) wires h's inputs, h's output and g's inputs to the right
// bits, complemented outputs included; checked by exhaustive simulation against the composed table.
import { describe, expect, it } from 'vitest';
import { composeNetlists } from '../../src/gates/compose.js';
import { addGate, emptyNetlist, inputLit, notLit } from '../../src/ir/netlist.js';
import { checkAgainstTable } from '../../src/gates/simulate.js';
import { TruthTable } from '../../src/ir/truth-table.js';

const scalar = (name: string) => ({ name, width: 1, bus: false });

describe('composeNetlists', () => {
  it('builds g(h(x0, x2), x1, x3) with h = NAND and g = MAJ(h, x1, ~x3) over the right input bits', () => {
    const h = emptyNetlist('h', [scalar('a'), scalar('b')], [scalar('y')]);
    h.outputs[0] = notLit(addGate(h, { kind: 'and', ins: [inputLit(0), inputLit(1)] }));
    const g = emptyNetlist('g', [scalar('h'), scalar('c'), scalar('d')], [scalar('p'), scalar('q')]);
    g.outputs[0] = addGate(g, { kind: 'maj', ins: [inputLit(0), inputLit(1), inputLit(2, true)] });
    g.outputs[1] = inputLit(0);
    const ports = [0, 1, 2, 3].map((j) => scalar(`x${j}`));
    const f = composeNetlists('f', ports, [scalar('p'), scalar('q')], h, [0, 2], g, [1, 3]);
    const t = new TruthTable(4, 2);
    for (let m = 0; m < 16; m++) {
      const x = (j: number) => (m >>> j) & 1;
      const hv = 1 - (x(0) & x(2));
      t.set(0, m, (hv + x(1) + (1 - x(3)) >= 2 ? 1 : 0));
      t.set(1, m, hv as 0 | 1);
    }
    expect(checkAgainstTable(f, t).ok).toBe(true);
    // The same gates on swapped bits compute something else: the wiring is what the test checks.
    const wrong = composeNetlists('f', ports, [scalar('p'), scalar('q')], h, [0, 1], g, [2, 3]);
    expect(checkAgainstTable(wrong, t).ok).toBe(false);
  });
});
