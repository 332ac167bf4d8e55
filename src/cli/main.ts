// The btfc command line: composes the pipeline stages; prints, and writes files. No stage logic lives here.

import yargs from 'yargs';
import { btfcVersion } from '../util/version.js';
import { UserError, formatDiagnostic } from '../util/diagnostics.js';
import { sourceCache } from '../flow/load-spec.js';
import { interruptedStatus, type BtfcCommand, type CommandIO } from './command.js';
import { Interrupted } from '../util/interrupt.js';
import { abortYosys } from '../verify/yosys.js';
import { commands } from './commands.js';
import { joinDashValues } from './outputs.js';
import { helpWidth } from './help-cache.js';

/** Tests and the help cache pass their own output and width (`columns`: the terminal's, as for stdout). */
export type MainIO = Partial<CommandIO> & { columns?: number };

/** Run btfc with the given arguments; resolves to the exit status. */
export async function main(argvIn: string[], ioIn?: MainIO): Promise<number> {
  const argv = joinDashValues(argvIn);
  const controller = new AbortController();
  const io: CommandIO = {
    out: ioIn?.out ?? ((t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`)),
    err: ioIn?.err ?? ((t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`)),
    errIsTTY: ioIn?.errIsTTY ?? Boolean(process.stderr.isTTY),
    signal: ioIn?.signal ?? controller.signal,
  };
  // The first SIGINT or SIGTERM aborts the signal: the stages stop at their next check (the solver at its
  // next poll, Yosys at once, synchronous stages between their bounded steps) and write nothing. A second
  // one finds no listener and ends the process at once, the default action.
  const onSignal = (name: NodeJS.Signals) => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    controller.abort(name);
  };
  // Yosys blocks its worker thread: an interruption terminates it, whatever command runs it.
  io.signal.addEventListener('abort', abortYosys, { once: true });
  if (!ioIn?.signal) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }

  let exitCode: number | undefined;
  let usageError: string | undefined;
  // yargs validates (strict options, choices, positionals) before it calls a command's handler, and our
  // fail() records the message instead of throwing: a usage error must stop the run before any work or
  // output, so the handler is skipped once one is recorded.
  const run = (cmd: BtfcCommand) => async (args: unknown) => {
    if (usageError !== undefined) return;
    exitCode = await cmd.handler(args, io);
  };
  let parser = yargs(argv)
    .scriptName('btfc')
    .usage('$0 <command> [options]\n\nBoolean Threshold Function Compiler: a spec in, a small proved gate-level circuit out.')
    .version(btfcVersion())
    .strict()
    .demandCommand(1, 'name a command (see btfc --help)')
    .recommendCommands()
    .wrap(helpWidth(ioIn && 'columns' in ioIn ? ioIn.columns : process.stdout.columns))
    .epilogue('Exit status: 0 success; 1 no solution within the budget, or a failed proof; 2 bad input or usage; '
      + '130 interrupted (Ctrl-C), 143 terminated (SIGTERM), with nothing written.')
    .exitProcess(false)
    .fail((msg, err) => {
      // yargs reports its own usage errors (and a flag's rejected value, cli/solve-flags.ts) as YError.
      if (err && err.name !== 'YError') throw err;
      usageError = msg ?? err?.message;
    });
  for (const cmd of commands) {
    parser = parser.command(cmd.command, cmd.describe, cmd.builder, run(cmd));
  }
  let helpOrVersion = '';
  try {
    await parser.parseAsync(argv, {}, (_err, _argv, output) => {
      if (output) helpOrVersion = output;
    });
  } catch (err) {
    if (err instanceof UserError) {
      for (const d of err.diagnostics) io.err(formatDiagnostic(d, sourceCache));
      return err.exitCode;
    }
    if (err instanceof Interrupted) {
      io.err('interrupted: no files written');
      return interruptedStatus(io.signal);
    }
    throw err;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    io.signal.removeEventListener('abort', abortYosys);
  }
  if (usageError !== undefined) {
    if (helpOrVersion) io.err(helpOrVersion);
    io.err(`btfc: error: ${usageError}`);
    return 2;
  }
  if (helpOrVersion) io.out(helpOrVersion);
  return exitCode ?? 0;
}
