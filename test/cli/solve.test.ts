// `btfc solve` and `btfc bench` through the real CLI entry (main), with captured output.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { readNet } from '../../src/formats/net-io.js';
import { forward } from '../../src/ir/btf-net.js';
import { multiplierTable } from '../../src/tools/bench-solver.js';

const dir = mkdtempSync(join(tmpdir(), 'btfc-solve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const spec = join(dir, 'mul2.spec');
writeFileSync(spec, 'circuit mul2 { input a[2], b[2]; output p[4]; p = a * b; }\n');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), errIsTTY: false, signal: new AbortController().signal });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('btfc solve', () => {
  it('solves the 2×2 multiplier, writes the JSON report and the net, exit 0', async () => {
    const json = join(dir, 'r.json');
    const netFile = join(dir, 'r.net');
    const r = await run('solve', spec, '--hidden', '4,4', '--restarts', '2', '--seed', '1', '--workers', '1', '--json', json, '--net', netFile);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/solved 1 of 2 restarts/);
    expect(r.err).toMatch(/restart 2\/2 .*solved in 4,051 iterations/);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.architecture).toBe('4-4-4-4');
    expect(report.options).toMatchObject({ sigma: 3, beta: 0.2, gamma: 0.001, iterations: 10000, gapstop: 0.01, restarts: 2, seed: 1 });
    expect(report.solved).toBe(true);
    expect(report.restarts).toHaveLength(2);
    expect(report.restarts[1]).toMatchObject({ solved: true, iterations: 4051 });
    for (const k of ['seed', 'solved', 'iterations', 'gap', 'trainAccuracy']) expect(report.restarts[0]).toHaveProperty(k);
    expect(typeof report.timeMs).toBe('number');
    // the written net reproduces the table
    const { net, weights } = readNet(readFileSync(netFile, 'utf8'), netFile);
    const items = multiplierTable(2).toItems();
    for (let i = 0; i < items.count; i++) {
      const y = forward(net, weights!, items.inputs.subarray(i * 4, i * 4 + 4));
      for (let k = 0; k < 4; k++) expect(y[net.firstOutput + k]).toBe(items.targets[i * 4 + k]);
    }
  });

  it('takes its settings from the spec’s solve block, flags overriding', async () => {
    const s2 = join(dir, 'mul2b.spec');
    // Enough iterations to solve: the report is written only on success.
    writeFileSync(s2, 'circuit mul2 { input a[2], b[2]; output p[4]; p = a * b; }\nsolve { hidden 4 4; iterations 20000; restarts 4; seed 5; }\n');
    const json = join(dir, 'b.json');
    const r = await run('solve', s2, '--seed', '6', '--workers', '1', '--json', json);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.options).toMatchObject({ iterations: 20000, restarts: 4, seed: 6 });
    expect(report.optionSources).toMatchObject({ iterations: 'spec', seed: 'flag', sigma: 'default', hidden: 'spec' });
  });

  it('exits 1 and writes no net and no report when no restart solves', async () => {
    const netFile = join(dir, 'none.net');
    const json = join(dir, 'none.json');
    const r = await run('solve', spec, '--iterations', '50', '--restarts', '2', '--workers', '1', '--net', netFile, '--json', json);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/not solved/);
    expect(r.out).toContain(`${json}, ${netFile} not written: no restart solved`);
    expect(existsSync(netFile)).toBe(false);
    expect(existsSync(json)).toBe(false);
  });

  it('stops at --timeout and reports the best restart so far, exit 1', async () => {
    const r = await run('solve', spec, '--iterations', '100000000', '--gapstop', '0', '--restarts', '2', '--workers', '2', '--timeout', '0.3');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/timed out/);
    expect(r.out).toMatch(/best: restart/);
  });

  it('lists every restart with --all', async () => {
    const r = await run('solve', spec, '--restarts', '3', '--iterations', '4500', '--all', '--workers', '2');
    expect(r.code).toBe(0);
    expect(r.out.match(/^restart \d\/3/gm)).toHaveLength(3);
    expect(r.out).toMatch(/solved 2 of 3 restarts/);
  });

  it.each([
    [['--sigma', '0'], /sigma 0 is out of range/],
    [['--beta', '0'], /beta 0 is out of range/],
    [['--beta', '1.5'], /beta 1.5 is out of range/],
    [['--gamma', '-1'], /gamma -1 is out of range/],
    [['--restarts', '0'], /restarts 0 is out of range/],
    [['--iterations', '0'], /iterations 0 is out of range/],
    [['--iterations', '2.5'], /iterations 2.5 is out of range/],
    [['--workers', '0'], /workers 0 is out of range/],
    [['--timeout', '-3'], /timeout -3 is out of range/],
    [['--sigma', 'abc'], /--sigma abc is not a number/],
    [['--hidden', '3-4-4-4'], /architecture 3-4-4-4 does not fit a function of 4 inputs and 4 outputs/],
    [['--hidden', '4-4-4-5'], /does not fit/],
    [['--hidden', 'four'], /--hidden four/],
    [['--hidden', '4,4', '--max-memory', '1K'], /would need about .* more than --max-memory/],
  ])('rejects %j with exit 2', async (flags, message) => {
    const r = await run('solve', spec, ...(flags as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message as RegExp);
  });
});

describe('btfc bench', () => {
  it('runs a quick smoke benchmark and writes JSON', async () => {
    const json = join(dir, 'bench.json');
    const r = await run('bench', '--quick', '--workers', '2', '--json', json);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/4-4-4-4/);
    expect(r.out).toMatch(/6-12-12-12-6/);
    expect(r.out).toMatch(/solved \d+\/4/);
    const b = JSON.parse(readFileSync(json, 'utf8'));
    expect(b.throughput).toHaveLength(2);
    expect(b.throughput[0].js.oneWorker).toBeGreaterThan(0);
    expect(b.throughput[0].wasm.oneWorker).toBeGreaterThan(0);
    expect(b.reference.wasm.restarts).toBe(4);
    expect(b.reference.wasm.solvedAt).toEqual(b.reference.js.solvedAt);
    expect(r.out).toMatch(/the same restarts solve at the same iterations on both engines/);
  });
});
