// Evaluation of typed spec expressions over every row at once (bit-sliced, see bitvec.ts).
// Stage: elaborate. Division or modulo by zero marks the row "undefined"; the mark follows the value
// through every operator (except that `c ? t : f` takes it only from the arm it selects), and the
// assignment turns it into don't-cares.

import { match } from 'ts-pattern';
import { BitSlicer, type Bits, type Plane } from './bitvec.js';
import type { TExpr } from './typecheck.js';

/** A let binding: its typed, settled expression and its width. */
export interface LetDef {
  expr: TExpr;
  width: number;
}

/** A value on every row, and the rows where it is undefined (a division by zero on the way). */
export interface Val {
  bits: Bits;
  undefinedRows: Plane;
}

export class Evaluator {
  readonly bs: BitSlicer;
  private readonly letCache = new Map<number, Val>();

  /** `lets[i]` is let number i. */
  constructor(numInputs: number, private readonly lets: readonly LetDef[]) {
    this.bs = new BitSlicer(numInputs);
  }

  private letValue(index: number): Val {
    let v = this.letCache.get(index);
    if (v === undefined) {
      const { expr, width } = this.lets[index]!;
      const full = this.eval(expr);
      v = { bits: this.bs.fit(full.bits, width), undefinedRows: full.undefinedRows };
      this.letCache.set(index, v);
    }
    return v;
  }

  /** The value of `e` at its settled width. */
  eval(e: TExpr): Val {
    const bs = this.bs;
    const w = e.width;
    const bad = (...vs: Val[]): Plane => vs.reduce<Plane>((r, v) => bs.or(r, v.undefinedRows), 0);
    const val = (bits: Bits, undefinedRows: Plane): Val => ({ bits: bs.fit(bits, w), undefinedRows });
    const bit = (p: Plane, undefinedRows: Plane): Val => val([p], undefinedRows);
    return match(e)
      .with({ kind: 'const' }, (c) => val(bs.constant(c.value, w), 0))
      .with({ kind: 'input' }, (i) => {
        const bits: Bits = [];
        for (let k = 0; k < i.nat; k++) bits.push(bs.input(i.offset + k));
        return val(bits, 0);
      })
      .with({ kind: 'let' }, (l) => {
        const v = this.letValue(l.index);
        return val(v.bits, v.undefinedRows);
      })
      .with({ kind: 'unary' }, (u) => {
        const a = this.eval(u.operand);
        return match(u.op)
          .with('~', () => val(a.bits.map((p) => bs.not(p)), a.undefinedRows))
          .with('-', () => val(bs.sub([], a.bits, w), a.undefinedRows))
          .with('!', () => bit(bs.not(bs.reduceOr(a.bits)), a.undefinedRows))
          .with('&', () => bit(bs.reduceAnd(a.bits), a.undefinedRows))
          .with('|', () => bit(bs.reduceOr(a.bits), a.undefinedRows))
          .with('^', () => bit(bs.reduceXor(a.bits), a.undefinedRows))
          .exhaustive();
      })
      .with({ kind: 'binary' }, (b) => {
        const l = this.eval(b.left);
        const r = this.eval(b.right);
        const u = bad(l, r);
        return match(b.op)
          .with('+', () => val(bs.add(l.bits, r.bits, w), u))
          .with('-', () => val(bs.sub(l.bits, r.bits, w), u))
          .with('*', () => val(bs.mul(l.bits, r.bits, w), u))
          .with('/', '%', (op) => {
            const { quotient, remainder } = bs.divmod(l.bits, r.bits);
            const byZero = bs.not(bs.reduceOr(r.bits));
            return val(op === '/' ? quotient : remainder, bs.or(u, byZero));
          })
          .with('&', () => val(l.bits.map((p, i) => bs.and(p, r.bits[i]!)), u))
          .with('|', () => val(l.bits.map((p, i) => bs.or(p, r.bits[i]!)), u))
          .with('^', () => val(l.bits.map((p, i) => bs.xor(p, r.bits[i]!)), u))
          .with('==', () => bit(bs.equal(l.bits, r.bits), u))
          .with('!=', () => bit(bs.not(bs.equal(l.bits, r.bits)), u))
          .with('<', () => bit(bs.lessThan(l.bits, r.bits), u))
          .with('>', () => bit(bs.lessThan(r.bits, l.bits), u))
          .with('<=', () => bit(bs.not(bs.lessThan(r.bits, l.bits)), u))
          .with('>=', () => bit(bs.not(bs.lessThan(l.bits, r.bits)), u))
          .with('&&', () => bit(bs.and(bs.reduceOr(l.bits), bs.reduceOr(r.bits)), u))
          .with('||', () => bit(bs.or(bs.reduceOr(l.bits), bs.reduceOr(r.bits)), u))
          .with('<<', '>>', (op) => {
            const left = op === '<<';
            if (b.right.kind === 'const') {
              const k = Number(b.right.value > BigInt(w) ? BigInt(w) : b.right.value);
              return val(left ? bs.shiftLeftConst(l.bits, k, w) : bs.shiftRightConst(l.bits, k, w), u);
            }
            return val(bs.shiftVar(l.bits, r.bits, w, left), u);
          })
          .exhaustive();
      })
      .with({ kind: 'conditional' }, (c) => {
        const cond = this.eval(c.cond);
        const s = bs.reduceOr(cond.bits);
        const t = this.eval(c.then);
        const f = this.eval(c.else);
        const bits = t.bits.map((p, i) => bs.mux(s, p, f.bits[i]!));
        return val(bits, bs.or(cond.undefinedRows, bs.mux(s, t.undefinedRows, f.undefinedRows)));
      })
      .with({ kind: 'concat' }, (c) => {
        const parts = c.parts.map((p) => this.eval(p));
        const once: Bits = [];
        // Parts are written MSB first: the last part holds the lowest bits.
        for (let i = parts.length - 1; i >= 0; i--) once.push(...parts[i]!.bits);
        const bits: Bits = [];
        for (let k = 0; k < c.count; k++) bits.push(...once);
        return val(bits, bad(...parts));
      })
      .with({ kind: 'select' }, (s) => {
        const a = this.eval(s.operand);
        return val(a.bits.slice(s.lo, s.lo + s.nat), a.undefinedRows);
      })
      .with({ kind: 'call' }, (c) => {
        const args = c.args.map((a) => this.eval(a));
        const u = bad(...args);
        return match(c.fn)
          .with('popcount', () => val(bs.popcount(args[0]!.bits), u))
          .with('maj', () => {
            const planes = args.length === 1 ? args[0]!.bits : args.map((a) => a.bits[0]!);
            if (planes.length === 3) {
              const [x, y, z] = planes as [Plane, Plane, Plane];
              return bit(bs.or(bs.and(x, y), bs.and(z, bs.or(x, y))), u);
            }
            const count = bs.popcount(planes);
            const half = bs.constant(BigInt((planes.length - 1) / 2), count.length);
            return bit(bs.lessThan(half, count), u);
          })
          .with('min', 'max', (fn) => {
            const [a, b] = [args[0]!, args[1]!];
            const aLess = bs.lessThan(a.bits, b.bits);
            const pickA = fn === 'min' ? aLess : bs.not(aLess);
            const n = Math.max(a.bits.length, b.bits.length);
            const bits: Bits = [];
            for (let i = 0; i < n; i++) bits.push(bs.mux(pickA, a.bits[i] ?? 0, b.bits[i] ?? 0));
            return val(bits, u);
          })
          .exhaustive();
      })
      .exhaustive();
  }
}
