// The solver option table (ir/solve-options.ts) against what is generated from it: every option is a
// flag, every spec option a `solve { }` key, and every default lies in its option's range.
import { describe, expect, it } from 'vitest';
import yargs from 'yargs';
import {
  NUMBER_OPTIONS, SOLVE_OPTIONS, SPEC_OPTIONS, checkRange, defaultOf, flagName, formatBytes, parseBytes,
  type NumberOption, type SolveOption,
} from '../../src/ir/solve-options.js';
import { addSolveFlags } from '../../src/cli/solve-flags.js';
import { compileSpec } from '../../src/lang/compile.js';
import { UserError } from '../../src/util/diagnostics.js';

const circuit = 'circuit m {\n  input a, b;\n  output y;\n  y = a & b;\n}\n';

/** A valid value of each option, as flag text and as the value it parses to. */
function sample(o: SolveOption): { text: string; value: unknown } {
  switch (o.kind) {
    case 'int': case 'float': {
      const v = o.range.max ?? o.range.min + 2;
      return { text: String(v), value: v };
    }
    case 'bytes': return { text: '8G', value: '8G' };
    case 'switch': return { text: '', value: true };
    case 'layers': return { text: '4,4', value: '4,4' };
    case 'choice': return { text: o.choices.at(-1)!, value: o.choices.at(-1) };
  }
}

describe('the solver option table', () => {
  it('names each option once, as a spec key and as a flag', () => {
    const names = SOLVE_OPTIONS.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(SOLVE_OPTIONS.map(flagName)).size).toBe(names.length);
    expect(flagName(SOLVE_OPTIONS.find((o) => o.name === 'maxMemory')!)).toBe('max-memory');
  });

  it('has every constant default within its option\'s range', () => {
    for (const o of NUMBER_OPTIONS) {
      const d = defaultOf(o);
      if (d !== undefined) expect(checkRange(o, d), o.name).toBe(true);
    }
    for (const o of SOLVE_OPTIONS) if (o.kind === 'bytes') expect(parseBytes(o.default)).toBeGreaterThan(0);
  });

  it('checks ranges by kind: integers, finite numbers, open and closed ends', () => {
    const by = (name: string) => NUMBER_OPTIONS.find((o) => o.name === name)! as NumberOption;
    expect([0, 1e-9, 1, 1.0000001].map((v) => checkRange(by('beta'), v))).toEqual([false, true, true, false]);
    expect([-1, 0, 2, 1.5, NaN].map((v) => checkRange(by('seed'), v))).toEqual([false, true, true, false, false]);
    expect([0, 1e-300, Infinity, NaN].map((v) => checkRange(by('sigma'), v))).toEqual([false, true, false, false]);
    expect([-0.1, 0].map((v) => checkRange(by('gamma'), v))).toEqual([false, true]);
  });

  it('makes every option a flag that parses to its table name', () => {
    for (const o of SOLVE_OPTIONS) {
      const s = sample(o);
      const argv = [`--${flagName(o)}`, ...(s.text ? [s.text] : [])];
      const parsed = addSolveFlags(yargs().strict()).parseSync(argv) as Record<string, unknown>;
      expect(parsed[o.name], o.name).toEqual(s.value);
    }
  });

  it('leaves a flag that was not given undefined, so the spec can show through', () => {
    const parsed = addSolveFlags(yargs()).parseSync([]) as Record<string, unknown>;
    for (const o of SOLVE_OPTIONS) expect(parsed[o.name], o.name).toBeUndefined();
  });

  it('takes a command\'s own subset, order, help and defaults', () => {
    const parsed = addSolveFlags(yargs(), { names: ['timeout', 'seed'], override: { timeout: { default: 60, describe: 'seconds' } } })
      .parseSync([]) as Record<string, unknown>;
    expect(parsed.timeout).toBe(60);
    expect(parsed.seed).toBeUndefined();
  });

  it('makes every spec option a `solve { }` key', () => {
    const specNames = SPEC_OPTIONS.map((o) => o.name);
    expect(specNames).toContain('hidden');
    for (const o of SPEC_OPTIONS) {
      const value = o.kind === 'layers' ? [3, 2] : NUMBER_OPTIONS.find((n) => n.name === o.name)!.range.min + 1;
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      const spec = compileSpec(`solve { ${o.name} ${text}; }\n${circuit}`, 'test.spec');
      expect(spec.solve[o.name], o.name).toEqual(value);
    }
  });

  it('rejects an out-of-range spec value with the table\'s words', () => {
    for (const o of NUMBER_OPTIONS.filter((n) => n.spec)) {
      const bad = o.range.minOpen ? o.range.min : o.range.min - 1;
      expect(() => compileSpec(`solve { ${o.name} ${bad}; }\n${circuit}`, 'test.spec'), o.name).toThrow(UserError);
    }
  });

  it('parses and prints sizes', () => {
    expect(parseBytes('4G')).toBe(4 * 1024 ** 3);
    expect(parseBytes('512MiB')).toBe(512 * 1024 ** 2);
    expect(parseBytes('1e9')).toBe(1e9);
    expect(() => parseBytes('lots')).toThrow(UserError);
    expect(() => parseBytes('0')).toThrow(UserError);
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.00 GiB');
    expect(formatBytes(100)).toBe('100 bytes');
  });
});

describe('the solver\'s own argument check', () => {
  it('rejects, from the same table, a value the CLI would refuse', async () => {
    const { solveNet } = await import('../../src/rrr/solve.js');
    const { layeredNet } = await import('../../src/ir/btf-net.js');
    const { multiplierTable } = await import('../../src/tools/bench-solver.js');
    const items = multiplierTable(2).toItems();
    const params = { sigma: 3, beta: 0.2, gamma: 1e-3, iterations: 100, gapstop: 0.01, restarts: 1, seed: 1, workers: 1, all: false, inline: true };
    for (const [name, bad] of [['beta', 2], ['iterations', 1.5], ['seed', -1], ['workers', 0]] as const) {
      await expect(solveNet(layeredNet([4, 4, 4, 4], 3), items, { ...params, [name]: bad }), name)
        .rejects.toThrow(`solveNet: ${name} = ${bad} is out of range`);
    }
  });
});
