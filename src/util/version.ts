// btfc's version, read once from package.json (for --version and the header of generated files).

import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function btfcVersion(): string {
  if (cached === undefined) {
    try {
      cached = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    } catch {
      cached = 'unknown';
    }
  }
  return cached;
}
