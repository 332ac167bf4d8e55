// `btfc discover` through the real CLI entry: a short real search of the 2×2 multiplier, and bad input.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'btfc-discover-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('btfc discover', () => {
  it('mul --bits 2 finds a proved circuit of at most 10 AIG nodes within 20 s on 2 workers', async () => {
    const v = join(dir, 'mul2.v');
    const json = join(dir, 'mul2.json');
    const r = await runCli(['discover', 'mul', '--bits', '2', '--timeout', '20', '--workers', '2', '-o', v, '--json', json]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Yosys SAT proof PASS/);
    expect(r.out).toMatch(/^architecture\s+σ\s+β/m);
    expect(r.err).toMatch(/^round 1: /m);
    const rep = JSON.parse(readFileSync(json, 'utf8'));
    expect(rep.verified).toEqual({ simulation: 'pass', yosys: 'pass' });
    expect(rep.aigNodes).toBeLessThanOrEqual(10);
    expect(rep.search.length).toBeGreaterThan(0);
    expect(rep.chosen.architecture).toMatch(/^4-/);
    expect(readFileSync(v, 'utf8')).toMatch(/module mul2/);
  }, 60_000);

  it('bad input is exit 2 and writes nothing', async () => {
    const out = join(dir, 'bad.v');
    for (const args of [
      ['discover', 'frobnicate', '-o', out],
      ['discover', 'mul', '--bits', '0', '-o', out],
      ['discover', 'mul', '-o', out],
      ['discover', 'maj', '--bits', '5', '-o', out],
      ['discover', 'mul', '--bits', '2', '--timeout', '0', '-o', out],
      ['discover', 'examples/mul2.spec', '--bits', '2', '-o', out],
    ]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(/error/);
    }
    expect(existsSync(out)).toBe(false);
  });
});
