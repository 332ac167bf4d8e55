// CST → AST for the spec language. Stage: parse (the last step; runs only on a CST without syntax errors).

import type { CstElement, CstNode, IToken } from 'chevrotain';
import { UserError } from '../util/diagnostics.js';
import type {
  BinaryOp, CircuitDecl, CircuitItem, Cube, Expr, IntNode, Selector, SolveBlock, SolveOption, Span, SpecFile,
  TableColumn, TableRow, TargetPart, UnaryOp,
} from './ast.js';

type Children = Record<string, CstElement[] | undefined>;

function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

function nodes(ch: Children, key: string): CstNode[] {
  return (ch[key] ?? []).filter((e): e is CstNode => !isToken(e));
}

function tokens(ch: Children, key: string): IToken[] {
  return (ch[key] ?? []).filter(isToken);
}

function node(ch: Children, key: string): CstNode | undefined {
  return nodes(ch, key)[0];
}

function token(ch: Children, key: string): IToken | undefined {
  return tokens(ch, key)[0];
}

export function tokenSpan(t: IToken): Span {
  return { line: t.startLine ?? 1, col: t.startColumn ?? 1, length: Math.max(1, t.image.length) };
}

function nodeSpan(n: CstNode): Span {
  const l = n.location!;
  return { line: l.startLine ?? 1, col: l.startColumn ?? 1, length: Math.max(1, (l.endOffset ?? l.startOffset) - l.startOffset + 1) };
}

/** The span from the start of `a` to the end of `b`. */
function joinSpans(a: Span, b: Span): Span {
  if (a.line !== b.line) return a;
  return { line: a.line, col: a.col, length: Math.max(1, b.col + b.length - a.col) };
}

/** Value of an unsized integer literal (decimal, 0x…, 0b…; `_` separators allowed). */
export function integerValue(image: string): bigint {
  return BigInt(image.replace(/_/g, ''));
}

class AstBuilder {
  constructor(private readonly file: string) {}

  specFile(cst: CstNode): SpecFile {
    const circuits: CircuitDecl[] = [];
    const solve: SolveBlock[] = [];
    for (const item of nodes(cst.children, 'topItem')) {
      const c = node(item.children, 'circuitDecl');
      if (c) circuits.push(this.circuitDecl(c));
      else solve.push(this.solveBlock(node(item.children, 'solveBlock')!));
    }
    return { circuits, solve };
  }

  circuitDecl(n: CstNode): CircuitDecl {
    const name = token(n.children, 'Identifier')!;
    const items: CircuitItem[] = [];
    for (const it of nodes(n.children, 'circuitItem')) items.push(...this.circuitItem(it));
    return { name: name.image, nameSpan: tokenSpan(name), items, span: nodeSpan(n) };
  }

  circuitItem(n: CstNode): CircuitItem[] {
    const ch = n.children;
    const port = node(ch, 'portDecl');
    if (port) {
      const dir = token(port.children, 'Input') ? 'input' : 'output';
      return nodes(port.children, 'portItem').map((p) => {
        const id = token(p.children, 'Identifier')!;
        const sel = node(p.children, 'selector');
        return { kind: 'port', dir, name: id.image, selector: sel && this.selector(sel), span: nodeSpan(p) } as const;
      });
    }
    const letN = node(ch, 'letDecl');
    if (letN) {
      const id = token(letN.children, 'Identifier')!;
      const sel = node(letN.children, 'selector');
      return [{
        kind: 'let', name: id.image, selector: sel && this.selector(sel), value: this.expression(node(letN.children, 'expression')!),
        span: nodeSpan(letN), nameSpan: tokenSpan(id),
      }];
    }
    const tab = node(ch, 'tableDecl');
    if (tab) return [this.tableDecl(tab)];
    const def = node(ch, 'defaultDecl');
    if (def) {
      const v = token(def.children, 'Integer') ?? token(def.children, 'Minus')!;
      const value = v.image === '0' ? 0 : v.image === '1' ? 1 : v.image === '-' ? '-' : undefined;
      if (value === undefined) {
        throw new UserError({
          file: this.file, span: tokenSpan(v), message: `a table default is 0, 1 or '-', not '${v.image}'`,
          hint: "write `default 0;`, `default 1;` or `default -;` (don't care)",
        });
      }
      return [{ kind: 'default', value, text: v.image, span: nodeSpan(def), valueSpan: tokenSpan(v) }];
    }
    const solve = node(ch, 'solveBlock');
    if (solve) return [this.solveBlock(solve)];
    const asg = node(ch, 'assignment')!;
    const target = node(asg.children, 'target')!;
    const concat = token(target.children, 'LBrace') !== undefined;
    const targets: TargetPart[] = nodes(target.children, 'targetPart').map((p) => {
      const sel = node(p.children, 'selector');
      return { name: token(p.children, 'Identifier')!.image, selector: sel && this.selector(sel), span: nodeSpan(p) };
    });
    return [{
      kind: 'assign', targets, concat, value: this.expression(node(asg.children, 'expression')!),
      span: nodeSpan(asg), targetSpan: nodeSpan(target),
    }];
  }

  intNode(t: IToken): IntNode {
    const v = integerValue(t.image);
    return { value: v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v), span: tokenSpan(t) };
  }

  selector(n: CstNode): Selector {
    const hi = token(n.children, 'hi')!;
    const lo = token(n.children, 'lo');
    return { hi: this.intNode(hi), lo: lo && this.intNode(lo), span: nodeSpan(n) };
  }

  tableDecl(n: CstNode): CircuitItem {
    const column = (c: CstNode): TableColumn => {
      const sel = node(c.children, 'selector');
      return { name: token(c.children, 'Identifier')!.image, selector: sel && this.selector(sel), span: nodeSpan(c) };
    };
    const cube = (t: IToken): Cube => ({ text: t.image, span: tokenSpan(t) });
    const rows: TableRow[] = nodes(n.children, 'tableRow').map((r) => ({
      inputs: tokens(r.children, 'inputs').map(cube),
      outputs: tokens(r.children, 'outputs').map(cube),
      span: nodeSpan(r),
    }));
    return {
      kind: 'table',
      inputs: nodes(n.children, 'inputs').map(column),
      outputs: nodes(n.children, 'outputs').map(column),
      rows,
      span: tokenSpan(token(n.children, 'Table')!),
    };
  }

  solveBlock(n: CstNode): SolveBlock {
    const options: SolveOption[] = nodes(n.children, 'solveOption').map((o) => {
      const name = token(o.children, 'Identifier')!;
      const values = nodes(o.children, 'solveValue').map((v) => {
        const neg = token(v.children, 'Minus');
        const num = token(v.children, 'Integer') ?? token(v.children, 'FloatLiteral')!;
        const text = (neg ? '-' : '') + num.image;
        const magnitude = num.tokenType.name === 'FloatLiteral' ? Number(num.image) : Number(integerValue(num.image));
        return { text, value: neg ? -magnitude : magnitude, span: nodeSpan(v) };
      });
      return { name: name.image, values, span: nodeSpan(o), nameSpan: tokenSpan(name) };
    });
    return { kind: 'solve', options, span: tokenSpan(token(n.children, 'Solve')!) };
  }

  // ---- expressions ----

  expression(n: CstNode): Expr {
    const cond = this.binary(node(n.children, 'cond')!);
    const then = node(n.children, 'then');
    if (!then) return cond;
    const els = this.expression(node(n.children, 'else')!);
    return { kind: 'conditional', cond, then: this.expression(then), else: els, span: nodeSpan(n) };
  }

  /** A level of binary operators (logicalOr … multiplicative): a left fold. */
  binary(n: CstNode): Expr {
    if (n.name === 'unary') return this.unary(n);
    const operands = nodes(n.children, 'operands');
    const ops = tokens(n.children, 'ops');
    let acc = this.binary(operands[0]!);
    for (let i = 0; i < ops.length; i++) {
      const right = this.binary(operands[i + 1]!);
      acc = {
        kind: 'binary', op: ops[i]!.image as BinaryOp, left: acc, right,
        span: joinSpans(acc.span, right.span), opSpan: tokenSpan(ops[i]!),
      };
    }
    return acc;
  }

  unary(n: CstNode): Expr {
    const op = token(n.children, 'op');
    if (op) {
      const operand = this.unary(node(n.children, 'unary')!);
      return { kind: 'unary', op: op.image as UnaryOp, operand, span: nodeSpan(n), opSpan: tokenSpan(op) };
    }
    const post = node(n.children, 'postfix')!;
    let acc = this.primary(node(post.children, 'primary')!);
    for (const s of nodes(post.children, 'selector')) {
      const selector = this.selector(s);
      acc = { kind: 'select', operand: acc, selector, span: joinSpans(acc.span, selector.span) };
    }
    return acc;
  }

  primary(n: CstNode): Expr {
    const ch = n.children;
    const span = nodeSpan(n);
    const int = token(ch, 'Integer');
    if (int) return { kind: 'number', value: integerValue(int.image), span };
    const sized = token(ch, 'SizedLiteral');
    if (sized) return { kind: 'sized', text: sized.image, span };
    const frac = token(ch, 'FloatLiteral');
    if (frac) return { kind: 'fraction', text: frac.image, span };
    const id = token(ch, 'Identifier');
    if (id) return { kind: 'name', name: id.image, span };
    const call = node(ch, 'call');
    if (call) {
      const name = token(call.children, 'Identifier')!;
      const args = nodes(call.children, 'expression').map((e) => this.expression(e));
      return { kind: 'call', name: name.image, nameSpan: tokenSpan(name), args, span };
    }
    const paren = node(ch, 'parenthesized');
    if (paren) return this.expression(node(paren.children, 'expression')!);
    const cat = node(ch, 'concatenation')!;
    const parts = nodes(cat.children, 'expression').map((e) => this.expression(e));
    const count = token(cat.children, 'count');
    if (count) return { kind: 'replicate', count: this.intNode(count), parts, span };
    return { kind: 'concat', parts, span };
  }
}

/** Build the AST of a syntactically correct CST. Throws a UserError for the few checks made here. */
export function buildAst(cst: CstNode, file: string): SpecFile {
  return new AstBuilder(file).specFile(cst);
}
