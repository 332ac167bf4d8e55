// `btfc draw DESIGN -o FILE.svg`: a schematic of a netlist btfc can read — its own Verilog, any Verilog
// through Yosys (e.g. Yosys's `write_verilog` output), BLIF — or of the circuit compiled from a spec.
// Stage: CLI over flow/draw.ts (read or compile) and emit/schematic.ts (draw); options, printing and the
// output path only.

import type { Argv } from 'yargs';
import { interruptedStatus, type BtfcCommand, type CommandIO } from './command.js';
import { addSolveFlags, type SolveArgs } from './solve-flags.js';
import { checkInputName, outputName, prepareOutputs } from './outputs.js';
import { loadDrawing } from '../flow/draw.js';
import { renderSchematic } from '../emit/schematic.js';
import { countGates } from '../ir/netlist.js';
import { writeFilesAtomic } from '../util/fs-atomic.js';
import { reportInternalErrors } from './internal-errors.js';

interface Args extends SolveArgs {
  design: string;
  output?: string;
  top?: string;
  circuit?: string;
  gateNames: boolean;
}

async function handler(args: Args, io: CommandIO): Promise<number> {
  checkInputName(args.design, 'design');
  const base = args.design.replace(/^.*[/\\]/, '').replace(/\.[^.]*$/, '') || 'schematic';
  const output = args.output ?? `${base}.svg`;
  const say = prepareOutputs(io, [{ option: '-o', path: output }], [args.design]);
  const { design, output: _o, top, circuit, gateNames: _g, ...solve } = args;
  const drawn = await reportInternalErrors(io, async () => {
    const input = await loadDrawing(design, { ...(top !== undefined ? { top } : {}), ...(circuit !== undefined ? { circuit } : {}), solve, hooks: { signal: io.signal } });
    return { input, svg: io.signal.aborted ? '' : await renderSchematic(input.netlist, { gateNames: args.gateNames }) };
  });
  if (drawn === undefined) return 1;
  if (io.signal.aborted) {
    io.err('interrupted: no files written');
    return interruptedStatus(io.signal);
  }
  const { input, svg } = drawn;
  writeFilesAtomic([{ path: output, data: svg }], { stdout: io.out });
  const g = countGates(input.netlist);
  say(`${input.netlist.name} (${input.source}${input.strategy ? `, ${input.strategy}` : ''}): ${g.and} AND, ${g.or} OR, ${g.maj} MAJ3, `
    + `${g.not} NOT (${g.total} total); wrote ${outputName(output)}`);
  return 0;
}

export const drawCommand: BtfcCommand = {
  command: 'draw <design>',
  describe: 'Draw a circuit as an SVG schematic: btfc\'s Verilog, any Verilog (through Yosys), BLIF, or a spec (compiled first)',
  builder: (y: Argv) => addSolveFlags(y
    .positional('design', { type: 'string', describe: '.v/.sv Verilog, .blif, or a spec, .pla, .truth or .dat file (compiled with compile\'s defaults, not proved)', demandOption: true })
    .option('output', { alias: 'o', type: 'string', describe: 'SVG output file, - for standard output (default: <design name>.svg in the current directory)' })
    .option('top', { type: 'string', describe: 'the module to draw of a multi-module Verilog design (default: Yosys\'s top module)' })
    .option('circuit', { type: 'string', describe: 'which circuit of a multi-circuit spec' })
    .option('gate-names', { type: 'boolean', default: true, describe: 'label each gate with its signal name as in the Verilog (--no-gate-names: symbols only)' }), {
    names: ['timeout', 'seed', 'workers'],
    override: { timeout: { describe: 'for a spec: seconds for the floor and the solve' } },
  })
    .example('$0 draw mul2.v -o mul2.svg', 'the schematic of a circuit btfc wrote')
    .example('$0 draw examples/mul2.spec -o mul2.svg', 'compile the spec, then draw the circuit')
    .example('$0 draw adder.blif -o adder.svg', 'a BLIF netlist (btfc --blif, Yosys write_blif, ABC)')
    .epilogue('Inputs are on the left, outputs on the right; AND, OR and MAJ3 gates are drawn as symbols and inverters as bubbles '
      + 'on the edges they complement; buses are split into and joined from their bits. Verilog that btfc wrote is read exactly '
      + '(MAJ3 and gate names kept); other Verilog goes through Yosys (proc, flatten, techmap), so its gates are AND, OR and inverters. '
      + 'Exit status: 0 written; 1 a spec with no circuit in its budget, or an internal error; 2 bad input.'),
  handler: (args: Args, io) => handler(args, io),
};
