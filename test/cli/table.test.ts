// `btfc table`: the elaborated tables of the examples are the benchmark files, byte for byte.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runCli } from './run.js';
import { fixture } from '../fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const smallArith = fixture('small_arith');

describe('btfc table', () => {
  it.each([
    ['mul2', 'mul2x2'], ['mul3', 'mul3x3'], ['mul4', 'mul4x4'], ['maj5', 'maj5'], ['full_adder', 'full_adder'],
  ])('examples/%s.spec --format truth is benchmarks/small_arith/%s.truth', async (example, bench) => {
    const r = await runCli(['table', join(root, 'examples', `${example}.spec`), '--format', 'truth']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync(join(smallArith, `${bench}.truth`), 'utf8'));
  });

  it('reads a PLA and writes it back as the same function', async () => {
    const pla = await runCli(['table', join(smallArith, 'mul3x3.pla'), '--format', 'pla']);
    expect(pla.code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'btfc-'));
    writeFileSync(join(dir, 'again.pla'), pla.out);
    const truth = await runCli(['table', join(dir, 'again.pla'), '--format', 'truth']);
    expect(truth.out).toBe(readFileSync(join(smallArith, 'mul3x3.truth'), 'utf8'));
  });

  it('prints a readable table with don\'t-cares', async () => {
    const r = await runCli(['table', join(root, 'examples', 'sevenseg.spec')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/d\[3:0\]\s*\|\s*seg\[6:0\]/);
    expect(r.out).toContain('1001 (9)');
    expect(r.out).not.toContain('1010 (10)');
  });

  it('a bad spec is a diagnostic with a caret, exit 2, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'btfc-'));
    const file = join(dir, 'bad.spec');
    writeFileSync(file, 'circuit x {\n  input a;\n  output y;\n  y = a +;\n}\n');
    const r = await runCli(['table', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}:4:`);
    expect(r.err).toContain('  y = a +;');
    expect(r.err).toMatch(/\^/);
    expect(r.err).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('a missing file and an empty file are exit 2 with a clear message', async () => {
    const missing = await runCli(['table', '/nonexistent/x.spec']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file');
    const dir = mkdtempSync(join(tmpdir(), 'btfc-'));
    writeFileSync(join(dir, 'empty.spec'), '\n  \n');
    const empty = await runCli(['table', join(dir, 'empty.spec')]);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('is empty');
  });

  it('--circuit picks one circuit; without it a multi-circuit file lists the names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'btfc-'));
    const file = join(dir, 'two.spec');
    writeFileSync(file, 'circuit a1 { input x; output y; y = x; }\ncircuit b2 { input x; output y; y = !x; }\n');
    const none = await runCli(['table', file]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('a1');
    expect(none.err).toContain('b2');
    expect(none.err).toContain('--circuit');
    const b = await runCli(['table', file, '--circuit', 'b2', '--format', 'truth']);
    expect(b.code).toBe(0);
    expect(b.out).toBe('01\n');
  });

  it('usage errors are exit 2; --version and --help are exit 0', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['table'])).code).toBe(2);
    expect((await runCli(['table', 'x.spec', '--format', 'csv'])).code).toBe(2);
    const v = await runCli(['--version']);
    expect(v.code).toBe(0);
    expect(v.out.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    const h = await runCli(['table', '--help']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('--format');
  });

  it('the installed bin runs (the README quick start path)', () => {
    const out = execFileSync(process.execPath, [join(root, 'bin', 'btfc.js'), 'table', join(root, 'examples', 'mul2.spec'), '--format', 'truth'], { encoding: 'utf8' });
    expect(out).toBe(readFileSync(join(smallArith, 'mul2x2.truth'), 'utf8'));
    const bad = spawnSync(process.execPath, [join(root, 'bin', 'btfc.js'), 'table', join(root, 'README.md')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toContain('internal error');
  });
});
