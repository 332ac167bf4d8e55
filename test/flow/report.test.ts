// flow/report.ts, the JSON report of compile and discover: built from real runs, its fields in their
// documented order, the shared part the same for both commands, and the figures those of the run.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileSpec } from '../../src/lang/compile.js';
import { compile, compileSetup } from '../../src/flow/compile.js';
import { discover } from '../../src/discover/search.js';
import { closeYosys } from '../../src/verify/yosys.js';

const spec = compileSpec(readFileSync('examples/full_adder.spec', 'utf8'), 'examples/full_adder.spec');
const dir = mkdtempSync(join(tmpdir(), 'btfc-report-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeYosys();
});

const head = ['spec', 'circuit', 'inputs', 'outputs'];
const circuitKeys = ['gates', 'aigNodes', 'depth', 'verified'];
const synthesisKeys = ['extract', 'simplify', 'optimize'];

describe('JSON report', () => {
  it('of a real compile: its fields in order, the figures of the circuit written', async () => {
    const setup = compileSetup({ restarts: 4, workers: 1, hidden: '3,3' }, spec);
    const out = { verilog: join(dir, 'fa.v'), json: join(dir, 'fa.json') };
    const r = await compile(spec, setup, { prove: true, baseline: false, header: ['h'], effort: 100, outputs: out });
    expect(r.solved).toBe(true);
    const rep = JSON.parse(readFileSync(out.json, 'utf8'));
    expect(Object.keys(rep)).toEqual([...head, 'architecture', 'options', 'solved', 'fitted', 'restart', 'restarts', 'strategy', 'strategyNote', 'floor', 'windows', ...circuitKeys,
      ...synthesisKeys, 'timeMs', 'files']);
    expect(rep).toMatchObject({
      spec: 'examples/full_adder.spec', circuit: 'full_adder', architecture: '3-3-3-2', solved: true,
      verified: { simulation: 'pass', yosys: 'pass' }, files: [out.verilog, out.json],
      aigNodes: r.finished!.finished!.aigNodes, depth: r.finished!.finished!.depth,
    });
    // compile's defaults are in the options it solved with.
    expect(rep.options).toMatchObject({ restarts: 4, workers: 1, deterministicWinner: true, fitStop: true });
    expect(rep.restart).toBe(r.solved ? r.circuit.restart : null);
    expect(rep.restarts).toHaveLength(r.solve.stats.restarts.length);
    // Every restart carries its solver curve (issue 13): rising iterations up to the last one run.
    for (const x of rep.restarts as { iterations: number; curve: { iterations: number[]; gap: number[]; accuracy: number[] } }[]) {
      expect(x.curve.iterations.at(-1)).toBe(x.iterations);
      expect(x.curve.iterations.every((it, k) => k === 0 || it > x.curve.iterations[k - 1]!)).toBe(true);
      expect(x.curve.gap).toHaveLength(x.curve.iterations.length);
      expect(x.curve.accuracy.every((a) => a >= 0 && a <= 1)).toBe(true);
    }
    expect(rep.gates.total).toBe(rep.gates.and + rep.gates.or + rep.gates.maj + rep.gates.not);
    expect(rep).toMatchObject({ strategy: 'rrr: 3-3-3-2 σ3', floor: null });
    expect(Object.keys(rep.timeMs)).toEqual(['floor', 'solve', 'windows', 'extract', 'simplify', 'optimize', 'simulate', 'prove', 'stats', 'baseline', 'total']);
    expect(rep.timeMs.total).toBeGreaterThanOrEqual(rep.timeMs.solve + rep.timeMs.prove);
  }, 60_000);

  it('of an unsolved compile: not written (a run that fails writes nothing, docs/ARCHITECTURE.md "Output rules")', async () => {
    const setup = compileSetup({ restarts: 1, workers: 1, hidden: 'none', iterations: 50 }, spec);
    const out = { verilog: join(dir, 'never.v'), json: join(dir, 'never.json') };
    const r = await compile(spec, setup, { prove: true, baseline: false, header: [], outputs: out });
    expect(r.solved).toBe(false);
    expect(r.finished?.files).toEqual([]);
    expect(existsSync(out.json)).toBe(false);
    expect(existsSync(out.verilog)).toBe(false);
  }, 30_000);

  it('of a real discover: the shared fields in the same order, then the search', async () => {
    const out = { verilog: join(dir, 'd.v'), json: join(dir, 'd.json') };
    const r = await discover(spec, { seed: 1, workers: 2, timeoutMs: 20_000, patience: 3, prove: false, inline: true, effort: 100, outputs: out });
    const rep = JSON.parse(readFileSync(out.json, 'utf8'));
    expect(Object.keys(rep)).toEqual([...head, 'options', 'solved', 'architecture', 'chosen', 'strategy', 'floor', 'windows', ...circuitKeys, ...synthesisKeys,
      'search', 'stoppedBy', 'rounds', 'circuitsFound', 'aigNodesFound', 'timeMs', 'files']);
    expect(rep).toMatchObject({
      options: { timeout: 20, seed: 1, workers: 2, patience: 3, prove: false }, solved: true,
      verified: { simulation: 'pass', yosys: 'skipped' }, aigNodes: r.best!.aigNodes, stoppedBy: r.stoppedBy, rounds: r.rounds,
      circuitsFound: r.circuits.length, files: [out.verilog, out.json],
    });
    expect(rep.chosen).toMatchObject({ kind: 'net', architecture: r.best!.architecture, round: r.best!.round });
    expect(rep.search).toEqual(JSON.parse(JSON.stringify(r.rows)));
    expect(rep.aigNodesFound).toEqual(r.circuits.map((c) => c.synthesis.aig.andNodes));
    expect(rep.timeMs.total).toBeGreaterThanOrEqual(rep.timeMs.search);
    expect(readFileSync(out.verilog, 'utf8')).toBe(r.best!.verilog);
    expect(r.files).toEqual([out.verilog, out.json]);
  }, 60_000);
});
