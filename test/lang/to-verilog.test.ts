// lang/to-verilog.ts: a spec's equations written as Verilog compute the spec's table. Each spec below is
// translated, synthesised by Yosys as the floor does it (verify/floor.ts `verilogScript`), read back and
// simulated on every care row: one operator that Verilog sizes or signs otherwise than the spec language
// shows up as a failing row.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { UserError } from '../../src/util/diagnostics.js';
import { compileSpec } from '../../src/lang/compile.js';
import type { Spec } from '../../src/ir/spec.js';
import { readFloorNetlist, VERILOG_JSON, verilogScript } from '../../src/verify/floor.js';
import { checkAgainstTable } from '../../src/gates/simulate.js';
import { closeYosys, runYosysInWorker } from '../../src/verify/yosys.js';

afterAll(closeYosys);

/** Synthesise the spec's Verilog and simulate it against the spec's table. */
async function check(spec: Spec): Promise<void> {
  expect(spec.verilog?.kind).toBe('expressions');
  const r = await runYosysInWorker(['-q', '-p', verilogScript(spec.verilog!, 'spec.v')], { 'spec.v': spec.verilog!.text });
  expect(r.files[VERILOG_JSON], r.stdout).toBeDefined();
  const nl = readFloorNetlist('yosys expressions', r.files[VERILOG_JSON]!, spec);
  expect(checkAgainstTable(nl, spec.table), spec.verilog!.text).toEqual({ ok: true });
}

/** Every operator, width rule and function of the spec language, on small inputs. */
const OPERATORS = `
circuit ops {
  input a[3], b[3], c, s[2];
  output add[4], sub[3], subw[5], mul[6], div[3], mod[3], band[3], bor[3], bxor[3], inv[3], invw[5], neg[3], negw[4];
  output lt, le, gt, ge, eq, ne, land, lor, lnot, rand, ror, rxor;
  output shl[6], shlv[6], shr[3], shrv[3], shl_cut[3], cond[3], cat[7], rep[6], sel[2], bit;
  output pc[2], mj, mj5, mn[3], mx[3], nested[8], letw[2], letn[4];
  let t[2] = a + b;        // declared narrower than the sum: cut to 2 bits
  let u = a * b + c;
  add = a + b;
  sub = a - b;
  subw = a - b;             // computed at 5 bits: wraps modulo 32
  mul = a * b;
  div = a / b;
  mod = a % b;
  band = a & b; bor = a | b; bxor = a ^ b;
  inv = ~a;
  invw = ~a;                // 5 bits of ~a
  neg = -a;
  negw = -a;
  lt = a < b; le = a <= b; gt = a > b; ge = a >= b; eq = a == b; ne = a != b;
  land = a && b; lor = a || c; lnot = !a;
  rand = &a; ror = |b; rxor = ^a;
  shl = a << 3;
  shlv = a << s;
  shr = a >> 1;
  shrv = b >> s;
  shl_cut = a << 2;         // cut to 3 bits
  cond = c ? a : b + 1;
  cat = {a, c, b};
  rep = {2{s, c}};
  sel = a[2:1];
  bit = b[0];
  pc = popcount(a);
  mj = maj(a[0], b[1], c);
  mj5 = maj({a, s});
  mn = min(a, b); mx = max(a, b);
  nested = (a - b) * (b - a) + ~(a ^ b);
  letw = t;
  letn = u[3:0] - t;
}
`;

describe('spec equations as Verilog', () => {
  it('compute every operator as the spec language does (widths, wrap-around, shifts, functions)', async () => {
    await check(compileSpec(OPERATORS, 'ops.spec'));
  }, 60_000);

  it.each(['mul3', 'adder4', 'cmp4', 'dec3to8', 'parity8', 'popcount4', 'divmod3'])('compute examples/%s.spec', async (name) => {
    const file = `examples/${name}.spec`;
    await check(compileSpec(readFileSync(file, 'utf8'), file));
  }, 60_000);

  it('give a spec with a table no Verilog (no floor from expressions)', () => {
    const file = 'examples/full_adder.spec';
    expect(compileSpec(readFileSync(file, 'utf8'), file).verilog).toBeUndefined();
  });

  it('escape a keyword port name and keep internal wires off the ports\' names', async () => {
    await check(compileSpec('circuit k {\n  input wire[2], _e0;\n  output reg[2];\n  reg = wire + _e0;\n}\n', 'k.spec'));
  }, 60_000);
});

/** Random expressions over a[3], b[2], c: every operator and function, nested. */
const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'b', 'c', '0', '1', '5', "3'd6", "2'b10", 'a[1]', 'a[2:1]', 'b[0]'),
    fc.tuple(fc.constantFrom('~', '!', '-', '&', '|', '^'), tie('e')).map(([op, x]) => `${op}(${x})`),
    fc.tuple(tie('e'), fc.constantFrom('||', '&&', '|', '^', '&', '==', '!=', '<', '<=', '>', '>=', '<<', '>>', '+', '-', '*', '/', '%'), tie('e'))
      .map(([x, op, y]) => `(${x} ${op} ${y})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([x, y, z]) => `(${x} ? ${y} : ${z})`),
    fc.tuple(tie('e'), tie('e')).map(([x, y]) => `{${x}, ${y}}`),
    fc.tuple(fc.constantFrom('min', 'max'), tie('e'), tie('e')).map(([f, x, y]) => `${f}(${x}, ${y})`),
    tie('e').map((x) => `popcount(${x})`),
  ),
})).e;

describe('random spec equations as Verilog', () => {
  it('compute the spec\'s table (every care row) for random expressions and output widths', async () => {
    let checked = 0;
    await fc.assert(fc.asyncProperty(expr, expr, fc.integer({ min: 1, max: 7 }), async (e1, e2, w) => {
      let spec: Spec;
      try {
        spec = compileSpec(`circuit r {\n  input a[3], b[2], c;\n  output y[${w}], z;\n  let t = ${e2};\n  y = ${e1};\n  z = t;\n}\n`, 'r.spec');
      } catch (err) {
        if (err instanceof UserError) return; // not a valid spec (e.g. a shift by a wide amount)
        throw err;
      }
      if (spec.table.careCount() === 0) return;
      checked++;
      await check(spec);
    }), { numRuns: 30, seed: 7 });
    expect(checked).toBeGreaterThan(10);
  }, 300_000);
});
