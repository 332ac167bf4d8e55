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

/** One kind of typed expression. */
type ExprOf<K extends TExpr['kind']> = Extract<TExpr, { kind: K }>;

/** A case's result before `eval` fits it to the expression's width. */
function raw(bits: Bits, undefinedRows: Plane): Val {
  return { bits, undefinedRows };
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
    const v = match(e)
      .with({ kind: 'const' }, (c) => raw(this.bs.constant(c.value, c.width), 0))
      .with({ kind: 'input' }, (i) => {
        const bits: Bits = [];
        for (let k = 0; k < i.nat; k++) bits.push(this.bs.input(i.offset + k));
        return raw(bits, 0);
      })
      .with({ kind: 'let' }, (l) => this.letValue(l.index))
      .with({ kind: 'unary' }, (u) => this.unary(u))
      .with({ kind: 'binary' }, (b) => this.binary(b))
      .with({ kind: 'conditional' }, (c) => this.conditional(c))
      .with({ kind: 'concat' }, (c) => this.concat(c))
      .with({ kind: 'select' }, (s) => {
        const a = this.eval(s.operand);
        return raw(a.bits.slice(s.lo, s.lo + s.nat), a.undefinedRows);
      })
      .with({ kind: 'call' }, (c) => this.call(c))
      .exhaustive();
    // Each case computes at its natural width or wider; the value takes the expression's settled width.
    return { bits: this.bs.fit(v.bits, e.width), undefinedRows: v.undefinedRows };
  }

  /** Rows where any of the values is undefined. */
  private undefinedIn(...vs: Val[]): Plane {
    return vs.reduce<Plane>((r, v) => this.bs.or(r, v.undefinedRows), 0);
  }

  private unary(u: ExprOf<'unary'>): Val {
    const bs = this.bs;
    const a = this.eval(u.operand);
    const rows = a.undefinedRows;
    return match(u.op)
      .with('~', () => raw(a.bits.map((p) => bs.not(p)), rows))
      .with('-', () => raw(bs.sub([], a.bits, u.width), rows))
      .with('!', () => raw([bs.not(bs.reduceOr(a.bits))], rows))
      .with('&', () => raw([bs.reduceAnd(a.bits)], rows))
      .with('|', () => raw([bs.reduceOr(a.bits)], rows))
      .with('^', () => raw([bs.reduceXor(a.bits)], rows))
      .exhaustive();
  }

  private binary(b: ExprOf<'binary'>): Val {
    const bs = this.bs;
    const w = b.width;
    const l = this.eval(b.left);
    const r = this.eval(b.right);
    const u = this.undefinedIn(l, r);
    const bit = (p: Plane): Val => raw([p], u);
    return match(b.op)
      .with('+', () => raw(bs.add(l.bits, r.bits, w), u))
      .with('-', () => raw(bs.sub(l.bits, r.bits, w), u))
      .with('*', () => raw(bs.mul(l.bits, r.bits, w), u))
      .with('/', '%', (op) => {
        const { quotient, remainder } = bs.divmod(l.bits, r.bits);
        const byZero = bs.not(bs.reduceOr(r.bits));
        return raw(op === '/' ? quotient : remainder, bs.or(u, byZero));
      })
      .with('&', () => raw(l.bits.map((p, i) => bs.and(p, r.bits[i]!)), u))
      .with('|', () => raw(l.bits.map((p, i) => bs.or(p, r.bits[i]!)), u))
      .with('^', () => raw(l.bits.map((p, i) => bs.xor(p, r.bits[i]!)), u))
      .with('==', () => bit(bs.equal(l.bits, r.bits)))
      .with('!=', () => bit(bs.not(bs.equal(l.bits, r.bits))))
      .with('<', () => bit(bs.lessThan(l.bits, r.bits)))
      .with('>', () => bit(bs.lessThan(r.bits, l.bits)))
      .with('<=', () => bit(bs.not(bs.lessThan(r.bits, l.bits))))
      .with('>=', () => bit(bs.not(bs.lessThan(l.bits, r.bits))))
      .with('&&', () => bit(bs.and(bs.reduceOr(l.bits), bs.reduceOr(r.bits))))
      .with('||', () => bit(bs.or(bs.reduceOr(l.bits), bs.reduceOr(r.bits))))
      .with('<<', '>>', (op) => {
        const left = op === '<<';
        if (b.right.kind === 'const') {
          const k = Number(b.right.value > BigInt(w) ? BigInt(w) : b.right.value);
          return raw(left ? bs.shiftLeftConst(l.bits, k, w) : bs.shiftRightConst(l.bits, k, w), u);
        }
        return raw(bs.shiftVar(l.bits, r.bits, w, left), u);
      })
      .exhaustive();
  }

  private conditional(c: ExprOf<'conditional'>): Val {
    const bs = this.bs;
    const cond = this.eval(c.cond);
    const s = bs.reduceOr(cond.bits);
    const t = this.eval(c.then);
    const f = this.eval(c.else);
    const bits = t.bits.map((p, i) => bs.mux(s, p, f.bits[i]!));
    return raw(bits, bs.or(cond.undefinedRows, bs.mux(s, t.undefinedRows, f.undefinedRows)));
  }

  private concat(c: ExprOf<'concat'>): Val {
    const parts = c.parts.map((p) => this.eval(p));
    const once: Bits = [];
    // Parts are written MSB first: the last part holds the lowest bits.
    for (let i = parts.length - 1; i >= 0; i--) once.push(...parts[i]!.bits);
    const bits: Bits = [];
    for (let k = 0; k < c.count; k++) bits.push(...once);
    return raw(bits, this.undefinedIn(...parts));
  }

  private call(c: ExprOf<'call'>): Val {
    const bs = this.bs;
    const args = c.args.map((a) => this.eval(a));
    const u = this.undefinedIn(...args);
    return match(c.fn)
      .with('popcount', () => raw(bs.popcount(args[0]!.bits), u))
      .with('maj', () => {
        const planes = args.length === 1 ? args[0]!.bits : args.map((a) => a.bits[0]!);
        if (planes.length === 3) {
          const [x, y, z] = planes as [Plane, Plane, Plane];
          return raw([bs.or(bs.and(x, y), bs.and(z, bs.or(x, y)))], u);
        }
        const count = bs.popcount(planes);
        const half = bs.constant(BigInt((planes.length - 1) / 2), count.length);
        return raw([bs.lessThan(half, count)], u);
      })
      .with('min', 'max', (fn) => {
        const [a, b] = [args[0]!, args[1]!];
        const aLess = bs.lessThan(a.bits, b.bits);
        const pickA = fn === 'min' ? aLess : bs.not(aLess);
        const n = Math.max(a.bits.length, b.bits.length);
        const bits: Bits = [];
        for (let i = 0; i < n; i++) bits.push(bs.mux(pickA, a.bits[i] ?? 0, b.bits[i] ?? 0));
        return raw(bits, u);
      })
      .exhaustive();
  }
}
