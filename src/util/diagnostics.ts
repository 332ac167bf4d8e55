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

function caretBlock(text: string | undefined, span: SourceSpan): string[] {
  const src = sourceLine(text, span.line);
  if (src === undefined) return [];
  // Tabs are kept in the caret line so the caret stays under the culprit in a terminal.
  const pad = src.slice(0, Math.max(0, span.col - 1)).replace(/[^\t]/g, ' ');
  const len = Math.max(1, Math.min(span.length ?? 1, Math.max(1, src.length - span.col + 1)));
  return [`  ${src}`, `  ${pad}${'^'.repeat(len)}`];
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
  const text = d.file !== undefined ? sources?.get(d.file) : undefined;
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
