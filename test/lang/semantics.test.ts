// What spec programs mean: variable order, width rules, selects, lets, tables, defaults, several
// circuits, solve blocks. Plus a property test: the bit-sliced evaluator agrees with a row-by-row BigInt
// reference implementation of the documented width rules on random expressions.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../src/lang/compile.js';
import type { Spec } from '../../src/ir/spec.js';
import { errorText, outputValue, truthLines } from './helpers.js';

const compile = (body: string, extra = ''): Spec => compileSpec(`circuit t {\n${body}\n}\n${extra}`, 't.spec');

/** All rows of output port `k` as numbers (or '-'). */
function column(s: Spec, k = 0): (number | '-')[] {
  return Array.from({ length: s.table.numRows }, (_, m) => outputValue(s, k, m));
}

describe('variable and output order', () => {
  it('x0 is bit 0 of the first declared input; row m has x_j = bit j of m', () => {
    const s = compile('input b[2], a; output y[3]; y = {a, b};');
    // y = a·4 + b, and x0..x1 = b, x2 = a: so y(m) = m.
    expect(column(s)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(s.inputs).toEqual([{ name: 'b', width: 2, bus: true }, { name: 'a', width: 1, bus: false }]);
  });

  it('output columns follow declaration order, bit 0 first; a 1-wide bus stays a bus', () => {
    const s = compile('input a, b; output z[1], y[2]; y = {a, b}; z = a & b;');
    expect(s.outputs).toEqual([{ name: 'z', width: 1, bus: true }, { name: 'y', width: 2, bus: true }]);
    // y = {a, b}: y[0] = b = x1, y[1] = a = x0.
    expect(truthLines(s)).toEqual(['1000', '1100', '1010']);
  });

  it('[H:0] declares H+1 bits', () => {
    expect(compile('input a[3:0]; output y[7:0]; y = a;').inputs[0]!.width).toBe(4);
  });
});

describe('width rules', () => {
  it('p = a * b is the exact product (natural width wa+wb)', () => {
    const s = compile('input a[3], b[3]; output p[6]; p = a * b;');
    for (let m = 0; m < 64; m++) expect(outputValue(s, 0, m)).toBe((m & 7) * (m >> 3));
  });

  it('a - b wraps modulo 2^(target width) when the target is wider (Verilog context)', () => {
    const s = compile('input a[2], b[2]; output d[4]; d = a - b;');
    for (let m = 0; m < 16; m++) expect(outputValue(s, 0, m)).toBe(((m & 3) - (m >> 2) + 16) % 16);
  });

  it('a - b in a 2-bit target wraps modulo 4', () => {
    const s = compile('input a[2], b[2]; output d[2]; d = a - b;');
    for (let m = 0; m < 16; m++) expect(outputValue(s, 0, m)).toBe(((m & 3) - (m >> 2) + 4) % 4);
  });

  it('(a + b) >> 1 keeps the carry: the exact average', () => {
    const s = compile('input a[3], b[3]; output q[3]; q = (a + b) >> 1;');
    for (let m = 0; m < 64; m++) expect(outputValue(s, 0, m)).toBe(((m & 7) + (m >> 3)) >> 1);
  });

  it('~a is computed at the context width', () => {
    const s = compile('input a[2]; output y[4]; y = ~a;');
    expect(column(s)).toEqual([15, 14, 13, 12]);
  });

  it('a comparison sizes its operands to each other, not to the target', () => {
    // a - 1 at 2 bits wraps: 0 - 1 = 3 > 2.
    const s = compile('input a[2]; output y[8]; y = (a - 1) > 2;');
    expect(column(s)).toEqual([1, 0, 0, 0]);
  });

  it('a let has the width of its expression, or the width written', () => {
    const s = compile('input a[2], b[2]; output y[4], z[4]; let d = a - b; let e[1] = a + b; y = d; z = e;');
    for (let m = 0; m < 16; m++) {
      expect(outputValue(s, 0, m)).toBe(((m & 3) - (m >> 2) + 4) % 4);
      expect(outputValue(s, 1, m)).toBe(((m & 3) + (m >> 2)) & 1);
    }
  });

  it('a value wider than the target is cut; narrower is zero-extended', () => {
    const s = compile('input a[3]; output y[2], z[5]; y = a; z = a;');
    for (let m = 0; m < 8; m++) {
      expect(outputValue(s, 0, m)).toBe(m & 3);
      expect(outputValue(s, 1, m)).toBe(m);
    }
  });
});

describe('literals, selects, concatenation, functions', () => {
  it('decimal, hex, binary and sized literals', () => {
    const s = compile("input a; output y[8]; y = a ? 0x1f + 0b11 + 1_0 : 8'hA5 ^ 4'b1111;");
    expect(column(s)).toEqual([0xa5 ^ 0xf, 0x1f + 3 + 10]);
  });

  it('bit select, slice, replication and concatenation are MSB first', () => {
    const s = compile("input a[4]; output y[6]; y = {a[3:2], 2'b01, {2{a[0]}}};");
    for (let m = 0; m < 16; m++) expect(outputValue(s, 0, m)).toBe(((m >> 2) << 4) | (1 << 2) | ((m & 1) * 3));
  });

  it('a select of a sum reads its carry', () => {
    const s = compile('input a[2], b[2]; output c; c = (a + b)[2];');
    for (let m = 0; m < 16; m++) expect(outputValue(s, 0, m)).toBe((m & 3) + (m >> 2) > 3 ? 1 : 0);
  });

  it('popcount, maj of bits and of arguments, min, max', () => {
    const s = compile('input x[5]; output n[3], m1, m2, lo[3], hi[3]; n = popcount(x); m1 = maj(x); m2 = maj(x[0], x[1], x[4]); lo = min(x[2:0], x[4:3]); hi = max(x[2:0], x[4:3]);');
    for (let m = 0; m < 32; m++) {
      const ones = m.toString(2).split('').filter((c) => c === '1').length;
      const bits = [m & 1, (m >> 1) & 1, (m >> 4) & 1];
      expect(outputValue(s, 0, m)).toBe(ones);
      expect(outputValue(s, 1, m)).toBe(ones >= 3 ? 1 : 0);
      expect(outputValue(s, 2, m)).toBe(bits.reduce((p, q) => p + q, 0) >= 2 ? 1 : 0);
      expect(outputValue(s, 3, m)).toBe(Math.min(m & 7, m >> 3));
      expect(outputValue(s, 4, m)).toBe(Math.max(m & 7, m >> 3));
    }
  });

  it('reductions and logical operators', () => {
    const s = compile('input x[3]; output a, o, e, n, l; a = &x; o = |x; e = ^x; n = !x; l = x[0] && x[2] || !x[1];');
    for (let m = 0; m < 8; m++) {
      expect(outputValue(s, 0, m)).toBe(m === 7 ? 1 : 0);
      expect(outputValue(s, 1, m)).toBe(m !== 0 ? 1 : 0);
      expect(outputValue(s, 2, m)).toBe((m ^ (m >> 1) ^ (m >> 2)) & 1);
      expect(outputValue(s, 3, m)).toBe(m === 0 ? 1 : 0);
      expect(outputValue(s, 4, m)).toBe(((m & 1) && (m & 4)) || !(m & 2) ? 1 : 0);
    }
  });

  it('variable shifts', () => {
    const s = compile('input a[3], s[2]; output l[6], r[3]; l = a << s; r = a >> s;');
    for (let m = 0; m < 32; m++) {
      const a = m & 7, sh = m >> 3;
      expect(outputValue(s, 0, m)).toBe(a << sh);
      expect(outputValue(s, 1, m)).toBe(a >> sh);
    }
  });
});

describe('assignments', () => {
  it('bits and slices of an output from separate statements', () => {
    const s = compile('input a[2]; output y[4]; y[3] = 1; y[2:1] = a; y[0] = a[0] ^ a[1];');
    for (let m = 0; m < 4; m++) expect(outputValue(s, 0, m)).toBe(8 | (m << 1) | ((m ^ (m >> 1)) & 1));
  });

  it('division by zero makes the rows of that assignment don\'t-care, and only those', () => {
    const s = compile('input a[2], b[2]; output q[2], r[2]; q = a / b; r = a + b;');
    for (let m = 0; m < 16; m++) {
      const a = m & 3, b = m >> 2;
      expect(outputValue(s, 0, m)).toBe(b === 0 ? '-' : Math.floor(a / b));
      expect(outputValue(s, 1, m)).toBe((a + b) & 3);
    }
  });

  it('?: takes undefinedness only from the arm it selects', () => {
    const s = compile('input a[2], b[2]; output q[2]; q = b == 0 ? 3 : a / b;');
    expect(s.table.isComplete()).toBe(true);
    for (let m = 0; m < 16; m++) expect(outputValue(s, 0, m)).toBe((m >> 2) === 0 ? 3 : Math.floor((m & 3) / (m >> 2)));
  });

  it('a let with a division by zero spoils the assignments that use it', () => {
    const s = compile('input a, b; output y, z; let d = a % b; y = d; z = a;');
    // x0 = a, x1 = b: rows 0 and 1 have b = 0.
    expect(column(s, 0)).toEqual(['-', '-', 0, 0]);
    expect(column(s, 1)).toEqual([0, 1, 0, 1]);
  });
});

describe('tables', () => {
  it('cubes with - cover both values; overlapping rows may agree', () => {
    const s = compile('input a, b; output y; table a b -> y {\n 1 - -> 1\n - 1 -> 1\n 0 0 -> 0\n}');
    expect(column(s)).toEqual([0, 1, 1, 1]);
  });

  it('a bus column takes one character per bit, MSB first; a side may be one cube', () => {
    const s = compile('input a[2], c; output y[2]; table c a -> y {\n 0 10 -> 01\n 0 0- -> 10\n 011 -> 11\n 1-- -> --\n}');
    // x0 = a[0], x1 = a[1], x2 = c
    expect(column(s)).toEqual([2, 2, 1, 3, '-', '-', '-', '-']);
  });

  it('bit and slice columns; unlisted inputs do not matter', () => {
    const s = compile('input a[3], b; output y, z; table a[2] a[1:0] -> y { 1 11 -> 1 }\ntable b -> z { 0 -> 0; 1 -> 1 }\ndefault 0;');
    for (let m = 0; m < 16; m++) {
      expect(outputValue(s, 0, m)).toBe((m & 7) === 7 ? 1 : 0);
      expect(outputValue(s, 1, m)).toBe(m >> 3);
    }
  });

  it('default - leaves uncovered rows don\'t-care; explicit - outputs too', () => {
    const s = compile('input a, b; output y; table a b -> y {\n 1 1 -> 1\n 0 0 -> -\n}\ndefault -;');
    expect(column(s)).toEqual(['-', '-', '-', 1]);
  });

  it('default 1 fills uncovered rows', () => {
    const s = compile('input a[2]; output y; table a -> y { 00 -> 0 }\n default 1;');
    expect(column(s)).toEqual([0, 1, 1, 1]);
  });

  it('a table and assignments drive different outputs of one circuit', () => {
    const s = compile('input a, b; output s, c; table a b -> s { 0 0 -> 0\n 0 1 -> 1\n 1 0 -> 1\n 1 1 -> 0 }\n c = a & b;');
    expect(column(s, 0)).toEqual([0, 1, 1, 0]);
    expect(column(s, 1)).toEqual([0, 0, 0, 1]);
  });

  it('comments and blank lines inside a table', () => {
    const s = compile('input a; output y; table a -> y {\n\n // rows\n 0 -> 1 // zero\n /* one */ 1 -> 0\n\n}');
    expect(column(s)).toEqual([1, 0]);
  });
});

describe('several circuits and solve blocks', () => {
  const two = 'solve { sigma 3; hidden 2; }\ncircuit a { input x; output y; y = x; solve { sigma 2.5; beta 0.2; } }\ncircuit b { input x; output y; y = ~x; }\n';

  it('--circuit picks one; circuit solve options override the top level ones', () => {
    const a = compileSpec(two, 'two.spec', 'a');
    const b = compileSpec(two, 'two.spec', 'b');
    expect(a.name).toBe('a');
    expect(a.solve).toEqual({ sigma: 2.5, hidden: [2], beta: 0.2 });
    expect(b.solve).toEqual({ sigma: 3, hidden: [2] });
    expect(column(b)).toEqual([1, 0]);
  });

  it('all solve options are read', () => {
    const s = compile('input a; output y; y = a;', 'solve { hidden 4, 4 2; sigma 3; beta 0.2; gamma 1e-3; iterations 10000; gapstop 0.01; restarts 20; seed 0; workers 2; timeout 60; }');
    expect(s.solve).toEqual({ hidden: [4, 4, 2], sigma: 3, beta: 0.2, gamma: 0.001, iterations: 10000, gapstop: 0.01, restarts: 20, seed: 0, workers: 2, timeout: 60 });
  });

  it('without --circuit, a file of several circuits is an error listing them', () => {
    const text = errorText(two, 'two.spec');
    expect(text).toContain('two.spec: error: this file has 2 circuits (a, b); say which one');
    expect(text).toContain('hint: use --circuit NAME');
  });

  it('an unknown --circuit lists the names and suggests the nearest', () => {
    const text = errorText(two, 'two.spec', 'c');
    expect(text).toContain("no circuit named 'c'; the file has a, b");
  });
});

// ---- property: bit-sliced evaluation = row-by-row reference of the documented rules ----------------

type R =
  | { k: 'num'; v: bigint }
  | { k: 'sized'; v: bigint; w: number }
  | { k: 'in'; name: 'a' | 'b' | 'c'; lo: number; hi: number; sel: boolean }
  | { k: 'un'; op: '~' | '-' | '!' | '&' | '|' | '^'; e: R }
  | { k: 'bin'; op: string; l: R; r: R }
  | { k: 'cond'; c: R; t: R; f: R }
  | { k: 'cat'; parts: R[] }
  | { k: 'fn'; fn: 'popcount' | 'min' | 'max'; args: R[] };

const WIDTHS = { a: 3, b: 2, c: 1 } as const;
const OFFSETS = { a: 0, b: 3, c: 5 } as const;

function show(e: R): string {
  switch (e.k) {
    case 'num': return e.v.toString();
    case 'sized': return `${e.w}'d${e.v}`;
    case 'in': return e.sel ? (e.lo === e.hi ? `${e.name}[${e.hi}]` : `${e.name}[${e.hi}:${e.lo}]`) : e.name;
    case 'un': return `${e.op}(${show(e.e)})`;
    case 'bin': return `(${show(e.l)} ${e.op} ${show(e.r)})`;
    case 'cond': return `(${show(e.c)} ? ${show(e.t)} : ${show(e.f)})`;
    case 'cat': return `{${e.parts.map(show).join(', ')}}`;
    case 'fn': return `${e.fn}(${e.args.map(show).join(', ')})`;
  }
}

const bitLen = (v: bigint): number => (v === 0n ? 1 : v.toString(2).length);

function nat(e: R): number {
  switch (e.k) {
    case 'num': return bitLen(e.v);
    case 'sized': return e.w;
    case 'in': return e.hi - e.lo + 1;
    case 'un': return e.op === '~' || e.op === '-' ? nat(e.e) : 1;
    case 'cond': return Math.max(nat(e.t), nat(e.f));
    case 'cat': return e.parts.reduce((s, p) => s + nat(p), 0);
    case 'fn': return e.fn === 'popcount' ? bitLen(BigInt(nat(e.args[0]!))) : Math.max(nat(e.args[0]!), nat(e.args[1]!));
    case 'bin': {
      const a = nat(e.l), b = nat(e.r);
      switch (e.op) {
        case '+': return Math.max(a, b) + 1;
        case '*': return a + b;
        case '/': return a;
        case '%': return Math.min(a, b);
        case '>>': return a;
        case '<<': return e.r.k === 'num' ? a + Number(e.r.v) : a + 2 ** b - 1;
        case '-': case '&': case '|': case '^': return Math.max(a, b);
        default: return 1;
      }
    }
  }
}

/** Value of e at row m computed at width max(nat, ctx); `bad` when a division by zero was involved. */
function ref(e: R, ctx: number, m: number): { v: bigint; bad: boolean } {
  const w = Math.max(nat(e), ctx);
  const mask = (1n << BigInt(w)) - 1n;
  const out = (v: bigint, bad: boolean): { v: bigint; bad: boolean } => ({ v: v & mask, bad });
  switch (e.k) {
    case 'num': case 'sized': return out(e.v, false);
    case 'in': return out(BigInt((m >> (OFFSETS[e.name] + e.lo)) & ((1 << (e.hi - e.lo + 1)) - 1)), false);
    case 'un': {
      if (e.op === '~' || e.op === '-') {
        const x = ref(e.e, w, m);
        return out(e.op === '~' ? ~x.v : -x.v, x.bad);
      }
      const x = ref(e.e, 0, m);
      const n = nat(e.e);
      const ones = x.v.toString(2).split('').filter((c) => c === '1').length;
      const v = e.op === '!' ? x.v === 0n : e.op === '&' ? ones === n : e.op === '|' ? x.v !== 0n : ones % 2 === 1;
      return out(v ? 1n : 0n, x.bad);
    }
    case 'cond': {
      const c = ref(e.c, 0, m);
      const arm = ref(c.v !== 0n ? e.t : e.f, w, m);
      return out(arm.v, arm.bad || c.bad);
    }
    case 'cat': {
      let v = 0n, bad = false;
      for (const p of e.parts) {
        const x = ref(p, 0, m);
        v = (v << BigInt(nat(p))) | x.v;
        bad ||= x.bad;
      }
      return out(v, bad);
    }
    case 'fn': {
      if (e.fn === 'popcount') {
        const x = ref(e.args[0]!, 0, m);
        return out(BigInt(x.v.toString(2).split('').filter((c) => c === '1').length), x.bad);
      }
      const cw = Math.max(nat(e.args[0]!), nat(e.args[1]!));
      const x = ref(e.args[0]!, cw, m), y = ref(e.args[1]!, cw, m);
      const pick = e.fn === 'min' ? (x.v < y.v ? x.v : y.v) : (x.v > y.v ? x.v : y.v);
      return out(pick, x.bad || y.bad);
    }
    case 'bin': {
      const op = e.op;
      if (['==', '!=', '<', '<=', '>', '>='].includes(op)) {
        const cw = Math.max(nat(e.l), nat(e.r));
        const x = ref(e.l, cw, m), y = ref(e.r, cw, m);
        const v = { '==': x.v === y.v, '!=': x.v !== y.v, '<': x.v < y.v, '<=': x.v <= y.v, '>': x.v > y.v, '>=': x.v >= y.v }[op]!;
        return out(v ? 1n : 0n, x.bad || y.bad);
      }
      if (op === '&&' || op === '||') {
        const x = ref(e.l, 0, m), y = ref(e.r, 0, m);
        const v = op === '&&' ? x.v !== 0n && y.v !== 0n : x.v !== 0n || y.v !== 0n;
        return out(v ? 1n : 0n, x.bad || y.bad);
      }
      if (op === '<<' || op === '>>') {
        const x = ref(e.l, w, m), s = ref(e.r, 0, m);
        return out(op === '<<' ? x.v << s.v : x.v >> s.v, x.bad || s.bad);
      }
      const x = ref(e.l, w, m), y = ref(e.r, w, m);
      const bad = x.bad || y.bad;
      switch (op) {
        case '+': return out(x.v + y.v, bad);
        case '-': return out(x.v - y.v, bad);
        case '*': return out(x.v * y.v, bad);
        case '&': return out(x.v & y.v, bad);
        case '|': return out(x.v | y.v, bad);
        case '^': return out(x.v ^ y.v, bad);
        case '/': return y.v === 0n ? out(0n, true) : out(x.v / y.v, bad);
        case '%': return y.v === 0n ? out(0n, true) : out(x.v % y.v, bad);
      }
      throw new Error(op);
    }
  }
}

const leaf: fc.Arbitrary<R> = fc.oneof(
  fc.bigInt({ min: 0n, max: 9n }).map((v): R => ({ k: 'num', v })),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.bigInt({ min: 0n, max: 15n })).map(([w, v]): R => ({ k: 'sized', w, v: v & ((1n << BigInt(w)) - 1n) })),
  fc.constantFrom<'a' | 'b' | 'c'>('a', 'b', 'c').chain((name) => fc.tuple(fc.integer({ min: 0, max: WIDTHS[name] - 1 }), fc.integer({ min: 0, max: WIDTHS[name] - 1 }), fc.boolean())
    .map(([i, j, sel]): R => (sel ? { k: 'in', name, lo: Math.min(i, j), hi: Math.max(i, j), sel } : { k: 'in', name, lo: 0, hi: WIDTHS[name] - 1, sel }))),
);

const exprArb: fc.Arbitrary<R> = fc.letrec<{ e: R }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(fc.constantFrom('~', '-', '!', '&', '|', '^'), tie('e')).map(([op, e]): R => ({ k: 'un', op: op as '~', e })),
    fc.tuple(fc.constantFrom('+', '-', '*', '/', '%', '&', '|', '^', '==', '!=', '<', '<=', '>', '>=', '&&', '||', '>>'), tie('e'), tie('e'))
      .map(([op, l, r]): R => ({ k: 'bin', op, l, r })),
    fc.tuple(tie('e'), fc.oneof(fc.bigInt({ min: 0n, max: 3n }).map((v): R => ({ k: 'num', v })), fc.constant<R>({ k: 'in', name: 'b', lo: 0, hi: 1, sel: false })))
      .map(([l, r]): R => ({ k: 'bin', op: '<<', l, r })),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, t, f]): R => ({ k: 'cond', c, t, f })),
    fc.array(tie('e'), { minLength: 1, maxLength: 3 }).map((parts): R => ({ k: 'cat', parts: parts.filter((p) => p.k !== 'num') }))
      .filter((e) => e.k === 'cat' && e.parts.length > 0),
    tie('e').map((x): R => ({ k: 'fn', fn: 'popcount', args: [x] })),
    fc.tuple(fc.constantFrom<'min' | 'max'>('min', 'max'), tie('e'), tie('e')).map(([fn, x, y]): R => ({ k: 'fn', fn, args: [x, y] })),
  ),
})).e.filter((e) => nat(e) <= 64);

describe('bit-sliced evaluation agrees with a row-by-row reference', () => {
  it('on random expressions over a[3], b[2], c, into a 1..9-bit target', () => {
    fc.assert(
      fc.property(exprArb, fc.integer({ min: 1, max: 9 }), (inner, tw) => {
        // `0 | …` so that a top-level concatenation or sized literal is not a width mismatch.
        const e: R = { k: 'bin', op: '|', l: { k: 'num', v: 0n }, r: inner };
        const src = `circuit r { input a[3], b[2], c; output y[${tw}]; y = ${show(e)}; }`;
        // A value that divides by zero on every row is refused, pointing at the division.
        if (Array.from({ length: 64 }, (_, m) => ref(e, tw, m).bad).every(Boolean)) {
          expect(() => compileSpec(src, 'r.spec'), src).toThrow(/divides by zero on every row/);
          return;
        }
        const s = compileSpec(src, 'r.spec');
        for (let m = 0; m < 64; m++) {
          const want = ref(e, tw, m);
          const got = outputValue(s, 0, m);
          expect(got, `${src} at row ${m}`).toBe(want.bad ? '-' : Number(want.v & ((1n << BigInt(tw)) - 1n)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
