// The RRR iterate of one restart and its hot loop (docs/ALGORITHM.md §2–5). Stage: solve.
//
// All state lives in flat Float64Arrays allocated once per engine and reused by every restart it runs:
// per-edge variables item-major at [i*E + e], per-node ones at [i*N + n]. One iteration is two sweeps
// over the items with an O(E) step between them:
//   sweep 1, per item: P_A of every block (zA: yA, and wA = a·w + b·x, xA = a·x + b·w kept as the two
//     coefficients of the block rather than per edge), and on the fly the reflection zR = 2zA − z,
//     accumulated into the metric-weighted sums of P_B (weights: across items; values: this item's ζ,
//     which gives yB — xB is never stored, it is yB of the sending node);
//   between: the concurred weights wB = normalised Σ g·wR / Σ g, per receiving node;
//   sweep 2, per item: z ← z + β(zB − zA), the gap of every (item, BTF node), and after it the metric.
//     It also keeps A = |w+x|²/2 and B = |w−x|²/2 (p = w·x and q = |w|² + |x|² in a form free of
//     cancellation) of every block of the new z, which is all P_A needs to choose its point (the metric does
//     not enter P_A), so sweep 1 reads each block once.
// Nothing is allocated and no closure is called inside an iteration.

import type { TableItems } from '../ir/truth-table.js';
import type { BtfNet } from '../ir/btf-net.js';
import type { Xoshiro128ss } from './prng.js';
import { solveMarginU, marginDistance } from './projections.js';

/** What the engine needs of a BtfNet (structured-clone friendly, so workers receive it as is). */
export type EngineNet = Pick<BtfNet, 'numNodes' | 'numInputs' | 'numOutputs' | 'firstBtf' | 'firstOutput' | 'numEdges'
  | 'edgeRecv' | 'edgeSend' | 'inStart' | 'inDegree'>;

/** Doubles the engine allocates for `items` items: the number behind the CLI's memory estimate. */
export function engineDoubles(net: { numNodes: number; numEdges: number }, items: number): number {
  // w, x per edge; y, yA, yB, g, gapNode, A, B, u+, u−, a, b per node; per item. Plus O(E + N) scratch.
  return items * (2 * net.numEdges + 11 * net.numNodes) + 4 * net.numEdges + 4 * net.numNodes;
}

export class RrrEngine {
  readonly I: number;
  readonly E: number;
  readonly N: number;
  readonly firstBtf: number;
  readonly firstOutput: number;
  readonly numOutputs: number;
  readonly numBtf: number;
  readonly inStart: Int32Array;
  readonly edgeSend: Int32Array;
  readonly edgeRecv: Int32Array;
  readonly inDegree: Int32Array;
  /** δ_n = sqrt(m_n / σ). */
  readonly margin: Float64Array;

  // The iterate z.
  readonly w: Float64Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  // zA = P_A(z): yA, and wA/xA as per-block coefficients (coefA, coefB below).
  readonly yA: Float64Array;
  // zB = P_B(2zA − z): one weight per edge, and per-item node values.
  readonly wB: Float64Array;
  readonly yB: Float64Array;
  /** Metric coefficient per (item, node); 1 for bias and inputs. */
  readonly g: Float64Array;
  /** Gap contribution of each (item, BTF node) in the last iteration. */
  readonly gapNode: Float64Array;
  /** A = |w+x|²/2 and B = |w−x|²/2 of each (item, BTF node) block of the current z (kept by sweep 2). */
  private readonly az: Float64Array;
  private readonly bz: Float64Array;
  /** Last root u of each block's marginProject toward +δ and toward −δ: Newton's warm start. */
  private readonly uPlus: Float64Array;
  private readonly uMinus: Float64Array;
  /** P_A of each block as coefficients: wA = a·w + b·x, xA = a·x + b·w (a = 1/(1−u²), b = u·a). */
  readonly coefA: Float64Array;
  readonly coefB: Float64Array;

  /** Per item, the fixed values of bias and inputs (items × firstBtf). */
  readonly fixed: Float64Array;
  /** items × numOutputs targets (±1, 0 where don't-care) and care flags. */
  readonly targets: Float64Array;
  readonly care: Uint8Array;
  /** Number of cared output bits (the denominator of accuracy). */
  readonly careBits: number;

  // Scratch.
  private readonly wSum: Float64Array;
  private readonly gSum: Float64Array;
  private readonly num: Float64Array;
  private readonly den: Float64Array;
  private readonly fwd: Float64Array;

  constructor(net: EngineNet, items: TableItems, sigma: number) {
    if (items.numInputs !== net.numInputs || items.numOutputs !== net.numOutputs) {
      throw new RangeError(`items have ${items.numInputs} inputs / ${items.numOutputs} outputs, the net ${net.numInputs} / ${net.numOutputs}`);
    }
    const I = (this.I = items.count);
    const E = (this.E = net.numEdges);
    const N = (this.N = net.numNodes);
    this.firstBtf = net.firstBtf;
    this.firstOutput = net.firstOutput;
    this.numOutputs = net.numOutputs;
    this.numBtf = N - net.firstBtf;
    this.inStart = net.inStart;
    this.edgeSend = net.edgeSend;
    this.edgeRecv = net.edgeRecv;
    this.inDegree = net.inDegree;
    this.margin = new Float64Array(N);
    for (let n = net.firstBtf; n < N; n++) this.margin[n] = Math.sqrt(net.inDegree[n]! / sigma);
    this.w = new Float64Array(I * E);
    this.x = new Float64Array(I * E);
    this.y = new Float64Array(I * N);
    this.yA = new Float64Array(I * N);
    this.wB = new Float64Array(E);
    this.yB = new Float64Array(I * N);
    this.g = new Float64Array(I * N);
    this.gapNode = new Float64Array(I * N);
    this.az = new Float64Array(I * N);
    this.bz = new Float64Array(I * N);
    this.uPlus = new Float64Array(I * N);
    this.uMinus = new Float64Array(I * N);
    this.coefA = new Float64Array(I * N);
    this.coefB = new Float64Array(I * N);
    ({ fixed: this.fixed, targets: this.targets, care: this.care, careBits: this.careBits } = itemArrays(net, items));
    this.wSum = new Float64Array(E);
    this.gSum = new Float64Array(N);
    this.num = new Float64Array(N);
    this.den = new Float64Array(N);
    this.fwd = new Float64Array(N);
  }

  /**
   * The random initial point (docs/ALGORITHM.md §5), drawn in this order per item: for each edge w then x,
   * U(−1, 1); then for each BTF node in order, y ~ U(−1, 1) unless it is an output with a cared target
   * (then y = target, no draw). Bias −1, inputs = data, g = 1.
   */
  init(rng: Xoshiro128ss): void {
    const { I, E, N, firstBtf: fb, firstOutput: fo, numOutputs: nOut } = this;
    for (let i = 0; i < I; i++) {
      for (let e = 0; e < E; e++) {
        this.w[i * E + e] = rng.nextSigned();
        this.x[i * E + e] = rng.nextSigned();
      }
      for (let k = 0; k < fb; k++) this.y[i * N + k] = this.fixed[i * fb + k]!;
      for (let n = fb; n < N; n++) {
        const j = i * nOut + (n - fo);
        this.y[i * N + n] = n >= fo && this.care[j] ? this.targets[j]! : rng.nextSigned();
      }
    }
    this.g.fill(1);
    this.gapNode.fill(0);
    this.wB.fill(0);
    this.uPlus.fill(0);
    this.uMinus.fill(0);
    this.computeAB();
  }

  /** A and B of every block from z (sweep 2 keeps them current afterwards). */
  private computeAB(): void {
    const { I, E, N, firstBtf: fb, inStart, w, x } = this;
    for (let i = 0; i < I; i++) {
      for (let n = fb; n < N; n++) {
        let sa = 0;
        let sb = 0;
        for (let e = inStart[n]!; e < inStart[n + 1]!; e++) {
          const wv = w[i * E + e]!, xv = x[i * E + e]!;
          sa += (wv + xv) * (wv + xv);
          sb += (wv - xv) * (wv - xv);
        }
        this.az[i * N + n] = 0.5 * sa;
        this.bz[i * N + n] = 0.5 * sb;
      }
    }
  }

  /** One RRR iteration with metric adaptation; returns the gap sqrt(mean gapnode). */
  iterate(beta: number, gamma: number): number {
    const I = this.I, E = this.E, N = this.N, fb = this.firstBtf, fo = this.firstOutput, nOut = this.numOutputs;
    const inStart = this.inStart, send = this.edgeSend, inDegree = this.inDegree, margin = this.margin;
    const w = this.w, x = this.x, y = this.y, yA = this.yA;
    const wB = this.wB, yB = this.yB, g = this.g, gapNode = this.gapNode;
    const fixed = this.fixed, targets = this.targets, care = this.care;
    const wSum = this.wSum, gSum = this.gSum, num = this.num, den = this.den, az = this.az, bz = this.bz;
    const uPlus = this.uPlus, uMinus = this.uMinus, coefA = this.coefA, coefB = this.coefB;

    wSum.fill(0);
    gSum.fill(0);
    // Sweep 1: P_A, reflection, and the sums of P_B.
    for (let i = 0; i < I; i++) {
      const eb = i * E;
      const nb = i * N;
      const fbase = i * fb;
      for (let k = 0; k < fb; k++) {
        const ya = fixed[fbase + k];
        yA[nb + k] = ya;
        num[k] = 2 * ya - y[nb + k];
        den[k] = 1;
      }
      for (let n = fb; n < N; n++) {
        const s = inStart[n], t = inStart[n + 1];
        const A = az[nb + n];
        const B = bz[nb + n];
        const p = 0.5 * (A - B);
        const yv = y[nb + n];
        const d = margin[n];
        let ys: number;
        let u = 0;
        if (yv * p > 0) {
          if (yv > 0) {
            ys = 1;
            if (p < d) u = uPlus[nb + n] = solveMarginU(A, B, d, uPlus[nb + n]);
          } else {
            ys = -1;
            if (p > -d) u = uMinus[nb + n] = solveMarginU(A, B, -d, uMinus[nb + n]);
          }
        } else {
          // Cost both outputs, ties to −1. The side y leans to is costed first; the other is not solved
          // when its lower bound (1 ∓ y)² already loses (same choice, one Newton solve fewer).
          let up = 0;
          let um = 0;
          const lowP = (1 - yv) * (1 - yv);
          const lowM = (1 + yv) * (1 + yv);
          let cp = lowP;
          let cm = lowM;
          if (yv <= 0) {
            if (p > -d) {
              um = uMinus[nb + n] = solveMarginU(A, B, -d, uMinus[nb + n]);
              cm += marginDistance(um, A, B);
            }
            if (p < d && cm > lowP) {
              up = uPlus[nb + n] = solveMarginU(A, B, d, uPlus[nb + n]);
              cp += marginDistance(up, A, B);
            }
          } else {
            if (p < d) {
              up = uPlus[nb + n] = solveMarginU(A, B, d, uPlus[nb + n]);
              cp += marginDistance(up, A, B);
            }
            if (p > -d && cp >= lowM) {
              um = uMinus[nb + n] = solveMarginU(A, B, -d, uMinus[nb + n]);
              cm += marginDistance(um, A, B);
            }
          }
          if (cp < cm) {
            ys = 1;
            u = up;
          } else {
            ys = -1;
            u = um;
          }
        }
        yA[nb + n] = ys;
        const gn = g[nb + n];
        gSum[n] += gn;
        num[n] = gn * (2 * ys - yv);
        den[n] = gn;
        if (u === 0) {
          coefA[nb + n] = 1;
          coefB[nb + n] = 0;
          for (let e = s; e < t; e++) {
            const wv = w[eb + e], xv = x[eb + e];
            wSum[e] += gn * wv;
            const k = send[e];
            num[k] += gn * xv;
            den[k] += gn;
          }
        } else {
          const a = 1 / (1 - u * u);
          const b = u * a;
          coefA[nb + n] = a;
          coefB[nb + n] = b;
          for (let e = s; e < t; e++) {
            const wv = w[eb + e], xv = x[eb + e];
            const wa = a * wv + b * xv;
            const xa = a * xv + b * wv;
            wSum[e] += gn * (2 * wa - wv);
            const k = send[e];
            num[k] += gn * (2 * xa - xv);
            den[k] += gn;
          }
        }
      }
      for (let k = 0; k < fo; k++) yB[nb + k] = num[k] / den[k];
      for (let k = fo; k < N; k++) {
        const j = i * nOut + (k - fo);
        yB[nb + k] = care[j] ? targets[j] : num[k] / den[k];
      }
    }
    // Concurred, normalised weights.
    for (let n = fb; n < N; n++) {
      const s = inStart[n], t = inStart[n + 1];
      const inv = 1 / gSum[n];
      let ss = 0;
      for (let e = s; e < t; e++) {
        const v = wSum[e] * inv;
        wB[e] = v;
        ss += v * v;
      }
      const scale = Math.sqrt(inDegree[n] / ss);
      for (let e = s; e < t; e++) wB[e] *= scale;
    }
    // Sweep 2: relax, gap.
    let total = 0;
    for (let i = 0; i < I; i++) {
      const eb = i * E;
      const nb = i * N;
      for (let k = 0; k < fb; k++) y[nb + k] += beta * (yB[nb + k] - yA[nb + k]);
      for (let n = fb; n < N; n++) {
        const dy = yB[nb + n] - yA[nb + n];
        let gn = dy * dy;
        y[nb + n] += beta * dy;
        const s = inStart[n], t = inStart[n + 1];
        const a = coefA[nb + n], b = coefB[nb + n];
        let sa = 0;
        let sb = 0;
        for (let e = s; e < t; e++) {
          const w0 = w[eb + e], x0 = x[eb + e];
          const dw = wB[e] - (a * w0 + b * x0);
          const dx = yB[nb + send[e]] - (a * x0 + b * w0);
          gn += dw * dw + dx * dx;
          const wv = w0 + beta * dw;
          const xv = x0 + beta * dx;
          w[eb + e] = wv;
          x[eb + e] = xv;
          const sum = wv + xv;
          const dif = wv - xv;
          sa += sum * sum;
          sb += dif * dif;
        }
        az[nb + n] = 0.5 * sa;
        bz[nb + n] = 0.5 * sb;
        gapNode[nb + n] = gn;
        total += gn;
      }
    }
    const mean = total / (I * this.numBtf);
    if (gamma > 0 && mean > 0) {
      const inv = 1 / mean;
      for (let i = 0; i < I; i++) {
        const nb = i * N;
        for (let n = fb; n < N; n++) g[nb + n] += gamma * (gapNode[nb + n] * inv - g[nb + n]);
      }
    }
    return Math.sqrt(mean);
  }

  /** Fraction of cared output bits that a forward pass with `weights` gets right (1 = solves the table). */
  accuracy(weights: Float64Array = this.wB): number {
    if (this.careBits === 0) return 1;
    return this.correctBits(weights) / this.careBits;
  }

  /** Number of cared output bits a forward pass (sign activations, sgn 0 = −1) gets right. */
  correctBits(weights: Float64Array): number {
    return countCorrectBits(this, this.fixed, this.targets, this.care, weights, this.fwd);
  }
}

/**
 * The items as both engines hold them: per item the fixed values of bias (−1) and inputs (±1), items ×
 * firstBtf; the targets and their care flags, items × numOutputs; and how many output bits are cared for.
 */
export function itemArrays(net: EngineNet, items: TableItems): { fixed: Float64Array; targets: Float64Array; care: Uint8Array; careBits: number } {
  const fb = net.firstBtf;
  const fixed = new Float64Array(items.count * fb);
  for (let i = 0; i < items.count; i++) {
    fixed[i * fb] = -1;
    for (let j = 0; j < net.numInputs; j++) fixed[i * fb + 1 + j] = items.inputs[i * net.numInputs + j]! > 0 ? 1 : -1;
  }
  const care = Uint8Array.from(items.targetCare);
  let careBits = 0;
  for (let j = 0; j < care.length; j++) careBits += care[j]! ? 1 : 0;
  return { fixed, targets: Float64Array.from(items.targets), care, careBits };
}

/**
 * Number of cared output bits a forward pass of `weights` (sign activations, sgn 0 = −1) gets right, over
 * the items of `fixed` (items × firstBtf: bias and inputs), `targets` and `care` (items × numOutputs).
 * `scratch` holds one value per node. Shared by both engines (wasm-engine.ts), so they judge alike.
 */
export function countCorrectBits(
  net: { I: number; N: number; firstBtf: number; firstOutput: number; numOutputs: number; inStart: Int32Array; edgeSend: Int32Array },
  fixed: Float64Array, targets: Float64Array, care: Uint8Array, weights: Float64Array, scratch: Float64Array,
): number {
  const { I, N, firstBtf: fb, firstOutput: fo, numOutputs: nOut, inStart, edgeSend: send } = net;
  const v = scratch;
  let correct = 0;
  for (let i = 0; i < I; i++) {
    for (let k = 0; k < fb; k++) v[k] = fixed[i * fb + k]!;
    for (let n = fb; n < N; n++) {
      let s = 0;
      for (let e = inStart[n]!; e < inStart[n + 1]!; e++) s += weights[e]! * v[send[e]!]!;
      v[n] = s > 0 ? 1 : -1;
    }
    for (let k = fo; k < N; k++) {
      const j = i * nOut + (k - fo);
      if (care[j] && v[k] === targets[j]) correct++;
    }
  }
  return correct;
}
