// A gate netlist written by Yosys (write_json) read back into btfc's Netlist, so that a circuit from
// Yosys + ABC (the floor, floor.ts) is simulated, simplified, emitted and proved like every other circuit.
// Every cell must be a function of at most two bits: Yosys's internal gates ($_AND_, $_NAND_, $_ANDNOT_,
// $_OR_, $_NOR_, $_ORNOT_, $_XOR_, $_XNOR_, $_NOT_, $_BUF_) or a $lut of width 1 or 2 (what ABC's result
// reads back as after a custom `abc -script`). Each becomes one AND node with complemented edges (an XOR
// three), so the AIG node count is what ABC reported. Stage: verify.

import type { Port } from '../ir/spec.js';
import { addGate, emptyNetlist, inputLit, LIT_FALSE, LIT_TRUE, notLit, type Lit, type Netlist } from '../ir/netlist.js';
import type { YosysJsonModule } from './stats.js';

type Bit = number | string;

/** Truth tables of two-input cells over (A, B), bit `a + 2b` (one-input cells ignore B). */
const CELL_TABLES: Record<string, number> = {
  $_BUF_: 0b1010, $_NOT_: 0b0101,
  $_AND_: 0b1000, $_NAND_: 0b0111, $_OR_: 0b1110, $_NOR_: 0b0001,
  $_XOR_: 0b0110, $_XNOR_: 0b1001, $_ANDNOT_: 0b0010, $_ORNOT_: 0b1011,
};

interface Driver { table: number; ins: [Bit, Bit] }

/** What drives each bit: a two-input function (the inputs of a one-input cell are A twice). */
function drivers(mod: YosysJsonModule): Map<Bit, Driver> {
  const out = new Map<Bit, Driver>();
  for (const [name, cell] of Object.entries(mod.cells)) {
    // What `flatten` leaves of a submodule instance: a marker that drives nothing.
    if (cell.type === '$scopeinfo') continue;
    const c = cell.connections;
    const a = c.A ?? [];
    const y = c.Y?.[0];
    let table: number | undefined;
    let ins: [Bit, Bit] | undefined;
    if (cell.type === '$lut') {
      const lut = (cell as { parameters?: Record<string, string> }).parameters?.LUT ?? '';
      if (a.length === 1 && lut.length === 2) {
        // Y = LUT[A]; the parameter is written most significant bit first.
        const t = parseInt(lut, 2);
        table = (t & 1) | ((t & 1) << 2) | ((t >> 1 & 1) << 1) | ((t >> 1 & 1) << 3);
        ins = [a[0]!, a[0]!];
      } else if (a.length === 2 && lut.length === 4) {
        table = parseInt(lut, 2);
        ins = [a[0]!, a[1]!];
      }
    } else if (cell.type in CELL_TABLES) {
      table = CELL_TABLES[cell.type];
      ins = [a[0]!, (c.B ?? a)[0]!];
    }
    if (table === undefined || ins === undefined || y === undefined || ins.some((b) => b === undefined)) {
      throw new Error(`cell ${name} of type ${cell.type} is not a gate of at most two inputs`);
    }
    out.set(y, { table, ins });
  }
  return out;
}

/** The literal of f(a, b) for a two-input truth table (bit `a + 2b`), adding AND nodes as needed. */
function gateLit(nl: Netlist, table: number, a: Lit, b: Lit): Lit {
  const minterm = (i: number): Lit => and(nl, i & 1 ? a : notLit(a), i & 2 ? b : notLit(b));
  const ones = [0, 1, 2, 3].filter((i) => (table >> i) & 1);
  if (ones.length === 0) return LIT_FALSE;
  if (ones.length === 4) return LIT_TRUE;
  if (ones.length === 1) return minterm(ones[0]!);
  if (ones.length === 3) return notLit(minterm([0, 1, 2, 3].find((i) => !((table >> i) & 1))!));
  if (table === 0b1010) return a;
  if (table === 0b0101) return notLit(a);
  if (table === 0b1100) return b;
  if (table === 0b0011) return notLit(b);
  // XOR (0110) or XNOR (1001): the complement of "neither minterm 1 nor minterm 2" (three AND nodes).
  const xor = notLit(and(nl, notLit(minterm(1)), notLit(minterm(2))));
  return table === 0b0110 ? xor : notLit(xor);
}

/** An AND node, folding constants and equal fanins (ABC's output has none, but a $lut may). */
function and(nl: Netlist, a: Lit, b: Lit): Lit {
  if (a === LIT_FALSE || b === LIT_FALSE || a === notLit(b)) return LIT_FALSE;
  if (a === LIT_TRUE || a === b) return b;
  if (b === LIT_TRUE) return a;
  return addGate(nl, { kind: 'and', ins: a < b ? [a, b] : [b, a] });
}

/** The concatenated bits of the named ports, bit 0 first (Yosys lists a port's bits least significant first). */
function portBits(mod: YosysJsonModule, names: readonly string[], direction: string): Bit[] {
  const bits: Bit[] = [];
  for (const n of names) {
    const p = mod.ports[n];
    if (!p || p.direction !== direction) throw new Error(`the module has no ${direction} port ${n}`);
    bits.push(...p.bits);
  }
  return bits;
}

export interface YosysNetlistNames {
  /** The netlist's module name and ports (widths must add up to the Yosys ports' bits). */
  name: string;
  inputs: Port[];
  outputs: Port[];
  /** The Yosys module's input and output ports whose bits, concatenated, are the table's columns. */
  inputPorts: readonly string[];
  outputPorts: readonly string[];
}

/** Module `top` of a Yosys JSON netlist as a Netlist. Throws on a cell it cannot read or a combinational loop. */
export function netlistFromYosysJson(json: string, top: string, names: YosysNetlistNames): Netlist {
  const design = JSON.parse(json) as { modules: Record<string, YosysJsonModule> };
  const mod = design.modules[top];
  if (!mod) throw new Error(`Yosys wrote no module ${top}`);
  const nl = emptyNetlist(names.name, names.inputs, names.outputs);
  const ins = portBits(mod, names.inputPorts, 'input');
  const outs = portBits(mod, names.outputPorts, 'output');
  if (ins.length !== nl.numInputs || outs.length !== nl.outputs.length) {
    throw new Error(`the module has ${ins.length} inputs and ${outs.length} outputs, the spec ${nl.numInputs} and ${nl.outputs.length}`);
  }
  const lit = new Map<Bit, Lit>([['0', LIT_FALSE], ['1', LIT_TRUE], ['x', LIT_FALSE], ['z', LIT_FALSE]]);
  ins.forEach((b, j) => lit.set(b, inputLit(j)));
  const driver = drivers(mod);
  const visiting = new Set<Bit>();
  // Depth-first from each output (an explicit stack: a deep chain must not overflow the call stack), so
  // gates are added after their fanins, in topological order.
  const resolve = (root: Bit): Lit => {
    const stack: Bit[] = [root];
    while (stack.length > 0) {
      const bit = stack[stack.length - 1]!;
      if (lit.has(bit)) { stack.pop(); continue; }
      const d = driver.get(bit);
      if (!d) throw new Error(`bit ${bit} has no driver`);
      const missing = d.ins.filter((b) => !lit.has(b));
      if (missing.length === 0) {
        lit.set(bit, gateLit(nl, d.table, lit.get(d.ins[0])!, lit.get(d.ins[1])!));
        visiting.delete(bit);
        stack.pop();
        continue;
      }
      if (visiting.has(bit)) throw new Error(`a combinational loop through bit ${bit}`);
      visiting.add(bit);
      stack.push(...missing);
    }
    return lit.get(root)!;
  };
  nl.outputs = outs.map(resolve);
  return nl;
}
