// Renders every help text the fast path serves (help-cache.ts) through the real CLI and writes them beside
// the build output, so they cannot drift from what yargs prints. Run by the `build` and `prepare` scripts
// after tsc: `node dist/cli/write-help-cache.js`. Stage: CLI (build step).

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from './main.js';
import { commands } from './commands.js';
import { HELP_WIDTHS, helpArgv, helpCacheUrl } from './help-cache.js';

/** What `btfc ...argv` prints on stdout at this width (yargs' help output plus the final newline). */
export async function renderHelp(argv: string[], width: number): Promise<string> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (t) => { out += t.endsWith('\n') ? t : `${t}\n`; },
    err: (t) => { err += t; },
    columns: width,
  });
  if (code !== 0 || err !== '') throw new Error(`btfc ${argv.join(' ')} failed (${code}): ${err}`);
  return out;
}

/** Every key the cache holds: the top-level help, the version, and one per command. */
export function helpKeys(): string[] {
  return ['btfc-help', 'btfc-version', ...commands.map((c) => c.command.split(' ')[0]!)];
}

async function writeAll(): Promise<void> {
  // Start empty, so a renamed or removed command leaves no text behind to be served.
  rmSync(fileURLToPath(new URL('.', helpCacheUrl('x', 100))), { recursive: true, force: true });
  for (const width of HELP_WIDTHS) {
    for (const key of helpKeys()) {
      const argv = helpArgv(key);
      const url = helpCacheUrl(key, width);
      mkdirSync(fileURLToPath(new URL('.', url)), { recursive: true });
      writeFileSync(url, await renderHelp(argv, width));
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await writeAll();
