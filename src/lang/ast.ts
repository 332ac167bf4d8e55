// AST of the btfc spec language: what a spec file says, with the source span of every part.
// Stage: output of parse (via build-ast.ts), input of elaborate. Discriminated unions on `kind`.

import type { SourceSpan } from '../util/diagnostics.js';

export type Span = Required<SourceSpan>;

/** An integer written in the source (a bus width, an index, a replication count). */
export interface IntNode {
  value: number;
  span: Span;
}

/** `[hi]` or `[hi:lo]` after a name. */
export interface Selector {
  hi: IntNode;
  lo?: IntNode;
  span: Span;
}

export type UnaryOp = '~' | '!' | '-' | '&' | '|' | '^';
export type BinaryOp =
  | '||' | '&&' | '|' | '^' | '&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '<<' | '>>'
  | '+' | '-' | '*' | '/' | '%';

export type Expr =
  /** An unsized integer (decimal, 0x…, 0b…); its width is the fewest bits that hold it. */
  | { kind: 'number'; value: bigint; span: Span }
  /** A sized literal such as 4'b1010: value and width as written (checked by elaboration). */
  | { kind: 'sized'; text: string; span: Span }
  /** A fraction such as 0.5: only meaningful in solve options; an error in an expression. */
  | { kind: 'fraction'; text: string; span: Span }
  | { kind: 'name'; name: string; span: Span }
  | { kind: 'unary'; op: UnaryOp; operand: Expr; span: Span; opSpan: Span }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; span: Span; opSpan: Span }
  | { kind: 'conditional'; cond: Expr; then: Expr; else: Expr; span: Span }
  /** `{a, b}`: parts MSB first. */
  | { kind: 'concat'; parts: Expr[]; span: Span }
  /** `{n{a, b}}`. */
  | { kind: 'replicate'; count: IntNode; parts: Expr[]; span: Span }
  | { kind: 'select'; operand: Expr; selector: Selector; span: Span }
  | { kind: 'call'; name: string; nameSpan: Span; args: Expr[]; span: Span };

/** One part of an assignment target: an output, or a bit or slice of one. */
export interface TargetPart {
  name: string;
  selector?: Selector;
  span: Span;
}

/** A header column of a table: a port, or a bit or slice of one. */
export interface TableColumn {
  name: string;
  selector?: Selector;
  span: Span;
}

export interface Cube {
  text: string;
  span: Span;
}

export interface TableRow {
  inputs: Cube[];
  outputs: Cube[];
  span: Span;
}

export interface SolveOption {
  name: string;
  /** The numbers as written, sign included. */
  values: { text: string; value: number; span: Span }[];
  span: Span;
  nameSpan: Span;
}

export interface SolveBlock {
  kind: 'solve';
  options: SolveOption[];
  span: Span;
}

export type CircuitItem =
  | { kind: 'port'; dir: 'input' | 'output'; name: string; selector?: Selector; span: Span }
  | { kind: 'let'; name: string; selector?: Selector; value: Expr; span: Span; nameSpan: Span }
  | { kind: 'assign'; targets: TargetPart[]; concat: boolean; value: Expr; span: Span; targetSpan: Span }
  | { kind: 'table'; inputs: TableColumn[]; outputs: TableColumn[]; rows: TableRow[]; span: Span }
  | { kind: 'default'; value: 0 | 1 | '-'; text: string; span: Span; valueSpan: Span }
  | SolveBlock;

export interface CircuitDecl {
  name: string;
  nameSpan: Span;
  items: CircuitItem[];
  span: Span;
}

export interface SpecFile {
  circuits: CircuitDecl[];
  /** Top-level solve blocks, in order; they apply to every circuit. */
  solve: SolveBlock[];
}
