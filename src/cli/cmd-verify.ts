// `btfc verify DESIGN.v SPEC`: prove any Verilog module equal to a spec on its care set (Yosys SAT, in a
// worker thread). PASS → exit 0; FAIL → one counterexample, exit 1; bad Verilog or ports → exit 2.

import { UserError } from '../util/diagnostics.js';
import { readTextFile } from '../util/read-text.js';
import type { Spec, Port } from '../ir/spec.js';
import type { BtfcCommand, CommandIO } from './command.js';
import { loadSpec } from '../flow/load-spec.js';
import { checkCombinational, checkPorts, MAX_DESIGN_BYTES, pickTop, readDesign } from '../verify/design.js';
import { proveAgainstTable, type Counterexample } from '../verify/prove.js';

/** Above this size a note says that reading and proving may take minutes. */
const SLOW_DESIGN_BYTES = 256 * 1024;

function readDesignFile(file: string, io: CommandIO): string {
  const text = readTextFile(file, {
    limit: MAX_DESIGN_BYTES, what: 'a Verilog design', expected: 'a Verilog file',
    hint: "Yosys's time grows faster than the design (1.4 MB already takes minutes); prove a netlist this large with Yosys or ABC directly",
  });
  if (text.length > SLOW_DESIGN_BYTES) io.err(`reading ${file} (${(text.length / 2 ** 20).toFixed(1)} MiB) with Yosys; a design this large may take minutes`);
  return text;
}

const bin = (bits: string[]) => bits.slice().reverse().join('');

/** A counterexample in terms of the spec's ports: input values, expected and actual outputs. */
export function formatCounterexample(spec: Pick<Spec, 'inputs' | 'outputs'>, cex: Counterexample): string[] {
  const lines: string[] = [];
  let j = 0;
  const ins: string[] = [];
  for (const p of spec.inputs) {
    let v = 0;
    for (let i = 0; i < p.width; i++, j++) if ((cex.row >>> j) & 1) v += 2 ** i;
    ins.push(p.bus ? `${p.name} = ${v} (${p.width}'b${v.toString(2).padStart(p.width, '0')})` : `${p.name} = ${v}`);
  }
  lines.push(`  inputs:   ${ins.join(', ')}`);
  let k = 0;
  const portLine = (p: Port) => {
    const exp: string[] = [];
    const act: string[] = [];
    for (let i = 0; i < p.width; i++, k++) {
      const o = cex.outputs[k]!;
      exp.push(o.expected === undefined ? '-' : String(o.expected));
      act.push(String(o.actual));
    }
    const wrong = exp.some((e, i) => e !== '-' && e !== act[i]);
    const fmt = (b: string[]) => (p.bus ? `${p.width}'b${bin(b)}` : b[0]!);
    const val = (b: string[]) => (b.every((c) => c === '0' || c === '1') && p.bus ? ` (${parseInt(bin(b), 2)})` : '');
    return `  ${wrong ? 'output' : '      '}${wrong ? '*' : ' '} ${p.name}: expected ${fmt(exp)}${val(exp)}, got ${fmt(act)}${val(act)}`;
  };
  for (const p of spec.outputs) lines.push(portLine(p));
  return lines;
}

export const verifyCommand: BtfcCommand = {
  command: 'verify <design> <spec>',
  describe: 'Prove a Verilog module equal to a spec on its care set (Yosys SAT); print PASS or a counterexample',
  builder: (y) => y
    .positional('design', { type: 'string', describe: 'Verilog file holding the module', demandOption: true })
    .positional('spec', { type: 'string', describe: 'spec, .pla, .truth or .dat file', demandOption: true })
    .option('top', { type: 'string', describe: "module to verify (default: the one named like the spec's circuit, else the only top module)" })
    .option('circuit', { type: 'string', describe: 'which circuit of a multi-circuit spec' })
    .example('$0 verify mul2.v examples/mul2.spec', 'prove mul2.v computes the 2-bit multiplier')
    .epilogue('Ports are matched by name and width. Exit status: 0 PASS, 1 FAIL (a counterexample is printed), 2 bad input.'),
  handler: async (args: { design: string; spec: string; top?: string; circuit?: string }, io) => {
    const spec = await loadSpec(args.spec, args.circuit);
    const verilog = readDesignFile(args.design, io);
    const mods = await readDesign(verilog, args.design);
    const top = pickTop(mods, args.design, args.top, spec.name);
    checkCombinational(top, mods, args.design);
    checkPorts(top, args.design, spec.inputs, spec.outputs, args.spec);
    const r = await proveAgainstTable({ verilog, top: top.name, inputs: spec.inputs, outputs: spec.outputs }, spec.table);
    const secs = (r.timeMs / 1000).toFixed(2);
    if (r.status === 'error') {
      throw new UserError({ file: args.design, message: `Yosys could not build the proof: ${r.message}` });
    }
    if (r.status === 'pass') {
      io.out(`PASS: module ${top.name} of ${args.design} equals ${spec.name} (${args.spec}) on its care set (Yosys SAT, ${secs} s)`);
      return 0;
    }
    io.out(`FAIL: module ${top.name} of ${args.design} differs from ${spec.name} (${args.spec}); counterexample (Yosys SAT, ${secs} s):`);
    for (const l of formatCounterexample(spec, r.cex)) io.out(l);
    return 1;
  },
};
