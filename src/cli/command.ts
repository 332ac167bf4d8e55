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
  /**
   * Aborted on Ctrl-C (reason 'SIGINT') or SIGTERM ('SIGTERM'): every stage stops promptly, nothing is
   * written, and the command exits with interruptedStatus(signal).
   */
  signal: AbortSignal;
}

/** The exit status of an interrupted command: 128 + the signal's number (130 for SIGINT, 143 for SIGTERM). */
export function interruptedStatus(signal: AbortSignal): number {
  return signal.reason === 'SIGTERM' ? 143 : 130;
}
