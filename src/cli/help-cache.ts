// The fast path for `btfc --help`, `btfc COMMAND --help` and `btfc --version` (stage: CLI). Loading yargs and every command
// module costs more than Node's own start-up, so the help texts are rendered once at build time
// (`write-help-cache.ts`, run by the `build`/`prepare` scripts) for the widths the CLI wraps to when
// stdout is not a terminal (100 columns) or is a wide one (110), and bin/btfc.js prints them without
// loading the CLI. Any other argument list or width, or a missing cache, takes the normal path through
// yargs; test/cli/help-cache.test.ts checks every cached text equals what yargs prints.
//
// This module must import nothing heavy: it is loaded before the decision is made.

import { readFileSync } from 'node:fs';

/** The widths help is cached at: yargs wraps to min(110, columns), 100 when stdout is not a terminal. */
export const HELP_WIDTHS = [100, 110] as const;

/** The width the CLI wraps its help to for a terminal of `columns` columns (undefined: not a terminal). */
export function helpWidth(columns: number | undefined): number {
  return Math.min(110, columns || 100);
}

/**
 * 'btfc-help' for `--help`, 'btfc-version' for `--version`, the command's name for `COMMAND --help`, else undefined
 * (not a plain help request).
 */
export function helpKey(argv: readonly string[]): string | undefined {
  if (argv.length === 1 && argv[0] === '--help') return 'btfc-help';
  if (argv.length === 1 && argv[0] === '--version') return 'btfc-version';
  if (argv.length === 2 && argv[1] === '--help' && /^[a-z]+$/.test(argv[0]!)) return argv[0];
  return undefined;
}

/** Where the cached text for one key and width lives, beside this module in the build output. */
export function helpCacheUrl(key: string, width: number): URL {
  return new URL(`./help/${key}-${width}.txt`, import.meta.url);
}

/** The arguments that print a cached key's text. */
export function helpArgv(key: string): string[] {
  if (key === 'btfc-help') return ['--help'];
  if (key === 'btfc-version') return ['--version'];
  return [key, '--help'];
}

/** The cached help for this argument list at this terminal width, or undefined when yargs must answer. */
export function cachedHelp(argv: readonly string[], columns: number | undefined): string | undefined {
  const key = helpKey(argv);
  const width = helpWidth(columns);
  if (key === undefined || !(HELP_WIDTHS as readonly number[]).includes(width)) return undefined;
  try {
    return readFileSync(helpCacheUrl(key, width), 'utf8');
  } catch {
    return undefined; // not built (e.g. an unknown command name): yargs answers, with its own error
  }
}
