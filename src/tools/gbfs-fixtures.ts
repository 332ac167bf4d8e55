// Writes test/fixtures/gbfs/{pla,tt}/: the General Boolean Function Benchmark Suite (GBFS) functions, computed
// from their definitions. The suite states no licence, so its files are not copied into the repository: this
// generator recomputes every table from the arithmetic it describes (adders, adder/subtractors, ALUs,
// demultiplexers, even parity, identity and magnitude comparators, multipliers) and prints it in the suite's
// own layouts, with its port names. Run after the build: `npm run fixtures:gbfs`. A test regenerates the files
// in memory and compares them with the fixtures, so they cannot drift from this definition.
//
// Layouts (as in the suite):
// - `.tt`: `.model`, `.i`, `.o`, `.ilb`, `.ob`, then one line per row m in ascending order, the row number
//   written in binary most significant bit first (so the LAST column is the first .ilb name), a space, and
//   the outputs with the first .ob name leftmost; ends with `.end` and a newline.
// - `.pla` (espresso, no .type, i.e. fd): column j is the j-th .ilb name; each product term drives exactly
//   one output (outputs in .ob order), the terms of one output an irredundant prime cover listed in
//   lexicographic order with '-' < '0' < '1'; ends with `.e` and no newline. The suite's own covers came from a
//   minimizer whose choice among equally small covers (and order) is its own: where an output's minimum
//   cover is unique and sorts this way (demux, epar, icomp, mcomp) the file is the suite's byte for byte;
//   elsewhere the function is the same but the cover may differ.

import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFilesAtomic } from '../util/fs-atomic.js';
import { intervalCover } from '../gates/isop.js';

/** One benchmark: its file name, .model name, port bit names, and output k of row m (bit j of m = input j). */
export interface GbfsBenchmark {
  readonly name: string;
  readonly model: string;
  readonly ilb: readonly string[];
  readonly ob: readonly string[];
  readonly outputs: (m: number) => readonly (0 | 1)[];
}

const bus = (name: string, width: number): string[] => Array.from({ length: width }, (_, i) => `${name}[${i}]`);
const bitsOf = (value: number, width: number): (0 | 1)[] =>
  Array.from({ length: width }, (_, k) => ((value >> k) & 1) as 0 | 1);
const field = (m: number, lo: number, width: number): number => (m >> lo) & ((1 << width) - 1);

/** A + B + Ci, n + 1 bits. */
function add(n: number): GbfsBenchmark {
  return {
    name: `add${n}`, model: 'full_adder_unsigned', ilb: [...bus('A', n), ...bus('B', n), 'Ci'], ob: bus('O', n + 1),
    outputs: (m) => bitsOf(field(m, 0, n) + field(m, n, n) + field(m, 2 * n, 1), n + 1),
  };
}

/** T ? A − B : A + B, modulo 2^(n+1) (the top bit is the carry, or the borrow). */
function addSub(n: number): GbfsBenchmark {
  return {
    name: `add_sub${n}`, model: 'addsub_unsigned', ilb: [...bus('A', n), ...bus('B', n), 'T'], ob: bus('O', n + 1),
    outputs: (m) => {
      const a = field(m, 0, n);
      const b = field(m, n, n);
      return bitsOf((field(m, 2 * n, 1) ? a - b : a + b) & ((1 << (n + 1)) - 1), n + 1);
    },
  };
}

/**
 * The suite's ALU: SEL 0 A&B, 1 A|B, 2 A^B, 3 A+B, otherwise A−B; CARRY is bit n of the sum or difference (0 for
 * the bitwise operations). O has `outWidth` bits: n + 1 in alu3/alu4 (the top bit always 0), n in alu5/alu6.
 */
function alu(n: number, outWidth: number): GbfsBenchmark {
  return {
    name: `alu${n}`, model: 'alu', ilb: [...bus('SEL', 3), ...bus('A', n), ...bus('B', n)], ob: ['CARRY', ...bus('O', outWidth)],
    outputs: (m) => {
      const sel = field(m, 0, 3);
      const a = field(m, 3, n);
      const b = field(m, 3 + n, n);
      const r = sel === 0 ? a & b : sel === 1 ? a | b : sel === 2 ? a ^ b : sel === 3 ? a + b : (a - b) & ((1 << (n + 1)) - 1);
      return [sel < 3 ? 0 : ((r >> n) & 1) as 0 | 1, ...bitsOf(r & ((1 << n) - 1), outWidth)];
    },
  };
}

/** OUT[i] = A when ADDR = i. */
function demux(addrBits: number): GbfsBenchmark {
  const n = 1 << addrBits;
  return {
    name: `demux${n}`, model: 'demux', ilb: ['A', ...bus('ADDR', addrBits)], ob: bus('OUT', n),
    outputs: (m) => Array.from({ length: n }, (_, i) => (m & 1 && m >> 1 === i ? 1 : 0)),
  };
}

/** The even-parity bit: 1 when an odd number of inputs are 1 (so all n + 1 bits have even parity). */
function epar(n: number): GbfsBenchmark {
  const parity = (m: number): 0 | 1 => { let p = 0; for (let x = m; x; x &= x - 1) p ^= 1; return p as 0 | 1; };
  return { name: `epar${n}`, model: 'parity_even', ilb: bus('A', n), ob: ['O'], outputs: (m) => [parity(m)] };
}

/** For each pair j < i (j outer), three outputs A[j] < A[i], A[j] = A[i], A[j] > A[i]. */
function icomp(n: number): GbfsBenchmark {
  const pairs: [number, number][] = [];
  for (let j = 0; j < n - 1; j++) for (let i = j + 1; i < n; i++) pairs.push([j, i]);
  return {
    name: `icomp${n}`, model: 'identity_comp', ilb: bus('A', n), ob: bus('O', 3 * pairs.length),
    outputs: (m) => pairs.flatMap(([j, i]) => {
      const a = (m >> j) & 1;
      const b = (m >> i) & 1;
      return [+(a < b), +(a === b), +(a > b)] as (0 | 1)[];
    }),
  };
}

/** A < B, A = B, A > B. */
function mcomp(n: number): GbfsBenchmark {
  return {
    name: `mcomp${n}`, model: 'mcomp', ilb: [...bus('A', n), ...bus('B', n)], ob: ['LT', 'EQ', 'GT'],
    outputs: (m) => {
      const a = field(m, 0, n);
      const b = field(m, n, n);
      return [+(a < b), +(a === b), +(a > b)] as (0 | 1)[];
    },
  };
}

/** A · B, 2n bits. */
function mul(n: number): GbfsBenchmark {
  return {
    name: `mul${n}`, model: 'multiplier_unsigned', ilb: [...bus('A', n), ...bus('B', n)], ob: bus('P', 2 * n),
    outputs: (m) => bitsOf(field(m, 0, n) * field(m, n, n), 2 * n),
  };
}

/**
 * The suite's benchmarks of at most 16 inputs (add8, alu7 and alu8, with 17 to 19, are left out: their files
 * alone would be larger than all the others together).
 */
export function gbfsBenchmarks(): GbfsBenchmark[] {
  return [
    ...[3, 4, 5, 6, 7].map(add), addSub(3), addSub(4),
    alu(3, 4), alu(4, 5), alu(5, 5), alu(6, 6),
    ...[3, 4, 5, 6].map(demux), ...[8, 9, 10, 11].map(epar),
    ...[3, 4, 5, 6, 7, 8, 9].map(icomp), ...[3, 4, 5, 6].map(mcomp), mul(3), mul(4),
  ];
}

/** Each output's full table: tables[k][m] = output k at row m. */
function tablesOf(b: GbfsBenchmark): Uint8Array[] {
  const rows = 1 << b.ilb.length;
  const tables = b.ob.map(() => new Uint8Array(rows));
  for (let m = 0; m < rows; m++) b.outputs(m).forEach((v, k) => { tables[k]![m] = v; });
  return tables;
}

/** The `.tt` text: every row, the row number MSB first, outputs first-name-leftmost. */
export function gbfsTt(b: GbfsBenchmark): string {
  const n = b.ilb.length;
  const tables = tablesOf(b);
  const lines = [`.model ${b.model}`, `.i ${n}`, `.o ${b.ob.length}`, `.ilb ${b.ilb.join(' ')}`, `.ob ${b.ob.join(' ')}`];
  for (let m = 0; m < 1 << n; m++) {
    lines.push(`${m.toString(2).padStart(n, '0')} ${tables.map((t) => t[m]).join('')}`);
  }
  return `${lines.join('\n')}\n.end\n`;
}

/** Minato–Morreale irredundant cover of a complete table over n inputs (gates/isop.ts; with lower = upper
 *  the cubes are prime), each cube as a string with character j for input j: '1', '0' or '-'. */
function primeCover(table: Uint8Array, n: number): string[] {
  const bits = new Uint32Array(Math.max(1, table.length >>> 5));
  table.forEach((v, m) => { if (v) bits[m >>> 5] = bits[m >>> 5]! | (1 << (m & 31)); });
  return intervalCover(bits, bits, n).map((c) => Array.from({ length: n }, (_, j) => ((c.pos >>> j) & 1 ? '1' : (c.neg >>> j) & 1 ? '0' : '-')).join(''));
}

/** Sort key of a cube: '-' before '0' before '1', column 0 most significant. */
const cubeKey = (cube: string): string => cube.replace(/[-01]/g, (c) => (c === '-' ? 'a' : c === '0' ? 'b' : 'c'));

/** The `.pla` text: one output per product term, each output's cubes an ISOP cover in '-01' order. */
export function gbfsPla(b: GbfsBenchmark): string {
  const n = b.ilb.length;
  const terms: string[] = [];
  tablesOf(b).forEach((table, k) => {
    const out = b.ob.map((_, j) => (j === k ? '1' : '0')).join('');
    const cubes = primeCover(table, n).map((c) => [cubeKey(c), c] as const).sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0));
    for (const [, cube] of cubes) terms.push(`${cube} ${out}`);
  });
  const header = [`.i ${n}`, `.o ${b.ob.length}`, `.ilb ${b.ilb.join(' ')}`, `.ob ${b.ob.join(' ')}`, `.p ${terms.length}`];
  return [...header, ...terms, '.e'].join('\n');
}

/** Every fixture file, by path relative to test/fixtures/gbfs/ (`pla/add3.pla`, `tt/add3.tt`, …). */
export function gbfsFixtures(): Map<string, string> {
  const files = new Map<string, string>();
  for (const b of gbfsBenchmarks()) {
    files.set(`pla/${b.name}.pla`, gbfsPla(b));
    files.set(`tt/${b.name}.tt`, gbfsTt(b));
  }
  return files;
}

function main(): void {
  // dist/tools/gbfs-fixtures.js → <repo>/test/fixtures/gbfs/
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'gbfs');
  const files = [...gbfsFixtures()].map(([rel, data]) => ({ path: join(root, rel), data }));
  for (const f of files) mkdirSync(dirname(f.path), { recursive: true });
  writeFilesAtomic(files);
  console.log(`wrote ${files.length} files under ${root}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
