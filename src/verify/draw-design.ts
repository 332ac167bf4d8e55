// Any combinational Verilog design — Yosys's `write_verilog` output, a hand-written module — read through
// Yosys into btfc's Netlist, for `btfc draw`. Yosys parses and elaborates it (`proc`, `flatten`), maps it
// to its one-bit gates (`techmap`), and writes JSON; each gate becomes btfc gates as it reads: $_AND_ an
// AND2, $_OR_ an OR2, the inverted forms the same with complemented edges, $_XOR_ and $_MUX_ their sum of
// products. Unlike verify/yosys-netlist.ts (which turns every cell into AND nodes, as an AIG count needs),
// OR stays OR, so the schematic looks like the design. Stage: verify.

import { UserError } from '../util/diagnostics.js';
import { LIT_FALSE, LIT_TRUE, notLit, type Lit, type Netlist } from '../ir/netlist.js';
import type { Port } from '../ir/spec.js';
import { andLit, buildNetlist, orLit, type SignalDriver } from '../ir/netlist-builder.js';
import { runYosysInWorker, yosysErrors } from './yosys.js';

type Bit = number | string;
interface Cell { type: string; connections: Record<string, Bit[]> }
interface Module { attributes?: Record<string, string>; ports: Record<string, { direction: string; bits: Bit[] }>; cells: Record<string, Cell> }

const xor = (nl: Netlist, a: Lit, b: Lit): Lit => orLit(nl, andLit(nl, a, notLit(b)), andLit(nl, notLit(a), b));
const mux = (nl: Netlist, a: Lit, b: Lit, s: Lit): Lit => orLit(nl, andLit(nl, notLit(s), a), andLit(nl, s, b));

/** Yosys's one-bit gates: input pins, and the function over their literals. */
const GATES: Record<string, { pins: string[]; f: (nl: Netlist, x: Lit[]) => Lit }> = {
  $_BUF_: { pins: ['A'], f: (_, [a]) => a! },
  $_NOT_: { pins: ['A'], f: (_, [a]) => notLit(a!) },
  $_AND_: { pins: ['A', 'B'], f: (nl, [a, b]) => andLit(nl, a!, b!) },
  $_NAND_: { pins: ['A', 'B'], f: (nl, [a, b]) => notLit(andLit(nl, a!, b!)) },
  $_OR_: { pins: ['A', 'B'], f: (nl, [a, b]) => orLit(nl, a!, b!) },
  $_NOR_: { pins: ['A', 'B'], f: (nl, [a, b]) => notLit(orLit(nl, a!, b!)) },
  $_ANDNOT_: { pins: ['A', 'B'], f: (nl, [a, b]) => andLit(nl, a!, notLit(b!)) },
  $_ORNOT_: { pins: ['A', 'B'], f: (nl, [a, b]) => orLit(nl, a!, notLit(b!)) },
  $_XOR_: { pins: ['A', 'B'], f: (nl, [a, b]) => xor(nl, a!, b!) },
  $_XNOR_: { pins: ['A', 'B'], f: (nl, [a, b]) => notLit(xor(nl, a!, b!)) },
  $_MUX_: { pins: ['A', 'B', 'S'], f: (nl, [a, b, s]) => mux(nl, a!, b!, s!) },
  $_NMUX_: { pins: ['A', 'B', 'S'], f: (nl, [a, b, s]) => notLit(mux(nl, a!, b!, s!)) },
};

/** Run Yosys on the design; its JSON module of the top after flattening and mapping to gates. */
async function gateModule(verilog: string, file: string, top: string | undefined): Promise<{ name: string; mod: Module }> {
  // SystemVerilog by its extension, as Yosys's own front end decides.
  const sv = /\.sv$/i.test(file);
  const name = sv ? 'design.sv' : 'design.v';
  const hier = top !== undefined ? `hierarchy -check -top ${top.includes(' ') ? `"${top}"` : top}` : 'hierarchy -check -auto-top';
  const script = [`read_verilog ${sv ? '-sv ' : ''}${name}`, hier, 'proc', 'flatten', 'opt_clean', 'techmap', 'opt_clean', 'write_json design.json'].join('; ');
  const r = await runYosysInWorker(['-q', '-p', script], { [name]: verilog });
  if (!r.ok || !r.files['design.json']) {
    const msg = yosysErrors(r.stdout).replace(/^ERROR:\s*/gm, '');
    // `design.v:12: ERROR: …` names a line: point at it.
    const at = /^design\.s?v:(\d+): ERROR: (.*)$/m.exec(msg);
    throw new UserError({
      file, ...(at ? { span: { line: Number(at[1]), col: 1 } } : {}),
      message: `Yosys cannot read the design: ${at ? at[2] : msg.replaceAll(name, file)}`,
      hint: 'btfc draw reads Verilog-2005 (as Yosys does); name the module with --top',
    });
  }
  const json = JSON.parse(r.files['design.json']) as { modules: Record<string, Module> };
  const tops = Object.entries(json.modules).filter(([, m]) => m.attributes?.top !== undefined && /1/.test(m.attributes.top));
  const [mname, mod] = tops[0] ?? Object.entries(json.modules)[0] ?? [];
  if (!mname || !mod) throw new UserError({ file, message: 'the design holds no module', hint: 'write a `module … endmodule`' });
  return { name: mname, mod };
}

/** The module's ports of one direction, and their bits (bit 0 first, as Yosys lists them). */
function ports(mod: Module, dir: 'input' | 'output'): { ports: Port[]; bits: string[] } {
  const ps = Object.entries(mod.ports).filter(([, p]) => p.direction === dir);
  return {
    ports: ps.map(([n, p]) => ({ name: n, width: p.bits.length, bus: p.bits.length > 1 })),
    bits: ps.flatMap(([, p]) => p.bits.map(String)),
  };
}

/** Read a combinational Verilog design into a Netlist (module `top`, else Yosys's top module). */
export async function readDesignNetlist(verilog: string, file: string, top?: string): Promise<Netlist> {
  const { name, mod } = await gateModule(verilog, file, top);
  const inout = Object.entries(mod.ports).find(([, p]) => p.direction === 'inout');
  if (inout) throw new UserError({ file, message: `module '${name}' has an inout port '${inout[0]}'`, hint: 'btfc draws combinational circuits with inputs and outputs' });
  const drivers = new Map<string, SignalDriver>();
  for (const [cname, cell] of Object.entries(mod.cells)) {
    if (cell.type === '$scopeinfo') continue;
    const g = GATES[cell.type];
    if (!g) {
      throw new UserError({ file, message: `module '${name}' is not a combinational gate circuit: cell '${cname}' is a ${cell.type}`,
        hint: 'btfc draws combinational logic: no flip-flops, latches or memories' });
    }
    drivers.set(String(cell.connections.Y![0]), { ins: g.pins.map((p) => String(cell.connections[p]![0])), build: g.f });
  }
  const ins = ports(mod, 'input');
  const outs = ports(mod, 'output');
  return buildNetlist({
    name, inputPorts: ins.ports, outputPorts: outs.ports, inputBits: ins.bits, outputBits: outs.bits, drivers,
    constants: new Map([['0', LIT_FALSE], ['1', LIT_TRUE], ['x', LIT_FALSE], ['z', LIT_FALSE]]),
    fail: (why) => new UserError({
      file,
      message: why === 'loop' ? `module '${name}' has a combinational loop` : `module '${name}' uses a signal that nothing drives`,
      hint: 'btfc draws combinational logic: every used signal driven once, no loops',
    }),
  });
}
