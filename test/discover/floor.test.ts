// discover with the floor: a search that finds nothing still writes the floor's proved circuit, and the
// report names the strategy.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileSpec } from '../../src/lang/compile.js';
import { discover } from '../../src/discover/search.js';
import { closeYosys } from '../../src/verify/yosys.js';
import { loadSpec } from '../../src/flow/load-spec.js';

const spec = compileSpec(readFileSync('examples/mul3.spec', 'utf8'), 'examples/mul3.spec');
const dir = mkdtempSync(join(tmpdir(), 'btfc-dfloor-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeYosys();
});

describe('discover with the floor', () => {
  it('writes the floor\'s proved circuit when the search has no time to find one', async () => {
    const out = { verilog: join(dir, 'm.v'), json: join(dir, 'm.json') };
    const r = await discover(spec, { seed: 1, workers: 1, timeoutMs: 1, patience: 3, prove: true, inline: true, effort: 20, floor: true, outputs: out });
    expect(r.best?.kind).toBe('floor');
    expect(r.best?.proof?.status).toBe('pass');
    expect(r.floor?.best?.synthesis.aig.andNodes).toBe(r.best!.synthesis.aig.andNodes);
    const rep = JSON.parse(readFileSync(out.json, 'utf8'));
    expect(rep).toMatchObject({ solved: true, chosen: { kind: 'floor' }, verified: { simulation: 'pass', yosys: 'pass' } });
    expect(rep.strategy).toBe('floor: yosys expressions');
    expect(rep.floor.aigNodes).toBe(rep.aigNodes);
    expect(r.files).toEqual([out.verilog, out.json]);
  }, 120_000);

  it('writes a proved circuit of a Verilog module no larger than the module as Yosys + ABC map it', async () => {
    const design = await loadSpec('examples/alu4.v');
    const out = { verilog: join(dir, 'alu4.v'), json: join(dir, 'alu4.json') };
    const r = await discover(design, { seed: 1, workers: 1, timeoutMs: 1, patience: 3, prove: true, inline: true, effort: 20, floor: true, outputs: out });
    expect(r.best?.proof?.status).toBe('pass');
    const tried = r.floor!.tries.find((t) => t.strategy === 'design');
    expect(tried?.status).toBe('pass');
    expect(r.best!.synthesis.aig.andNodes).toBeLessThanOrEqual(tried!.abcAigNodes!);
    expect(readFileSync(out.verilog, 'utf8')).toMatch(/module alu4\s*\(/);
  }, 180_000);
});
