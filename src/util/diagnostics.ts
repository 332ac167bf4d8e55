// Diagnostics: the one way every stage reports a user mistake (bad spec, bad file, bad option).
// A UserError carries one or more diagnostics; the CLI prints them and exits 2, never a stack trace.

/** A place in a source file, 1-based line and column. */
export interface SourceSpan {
  line: number;
  col: number;
  /** Length of the culprit in characters (at least 1 caret is drawn). */
  length?: number;
}

export interface Diagnostic {
  /** File name as the user gave it; `undefined` for errors not tied to a file (bad options). */
  file?: string;
  span?: SourceSpan;
  message: string;
  /** What to do about it, printed as `hint: ...`. */
  hint?: string;
  /** Secondary places, e.g. the other of two conflicting table rows. */
  notes?: { span: SourceSpan; message: string }[];
  /** The file's text, when it is not in the sources given to formatDiagnostic (it was never read whole). */
  source?: string;
}

/** A mistake of the user's: printed as diagnostics, exit status 2 unless stated. */
export class UserError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly exitCode: number;
  constructor(diagnostics: Diagnostic | Diagnostic[], exitCode = 2) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map((d) => d.message).join('; '));
    this.name = 'UserError';
    this.diagnostics = list;
    this.exitCode = exitCode;
  }
}

/** Shorthand for a diagnostic that is not tied to a source position. */
export function userError(message: string, hint?: string, file?: string): UserError {
  return new UserError({ message, hint, file });
}

function sourceLine(text: string | undefined, line: number): string | undefined {
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n/);
  return lines[line - 1];
}

/**
 * Whether a character cannot be seen, or would garble a terminal, when printed as it is: control
 * characters (tab aside), format characters such as the byte-order mark and zero-width spaces, and
 * line or paragraph separators.
 */
export function isInvisible(code: number): boolean {
  return (code < 0x20 && code !== 0x09) || (code >= 0x7f && code <= 0x9f) || code === 0xad
    || (code >= 0x200b && code <= 0x200f) || (code >= 0x2028 && code <= 0x202e) || (code >= 0x2060 && code <= 0x206f)
    || code === 0xfeff || (code >= 0xfff9 && code <= 0xfffb);
}

/** A code point as `U+XXXX`. */
export function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A character for a message: quoted as it is, or as `U+XXXX` when it is invisible. */
export function showChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return isInvisible(code) ? codePointName(code) : `'${ch}'`;
}

/** Text with each invisible character written `<U+XXXX>`, so diagnostics never echo NULs or escapes. */
export function visibleText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += isInvisible(code) ? `<${codePointName(code)}>` : ch;
  }
  return out;
}

/** Text quoted for a message in backticks; a lone invisible character is named instead (`U+0000`). */
export function quoteText(text: string): string {
  const chars = [...text];
  if (chars.length === 1 && isInvisible(text.codePointAt(0)!)) return codePointName(text.codePointAt(0)!);
  return `\`${visibleText(text)}\``;
}

/** Quoted lines longer than this are cut to a window around the culprit (a generated spec, a minified file). */
const MAX_QUOTED = 160;
/** Characters of context kept on each side of the culprit in a cut line. */
const CONTEXT = 60;

function caretBlock(text: string | undefined, span: SourceSpan): string[] {
  const src = sourceLine(text, span.line);
  if (src === undefined) return [];
  const start = Math.max(0, span.col - 1);
  const len = Math.max(1, Math.min(span.length ?? 1, Math.max(1, src.length - span.col + 1)));
  // The quoted line shows invisible characters by name; the caret is placed under the names so drawn.
  let before = visibleText(src.slice(0, start));
  let culprit = visibleText(src.slice(start, start + len));
  let after = visibleText(src.slice(start + len));
  if (before.length + culprit.length + after.length > MAX_QUOTED) {
    if (before.length > CONTEXT) before = `…${before.slice(-CONTEXT)}`;
    if (culprit.length > CONTEXT) {
      culprit = `${culprit.slice(0, CONTEXT)}…`;
      after = '';
    } else if (after.length > CONTEXT) {
      after = `${after.slice(0, CONTEXT)}…`;
    }
  }
  // Tabs are kept in the caret line so the caret stays under the culprit in a terminal.
  const pad = before.replace(/[^\t]/g, ' ');
  return [`  ${before}${culprit}${after}`, `  ${pad}${'^'.repeat(Math.max(1, culprit.length))}`];
}

/**
 * Render a diagnostic the way compilers do:
 *   file:line:col: error: message
 *     source line
 *     ^^^^
 *   hint: ...
 * `sources` maps a file name to its text so the offending line can be shown.
 */
export function formatDiagnostic(d: Diagnostic, sources?: ReadonlyMap<string, string>): string {
  const text = d.source ?? (d.file !== undefined ? sources?.get(d.file) : undefined);
  const where = d.file !== undefined
    ? d.span ? `${d.file}:${d.span.line}:${d.span.col}: ` : `${d.file}: `
    : '';
  const out = [`${where}error: ${d.message}`];
  if (d.span) out.push(...caretBlock(text, d.span));
  for (const n of d.notes ?? []) {
    out.push(`${d.file !== undefined ? `${d.file}:` : ''}${n.span.line}:${n.span.col}: note: ${n.message}`);
    out.push(...caretBlock(text, n.span));
  }
  if (d.hint) out.push(`hint: ${d.hint}`);
  return out.join('\n');
}
