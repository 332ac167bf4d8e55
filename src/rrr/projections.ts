// The two projections of RRR on one block, in plain readable form (docs/ALGORITHM.md §3–4). Stage: solve.
//
// `solveMarginU` and `marginDistance` are the scalar core of P_A and are called by the hot loop
// (engine.ts) as they are. `marginProject`, `projectBlock` and `projectB` allocate their results: they are
// the specification the fused hot loop is tested against, and are used by tests, never per iteration.

/** Newton steps at most, and the step size at which Newton stops (the reference's settings). */
export const MARGIN_MAX_STEPS = 50;
export const MARGIN_TOL = 1e-12;

/**
 * The multiplier u ∈ (−1, 1) of the nearest point of {(w', x') : w'·x' = c} to (w, x). u is the unique root
 * of the strictly increasing
 *     f(u) = A/(1−u)² − B/(1+u)² − 2c,   A = |w+x|²/2 = (q + 2p)/2,  B = |w−x|²/2 = (q − 2p)/2,
 * with p = w·x and q = |w|² + |x|². The caller passes A and B, accumulated as sums of squares: that is the
 * information of p and q, but never negative and free of the cancellation q/2 − p suffers when w ≈ x.
 * Found by Newton from u0 (default 0, as the reference; the engine passes the block's root of the previous
 * iteration, which converges in fewer steps to the same root), safeguarded by a bracket [lo, hi] that
 * shrinks with the sign of f: a Newton step that leaves the bracket is replaced by bisection. At most 50
 * evaluations; stops when a Newton step is < 1e-12 (or the bracket is).
 */
export function solveMarginU(A: number, B: number, c: number, u0 = 0): number {
  const c2 = 2 * c;
  let lo = -1;
  let hi = 1;
  let u = u0 > -1 && u0 < 1 ? u0 : 0;
  for (let step = 0; step < MARGIN_MAX_STEPS; step++) {
    const r = 1 / ((1 - u) * (1 + u));
    const rm = (1 + u) * r; // 1/(1−u)
    const rp = (1 - u) * r; // 1/(1+u)
    const am = A * rm * rm;
    const bp = B * rp * rp;
    const f = am - bp - c2;
    if (f > 0) hi = u;
    else if (f < 0) lo = u;
    else return u;
    const fp = 2 * (am * rm + bp * rp);
    const du = f / fp;
    if (du < MARGIN_TOL && du > -MARGIN_TOL) return u - du; // converged (the step may be below an ulp)
    const next = u - du;
    u = next > lo && next < hi ? next : 0.5 * (lo + hi); // Newton, or bisection when it leaves the bracket
    if (hi - lo < MARGIN_TOL) return u;
  }
  return u;
}

/**
 * |w' − w|² + |x' − x|² for the point with multiplier u, without touching the vectors:
 * w' − w = u·x', x' − x = u·w', and |w'|² + |x'|² = A/(1−u)² + B/(1+u)² (two positive terms: no cancellation).
 */
export function marginDistance(u: number, A: number, B: number): number {
  const r = 1 / ((1 - u) * (1 + u));
  const rm = (1 + u) * r;
  const rp = (1 - u) * r;
  return u * u * (A * rm * rm + B * rp * rp);
}

/** A = |w+x|²/2 and B = |w−x|²/2 of two vectors. */
export function marginAB(w: ArrayLike<number>, x: ArrayLike<number>): { A: number; B: number } {
  let sa = 0;
  let sb = 0;
  for (let j = 0; j < w.length; j++) {
    const s = w[j]! + x[j]!;
    const d = w[j]! - x[j]!;
    sa += s * s;
    sb += d * d;
  }
  return { A: 0.5 * sa, B: 0.5 * sb };
}

export interface MarginProjection {
  w: Float64Array;
  x: Float64Array;
  /** Squared Euclidean distance moved. */
  dist: number;
  u: number;
}

/** The nearest point of {(w', x') : w'·x' = c}: w' = (w + u·x)/(1−u²), x' = (x + u·w)/(1−u²). */
export function marginProject(w: ArrayLike<number>, x: ArrayLike<number>, c: number): MarginProjection {
  const { A, B } = marginAB(w, x);
  const u = solveMarginU(A, B, c);
  const a = 1 / (1 - u * u);
  const b = u * a;
  const w2 = new Float64Array(w.length);
  const x2 = new Float64Array(w.length);
  for (let j = 0; j < w.length; j++) {
    w2[j] = a * w[j]! + b * x[j]!;
    x2[j] = a * x[j]! + b * w[j]!;
  }
  return { w: w2, x: x2, dist: marginDistance(u, A, B), u };
}

export interface BlockProjection {
  w: Float64Array;
  x: Float64Array;
  y: -1 | 1;
  /** Squared distance moved (y included). */
  dist: number;
}

/**
 * P_A on one BTF block: the point of C(m, δ) = {y ∈ {±1}, y·(w·x) ≥ δ} chosen by the reference's rule.
 * When y and p = w·x agree in sign, y keeps its sign; otherwise both outputs are costed and the cheaper is
 * kept, a tie going to −1.
 */
export function projectBlock(w: ArrayLike<number>, x: ArrayLike<number>, y: number, delta: number): BlockProjection {
  let p = 0;
  for (let j = 0; j < w.length; j++) p += w[j]! * x[j]!;
  const keep = (s: -1 | 1): BlockProjection => {
    const dy = (y - s) * (y - s);
    if (s * p >= delta) return { w: Float64Array.from(w), x: Float64Array.from(x), y: s, dist: dy };
    const m = marginProject(w, x, s * delta);
    return { w: m.w, x: m.x, y: s, dist: dy + m.dist };
  };
  if (y * p > 0) return keep(y > 0 ? 1 : -1);
  const plus = keep(1);
  const minus = keep(-1);
  return plus.dist < minus.dist ? plus : minus;
}

/** The net's shape as projectB needs it (a BtfNet satisfies it). */
export interface ConcurShape {
  numNodes: number;
  firstBtf: number;
  firstOutput: number;
  numEdges: number;
  edgeRecv: Int32Array;
  edgeSend: Int32Array;
  inDegree: Int32Array;
}

export interface ConcurPoint {
  /** items × edges, item-major. */
  w: Float64Array;
  x: Float64Array;
  /** items × nodes, item-major. */
  y: Float64Array;
}

/**
 * P_B (docs/ALGORITHM.md §4), metric-weighted, on a point R of the item-major layout. `g` is items × nodes
 * (1 for bias and inputs). `targets`/`care` are items × numOutputs; a don't-care output concurs with
 * itself alone (yB = yR). Returns the concurred weights wB (one per edge) and the point (wB repeated per
 * item, xB, yB).
 */
export function projectB(
  net: ConcurShape, items: number, r: ConcurPoint, g: Float64Array, targets: Float64Array, care: Uint8Array,
): ConcurPoint & { wB: Float64Array } {
  const E = net.numEdges;
  const N = net.numNodes;
  const nOut = N - net.firstOutput;
  const wB = new Float64Array(E);
  for (let e = 0; e < E; e++) {
    const n = net.edgeRecv[e]!;
    let sw = 0;
    let sg = 0;
    for (let i = 0; i < items; i++) {
      sw += g[i * N + n]! * r.w[i * E + e]!;
      sg += g[i * N + n]!;
    }
    wB[e] = sw / sg;
  }
  const norm2 = new Float64Array(N);
  for (let e = 0; e < E; e++) norm2[net.edgeRecv[e]!]! += wB[e]! * wB[e]!;
  for (let e = 0; e < E; e++) {
    const n = net.edgeRecv[e]!;
    wB[e] = wB[e]! * Math.sqrt(net.inDegree[n]! / norm2[n]!);
  }
  const y = new Float64Array(items * N);
  const x = new Float64Array(items * E);
  const w = new Float64Array(items * E);
  for (let i = 0; i < items; i++) {
    const num = new Float64Array(N);
    const den = new Float64Array(N);
    for (let k = 0; k < N; k++) {
      num[k] = g[i * N + k]! * r.y[i * N + k]!;
      den[k] = g[i * N + k]!;
    }
    for (let e = 0; e < E; e++) {
      const k = net.edgeSend[e]!;
      const gr = g[i * N + net.edgeRecv[e]!]!;
      num[k] = num[k]! + gr * r.x[i * E + e]!;
      den[k] = den[k]! + gr;
    }
    for (let k = 0; k < N; k++) {
      const j = i * nOut + (k - net.firstOutput);
      y[i * N + k] = k >= net.firstOutput && care[j] ? targets[j]! : num[k]! / den[k]!;
    }
    for (let e = 0; e < E; e++) {
      x[i * E + e] = y[i * N + net.edgeSend[e]!]!;
      w[i * E + e] = wB[e]!;
    }
  }
  return { w, x, y, wB };
}
