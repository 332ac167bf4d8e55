// A spec's word-level equations written as a Verilog module with the spec's ports, so that Yosys can
// synthesise the expressions themselves (`p = a * b` as a multiplier, not as a flat table) for the floor
// (verify/floor.ts, `floor: yosys expressions`). Stage: elaborate (it reads the typed, settled
// expressions elaboration built).
//
// Exactness: every node of a typed expression becomes its own wire, as wide as the width the node is
// computed at (typecheck.ts `settle`), assigned from one operator over its operands' wires. The spec
// language's width rules then need nothing of Verilog's context-width rules: an operand of + - * & | ^ ~
// is already as wide as its result, a comparison's operands are equally wide, and an assignment to a
// wider wire zero-extends (every value is unsigned), to a narrower one truncates — as `fit` does in eval.ts.
// Division by zero is a don't-care row in the table, so whatever Yosys makes of it there does not matter.
// The floor simulates the synthesised circuit on every care row anyway, so a slip here costs a floor
// candidate, never a wrong circuit.

import { match } from 'ts-pattern';
import type { Port } from '../ir/spec.js';
import { verilogIdent } from '../ir/verilog-names.js';
import type { LetDef } from './eval.js';
import type { TExpr } from './typecheck.js';

/** The module name of the generated Verilog (the floor reads ports by name, so the name is free). */
export const EXPRESSIONS_TOP = 'btfc_expressions';

export interface PlacedPort {
  port: Port;
  /** First input variable (inputs) or first table column (outputs). */
  base: number;
}

export interface ExpressionCircuit {
  inputs: readonly PlacedPort[];
  outputs: readonly PlacedPort[];
  lets: readonly LetDef[];
  /** Each assignment: its settled expression and the output columns it drives, LSB first. */
  assigns: readonly { expr: TExpr; columns: readonly number[] }[];
}

const range = (w: number) => `[${w - 1}:0]`;

/** Writes the wires of one module: one per expression node, one per let. */
class Writer {
  readonly lines: string[] = [];
  private count = 0;
  private readonly prefix: string;

  constructor(private readonly c: ExpressionCircuit) {
    // Internal wires must not take a port's name.
    let prefix = '_e';
    const names = [...c.inputs, ...c.outputs].map((p) => p.port.name);
    while (names.some((n) => n.startsWith(prefix))) prefix += '_';
    this.prefix = prefix;
  }

  letName(index: number): string {
    return `${this.prefix}let${index}`;
  }

  /** A new wire of `width` bits assigned `value`; returns its name. */
  wire(width: number, value: string): string {
    const name = `${this.prefix}${this.count++}`;
    this.lines.push(`  wire ${range(width)} ${name};`, `  assign ${name} = ${value};`);
    return name;
  }

  /** The wire holding `e` at its settled width. */
  node(e: TExpr): string {
    const w = e.width;
    const value = match(e)
      .with({ kind: 'const' }, (k) => `${w}'d${k.value}`)
      .with({ kind: 'input' }, (i) => verilogIdent(this.c.inputs.find((p) => p.base === i.offset)!.port.name))
      .with({ kind: 'let' }, (l) => this.letName(l.index))
      .with({ kind: 'unary' }, (u) => `${u.op}${this.node(u.operand)}`)
      .with({ kind: 'binary' }, (b) => `${this.node(b.left)} ${b.op} ${this.node(b.right)}`)
      .with({ kind: 'conditional' }, (c) => `${this.node(c.cond)} ? ${this.node(c.then)} : ${this.node(c.else)}`)
      .with({ kind: 'concat' }, (c) => {
        const once = `{${c.parts.map((p) => this.node(p)).join(', ')}}`;
        return c.count === 1 ? once : `{${c.count}${once}}`;
      })
      .with({ kind: 'select' }, (s) => `${this.node(s.operand)}[${s.lo + s.nat - 1}:${s.lo}]`)
      .with({ kind: 'call' }, (c) => this.call(c))
      .exhaustive();
    return this.wire(w, value);
  }

  private call(c: Extract<TExpr, { kind: 'call' }>): string {
    const args = c.args.map((a) => this.node(a));
    return match(c.fn)
      .with('popcount', () => this.popcount(args[0]!, c.args[0]!.width))
      .with('maj', () => {
        const bits = args.length === 1 ? args[0]! : this.wire(args.length, `{${args.join(', ')}}`);
        const n = args.length === 1 ? c.args[0]!.width : args.length;
        if (n === 1) return bits;
        if (n === 3) return `(${bits}[0] & ${bits}[1]) | (${bits}[2] & (${bits}[0] | ${bits}[1]))`;
        const count = this.wire(Math.ceil(Math.log2(n + 1)), this.popcount(bits, n));
        return `${count} > ${(n - 1) / 2}`;
      })
      .with('min', () => `${args[0]} < ${args[1]} ? ${args[0]} : ${args[1]}`)
      .with('max', () => `${args[0]} < ${args[1]} ? ${args[1]} : ${args[0]}`)
      .exhaustive();
  }

  /** The sum of the bits of an n-bit wire; assigned to a wire at least as wide as the count, it is exact. */
  private popcount(bits: string, n: number): string {
    return Array.from({ length: n }, (_, i) => `${bits}[${i}]`).join(' + ');
  }
}

/** The Verilog text of a module with the circuit's ports that computes its assignments. */
export function expressionsVerilog(c: ExpressionCircuit): string {
  const w = new Writer(c);
  const decl = (dir: string, p: PlacedPort) => `${dir} ${p.port.bus ? `${range(p.port.width)} ` : ''}${verilogIdent(p.port.name)}`;
  const ports = [...c.inputs.map((p) => decl('input', p)), ...c.outputs.map((p) => decl('output', p))];
  c.lets.forEach((l, i) => {
    w.lines.push(`  wire ${range(l.width)} ${w.letName(i)};`);
    w.lines.push(`  assign ${w.letName(i)} = ${w.node(l.expr)};`);
  });
  for (const a of c.assigns) {
    const v = w.node(a.expr);
    a.columns.forEach((k, i) => {
      const o = c.outputs.find((p) => k >= p.base && k < p.base + p.port.width)!;
      const target = o.port.bus ? `${verilogIdent(o.port.name)}[${k - o.base}]` : verilogIdent(o.port.name);
      w.lines.push(`  assign ${target} = ${v}[${i}];`);
    });
  }
  return [
    '// The spec\'s equations, written by btfc for Yosys (the floor).',
    `module ${EXPRESSIONS_TOP}(${ports.join(', ')});`,
    ...w.lines,
    'endmodule',
    '',
  ].join('\n');
}
