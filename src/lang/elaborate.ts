// Elaboration: one circuit of the AST → Spec (ports, TruthTable with care set, solve options).
// Stage: elaborate, between parse and lower.
//
// Two passes. The first walks the circuit's items in order, resolving names (a name must be declared
// before it is used), checking widths, and recording which statement drives each output bit. The
// second, once the input count is known, evaluates every assignment over all rows at once (eval.ts)
// and writes the tables (tables.ts). Variable order: x0 is bit 0 of the first declared input, and so on;
// output columns are the outputs in declaration order, bit 0 first.

import { match } from 'ts-pattern';
import { MAX_INPUTS, TruthTable } from '../ir/truth-table.js';
import type { Port, Spec, SpecSolveOptions } from '../ir/spec.js';
import type { CircuitDecl, CircuitItem, Expr, Selector, SolveBlock, Span, TableColumn, TargetPart } from './ast.js';
import { checkSelector, fail, settle, TypeChecker, MAX_EXPR_WIDTH, type Binding, type Scope, type TExpr } from './typecheck.js';
import { Evaluator, type LetDef } from './eval.js';
import { checkTable, columnBits, columnLabel, fillTable, type ResolvedColumn, type TableJob } from './tables.js';
import { solveOptions, type SolveSpans } from './solve-block.js';
import { closest } from './suggest.js';
import { EXPRESSIONS_TOP, expressionsVerilog } from './to-verilog.js';

/** Most output bits a circuit may have. */
export const MAX_OUTPUT_BITS = 256;

interface PortInfo {
  port: Port;
  dir: 'input' | 'output';
  /** First input variable (inputs) or first table column (outputs). */
  base: number;
  span: Span;
}

interface Driver {
  span: Span;
  what: string;
}

type Job =
  | { kind: 'assign'; expr: TExpr; columns: number[]; value: Expr }
  | { kind: 'table'; job: TableJob };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

class CircuitElaborator implements Scope {
  private readonly ports = new Map<string, PortInfo>();
  private readonly inputs: PortInfo[] = [];
  private readonly outputs: PortInfo[] = [];
  private readonly lets = new Map<string, { index: number; width: number; span: Span }>();
  private readonly letDefs: LetDef[] = [];
  private readonly drivers: (Driver | undefined)[] = [];
  private readonly jobs: Job[] = [];
  private readonly solveBlocks: SolveBlock[] = [];
  private readonly declarations = new Map<string, Span>();
  private dflt: { value: 0 | 1 | '-'; span: Span } | undefined;
  private solve: SpecSolveOptions = {};
  private readonly solveSpans: SolveSpans = {};
  private numInputs = 0;
  private numOutputs = 0;
  private readonly checker: TypeChecker;

  constructor(private readonly circuit: CircuitDecl, readonly file: string) {
    this.checker = new TypeChecker(this);
    for (const it of circuit.items) {
      if (it.kind === 'port' && !this.declarations.has(it.name)) this.declarations.set(it.name, it.span);
      if (it.kind === 'let' && !this.declarations.has(it.name)) this.declarations.set(it.name, it.nameSpan);
    }
  }

  // ---- Scope ----

  lookup(name: string): Binding | undefined {
    const p = this.ports.get(name);
    if (p) {
      return p.dir === 'input'
        ? { kind: 'input', offset: p.base, width: p.port.width, span: p.span }
        : { kind: 'output', width: p.port.width, span: p.span };
    }
    const l = this.lets.get(name);
    return l && { kind: 'let', index: l.index, width: l.width, span: l.span };
  }

  names(): string[] {
    return [...this.ports.keys(), ...this.lets.keys()];
  }

  declaredLater(name: string): Span | undefined {
    return this.lookup(name) ? undefined : this.declarations.get(name);
  }

  // ---- pass 1: names, widths, drivers ----

  check(topSolve: readonly SolveBlock[]): void {
    for (const item of this.circuit.items) this.item(item);
    this.solve = solveOptions(this.solveBlocks, this.file, solveOptions(topSolve, this.file, {}, this.solveSpans), this.solveSpans);
    if (this.outputs.length === 0) {
      fail(this.file, this.circuit.nameSpan, `circuit '${this.circuit.name}' has no outputs`, 'declare one, e.g. `output y;`, and assign it');
    }
    for (const o of this.outputs) {
      const missing: string[] = [];
      for (let b = 0; b < o.port.width; b++) if (!this.drivers[o.base + b]) missing.push(o.port.bus ? `${o.port.name}[${b}]` : o.port.name);
      if (missing.length === o.port.width) {
        fail(this.file, o.span, `output '${o.port.name}' is never assigned`,
          `assign it (\`${o.port.name} = …;\`) or name it in a table header`);
      }
      if (missing.length > 0) {
        const list = missing.length > 4 ? `${missing.slice(0, 4).join(', ')}, …` : missing.join(', ');
        fail(this.file, o.span, `${plural(missing.length, 'bit')} of output '${o.port.name}' ${missing.length === 1 ? 'is' : 'are'} never assigned: ${list}`,
          'assign every bit of an output, e.g. with a slice `p[3:2] = …;`');
      }
    }
    const tables = this.jobs.some((j) => j.kind === 'table');
    if (this.dflt && !tables) {
      fail(this.file, this.dflt.span, "'default' applies to table rows, but this circuit has no table", 'remove it, or add a table');
    }
  }

  private item(item: CircuitItem): void {
    match(item)
      .with({ kind: 'port' }, (p) => this.port(p.dir, p.name, p.selector, p.span))
      .with({ kind: 'let' }, (l) => this.letItem(l.name, l.selector, l.value, l.nameSpan))
      .with({ kind: 'assign' }, (a) => this.assign(a.targets, a.concat, a.value, a.targetSpan))
      .with({ kind: 'table' }, (t) => {
        const job = checkTable(t, (c, side) => this.tableColumn(c, side), this.file);
        job.outputs.forEach((col) => col.bits.forEach((k, i) => this.drive(k, col.bitLabels[i]!, col.span, 'the table at line ' + t.span.line)));
        this.jobs.push({ kind: 'table', job });
      })
      .with({ kind: 'default' }, (d) => {
        if (this.dflt) {
          fail(this.file, d.span, 'a second default', 'a circuit has one default for all its tables; keep one',
            [{ span: this.dflt.span, message: 'the first default' }]);
        }
        this.dflt = { value: d.value, span: d.span };
      })
      .with({ kind: 'solve' }, (s) => { this.solveBlocks.push(s); })
      .exhaustive();
  }

  /** Width from a declaration's `[N]` or `[hi:0]`. */
  private declaredWidth(sel: Selector | undefined, what: string): number {
    if (!sel) return 1;
    if (sel.lo) {
      if (sel.lo.value !== 0) {
        fail(this.file, sel.lo.span, `a declaration's range must end at bit 0, not ${sel.lo.value}`,
          `declare ${what} with its width, e.g. [${sel.hi.value - sel.lo.value + 1}], or as [${sel.hi.value}:0]`);
      }
      return this.checkWidth(sel.hi.value + 1, sel.hi.span, what);
    }
    return this.checkWidth(sel.hi.value, sel.hi.span, what);
  }

  private checkWidth(w: number, span: Span, what: string): number {
    if (w < 1) fail(this.file, span, `${what} has width 0`, 'a bus is 1 or more bits wide; [N] declares N bits, bit 0 the least significant');
    if (w > MAX_EXPR_WIDTH) fail(this.file, span, `${what} is ${w} bits wide, more than btfc's limit of ${MAX_EXPR_WIDTH}`, 'use a narrower bus');
    return w;
  }

  private checkNewName(name: string, span: Span): void {
    const p = this.ports.get(name);
    const l = this.lets.get(name);
    const prior = p?.span ?? l?.span;
    if (prior) {
      fail(this.file, span, `'${name}' is already declared${p ? ` as ${p.dir === 'input' ? 'an input' : 'an output'}` : ' by a let'}`,
        'use a different name', [{ span: prior, message: `'${name}' is declared here` }]);
    }
  }

  private port(dir: 'input' | 'output', name: string, sel: Selector | undefined, span: Span): void {
    this.checkNewName(name, span);
    const width = this.declaredWidth(sel, `${dir} '${name}'`);
    const port: Port = { name, width, bus: sel !== undefined };
    if (dir === 'input') {
      if (this.numInputs + width > MAX_INPUTS) {
        fail(this.file, span, `input '${name}' brings the inputs to ${this.numInputs + width} bits, more than btfc's limit of ${MAX_INPUTS}`,
          `a full table has 2^inputs rows; split the function into smaller circuits, or narrow the inputs (at most ${MAX_INPUTS} bits in all)`);
      }
      const info: PortInfo = { port, dir, base: this.numInputs, span };
      this.numInputs += width;
      this.inputs.push(info);
      this.ports.set(name, info);
    } else {
      if (this.numOutputs + width > MAX_OUTPUT_BITS) {
        fail(this.file, span, `output '${name}' brings the outputs to ${this.numOutputs + width} bits, more than btfc's limit of ${MAX_OUTPUT_BITS}`,
          'split the function into several circuits');
      }
      const info: PortInfo = { port, dir, base: this.numOutputs, span };
      this.numOutputs += width;
      this.outputs.push(info);
      this.ports.set(name, info);
    }
  }

  private letItem(name: string, sel: Selector | undefined, value: Expr, span: Span): void {
    const p = this.ports.get(name);
    if (p) {
      fail(this.file, span, `let '${name}' would shadow the ${p.dir} of the same name`, 'give the let its own name',
        [{ span: p.span, message: `${p.dir} '${name}' is declared here` }]);
    }
    this.checkNewName(name, span);
    const expr = this.checker.check(value);
    const width = sel ? this.declaredWidth(sel, `let '${name}'`) : expr.nat;
    settle(expr, width);
    this.lets.set(name, { index: this.letDefs.length, width, span });
    this.letDefs.push({ expr, width });
  }

  /** Output bits of one target part, LSB first, as table columns. */
  private targetPart(t: TargetPart): { columns: number[]; labels: string[] } {
    const b = this.lookup(t.name);
    if (b === undefined) {
      const later = this.declaredLater(t.name);
      if (later) fail(this.file, t.span, `'${t.name}' is assigned before its declaration`, `move the declaration at line ${later.line} above this line`);
      const near = closest(t.name, this.outputs.map((o) => o.port.name));
      fail(this.file, t.span, `undeclared output '${t.name}'`, near ? `did you mean '${near}'?` : `declare it first: \`output ${t.name};\``);
    }
    if (b.kind === 'input') fail(this.file, t.span, `cannot assign to input '${t.name}'`, 'inputs are driven from outside the circuit; assign an output');
    if (b.kind === 'let') fail(this.file, t.span, `cannot assign to let '${t.name}'`, 'a let gets its value once, where it is declared; assign an output');
    const info = this.ports.get(t.name)!;
    const [hi, lo] = t.selector ? checkSelector(t.selector, info.port.width, `output '${t.name}'`, this.file) : [info.port.width - 1, 0];
    const columns: number[] = [];
    const labels: string[] = [];
    for (let i = lo; i <= hi; i++) {
      columns.push(info.base + i);
      labels.push(info.port.bus ? `${t.name}[${i}]` : t.name);
    }
    return { columns, labels };
  }

  private drive(column: number, label: string, span: Span, what: string): void {
    const d = this.drivers[column];
    if (d) {
      fail(this.file, span, `${label} is driven twice: here and by ${d.what}`, 'drive each output bit from one assignment or one table',
        [{ span: d.span, message: `${label} is first driven here` }]);
    }
    this.drivers[column] = { span, what };
  }

  private assign(targets: TargetPart[], concat: boolean, value: Expr, targetSpan: Span): void {
    const columns: number[] = [];
    // Parts are MSB first: the last part takes the lowest bits of the value.
    const resolved = targets.map((t) => ({ t, ...this.targetPart(t) }));
    for (let i = resolved.length - 1; i >= 0; i--) {
      const r = resolved[i]!;
      r.columns.forEach((k, j) => this.drive(k, r.labels[j]!, r.t.span, `the assignment at line ${targetSpan.line}`));
      columns.push(...r.columns);
    }
    const expr = this.checker.check(value);
    const fixed = value.kind === 'concat' || value.kind === 'replicate' || value.kind === 'sized';
    if (fixed && expr.nat !== columns.length) {
      const what = value.kind === 'sized' ? 'a sized literal' : 'a concatenation';
      fail(this.file, value.span,
        `width mismatch: the right-hand side is ${what} of exactly ${plural(expr.nat, 'bit')}, but the target is ${plural(columns.length, 'bit')}`,
        concat ? 'make the parts of the target add up to the width of the value' : 'write the value with the width of the target');
    }
    settle(expr, columns.length);
    this.jobs.push({ kind: 'assign', expr, columns, value });
  }

  private tableColumn(c: TableColumn, side: 'input' | 'output'): ResolvedColumn {
    const label = columnLabel(c);
    const info = this.ports.get(c.name);
    if (!info) {
      const later = this.declaredLater(c.name);
      if (later) fail(this.file, c.span, `'${c.name}' is used before its declaration`, `move the declaration at line ${later.line} above the table`);
      const near = closest(c.name, [...(side === 'input' ? this.inputs : this.outputs).map((p) => p.port.name)]);
      fail(this.file, c.span, `undeclared ${side} '${c.name}' in the table header`, near ? `did you mean '${near}'?` : `declare it first: \`${side} ${c.name};\``);
    }
    if (info.dir !== side) {
      fail(this.file, c.span, `'${c.name}' is an ${info.dir}, but it is on the ${side} side of '->'`,
        'a table header lists inputs, then ->, then outputs');
    }
    const bits = columnBits(c, info.port.width, info.base, this.file);
    const bitLabels = bits.map((b) => (info.port.bus ? `${c.name}[${b - info.base}]` : c.name));
    return { label, bits, bitLabels, span: c.span };
  }

  // ---- pass 2: the truth table ----

  build(): Spec {
    const table = new TruthTable(this.numInputs, this.numOutputs);
    const ev = new Evaluator(this.numInputs, this.letDefs);
    const bs = ev.bs;
    const words = table.numWords;
    for (const job of this.jobs) {
      if (job.kind === 'table') {
        fillTable(job.job, table, this.numInputs, this.dflt?.value, this.file);
        continue;
      }
      const v = ev.eval(job.expr);
      if (bs.isZero(bs.not(v.undefinedRows))) {
        fail(this.file, divisionSpan(job.value) ?? job.value.span, 'this divides by zero on every row, so the assignment gives no value on any row',
          "a division or modulo by 0 leaves a row's output a don't-care; check the divisor");
      }
      const care = bs.materialize(bs.not(v.undefinedRows));
      job.columns.forEach((k, i) => {
        const bits = bs.materialize(v.bits[i] ?? 0);
        const at = k * words;
        for (let w = 0; w < words; w++) {
          table.values[at + w] = bits[w]! & care[w]!;
          table.care[at + w] = care[w]!;
        }
      });
    }
    return {
      name: this.circuit.name,
      file: this.file,
      inputs: this.inputs.map((p) => p.port),
      outputs: this.outputs.map((p) => p.port),
      table,
      solve: this.solve,
      ...(Object.keys(this.solveSpans).length > 0 ? { solveSpans: this.solveSpans } : {}),
      ...this.expressions(),
    };
  }

  /** The equations as Verilog for the floor (to-verilog.ts); none when a table drives an output. */
  private expressions(): Pick<Spec, 'verilog'> {
    const assigns: { expr: TExpr; columns: number[] }[] = [];
    for (const j of this.jobs) {
      if (j.kind === 'table') return {};
      assigns.push({ expr: j.expr, columns: j.columns });
    }
    const text = expressionsVerilog({ inputs: this.inputs, outputs: this.outputs, lets: this.letDefs, assigns });
    return { verilog: { kind: 'expressions', text, top: EXPRESSIONS_TOP, systemVerilog: false } };
  }
}

/** The span of the first division or modulo in an expression (whose divisor is a literal 0, if one is). */
function divisionSpan(e: Expr): Span | undefined {
  const divisions: Extract<Expr, { kind: 'binary' }>[] = [];
  const walk = (x: Expr): void => {
    match(x)
      .with({ kind: 'binary' }, (b) => { if (b.op === '/' || b.op === '%') divisions.push(b); walk(b.left); walk(b.right); })
      .with({ kind: 'unary' }, (u) => walk(u.operand))
      .with({ kind: 'select' }, (u) => walk(u.operand))
      .with({ kind: 'conditional' }, (c) => { walk(c.cond); walk(c.then); walk(c.else); })
      .with({ kind: 'concat' }, { kind: 'replicate' }, (c) => c.parts.forEach(walk))
      .with({ kind: 'call' }, (c) => c.args.forEach(walk))
      .with({ kind: 'number' }, { kind: 'sized' }, { kind: 'fraction' }, { kind: 'name' }, () => {})
      .exhaustive();
  };
  walk(e);
  const zero = divisions.find((d) => d.right.kind === 'number' && d.right.value === 0n);
  return (zero ?? divisions[0])?.span;
}

/** Elaborate one circuit; `topSolve` are the file's top-level solve blocks. Throws UserError. */
export function elaborateCircuit(circuit: CircuitDecl, topSolve: readonly SolveBlock[], file: string): Spec {
  const e = new CircuitElaborator(circuit, file);
  e.check(topSolve);
  return e.build();
}
