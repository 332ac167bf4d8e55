// Bit-parallel simulation of a Netlist: 32 truth-table rows per Uint32 word. Exhaustive simulation over all
// 2^n rows gives output columns laid out exactly like TruthTable columns, so checking a circuit against its
// specification is a word-wise XOR under the care mask. Stage: verify (always run before anything is written)
// and the don't-care-aware simplification passes.

import type { TruthTable } from '../ir/truth-table.js';
import { isGate, litNeg, litNode, type Lit, type Netlist } from '../ir/netlist.js';

/** Word w of input j's exhaustive column (row m has x_j = bit j of m). */
export function inputWord(j: number, w: number): number {
  switch (j) {
    case 0: return 0xaaaaaaaa >>> 0;
    case 1: return 0xcccccccc >>> 0;
    case 2: return 0xf0f0f0f0 >>> 0;
    case 3: return 0xff00ff00 >>> 0;
    case 4: return 0xffff0000 >>> 0;
    default: return ((w >>> (j - 5)) & 1) ? 0xffffffff : 0;
  }
}

/**
 * Simulate every node on given input columns (each `words` long, one per input bit). Returns one column per
 * node (node 0, the constant, is all zeros). Columns of literals: complement when the literal is negated.
 */
export function simulateNodes(nl: Netlist, inputCols: readonly Uint32Array[], words: number): Uint32Array[] {
  const vals: Uint32Array[] = new Array(nl.nodes.length);
  vals[0] = new Uint32Array(words);
  for (let j = 0; j < nl.numInputs; j++) vals[1 + j] = inputCols[j]!;
  for (let i = nl.numInputs + 1; i < nl.nodes.length; i++) {
    vals[i] = evalNode(nl, i, vals, words);
  }
  return vals;
}

function evalNode(nl: Netlist, i: number, vals: Uint32Array[], words: number): Uint32Array {
  const n = nl.nodes[i]!;
  if (!isGate(n)) throw new Error(`internal: node ${i} is not a gate`);
  const out = new Uint32Array(words);
  const a = n.ins[0];
  const b = n.ins[1];
  const va = vals[litNode(a)]!;
  const vb = vals[litNode(b)]!;
  const ma = litNeg(a) ? 0xffffffff : 0;
  const mb = litNeg(b) ? 0xffffffff : 0;
  if (n.kind === 'and') {
    for (let w = 0; w < words; w++) out[w] = (va[w]! ^ ma) & (vb[w]! ^ mb);
  } else if (n.kind === 'or') {
    for (let w = 0; w < words; w++) out[w] = (va[w]! ^ ma) | (vb[w]! ^ mb);
  } else {
    const c = n.ins[2];
    const vc = vals[litNode(c)]!;
    const mc = litNeg(c) ? 0xffffffff : 0;
    for (let w = 0; w < words; w++) {
      const x = va[w]! ^ ma;
      const y = vb[w]! ^ mb;
      const z = vc[w]! ^ mc;
      out[w] = (x & y) | (x & z) | (y & z);
    }
  }
  return out;
}

/** Column of a literal given node columns (a fresh array when complemented). */
export function litColumn(vals: readonly Uint32Array[], l: Lit): Uint32Array {
  const v = vals[litNode(l)]!;
  if (!litNeg(l)) return v;
  const out = new Uint32Array(v.length);
  for (let w = 0; w < v.length; w++) out[w] = ~v[w]! >>> 0;
  return out;
}

/** Rows per simulation chunk: bounds memory at (#nodes × CHUNK_WORDS × 4) bytes for wide tables. */
const CHUNK_WORDS = 2048;

/**
 * Exhaustive simulation over all 2^numInputs rows. Returns output-major columns of ceil(2^n/32) words each,
 * comparable to TruthTable.values (bits beyond 2^n in the last word are unspecified; mask them with care).
 */
export function simulate(nl: Netlist): Uint32Array {
  const numWords = Math.ceil(2 ** nl.numInputs / 32);
  const numOut = nl.outputs.length;
  const result = new Uint32Array(numWords * numOut);
  for (let w0 = 0; w0 < numWords; w0 += CHUNK_WORDS) {
    const words = Math.min(CHUNK_WORDS, numWords - w0);
    const inputs: Uint32Array[] = [];
    for (let j = 0; j < nl.numInputs; j++) {
      const col = new Uint32Array(words);
      for (let w = 0; w < words; w++) col[w] = inputWord(j, w0 + w);
      inputs.push(col);
    }
    const vals = simulateNodes(nl, inputs, words);
    for (let k = 0; k < numOut; k++) {
      const l = nl.outputs[k]!;
      const v = vals[litNode(l)]!;
      const m = litNeg(l) ? 0xffffffff : 0;
      for (let w = 0; w < words; w++) result[k * numWords + w0 + w] = (v[w]! ^ m) >>> 0;
    }
  }
  return result;
}

export type TableCheck =
  | { ok: true }
  | { ok: false; row: number; output: number; expected: 0 | 1; actual: 0 | 1 };

/** Compare simulated output columns with a table on its care set; reports the first mismatch (lowest row). */
export function compareColumns(cols: Uint32Array, table: TruthTable): TableCheck {
  const W = table.numWords;
  let best: TableCheck = { ok: true };
  for (let k = 0; k < table.numOutputs; k++) {
    for (let w = 0; w < W; w++) {
      const diff = ((cols[k * W + w]! ^ table.values[k * W + w]!) & table.care[k * W + w]!) >>> 0;
      if (diff === 0) continue;
      const bit = 31 - Math.clz32(diff & -diff);
      const row = w * 32 + bit;
      if (best.ok || row < best.row) {
        const expected = table.value(k, row);
        best = { ok: false, row, output: k, expected, actual: (expected ^ 1) as 0 | 1 };
      }
      break;
    }
  }
  return best;
}

/** Exhaustive check of a netlist against a table on the care set. */
export function checkAgainstTable(nl: Netlist, table: TruthTable): TableCheck {
  if (nl.numInputs !== table.numInputs || nl.outputs.length !== table.numOutputs) {
    throw new Error(`internal: netlist ${nl.numInputs}→${nl.outputs.length} does not fit table ${table.numInputs}→${table.numOutputs}`);
  }
  return compareColumns(simulate(nl), table);
}
