// Writes grammar/railroad.html: railroad (syntax) diagrams of the spec grammar, drawn from the parser's
// own rules so the picture cannot drift from the parser. Run after the build: `npm run railroad`.

import { writeFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSyntaxDiagramsCode } from 'chevrotain';
import { getSpecParser } from './parser.js';

/** The HTML page of railroad diagrams for every parser rule. */
export function railroadHtml(): string {
  return createSyntaxDiagramsCode(getSpecParser().getSerializedGastProductions());
}

function main(): void {
  // dist/spec/railroad.js → <repo>/grammar/railroad.html
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'grammar', 'railroad.html');
  const tmp = `${out}.tmp`;
  writeFileSync(tmp, railroadHtml());
  renameSync(tmp, out);
  console.log(`wrote ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
