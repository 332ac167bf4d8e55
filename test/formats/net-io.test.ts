// The reference's .net/.wth formats: its solved multipliers load with the right node numbering and
// reproduce their .dat tables by a forward pass.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { forward, layeredNet } from '../../src/ir/btf-net.js';
import { readNet, readWth, writeNet, writeWth } from '../../src/formats/net-io.js';
import { UserError } from '../../src/util/diagnostics.js';
import { fixture } from '../fixtures.js';

const dir = fixture('boolearn');
const read = (f: string) => readFileSync(`${dir}/${f}`, 'utf8');

/** The reference .dat: items of 0/1 input and output lines (read here independently of src/formats/dat.ts). */
function readDatItems(text: string): { ins: number[][]; outs: number[][] } {
  const nums = text.split(/\s+/).filter((s) => s !== '').map(Number);
  const [count, , nin, , nout] = nums;
  const ins: number[][] = [];
  const outs: number[][] = [];
  let p = 5;
  for (let i = 0; i < count!; i++) {
    ins.push(nums.slice(p, p + nin!)); p += nin!;
    outs.push(nums.slice(p, p + nout!)); p += nout!;
  }
  return { ins, outs };
}

describe('readNet', () => {
  for (const name of ['2x2', '3x3']) {
    it(`${name}.solved.net reproduces ${name}.dat by a forward pass (bias 0, inputs 1..n, outputs last)`, () => {
      const { net, weights } = readNet(read(`${name}.solved.net`), `${name}.solved.net`);
      expect(weights).toBeDefined();
      const widths = readWth(read(`${name}.wth`), `${name}.wth`);
      expect(net.numInputs).toBe(widths[0]);
      expect(net.numOutputs).toBe(widths[widths.length - 1]);
      expect(net.numNodes).toBe(1 + widths.reduce((a, b) => a + b, 0));
      // Same edges as the layered architecture of its width file.
      const layered = layeredNet(widths, 3);
      expect(Array.from(net.edgeRecv)).toEqual(Array.from(layered.edgeRecv));
      expect(Array.from(net.edgeSend)).toEqual(Array.from(layered.edgeSend));
      const { ins, outs } = readDatItems(read(`${name}.dat`));
      for (let i = 0; i < ins.length; i++) {
        const y = forward(net, weights!, ins[i]!.map((b) => (b ? 1 : -1)));
        const got = Array.from(y.subarray(net.firstOutput)).map((v) => (v > 0 ? 1 : 0));
        expect(got, `item ${i}`).toEqual(outs[i]);
      }
    });
  }

  it('keeps each weight with its edge when the file lists edges out of order', () => {
    const text = '4 3 1 3\n3 2 -0.5\n3 0 0.25\n3 1 2\n';
    const { net, weights } = readNet(text, 'x.net');
    expect(Array.from(net.edgeSend)).toEqual([0, 1, 2]);
    expect(Array.from(weights!)).toEqual([0.25, 2, -0.5]);
  });

  it('round-trips through writeNet', () => {
    const { net, weights } = readNet(read('2x2.solved.net'), '2x2.solved.net');
    expect(writeNet(net, weights)).toBe(read('2x2.solved.net').replace(/\r\n/g, '\n'));
  });

  it('returns no weights for an untrained (all-zero) net', () => {
    expect(readNet('4 3 1 3\n3 0 0\n3 1 0\n3 2 0\n', 'z.net').weights).toBeUndefined();
  });

  it('reports a bad header and a wrong edge count with the file name', () => {
    expect(() => readNet('17 5 4\n', 'h.net')).toThrow(UserError);
    expect(() => readNet('4 3 1 4\n3 0 1\n3 1 1\n3 2 1\n', 'c.net')).toThrow(/4 edges but the file has 3/);
    expect(() => readNet('4 3 1 1\n2 3 1\n', 'o.net')).toThrow(UserError);
  });
});

describe('.wth', () => {
  it('reads the reference width files and writes them back', () => {
    expect(readWth(read('3x3.wth'), '3x3.wth')).toEqual([6, 12, 12, 12, 6]);
    expect(writeWth([4, 4, 4, 4])).toBe(read('2x2.wth').replace(/\r\n/g, '\n'));
  });
});
