// The shape of one btfc command: yargs options, its help text and a handler that returns the exit status.
// Each command lives in its own module next to its help (docs/ARCHITECTURE.md: help beside the code).

import type { Argv } from 'yargs';

export interface BtfcCommand {
  /** yargs command string, e.g. `table <spec>`. */
  command: string;
  describe: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  builder: (y: Argv) => Argv<any>;
  /** Returns the exit status: 0 success, 1 no solution / failed proof, 2 bad input. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handler: (args: any, io: CommandIO) => Promise<number>;
}

/** Where a command prints; tests pass their own to capture output. */
export interface CommandIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  errIsTTY: boolean;
  /** Aborted on Ctrl-C: long work stops cleanly and writes nothing partial. */
  signal: AbortSignal;
}
