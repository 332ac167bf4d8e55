// Bit-parallel simulation of an Aig over the table's care rows (rows where some output is cared about),
// 32 rows per word, and exact observability: on which care rows a node's value reaches a cared output bit.
// Stage: optimize. This is the optimizer's whole notion of correctness: the tables it meets have at most a
// few thousand care rows, so every candidate is judged on all of them, not on samples.

import type { TruthTable } from '../../ir/truth-table.js';
import type { Aig } from './aig.js';

export class CareSim {
  readonly W: number;
  readonly numRows: number;
  readonly inputs: Uint32Array[];
  /** Per output: expected values and care mask over the care rows. */
  readonly expect: Uint32Array[];
  readonly care: Uint32Array[];

  constructor(table: TruthTable) {
    const rows = table.careRows();
    this.numRows = rows.length;
    const W = Math.max(1, Math.ceil(rows.length / 32));
    this.W = W;
    this.inputs = [];
    for (let j = 0; j < table.numInputs; j++) {
      const c = new Uint32Array(W);
      for (let i = 0; i < rows.length; i++) if ((rows[i]! >>> j) & 1) c[i >>> 5] = c[i >>> 5]! | (1 << (i & 31));
      this.inputs.push(c);
    }
    this.expect = [];
    this.care = [];
    for (let k = 0; k < table.numOutputs; k++) {
      const e = new Uint32Array(W);
      const c = new Uint32Array(W);
      for (let i = 0; i < rows.length; i++) {
        if (!table.isCare(k, rows[i]!)) continue;
        c[i >>> 5] = c[i >>> 5]! | (1 << (i & 31));
        if (table.value(k, rows[i]!)) e[i >>> 5] = e[i >>> 5]! | (1 << (i & 31));
      }
      this.expect.push(e);
      this.care.push(c);
    }
  }

  /** Node values, node-major: node i occupies words [i·W, (i+1)·W). */
  simulate(a: Aig): Uint32Array {
    const W = this.W;
    const v = new Uint32Array(a.f0.length * W);
    for (let j = 0; j < a.numInputs; j++) v.set(this.inputs[j]!, (1 + j) * W);
    for (let i = a.numInputs + 1; i < a.f0.length; i++) andInto(v, i, v, a.f0[i]!, v, a.f1[i]!, W);
    return v;
  }

  /** Do the outputs match the table on its care set? */
  correct(a: Aig, v: Uint32Array): boolean {
    const W = this.W;
    for (let k = 0; k < a.outputs.length; k++) {
      const l = a.outputs[k]!;
      const base = (l >>> 1) * W;
      const m = l & 1 ? 0xffffffff : 0;
      const e = this.expect[k]!;
      const c = this.care[k]!;
      for (let w = 0; w < W; w++) if (((v[base + w]! ^ m ^ e[w]!) & c[w]!) !== 0) return false;
    }
    return true;
  }

  /**
   * Rows where flipping node n changes a cared output bit (into `obs`, W words), and n's transitive fanout
   * (n included) marked in `tfo`. `flip` is scratch of the size of `v`.
   */
  observability(a: Aig, v: Uint32Array, n: number, tfo: Uint8Array, obs: Uint32Array, flip: Uint32Array): void {
    const W = this.W;
    tfo.fill(0);
    tfo[n] = 1;
    for (let w = 0; w < W; w++) flip[n * W + w] = ~v[n * W + w]!;
    for (let i = n + 1; i < a.f0.length; i++) {
      const x = a.f0[i]!;
      const y = a.f1[i]!;
      const tx = tfo[x >>> 1]!;
      const ty = tfo[y >>> 1]!;
      if (!tx && !ty) continue;
      tfo[i] = 1;
      andInto(flip, i, tx ? flip : v, x, ty ? flip : v, y, W);
    }
    obs.fill(0);
    for (let k = 0; k < a.outputs.length; k++) {
      const node = a.outputs[k]! >>> 1;
      if (!tfo[node]) continue;
      const c = this.care[k]!;
      for (let w = 0; w < W; w++) obs[w] = obs[w]! | ((flip[node * W + w]! ^ v[node * W + w]!) & c[w]!);
    }
  }
}

/** Node i of `out` = literal x (node values from vx) & literal y (from vy), W words. */
function andInto(out: Uint32Array, i: number, vx: Uint32Array, x: number, vy: Uint32Array, y: number, W: number): void {
  const bx = (x >>> 1) * W;
  const by = (y >>> 1) * W;
  const mx = x & 1 ? 0xffffffff : 0;
  const my = y & 1 ? 0xffffffff : 0;
  const bo = i * W;
  for (let w = 0; w < W; w++) out[bo + w] = (vx[bx + w]! ^ mx) & (vy[by + w]! ^ my);
}
