// `btfc solve SPEC`: train a Boolean threshold network for a spec by RRR and report the restarts.
// Stage: CLI — composes load-spec → solveSetup (options, architecture) → solveNet, prints, writes files.

import type { Argv } from 'yargs';
import { loadSpec } from '../flow/load-spec.js';
import { interruptedStatus, type BtfcCommand, type CommandIO } from './command.js';
import { solveSetup, type SolveSetup } from '../flow/lower.js';
import { addSolveFlags, type SolveArgs } from './solve-flags.js';
import { solveProgress, restartLine, formatCount } from './progress.js';
import { solveNet, type SolveResult } from '../rrr/solve.js';
import { writeNet } from '../formats/net-io.js';
import { writeFilesAtomic } from '../util/fs-atomic.js';
import { checkInputName, outputName, prepareOutputs } from './outputs.js';
import { fitsTable } from '../ir/btf-net.js';

interface Args extends SolveArgs {
  spec: string;
  circuit?: string;
  net?: string;
  json?: string;
}

/** Mean and standard error of iterations per solution, computed as the reference does (population sd / sqrt n). */
export function iterationStats(iterations: readonly number[]): { count: number; mean: number; se: number } {
  const n = iterations.length;
  if (n === 0) return { count: 0, mean: NaN, se: NaN };
  const mean = iterations.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(iterations.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  return { count: n, mean, se: sd / Math.sqrt(n) };
}

/** The machine-readable report of a solve (`--json`). */
export function solveReport(spec: { name: string; file: string }, setup: SolveSetup, result: SolveResult) {
  const solvedIts = result.stats.restarts.filter((r) => r.solved).map((r) => r.iterations);
  const st = iterationStats(solvedIts);
  const { timeoutMs, ...options } = setup.params;
  return {
    circuit: spec.name,
    file: spec.file,
    architecture: setup.widths.join('-'),
    widths: setup.widths,
    edges: setup.net.numEdges,
    items: setup.items.count,
    options: { ...options, ...(timeoutMs !== undefined ? { timeout: timeoutMs / 1000 } : {}) },
    optionSources: setup.sources,
    solved: result.solved,
    solvedCount: result.stats.solvedCount,
    iterationsPerSolution: st.count ? { mean: st.mean, se: st.se } : null,
    timeMs: result.stats.timeMs,
    timedOut: result.stats.timedOut,
    aborted: result.stats.aborted,
    best: result.best ? { restart: result.best.restart, trainAccuracy: result.best.trainAccuracy, weights: Array.from(result.best.weights) } : null,
    restarts: result.stats.restarts.map((r) => ({
      restart: r.restart, seed: r.seed, solved: r.solved, iterations: r.iterations, gap: r.gap, bestGap: r.bestGap,
      trainAccuracy: r.trainAccuracy, timeMs: r.timeMs,
      ...(r.stopped ? { stopped: true } : {}), ...(r.warning ? { warning: r.warning } : {}),
    })),
  };
}

async function handler(args: Args, io: CommandIO): Promise<number> {
  checkInputName(args.spec);
  const spec = await loadSpec(args.spec, args.circuit);
  const setup = solveSetup(args, spec);
  const { params, widths, net, items } = setup;
  // Every output is checked before the solve; with one of them on stdout (`-`), the summary goes to stderr.
  const say = prepareOutputs(io, [{ option: '--json', path: args.json }, { option: '--net', path: args.net }], [args.spec]);
  io.err(`${spec.name}: ${widths.join('-')} (${net.numEdges} edges, ${items.count} items), σ ${params.sigma}, β ${params.beta}, `
    + `γ ${params.gamma}, ${formatCount(params.iterations)} iterations × ${params.restarts} restarts, seed ${params.seed}, `
    + `${Math.min(params.workers, params.restarts)} worker${Math.min(params.workers, params.restarts) === 1 ? '' : 's'}`);
  const progress = solveProgress(io, params, params.timeoutMs !== undefined ? { timeoutMs: params.timeoutMs } : {});
  let result: SolveResult;
  try {
    result = await solveNet(net, items, params, {
      signal: io.signal,
      onProgress: progress.hooks.onProgress,
      onRestartDone: (r) => {
        progress.hooks.onRestartDone(r);
        if (r.warning && io.errIsTTY) io.err(`\nwarning: ${r.warning}`);
      },
    });
  } finally {
    progress.finish();
  }
  const st = result.stats;
  // Never report a network that does not reproduce the table (the solver checks; this checks again).
  for (const s of result.solutions) {
    if (!fitsTable(result.net, s.weights, items)) throw new Error(`internal error: restart ${s.restart} was reported solved but its forward pass disagrees with the table`);
  }
  if (st.aborted) {
    io.err('interrupted: no files written');
    return interruptedStatus(io.signal);
  }
  const lines: string[] = [];
  if (params.all) for (const r of st.restarts) lines.push(restartLine(r, params.restarts));
  const solvedIts = st.restarts.filter((r) => r.solved).map((r) => r.iterations);
  const its = iterationStats(solvedIts);
  const secs = (st.timeMs / 1000).toFixed(2);
  if (result.solved) {
    const per = its.count > 1 ? `${formatCount(its.mean)} ± ${formatCount(its.se)}` : formatCount(its.mean);
    lines.push(`${spec.name}: solved ${st.solvedCount} of ${st.restarts.length} restart${st.restarts.length === 1 ? '' : 's'} run`
      + `${st.restarts.length < params.restarts ? ` (of ${params.restarts})` : ''}; ${per} iterations per solution; ${secs} s`);
    const b = st.restarts.find((r) => r.restart === result.best!.restart)!;
    lines.push(`best: restart ${b.restart + 1} (seed ${b.seed}), ${formatCount(b.iterations)} iterations, gap ${b.gap.toFixed(4)}`);
  } else {
    const why = st.timedOut ? `timed out after ${secs} s` : `${secs} s`;
    lines.push(`${spec.name}: not solved: 0 of ${st.restarts.length} restarts; ${why}`);
    if (result.best) {
      const b = st.restarts.find((r) => r.restart === result.best!.restart)!;
      lines.push(`best: restart ${b.restart + 1} (seed ${b.seed}), best gap ${b.bestGap.toFixed(4)}, training accuracy ${(100 * b.trainAccuracy).toFixed(1)} %`);
    }
    lines.push('hint: try more --restarts or --iterations, a wider architecture (--hidden), or a smaller --beta');
  }
  // Files only on success (docs/ARCHITECTURE.md, "Output rules"): an unsolved run writes neither.
  const writes: { path: string; data: string }[] = [];
  if (result.solved && args.json !== undefined) writes.push({ path: args.json, data: `${JSON.stringify(solveReport(spec, setup, result), null, 2)}\n` });
  if (result.solved && args.net !== undefined) writes.push({ path: args.net, data: writeNet(net, result.best!.weights) });
  writeFilesAtomic(writes, { stdout: io.out });
  if (writes.length) lines.push(`wrote ${writes.map((w) => outputName(w.path)).join(', ')}`);
  const unwritten = [args.json, args.net].filter((p) => p !== undefined && !result.solved);
  if (unwritten.length) lines.push(`${unwritten.join(', ')} not written: no restart solved`);
  say(lines.join('\n'));
  return result.solved ? 0 : 1;
}

export const solveCommand: BtfcCommand = {
  command: 'solve <spec>',
  describe: 'Train a Boolean threshold network for a spec by RRR (restarts in parallel) and report',
  builder: (y: Argv) => addSolveFlags(y
    .positional('spec', { type: 'string', describe: 'spec, .pla, .truth or .dat file', demandOption: true })
    .option('circuit', { type: 'string', describe: 'which circuit of a multi-circuit spec' })
    .option('net', { type: 'string', describe: 'write the solved network in the reference .net format (only when solved; - for standard output)' })
    .option('json', { type: 'string', describe: 'write a JSON report of every restart (only when solved; - for standard output)' }))
    .example('$0 solve examples/mul2.spec --hidden 4,4 --restarts 40 --all --json r.json', 'the reference 2×2 multiplier experiment')
    .epilogue('Files are written only when a restart solved the table; every output path is checked before the solve. '
      + 'Exit status: 0 a restart solved the table, 1 none did (within --iterations, --restarts, --timeout; nothing written), 2 bad input.'),
  handler: (args: Args, io) => handler(args, io),
};
