// Minimal support of a node being read back (stage: extract): the fewest senders whose values on the
// care rows determine the node's value. Called for every wide node of every solution discover reads back,
// so it is on discover's critical path between rounds.
//
// A set of senders determines the target exactly when it separates every conflicting pair of care rows
// (one row where the target is 1, one where it is 0: some sender must differ between them). With the pairs
// as bits, each sender is a bit mask of the pairs it separates and a subset determines the target when the
// OR of its masks covers them all: a word-parallel check with no hashing, and the search for a minimal
// support is a search for a smallest set cover. Tables with too many conflicting pairs fall back to
// grouping the rows by the subset's pattern (determines()).
//
// Both paths try the subsets in the same order under the same budget, so they find the same support: the
// speed-up changes no circuit.

/** A sender as extraction sees it: its value on each row, packed 32 rows a word. */
export interface SupportCand { col: Uint32Array }

/** Past this many conflicting pairs (bits per mask) the pattern-grouping check is used instead. */
const MAX_PAIRS = 1 << 18;

/**
 * Subsets of senders tried for a minimal support, counted at 256 rows each: the exhaustive search stops
 * before it would check more (a table of more rows gets proportionally fewer subsets).
 */
const SUPPORT_CHECKS = 50_000;

const bitAt = (a: Uint32Array, i: number): number => (a[i >>> 5]! >>> (i & 31)) & 1;

/** The conflicting pairs as bit masks, one per sender, with the padding bits preset in `pad`. */
export class PairCover {
  /** Words per mask. */
  readonly words: number;
  readonly masks: Uint32Array[];
  /** 1 on the bits that are not pairs (the end of each one-row's block), so a covering OR is all ones. */
  readonly pad: Uint32Array;

  private constructor(words: number, masks: Uint32Array[], pad: Uint32Array) {
    this.words = words;
    this.masks = masks;
    this.pad = pad;
  }

  /** The masks of `cands`, or undefined when the table has more than MAX_PAIRS conflicting pairs. */
  static build(cands: readonly SupportCand[], target: Uint32Array, care: Uint32Array, R: number): PairCover | undefined {
    const ones: number[] = [];
    const zeros: number[] = [];
    for (let i = 0; i < R; i++) if (bitAt(care, i)) (bitAt(target, i) ? ones : zeros).push(i);
    if (ones.length * zeros.length > MAX_PAIRS) return undefined;
    // One block of ceil(zeros / 32) words per one-row: bit j of block i is the pair (ones[i], zeros[j]).
    const block = Math.ceil(zeros.length / 32);
    const words = Math.max(1, ones.length * block);
    const pad = new Uint32Array(words);
    if (ones.length === 0 || zeros.length === 0) pad.fill(0xffffffff);
    const tail = zeros.length & 31;
    if (tail !== 0) for (let i = 0; i < ones.length; i++) pad[i * block + block - 1] = ~((1 << tail) - 1) >>> 0;
    const masks = cands.map((c) => {
      const z = new Uint32Array(block); // the sender's value on the zero rows
      for (let j = 0; j < zeros.length; j++) if (bitAt(c.col, zeros[j]!)) z[j >>> 5] = z[j >>> 5]! | (1 << (j & 31));
      const m = new Uint32Array(words);
      for (let i = 0; i < ones.length; i++) {
        // The pair is separated when the sender differs: its value on the one-row against each zero-row.
        const flip = bitAt(c.col, ones[i]!) ? 0xffffffff : 0;
        for (let w = 0; w < block; w++) m[i * block + w] = (z[w]! ^ flip) & ~pad[i * block + w]!;
      }
      return m;
    });
    return new PairCover(words, masks, pad);
  }

  /** True when the senders at `idx[0..k)` separate every conflicting pair. */
  covers(idx: ArrayLike<number>, k: number): boolean {
    const { masks, pad } = this;
    for (let w = 0; w < this.words; w++) {
      let or = pad[w]! | 0;
      for (let v = 0; v < k; v++) or |= masks[idx[v]!]![w]!;
      if (or !== -1) return false; // `|` yields a signed 32-bit integer: all ones is -1
    }
    return true;
  }
}

/** True when the senders in `subset` determine the target on the cared rows (rows grouped by pattern). */
export function determines(subset: readonly SupportCand[], target: Uint32Array, care: Uint32Array, R: number): boolean {
  const seen = new Map<number | string, number>();
  for (let i = 0; i < R; i++) {
    if (!bitAt(care, i)) continue;
    let key: number | string = 0;
    if (subset.length <= 30) {
      for (let v = 0; v < subset.length; v++) key = key * 2 + bitAt(subset[v]!.col, i);
    } else {
      key = subset.map((c) => bitAt(c.col, i)).join('');
    }
    const t = bitAt(target, i);
    const prev = seen.get(key);
    if (prev === undefined) seen.set(key, t);
    else if (prev !== t) return false;
  }
  return true;
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 0; i < k; i++) r = (r * (n - i)) / (i + 1);
  return r;
}

/** Does the subset at these indices determine the target: by the cover when there is one. */
type Check = (idx: Int32Array, k: number) => boolean;

function checker<C extends SupportCand>(cands: readonly C[], target: Uint32Array, care: Uint32Array, R: number): Check {
  const cover = PairCover.build(cands, target, care, R);
  if (cover) return (idx, k) => cover.covers(idx, k);
  return (idx, k) => determines(Array.from(idx.subarray(0, k), (i) => cands[i]!), target, care, R);
}

/**
 * The first k-subset (in lexicographic order of indices) that determines the target; null when none does;
 * undefined when `late()` said stop (asked every 256 subsets).
 */
function firstOfSize(n: number, k: number, check: Check, late: () => boolean): Int32Array | null | undefined {
  const idx = new Int32Array(k);
  for (let v = 0; v < k; v++) idx[v] = v;
  for (let count = 1; ; count++) {
    if ((count & 255) === 0 && late()) return undefined;
    if (check(idx, k)) return idx;
    // Next combination: bump the rightmost index that can move, reset the ones after it.
    let v = k - 1;
    while (v >= 0 && idx[v] === n - k + v) v--;
    if (v < 0) return null;
    idx[v]!++;
    for (let u = v + 1; u < k; u++) idx[u] = idx[u - 1]! + 1;
  }
}

/**
 * Smallest support found: exhaustive by size while cheap, else greedy elimination (the last candidates
 * first: the caller orders them by descending weight). The caller has checked that all of `cands`
 * determine the target. Undefined when `late()` says stop.
 */
export function minimalSupport<C extends SupportCand>(cands: readonly C[], target: Uint32Array, care: Uint32Array, R: number,
  late: () => boolean): C[] | undefined {
  const check = checker(cands, target, care, R);
  const rowFactor = Math.max(1, R / 256);
  let checked = 0;
  for (let k = 1; k < cands.length; k++) {
    const c = binomial(cands.length, k);
    if ((checked + c) * rowFactor > SUPPORT_CHECKS) break;
    checked += c;
    const found = firstOfSize(cands.length, k, check, late);
    if (found === undefined) return undefined;
    if (found !== null) return Array.from(found, (i) => cands[i]!);
  }
  let support = cands.map((_, i) => i);
  for (let c = cands.length - 1; c >= 0; c--) {
    if (late()) return undefined;
    const without = Int32Array.from(support.filter((i) => i !== c));
    if (check(without, without.length)) support = Array.from(without);
  }
  return support.map((i) => cands[i]!);
}
