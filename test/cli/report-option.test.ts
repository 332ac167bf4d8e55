// `--report FILE.html` is an output path like the others (docs/ARCHITECTURE.md "Output rules" 5): checked
// before any work, refused on an input or on another output's file, exit 2, nothing written.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

describe('--report', () => {
  it('is refused on the spec itself, before the solve', async () => {
    const r = await runCli(['compile', 'examples/mul2.spec', '--report', 'examples/mul2.spec', '--no-floor']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--report/);
  });

  it('is refused on the file of another output, and nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'btfc-report-opt-'));
    const v = join(dir, 'm.v');
    const r = await runCli(['discover', 'mul', '--bits', '2', '-o', v, '--report', v]);
    expect(r.code).toBe(2);
    expect(existsSync(v)).toBe(false);
  });
});
