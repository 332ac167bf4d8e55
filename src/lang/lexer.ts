// Lexer of the btfc spec language. Stage: parse (text → tokens), ahead of the parser.
//
// Three modes. `main` is the ordinary language. The keyword `table` switches to `tableHeader`, which is
// `main` except that `{` opens the table body; `tableBody` knows only cubes (`[01-]+`), `->`, row ends
// (newline or `;`), comments and `}`, so that `1-0` or `--1` is one cube and not an expression.

import { createToken, Lexer, type ILexingError, type IToken, type TokenType } from 'chevrotain';
import { UserError, codePointName, isInvisible, type Diagnostic } from '../util/diagnostics.js';
import { MAX_NAME_LENGTH, shortName } from '../ir/verilog-names.js';

// ---- trivia ----------------------------------------------------------------------------------------

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v]+/, group: Lexer.SKIPPED });
const InlineSpace = createToken({ name: 'InlineSpace', pattern: /[ \t\f\v]+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n\r]*/, group: Lexer.SKIPPED });
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\//,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
/** An unterminated block comment runs to the end of the file; reported as an error by `lex`. */
export const UnterminatedComment = createToken({ name: 'UnterminatedComment', pattern: /\/\*[\s\S]*/, line_breaks: true });

// ---- identifiers and keywords ----------------------------------------------------------------------

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/ });
const keyword = (word: string): TokenType =>
  createToken({ name: word[0]!.toUpperCase() + word.slice(1), pattern: word, longer_alt: Identifier, label: `'${word}'` });
export const Circuit = keyword('circuit');
export const Input = keyword('input');
export const Output = keyword('output');
export const Let = keyword('let');
export const Default = keyword('default');
export const Solve = keyword('solve');
/** `table` also enters the table header mode. */
export const Table = createToken({
  name: 'Table', pattern: 'table', longer_alt: Identifier, label: "'table'", push_mode: 'tableHeader',
});

// ---- literals --------------------------------------------------------------------------------------

/** Verilog-style sized literal: `4'b1010`, `8'hff`, `3'd5`, `6'o17` (digits are checked by elaboration). */
export const SizedLiteral = createToken({ name: 'SizedLiteral', pattern: /[0-9][0-9_]*'[sS]?[bBdDhHoO][0-9a-zA-Z_]*/, label: 'a sized literal' });
/** Category of the unsized integer literals (decimal, 0x…, 0b…). */
export const Integer = createToken({ name: 'Integer', pattern: Lexer.NA, label: 'an integer' });
export const HexLiteral = createToken({ name: 'HexLiteral', pattern: /0[xX][0-9a-fA-F_]+/, label: 'an integer', categories: [Integer] });
export const BinLiteral = createToken({ name: 'BinLiteral', pattern: /0[bB][01_]+/, label: 'an integer', categories: [Integer] });
export const FloatLiteral = createToken({
  name: 'FloatLiteral', pattern: /[0-9]+(?:\.[0-9]+(?:[eE][+-]?[0-9]+)?|[eE][+-]?[0-9]+)/, label: 'a number',
});
export const IntLiteral = createToken({ name: 'IntLiteral', pattern: /[0-9][0-9_]*/, label: 'an integer', categories: [Integer] });

// ---- punctuation and operators (longest first where one is a prefix of another) ---------------------

const punct = (name: string, text: string): TokenType =>
  createToken({ name, pattern: text, label: `'${text}'` });
export const Arrow = punct('Arrow', '->');
export const LBrace = punct('LBrace', '{');
/** `{` of a table body; leaves the header mode for the body mode. */
export const TableLBrace = createToken({ name: 'TableLBrace', pattern: '{', label: "'{'", pop_mode: true, push_mode: 'tableBody' });
export const RBrace = punct('RBrace', '}');
/** `}` ending a table body. */
export const TableRBrace = createToken({ name: 'TableRBrace', pattern: '}', label: "'}'", pop_mode: true });
export const LBracket = punct('LBracket', '[');
export const RBracket = punct('RBracket', ']');
export const LParen = punct('LParen', '(');
export const RParen = punct('RParen', ')');
export const Semi = punct('Semi', ';');
export const Comma = punct('Comma', ',');
export const Colon = punct('Colon', ':');
export const Question = punct('Question', '?');
export const OrOr = punct('OrOr', '||');
export const AndAnd = punct('AndAnd', '&&');
export const EqEq = punct('EqEq', '==');
export const NotEq = punct('NotEq', '!=');
export const LessEq = punct('LessEq', '<=');
export const GreaterEq = punct('GreaterEq', '>=');
export const ShiftLeft = punct('ShiftLeft', '<<');
export const ShiftRight = punct('ShiftRight', '>>');
export const Less = punct('Less', '<');
export const Greater = punct('Greater', '>');
export const Assign = punct('Assign', '=');
export const Pipe = punct('Pipe', '|');
export const Caret = punct('Caret', '^');
export const Amp = punct('Amp', '&');
export const Plus = punct('Plus', '+');
export const Minus = punct('Minus', '-');
export const Star = punct('Star', '*');
export const Slash = punct('Slash', '/');
export const Percent = punct('Percent', '%');
export const Tilde = punct('Tilde', '~');
export const Bang = punct('Bang', '!');

// ---- table body ------------------------------------------------------------------------------------

/** One column group of a table row: 0, 1 and `-` (a `-` directly before `>` belongs to `->`). */
export const Cube = createToken({ name: 'Cube', pattern: /(?:[01]|-(?!>))+/, label: 'a cube of 0, 1 and -' });
/** A row ends at a newline or `;`. */
export const RowEnd = createToken({ name: 'RowEnd', pattern: /(?:\r?\n|\r|;)/, line_breaks: true, label: 'the end of the row' });

const common = [LineComment, BlockComment, UnterminatedComment];
const mainTail = [
  Circuit, Input, Output, Let, Table, Default, Solve, Identifier,
  SizedLiteral, HexLiteral, BinLiteral, FloatLiteral, IntLiteral,
  Arrow, RBrace, LBracket, RBracket, LParen, RParen, Semi, Comma, Colon, Question,
  OrOr, AndAnd, EqEq, NotEq, LessEq, GreaterEq, ShiftLeft, ShiftRight, Less, Greater, Assign,
  Pipe, Caret, Amp, Plus, Minus, Star, Slash, Percent, Tilde, Bang,
];

/** Every token type, for the parser. */
export const allTokens: TokenType[] = [
  WhiteSpace, InlineSpace, ...common, Integer, LBrace, TableLBrace, TableRBrace, Cube, RowEnd, ...mainTail,
];

export const specLexer = new Lexer(
  {
    modes: {
      main: [WhiteSpace, ...common, LBrace, ...mainTail],
      tableHeader: [WhiteSpace, ...common, TableLBrace, ...mainTail],
      tableBody: [InlineSpace, ...common, RowEnd, Arrow, Cube, TableRBrace],
    },
    defaultMode: 'main',
  },
  { positionTracking: 'full', ensureOptimizations: false },
);

/** At most this many lexical errors are reported at once. */
const MAX_LEX_ERRORS = 5;

function describeChar(ch: string): string {
  if (ch === "'") return `character "'"`;
  const code = ch.codePointAt(0)!;
  if (isInvisible(code)) return `invisible character ${codePointName(code)}`;
  return `character '${ch}'`;
}

function lexDiagnostic(text: string, file: string, e: ILexingError, modeAt: string): Diagnostic {
  const ch = String.fromCodePoint(text.codePointAt(e.offset) ?? 63);
  const span = { line: e.line ?? 1, col: e.column ?? 1, length: 1 };
  if (modeAt === 'tableBody') {
    return {
      file, span,
      message: `unexpected ${describeChar(ch)} in a table row`,
      hint: "a row is input cubes of 0, 1 and '-' (both values), then '->', then output cubes of 0, 1 and '-' (don't care), one row per line; '}' ends the table",
    };
  }
  const hint = isInvisible(ch.codePointAt(0) ?? 0)
    ? 'delete it: most editors do not show it (it often comes with pasted text); retype the line if you cannot find it'
    : ch === "'"
    ? "a sized literal is written SIZE'BASE DIGITS, e.g. 4'b1010, 8'hff or 3'd5"
    : ch === '"'
      ? 'the spec language has no strings'
      : ch === '.'
        ? "numbers with a fraction (0.2, 1e-3) are only allowed in 'solve' options"
        : 'remove it; names are letters, digits and _, and the operators are + - * / % << >> & | ^ ~ ! && || == != < <= > >= ?:';
  return { file, span, message: `unexpected ${describeChar(ch)}`, hint };
}

/** Tokenize; lexical mistakes become a UserError (the first few, one per line). */
export function lex(text: string, file: string): IToken[] {
  const result = specLexer.tokenize(text);
  const diags: Diagnostic[] = [];
  let lastLine = -1;
  // The lexer does not tell the mode an error happened in: replay the mode from the tokens before it.
  const modeAtOffset = (offset: number): string => {
    let mode = 'main';
    for (const t of result.tokens) {
      if (t.startOffset > offset) break;
      if (t.tokenType === Table) mode = 'tableHeader';
      else if (t.tokenType === TableLBrace) mode = 'tableBody';
      else if (t.tokenType === TableRBrace) mode = 'main';
    }
    return mode;
  };
  for (const e of result.errors) {
    if (diags.length >= MAX_LEX_ERRORS) break;
    if (e.line === lastLine) continue;
    lastLine = e.line ?? -1;
    diags.push(lexDiagnostic(text, file, e, modeAtOffset(e.offset)));
  }
  for (const t of result.tokens) {
    if (t.tokenType === Identifier && t.image.length > MAX_NAME_LENGTH) {
      diags.push({
        file, span: { line: t.startLine ?? 1, col: t.startColumn ?? 1, length: 1 },
        message: `the name '${shortName(t.image)}' is longer than the ${MAX_NAME_LENGTH} characters a name may have`,
        hint: 'use a shorter name (it becomes a Verilog identifier)',
      });
    } else if (t.tokenType === UnterminatedComment) {
      diags.push({
        file, span: { line: t.startLine ?? 1, col: t.startColumn ?? 1, length: 2 },
        message: "unterminated comment: '/*' has no matching '*/'",
        hint: "close the comment with '*/'",
      });
    }
  }
  if (diags.length > 0) {
    diags.sort((a, b) => a.span!.line - b.span!.line || a.span!.col - b.span!.col);
    throw new UserError(diags.slice(0, MAX_LEX_ERRORS));
  }
  return result.tokens;
}
