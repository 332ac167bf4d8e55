// The RRR iteration in WebAssembly with 128-bit SIMD (AssemblyScript; built by build.mjs into
// ../kernel-wasm.ts). Stage: solve. The same arithmetic as RrrEngine.iterate (../engine.ts, docs/ALGORITHM.md
// §2–5), operation for operation, so both engines produce the same bits:
//   - two items side by side in the f64x2 lanes of every per-item value: items 2p and 2p+1 form pair p, and
//     every per-(item, edge) and per-(item, node) array holds pair p's two values next to each other;
//   - the scalar Newton root of the margin projection runs for both lanes at once, each lane freezing its
//     result under a mask at the step where the scalar loop would have returned;
//   - the sums across items (the P_B weight sums, the metric sums, the gap total) are added lane 0 then
//     lane 1 in the scalar loop's order (item by item), so they round exactly as it does.
// The host (../wasm-engine.ts) owns the memory layout: it writes a table of byte offsets and sizes and calls
// `configure` with its address. Nothing here allocates.

// ---- Configuration, read from the host's table by `configure` ----
let I: i32 = 0; // items
let P: i32 = 0; // pairs = ceil(I / 2); when I is odd, lane 1 of the last pair is a copy that adds nothing
let E: i32 = 0;
let N: i32 = 0;
let FB: i32 = 0; // first BTF node
let FO: i32 = 0; // first output node
let NOUT: i32 = 0;
let ODD: i32 = 0;
let inStart: usize = 0; // i32 × (N + 1)
let send: usize = 0; // i32 × E
let margin: usize = 0; // f64 × N
let inDeg: usize = 0; // f64 × N
let w: usize = 0; // f64x2 × P·E
let x: usize = 0;
let y: usize = 0; // f64x2 × P·N
let yA: usize = 0;
let yB: usize = 0;
let g: usize = 0;
let gap: usize = 0;
let az: usize = 0;
let bz: usize = 0;
let uPlus: usize = 0;
let uMinus: usize = 0;
let coefA: usize = 0;
let coefB: usize = 0;
let fixed: usize = 0; // f64x2 × P·FB
let targets: usize = 0; // f64x2 × P·NOUT
let careMask: usize = 0; // v128 × P·NOUT, all ones where cared
let wB: usize = 0; // f64 × E
let wSum: usize = 0; // f64 × E
let gSum: usize = 0; // f64 × N
let num: usize = 0; // f64x2 × N
let den: usize = 0; // f64x2 × N

const MAX_STEPS: i32 = 50;
const TOL: f64 = 1e-12;

/** Where the host may start placing its data (above anything the compiler put in memory). */
export function heapBase(): usize {
  return __heap_base;
}

/** Read the layout: 8 i32 sizes, then 27 i32 byte offsets, in the order of the globals above. */
export function configure(t: usize): void {
  I = load<i32>(t, 0);
  P = load<i32>(t, 4);
  E = load<i32>(t, 8);
  N = load<i32>(t, 12);
  FB = load<i32>(t, 16);
  FO = load<i32>(t, 20);
  NOUT = load<i32>(t, 24);
  ODD = load<i32>(t, 28);
  const o = t + 32;
  inStart = load<u32>(o, 0);
  send = load<u32>(o, 4);
  margin = load<u32>(o, 8);
  inDeg = load<u32>(o, 12);
  w = load<u32>(o, 16);
  x = load<u32>(o, 20);
  y = load<u32>(o, 24);
  yA = load<u32>(o, 28);
  yB = load<u32>(o, 32);
  g = load<u32>(o, 36);
  gap = load<u32>(o, 40);
  az = load<u32>(o, 44);
  bz = load<u32>(o, 48);
  uPlus = load<u32>(o, 52);
  uMinus = load<u32>(o, 56);
  coefA = load<u32>(o, 60);
  coefB = load<u32>(o, 64);
  fixed = load<u32>(o, 68);
  targets = load<u32>(o, 72);
  careMask = load<u32>(o, 76);
  wB = load<u32>(o, 80);
  wSum = load<u32>(o, 84);
  gSum = load<u32>(o, 88);
  num = load<u32>(o, 92);
  den = load<u32>(o, 96);
}

// @ts-ignore: decorator
@inline function V(p: usize): v128 {
  return v128.load(p);
}

// @ts-ignore: decorator
@inline function S(v: f64): v128 {
  return f64x2.splat(v);
}

// @ts-ignore: decorator
@inline function sel(ifTrue: v128, ifFalse: v128, mask: v128): v128 {
  return v128.bitselect(ifTrue, ifFalse, mask);
}

/** ptr[k] += lane 0 of v, then += lane 1 unless `one` (the odd tail's copy): the scalar loop's order. */
// @ts-ignore: decorator
@inline function addLanes(ptr: usize, v: v128, one: bool): void {
  let s = load<f64>(ptr) + f64x2.extract_lane(v, 0);
  if (!one) s += f64x2.extract_lane(v, 1);
  store<f64>(ptr, s);
}

/**
 * solveMarginU (../projections.ts) in both lanes: the root u of A/(1−u)² − B/(1+u)² = 2c by safeguarded
 * Newton from u0. Lanes outside `active` return 0. Each lane's result is the value the scalar loop returns,
 * frozen at that lane's own step.
 */
function newton2(A: v128, B: v128, c: v128, u0: v128, active0: v128): v128 {
  const one = S(1.0);
  const c2 = f64x2.mul(S(2.0), c);
  let lo = S(-1.0);
  let hi = one;
  let u = sel(u0, S(0.0), v128.and(f64x2.gt(u0, S(-1.0)), f64x2.lt(u0, one)));
  let res = S(0.0);
  let active = active0;
  for (let step = 0; step < MAX_STEPS; step++) {
    if (!v128.any_true(active)) return res;
    const r = f64x2.div(one, f64x2.mul(f64x2.sub(one, u), f64x2.add(one, u)));
    const rm = f64x2.mul(f64x2.add(one, u), r);
    const rp = f64x2.mul(f64x2.sub(one, u), r);
    const am = f64x2.mul(f64x2.mul(A, rm), rm);
    const bp = f64x2.mul(f64x2.mul(B, rp), rp);
    const f = f64x2.sub(f64x2.sub(am, bp), c2);
    const fpos = f64x2.gt(f, S(0.0));
    const fneg = f64x2.lt(f, S(0.0));
    hi = sel(u, hi, fpos);
    lo = sel(u, lo, fneg);
    // f == 0 (or NaN): the scalar loop returns u.
    const flat = v128.andnot(active, v128.or(fpos, fneg));
    res = sel(u, res, flat);
    active = v128.and(active, v128.or(fpos, fneg));
    const fp = f64x2.mul(S(2.0), f64x2.add(f64x2.mul(am, rm), f64x2.mul(bp, rp)));
    const du = f64x2.div(f, fp);
    const next = f64x2.sub(u, du);
    const conv = v128.and(active, v128.and(f64x2.lt(du, S(TOL)), f64x2.gt(du, S(-TOL))));
    res = sel(next, res, conv);
    active = v128.andnot(active, conv);
    const inside = v128.and(f64x2.gt(next, lo), f64x2.lt(next, hi));
    u = sel(next, f64x2.mul(S(0.5), f64x2.add(lo, hi)), inside);
    const tight = v128.and(active, f64x2.lt(f64x2.sub(hi, lo), S(TOL)));
    res = sel(u, res, tight);
    active = v128.andnot(active, tight);
  }
  return sel(u, res, active);
}

/** marginDistance (../projections.ts) in both lanes. */
// @ts-ignore: decorator
@inline function distance2(u: v128, A: v128, B: v128): v128 {
  const one = S(1.0);
  const r = f64x2.div(one, f64x2.mul(f64x2.sub(one, u), f64x2.add(one, u)));
  const rm = f64x2.mul(f64x2.add(one, u), r);
  const rp = f64x2.mul(f64x2.sub(one, u), r);
  return f64x2.mul(f64x2.mul(u, u), f64x2.add(f64x2.mul(f64x2.mul(A, rm), rm), f64x2.mul(f64x2.mul(B, rp), rp)));
}

/** A = |w+x|²/2 and B = |w−x|²/2 of every block (after the host's init; sweep 2 keeps them current). */
export function computeAB(): void {
  for (let p = 0; p < P; p++) {
    const eb = w + (<usize>(p * E) << 4);
    const xb = x + (<usize>(p * E) << 4);
    const nb = <usize>(p * N) << 4;
    for (let n = FB; n < N; n++) {
      let sa = S(0.0);
      let sb = S(0.0);
      const t = load<i32>(inStart + (<usize>(n + 1) << 2));
      for (let e = load<i32>(inStart + (<usize>n << 2)); e < t; e++) {
        const wv = V(eb + (<usize>e << 4));
        const xv = V(xb + (<usize>e << 4));
        const s = f64x2.add(wv, xv);
        const d = f64x2.sub(wv, xv);
        sa = f64x2.add(sa, f64x2.mul(s, s));
        sb = f64x2.add(sb, f64x2.mul(d, d));
      }
      v128.store(az + nb + (<usize>n << 4), f64x2.mul(S(0.5), sa));
      v128.store(bz + nb + (<usize>n << 4), f64x2.mul(S(0.5), sb));
    }
  }
}

/**
 * P_A of block n of pair p (the reference's rule, as RrrEngine.iterate): returns u and stores yA. The
 * side y leans to (+ when y > 0) is always solved first; when y and p = w·x disagree the other side is
 * costed too unless its lower bound already loses.
 */
// @ts-ignore: decorator
@inline function projectA(nodeOff: usize, dv: f64): v128 {
  const one = S(1.0);
  const zero = S(0.0);
  const A = V(az + nodeOff);
  const B = V(bz + nodeOff);
  const pv = f64x2.mul(S(0.5), f64x2.sub(A, B));
  const yv = V(y + nodeOff);
  const d = S(dv);
  const agree = f64x2.gt(f64x2.mul(yv, pv), zero);
  const plus1 = f64x2.gt(yv, zero); // first side: + where y > 0, else −
  const s1 = sel(one, S(-1.0), plus1);
  const up0 = V(uPlus + nodeOff);
  const um0 = V(uMinus + nodeOff);
  const need1 = f64x2.lt(f64x2.mul(s1, pv), d);
  let u1 = zero;
  if (v128.any_true(need1)) {
    u1 = newton2(A, B, f64x2.mul(s1, d), sel(up0, um0, plus1), need1);
    v128.store(uPlus + nodeOff, sel(u1, up0, v128.and(need1, plus1)));
    v128.store(uMinus + nodeOff, sel(u1, um0, v128.andnot(need1, plus1)));
  }
  if (!v128.any_true(v128.not(agree))) {
    v128.store(yA + nodeOff, s1);
    return u1;
  }
  // Where y and p disagree: cost both sides.
  const lowP = f64x2.mul(f64x2.sub(one, yv), f64x2.sub(one, yv));
  const lowM = f64x2.mul(f64x2.add(one, yv), f64x2.add(one, yv));
  const low1 = sel(lowP, lowM, plus1);
  const low2 = sel(lowM, lowP, plus1);
  const cost1 = sel(f64x2.add(low1, distance2(u1, A, B)), low1, need1);
  // y ≤ 0 costs + only when cm > lowP; y > 0 costs − only when cp ≥ lowM.
  const worth = sel(f64x2.ge(cost1, low2), f64x2.gt(cost1, low2), plus1);
  const need2 = v128.and(v128.andnot(f64x2.lt(f64x2.mul(f64x2.neg(s1), pv), d), agree), worth);
  let u2 = zero;
  let cost2 = low2;
  if (v128.any_true(need2)) {
    const up = V(uPlus + nodeOff);
    const um = V(uMinus + nodeOff);
    u2 = newton2(A, B, f64x2.mul(f64x2.neg(s1), d), sel(um, up, plus1), need2);
    v128.store(uPlus + nodeOff, sel(u2, up, v128.andnot(need2, plus1)));
    v128.store(uMinus + nodeOff, sel(u2, um, v128.and(need2, plus1)));
    cost2 = sel(f64x2.add(low2, distance2(u2, A, B)), low2, need2);
  }
  const cp = sel(cost1, cost2, plus1);
  const cm = sel(cost2, cost1, plus1);
  const upU = sel(u1, u2, plus1);
  const umU = sel(u2, u1, plus1);
  const takeP = f64x2.lt(cp, cm);
  const ys = sel(s1, sel(one, S(-1.0), takeP), agree);
  v128.store(yA + nodeOff, ys);
  return sel(u1, sel(upU, umU, takeP), agree);
}

/** Sweep 1 for pair p: P_A, the reflection, and the sums of P_B (weights across items; this pair's ζ). */
function sweep1(p: i32): void {
  const one = S(1.0);
  const two = S(2.0);
  const tail = ODD != 0 && p == P - 1;
  const eb = <usize>(p * E) << 4;
  const nb = <usize>(p * N) << 4;
  const fbase = <usize>(p * FB) << 4;
  for (let k = 0; k < FB; k++) {
    const ko = <usize>k << 4;
    const ya = V(fixed + fbase + ko);
    v128.store(yA + nb + ko, ya);
    v128.store(num + ko, f64x2.sub(f64x2.mul(two, ya), V(y + nb + ko)));
    v128.store(den + ko, one);
  }
  for (let n = FB; n < N; n++) {
    const no = <usize>n << 4;
    const u = projectA(nb + no, load<f64>(margin + (<usize>n << 3)));
    const ys = V(yA + nb + no);
    const gn = V(g + nb + no);
    addLanes(gSum + (<usize>n << 3), gn, tail);
    v128.store(num + no, f64x2.mul(gn, f64x2.sub(f64x2.mul(two, ys), V(y + nb + no))));
    v128.store(den + no, gn);
    const a = f64x2.div(one, f64x2.sub(one, f64x2.mul(u, u)));
    const b = f64x2.mul(u, a);
    v128.store(coefA + nb + no, a);
    v128.store(coefB + nb + no, b);
  }
  // The edges after all blocks' P_A: the Newton solves of consecutive blocks, independent of each other,
  // then overlap in the processor instead of waiting behind each block's edge loop. Every sum still
  // receives its terms in the same order.
  for (let n = FB; n < N; n++) {
    const no = <usize>n << 4;
    const gn = V(g + nb + no);
    const a = V(coefA + nb + no);
    const b = V(coefB + nb + no);
    const t = load<i32>(inStart + (<usize>(n + 1) << 2));
    for (let e = load<i32>(inStart + (<usize>n << 2)); e < t; e++) {
      const eo = eb + (<usize>e << 4);
      const wv = V(w + eo);
      const xv = V(x + eo);
      const wa = f64x2.add(f64x2.mul(a, wv), f64x2.mul(b, xv));
      const xa = f64x2.add(f64x2.mul(a, xv), f64x2.mul(b, wv));
      addLanes(wSum + (<usize>e << 3), f64x2.mul(gn, f64x2.sub(f64x2.mul(two, wa), wv)), tail);
      const ko = <usize>load<i32>(send + (<usize>e << 2)) << 4;
      v128.store(num + ko, f64x2.add(V(num + ko), f64x2.mul(gn, f64x2.sub(f64x2.mul(two, xa), xv))));
      v128.store(den + ko, f64x2.add(V(den + ko), gn));
    }
  }
  for (let k = 0; k < FO; k++) {
    const ko = <usize>k << 4;
    v128.store(yB + nb + ko, f64x2.div(V(num + ko), V(den + ko)));
  }
  const tb = <usize>(p * NOUT) << 4;
  for (let k = FO; k < N; k++) {
    const ko = <usize>k << 4;
    const jo = tb + (<usize>(k - FO) << 4);
    v128.store(yB + nb + ko, sel(V(targets + jo), f64x2.div(V(num + ko), V(den + ko)), V(careMask + jo)));
  }
}

/** The concurred weights: wB = Σ g·wR / Σ g per edge, scaled to |wB|² = in-degree per receiving node. */
function concur(): void {
  for (let n = FB; n < N; n++) {
    const s = load<i32>(inStart + (<usize>n << 2));
    const t = load<i32>(inStart + (<usize>(n + 1) << 2));
    const inv = 1.0 / load<f64>(gSum + (<usize>n << 3));
    let ss = 0.0;
    for (let e = s; e < t; e++) {
      const v = load<f64>(wSum + (<usize>e << 3)) * inv;
      store<f64>(wB + (<usize>e << 3), v);
      ss += v * v;
    }
    const scale = Math.sqrt(load<f64>(inDeg + (<usize>n << 3)) / ss);
    for (let e = s; e < t; e++) store<f64>(wB + (<usize>e << 3), load<f64>(wB + (<usize>e << 3)) * scale);
  }
}

/** Sweep 2 for pair p: relax z toward zB − zA, the gap of every block, and A, B of the new z. */
function sweep2(p: i32, beta: f64, total: f64): f64 {
  const bv = S(beta);
  const half = S(0.5);
  const tail = ODD != 0 && p == P - 1;
  const eb = <usize>(p * E) << 4;
  const nb = <usize>(p * N) << 4;
  for (let k = 0; k < FB; k++) {
    const ko = nb + (<usize>k << 4);
    v128.store(y + ko, f64x2.add(V(y + ko), f64x2.mul(bv, f64x2.sub(V(yB + ko), V(yA + ko)))));
  }
  for (let n = FB; n < N; n++) {
    const no = nb + (<usize>n << 4);
    const dy = f64x2.sub(V(yB + no), V(yA + no));
    let gn = f64x2.mul(dy, dy);
    v128.store(y + no, f64x2.add(V(y + no), f64x2.mul(bv, dy)));
    const a = V(coefA + no);
    const b = V(coefB + no);
    let sa = S(0.0);
    let sb = S(0.0);
    const t = load<i32>(inStart + (<usize>(n + 1) << 2));
    for (let e = load<i32>(inStart + (<usize>n << 2)); e < t; e++) {
      const eo = eb + (<usize>e << 4);
      const w0 = V(w + eo);
      const x0 = V(x + eo);
      const dw = f64x2.sub(v128.load64_splat(wB + (<usize>e << 3)), f64x2.add(f64x2.mul(a, w0), f64x2.mul(b, x0)));
      const ko = <usize>load<i32>(send + (<usize>e << 2)) << 4;
      const dx = f64x2.sub(V(yB + nb + ko), f64x2.add(f64x2.mul(a, x0), f64x2.mul(b, w0)));
      gn = f64x2.add(gn, f64x2.add(f64x2.mul(dw, dw), f64x2.mul(dx, dx)));
      const wv = f64x2.add(w0, f64x2.mul(bv, dw));
      const xv = f64x2.add(x0, f64x2.mul(bv, dx));
      v128.store(w + eo, wv);
      v128.store(x + eo, xv);
      const sum = f64x2.add(wv, xv);
      const dif = f64x2.sub(wv, xv);
      sa = f64x2.add(sa, f64x2.mul(sum, sum));
      sb = f64x2.add(sb, f64x2.mul(dif, dif));
    }
    v128.store(az + no, f64x2.mul(half, sa));
    v128.store(bz + no, f64x2.mul(half, sb));
    v128.store(gap + no, gn);
  }
  // The total in the scalar loop's order: all of item 2p's blocks, then all of item 2p+1's.
  for (let n = FB; n < N; n++) total += load<f64>(gap + nb + (<usize>n << 4));
  if (!tail) for (let n = FB; n < N; n++) total += load<f64>(gap + nb + (<usize>n << 4), 8);
  return total;
}

/** One RRR iteration with metric adaptation; returns the gap sqrt(mean gap of the BTF blocks). */
export function iterate(beta: f64, gamma: f64): f64 {
  memory.fill(wSum, 0, <usize>E << 3);
  memory.fill(gSum, 0, <usize>N << 3);
  for (let p = 0; p < P; p++) sweep1(p);
  concur();
  let total = 0.0;
  for (let p = 0; p < P; p++) total = sweep2(p, beta, total);
  const mean = total / <f64>(I * (N - FB));
  if (gamma > 0 && mean > 0) {
    const inv = S(1.0 / mean);
    const gm = S(gamma);
    for (let p = 0; p < P; p++) {
      const nb = <usize>(p * N) << 4;
      for (let n = FB; n < N; n++) {
        const no = nb + (<usize>n << 4);
        const gv = V(g + no);
        v128.store(g + no, f64x2.add(gv, f64x2.mul(gm, f64x2.sub(f64x2.mul(V(gap + no), inv), gv))));
      }
    }
  }
  return Math.sqrt(mean);
}
