// Extraction: a solved BTF net (one weight per edge) becomes a gate Netlist. Stage: solve → extract → simplify.
//
// Every BTF node, in topological order, is read back from the patterns it actually receives on the care
// rows of the table (docs/ALGORITHM.md §6), not from its weights: the forward pass runs on the gate network as it
// is being built, so a node sees exactly what the gates upstream compute. Its target on each care row is
// its own threshold output sgn(w·v) (hidden nodes) or the table's value (output nodes, don't-care where the
// table has none). The smallest fitting form wins:
//   constant (bias only) → copy / NOT of one sender → AND / OR of two literals → MAJ3 of three literals
//   → "wide": a minimal support of senders that determines the node on the seen patterns, and a small
//     AND/OR/MAJ circuit for it with every unseen pattern a don't-care (small-synth.ts); where that search
//     would be too long (over 16 senders, its work budget spent, or past the deadline) the node's
//     threshold form, an adder tree and a comparison (threshold-form.ts).
// Weights only order the search (largest |w| first): the first fitting candidate in that order wins.

import { UserError } from '../util/diagnostics.js';
import type { BtfNet } from '../ir/btf-net.js';
import type { Port } from '../ir/spec.js';
import type { TruthTable } from '../ir/truth-table.js';
import {
  addGate, countGates, emptyNetlist, inputLit, LIT_FALSE, LIT_TRUE, litNeg, litNode, type Gate, type GateCounts, type Lit, type Netlist,
} from '../ir/netlist.js';
import {
  appendGates, careInputColumns, careRows, gateInto, litColumn, netlistCircuit, simulateInto, type CareRows, type NetlistCircuit,
} from './simulate.js';
import { buildExpr, evalExpr, exprCost, synthPartial, type PartialFn } from './small-synth.js';
import { determines, minimalSupport } from './support.js';
import { buildCover, intervalCover } from './isop.js';
import { buildThreshold, integerThreshold, LAST_RESORT_BITS, type ThresholdTerm } from './threshold-form.js';
import { Interrupted } from '../util/interrupt.js';

export type NodeForm = 'const' | 'copy' | 'and' | 'or' | 'maj' | 'wide';

export interface ExtractStats {
  /** BTF nodes read back. */
  btfNodes: number;
  /** How many BTF nodes took each form. */
  forms: Record<NodeForm, number>;
  /** The wide nodes: support size, distinct patterns seen, gates used. */
  wide: { node: number; support: number; patterns: number; gates: number }[];
  /** Gates of the extracted netlist (before simplification). */
  gates: GateCounts;
  timeMs: number;
}

export interface ExtractNames {
  name: string;
  inputs: Port[];
  outputs: Port[];
}

function defaultNames(table: TruthTable): ExtractNames {
  const scalars = (p: string, n: number): Port[] => Array.from({ length: n }, (_, i) => ({ name: `${p}${i}`, width: 1, bus: false }));
  return { name: 'btf', inputs: scalars('x', table.numInputs), outputs: scalars('y', table.numOutputs) };
}

/** The netlist being built and the column of each of its nodes on the table's care rows. */
class Columns {
  readonly W: number;
  /** Value column of every netlist node (kept in step with the netlist by `sync`). */
  readonly node: Uint32Array[];
  private readonly circuit: NetlistCircuit;
  constructor(readonly cr: CareRows, readonly nl: Netlist) {
    this.W = cr.W;
    this.node = careInputColumns(cr);
    this.circuit = netlistCircuit(nl);
  }
  lit(l: Lit): Uint32Array {
    return litColumn(this.node, l);
  }
  /** Bring node columns up to date with the netlist's gates. */
  sync(): void {
    appendGates(this.circuit, this.nl);
    simulateInto(this.circuit, this.node, this.node.length, this.W);
  }
}

const bit = (col: Uint32Array, i: number): number => (col[i >>> 5]! >>> (i & 31)) & 1;

/** f matches target on care (with f complemented when neg). */
function fits(f: Uint32Array, neg: boolean, target: Uint32Array, care: Uint32Array): boolean {
  const m = neg ? 0xffffffff : 0;
  for (let w = 0; w < f.length; w++) if (((f[w]! ^ m ^ target[w]!) & care[w]!) !== 0) return false;
  return true;
}

/** A sender as a candidate literal: |weight| summed over its edges, and the sign of the summed weight. */
interface Cand { lit: Lit; col: Uint32Array; weight: number; signed: number }

/**
 * How long extraction may search: past `deadline` (a performance.now() time) wide nodes take their
 * threshold form at once; an aborted `signal` stops it (Interrupted) between nodes.
 */
export interface ExtractLimits { deadline?: number; signal?: AbortSignal }

const late = (limits: ExtractLimits): boolean =>
  limits.signal?.aborted === true || (limits.deadline !== undefined && performance.now() > limits.deadline);

/**
 * Read a solved net back as gates. The net's inputs are the table's inputs x0, x1, … and its outputs the
 * table's output columns in order. Throws a UserError when the net does not compute the table.
 */
export function extract(net: BtfNet, weights: Float64Array, table: TruthTable, names?: ExtractNames, limits: ExtractLimits = {}): { netlist: Netlist; stats: ExtractStats } {
  const t0 = performance.now();
  if (net.numInputs !== table.numInputs || net.numOutputs !== table.numOutputs) {
    throw new Error(`internal: net ${net.numInputs}→${net.numOutputs} does not fit table ${table.numInputs}→${table.numOutputs}`);
  }
  const nm = names ?? defaultNames(table);
  const nl = emptyNetlist(nm.name, nm.inputs, nm.outputs);
  const cols = new Columns(careRows(table), nl);
  const nodeLit = new Int32Array(net.numNodes);
  nodeLit[0] = LIT_FALSE; // the bias has value −1 = false
  for (let j = 0; j < net.numInputs; j++) nodeLit[1 + j] = inputLit(j);
  const stats: ExtractStats = {
    btfNodes: net.numNodes - net.firstBtf,
    forms: { const: 0, copy: 0, and: 0, or: 0, maj: 0, wide: 0 },
    wide: [],
    gates: { and: 0, or: 0, maj: 0, not: 0, total: 0 },
    timeMs: 0,
  };
  for (let n = net.firstBtf; n < net.numNodes; n++) {
    if (limits.signal?.aborted) throw new Interrupted();
    nodeLit[n] = readBtfNode(net, weights, n, nodeLit, cols, stats, limits);
  }
  for (let k = 0; k < net.numOutputs; k++) nl.outputs[k] = nodeLit[net.firstOutput + k]!;
  stats.gates = countGates(nl);
  stats.timeMs = performance.now() - t0;
  return { netlist: nl, stats };
}

/** BTF node n as gates appended to the netlist: returns its literal and counts its form. */
function readBtfNode(net: BtfNet, weights: Float64Array, n: number, nodeLit: Int32Array, cols: Columns, stats: ExtractStats, limits: ExtractLimits): Lit {
  const { cands, senderLits, senderW } = senders(net, weights, n, nodeLit, cols);
  const { target, care } = nodeTarget(net, n, senderLits, senderW, cols);
  const add = (g: Gate): Lit => addGate(cols.nl, g);
  let lit: Lit;
  const r = readNode(cands, target, care, add, cols);
  if (r) {
    stats.forms[r.form]++;
    lit = r.lit;
  } else {
    const wide = readWide(n, cands, target, care, cols.cr.rows.length, add, net, limits);
    stats.forms.wide++;
    stats.wide.push({ node: n, support: wide.support, patterns: wide.patterns, gates: wide.gates });
    lit = wide.lit;
  }
  cols.sync();
  if (!fits(cols.lit(lit), false, target, care)) {
    throw new Error(`internal: extracted gate of BTF node ${n} does not reproduce the node on its patterns`);
  }
  return lit;
}

/**
 * Senders of BTF node n: as candidate literals (distinct nodes, weights summed with sign, the bias folded
 * away, largest |weight| first), and edge by edge as literals with their weights.
 */
function senders(net: BtfNet, weights: Float64Array, n: number, nodeLit: Int32Array, cols: Columns): { cands: Cand[]; senderLits: Lit[]; senderW: number[] } {
  const byNode = new Map<number, Cand>();
  const senderLits: Lit[] = [];
  const senderW: number[] = [];
  for (let e = net.inStart[n]!; e < net.inStart[n + 1]!; e++) {
    const l = nodeLit[net.edgeSend[e]!]!;
    senderLits.push(l);
    senderW.push(weights[e]!);
    if (l < 2) continue;
    const node = litNode(l);
    // A complemented sender literal: its weight acts on the node's positive value with the other sign.
    const w = litNeg(l) ? -weights[e]! : weights[e]!;
    const c = byNode.get(node);
    if (c) { c.weight += Math.abs(w); c.signed += w; }
    else byNode.set(node, { lit: 2 * node, col: cols.node[node]!, weight: Math.abs(w), signed: w });
  }
  const cands = [...byNode.values()].sort((a, b) => b.weight - a.weight || a.lit - b.lit);
  return { cands, senderLits, senderW };
}

/**
 * What node n must compute on the care rows: an output node the table's column (don't-care where the table
 * has none), a hidden node its own threshold output sgn(w·v) on every care row.
 */
function nodeTarget(net: BtfNet, n: number, senderLits: readonly Lit[], senderW: readonly number[], cols: Columns): { target: Uint32Array; care: Uint32Array } {
  const { cr } = cols;
  if (n >= net.firstOutput) {
    const k = n - net.firstOutput;
    return { target: cr.expect[k]!, care: cr.care[k]! };
  }
  const target = new Uint32Array(cols.W);
  const sc = senderLits.map((l) => cols.lit(l));
  for (let i = 0; i < cr.rows.length; i++) {
    let s = 0;
    for (let k = 0; k < sc.length; k++) s += senderW[k]! * (bit(sc[k]!, i) ? 1 : -1);
    if (s > 0) target[i >>> 5] = target[i >>> 5]! | (1 << (i & 31));
  }
  return { target, care: cr.all };
}

/** Constant, copy/NOT, AND/OR of two literals, MAJ3 of three; undefined when none fits. */
function readNode(cands: Cand[], target: Uint32Array, care: Uint32Array, add: (g: Gate) => Lit, cols: Columns): { lit: Lit; form: NodeForm } | undefined {
  const W = cols.W;
  const zero = new Uint32Array(W);
  if (fits(zero, false, target, care)) return { lit: LIT_FALSE, form: 'const' };
  if (fits(zero, true, target, care)) return { lit: LIT_TRUE, form: 'const' };
  for (const c of cands) {
    if (fits(c.col, false, target, care)) return { lit: c.lit, form: 'copy' };
    if (fits(c.col, true, target, care)) return { lit: c.lit ^ 1, form: 'copy' };
  }
  const f = new Uint32Array(W);
  const n = cands.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      for (let pol = 0; pol < 4; pol++) {
        const la = cands[i]!.lit ^ (pol & 1);
        const lb = cands[j]!.lit ^ ((pol >> 1) & 1);
        gateInto(f, 'and', cols.node, la, lb, 0, W);
        if (fits(f, false, target, care)) return { lit: add({ kind: 'and', ins: [la, lb] }), form: 'and' };
        // ~(a & b) = ~a | ~b
        if (fits(f, true, target, care)) return { lit: add({ kind: 'or', ins: [la ^ 1, lb ^ 1] }), form: 'or' };
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      for (let k = j + 1; k < n; k++) {
        for (let pol = 0; pol < 8; pol++) {
          const ins: [Lit, Lit, Lit] = [cands[i]!.lit ^ (pol & 1), cands[j]!.lit ^ ((pol >> 1) & 1), cands[k]!.lit ^ ((pol >> 2) & 1)];
          gateInto(f, 'maj', cols.node, ins[0], ins[1], ins[2], W);
          if (fits(f, false, target, care)) return { lit: add({ kind: 'maj', ins }), form: 'maj' };
        }
      }
    }
  }
  return undefined;
}

/** A wide node as read back: its literal, the support size, distinct patterns seen and gates used. */
interface WideRead { lit: Lit; support: number; patterns: number; gates: number }

/**
 * A node needing more than one gate: minimal support, then small synthesis with unseen patterns free —
 * or, when that search would be too long (past the deadline, a support over 16 senders, or small
 * synthesis out of its work budget), the node's threshold form (threshold-form.ts), and when integer
 * weights do not separate its patterns, its exact cover (exactCover).
 */
function readWide(n: number, cands: Cand[], target: Uint32Array, care: Uint32Array, R: number, add: (g: Gate) => Lit,
  net: BtfNet, limits: ExtractLimits): WideRead {
  if (!determines(cands, target, care, R)) {
    throw new UserError({
      message: `output ${n - net.firstOutput} of the net does not compute the table: two care rows reach BTF node ${n} with the same inputs but need different values`,
      hint: n >= net.firstOutput ? 'extract only a solved net (every care row right)' : undefined,
    });
  }
  const support = late(limits) ? undefined : minimalSupport(cands, target, care, R, () => late(limits));
  const small = support && support.length <= 16 ? synthWide(n, support, target, care, R, add, limits) : undefined;
  if (small) return small;
  return thresholdRead(cands, target, care, R, add)
    ?? exactCover(n, support ?? minimalSupport(cands, target, care, R, () => false) ?? cands, target, care, R, add);
}

/** The node's threshold form over `cands` with integer weights of up to `maxBits`; undefined when none separates. */
function thresholdRead(cands: Cand[], target: Uint32Array, care: Uint32Array, R: number, add: (g: Gate) => Lit, maxBits?: number): WideRead | undefined {
  const terms: ThresholdTerm[] = cands.map(positive).map((c) => ({ lit: c.lit, col: c.col, weight: c.signed }));
  const int = integerThreshold(terms, target, care, R, maxBits);
  if (!int) return undefined;
  const used = terms.map((t, i) => ({ t, w: int.weights[i]! })).filter((x) => x.w > 0);
  const built = buildThreshold(used.map((x) => x.t.lit), used.map((x) => x.w), int.threshold, add);
  return { lit: built.lit, support: used.length, patterns: distinctPatterns(used.map((x) => x.t.col), care, R), gates: built.gates };
}

/** How many distinct patterns the columns take on the cared rows. */
function distinctPatterns(cols: readonly Uint32Array[], care: Uint32Array, R: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < R; i++) if (bit(care, i)) seen.add(cols.map((c) => bit(c, i)).join(''));
  return seen.size;
}

/**
 * A sender complemented where its weight is negative, so that every weight is positive and a threshold
 * node becomes a monotone function of its senders.
 */
const positive = (c: Cand): Cand => (c.signed < 0 ? { ...c, lit: c.lit ^ 1, col: c.col.map((x) => ~x >>> 0), signed: -c.signed } : c);

/**
 * The node as a partial function of its senders `support` (one variable each, made positive): value and
 * care per pattern.
 */
function patternFunction(support: Cand[], target: Uint32Array, care: Uint32Array, R: number): { vars: Cand[]; fn: PartialFn; patterns: number } {
  const vars = support.map(positive);
  const s = vars.length;
  const fn: PartialFn = { s, value: new Uint32Array(Math.max(1, 2 ** s / 32)), care: new Uint32Array(Math.max(1, 2 ** s / 32)) };
  let patterns = 0;
  for (let i = 0; i < R; i++) {
    if (!((care[i >>> 5]! >>> (i & 31)) & 1)) continue;
    let p = 0;
    for (let v = 0; v < s; v++) p |= ((vars[v]!.col[i >>> 5]! >>> (i & 31)) & 1) << v;
    if (!((fn.care[p >>> 5]! >>> (p & 31)) & 1)) patterns++;
    fn.care[p >>> 5] = fn.care[p >>> 5]! | (1 << (p & 31));
    if ((target[i >>> 5]! >>> (i & 31)) & 1) fn.value[p >>> 5] = fn.value[p >>> 5]! | (1 << (p & 31));
  }
  return { vars, fn, patterns };
}

/** The widest support exactCover tabulates (2^20 patterns: 128 KiB per bound). */
const COVER_MAX_SUPPORT = 20;

/**
 * A node whose real weights separate its patterns by less than integer weights of MAX_BITS can (a restart
 * counts as solved once every care row is right, whatever its margin): its exact function over its
 * support, whatever the deadline, as an irredundant sum of products with unseen patterns free.
 */
function exactCover(n: number, support: Cand[], target: Uint32Array, care: Uint32Array, R: number, add: (g: Gate) => Lit): WideRead {
  if (support.length > COVER_MAX_SUPPORT) {
    // Too wide to tabulate: finer integer weights, a larger adder tree that simplify and optimize shrink.
    const fine = thresholdRead(support, target, care, R, add, LAST_RESORT_BITS);
    if (!fine) throw new Error(`internal: BTF node ${n} has no integer threshold form on its patterns and ${support.length} senders`);
    return fine;
  }
  const { vars, fn, patterns } = patternFunction(support, target, care, R);
  const lower = fn.value.map((v, w) => v & fn.care[w]!);
  const upper = fn.value.map((v, w) => v | ~fn.care[w]!); // bits past 2^s: isop masks them
  const built = buildCover(intervalCover(lower, upper, fn.s), vars.map((c) => c.lit), add);
  return { lit: built.lit, support: fn.s, patterns, gates: built.gates };
}

/** Small synthesis of a wide node over its support; undefined when it runs out of its limits. */
function synthWide(n: number, support: Cand[], target: Uint32Array, care: Uint32Array, R: number, add: (g: Gate) => Lit,
  limits: ExtractLimits): WideRead | undefined {
  const { vars, fn, patterns } = patternFunction(support, target, care, R);
  const s = vars.length;
  // Variables in support order = descending weight, the decomposition's preference order.
  const expr = synthPartial(fn, undefined, limits.deadline !== undefined ? { deadline: limits.deadline } : {});
  if (!expr) return undefined;
  // Self-check on the pattern space before building.
  const varCols: Uint32Array[] = [];
  for (let v = 0; v < s; v++) {
    const c = new Uint32Array(fn.value.length);
    for (let p = 0; p < 2 ** s; p++) if ((p >>> v) & 1) c[p >>> 5] = c[p >>> 5]! | (1 << (p & 31));
    varCols.push(c);
  }
  const got = evalExpr(expr, varCols, fn.value.length);
  for (let w = 0; w < got.length; w++) {
    if (((got[w]! ^ fn.value[w]!) & fn.care[w]!) !== 0) throw new Error(`internal: small synthesis of BTF node ${n} is wrong`);
  }
  const lit = buildExpr(expr, vars.map((c) => c.lit), add);
  return { lit, support: s, patterns, gates: exprCost(expr) };
}
