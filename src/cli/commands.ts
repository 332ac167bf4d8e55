// Every btfc command, in the order `btfc --help` lists them.

import type { BtfcCommand } from './command.js';
import { tableCommand } from './cmd-table.js';
import { solveCommand } from './cmd-solve.js';

export const commands: BtfcCommand[] = [
  tableCommand,
  solveCommand,
];
