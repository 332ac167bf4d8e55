// How long each function of src/ is, from TypeScript's syntax tree: function declarations and
// expressions, arrow functions, methods, accessors and constructors, each measured from its first token
// (its doc comment excluded) to its closing brace. A nested function counts in its own right and inside
// the lines of the one around it.

import ts from 'typescript';
import { readSource, sourceFiles } from './source-tree.js';

export interface FunctionSpan {
  /** Path relative to src/. */
  file: string;
  /** 'name' for a function, 'Class.name' for a method, 'callee callback' for an unnamed argument. */
  name: string;
  /** 1-based line of the first token. */
  line: number;
  /** Lines from the first token to the last, both included. */
  lines: number;
}

type FunctionLike =
  | ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration
  | ts.ConstructorDeclaration | ts.GetAccessorDeclaration | ts.SetAccessorDeclaration;

function isFunctionLike(node: ts.Node): node is FunctionLike {
  return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node)
    || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node)
    || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node);
}

function nameText(name: ts.PropertyName | ts.BindingName | undefined, file: ts.SourceFile): string | undefined {
  if (name === undefined) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return name.getText(file);
}

/** 'Class.' for a member of a class, else ''. */
function classPrefix(member: ts.Node): string {
  return ts.isClassLike(member.parent) ? `${member.parent.name?.text ?? '<class>'}.` : '';
}

/** What a reader would call the function: its own name, the variable or property it is bound to, or its call. */
function functionName(node: FunctionLike, file: ts.SourceFile): string {
  if (ts.isConstructorDeclaration(node)) return `${classPrefix(node)}constructor`;
  const own = ts.isArrowFunction(node) ? undefined : nameText(node.name, file);
  if (own !== undefined) return `${classPrefix(node)}${own}`;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    return `${classPrefix(parent)}${nameText(parent.name, file)}`;
  }
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) return `${parent.expression.getText(file)} callback`;
  return '<anonymous>';
}

/** The functions of one file's text, in source order. */
export function functionSpans(file: string, text: string): FunctionSpan[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const spans: FunctionSpan[] = [];
  const visit = (node: ts.Node): void => {
    // A signature without a body (an overload, an abstract method) has no lines of its own to measure.
    if (isFunctionLike(node) && node.body !== undefined) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      spans.push({ file, name: functionName(node, source), line: first + 1, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return spans;
}

/** Every function of src/. */
export function sourceFunctions(): FunctionSpan[] {
  return sourceFiles().flatMap((file) => functionSpans(file, readSource(file)));
}
