// Where a worker thread's script lives. Workers always run compiled JavaScript from dist/ (Node 20 cannot
// load .ts in a worker under a TypeScript loader), also when the caller itself runs from src/ under vitest;
// `npm test` compiles first, so dist/ is current.

import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

// This module is src/util/worker-url.ts or dist/util/worker-url.js: one folder up is src/ or dist/.
const tree = join(dirname(fileURLToPath(import.meta.url)), '..');
/** dist/ when running compiled code, else the dist/ beside src/. */
const distRoot = tree.endsWith(`${'/'}src`) || tree.endsWith('\\src') ? join(tree, '..', 'dist') : tree;

/** Absolute path of a compiled module under dist/, e.g. `workerPath('rrr/worker.js')`. */
export function workerPath(relative: string): string {
  return join(distRoot, relative);
}
