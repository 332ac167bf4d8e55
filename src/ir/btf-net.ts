// BtfNet: a network of Boolean threshold functions as flat arrays (docs/ALGORITHM.md §1).
// Stage: output of lower (a width list becomes a net); input of solve, extract and the .net/.wth writers.
//
// Node 0 is the bias (value −1); nodes 1..numInputs are the data inputs; BTF nodes follow in topological
// order, the last numOutputs of them being the outputs. Edges are sorted by receiving node, so the in-edges
// of node n are the contiguous range [inStart[n], inStart[n+1]) — the solver's hot loop walks them without
// an index array. Out-edges need one: outEdges[outStart[k] .. outStart[k+1]) are the edge ids leaving k.

import { userError } from '../util/diagnostics.js';
import type { TableItems } from './truth-table.js';

export interface BtfNet {
  /** Layer widths `n, h1, …, nOut` when the net is layered; undefined for a general DAG (a loaded .net). */
  widths?: number[];
  numNodes: number;
  numInputs: number;
  numOutputs: number;
  /** First BTF node (= 1 + numInputs). */
  firstBtf: number;
  /** First output node (= numNodes − numOutputs). */
  firstOutput: number;
  numEdges: number;
  /** Receiving node of each edge (non-decreasing). */
  edgeRecv: Int32Array;
  /** Sending node of each edge. */
  edgeSend: Int32Array;
  /** numNodes + 1 offsets into the edge list (in-edges are contiguous). */
  inStart: Int32Array;
  /** numNodes + 1 offsets into outEdges. */
  outStart: Int32Array;
  /** Edge ids grouped by sending node. */
  outEdges: Int32Array;
  /** In-degree m of each node (0 for bias and inputs). */
  inDegree: Int32Array;
  /** Margin δ = sqrt(m/σ) of each BTF node (0 for bias and inputs). */
  margin: Float64Array;
  /** The support parameter σ the margins were computed for. */
  sigma: number;
}

/**
 * Build a net from an explicit edge list. Edges are re-sorted by (receiver, sender); a BTF node must only
 * receive from lower-numbered nodes (topological order), and every BTF node must have at least one in-edge.
 */
export function netFromEdges(
  numInputs: number,
  numOutputs: number,
  numNodes: number,
  edges: ReadonlyArray<readonly [recv: number, send: number]>,
  sigma: number,
  widths?: number[],
): { net: BtfNet; order: Int32Array } {
  const firstBtf = 1 + numInputs;
  if (numNodes - firstBtf < numOutputs) throw userError(`a net with ${numNodes} nodes cannot have ${numInputs} inputs and ${numOutputs} outputs`);
  const order = Int32Array.from(edges.keys());
  order.sort((a, b) => edges[a]![0] - edges[b]![0] || edges[a]![1] - edges[b]![1]);
  const E = edges.length;
  const edgeRecv = new Int32Array(E);
  const edgeSend = new Int32Array(E);
  for (let e = 0; e < E; e++) {
    const [r, s] = edges[order[e]!]!;
    if (r < firstBtf || r >= numNodes) throw userError(`edge ${r} <- ${s}: only BTF nodes (${firstBtf}..${numNodes - 1}) receive edges`);
    if (s < 0 || s >= r) throw userError(`edge ${r} <- ${s}: a node may only receive from an earlier node`);
    edgeRecv[e] = r;
    edgeSend[e] = s;
  }
  const inStart = new Int32Array(numNodes + 1);
  const inDegree = new Int32Array(numNodes);
  for (let e = 0; e < E; e++) inDegree[edgeRecv[e]!]!++;
  for (let n = 0; n < numNodes; n++) inStart[n + 1] = inStart[n]! + inDegree[n]!;
  const outCount = new Int32Array(numNodes);
  for (let e = 0; e < E; e++) outCount[edgeSend[e]!]!++;
  const outStart = new Int32Array(numNodes + 1);
  for (let n = 0; n < numNodes; n++) outStart[n + 1] = outStart[n]! + outCount[n]!;
  const outEdges = new Int32Array(E);
  const fill = outStart.slice(0, numNodes);
  for (let e = 0; e < E; e++) outEdges[fill[edgeSend[e]!]!++] = e;
  const margin = new Float64Array(numNodes);
  for (let n = firstBtf; n < numNodes; n++) {
    if (inDegree[n] === 0) throw userError(`BTF node ${n} has no inputs`);
    margin[n] = Math.sqrt(inDegree[n]! / sigma);
  }
  const net: BtfNet = {
    widths,
    numNodes, numInputs, numOutputs, firstBtf, firstOutput: numNodes - numOutputs,
    numEdges: E, edgeRecv, edgeSend, inStart, outStart, outEdges, inDegree, margin, sigma,
  };
  return { net, order };
}

/** A fully connected layered net `n, h1, …, nOut`, every BTF node also fed by the bias. */
export function layeredNet(widths: readonly number[], sigma: number): BtfNet {
  if (widths.length < 2) throw userError(`an architecture needs at least an input and an output width, got ${widths.join('-')}`);
  for (const w of widths) {
    if (!Number.isInteger(w) || w < 1) throw userError(`layer width ${w} in ${widths.join('-')} must be a positive integer`);
  }
  const edges: [number, number][] = [];
  let prevStart = 1;
  let prevWidth = widths[0]!;
  let next = 1 + widths[0]!;
  for (let l = 1; l < widths.length; l++) {
    for (let j = 0; j < widths[l]!; j++) {
      const node = next + j;
      edges.push([node, 0]);
      for (let i = 0; i < prevWidth; i++) edges.push([node, prevStart + i]);
    }
    prevStart = next;
    prevWidth = widths[l]!;
    next += widths[l]!;
  }
  return netFromEdges(widths[0]!, widths[widths.length - 1]!, next, edges, sigma, [...widths]).net;
}

/** Forward pass with sign activations (sgn 0 = −1, matching P_A's tie rule). Returns ±1 per node. */
export function forward(net: BtfNet, weights: Float64Array, inputs: ArrayLike<number>, out?: Float64Array): Float64Array {
  const y = out ?? new Float64Array(net.numNodes);
  y[0] = -1;
  for (let j = 0; j < net.numInputs; j++) y[1 + j] = inputs[j]! > 0 ? 1 : -1;
  for (let n = net.firstBtf; n < net.numNodes; n++) {
    let s = 0;
    for (let e = net.inStart[n]!; e < net.inStart[n + 1]!; e++) s += weights[e]! * y[net.edgeSend[e]!]!;
    y[n] = s > 0 ? 1 : -1;
  }
  return y;
}

/**
 * Do these weights fit the table: does a forward pass (sign activations, sgn 0 = −1) give every cared
 * output bit of every item its target? The one "is this net a solution" check outside the solver's hot loop.
 */
export function fitsTable(net: BtfNet, weights: Float64Array, items: TableItems): boolean {
  const y = new Float64Array(net.numNodes);
  for (let i = 0; i < items.count; i++) {
    forward(net, weights, items.inputs.subarray(i * items.numInputs, (i + 1) * items.numInputs), y);
    for (let k = 0; k < items.numOutputs; k++) {
      const j = i * items.numOutputs + k;
      if (items.targetCare[j] && y[net.firstOutput + k] !== items.targets[j]) return false;
    }
  }
  return true;
}
