// The relative imports of src/: which module depends on which. TypeScript's own pre-processor finds the
// module specifiers (static imports, `export … from`, `import type`, dynamic `import()`), so text in
// comments and strings is not mistaken for an import. A worker thread's script, named through
// `workerPath('rrr/worker.js')` rather than imported, is a dependency too: the syntax tree gives those calls
// (a regular expression would also match the example in worker-url.ts's own comment).

import { posix } from 'node:path';
import ts from 'typescript';
import { readSource, sourceFiles } from './source-tree.js';

/** One module's dependency on another, both as paths relative to src/ ending in .ts. */
export interface ImportEdge {
  from: string;
  to: string;
  /** The specifier as written, for messages. */
  specifier: string;
}

/** The relative module specifiers of one file's text ('./x.js', '../ir/spec.js'), in order. */
export function relativeSpecifiers(text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map((file) => file.fileName).filter((name) => name.startsWith('.'));
}

/** The source path a specifier names: relative to the importing file, with NodeNext's `.js` read as `.ts`. */
export function resolveSpecifier(fromRel: string, specifier: string): string {
  const joined = posix.normalize(posix.join(posix.dirname(fromRel), specifier));
  return joined.endsWith('.js') ? `${joined.slice(0, -'.js'.length)}.ts` : joined;
}

/** The scripts a file starts as worker threads: the literal arguments of its `workerPath(…)` calls. */
export function workerScripts(text: string): string[] {
  const scripts: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'workerPath') {
      const [arg] = node.arguments;
      if (arg !== undefined && ts.isStringLiteralLike(arg)) scripts.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('module.ts', text, ts.ScriptTarget.Latest, false));
  return scripts;
}

/** The edges of one file: its relative imports and the worker scripts it starts. */
export function fileEdges(fromRel: string, text: string): ImportEdge[] {
  const edges = relativeSpecifiers(text).map((specifier) => ({ from: fromRel, to: resolveSpecifier(fromRel, specifier), specifier }));
  // workerPath's argument is relative to src/ (dist/ at run time), not to the calling module.
  for (const script of workerScripts(text)) {
    edges.push({ from: fromRel, to: resolveSpecifier('', script), specifier: `workerPath('${script}')` });
  }
  return edges;
}

/** Every dependency between modules of src/. */
export function importGraph(): ImportEdge[] {
  return sourceFiles().flatMap((rel) => fileEdges(rel, readSource(rel)));
}
