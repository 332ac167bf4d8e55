// Bit-sliced word arithmetic over every row of a truth table at once. Stage: elaborate (the engine that
// evaluates spec expressions).
//
// A value is a list of bit planes, least significant first. Plane j holds bit j of the value for every
// row m, packed 32 rows per Uint32 word in the same layout as a TruthTable column (row m is bit m & 31 of
// word m >>> 5). So `a + b` is a ripple-carry adder run over whole words, `a * b` a shift-and-add array:
// no per-row loop, no BigInt, any width. Planes that are constant over all rows are the numbers 0 and 1
// and fold away, so zero-extension and constants cost nothing.

/** A bit plane: one bit per row, or a constant. */
export type Plane = Uint32Array | 0 | 1;
/** A value: planes, bit 0 first. */
export type Bits = Plane[];

/** Word patterns of the first five input variables inside one 32-row word. */
const LOW_PATTERNS = [0xaaaaaaaa, 0xcccccccc, 0xf0f0f0f0, 0xff00ff00, 0xffff0000];

export class BitSlicer {
  /** Words per plane. */
  readonly words: number;
  /** Mask of the rows that exist in the last word (all ones when numRows ≥ 32). */
  readonly lastMask: number;
  private readonly inputs: Uint32Array[] = [];

  constructor(readonly numInputs: number) {
    const rows = 2 ** numInputs;
    this.words = Math.max(1, rows >>> 5);
    this.lastMask = rows >= 32 ? 0xffffffff : (2 ** rows - 1) >>> 0;
  }

  /** The plane of input variable x_j. */
  input(j: number): Uint32Array {
    let p = this.inputs[j];
    if (p === undefined) {
      p = new Uint32Array(this.words);
      if (j < 5) p.fill(LOW_PATTERNS[j]!);
      else for (let w = 0; w < this.words; w++) p[w] = (w >>> (j - 5)) & 1 ? 0xffffffff : 0;
      this.inputs[j] = p;
    }
    return p;
  }

  // ---- single planes ----

  not(a: Plane): Plane {
    if (a === 0) return 1;
    if (a === 1) return 0;
    const r = new Uint32Array(this.words);
    for (let w = 0; w < r.length; w++) r[w] = ~a[w]!;
    return r;
  }

  and(a: Plane, b: Plane): Plane {
    if (a === 0 || b === 0) return 0;
    if (a === 1) return b;
    if (b === 1 || a === b) return a;
    const r = new Uint32Array(this.words);
    for (let w = 0; w < r.length; w++) r[w] = a[w]! & b[w]!;
    return r;
  }

  or(a: Plane, b: Plane): Plane {
    if (a === 1 || b === 1) return 1;
    if (a === 0) return b;
    if (b === 0 || a === b) return a;
    const r = new Uint32Array(this.words);
    for (let w = 0; w < r.length; w++) r[w] = a[w]! | b[w]!;
    return r;
  }

  xor(a: Plane, b: Plane): Plane {
    if (a === 0) return b;
    if (b === 0) return a;
    if (a === 1) return this.not(b);
    if (b === 1) return this.not(a);
    if (a === b) return 0;
    const r = new Uint32Array(this.words);
    for (let w = 0; w < r.length; w++) r[w] = a[w]! ^ b[w]!;
    return r;
  }

  /** s ? t : f, row by row. */
  mux(s: Plane, t: Plane, f: Plane): Plane {
    if (s === 1 || t === f) return t;
    if (s === 0) return f;
    if (t === 1 && f === 0) return s;
    if (t === 0 && f === 1) return this.not(s);
    if (t === 0) return this.and(this.not(s), f);
    if (f === 0) return this.and(s, t);
    if (t === 1) return this.or(s, f);
    if (f === 1) return this.or(this.not(s), t);
    const r = new Uint32Array(this.words);
    for (let w = 0; w < r.length; w++) r[w] = f[w]! ^ (s[w]! & (t[w]! ^ f[w]!));
    return r;
  }

  /** True when the plane is 0 on every existing row. */
  isZero(a: Plane): boolean {
    if (a === 0) return true;
    if (a === 1) return false;
    const last = this.words - 1;
    for (let w = 0; w < last; w++) if (a[w] !== 0) return false;
    return (a[last]! & this.lastMask) === 0;
  }

  /** Sum and carry of three planes. */
  fullAdd(a: Plane, b: Plane, c: Plane): [Plane, Plane] {
    if (c === 0) return [this.xor(a, b), this.and(a, b)];
    if (b === 0) return [this.xor(a, c), this.and(a, c)];
    if (a === 0) return [this.xor(b, c), this.and(b, c)];
    if (c === 1) return [this.not(this.xor(a, b)), this.or(a, b)];
    if (b === 1) return [this.not(this.xor(a, c)), this.or(a, c)];
    if (a === 1) return [this.not(this.xor(b, c)), this.or(b, c)];
    const s = new Uint32Array(this.words);
    const co = new Uint32Array(this.words);
    for (let w = 0; w < s.length; w++) {
      const x = a[w]!, y = b[w]!, z = c[w]!;
      const t = x ^ y;
      s[w] = t ^ z;
      co[w] = (x & y) | (z & t);
    }
    return [s, co];
  }

  // ---- words ----

  /** Zero-extend or truncate to `width` planes. */
  fit(a: Bits, width: number): Bits {
    if (a.length === width) return a;
    if (a.length > width) return a.slice(0, width);
    const r = a.slice();
    while (r.length < width) r.push(0);
    return r;
  }

  constant(value: bigint, width: number): Bits {
    const r: Bits = [];
    for (let i = 0; i < width; i++) r.push(((value >> BigInt(i)) & 1n) === 1n ? 1 : 0);
    return r;
  }

  /** (a + b + cin) mod 2^width, and the carry out of the top bit. */
  addWithCarry(a: Bits, b: Bits, width: number, cin: Plane = 0): { sum: Bits; carry: Plane } {
    const sum: Bits = [];
    let c = cin;
    for (let i = 0; i < width; i++) {
      const [s, co] = this.fullAdd(a[i] ?? 0, b[i] ?? 0, c);
      sum.push(s);
      c = co;
    }
    return { sum, carry: c };
  }

  add(a: Bits, b: Bits, width: number): Bits {
    return this.addWithCarry(a, b, width).sum;
  }

  /** (a − b) mod 2^width. */
  sub(a: Bits, b: Bits, width: number): Bits {
    return this.addWithCarry(a, this.fit(b, width).map((p) => this.not(p)), width, 1).sum;
  }

  mul(a: Bits, b: Bits, width: number): Bits {
    let acc: Bits = [];
    for (let j = 0; j < Math.min(b.length, width); j++) {
      const bj = b[j]!;
      if (bj === 0) continue;
      const partial: Bits = new Array<Plane>(j).fill(0);
      for (let i = 0; i + j < width && i < a.length; i++) partial.push(this.and(a[i]!, bj));
      acc = this.add(acc, partial, width);
    }
    return this.fit(acc, width);
  }

  /** Unsigned a < b. */
  lessThan(a: Bits, b: Bits): Plane {
    let borrow: Plane = 0;
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const ai = a[i] ?? 0, bi = b[i] ?? 0;
      // Where the bits differ, b's bit decides; where they agree, the lower bits do.
      borrow = this.mux(this.xor(ai, bi), bi, borrow);
    }
    return borrow;
  }

  equal(a: Bits, b: Bits): Plane {
    let r: Plane = 1;
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n && r !== 0; i++) r = this.and(r, this.not(this.xor(a[i] ?? 0, b[i] ?? 0)));
    return r;
  }

  reduceOr(a: Bits): Plane {
    return a.reduce<Plane>((r, p) => this.or(r, p), 0);
  }

  reduceAnd(a: Bits): Plane {
    return a.reduce<Plane>((r, p) => this.and(r, p), 1);
  }

  reduceXor(a: Bits): Plane {
    return a.reduce<Plane>((r, p) => this.xor(r, p), 0);
  }

  /** Restoring division: quotient (a's width) and remainder (b's width). Rows with b = 0 get junk. */
  divmod(a: Bits, b: Bits): { quotient: Bits; remainder: Bits } {
    const wb = b.length;
    const nb = this.fit(b, wb + 1).map((p) => this.not(p));
    let r: Bits = new Array<Plane>(wb + 1).fill(0);
    const q: Bits = new Array<Plane>(a.length).fill(0);
    for (let i = a.length - 1; i >= 0; i--) {
      r = [a[i]!, ...r.slice(0, wb)];
      const { sum: d, carry: ge } = this.addWithCarry(r, nb, wb + 1, 1);
      r = r.map((p, k) => this.mux(ge, d[k]!, p));
      q[i] = ge;
    }
    return { quotient: q, remainder: r.slice(0, wb) };
  }

  shiftLeftConst(a: Bits, k: number, width: number): Bits {
    return this.fit([...new Array<Plane>(Math.min(k, width)).fill(0), ...a], width);
  }

  shiftRightConst(a: Bits, k: number, width: number): Bits {
    return this.fit(a.slice(k), width);
  }

  /** a << s or a >> s for a per-row amount s: a barrel shifter, one stage per bit of s. */
  shiftVar(a: Bits, s: Bits, width: number, left: boolean): Bits {
    let cur = this.fit(a, width);
    for (let i = 0; i < s.length; i++) {
      const si = s[i]!;
      if (si === 0) continue;
      const amt = 2 ** i;
      cur = cur.map((p, j) => {
        const src = left ? j - amt : j + amt;
        const moved: Plane = src >= 0 && src < width ? cur[src]! : 0;
        return this.mux(si, moved, p);
      });
    }
    return cur;
  }

  /** The number of ones among the planes, as a word. */
  popcount(planes: Plane[]): Bits {
    if (planes.length === 0) return [0];
    let level: Bits[] = planes.map((p) => [p]);
    while (level.length > 1) {
      const next: Bits[] = [];
      for (let i = 0; i + 1 < level.length; i += 2) {
        const w = Math.max(level[i]!.length, level[i + 1]!.length) + 1;
        next.push(this.add(level[i]!, level[i + 1]!, w));
      }
      if (level.length % 2 === 1) next.push(level[level.length - 1]!);
      level = next;
    }
    return level[0]!;
  }

  /** Copy a plane into a TruthTable-layout column (words beyond the rows are masked off). */
  materialize(a: Plane): Uint32Array {
    const r = new Uint32Array(this.words);
    if (a === 1) r.fill(0xffffffff);
    else if (a !== 0) r.set(a);
    r[this.words - 1] = (r[this.words - 1]! & this.lastMask) >>> 0;
    return r;
  }
}
