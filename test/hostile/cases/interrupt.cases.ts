// Interruption and time bounds (issue 12, defects 0, 5 and 8): every stage after the solver is bounded by
// --timeout, Ctrl-C (SIGINT) or SIGTERM stops any stage promptly with 130 / 143 and writes nothing, and a
// net whose single iteration is huge still honours --timeout.
import type { HostileCase } from '../corpus.js';

const mul2 = '{root}/examples/mul2.spec';

/**
 * A 16-input threshold function (weights ±1, ±2) sampled on 3,000 distinct rows, the rest don't-care: a
 * 16-1 net with σ 16 solves it in a second, and its single node is a wide node whose small synthesis used
 * to run for minutes.
 */
export function wideTable(rows: number): string {
  let s = 12345;
  const rnd = () => { s = (Math.imul(s, 1103515245) + 12345) >>> 0; return s / 2 ** 32; };
  const n = 16;
  const w = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? -1 : 1) * (1 + (i % 2)));
  const seen = new Set<number>();
  const lines = [`.i ${n}`, '.o 1', '.type fr'];
  while (seen.size < rows) {
    const p = Math.floor(rnd() * 2 ** n);
    if (seen.has(p)) continue;
    seen.add(p);
    let sum = 0;
    let bits = '';
    for (let j = 0; j < n; j++) { const b = (p >> j) & 1; bits += b; sum += w[j]! * (b ? 1 : -1); }
    lines.push(`${bits} ${sum > 0 ? 1 : 0}`);
  }
  return `${lines.join('\n')}\n.e\n`;
}

const wide = { 'wide.pla': wideTable(3000) };
const wideCompile = ['compile', '{dir}/wide.pla', '--no-floor', '--hidden', 'none', '--sigma', '16', '--workers', '2'];
const interrupted = /interrupted: no files written/;

export const cases: HostileCase[] = [
  // Defect 0: the read-back of a 16-sender wide node is bounded (it used to run for over ten minutes).
  {
    name: 'compile a sampled 16-input threshold table (a wide node) ends within its timeout',
    args: [...wideCompile, '--timeout', '15', '--no-prove', '-o', '{dir}/w.v'], files: wide, spawn: true, timeoutMs: 60_000,
    expect: { code: 0, out: /1 node needed more than one gate/, written: ['w.v'] },
  },
  // Defect 5: interruption after the solve.
  {
    name: 'Ctrl-C during read-back and optimize: 130, nothing written',
    args: [...wideCompile, '--timeout', '60', '-o', '{dir}/w.v'], files: wide, timeoutMs: 60_000,
    signal: { name: 'SIGINT', afterErr: /solved in/, afterMs: 300 },
    expect: { code: 130, err: interrupted },
  },
  {
    name: 'SIGTERM during read-back and optimize: 143, nothing written',
    args: [...wideCompile, '--timeout', '60', '-o', '{dir}/w.v'], files: wide, timeoutMs: 60_000,
    signal: { name: 'SIGTERM', afterErr: /solved in/, afterMs: 300 },
    expect: { code: 143, err: interrupted },
  },
  {
    name: 'Ctrl-C during the Yosys proof: 130, nothing written',
    args: [...wideCompile, '--no-optimize', '-o', '{dir}/w.v'], files: wide, timeoutMs: 60_000,
    signal: { name: 'SIGINT', afterErr: /solved in/, afterMs: 1500 },
    expect: { code: 130, err: interrupted },
  },
  {
    name: 'Ctrl-C during the solve of compile: 130, nothing written',
    args: ['compile', mul2, '--hidden', '2', '--iterations', '10000000', '--restarts', '2', '-o', '{dir}/m.v'], timeoutMs: 30_000,
    signal: { name: 'SIGINT', afterMs: 1500 },
    expect: { code: 130, err: interrupted },
  },
  {
    name: 'Ctrl-C in discover: 130, the best circuit so far and where it would have gone, nothing written',
    args: ['discover', 'mul', '--bits', '2', '--timeout', '60', '--workers', '2', '-o', '{dir}/mul2.v'], timeoutMs: 60_000,
    signal: { name: 'SIGINT', afterErr: /round 2:/ },
    expect: { code: 130, err: /interrupted after \d+ rounds .*the best circuit so far of mul2 \(unproved\) was .*\nit would have been written to .*mul2\.v; no files written/ },
  },
  {
    name: 'SIGTERM in discover: 143, nothing written',
    args: ['discover', 'mul', '--bits', '2', '--timeout', '60', '--workers', '2'], timeoutMs: 60_000,
    signal: { name: 'SIGTERM', afterErr: /round 1:/ },
    expect: { code: 143, err: /no files written/ },
  },
  // Defect 8: one iteration of a huge net takes ~0.5 s; the stop check no longer waits 100 of them.
  {
    name: 'solve --hidden 100000 --timeout 3 (wasm) ends soon after its timeout',
    args: ['solve', mul2, '--hidden', '100000', '--timeout', '3', '--engine', 'wasm', '--workers', '2'], spawn: true, timeoutMs: 30_000,
    expect: { code: 1, out: /timed out/ },
  },
  {
    name: 'solve --hidden 100000 --timeout 3 (js) ends soon after its timeout',
    args: ['solve', mul2, '--hidden', '100000', '--timeout', '3', '--engine', 'js', '--workers', '2'], spawn: true, timeoutMs: 30_000,
    expect: { code: 1, out: /timed out/ },
  },
  {
    name: 'Ctrl-C while solving a net of 100,000 hidden nodes: 130 within seconds',
    args: ['solve', mul2, '--hidden', '100000', '--workers', '2'], timeoutMs: 40_000,
    signal: { name: 'SIGINT', afterErr: /4-100000-4/, afterMs: 2000 },
    expect: { code: 130, err: interrupted },
  },
];
