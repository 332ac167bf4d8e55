// `btfc bench`: fixed-seed solver performance figures (throughput of both engines, start-up, and the 2×2
// reference task on both), printed as tables and optionally written as JSON. Stage: CLI over
// tools/bench-solver.ts.

import { interruptedStatus, type BtfcCommand } from './command.js';
import { runBench, type BenchResult } from '../tools/bench-solver.js';
import { writeFileAtomic } from '../util/fs-atomic.js';
import { formatCount } from './progress.js';
import { userError } from '../util/diagnostics.js';

function sci(v: number): string {
  return v.toExponential(2).replace('e+', 'e');
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

function throughputTable(b: BenchResult): string {
  const w = b.throughput[0]?.workers ?? 1;
  const rows = [['task', 'architecture', 'edges', 'items', 'iterations', 'js, 1 worker', 'wasm, 1 worker', 'wasm/js',
    `js, ${w} workers`, `wasm, ${w} workers`, 'wasm/js', `wasm ${w}/1`]];
  for (const t of b.throughput) {
    rows.push([t.task, t.architecture, String(t.edges), String(t.items), formatCount(t.iterations),
      sci(t.js.oneWorker), sci(t.wasm.oneWorker), ratio(t.wasm.oneWorker, t.js.oneWorker),
      sci(t.js.allWorkers), sci(t.wasm.allWorkers), ratio(t.wasm.allWorkers, t.js.allWorkers),
      ratio(t.wasm.allWorkers, t.wasm.oneWorker)]);
  }
  return table(rows);
}

function startLine(b: BenchResult): string {
  const parts = b.start.map((r) => `${r.engine} ${r.workers} worker${r.workers > 1 ? 's' : ''} ${r.ms.toFixed(0)} ms`);
  const cli = b.cli.map((r) => `${r.command} ${r.medianMs.toFixed(0)} ms (min ${r.minMs.toFixed(0)})`);
  return `start-up (wall time of a one-iteration 3x3 solve: threads, modules, engines): ${parts.join(', ')}\n`
    + `start-up (whole process, median of ${b.cli[0]?.runs ?? 0}): ${cli.join(', ')}`;
}

function referenceLines(b: BenchResult): string[] {
  const { js, wasm } = b.reference;
  const s = wasm.settings;
  const perOf = (x: typeof js) => (x.solved ? `${formatCount(x.meanIterations)} ± ${formatCount(x.seIterations)} iterations per solution` : 'no solution');
  const line = (name: string, x: typeof js) => `  ${name.padEnd(7)} solved ${x.solved}/${x.restarts}; ${perOf(x)}; wall time ${(x.wallMs / 1000).toFixed(2)} s`;
  const same = JSON.stringify(js.solvedAt) === JSON.stringify(wasm.solvedAt);
  const f = b.referenceFit;
  return [
    `${wasm.task}: ${wasm.restarts} restarts at σ ${s.sigma}, β ${s.beta}, γ ${s.gamma}, itermax ${formatCount(s.iterations)}, gapstop ${s.gapstop}, ${wasm.workers} workers`,
    line('js', js),
    line('wasm', wasm),
    `  ${same ? 'the same restarts solve at the same iterations on both engines' : 'the engines solve DIFFERENT restarts or at different iterations'}`,
    `  with fitStop (solved once the weights fit every care row, as discover runs): solved ${f.solved}/${f.restarts}; ${perOf(f)}; wall time ${(f.wallMs / 1000).toFixed(2)} s`,
    '(reference program, one core: 8/20 solved, 4,792 ± 971 iterations per solution, 3.2 s; about 5e7 edge·item·it/s)',
  ];
}

export function formatBench(b: BenchResult): string {
  return [
    `btfc bench${b.quick ? ' --quick' : ''} (Node ${b.node}, seed ${b.reference.wasm.settings.seed})`,
    '',
    'RRR throughput, edge·item·it/s (js: the JavaScript reference engine; wasm: the WebAssembly SIMD kernel)',
    throughputTable(b),
    `(this machine: a plain loop on ${b.throughput[0]?.workers ?? 1} threads at once runs ${b.machineScaling.toFixed(2)}× one thread: the scaling the all-workers figures compare with)`,
    startLine(b),
    '',
    ...referenceLines(b),
    '',
    `3x3 multiplier, equal work per restart (${sci(b.mul3[0]?.workPerRestart ?? 0)} edge·item·iterations):`,
    table([
      ['settings', 'architecture', 'σ', 'β', 'γ', 'iterations', 'solved', 'iterations of solved', 'wall'],
      ...b.mul3.map((m) => [m.label, m.architecture, String(m.settings.sigma), String(m.settings.beta), String(m.settings.gamma),
        formatCount(m.settings.iterations), `${m.solved}/${m.restarts}`, m.iterations.length ? m.iterations.map(formatCount).join(', ') : '–',
        `${(m.wallMs / 1000).toFixed(1)} s`]),
    ]),
    '(reference program: 6-12-12-12-6, β .1, γ 1e-4 solved 1 of 2 restarts, at 391,925 iterations)',
  ].join('\n');
}

export const benchCommand: BtfcCommand = {
  command: 'bench',
  describe: 'Fixed-seed solver benchmarks: RRR throughput of the js and wasm engines, time to solution on the 2×2 multiplier, and the 3×3 at equal work',
  builder: (y) => y
    .option('json', { type: 'string', describe: 'also write the figures as JSON to this file' })
    .option('quick', { type: 'boolean', default: false, describe: 'a seconds-long smoke run (fewer iterations and restarts)' })
    .option('workers', { type: 'number', describe: 'workers for the all-workers figures (default: available CPUs)' })
    .example('$0 bench --json bench.json', 'measure and keep the figures'),
  handler: async (args: { json?: string; quick: boolean; workers?: number }, io) => {
    if (args.workers !== undefined && !(Number.isSafeInteger(args.workers) && args.workers >= 1)) {
      throw userError(`--workers ${args.workers} must be an integer ≥ 1`);
    }
    const result = await runBench({
      quick: args.quick, workers: args.workers, signal: io.signal,
      onStep: (what) => io.err(`bench: ${what}`),
    });
    if (io.signal.aborted) {
      io.err('interrupted: no files written');
      return interruptedStatus(io.signal);
    }
    io.out(formatBench(result));
    if (args.json !== undefined) {
      writeFileAtomic(args.json, `${JSON.stringify(result, null, 2)}\n`);
      io.out(`wrote ${args.json}`);
    }
    return 0;
  },
};
