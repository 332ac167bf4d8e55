// Verilog-2005 writer: one module with the spec's name and ports (buses stay buses), one `assign` per gate
// on wires named n<node>, NOT as `~`, MAJ3 as `(a & b) | (a & c) | (b & c)`. Stage: emit.

import { match } from 'ts-pattern';
import { isGate, litNeg, litNode, type Lit, type Netlist } from '../ir/netlist.js';
import { countGates } from '../ir/netlist.js';
import { signalNames } from './names.js';
import { verilogIdent } from '../ir/verilog-names.js';

export interface VerilogOptions {
  /** Header comment lines (source file, options, seed …); gate counts are added. */
  header?: string[];
  /**
   * How a MAJ3 is written: `sop` = `(a & b) | (a & c) | (b & c)` (default, reads as majority);
   * `aig` = `(a & b) | (c & (a | b))`, which Yosys's aigmap turns into 4 AND nodes instead of 5.
   */
  majForm?: 'sop' | 'aig';
}

export function writeVerilog(nl: Netlist, opts: VerilogOptions = {}): string {
  const names = signalNames(nl, (p, i) => (i === undefined ? verilogIdent(p) : `${verilogIdent(p)}[${i}]`));
  const ref = (l: Lit): string => {
    if (l === 0) return "1'b0";
    if (l === 1) return "1'b1";
    return `${litNeg(l) ? '~' : ''}${names.node(litNode(l))}`;
  };
  const c = countGates(nl);
  const out: string[] = [];
  for (const h of opts.header ?? []) out.push(`// ${h}`);
  out.push(`// gates: ${c.and} AND, ${c.or} OR, ${c.maj} MAJ3, ${c.not} NOT (${c.total} total)`);
  const range = (w: number, bus: boolean) => (bus ? `[${w - 1}:0] ` : '');
  const ports = [
    ...nl.inputPorts.map((p) => `  input  ${range(p.width, p.bus)}${verilogIdent(p.name)}`),
    ...nl.outputPorts.map((p) => `  output ${range(p.width, p.bus)}${verilogIdent(p.name)}`),
  ];
  out.push(`module ${verilogIdent(nl.name)} (`);
  out.push(ports.join(',\n'));
  out.push(');');
  const gates: number[] = [];
  for (let i = nl.numInputs + 1; i < nl.nodes.length; i++) if (isGate(nl.nodes[i]!)) gates.push(i);
  if (gates.length > 0) {
    // Declarations in lines of a readable length.
    const decl: string[] = [];
    let line = '  wire';
    for (const i of gates) {
      const n = ` ${names.node(i)},`;
      if (line.length + n.length > 100) { decl.push(line.replace(/,$/, ';')); line = '  wire'; }
      line += n;
    }
    decl.push(line.replace(/,$/, ';'));
    out.push(...decl);
  }
  for (const i of gates) {
    const g = nl.nodes[i]!;
    if (!isGate(g)) continue;
    const [a, b, cc] = g.ins.map(ref);
    const rhs = match(g)
      .with({ kind: 'and' }, () => `${a} & ${b}`)
      .with({ kind: 'or' }, () => `${a} | ${b}`)
      .with({ kind: 'maj' }, () => (opts.majForm === 'aig' ? `(${a} & ${b}) | (${cc} & (${a} | ${b}))` : `(${a} & ${b}) | (${a} & ${cc}) | (${b} & ${cc})`))
      .exhaustive();
    out.push(`  assign ${names.node(i)} = ${rhs};`);
  }
  nl.outputs.forEach((l, k) => out.push(`  assign ${names.outputs[k]} = ${ref(l)};`));
  out.push('endmodule');
  return `${out.join('\n')}\n`;
}
