// Shared test fixtures: the reference's multiplier tables and solved nets (the .dat tables read independently
// of src/formats/dat.ts).
import { readFileSync } from 'node:fs';
import { TruthTable } from '../../src/ir/truth-table.js';
import { readNet } from '../../src/formats/net-io.js';
import type { BtfNet } from '../../src/ir/btf-net.js';
import type { Port } from '../../src/ir/spec.js';
import { fixture } from '../fixtures.js';

export const BOOLEARN = fixture('boolearn');

/**
 * A reference .dat as a TruthTable: x_j is column j of the input line (the net's input node 1+j), output k is
 * column k of the output line. Rows not listed are don't-cares.
 */
export function datTable(text: string): TruthTable {
  const nums = text.split(/\s+/).filter((s) => s !== '').map(Number);
  const [count, , nin, , nout] = nums as [number, number, number, number, number];
  const t = new TruthTable(nin, nout);
  let p = 5;
  for (let i = 0; i < count; i++) {
    let m = 0;
    for (let j = 0; j < nin; j++) m |= nums[p + j]! << j;
    p += nin;
    for (let k = 0; k < nout; k++) t.set(k, m, nums[p + k] ? 1 : 0);
    p += nout;
  }
  return t;
}

export interface SolvedRef { net: BtfNet; weights: Float64Array; table: TruthTable; inputs: Port[]; outputs: Port[]; name: string }

/** `2x2` or `3x3`: the solved net, its table, and ports a (the first half of the inputs), b, p. */
export function solvedRef(name: '2x2' | '3x3'): SolvedRef {
  const { net, weights } = readNet(readFileSync(`${BOOLEARN}/${name}.solved.net`, 'utf8'), `${name}.solved.net`);
  const table = datTable(readFileSync(`${BOOLEARN}/${name}.dat`, 'utf8'));
  const half = table.numInputs / 2;
  return {
    net, weights: weights!, table, name: `mul${name}`,
    inputs: [{ name: 'a', width: half, bus: true }, { name: 'b', width: half, bus: true }],
    outputs: [{ name: 'p', width: table.numOutputs, bus: true }],
  };
}
