// Writes grammar/railroad.html: railroad (syntax) diagrams of the spec grammar, drawn from the parser's
// own rules so the picture cannot drift from the parser. Run after the build: `npm run railroad`.

import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSyntaxDiagramsCode } from 'chevrotain';
import { getSpecParser } from '../lang/parser.js';

/** chevrotain's package folder (its diagram scripts and style live in diagrams/). */
function chevrotainRoot(): string {
  // import.meta.resolve('chevrotain') → …/chevrotain/lib/src/api.js
  return join(dirname(fileURLToPath(import.meta.resolve('chevrotain'))), '..', '..');
}

/**
 * The HTML page of railroad diagrams for every parser rule. chevrotain's page loads its drawing scripts
 * and style from a CDN; they are inlined here from the installed package so the page works offline.
 */
export function railroadHtml(): string {
  const root = chevrotainRoot();
  const file = (rel: string) => readFileSync(join(root, rel), 'utf8');
  return createSyntaxDiagramsCode(getSpecParser().getSerializedGastProductions())
    .replace(/<link rel='stylesheet' href='[^']*\/diagrams\/(diagrams\.css)'>/, (_m, rel: string) => `<style>\n${file(`diagrams/${rel}`)}\n</style>`)
    .replace(/<script src='[^']*\/diagrams\/([^']+\.js)'><\/script>/g, (_m, rel: string) => `<script>\n${file(`diagrams/${rel}`)}\n</script>`);
}

function main(): void {
  // dist/tools/railroad.js → <repo>/grammar/railroad.html
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'grammar', 'railroad.html');
  const tmp = `${out}.tmp`;
  writeFileSync(tmp, railroadHtml());
  renameSync(tmp, out);
  console.log(`wrote ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
