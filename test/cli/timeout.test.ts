// Issue 12, defect 0: `btfc discover` on a sampled 16-input threshold table (the read-back of its wide
// node used to run for over ten minutes, ignoring --timeout) ends within its timeout, plus the polishing
// share (a quarter of it, at least 2 s) and start-up. Found or not depends on the machine's speed, so
// either exit status passes; what must hold is the time, and that nothing is written but the circuit.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wideTable } from '../hostile/cases/interrupt.cases.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('discover --timeout on a table with a 16-input wide node', () => {
  it('ends within its timeout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'btfc-timeout-'));
    writeFileSync(join(dir, 'wide.pla'), wideTable(3000));
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(root, 'bin', 'btfc.js'), 'discover', 'wide.pla', '--timeout', '10', '--no-prove', '--workers', '2'], {
      cwd: dir, encoding: 'utf8', timeout: 90_000,
    });
    const s = (performance.now() - t0) / 1000;
    expect([0, 1], r.stderr).toContain(r.status);
    expect(s).toBeLessThan(10 + 2.5 + 12);
    expect(readdirSync(dir).filter((f) => f !== 'wide.pla')).toEqual(r.status === 0 ? ['wide.v'] : []);
  }, 100_000);
});
