// The WebAssembly SIMD engine against the JavaScript reference engine: same seed, same iterates, same
// solved restarts; and the committed kernel binary is the build of its source.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { layeredNet } from '../../src/ir/btf-net.js';
import { readDat } from '../../src/formats/dat.js';
import { RrrEngine } from '../../src/rrr/engine.js';
import { WasmEngine } from '../../src/rrr/wasm-engine.js';
import { Xoshiro128ss } from '../../src/rrr/prng.js';
import { solveNet } from '../../src/rrr/solve.js';
import { engineKind, simdSupported } from '../../src/rrr/engine-kind.js';
import { TruthTable } from '../../src/ir/truth-table.js';
import { readFixture } from '../fixtures.js';

function datItems(name: string) {
  return readDat(readFixture(`boolearn/${name}.dat`), `${name}.dat`).table.toItems();
}

/** Largest |difference| of iterate, metric and gap over `iterations` iterations from `seed`. */
function maxDivergence(widths: number[], name: string, seed: number, beta: number, gamma: number, iterations: number): number {
  const items = datItems(name);
  const net = layeredNet(widths, 3);
  const js = new RrrEngine(net, items, 3);
  const wasm = new WasmEngine(net, items, 3);
  js.init(new Xoshiro128ss(seed));
  wasm.init(new Xoshiro128ss(seed));
  let worst = 0;
  const diff = (a: Float64Array, b: Float64Array) => {
    for (let j = 0; j < a.length; j++) worst = Math.max(worst, Math.abs(a[j]! - b[j]!));
  };
  for (let it = 0; it < iterations; it++) {
    worst = Math.max(worst, Math.abs(js.iterate(beta, gamma) - wasm.iterate(beta, gamma)));
    const s = wasm.snapshot();
    diff(s.w, js.w);
    diff(s.x, js.x);
    diff(s.y, js.y);
    diff(s.g, js.g);
    diff(s.gapNode, js.gapNode);
    diff(wasm.wB, js.wB);
    if (!(worst <= 1e-9)) return worst;
  }
  return worst;
}

describe('WasmEngine', () => {
  it('runs on this Node (WebAssembly SIMD) and is the default engine', () => {
    expect(simdSupported()).toBe(true);
    expect(engineKind(undefined)).toBe('wasm');
    expect(engineKind('js')).toBe('js');
  });

  it('agrees with RrrEngine to 1e-9 for 1,000 iterations on the 2×2 net 4-4-4-4', () => {
    expect(maxDivergence([4, 4, 4, 4], '2x2', 1, 0.2, 1e-3, 1000)).toBeLessThanOrEqual(1e-9);
  });

  it('agrees with RrrEngine to 1e-9 for 1,000 iterations on the 3×3 net 6-12-12-12-6', () => {
    expect(maxDivergence([6, 12, 12, 12, 6], '3x3', 2, 0.1, 1e-4, 1000)).toBeLessThanOrEqual(1e-9);
  });

  it('agrees on an odd number of items with don\'t-care outputs (the last pair\'s lane 1 is a copy)', () => {
    const table = new TruthTable(3, 2);
    for (let m = 0; m < 8; m++) {
      table.set(0, m, (m & 1) as 0 | 1);
      table.set(1, m, ((m >> 1) & (m >> 2) & 1) as 0 | 1);
    }
    table.set(0, 6, '-');
    for (let k = 0; k < 2; k++) table.set(k, 7, '-');
    const items = table.toItems();
    expect(items.count % 2).toBe(1);
    const net = layeredNet([3, 3, 2], 3);
    const js = new RrrEngine(net, items, 3);
    const wasm = new WasmEngine(net, items, 3);
    js.init(new Xoshiro128ss(4));
    wasm.init(new Xoshiro128ss(4));
    for (let it = 0; it < 300; it++) expect(wasm.iterate(0.3, 1e-2)).toBe(js.iterate(0.3, 1e-2));
    expect(wasm.snapshot().w).toEqual(js.w);
    expect(wasm.correctBits(wasm.wB)).toBe(js.correctBits(js.wB));
  });

  it('solves the same restarts of the 2×2 reference task at the same iterations (40 restarts, seed 1)', async () => {
    const items = datItems('2x2');
    const params = { sigma: 3, beta: 0.2, gamma: 1e-3, iterations: 10_000, gapstop: 0.01, restarts: 40, seed: 1, workers: 1, all: true, inline: true };
    const run = async (engine: 'js' | 'wasm') => {
      const res = await solveNet(layeredNet([4, 4, 4, 4], 3), items, { ...params, engine });
      return res.stats.restarts.map((r) => `${r.restart}:${r.solved ? r.iterations : '-'}`);
    };
    const wasm = await run('wasm');
    expect(await run('js')).toEqual(wasm);
    expect(wasm.filter((s) => !s.endsWith('-')).length).toBeGreaterThan(0);
  });

  it('the committed kernel-wasm.ts is the build of rrr-kernel.ts (build.mjs --check)', () => {
    const out = execFileSync(process.execPath, [fileURLToPath(new URL('../../src/rrr/kernel/build.mjs', import.meta.url)), '--check'], { encoding: 'utf8' });
    expect(out).toContain('matches');
  });
});
