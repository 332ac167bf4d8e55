// Irredundant sums of products of a table's outputs, don't-cares used (stage: floor input). The floor hands
// Yosys + ABC the function as Verilog; a flat `case` over every row is the exact table but grows with 2^n
// rows, which for 17–24 inputs is more than Yosys reads in the floor's time. A sum of products is the
// function in the size of its cover instead (an n-bit adder's outputs have covers of a few thousand cubes).
//
// The cover is the Minato–Morreale ISOP: for the lower bound L (rows that must be 1) and the upper bound U
// (rows that may be 1: L and the don't-cares), split on the top variable x; cubes that need x' cover what
// the 0-cofactor needs and the 1-cofactor cannot give, symmetrically for x, and the cubes without x cover
// what is left within both cofactors' upper bounds. The result is irredundant and lies between L and U.

import type { TruthTable } from '../ir/truth-table.js';
import type { Port } from '../ir/spec.js';
import { addGate, emptyNetlist, inputLit, LIT_FALSE, LIT_TRUE, type Gate, type Lit, type Netlist } from '../ir/netlist.js';

/** A product term over the inputs: bit j of `pos` asks x_j = 1, bit j of `neg` asks x_j = 0. */
export interface Cube { pos: number; neg: number }

/** Truth vectors of 2^n bits, packed 32 rows a word (at least one word). */
type Bits = Uint32Array;

const ALL = 0xffffffff;

/** Mask of the low 2^n bits of a word (n ≤ 5). */
const lowMask = (n: number): number => (n >= 5 ? ALL : (2 ** (2 ** n) - 1) >>> 0);

/** Bits of x_v (v < 5) within a word: the rows whose index has bit v set. */
const VAR_WORD = [0xaaaaaaaa, 0xcccccccc, 0xf0f0f0f0, 0xff00ff00, 0xffff0000];

function isZero(a: Bits, n: number): boolean {
  if (n < 5) return (a[0]! & lowMask(n)) === 0;
  for (let w = 0; w < a.length; w++) if (a[w] !== 0) return false;
  return true;
}

function isFull(a: Bits, n: number): boolean {
  if (n < 5) return ((a[0]! ^ ALL) & lowMask(n)) === 0;
  for (let w = 0; w < a.length; w++) if (a[w] !== ALL) return false;
  return true;
}

/** The two cofactors on the top variable x_{n−1}: rows with it 0, rows with it 1 (each over n − 1 inputs). */
function cofactors(a: Bits, n: number): [Bits, Bits] {
  if (n > 5) return [a.subarray(0, a.length >>> 1), a.subarray(a.length >>> 1)];
  const half = 2 ** (n - 1);
  const lo = a[0]! & lowMask(n - 1);
  const hi = (a[0]! >>> half) & lowMask(n - 1);
  return [Uint32Array.of(lo), Uint32Array.of(hi)];
}

/** a & ~b, word by word. */
function andNot(a: Bits, b: Bits): Bits {
  const r = new Uint32Array(a.length);
  for (let w = 0; w < a.length; w++) r[w] = a[w]! & ~b[w]!;
  return r;
}

function and(a: Bits, b: Bits): Bits {
  const r = new Uint32Array(a.length);
  for (let w = 0; w < a.length; w++) r[w] = a[w]! & b[w]!;
  return r;
}

function or(a: Bits, b: Bits): Bits {
  const r = new Uint32Array(a.length);
  for (let w = 0; w < a.length; w++) r[w] = a[w]! | b[w]!;
  return r;
}

/** The function over n inputs that is f0 where x_{n−1} = 0 and f1 where it is 1. */
function join(f0: Bits, f1: Bits, n: number): Bits {
  if (n > 5) {
    const r = new Uint32Array(f0.length * 2);
    r.set(f0, 0);
    r.set(f1, f0.length);
    return r;
  }
  const half = 2 ** (n - 1);
  return Uint32Array.of(((f0[0]! & lowMask(n - 1)) | ((f1[0]! & lowMask(n - 1)) << half)) >>> 0);
}

/**
 * ISOP of the interval [L, U] over n inputs (L ⊆ U): the cubes, appended to `out` with `lits` (the literals
 * fixed by the splits above) added, and the function they cover.
 */
function isop(L: Bits, U: Bits, n: number, lits: Cube, out: Cube[]): Bits {
  if (isZero(L, n)) return new Uint32Array(L.length);
  if (isFull(U, n)) {
    out.push({ pos: lits.pos, neg: lits.neg });
    const r = new Uint32Array(L.length);
    r.fill(ALL);
    return r;
  }
  const [L0, L1] = cofactors(L, n);
  const [U0, U1] = cofactors(U, n);
  const bit = 1 << (n - 1);
  const f0 = isop(andNot(L0, U1), U0, n - 1, { pos: lits.pos, neg: lits.neg | bit }, out);
  const f1 = isop(andNot(L1, U0), U1, n - 1, { pos: lits.pos | bit, neg: lits.neg }, out);
  const rest = or(andNot(L0, f0), andNot(L1, f1));
  const fs = isop(rest, and(U0, U1), n - 1, lits, out);
  return join(or(f0, fs), or(f1, fs), n);
}

/** Rows of output k that must be 1 (L) and that may be 1 (U = L ∪ don't-cares), as truth vectors. */
function bounds(table: TruthTable, k: number): { L: Bits; U: Bits } {
  const v = table.column(k), c = table.careColumn(k);
  const L = new Uint32Array(v.length);
  const U = new Uint32Array(v.length);
  for (let w = 0; w < v.length; w++) { L[w] = v[w]! & c[w]!; U[w] = v[w]! | ~c[w]!; }
  return { L, U };
}

/** An irredundant cover of each output, don't-cares used: output k is the OR of its cubes (none: 0). */
export function tableCovers(table: TruthTable): Cube[][] {
  const covers: Cube[][] = [];
  for (let k = 0; k < table.numOutputs; k++) {
    const { L, U } = bounds(table, k);
    const cubes: Cube[] = [];
    isop(L, U, table.numInputs, { pos: 0, neg: 0 }, cubes);
    covers.push(cubes);
  }
  return covers;
}

/** An irredundant cover of the interval [lower, upper] of truth vectors over n inputs (lower ⊆ upper). */
export function intervalCover(lower: Uint32Array, upper: Uint32Array, n: number): Cube[] {
  const cubes: Cube[] = [];
  isop(lower, upper, n, { pos: 0, neg: 0 }, cubes);
  return cubes;
}

/** True when the cube covers row m. */
export function cubeCovers(c: Cube, m: number): boolean {
  return (m & c.pos) === c.pos && (m & c.neg) === 0;
}

/** Total literals of a cover (the size a sum of products costs before sharing). */
export function coverLiterals(cubes: readonly Cube[]): number {
  let n = 0;
  for (const c of cubes) n += popcount(c.pos) + popcount(c.neg);
  return n;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) n++;
  return n;
}

/**
 * The table's covers as a netlist (each output the OR of its cubes' ANDs, equal gates shared), built with
 * no Yosys: the circuit that always exists, the floor's last resort when every Yosys run is cut off.
 */
export function coversNetlist(table: TruthTable, name: string, inputPorts: Port[], outputPorts: Port[]): Netlist {
  const nl = emptyNetlist(name, inputPorts, outputPorts);
  const b = coverBuilder((g) => addGate(nl, g));
  const inputs = Array.from({ length: table.numInputs }, (_, j) => inputLit(j));
  tableCovers(table).forEach((cubes, k) => { nl.outputs[k] = b.cover(cubes, inputs); });
  return nl;
}

/** A cover over variables `lits` (bit j of a cube is lits[j]) as gates: its literal and the gates added. */
export function buildCover(cubes: readonly Cube[], lits: readonly Lit[], add: (g: Gate) => Lit): { lit: Lit; gates: number } {
  const b = coverBuilder(add);
  const lit = b.cover(cubes, lits);
  return { lit, gates: b.gates() };
}

/**
 * Sums of products as AND/OR gates, equal gates shared: balanced trees keep the depth logarithmic, and
 * cubes with the same pair of literals share its AND.
 */
function coverBuilder(add: (g: Gate) => Lit) {
  const made = new Map<string, Lit>();
  const gate = (kind: 'and' | 'or', a: Lit, b: Lit): Lit => {
    const key = `${kind}${Math.min(a, b)},${Math.max(a, b)}`;
    let l = made.get(key);
    if (l === undefined) { l = add({ kind, ins: [Math.min(a, b), Math.max(a, b)] }); made.set(key, l); }
    return l;
  };
  const tree = (kind: 'and' | 'or', lits: Lit[], empty: Lit): Lit => {
    if (lits.length === 0) return empty;
    while (lits.length > 1) {
      const next: Lit[] = [];
      for (let i = 0; i + 1 < lits.length; i += 2) next.push(gate(kind, lits[i]!, lits[i + 1]!));
      if (lits.length % 2 === 1) next.push(lits[lits.length - 1]!);
      lits = next;
    }
    return lits[0]!;
  };
  const cover = (cubes: readonly Cube[], vars: readonly Lit[]): Lit => tree('or', cubes.map((c) => {
    const lits: Lit[] = [];
    vars.forEach((v, j) => {
      if ((c.pos >>> j) & 1) lits.push(v);
      else if ((c.neg >>> j) & 1) lits.push(v ^ 1);
    });
    return tree('and', lits, LIT_TRUE);
  }), LIT_FALSE);
  return { cover, gates: () => made.size };
}
