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
// (gates/simulate.ts). Undefined values (`x`, e.g. `default: y = 'x;`) are what Yosys makes of them, a
// free choice: the gates are simulated twice, every `x` read as 0 and then as 1, and an output that
// differs between the two on a row is a don't-care there. Elsewhere the value is the all-0 one (a row
// where several `x` could still combine otherwise is held to that value: less freedom, never a wrong
// circuit), and the floor synthesises the module with every `x` as 0 (floor.ts), so it agrees.

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
    `read_verilog${systemVerilog ? ' -sv' : ''} ${file}`, `hierarchy -check -top ${yosysName(top)}`, 'proc -norom',
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

/** The table of the gates simulated on every row with each `x` as 0 and as 1: where they differ, a don't-care. */
function designTable(zero: Uint32Array, one: Uint32Array, numInputs: number, numOutputs: number): TruthTable {
  const table = new TruthTable(numInputs, numOutputs);
  const W = table.numWords;
  const last = table.numRows % 32 === 0 ? 0xffffffff : (2 ** (table.numRows % 32)) - 1;
  for (let k = 0; k < numOutputs; k++) {
    for (let w = 0; w < W; w++) {
      const i = k * W + w;
      const care = ~(zero[i]! ^ one[i]!) & (w === W - 1 ? last : 0xffffffff);
      table.values[i] = (zero[i]! & care) >>> 0;
      table.care[i] = care >>> 0;
    }
  }
  return table;
}

/** The lowered gates of module `top` as a Netlist with the module's ports. */
function readGates(json: string, mod: DesignModule, ports: { inputs: Port[]; outputs: Port[] }, file: string) {
  const { inputs, outputs } = ports;
  try {
    return netlistFromYosysJson(json, mod.name, {
      name: mod.name, inputs, outputs, inputPorts: inputs.map((p) => p.name), outputPorts: outputs.map((p) => p.name),
    });
  } catch (err) {
    throw new UserError({ file, message: `btfc cannot read module '${mod.name}' as gates: ${(err as Error).message}`, hint: 'btfc takes combinational modules that Yosys lowers to logic gates' });
  }
}

/** Read `text` (the contents of `file`) as a spec: module `top`, or the file's only top module. */
export async function designSpec(text: string, file: string, top: string | undefined, systemVerilog: boolean): Promise<Spec> {
  const mods = await readDesign(text, file, systemVerilog);
  const mod = pickTop(mods, file, top, '', 'use');
  checkCombinational(mod, mods, file, 'use');
  const { inputs, outputs } = specPorts(mod, file);
  const name = systemVerilog ? 'design.sv' : 'design.v';
  const script = [...lowerSteps(name, mod.name, systemVerilog), 'design -save gates',
    'setundef -zero', 'write_json zero.json', 'design -load gates', 'setundef -one', 'write_json one.json'];
  const r = await runYosysInWorker(['-q', '-p', script.join('; ')], { [name]: text });
  const zero = r.files['zero.json'];
  const one = r.files['one.json'];
  if (!r.ok || zero === undefined || one === undefined) {
    throw new UserError({ file, message: `Yosys cannot lower module '${mod.name}' to gates: ${yosysErrors(r.stdout).replaceAll(name, file)}` });
  }
  const nl = readGates(zero, mod, { inputs, outputs }, file);
  const table = designTable(simulate(nl), simulate(readGates(one, mod, { inputs, outputs }, file)), nl.numInputs, nl.outputs.length);
  return {
    name: mod.name, file, inputs, outputs, table, solve: {},
    verilog: { kind: 'design', text, top: mod.name, systemVerilog },
  };
}
