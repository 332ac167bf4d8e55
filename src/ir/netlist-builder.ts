// Building a Netlist from named signals given in any order, each driven by a small function of other
// signals — what a reader of someone else's netlist (BLIF, formats/blif.ts; a Yosys gate netlist,
// verify/draw-design.ts) has in hand. Signals are resolved depth-first from the outputs so that gates come
// after their fanins (netlist.ts keeps topological order); a loop or a signal nobody drives is reported
// through the caller's `fail`. Gate helpers fold constants and equal fanins, so a cover with a constant
// input does not leave a constant fanin behind. Stage: ir (shared by the readers).

import type { Port } from './spec.js';
import { addGate, emptyNetlist, inputLit, LIT_FALSE, LIT_TRUE, notLit, type Lit, type Netlist } from './netlist.js';

/** An AND2, folded when a fanin is constant or the two are equal or complementary. */
export function andLit(nl: Netlist, a: Lit, b: Lit): Lit {
  if (a === LIT_FALSE || b === LIT_FALSE || a === notLit(b)) return LIT_FALSE;
  if (a === LIT_TRUE || a === b) return b;
  if (b === LIT_TRUE) return a;
  return addGate(nl, { kind: 'and', ins: [a, b] });
}

/** An OR2, folded likewise. */
export function orLit(nl: Netlist, a: Lit, b: Lit): Lit {
  if (a === LIT_TRUE || b === LIT_TRUE || a === notLit(b)) return LIT_TRUE;
  if (a === LIT_FALSE || a === b) return b;
  if (b === LIT_FALSE) return a;
  return addGate(nl, { kind: 'or', ins: [a, b] });
}

/** A MAJ3; with a constant or two equal fanins it is an AND, an OR or a wire. */
export function majLit(nl: Netlist, a: Lit, b: Lit, c: Lit): Lit {
  const ins = [a, b, c];
  for (let k = 0; k < 3; k++) {
    const x = ins[k]!;
    const [y, z] = ins.filter((_, i) => i !== k) as [Lit, Lit];
    if (x === LIT_FALSE) return andLit(nl, y, z);
    if (x === LIT_TRUE) return orLit(nl, y, z);
    if (y === z) return y;
    if (y === notLit(z)) return x;
  }
  return addGate(nl, { kind: 'maj', ins: [a, b, c] });
}

/** A balanced tree of AND2 (or OR2) over `lits`; the empty AND is true, the empty OR false. */
export function treeLit(nl: Netlist, kind: 'and' | 'or', lits: readonly Lit[]): Lit {
  if (lits.length === 0) return kind === 'and' ? LIT_TRUE : LIT_FALSE;
  if (lits.length === 1) return lits[0]!;
  const half = lits.length >> 1;
  const l = treeLit(nl, kind, lits.slice(0, half));
  const r = treeLit(nl, kind, lits.slice(half));
  return kind === 'and' ? andLit(nl, l, r) : orLit(nl, l, r);
}

/** How one signal is computed: from the literals of its fanins, in order. */
export interface SignalDriver {
  ins: readonly string[];
  build: (nl: Netlist, ins: Lit[]) => Lit;
}

export interface BuildSpec {
  name: string;
  inputPorts: Port[];
  outputPorts: Port[];
  /** Signal names of the input bits and output bits, table column order (bit 0 of each port first). */
  inputBits: readonly string[];
  outputBits: readonly string[];
  drivers: ReadonlyMap<string, SignalDriver>;
  /** Signals that are constants (e.g. Yosys's '0' and '1'). */
  constants?: ReadonlyMap<string, Lit>;
  /** The error to throw for a signal without a driver or on a loop; `path` is the chain of names that led there. */
  fail: (why: 'undriven' | 'loop', signal: string, path: readonly string[]) => Error;
}

/** The netlist of `spec`: every output resolved through its drivers. */
export function buildNetlist(spec: BuildSpec): Netlist {
  const nl = emptyNetlist(spec.name, spec.inputPorts, spec.outputPorts);
  const lit = new Map<string, Lit>(spec.constants ?? []);
  spec.inputBits.forEach((s, j) => lit.set(s, inputLit(j)));
  const visiting = new Set<string>();
  // An explicit stack: a long chain of gates must not overflow the call stack.
  const resolve = (root: string): Lit => {
    const stack = [root];
    while (stack.length > 0) {
      const s = stack[stack.length - 1]!;
      if (lit.has(s)) { stack.pop(); continue; }
      const d = spec.drivers.get(s);
      if (!d) throw spec.fail('undriven', s, stack.slice(0, -1));
      const missing = d.ins.filter((x) => !lit.has(x));
      if (missing.length === 0) {
        lit.set(s, d.build(nl, d.ins.map((x) => lit.get(x)!)));
        visiting.delete(s);
        stack.pop();
        continue;
      }
      if (visiting.has(s)) throw spec.fail('loop', s, [...visiting]);
      visiting.add(s);
      for (const m of missing) {
        if (visiting.has(m)) throw spec.fail('loop', m, [...visiting]);
        stack.push(m);
      }
    }
    return lit.get(root)!;
  };
  nl.outputs = spec.outputBits.map(resolve);
  return nl;
}

/**
 * Ports from bit names: `a[0]`, `a[1]`, … (every index from 0, each once) make a bus `a`; any other name
 * is a one-bit port. Bits of a bus are listed bit 0 first, ports in the order their first bit appears.
 */
export function portsFromBits(bits: readonly string[]): { ports: Port[]; order: string[] } {
  const groups = new Map<string, { idx: number; name: string }[]>();
  for (const b of bits) {
    const m = /^(.+)\[(\d+)\]$/.exec(b);
    const key = m ? m[1]! : b;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push({ idx: m ? Number(m[2]) : -1, name: b });
  }
  const ports: Port[] = [];
  const order: string[] = [];
  for (const [key, g] of groups) {
    const sorted = [...g].sort((x, y) => x.idx - y.idx);
    const isBus = sorted.every((x, i) => x.idx === i);
    if (isBus) {
      ports.push({ name: key, width: g.length, bus: true });
      order.push(...sorted.map((x) => x.name));
    } else {
      for (const x of g) { ports.push({ name: x.name, width: 1, bus: false }); order.push(x.name); }
    }
  }
  return { ports, order };
}
