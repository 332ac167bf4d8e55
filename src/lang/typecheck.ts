// Names and widths of spec expressions: AST expression → typed expression (TExpr). Stage: elaborate.
//
// Width rules (grammar/spec.ebnf documents them for users). Every node has a natural width:
//   name: its declared width; unsized literal: the fewest bits that hold it (0 → 1); sized: as written
//   a + b: max+1      a * b: wa+wb      a - b, a & b, a | b, a ^ b: max      a / b: wa      a % b: min
//   ~a, -a: wa        a << k: wa+k (constant k), wa + 2^ws − 1 (ws ≤ 6 bits)       a >> s: wa
//   comparisons, && || !, reductions &a |a ^a, maj(…): 1      c ? t : f: max(wt, wf)
//   {a, b}: wa+wb     {n{a}}: n·wa     a[i]: 1    a[h:l]: h−l+1    popcount(x): bits of wx    min/max: max
// Then, as in Verilog, the width a node is computed at is max(natural, context): an assignment's
// context is its target's width; + - * / % & | ^ ~ unary-minus and the arms of ?: pass their width down
// to their operands; comparisons give both operands the larger of their two natural widths; everything
// else (concatenation parts, selects, function arguments, shift amounts, conditions) is self-determined.
// As the natural widths of + and * never lose a carry, every result is the exact mathematical one;
// only −, unary −, and ~ wrap, modulo 2^(the width they are computed at).

import { match } from 'ts-pattern';
import { UserError, type Diagnostic } from '../util/diagnostics.js';
import type { BinaryOp, Expr, Selector, Span, UnaryOp } from './ast.js';
import { closest } from './suggest.js';

/** The widest value an expression may have. */
export const MAX_EXPR_WIDTH = 1024;
/** The widest per-row shift amount of `<<` (the result grows by 2^width − 1 bits). */
export const MAX_SHIFT_AMOUNT_WIDTH = 6;

export type FunctionName = 'popcount' | 'maj' | 'min' | 'max';
export const FUNCTIONS: readonly FunctionName[] = ['popcount', 'maj', 'min', 'max'];

interface Sized {
  /** Natural width. */
  nat: number;
  /** Width it is computed at, set by `settle`. */
  width: number;
}

export type TExpr = Sized & (
  | { kind: 'const'; value: bigint }
  /** Input bits x[offset], …, x[offset + portWidth − 1]. */
  | { kind: 'input'; offset: number }
  | { kind: 'let'; index: number }
  | { kind: 'unary'; op: UnaryOp; operand: TExpr }
  | { kind: 'binary'; op: BinaryOp; left: TExpr; right: TExpr }
  | { kind: 'conditional'; cond: TExpr; then: TExpr; else: TExpr }
  /** Parts MSB first, the whole repeated `count` times. */
  | { kind: 'concat'; parts: TExpr[]; count: number }
  | { kind: 'select'; operand: TExpr; lo: number }
  | { kind: 'call'; fn: FunctionName; args: TExpr[] }
);

/** A TExpr before `settle` gives it a width. */
type Unsettled = TExpr extends unknown ? (TExpr extends infer U ? (U extends unknown ? Omit<U, 'width'> : never) : never) : never;

/** What a name means at the point it is used. */
export type Binding =
  | { kind: 'input'; offset: number; width: number; span: Span }
  | { kind: 'output'; width: number; span: Span }
  | { kind: 'let'; index: number; width: number; span: Span };

export interface Scope {
  file: string;
  lookup(name: string): Binding | undefined;
  /** Names visible here, for did-you-mean. */
  names(): string[];
  /** Where a name is declared later in the circuit, if it is. */
  declaredLater(name: string): Span | undefined;
}

export function fail(file: string, span: Span, message: string, hint?: string, notes?: Diagnostic['notes']): never {
  throw new UserError({ file, span, message, hint, notes });
}

function bitLength(v: bigint): number {
  return v === 0n ? 1 : v.toString(2).length;
}

const SIZED = /^([0-9][0-9_]*)'([sS]?)([bBdDhHoO])([0-9a-zA-Z_]*)$/;

/** Value and width of a Verilog-style sized literal, checked. */
export function sizedLiteral(text: string, span: Span, file: string): { value: bigint; width: number } {
  const m = SIZED.exec(text)!;
  const width = Number(m[1]!.replace(/_/g, ''));
  const base = m[3]!.toLowerCase();
  const digits = m[4]!.replace(/_/g, '');
  if (m[2] !== '') fail(file, span, `signed literal '${text}': btfc arithmetic is unsigned`, `drop the 's': ${text.replace(/[sS](?=[bBdDhHoO])/, '')}`);
  if (width < 1 || width > MAX_EXPR_WIDTH) fail(file, span, `literal '${text}' has width ${width}`, `a sized literal is 1 to ${MAX_EXPR_WIDTH} bits wide`);
  if (digits === '') fail(file, span, `literal '${text}' has no digits`, "write digits after the base, e.g. 4'b1010");
  const allowed = { b: /^[01]+$/, o: /^[0-7]+$/, d: /^[0-9]+$/, h: /^[0-9a-fA-F]+$/ }[base as 'b' | 'o' | 'd' | 'h'];
  if (!allowed.test(digits)) {
    const bad = [...digits].find((c) => !allowed.test(c))!;
    const baseName = { b: 'binary', o: 'octal', d: 'decimal', h: 'hexadecimal' }[base as 'b' | 'o' | 'd' | 'h'];
    fail(file, span, `'${bad}' is not a ${baseName} digit in '${text}'`,
      /[xXzZ?]/.test(bad) ? "x and z digits have no meaning in a function spec; use a table with '-' for don't-cares" : `use only ${baseName} digits`);
  }
  const value = BigInt(base === 'd' ? digits : `0${base === 'h' ? 'x' : base}${digits}`);
  if (bitLength(value) > width) {
    fail(file, span, `literal '${text}' does not fit in ${width} bits`, `widen it to ${bitLength(value)}'${base}${digits} or use a smaller value`);
  }
  return { value, width };
}

/** Check a `[hi]` / `[hi:lo]` against a value of `width` bits; returns [hi, lo]. */
export function checkSelector(sel: Selector, width: number, what: string, file: string): [number, number] {
  const hi = sel.hi.value;
  const lo = sel.lo?.value ?? hi;
  const range = width === 1 ? 'bit 0 only' : `bits ${width - 1} down to 0`;
  if (hi >= width) fail(file, sel.hi.span, `bit ${hi} is out of range: ${what} is ${width} bit${width === 1 ? '' : 's'} wide`, `${what} has ${range}`);
  if (lo >= width) fail(file, sel.lo!.span, `bit ${lo} is out of range: ${what} is ${width} bit${width === 1 ? '' : 's'} wide`, `${what} has ${range}`);
  if (hi < lo) fail(file, sel.span, `slice [${hi}:${lo}] is reversed`, `write the most significant bit first: [${lo}:${hi}]`);
  return [hi, lo];
}

export class TypeChecker {
  constructor(private readonly scope: Scope) {}

  private get file(): string {
    return this.scope.file;
  }

  private sized(e: Unsettled, span: Span): TExpr {
    if (e.nat > MAX_EXPR_WIDTH) {
      fail(this.file, span, `this expression is ${e.nat} bits wide, more than btfc's limit of ${MAX_EXPR_WIDTH}`,
        'slice the operands to the bits you need');
    }
    return { ...e, width: 0 } as TExpr;
  }

  /** Type an expression (names resolved, natural widths computed, operands checked). */
  check(e: Expr): TExpr {
    return match(e)
      .with({ kind: 'number' }, (n): TExpr => this.sized({ kind: 'const', value: n.value, nat: bitLength(n.value) }, n.span))
      .with({ kind: 'sized' }, (n): TExpr => {
        const { value, width } = sizedLiteral(n.text, n.span, this.file);
        return this.sized({ kind: 'const', value, nat: width }, n.span);
      })
      .with({ kind: 'fraction' }, (n): never =>
        fail(this.file, n.span, `'${n.text}' is not an integer`, 'expressions are unsigned integers; fractions belong in solve options'))
      .with({ kind: 'name' }, (n): TExpr => this.name(n.name, n.span))
      .with({ kind: 'unary' }, (u): TExpr => {
        const operand = this.check(u.operand);
        const nat = u.op === '~' || u.op === '-' ? operand.nat : 1;
        return this.sized({ kind: 'unary', op: u.op, operand, nat }, u.span);
      })
      .with({ kind: 'binary' }, (b): TExpr => this.binary(b.op, b.left, b.right, b.span, b.opSpan))
      .with({ kind: 'conditional' }, (c): TExpr => {
        const cond = this.check(c.cond);
        const then = this.check(c.then);
        const els = this.check(c.else);
        return this.sized({ kind: 'conditional', cond, then, else: els, nat: Math.max(then.nat, els.nat) }, c.span);
      })
      .with({ kind: 'concat' }, (c): TExpr => {
        const parts = c.parts.map((p) => this.concatPart(p));
        return this.sized({ kind: 'concat', parts, count: 1, nat: parts.reduce((s, p) => s + p.nat, 0) }, c.span);
      })
      .with({ kind: 'replicate' }, (r): TExpr => {
        if (r.count.value < 1) fail(this.file, r.count.span, `replication count ${r.count.value}`, 'repeat at least once: {2{a}}');
        const parts = r.parts.map((p) => this.concatPart(p));
        const one = parts.reduce((s, p) => s + p.nat, 0);
        return this.sized({ kind: 'concat', parts, count: r.count.value, nat: one * r.count.value }, r.span);
      })
      .with({ kind: 'select' }, (s): TExpr => {
        const operand = this.check(s.operand);
        const what = s.operand.kind === 'name' ? `'${s.operand.name}'` : 'the operand';
        const [hi, lo] = checkSelector(s.selector, operand.nat, what, this.file);
        return this.sized({ kind: 'select', operand, lo, nat: hi - lo + 1 }, s.span);
      })
      .with({ kind: 'call' }, (c): TExpr => this.call(c.name, c.nameSpan, c.args, c.span))
      .exhaustive();
  }

  private name(name: string, span: Span): TExpr {
    const b = this.scope.lookup(name);
    if (b === undefined) {
      const later = this.scope.declaredLater(name);
      if (later) fail(this.file, span, `'${name}' is used before its declaration`, `move the declaration at line ${later.line} above this line`);
      const near = closest(name, this.scope.names());
      fail(this.file, span, `undeclared name '${name}'`,
        near ? `did you mean '${near}'?` : `declare it first: \`input ${name};\`, or bind it with \`let ${name} = …;\``);
    }
    return match(b)
      .with({ kind: 'input' }, (i): TExpr => ({ kind: 'input', offset: i.offset, nat: i.width, width: 0 }))
      .with({ kind: 'let' }, (l): TExpr => ({ kind: 'let', index: l.index, nat: l.width, width: 0 }))
      .with({ kind: 'output' }, (): never =>
        fail(this.file, span, `output '${name}' cannot be read in an expression`,
          `compute the value in a let (\`let t = …;\`), use t here, and assign \`${name} = t;\``))
      .exhaustive();
  }

  private concatPart(p: Expr): TExpr {
    if (p.kind === 'number') {
      fail(this.file, p.span, 'an unsized number in a concatenation has no definite width',
        `give it a width, e.g. ${bitLength(p.value)}'d${p.value}`);
    }
    return this.check(p);
  }

  private binary(op: BinaryOp, l: Expr, r: Expr, span: Span, opSpan: Span): TExpr {
    const left = this.check(l);
    const right = this.check(r);
    const wl = left.nat, wr = right.nat;
    const nat = match(op)
      .with('+', () => Math.max(wl, wr) + 1)
      .with('*', () => wl + wr)
      .with('-', '&', '|', '^', () => Math.max(wl, wr))
      .with('/', () => wl)
      .with('%', () => Math.min(wl, wr))
      .with('==', '!=', '<', '<=', '>', '>=', '&&', '||', () => 1)
      .with('>>', () => wl)
      .with('<<', () => {
        if (right.kind === 'const') {
          if (right.value > BigInt(MAX_EXPR_WIDTH)) fail(this.file, r.span, `shift by ${right.value} is wider than btfc's limit of ${MAX_EXPR_WIDTH} bits`, 'shift by less');
          return wl + Number(right.value);
        }
        if (wr > MAX_SHIFT_AMOUNT_WIDTH) {
          fail(this.file, r.span, `the shift amount is ${wr} bits wide; '<<' by a variable amount takes at most ${MAX_SHIFT_AMOUNT_WIDTH} bits`,
            `the result of << grows by up to 2^${wr}−1 bits; slice the amount, e.g. s[${MAX_SHIFT_AMOUNT_WIDTH - 1}:0]`);
        }
        return wl + 2 ** wr - 1;
      })
      .exhaustive();
    return this.sized({ kind: 'binary', op, left, right, nat }, op === '<<' ? opSpan : span);
  }

  private call(name: string, nameSpan: Span, argExprs: Expr[], span: Span): TExpr {
    if (!(FUNCTIONS as readonly string[]).includes(name)) {
      const b = this.scope.lookup(name);
      const near = closest(name, FUNCTIONS);
      fail(this.file, nameSpan, b ? `'${name}' is a ${b.kind}, not a function` : `unknown function '${name}'`,
        near ? `did you mean '${near}'? The functions are ${FUNCTIONS.join(', ')}` : `the functions are ${FUNCTIONS.join(', ')}`);
    }
    const fn = name as FunctionName;
    const args = argExprs.map((a) => this.check(a));
    const arity = (n: number, usage: string): void => {
      if (args.length !== n) fail(this.file, span, `${fn} takes ${n} argument${n === 1 ? '' : 's'}, not ${args.length}`, `write ${usage}`);
    };
    const nat = match(fn)
      .with('popcount', () => {
        arity(1, 'popcount(x)');
        return bitLength(BigInt(args[0]!.nat));
      })
      .with('min', 'max', () => {
        arity(2, `${fn}(a, b)`);
        return Math.max(args[0]!.nat, args[1]!.nat);
      })
      .with('maj', () => {
        if (args.length === 1) {
          if (args[0]!.nat % 2 === 0) {
            fail(this.file, argExprs[0]!.span, `maj of a ${args[0]!.nat}-bit value has no majority when half the bits are 1`,
              'use an odd number of bits, or write popcount(x) > N for the threshold you mean');
          }
          return 1;
        }
        args.forEach((a, i) => {
          if (a.nat !== 1) {
            fail(this.file, argExprs[i]!.span, `argument ${i + 1} of maj is ${a.nat} bits wide; with several arguments each must be 1 bit`,
              'pass 1-bit values, e.g. maj(a[0], b[0], c), or one bus: maj(x)');
          }
        });
        if (args.length % 2 === 0) {
          fail(this.file, span, `maj takes an odd number of 1-bit arguments, not ${args.length}`, 'add or remove an argument, or use one bus: maj(x)');
        }
        return 1;
      })
      .exhaustive();
    return this.sized({ kind: 'call', fn, args, nat }, span);
  }
}

/** Fix the width every node is computed at, given the width of its context (see the header). */
export function settle(e: TExpr, context: number): void {
  e.width = Math.max(e.nat, context);
  const w = e.width;
  match(e)
    .with({ kind: 'const' }, { kind: 'input' }, { kind: 'let' }, () => {})
    .with({ kind: 'unary' }, (u) => settle(u.operand, u.op === '~' || u.op === '-' ? w : 0))
    .with({ kind: 'binary' }, (b) => {
      match(b.op)
        .with('+', '-', '*', '/', '%', '&', '|', '^', () => { settle(b.left, w); settle(b.right, w); })
        .with('==', '!=', '<', '<=', '>', '>=', () => {
          const m = Math.max(b.left.nat, b.right.nat);
          settle(b.left, m);
          settle(b.right, m);
        })
        .with('&&', '||', () => { settle(b.left, 0); settle(b.right, 0); })
        .with('<<', '>>', () => { settle(b.left, w); settle(b.right, 0); })
        .exhaustive();
    })
    .with({ kind: 'conditional' }, (c) => { settle(c.cond, 0); settle(c.then, w); settle(c.else, w); })
    .with({ kind: 'concat' }, (c) => c.parts.forEach((p) => settle(p, 0)))
    .with({ kind: 'select' }, (s) => settle(s.operand, 0))
    .with({ kind: 'call' }, (c) => {
      const m = c.fn === 'min' || c.fn === 'max' ? Math.max(...c.args.map((a) => a.nat)) : 0;
      c.args.forEach((a) => settle(a, m));
    })
    .exhaustive();
}
