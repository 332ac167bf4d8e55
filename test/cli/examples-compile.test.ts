// The examples a new user runs first: each compiles with the default budget to a circuit that
// `btfc verify` proves; one that cannot be solved in its budget exits 1 with a hint and writes nothing.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runCli } from './run.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = (name: string) => join(root, 'examples', `${name}.spec`);

describe('examples compile with the default budget', () => {
  it.each(['mul2', 'full_adder', 'maj3', 'dec3to8', 'sevenseg', 'partial'])('%s compiles, proves, and passes btfc verify', async (name) => {
    const dir = mkdtempSync(join(tmpdir(), 'btfc-ex-'));
    const out = join(dir, `${name}.v`);
    const r = await runCli(['compile', example(name), '-o', out, '--workers', '2']);
    expect(r.code, r.err + r.out).toBe(0);
    expect(r.out).toContain('Yosys SAT proof PASS');
    expect(r.out).toMatch(/AIG \d+ AND nodes/);
    const v = await runCli(['verify', out, example(name)]);
    expect(v.code, v.err + v.out).toBe(0);
    expect(v.out).toContain('PASS');
  });

  it('the 2-bit multiplier compiles to the optimal 8 AIG nodes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'btfc-ex-'));
    const r = await runCli(['compile', example('mul2'), '-o', join(dir, 'mul2.v'), '--workers', '2', '--no-prove']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('AIG 8 AND nodes');
  });

  it('divmod3 in a tiny budget with --no-floor exits 1 with a hint and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'btfc-ex-'));
    const out = join(dir, 'divmod3.v');
    const r = await runCli(['compile', example('divmod3'), '-o', out, '--restarts', '2', '--iterations', '300', '--workers', '2', '--no-floor']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('not solved');
    expect(r.out).toMatch(/hint: .*--hidden.*--restarts.*btfc discover/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
