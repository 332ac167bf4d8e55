// How a command reports an InternalError (stage: CLI): a bug in btfc — a circuit that fails simulation,
// a proof that refutes one — never a property of the input. Nothing has been written when one reaches
// here (flow/finish.ts checks before it writes); the command prints why and exits 1.

import type { CommandIO } from './command.js';
import { InternalError } from '../util/internal-error.js';

/** `run`'s result, or undefined after an InternalError was reported on stderr (the command exits 1). */
export async function reportInternalErrors<T>(io: CommandIO, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof InternalError)) throw err;
    io.err(`btfc: internal error: ${err.message}\nThis is a bug in btfc, not in your spec; no files were written. Please report it with the spec and options.`);
    return undefined;
  }
}
