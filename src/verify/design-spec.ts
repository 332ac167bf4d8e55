// A combinational Verilog module as a spec (`btfc compile design.v`): its truth table comes from
// exhaustive simulation of the module as Yosys reads it, and the module itself rides along on the Spec
// (Spec.verilog) so that the floor synthesises it as one more conventional circuit (floor.ts, `design`).
// Stage: verify (it runs Yosys), called by flow/load-spec.ts in place of parse + elaborate.
//
// The module is read and checked as `btfc verify` reads a design (design.ts, design-check.ts): a
// register, latch, `initial` block, signal with several drivers, combinational loop or undriven signal is
// refused (exit 2), naming the signal when Yosys does, since such a module has no single truth table.
// Then Yosys lowers it to gates without optimising (proc, flatten, memory, techmap, aigmap: no ABC), the
// gates are read back into a Netlist (yosys-netlist.ts) and simulated bit-parallel on all 2^n rows
// (gates/simulate.ts). Undefined values (`x`) are read as 0 — in the table and in the floor alike
// (`setundef -zero` before synthesis), so the two agree.

import { UserError } from '../util/diagnostics.js';
import type { Port, Spec } from '../ir/spec.js';
import { MAX_INPUTS, TruthTable } from '../ir/truth-table.js';
import { simulate } from '../gates/simulate.js';
import { checkCombinational, pickTop, readDesign, type DesignModule } from './design.js';
import { netlistFromYosysJson } from './yosys-netlist.js';
import { runYosysInWorker, yosysErrors, yosysName } from './yosys.js';

/** The steps that lower a design to two-input gates as written: no optimisation beyond removing unused wires. */
export function lowerSteps(file: string, top: string, systemVerilog: boolean): string[] {
  return [
    `read_verilog${systemVerilog ? ' -sv' : ''} ${file}`, `hierarchy -check -top ${yosysName(top)}`, 'proc -norom', 'setundef -zero',
    'flatten', 'memory', 'opt_clean', 'techmap', 'opt_clean', 'aigmap', 'opt_clean',
  ];
}

/** The module's ports as spec ports (a port of more than one bit is a bus), refusing what a spec cannot have. */
function specPorts(mod: DesignModule, file: string): { inputs: Port[]; outputs: Port[] } {
  const port = (p: { name: string; width: number }): Port => ({ name: p.name, width: p.width, bus: p.width > 1 });
  const inout = mod.ports.filter((p) => p.direction === 'inout');
  if (inout.length > 0) {
    throw new UserError({ file, message: `module '${mod.name}' has an inout port '${inout[0]!.name}'`, hint: 'a spec module has inputs and outputs only' });
  }
  const inputs = mod.ports.filter((p) => p.direction === 'input').map(port);
  const outputs = mod.ports.filter((p) => p.direction === 'output').map(port);
  if (outputs.length === 0) throw new UserError({ file, message: `module '${mod.name}' has no outputs`, hint: 'a spec module computes at least one output' });
  const bits = inputs.reduce((s, p) => s + p.width, 0);
  if (bits > MAX_INPUTS) {
    throw new UserError({
      file,
      message: `module '${mod.name}' has ${bits} input bits, more than btfc's limit of ${MAX_INPUTS} (its table would have 2^${bits} rows)`,
      hint: 'give btfc a smaller module, e.g. one slice of the design',
    });
  }
  return { inputs, outputs };
}

/** The table of a netlist simulated on every row: every bit is cared about. */
function fullTable(cols: Uint32Array, numInputs: number, numOutputs: number): TruthTable {
  const table = new TruthTable(numInputs, numOutputs);
  const W = table.numWords;
  const last = table.numRows % 32 === 0 ? 0xffffffff : (2 ** (table.numRows % 32)) - 1;
  for (let k = 0; k < numOutputs; k++) {
    for (let w = 0; w < W; w++) {
      const mask = w === W - 1 ? last : 0xffffffff;
      table.values[k * W + w] = (cols[k * W + w]! & mask) >>> 0;
      table.care[k * W + w] = mask >>> 0;
    }
  }
  return table;
}

/** Read `text` (the contents of `file`) as a spec: module `top`, or the file's only top module. */
export async function designSpec(text: string, file: string, top: string | undefined, systemVerilog: boolean): Promise<Spec> {
  const mods = await readDesign(text, file, systemVerilog);
  const mod = pickTop(mods, file, top, '', 'use');
  checkCombinational(mod, mods, file, 'use');
  const { inputs, outputs } = specPorts(mod, file);
  const name = systemVerilog ? 'design.sv' : 'design.v';
  const r = await runYosysInWorker(['-q', '-p', [...lowerSteps(name, mod.name, systemVerilog), 'write_json gates.json'].join('; ')], { [name]: text });
  const json = r.files['gates.json'];
  if (!r.ok || json === undefined) {
    throw new UserError({ file, message: `Yosys cannot lower module '${mod.name}' to gates: ${yosysErrors(r.stdout).replaceAll(name, file)}` });
  }
  let nl;
  try {
    nl = netlistFromYosysJson(json, mod.name, {
      name: mod.name, inputs, outputs, inputPorts: inputs.map((p) => p.name), outputPorts: outputs.map((p) => p.name),
    });
  } catch (err) {
    throw new UserError({ file, message: `btfc cannot read module '${mod.name}' as gates: ${(err as Error).message}`, hint: 'btfc takes combinational modules that Yosys lowers to logic gates' });
  }
  const table = fullTable(simulate(nl), nl.numInputs, nl.outputs.length);
  return {
    name: mod.name, file, inputs, outputs, table, solve: {},
    verilog: { kind: 'design', text, top: mod.name, systemVerilog },
  };
}
