// Readers and writers for the reference program's network files (docs/ALGORITHM.md §8): `.net` (header
// `nodes innodes outnodes edges`, then `receiving sending weight` per edge) and `.wth` (layer count, then
// the widths). Stage: interoperability at the edges of the pipeline (load a solved net, save ours).
//
// Node numbering: the reference numbers nodes exactly as BtfNet does — node 0 is the bias (value −1, counted
// in `innodes`), nodes 1..innodes−1 are the data inputs in the order of a `.dat` input line, BTF nodes
// follow in topological order and the last `outnodes` nodes are the outputs in the order of a `.dat` output
// line (checked by forward-passing the reference's solved 2×2 and 3×3 multipliers, test/formats/net-io.test.ts).
// So reading is the identity on node ids; only the edge order changes (netFromEdges sorts by receiver) and
// the weights are permuted with it.

import { UserError, userError } from '../util/diagnostics.js';
import { netFromEdges, type BtfNet } from '../ir/btf-net.js';
import { spanOf, splitLines, wordsOf, wordsOfText, type Word } from './words.js';

function bad(file: string, t: Word | undefined, message: string, hint?: string): UserError {
  return new UserError({ file, span: t ? spanOf(t) : undefined, message, hint });
}

function intAt(file: string, toks: Word[], i: number, what: string, min = 0): number {
  const t = toks[i];
  if (!t) throw bad(file, toks[toks.length - 1], `file ends where ${what} was expected`);
  if (!/^[+-]?\d+$/.test(t.text)) throw bad(file, t, `expected ${what} (an integer), found '${t.text}'`);
  const v = Number(t.text);
  if (v < min) throw bad(file, t, `${what} must be at least ${min}, found ${v}`);
  return v;
}

/**
 * Parse a reference `.net` file. `weights` is undefined when the file carries no trained weights (every
 * weight zero, as the reference's `layered` writes them). `sigma` sets the margins of the returned net.
 */
export function readNet(text: string, file: string, sigma = 3): { net: BtfNet; weights?: Float64Array } {
  const lines = splitLines(text);
  let li = 0;
  while (li < lines.length && lines[li]!.trim() === '') li++;
  const headerToks = wordsOf(lines[li] ?? '', li + 1);
  if (headerToks.length !== 4) {
    throw bad(file, headerToks[0], 'a .net file starts with the header `nodes innodes outnodes edges`');
  }
  const numNodes = intAt(file, headerToks, 0, 'the number of nodes', 2);
  const inNodes = intAt(file, headerToks, 1, 'the number of input nodes (bias included)', 1);
  const numOutputs = intAt(file, headerToks, 2, 'the number of output nodes', 1);
  const numEdges = intAt(file, headerToks, 3, 'the number of edges', 1);
  const edges: [number, number][] = [];
  const raw: number[] = [];
  let anyWeight = false;
  for (li++; li < lines.length; li++) {
    const toks = wordsOf(lines[li]!, li + 1);
    if (toks.length === 0) continue;
    if (toks.length !== 3 && toks.length !== 2) {
      throw bad(file, toks[0], `expected an edge line \`receiving sending weight\`, found ${toks.length} fields`);
    }
    if (edges.length === numEdges) throw bad(file, toks[0], `more edge lines than the ${numEdges} the header announces`);
    const r = intAt(file, toks, 0, 'the receiving node');
    const s = intAt(file, toks, 1, 'the sending node');
    let w = 0;
    if (toks.length === 3) {
      w = Number(toks[2]!.text);
      if (!Number.isFinite(w)) throw bad(file, toks[2], `expected a weight (a number), found '${toks[2]!.text}'`);
    }
    if (w !== 0) anyWeight = true;
    if (r >= numNodes || s >= numNodes) throw bad(file, toks[0], `edge ${r} <- ${s} refers to a node beyond the ${numNodes} the header announces`);
    edges.push([r, s]);
    raw.push(w);
  }
  if (edges.length !== numEdges) {
    throw userError(`the header announces ${numEdges} edges but the file has ${edges.length}`, 'fix the header or the edge list', file);
  }
  let built: ReturnType<typeof netFromEdges>;
  try {
    built = netFromEdges(inNodes - 1, numOutputs, numNodes, edges, sigma);
  } catch (err) {
    if (err instanceof UserError) throw new UserError(err.diagnostics.map((d) => ({ ...d, file })));
    throw err;
  }
  const { net, order } = built;
  const seen = new Set<number>();
  for (let e = 0; e < net.numEdges; e++) {
    const key = net.edgeRecv[e]! * numNodes + net.edgeSend[e]!;
    if (seen.has(key)) throw userError(`edge ${net.edgeRecv[e]} <- ${net.edgeSend[e]} appears twice`, 'merge the duplicate edges', file);
    seen.add(key);
  }
  if (!anyWeight) return { net };
  const weights = new Float64Array(net.numEdges);
  for (let e = 0; e < net.numEdges; e++) weights[e] = raw[order[e]!]!;
  return { net, weights };
}

function pad(s: string, n: number): string {
  return s.length >= n ? ` ${s}` : ' '.repeat(n - s.length) + s;
}

/** Write a net in the reference format (`%5d%5d%14.8f` edge lines, as the reference prints them). */
export function writeNet(net: BtfNet, weights?: Float64Array): string {
  const out = [`${net.numNodes}  ${net.numInputs + 1}  ${net.numOutputs}  ${net.numEdges}`];
  for (let e = 0; e < net.numEdges; e++) {
    const w = weights ? weights[e]! : 0;
    out.push(`${pad(String(net.edgeRecv[e]), 5)}${pad(String(net.edgeSend[e]), 5)}${pad(w.toFixed(8), 14)}`);
  }
  return `${out.join('\n')}\n`;
}

/** Parse a `.wth` width file: the number of layers L, then L+1 widths (input … output). */
export function readWth(text: string, file: string): number[] {
  const toks = wordsOfText(text);
  const L = intAt(file, toks, 0, 'the number of layers', 1);
  const widths: number[] = [];
  for (let i = 1; i <= L + 1; i++) widths.push(intAt(file, toks, i, `width ${i} of ${L + 1}`, 1));
  if (toks.length > L + 2) {
    throw bad(file, toks[L + 2], `a .wth file with ${L} layers holds ${L + 1} widths; this one has more`, 'fix the layer count on the first line');
  }
  return widths;
}

export function writeWth(widths: readonly number[]): string {
  return `${widths.length - 1}\n${widths.join(' ')}\n`;
}
