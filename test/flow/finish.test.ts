// flow/finish.ts, the one end of compile and discover: it writes every output at once and only a circuit
// that passed simulation (and, when asked, the Yosys proof); a refuted proof stops compile and makes
// discover try its next circuit. The proof is replaced by a refutation where a test says so: a real one
// would need a bug in btfc; so is a proof that could not run (Yosys failing), which writes nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileSpec } from '../../src/lang/compile.js';
import { compileCircuit, type CompiledCircuit } from '../../src/flow/compile.js';
import { finish } from '../../src/flow/finish.js';
import { layeredNet } from '../../src/ir/btf-net.js';
import { TruthTable } from '../../src/ir/truth-table.js';
import { InternalError } from '../../src/util/internal-error.js';
import { UserError } from '../../src/util/diagnostics.js';
import { closeYosys } from '../../src/verify/yosys.js';
import type { Spec } from '../../src/ir/spec.js';

/** Rows the next proofs are refuted at (empty: the real proof). */
const refute = vi.hoisted(() => ({ rows: [] as number[], errors: 0 }));
vi.mock('../../src/verify/certify.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/verify/certify.js')>();
  return {
    ...real,
    certify: async (...args: Parameters<typeof real.certify>) => {
      if (refute.errors > 0) {
        refute.errors--;
        return { proof: { status: 'error', message: "ERROR: input buffer overflow, can't enlarge buffer", log: '', timeMs: 1 }, aigNodes: 0, depth: 0, proveMs: 1, statsMs: 0 };
      }
      const row = refute.rows.shift();
      if (row === undefined) return real.certify(...args);
      return { proof: { status: 'fail', cex: { row, outputs: [] }, timeMs: 1 }, aigNodes: 0, depth: 0, proveMs: 1, statsMs: 0 };
    },
  };
});

const spec = compileSpec(readFileSync('examples/full_adder.spec', 'utf8'), 'examples/full_adder.spec');
const dir = mkdtempSync(join(tmpdir(), 'btfc-finish-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeYosys();
});

let circuit: CompiledCircuit;
beforeAll(async () => {
  const params = { sigma: 3, beta: 0.2, gamma: 1e-3, iterations: 5000, gapstop: 0.01, restarts: 2, seed: 1, workers: 1, all: false, inline: true, fitStop: true };
  const r = await compileCircuit(spec, { net: layeredNet([3, 3, 3, 2], 3), items: spec.table.toItems(), params }, { baseline: false, effort: 50 });
  if (!r.solved) throw new Error('the full adder did not solve');
  circuit = r.circuit;
}, 30_000);

const outputs = (name: string) => ({
  verilog: join(dir, `${name}.v`), blif: join(dir, `${name}.blif`), netlistJson: join(dir, `${name}.net.json`), json: join(dir, `${name}.json`),
});
const leftovers = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('finish', () => {
  it('proves a circuit, then writes Verilog, BLIF, JSON netlist and the report, listing them in order', async () => {
    const out = outputs('ok');
    let seen: string[] = [];
    const done = await finish(spec, [circuit], {
      prove: true, header: ['a header line'], onRefuted: 'stop', outputs: out,
      report: (c, files) => { seen = [...files]; return `${JSON.stringify({ proof: c.finished?.proof?.status })}\n`; },
    });
    expect(done.files).toEqual([out.verilog, out.blif, out.netlistJson, out.json]);
    expect(seen).toEqual(done.files);
    expect(done.finished?.proof?.status).toBe('pass');
    expect(done.refutations).toEqual([]);
    const v = readFileSync(out.verilog, 'utf8');
    expect(v).toBe(done.finished!.verilog);
    // The common header, then where the circuit came from; BLIF gets the common header only.
    expect(v.indexOf('a header line')).toBeLessThan(v.indexOf(circuit.origin[0]!));
    expect(readFileSync(out.blif, 'utf8')).toContain('a header line');
    expect(readFileSync(out.blif, 'utf8')).not.toContain('solved by restart');
    expect(JSON.parse(readFileSync(out.json, 'utf8'))).toEqual({ proof: 'pass' });
    expect(leftovers()).toEqual([]);
  }, 60_000);

  it('refuses to write anything for a circuit that fails simulation', async () => {
    // The same ports, one cared-for output bit flipped: the circuit is now wrong on that row.
    const wrong: Spec = { ...spec, table: flipped(spec.table, 0, 5) };
    const out = outputs('wrong');
    await expect(finish(wrong, [circuit], { prove: false, header: [], onRefuted: 'next', outputs: out, report: () => '{}\n' }))
      .rejects.toThrow(InternalError);
    await expect(finish(wrong, [circuit], { prove: false, header: [], onRefuted: 'next', outputs: out, report: () => '{}\n' }))
      .rejects.toThrow(/fails simulation at row 5, output 0/);
    for (const f of Object.values(out)) expect(existsSync(f)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('stops on a refuted proof under "stop", writing nothing', async () => {
    refute.rows = [3];
    const out = outputs('stop');
    await expect(finish(spec, [circuit, circuit], { prove: true, header: [], onRefuted: 'stop', outputs: out, report: () => '{}\n' }))
      .rejects.toThrow('Yosys refutes the circuit that passed simulation, at row 3');
    for (const f of Object.values(out)) expect(existsSync(f)).toBe(false);
  });

  it('tries the next circuit on a refuted proof under "next", and reports the refutation', async () => {
    refute.rows = [6];
    const out = { verilog: join(dir, 'next.v'), json: join(dir, 'next.json') };
    const second: CompiledCircuit = { ...circuit, describe: 'the second one' };
    const first: CompiledCircuit = { ...circuit, describe: 'the first one' };
    const done = await finish(spec, [first, second], {
      prove: true, header: [], onRefuted: 'next', outputs: out, report: (c) => `${JSON.stringify(c.refutations)}\n`,
    });
    expect(done.refutations).toEqual(['the circuit of the first one passed simulation but Yosys refutes it at row 6: this is a bug in btfc']);
    expect(done.finished?.circuit.describe).toBe('the second one');
    expect(done.files).toEqual([out.verilog, out.json]);
    expect(JSON.parse(readFileSync(out.json, 'utf8'))).toEqual(done.refutations);
  }, 60_000);

  it('writes nothing when the proof could not run (issue 12, defect 7), under "stop" and "next" alike', async () => {
    for (const onRefuted of ['stop', 'next'] as const) {
      refute.errors = 2;
      const out = outputs(`unavailable-${onRefuted}`);
      const run = finish(spec, [circuit, circuit], { prove: true, header: [], onRefuted, outputs: out, report: () => '{}\n' });
      const err = await run.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).exitCode).toBe(1);
      expect((err as UserError).message).toMatch(/Yosys could not prove the circuit of .*input buffer overflow.*nothing was written/);
      expect((err as UserError).diagnostics[0]!.hint).toMatch(/--no-prove/);
      for (const f of Object.values(out)) expect(existsSync(f)).toBe(false);
      refute.errors = 0;
    }
    // --no-prove: no proof asked for, so the circuit checked by simulation is written.
    const out = outputs('no-prove');
    const done = await finish(spec, [circuit], { prove: false, header: [], onRefuted: 'stop', outputs: out, report: () => '{}\n' });
    expect(done.files).toContain(out.verilog);
    expect(existsSync(out.verilog)).toBe(true);
  });

  it('writes nothing, not even the report, when no circuit passes', async () => {
    refute.rows = [1];
    const out = { verilog: join(dir, 'none.v'), json: join(dir, 'none.json') };
    const done = await finish(spec, [circuit], { prove: true, header: [], onRefuted: 'next', outputs: out, report: () => '{}\n' });
    expect(done.finished).toBeUndefined();
    expect(done.files).toEqual([]);
    expect(existsSync(out.verilog)).toBe(false);
    expect(existsSync(out.json)).toBe(false);
    const nothing = await finish(spec, [], { prove: true, header: [], onRefuted: 'stop', outputs: out, report: () => '{}\n' });
    expect(nothing).toMatchObject({ refutations: [], files: [] });
    expect(nothing.finished).toBeUndefined();
    expect(existsSync(out.json)).toBe(false);
  });

  it('sends `-` to the stdout sink, after the files are in place', async () => {
    const out = { verilog: '-', json: join(dir, 'stdout.json') };
    let printed = '';
    const done = await finish(spec, [circuit], {
      prove: false, header: [], onRefuted: 'stop', outputs: { ...out, stdout: (t) => { printed += t; } }, report: () => '{}\n',
    });
    expect(done.files).toEqual(['-', out.json]);
    expect(printed).toBe(done.finished!.verilog);
    expect(readdirSync(dir)).not.toContain('-');
  });
});

/** A copy of `t` with output k's value on row m flipped. */
function flipped(t: TruthTable, k: number, m: number): TruthTable {
  const c = new TruthTable(t.numInputs, t.numOutputs);
  for (let o = 0; o < t.numOutputs; o++) {
    for (let r = 0; r < t.numRows; r++) if (t.isCare(o, r)) c.set(o, r, (o === k && r === m ? 1 - t.value(o, r) : t.value(o, r)) as 0 | 1);
  }
  return c;
}
