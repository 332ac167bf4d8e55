// A usage mistake (unknown or mistyped option, an extra positional, a value outside its choices) stops the
// run before any work: exit 2, one message, nothing written.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run.js';

const spec = new URL('../../examples/mul2.spec', import.meta.url).pathname;

describe('usage errors stop before any work', () => {
  const cases: [string, (dir: string) => string[], RegExp][] = [
    ['mistyped options', (d) => ['compile', spec, '--restart', '2', '--ouput', join(d, 'mine.v')], /Unknown arguments: restart, ouput/],
    ['an unknown flag', (d) => ['compile', spec, '--frobnicate', '-o', join(d, 'x.v')], /Unknown argument: frobnicate/],
    ['a second positional', (d) => ['compile', spec, spec, '-o', join(d, 'x.v')], /Unknown argument/],
    ['a value outside its choices', () => ['table', spec, '--format', 'verilog'], /Invalid values:[\s\S]*format[\s\S]*Choices: "text", "pla", "truth"/],
  ];
  for (const [name, argv, message] of cases) {
    it(`${name}: exit 2, nothing solved or written`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'btfc-usage-'));
      // Without a valid -o, compile would write mul2.v into the working folder.
      const hadDefault = existsSync('mul2.v');
      const run = await runCli(argv(dir));
      expect(run.code).toBe(2);
      expect(run.err).toMatch(message);
      expect(run.err).not.toMatch(/restart \d+\/|solved|wrote/);
      expect(run.out).toBe('');
      expect(readdirSync(dir)).toEqual([]);
      if (!hadDefault) expect(existsSync('mul2.v')).toBe(false);
    });
  }
});

describe('--engine', () => {
  it('is a choice of wasm and js', async () => {
    const run = await runCli(['solve', spec, '--engine', 'bogus']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/Argument: engine, Given: "bogus", Choices: "wasm", "js"/);
  });
  it('runs the same restarts to the same iterations with either engine', async () => {
    const args = ['solve', spec, '--restarts', '2', '--workers', '1', '--all'];
    const js = await runCli([...args, '--engine', 'js']);
    const wasm = await runCli([...args, '--engine', 'wasm']);
    expect(js.code).toBe(0);
    const restarts = (r: string) => r.split('\n').filter((l) => /^restart /.test(l)).map((l) => l.replace(/, [\d.]+ s$/, ''));
    expect(restarts(wasm.err + wasm.out)).toEqual(restarts(js.err + js.out));
    expect(restarts(js.err + js.out).length).toBeGreaterThanOrEqual(2);
  });
});
