// Bit-parallel simulation, the one simulator of the gate stages: 32 rows per Uint32 word, one column of
// words per node. Two row sets: every row of the table (exhaustive, laid out exactly like TruthTable
// columns, so checking a circuit against its specification is a word-wise XOR under the care mask: verify
// and the final checks) and the table's care rows only (CareRows: extract, the dc-replace pass, optimize —
// the tables they meet have at most a few thousand care rows, so every candidate is judged on all of them).
//
// Netlists and the optimizer's AIGs both run here as a SimCircuit: gates in topological order over literals
// `2·node + neg`, node 0 the constant false, nodes 1..numInputs the inputs.

import type { TruthTable } from '../ir/truth-table.js';
import { isGate, litNeg, litNode, type GateKind, type Lit, type Netlist } from '../ir/netlist.js';

/**
 * The shape the simulator runs. Gate i (i > numInputs) is kind[i] of the literals f0[i], f1[i] and, for a
 * MAJ3, f2[i]; the arrays' length is the node count (entries of the constant and the inputs are unused).
 * Without `kind` every gate is an AND: an optimizer Aig is a SimCircuit as it stands.
 */
export interface SimCircuit {
  readonly numInputs: number;
  readonly f0: ArrayLike<Lit>;
  readonly f1: ArrayLike<Lit>;
  readonly f2?: ArrayLike<Lit>;
  readonly kind?: ArrayLike<GateKind>;
  readonly outputs: readonly Lit[];
}

/** A netlist as a SimCircuit; `appendGates` keeps it in step with a netlist that only grows. */
export interface NetlistCircuit extends SimCircuit {
  readonly f0: Lit[];
  readonly f1: Lit[];
  readonly f2: Lit[];
  readonly kind: GateKind[];
}

/** The SimCircuit of a netlist (a snapshot: rebuild it after rewriting gates in place). */
export function netlistCircuit(nl: Netlist): NetlistCircuit {
  const c: NetlistCircuit = { numInputs: nl.numInputs, f0: [], f1: [], f2: [], kind: [], outputs: nl.outputs };
  for (let i = 0; i <= nl.numInputs; i++) { c.f0.push(0); c.f1.push(0); c.f2.push(0); c.kind.push('and'); }
  appendGates(c, nl);
  return c;
}

/** Append the netlist's gates past the circuit's end (a netlist being built gate by gate). */
export function appendGates(c: NetlistCircuit, nl: Netlist): void {
  for (let i = c.f0.length; i < nl.nodes.length; i++) {
    const g = nl.nodes[i]!;
    if (!isGate(g)) throw new Error(`internal: node ${i} is not a gate`);
    c.f0.push(g.ins[0]);
    c.f1.push(g.ins[1]);
    c.f2.push(g.kind === 'maj' ? g.ins[2] : 0);
    c.kind.push(g.kind);
  }
}

/**
 * Column `out` (W words) = gate `kind` of the literals x, y (and z for a MAJ3, ignored otherwise), whose
 * nodes' columns are `cols[node]`. A complemented literal reads its column complemented.
 */
export function gateInto(out: Uint32Array, kind: GateKind, cols: readonly Uint32Array[], x: Lit, y: Lit, z: Lit, W: number): void {
  const a = cols[x >>> 1]!;
  const b = cols[y >>> 1]!;
  const ma = x & 1 ? 0xffffffff : 0;
  const mb = y & 1 ? 0xffffffff : 0;
  if (kind === 'and') {
    for (let w = 0; w < W; w++) out[w] = (a[w]! ^ ma) & (b[w]! ^ mb);
  } else if (kind === 'or') {
    for (let w = 0; w < W; w++) out[w] = (a[w]! ^ ma) | (b[w]! ^ mb);
  } else {
    const c = cols[z >>> 1]!;
    const mc = z & 1 ? 0xffffffff : 0;
    for (let w = 0; w < W; w++) {
      const p = a[w]! ^ ma;
      const q = b[w]! ^ mb;
      const r = c[w]! ^ mc;
      out[w] = (p & q) | (p & r) | (q & r);
    }
  }
}

/** Column of gate i of c, read from `cols`, into `out`. */
function nodeInto(c: SimCircuit, i: number, cols: readonly Uint32Array[], out: Uint32Array, W: number): void {
  const kind = c.kind ? c.kind[i]! : 'and';
  gateInto(out, kind, cols, c.f0[i]!, c.f1[i]!, kind === 'maj' ? c.f2![i]! : 0, W);
}

/**
 * Simulate the gates of c from node `from` on: cols[i] (allocated when missing, W words) gets gate i's
 * column. The columns of every node before `from` must be there.
 */
export function simulateInto(c: SimCircuit, cols: Uint32Array[], from: number, W: number): Uint32Array[] {
  const size = c.f0.length;
  for (let i = Math.max(from, c.numInputs + 1); i < size; i++) {
    nodeInto(c, i, cols, (cols[i] ??= new Uint32Array(W)), W);
  }
  return cols;
}

/** Column of a literal given node columns (a fresh array when complemented). */
export function litColumn(cols: readonly Uint32Array[], l: Lit): Uint32Array {
  const v = cols[litNode(l)]!;
  if (!litNeg(l)) return v;
  const out = new Uint32Array(v.length);
  for (let w = 0; w < v.length; w++) out[w] = ~v[w]! >>> 0;
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The care rows.

/** A table's care rows (rows where some output is cared about) as words: bit i of a column is row rows[i]. */
export interface CareRows {
  /** The rows, ascending. */
  readonly rows: Uint32Array;
  /** Words per column (at least 1). */
  readonly W: number;
  /** Every care row set (the bits past the last row clear). */
  readonly all: Uint32Array;
  /** Column of each input. */
  readonly inputs: Uint32Array[];
  /** Per output: its value and its care mask. */
  readonly expect: Uint32Array[];
  readonly care: Uint32Array[];
}

export function careRows(table: TruthTable): CareRows {
  const rows = table.careRows();
  const W = Math.max(1, Math.ceil(rows.length / 32));
  const setBit = (col: Uint32Array, i: number): void => { col[i >>> 5] = col[i >>> 5]! | (1 << (i & 31)); };
  const all = new Uint32Array(W);
  for (let i = 0; i < rows.length; i++) setBit(all, i);
  const inputs: Uint32Array[] = [];
  for (let j = 0; j < table.numInputs; j++) {
    const c = new Uint32Array(W);
    for (let i = 0; i < rows.length; i++) if ((rows[i]! >>> j) & 1) setBit(c, i);
    inputs.push(c);
  }
  const expect: Uint32Array[] = [];
  const care: Uint32Array[] = [];
  for (let k = 0; k < table.numOutputs; k++) {
    const e = new Uint32Array(W);
    const c = new Uint32Array(W);
    for (let i = 0; i < rows.length; i++) {
      if (!table.isCare(k, rows[i]!)) continue;
      setBit(c, i);
      if (table.value(k, rows[i]!)) setBit(e, i);
    }
    expect.push(e);
    care.push(c);
  }
  return { rows, W, all, inputs, expect, care };
}

/** The columns of the constant and the inputs on the care rows: the start of every care-row simulation. */
export function careInputColumns(cr: CareRows): Uint32Array[] {
  return [new Uint32Array(cr.W), ...cr.inputs];
}

/** Every node's column of c on the care rows. */
export function simulateCare(c: SimCircuit, cr: CareRows): Uint32Array[] {
  return simulateInto(c, careInputColumns(cr), 0, cr.W);
}

/** Do the output literals match the table on its care set, given node columns on the care rows? */
export function fitsCare(cr: CareRows, outputs: readonly Lit[], cols: readonly Uint32Array[]): boolean {
  for (let k = 0; k < outputs.length; k++) {
    const l = outputs[k]!;
    const v = cols[l >>> 1]!;
    const m = l & 1 ? 0xffffffff : 0;
    const e = cr.expect[k]!;
    const care = cr.care[k]!;
    for (let w = 0; w < cr.W; w++) if (((v[w]! ^ m ^ e[w]!) & care[w]!) !== 0) return false;
  }
  return true;
}

/** Scratch of `resimulateFanout`, reused from call to call. */
export class FanoutSim {
  /** After a call: 1 on the replaced node and its transitive fanout. */
  tfo = new Uint8Array(0);
  /** After a call: the trial columns (the base's own columns outside the fanout). */
  readonly cols: Uint32Array[] = [];
  private readonly own: Uint32Array[] = [];

  /**
   * Node n's column replaced by `col`: re-simulate n's transitive fanout only (rows are independent, so
   * nodes outside it keep the base columns). Returns the trial columns, valid until the next call.
   */
  resimulate(c: SimCircuit, base: readonly Uint32Array[], n: number, col: Uint32Array, W: number): Uint32Array[] {
    const size = c.f0.length;
    if (this.tfo.length < size) this.tfo = new Uint8Array(size);
    const tfo = this.tfo;
    const cols = this.cols;
    tfo.fill(0, 0, size);
    cols.length = size;
    for (let i = 0; i < n; i++) cols[i] = base[i]!;
    tfo[n] = 1;
    cols[n] = col;
    const maj = c.kind !== undefined;
    for (let i = n + 1; i < size; i++) {
      const hit = tfo[c.f0[i]! >>> 1] || tfo[c.f1[i]! >>> 1] || (maj && c.kind![i] === 'maj' && tfo[c.f2![i]! >>> 1]);
      if (!hit) { cols[i] = base[i]!; continue; }
      tfo[i] = 1;
      let out = this.own[i];
      if (out === undefined || out.length !== W) out = this.own[i] = new Uint32Array(W);
      nodeInto(c, i, cols, out, W);
      cols[i] = out;
    }
    return cols;
  }

  /**
   * The care rows where flipping node n changes a cared output bit, into `obs` (W words); afterwards `tfo`
   * marks n's transitive fanout (n included). Exact: this is the observability the optimizer's
   * don't-cares come from.
   */
  observability(c: SimCircuit, cols: readonly Uint32Array[], n: number, cr: CareRows, obs: Uint32Array): void {
    const W = cr.W;
    const flipped = new Uint32Array(W);
    const v = cols[n]!;
    for (let w = 0; w < W; w++) flipped[w] = ~v[w]!;
    const trial = this.resimulate(c, cols, n, flipped, W);
    obs.fill(0);
    for (let k = 0; k < c.outputs.length; k++) {
      const node = c.outputs[k]! >>> 1;
      if (!this.tfo[node]) continue;
      const care = cr.care[k]!;
      const a = trial[node]!;
      const b = cols[node]!;
      for (let w = 0; w < W; w++) obs[w] = obs[w]! | ((a[w]! ^ b[w]!) & care[w]!);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Every row.

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

/** Rows per simulation chunk: bounds memory at (#nodes × CHUNK_WORDS × 4) bytes for wide tables. */
const CHUNK_WORDS = 2048;

/**
 * Exhaustive simulation over all 2^numInputs rows. Returns output-major columns of ceil(2^n/32) words each,
 * comparable to TruthTable.values (bits beyond 2^n in the last word are unspecified; mask them with care).
 */
export function simulate(nl: Netlist): Uint32Array {
  const c = netlistCircuit(nl);
  const numWords = Math.ceil(2 ** nl.numInputs / 32);
  const numOut = nl.outputs.length;
  const result = new Uint32Array(numWords * numOut);
  for (let w0 = 0; w0 < numWords; w0 += CHUNK_WORDS) {
    const words = Math.min(CHUNK_WORDS, numWords - w0);
    const cols: Uint32Array[] = [new Uint32Array(words)];
    for (let j = 0; j < nl.numInputs; j++) {
      const col = new Uint32Array(words);
      for (let w = 0; w < words; w++) col[w] = inputWord(j, w0 + w);
      cols.push(col);
    }
    simulateInto(c, cols, 0, words);
    for (let k = 0; k < numOut; k++) {
      const l = nl.outputs[k]!;
      const v = cols[litNode(l)]!;
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
