// The help texts bin/btfc.js prints without loading yargs (src/cli/help-cache.ts) must be exactly what the
// CLI itself prints, for every command and both cached widths, and the fast path must only answer plain
// help requests.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cachedHelp, helpArgv, helpCacheUrl, helpKey, helpWidth, HELP_WIDTHS } from '../../src/cli/help-cache.js';
import { helpKeys, renderHelp } from '../../src/cli/write-help-cache.js';

const bin = fileURLToPath(new URL('../../bin/btfc.js', import.meta.url));

describe('help cache', () => {
  it('holds, for every command and width, the text yargs prints', async () => {
    expect(helpKeys()).toEqual(expect.arrayContaining(['btfc-help', 'btfc-version', 'solve', 'compile', 'discover']));
    for (const width of HELP_WIDTHS) {
      for (const key of helpKeys()) {
        const argv = helpArgv(key);
        // The cache read by bin/btfc.js is the build's (dist/); the test compares it with the sources' CLI.
        const built = readFileSync(new URL(helpCacheUrl(key, width).href.replace('/src/cli/', '/dist/cli/')), 'utf8');
        expect(built, `${key} at ${width} columns`).toBe(await renderHelp(argv, width));
      }
    }
  });

  it('answers only a plain help request at a cached width', () => {
    expect(helpKey(['--help'])).toBe('btfc-help');
    expect(helpKey(['solve', '--help'])).toBe('solve');
    expect(helpKey(['--version'])).toBe('btfc-version');
    expect(helpKey(['btfc-version', '--help'])).toBeUndefined(); // the top-level keys cannot be command names
    expect(helpKey(['solve', '--version'])).toBeUndefined();
    expect(helpKey(['solve', 'x.spec', '--help'])).toBeUndefined();
    expect(helpKey(['--help', 'solve'])).toBeUndefined();
    expect(helpKey(['../etc', '--help'])).toBeUndefined();
    expect(helpWidth(undefined)).toBe(100);
    expect(helpWidth(80)).toBe(80);
    expect(helpWidth(200)).toBe(110);
    expect(cachedHelp(['solve', '--help'], 80)).toBeUndefined();
    expect(cachedHelp(['nosuch', '--help'], undefined)).toBeUndefined();
  });

  it('bin/btfc.js prints the cached text, and leaves any other request to yargs', () => {
    const ok = spawnSync(process.execPath, [bin, 'compile', '--help'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('btfc compile <spec>');
    // Not cached: yargs answers an unknown command's help with the command list, as it always has.
    const other = spawnSync(process.execPath, [bin, 'nosuch', '--help'], { encoding: 'utf8' });
    expect(other.stdout).toContain('Commands:');
  });
});
