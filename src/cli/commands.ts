// Every btfc command, in the order `btfc --help` lists them.

import type { BtfcCommand } from './command.js';
import { tableCommand } from './cmd-table.js';
import { solveCommand } from './cmd-solve.js';
import { benchCommand } from './cmd-bench.js';
import { compileCommand } from './cmd-compile.js';
import { verifyCommand } from './cmd-verify.js';
import { discoverCommand } from './cmd-discover.js';
import { drawCommand } from './cmd-draw.js';

export const commands: BtfcCommand[] = [
  tableCommand,
  solveCommand,
  benchCommand,
  compileCommand,
  verifyCommand,
  discoverCommand,
  drawCommand,
];
