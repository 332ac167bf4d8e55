// `btfc table SPEC`: print or export the elaborated truth table.

import { match } from 'ts-pattern';
import { loadSpec } from '../flow/load-spec.js';
import type { BtfcCommand } from './command.js';
import { writePla } from '../formats/pla.js';
import { writeTruth } from '../formats/truth.js';
import { formatTableLines } from '../formats/text.js';

type Format = 'text' | 'pla' | 'truth';

export const tableCommand: BtfcCommand = {
  command: 'table <spec>',
  describe: 'Print the elaborated truth table of a spec (or PLA/.truth/.dat file, or Verilog module)',
  builder: (y) => y
    .positional('spec', { type: 'string', describe: 'spec, .pla, .truth, .dat, or Verilog (.v, .sv) file', demandOption: true })
    .option('format', { choices: ['text', 'pla', 'truth'] as const, default: 'text' as Format, describe: 'output format' })
    .option('circuit', { type: 'string', describe: 'which circuit of a multi-circuit spec' })
    .option('top', { type: 'string', describe: 'which module of a Verilog file (.v, .sv) is the spec' })
    .example('$0 table examples/mul2.spec --format truth', 'the IWLS .truth form of the 2-bit multiplier')
    .example('$0 table examples/alu4.v', 'the table of a Verilog module, by exhaustive simulation'),
  handler: async (args: { spec: string; format: Format; circuit?: string; top?: string }, io) => {
    const spec = await loadSpec(args.spec, args.circuit, args.top);
    if (args.format === 'text') {
      // Streamed in chunks: the text of a 24-input table is larger than one JavaScript string may be.
      let chunk: string[] = [];
      for (const line of formatTableLines(spec)) {
        chunk.push(line);
        if (chunk.length === 4096) { io.out(chunk.join('\n')); chunk = []; }
      }
      if (chunk.length > 0) io.out(chunk.join('\n'));
      return 0;
    }
    io.out(match(args.format)
      .with('pla', () => writePla(spec))
      .with('truth', () => writeTruth(spec.table))
      .exhaustive());
    return 0;
  },
};
