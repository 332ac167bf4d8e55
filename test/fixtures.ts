// Where the tests' data lives: test/fixtures/ inside the repository (each folder's README names its
// source and licence), resolved from this file so a clone anywhere finds it.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of test/fixtures/ with a trailing slash. */
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Absolute path of a fixture, e.g. `fixture('small_arith/mul3x3.truth')`. */
export function fixture(rel: string): string {
  return `${FIXTURES}${rel}`;
}

/** A fixture's text. */
export function readFixture(rel: string): string {
  return readFileSync(fixture(rel), 'utf8');
}
