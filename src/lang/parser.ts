// Parser of the btfc spec language: tokens → concrete syntax tree (Chevrotain CstParser). Stage: parse.
// The rule names here are the rule names of grammar/spec.ebnf, one to one. Error recovery is on, so one
// run finds the syntax errors of several statements; `parseSpecCst` reports the first error of each
// statement (at most MAX_SYNTAX_ERRORS) as file:line:col diagnostics, never a cascade.

import {
  CstParser, EOF, type CstNode, type IParserErrorMessageProvider, type IRecognitionException, type IToken,
  type TokenType,
} from 'chevrotain';
import { UserError, type Diagnostic } from '../util/diagnostics.js';
import * as T from './lexer.js';
import { closest } from './suggest.js';

export class SpecParser extends CstParser {
  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, nodeLocationTracking: 'full', errorMessageProvider: messageProvider });
    this.performSelfAnalysis();
  }

  // ---- file structure ----

  specFile = this.RULE('specFile', () => {
    this.MANY(() => this.SUBRULE(this.topItem));
  });

  topItem = this.RULE('topItem', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.circuitDecl) },
      { ALT: () => this.SUBRULE(this.solveBlock) },
    ]);
  });

  circuitDecl = this.RULE('circuitDecl', () => {
    this.CONSUME(T.Circuit);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.circuitItem));
    this.CONSUME(T.RBrace);
  });

  circuitItem = this.RULE('circuitItem', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.portDecl) },
      { ALT: () => this.SUBRULE(this.letDecl) },
      { ALT: () => this.SUBRULE(this.tableDecl) },
      { ALT: () => this.SUBRULE(this.defaultDecl) },
      { ALT: () => this.SUBRULE(this.solveBlock) },
      { ALT: () => this.SUBRULE(this.assignment) },
    ]);
  });

  // ---- declarations and statements ----

  portDecl = this.RULE('portDecl', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Input) },
      { ALT: () => this.CONSUME(T.Output) },
    ]);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.portItem) });
    this.CONSUME(T.Semi);
  });

  portItem = this.RULE('portItem', () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.SUBRULE(this.selector));
  });

  letDecl = this.RULE('letDecl', () => {
    this.CONSUME(T.Let);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.SUBRULE(this.selector));
    this.CONSUME(T.Assign);
    this.SUBRULE(this.expression);
    this.CONSUME(T.Semi);
  });

  assignment = this.RULE('assignment', () => {
    this.SUBRULE(this.target);
    this.CONSUME(T.Assign);
    this.SUBRULE(this.expression);
    this.CONSUME(T.Semi);
  });

  target = this.RULE('target', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.targetPart) },
      {
        ALT: () => {
          this.CONSUME(T.LBrace);
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE2(this.targetPart) });
          this.CONSUME(T.RBrace);
        },
      },
    ]);
  });

  targetPart = this.RULE('targetPart', () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.SUBRULE(this.selector));
  });

  selector = this.RULE('selector', () => {
    this.CONSUME(T.LBracket);
    this.CONSUME(T.Integer, { LABEL: 'hi' });
    this.OPTION(() => {
      this.CONSUME(T.Colon);
      this.CONSUME2(T.Integer, { LABEL: 'lo' });
    });
    this.CONSUME(T.RBracket);
  });

  tableDecl = this.RULE('tableDecl', () => {
    this.CONSUME(T.Table);
    this.AT_LEAST_ONE(() => this.SUBRULE(this.tableColumn, { LABEL: 'inputs' }));
    this.CONSUME(T.Arrow);
    this.AT_LEAST_ONE2(() => this.SUBRULE2(this.tableColumn, { LABEL: 'outputs' }));
    this.CONSUME(T.TableLBrace);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.RowEnd) },
        { ALT: () => this.SUBRULE(this.tableRow) },
      ]);
    });
    this.CONSUME(T.TableRBrace);
  });

  tableColumn = this.RULE('tableColumn', () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.SUBRULE(this.selector));
  });

  tableRow = this.RULE('tableRow', () => {
    this.AT_LEAST_ONE(() => this.CONSUME(T.Cube, { LABEL: 'inputs' }));
    this.CONSUME(T.Arrow);
    this.AT_LEAST_ONE2(() => this.CONSUME2(T.Cube, { LABEL: 'outputs' }));
  });

  defaultDecl = this.RULE('defaultDecl', () => {
    this.CONSUME(T.Default);
    this.OR([
      { ALT: () => this.CONSUME(T.Integer) },
      { ALT: () => this.CONSUME(T.Minus) },
    ]);
    this.CONSUME(T.Semi);
  });

  solveBlock = this.RULE('solveBlock', () => {
    this.CONSUME(T.Solve);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.solveOption));
    this.CONSUME(T.RBrace);
  });

  solveOption = this.RULE('solveOption', () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.SUBRULE(this.solveValue);
      this.MANY(() => {
        this.OPTION2(() => this.CONSUME(T.Comma));
        this.SUBRULE2(this.solveValue);
      });
    });
    this.CONSUME(T.Semi);
  });

  solveValue = this.RULE('solveValue', () => {
    this.OPTION(() => this.CONSUME(T.Minus));
    this.OR([
      { ALT: () => this.CONSUME(T.Integer) },
      { ALT: () => this.CONSUME(T.FloatLiteral) },
    ]);
  });

  // ---- expressions, loosest binding first (C precedence) ----

  expression = this.RULE('expression', () => {
    this.SUBRULE(this.logicalOr, { LABEL: 'cond' });
    this.OPTION(() => {
      this.CONSUME(T.Question);
      this.SUBRULE(this.expression, { LABEL: 'then' });
      this.CONSUME(T.Colon);
      this.SUBRULE2(this.expression, { LABEL: 'else' });
    });
  });

  logicalOr = this.binaryRule('logicalOr', () => this.logicalAnd, [T.OrOr]);
  logicalAnd = this.binaryRule('logicalAnd', () => this.bitwiseOr, [T.AndAnd]);
  bitwiseOr = this.binaryRule('bitwiseOr', () => this.bitwiseXor, [T.Pipe]);
  bitwiseXor = this.binaryRule('bitwiseXor', () => this.bitwiseAnd, [T.Caret]);
  bitwiseAnd = this.binaryRule('bitwiseAnd', () => this.equality, [T.Amp]);
  equality = this.binaryRule('equality', () => this.relational, [T.EqEq, T.NotEq]);
  relational = this.binaryRule('relational', () => this.shift, [T.Less, T.LessEq, T.Greater, T.GreaterEq]);
  shift = this.binaryRule('shift', () => this.additive, [T.ShiftLeft, T.ShiftRight]);
  additive = this.binaryRule('additive', () => this.multiplicative, [T.Plus, T.Minus]);
  multiplicative = this.binaryRule('multiplicative', () => this.unary, [T.Star, T.Slash, T.Percent]);

  unary = this.RULE('unary', () => {
    this.OR([
      {
        ALT: () => {
          this.OR2(unaryOps.map((tok) => ({ ALT: () => this.CONSUME(tok, { LABEL: 'op' }) })));
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.postfix) },
    ]);
  });

  postfix = this.RULE('postfix', () => {
    this.SUBRULE(this.primary);
    this.MANY(() => this.SUBRULE(this.selector));
  });

  primary = this.RULE('primary', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Integer) },
      { ALT: () => this.CONSUME(T.SizedLiteral) },
      { ALT: () => this.CONSUME(T.FloatLiteral) },
      { ALT: () => this.SUBRULE(this.call) },
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.SUBRULE(this.parenthesized) },
      { ALT: () => this.SUBRULE(this.concatenation) },
    ]);
  });

  call = this.RULE('call', () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression) });
    this.CONSUME(T.RParen);
  });

  parenthesized = this.RULE('parenthesized', () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
  });

  /** `{a, b, c}` (MSB first) or the replication `{3{a, b}}`. */
  concatenation = this.RULE('concatenation', () => {
    this.CONSUME(T.LBrace);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Integer, { LABEL: 'count' });
          this.CONSUME2(T.LBrace);
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression) });
          this.CONSUME2(T.RBrace);
        },
      },
      { ALT: () => this.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => this.SUBRULE2(this.expression) }) },
    ]);
    this.CONSUME(T.RBrace);
  });

  private binaryRule(name: string, operand: () => (idx?: number) => CstNode, ops: TokenType[]) {
    return this.RULE(name, () => {
      this.SUBRULE(operand(), { LABEL: 'operands' });
      this.MANY(() => {
        this.OR(ops.map((tok) => ({ ALT: () => this.CONSUME(tok, { LABEL: 'ops' }) })));
        this.SUBRULE2(operand(), { LABEL: 'operands' });
      });
    });
  }
}

const unaryOps = [T.Tilde, T.Bang, T.Minus, T.Amp, T.Pipe, T.Caret];

// ---- messages ----------------------------------------------------------------------------------------

/** What a rule stands for, in words, for "expected …" messages. */
const ruleWords: Record<string, string> = {
  specFile: "'circuit' or 'solve'",
  topItem: "'circuit' or 'solve'",
  circuitItem: 'a statement (input, output, let, table, default, solve or an assignment)',
  portDecl: "'input' or 'output'",
  target: "an output name or '{'",
  tableDecl: 'a port name',
  tableColumn: 'a port name',
  tableRow: "a cube of 0, 1 and '-'",
  defaultDecl: "0, 1 or '-'",
  solveValue: 'a number',
  concatenation: 'an expression',
};

function ruleWord(ruleName: string): string {
  return ruleWords[ruleName] ?? 'an expression';
}

export function describeToken(t: IToken | undefined): string {
  if (t === undefined || t.tokenType === EOF) return 'the end of the file';
  if (t.tokenType === T.RowEnd && t.image !== ';') return 'the end of the row';
  return `'${t.image}'`;
}

function labelOf(tok: TokenType): string {
  return tok.LABEL ?? tok.name;
}

const messageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) => `expected ${labelOf(expected)}, found ${describeToken(actual)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) =>
    `expected 'circuit' or 'solve', found ${describeToken(firstRedundant)}`,
  buildNoViableAltMessage: ({ actual, ruleName }) => `expected ${ruleWord(ruleName)}, found ${describeToken(actual[0])}`,
  buildEarlyExitMessage: ({ actual, ruleName }) => `expected ${ruleWord(ruleName)}, found ${describeToken(actual[0])}`,
};

let instance: SpecParser | undefined;

/** The one parser instance (Chevrotain parsers are built once, on first use, and reused). */
export function getSpecParser(): SpecParser {
  instance ??= new SpecParser();
  return instance;
}

/** At most this many syntax errors are reported at once. */
export const MAX_SYNTAX_ERRORS = 5;

const statementEnds = new Set<TokenType>([T.Semi, T.RBrace, T.LBrace, T.TableLBrace, T.TableRBrace, T.RowEnd]);

const keywords = ['circuit', 'input', 'output', 'let', 'table', 'default', 'solve'];

function endOf(t: IToken): { line: number; col: number } {
  return { line: t.endLine ?? t.startLine ?? 1, col: (t.endColumn ?? t.startColumn ?? 0) + 1 };
}

function isEof(t: IToken | undefined): boolean {
  return t === undefined || t.tokenType === EOF || Number.isNaN(t.startOffset);
}

/** One diagnostic for one recognition exception, with the place and hint a user needs. */
function syntaxDiagnostic(e: IRecognitionException, tokens: readonly IToken[], file: string): Diagnostic {
  const tok = e.token;
  const prev = (e as { previousToken?: IToken }).previousToken;
  const last = tokens[tokens.length - 1];
  let message = e.message;
  let span = isEof(tok)
    ? last ? { ...endOf(last), length: 1 } : { line: 1, col: 1, length: 1 }
    : { line: tok.startLine ?? 1, col: tok.startColumn ?? 1, length: Math.max(1, tok.image.length) };
  let hint: string | undefined;
  const expectedSemi = message.startsWith("expected ';'");
  if (expectedSemi && prev && !isEof(prev) && prev.tokenType !== EOF) {
    // Point just after the statement, where the ';' is missing, as C compilers do.
    span = { ...endOf(prev), length: 1 };
    const inPortList = e.context.ruleStack[e.context.ruleStack.length - 1] === 'portDecl';
    message = `expected ${inPortList ? "',' or ';'" : "';'"} after ${describeToken(prev)}, found ${describeToken(tok)}`;
    hint = inPortList ? "separate the ports of a declaration with ',' and end it with ';'" : "end each statement with ';'";
  } else if (isEof(tok)) {
    hint = "the file ends inside a block: close every '{' with '}'";
  } else if (tok.tokenType === T.Arrow && message.includes("'}'") && tok.startLine !== undefined) {
    hint = 'put each table row on its own line, or end a row with \';\'';
  } else if (e.name === 'NotAllInputParsedException') {
    hint = 'a spec file holds `circuit NAME { … }` and `solve { … }` blocks';
  } else if (message.startsWith("expected 0, 1 or '-'")) {
    hint = 'write `default 0;`, `default 1;` or `default -;` (don\'t care)';
  } else if (message.startsWith('expected a number')) {
    hint = 'solve options take numbers, e.g. `sigma 3;` or `hidden 4 4;`';
  }
  // A misspelt keyword starts a statement as a name: `inputs a;` → suggest `input`.
  const first = statementStart(tokens, tok, prev);
  if (hint === undefined && first && first.tokenType === T.Identifier) {
    const kw = closest(first.image, keywords);
    if (kw) hint = `did you mean '${kw}'? ('${first.image}' is read as a name)`;
  }
  if (hint === undefined && message.startsWith('expected an expression')) {
    hint = 'an expression is a name, a number, a call such as popcount(x), or (…)';
  }
  if (hint === undefined && message.includes("expected ']'")) hint = 'a bit select is [i] and a slice is [hi:lo], with integer indices';
  if (hint === undefined && (message.includes('a cube') || tok.tokenType === T.RowEnd || tok.tokenType === T.Cube)) {
    hint = "a table row is input cubes, '->', output cubes, one row per line, e.g. `0 1 - -> 1 0`";
  }
  if (hint === undefined) hint = 'see grammar/spec.ebnf for the syntax';
  return { file, span, message, hint };
}

/** The first token of the statement that contains the error token. */
function statementStart(tokens: readonly IToken[], tok: IToken, prev: IToken | undefined): IToken | undefined {
  const anchor = isEof(tok) ? prev : tok;
  if (!anchor) return undefined;
  let i = tokens.indexOf(anchor);
  if (i < 0) return undefined;
  while (i > 0 && !statementEnds.has(tokens[i - 1]!.tokenType)) i--;
  return tokens[i];
}

/** Deepest bracket nesting accepted (the parser and elaborator recurse once per level). */
export const MAX_NESTING = 100;
/** Most operators in one statement (the expression tree is as deep as its operator chain). */
export const MAX_OPERATORS = 1000;

const openers = new Set<TokenType>([T.LParen, T.LBracket, T.LBrace, T.TableLBrace]);
const closers = new Set<TokenType>([T.RParen, T.RBracket, T.RBrace, T.TableRBrace]);
const operators = new Set<TokenType>([
  T.Question, T.OrOr, T.AndAnd, T.Pipe, T.Caret, T.Amp, T.EqEq, T.NotEq, T.Less, T.LessEq, T.Greater, T.GreaterEq,
  T.ShiftLeft, T.ShiftRight, T.Plus, T.Minus, T.Star, T.Slash, T.Percent, T.Tilde, T.Bang,
]);

/** Refuse inputs nested too deeply to parse and elaborate without exhausting the stack. */
function checkDepth(tokens: readonly IToken[], file: string): void {
  let depth = 0;
  let ops = 0;
  for (const t of tokens) {
    if (openers.has(t.tokenType)) {
      if (++depth > MAX_NESTING) {
        throw new UserError({
          file, span: { line: t.startLine ?? 1, col: t.startColumn ?? 1, length: 1 },
          message: `brackets nested more than ${MAX_NESTING} deep`, hint: 'split the expression with let bindings',
        });
      }
    } else if (closers.has(t.tokenType)) {
      depth = Math.max(0, depth - 1);
    } else if (t.tokenType === T.Semi || t.tokenType === T.RowEnd) {
      ops = 0;
    } else if (operators.has(t.tokenType) && ++ops > MAX_OPERATORS) {
      throw new UserError({
        file, span: { line: t.startLine ?? 1, col: t.startColumn ?? 1, length: t.image.length },
        message: `more than ${MAX_OPERATORS} operators in one statement`, hint: 'split the expression with let bindings',
      });
    }
  }
}

/** Parse tokens into a CST; syntax errors become a UserError (the first of each statement, at most a few). */
export function parseSpecCst(tokens: IToken[], file: string): CstNode {
  checkDepth(tokens, file);
  const parser = getSpecParser();
  parser.input = tokens;
  const cst = parser.specFile();
  const errors = parser.errors;
  if (errors.length === 0) return cst;
  const offset = (e: IRecognitionException): number => (isEof(e.token) ? Infinity : e.token.startOffset);
  const sorted = [...errors].sort((a, b) => offset(a) - offset(b));
  const kept: IRecognitionException[] = [];
  for (const e of sorted) {
    if (kept.length >= MAX_SYNTAX_ERRORS) break;
    const before = kept[kept.length - 1];
    if (before !== undefined) {
      const from = offset(before);
      const to = offset(e);
      if (from === Infinity) break;
      // Keep it only if a statement boundary lies between the two errors.
      const boundary = tokens.some((t) => t.startOffset >= from && t.startOffset < to && statementEnds.has(t.tokenType));
      if (!boundary) continue;
    }
    kept.push(e);
  }
  throw new UserError(kept.map((e) => syntaxDiagnostic(e, tokens, file)));
}
