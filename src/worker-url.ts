// Where a worker thread's script lives. Workers always run compiled JavaScript from dist/ (Node 20 cannot
// load .ts in a worker under a TypeScript loader), also when the caller itself runs from src/ under vitest;
// `npm test` compiles first, so dist/ is current.

import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
/** dist/ when running compiled code, else the dist/ beside src/. */
const distRoot = here.endsWith(`${'/'}src`) || here.endsWith('\\src') ? join(here, '..', 'dist') : here;

/** Absolute path of a compiled module under dist/, e.g. `workerPath('rrr/worker.js')`. */
export function workerPath(relative: string): string {
  return join(distRoot, relative);
}
