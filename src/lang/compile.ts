// compileSpec: spec text → Spec for one circuit (lex, parse, build the AST, elaborate). Stage: the front
// of the pipeline; every user mistake is a UserError with file:line:col diagnostics.

import { UserError } from '../util/diagnostics.js';
import type { Spec } from '../ir/spec.js';
import type { CircuitDecl, SpecFile } from './ast.js';
import { lex } from './lexer.js';
import { parseSpecCst } from './parser.js';
import { buildAst } from './build-ast.js';
import { elaborateCircuit } from './elaborate.js';
import { closest } from './suggest.js';

/** Lex, parse and build the AST of a whole spec file (no elaboration). Throws UserError. */
export function parseSpec(text: string, file: string): SpecFile {
  const ast = buildAst(parseSpecCst(lex(text, file), file), file);
  const seen = new Map<string, CircuitDecl>();
  for (const c of ast.circuits) {
    const before = seen.get(c.name);
    if (before) {
      throw new UserError({
        file, span: c.nameSpan, message: `a second circuit named '${c.name}'`, hint: 'give each circuit of a file its own name',
        notes: [{ span: before.nameSpan, message: `the first '${c.name}'` }],
      });
    }
    seen.set(c.name, c);
  }
  return ast;
}

/** The circuit `circuit` names, or the file's only circuit. */
function pickCircuit(ast: SpecFile, file: string, circuit: string | undefined): CircuitDecl {
  const names = ast.circuits.map((c) => c.name);
  if (names.length === 0) {
    throw new UserError({
      file, span: { line: 1, col: 1, length: 1 }, message: 'no circuit in this file',
      hint: 'write one: `circuit NAME { input a; output y; y = ~a; }`',
    });
  }
  if (circuit === undefined) {
    if (names.length === 1) return ast.circuits[0]!;
    throw new UserError({
      file, message: `this file has ${names.length} circuits (${names.join(', ')}); say which one`,
      hint: `use --circuit NAME, e.g. --circuit ${names[0]}`,
    });
  }
  const found = ast.circuits.find((c) => c.name === circuit);
  if (found) return found;
  const near = closest(circuit, names);
  throw new UserError({
    file, message: `no circuit named '${circuit}'; the file has ${names.join(', ')}`,
    hint: near ? `did you mean --circuit ${near}?` : `use --circuit with one of: ${names.join(', ')}`,
  });
}

/** Compile spec text to the Spec of one circuit (`circuit` picks one of several). Throws UserError. */
export function compileSpec(text: string, file: string, circuit?: string): Spec {
  try {
    const ast = parseSpec(text, file);
    return elaborateCircuit(pickCircuit(ast, file, circuit), ast.solve, file);
  } catch (err) {
    // A backstop: parseSpecCst refuses deep nesting up front, so this should not happen.
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      throw new UserError({ file, message: 'the spec is nested too deeply to compile', hint: 'split long expressions with let bindings' });
    }
    throw err;
  }
}
