// The files the architecture tests look at: every TypeScript module under src/, found from this file's
// place in the repository so the tests run from any working directory.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of src/ with a trailing slash. */
export const SRC_ROOT = fileURLToPath(new URL('../../src/', import.meta.url));

/** Paths of every .ts file under src/, relative to src/ with '/' separators, sorted. */
export function sourceFiles(): string[] {
  const found: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(SRC_ROOT, rel), { withFileTypes: true })) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.ts')) found.push(path);
    }
  };
  walk('');
  return found.sort();
}

/** A source file's text, by its path relative to src/. */
export function readSource(rel: string): string {
  return readFileSync(join(SRC_ROOT, rel), 'utf8');
}

/** The top-level folder a source path belongs to ('gates/passes/pass.ts' → 'gates'); '' for a file in src/ itself. */
export function folderOf(rel: string): string {
  const slash = rel.indexOf('/');
  return slash < 0 ? '' : rel.slice(0, slash);
}
