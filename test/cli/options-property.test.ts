// Random option lists against the CLI (issue 12: "a property test drives the CLI with random option lists"):
// valid and invalid names and values of the solver's flags and the output paths, on the 2×2 multiplier
// with small budgets, in-process. Whatever the list: the exit status is 0, 1, 2 or 130, stderr holds no
// stack trace, nothing escapes as an exception, and nothing is written unless the status is 0 (the spec is
// never touched; on 0, only files the options named).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runCli } from './run.js';

const SPEC = readFileSync('examples/mul2.spec', 'utf8');

const num = (valid: fc.Arbitrary<number>) => fc.oneof(
  valid.map(String),
  fc.constantFrom('0', '-1', '-5', 'abc', '', 'NaN', 'Infinity', '1e309', '0x10', '1.5', '2,', ' 3', '-'),
);

/** A solver option (name and value tokens); `{dir}` is the run's folder. */
const solverOption: fc.Arbitrary<readonly string[]> = fc.oneof(
  num(fc.double({ min: 0.5, max: 20, noNaN: true })).map((v) => ['--sigma', v]),
  num(fc.double({ min: 0.01, max: 1, noNaN: true })).map((v) => ['--beta', v]),
  num(fc.integer({ min: 1, max: 3 })).map((v) => ['--restarts', v]),
  num(fc.integer({ min: 1, max: 50 })).map((v) => ['--iterations', v]),
  num(fc.double({ min: 0.01, max: 2, noNaN: true })).map((v) => ['--timeout', v]),
  num(fc.integer({ min: 0, max: 2 ** 31 })).map((v) => ['--seed', v]),
  fc.oneof(fc.constantFrom('4,4', '2', 'none', '4-4-4-4', '3,3,3', '', '4,,4', '-1', 'abc', '0', '100000000'),
    fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }).map((w) => w.join(','))).map((v) => ['--hidden', v]),
);

/** An output option, a switch or an unknown flag; these may repeat (`-o a -o b` is refused). */
const otherOption: fc.Arbitrary<readonly string[]> = fc.oneof(
  fc.constantFrom('{dir}/out.v', '', '-', '{dir}/nodir/x.v', '{dir}', '{dir}/m.spec', '{dir}/r.json', '{dir}/out/').map((v) => ['-o', v]),
  fc.constantFrom('{dir}/r.json', '', '-', '{dir}/out.v', '{dir}/m.spec', '{dir}/nodir/r.json').map((v) => ['--json', v]),
  fc.constantFrom('{dir}/o.blif', '', '-', '{dir}/out.v', '{dir}/nodir/o.blif').map((v) => ['--blif', v]),
  fc.constantFrom(['--frobnicate'], ['--restart', '2'], ['--ouput', 'x.v'], ['-x'], ['--no-such-flag=1'], ['extra-positional'],
    ['--no-prove'], ['--all'], ['--workers', '1'], ['--workers', '0'], ['--engine', 'js'], ['--engine', 'gpu']),
);

// Solver flags once each: a repeated one is the option parser's to refuse (--sigma 3 --sigma 4).
const options = fc.tuple(fc.uniqueArray(solverOption, { maxLength: 4, selector: (o) => o[0] }), fc.array(otherOption, { maxLength: 3 }))
  .map(([a, b]) => [...a, ...b]);
const list = fc.tuple(fc.constantFrom('compile', 'solve'), options);

describe('the CLI under random option lists', () => {
  it('exits 0, 1, 2 or 130, never with a stack trace, and writes nothing unless it exits 0', async () => {
    await fc.assert(fc.asyncProperty(list, async ([command, opts]) => {
      const dir = mkdtempSync(join(tmpdir(), 'btfc-options-'));
      try {
        const spec = join(dir, 'm.spec');
        copyFileSync('examples/mul2.spec', spec);
        // -o first so that a run without one does not write mul2.v into the working directory.
        const base = command === 'compile' ? ['-o', '{dir}/out.v', '--workers', '1', '--no-prove', '--effort', '5'] : ['--workers', '1'];
        const args = [command, spec, ...base, ...opts.flat()].map((a) => a.replaceAll('{dir}', dir));
        const r = await runCli(args);
        expect([0, 1, 2, 130], `status of btfc ${args.join(' ')}\n${r.err}`).toContain(r.code);
        expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
        expect(r.err).not.toMatch(/internal error/i);
        expect(readFileSync(spec, 'utf8')).toBe(SPEC);
        const written = readdirSync(dir).filter((n) => n !== 'm.spec');
        if (r.code !== 0) {
          expect(written, `btfc ${args.join(' ')} exited ${r.code}`).toEqual([]);
        } else {
          const named = new Set(args.filter((a) => a.startsWith(dir)).map((a) => basename(a)));
          for (const w of written) expect(named.has(w), `${w} was not asked for`).toBe(true);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }), { numRuns: 120, seed: 12 });
  }, 120_000);
});
