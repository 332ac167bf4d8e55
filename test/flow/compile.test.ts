// `btfc compile` end to end (flow/compile.ts under the CLI), and the rule "never a wrong circuit": random small functions with random
// don't-cares either compile to a circuit that simulation and Yosys accept, or are reported unsolved.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { compileCircuit } from '../../src/flow/compile.js';
import { finish } from '../../src/flow/finish.js';
import { layeredNet } from '../../src/ir/btf-net.js';
import { TruthTable } from '../../src/ir/truth-table.js';
import { checkAgainstTable } from '../../src/gates/simulate.js';
import { closeYosys } from '../../src/verify/yosys.js';
import type { Spec } from '../../src/ir/spec.js';
import type { SolveParams } from '../../src/rrr/solve.js';

afterAll(closeYosys);
const dir = mkdtempSync(join(tmpdir(), 'btfc-compile-'));

async function btfc(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => { out += `${t}\n`; }, err: (t) => { err += `${t}\n`; }, errIsTTY: false });
  return { code, out, err };
}

describe('btfc compile', () => {
  it('compiles the 2-bit multiplier, proves it, and writes Verilog, BLIF, JSON netlist and report', async () => {
    const v = join(dir, 'mul2.v');
    const json = join(dir, 'r.json');
    const res = await btfc('compile', 'examples/mul2.spec', '-o', v, '--json', json, '--blif', join(dir, 'mul2.blif'),
      '--netlist-json', join(dir, 'mul2.json'), '--restarts', '8', '--workers', '1', '--reproducible');
    expect(res.code, res.err).toBe(0);
    expect(res.out).toMatch(/solved by restart \d+/);
    expect(res.out).toMatch(/gates: \d+ AND, \d+ OR, \d+ MAJ3, \d+ NOT/);
    expect(res.out).toContain('Yosys SAT proof PASS');
    const text = readFileSync(v, 'utf8');
    expect(text).toContain('module mul2 (');
    expect(text).toContain('input  [1:0] a');
    const rep = JSON.parse(readFileSync(json, 'utf8'));
    expect(rep).toMatchObject({ circuit: 'mul2', architecture: '4-4-4-4', solved: true, verified: { simulation: 'pass', yosys: 'pass' } });
    expect(rep.inputs).toEqual([{ name: 'a', width: 2, bus: true }, { name: 'b', width: 2, bus: true }]);
    expect(rep.gates.total).toBe(rep.gates.and + rep.gates.or + rep.gates.maj + rep.gates.not);
    expect(rep.aigNodes).toBeGreaterThanOrEqual(7);
    expect(rep.depth).toBeGreaterThanOrEqual(2);
    expect(rep.restarts.length).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'mul2.blif'), 'utf8')).toContain('.model mul2');
    // and btfc verify agrees with it
    const ver = await btfc('verify', v, 'examples/mul2.spec');
    expect(ver.code).toBe(0);
  });

  it('with --no-floor, exits 1 with a hint and writes nothing when no restart solves', async () => {
    const v = join(dir, 'never.v');
    const res = await btfc('compile', 'examples/mul2.spec', '-o', v, '--hidden', '1', '--iterations', '50', '--restarts', '1', '--workers', '1', '--no-floor');
    expect(res.code).toBe(1);
    expect(res.out).toContain('not solved');
    expect(res.out).toMatch(/--hidden.*--restarts.*btfc discover/s);
    expect(existsSync(v)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes the floor\'s proved circuit and exits 0 when no restart solves (the 3-bit multiplier, a tiny budget)', async () => {
    const v = join(dir, 'mul3.v');
    const json = join(dir, 'mul3.json');
    const res = await btfc('compile', 'examples/mul3.spec', '-o', v, '--json', json, '--iterations', '50', '--restarts', '1', '--workers', '1', '--effort', '20');
    expect(res.code, res.err).toBe(0);
    expect(res.out).toMatch(/mul3: floor: yosys expressions: RRR found nothing better \(0 of 1 restarts solved/);
    expect(res.out).toContain('Yosys SAT proof PASS');
    const rep = JSON.parse(readFileSync(json, 'utf8'));
    expect(rep).toMatchObject({ solved: false, verified: { simulation: 'pass', yosys: 'pass' }, files: [v, json] });
    // p = a * b synthesised as written (an array multiplier) beats both syntheses of the flat table.
    expect(rep.strategy).toBe('floor: yosys expressions');
    expect(rep.strategyNote).toContain('RRR found nothing better');
    expect(rep.floor.aigNodes).toBe(rep.aigNodes);
    expect(rep.floor.tries.map((t: { strategy: string }) => t.strategy)).toEqual(['yosys expressions', 'abc collapse', 'abc -g aig', 'abc &deepsyn']);
    // 'pass': read back and simulated on every care row; 37 AIG nodes from ABC, fewer after btfc's optimizer.
    expect(rep.floor.tries[0]).toMatchObject({ status: 'pass' });
    expect(rep.floor.tries[0].abcAigNodes).toBeLessThanOrEqual(40);
    expect(rep.aigNodes).toBeLessThanOrEqual(40);
    expect(readFileSync(v, 'utf8')).toMatch(/\/\/ floor: yosys expressions/);
    const ver = await btfc('verify', v, 'examples/mul3.spec');
    expect(ver.code).toBe(0);
  }, 120_000);
});

describe('never a wrong circuit', () => {
  it('random functions of ≤ 5 inputs with random care sets compile to proved circuits or report unsolved', async () => {
    let solved = 0;
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 2 }), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 64, maxLength: 64 }),
      async (n, o, bits) => {
        const t = new TruthTable(n, o);
        for (let k = 0; k < o; k++) for (let m = 0; m < t.numRows; m++) {
          const b = bits[(k * 32 + m) % 64]!;
          t.set(k, m, b === 2 ? '-' : (b as 0 | 1));
        }
        if (t.careCount() === 0) t.set(0, 0, 1);
        const spec: Spec = {
          name: 'rnd', file: 'random', table: t, solve: {},
          inputs: [{ name: 'x', width: n, bus: true }], outputs: [{ name: 'y', width: o, bus: true }],
        };
        const h = Math.max(n, o, 2);
        const net = layeredNet([n, h, h, o], 3);
        const params: SolveParams = { sigma: 3, beta: 0.2, gamma: 1e-3, iterations: 3000, gapstop: 0.01, restarts: 2, seed: 1, workers: 1, all: false, inline: true };
        const r = await compileCircuit(spec, { net, items: t.toItems(), params }, { baseline: false });
        if (!r.solved) return;
        solved++;
        expect(checkAgainstTable(r.circuit.synthesis.netlist, t)).toEqual({ ok: true });
        const done = await finish(spec, [r.circuit], { prove: true, header: [], onRefuted: 'stop' });
        expect(done.finished?.proof?.status).toBe('pass');
        expect(done.files).toEqual([]);
      }), { numRuns: 15, seed: 5 });
    console.log(`never-wrong property: ${solved} of 15 random functions solved, all proved`);
  });
});
