// `btfc bench`: fixed-seed solver performance figures (throughput, and the 2×2 reference task), printed as
// a table and optionally written as JSON. Stage: CLI over rrr/bench.ts.

import type { BtfcCommand } from './command.js';
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

export function formatBench(b: BenchResult): string {
  const w = b.throughput[0]?.workers ?? 1;
  const rows = [['task', 'architecture', 'edges', 'items', 'iterations', 'edge·item·it/s, 1 worker', `${w} workers`]];
  for (const t of b.throughput) {
    rows.push([t.task, t.architecture, String(t.edges), String(t.items), formatCount(t.iterations), sci(t.oneWorker), sci(t.allWorkers)]);
  }
  const r = b.reference;
  const s = r.settings;
  const perOf = (x: typeof r) => (x.solved ? `${formatCount(x.meanIterations)} ± ${formatCount(x.seIterations)} iterations per solution` : 'no solution');
  const per = perOf(r);
  const f = b.referenceFit;
  return [
    `btfc bench${b.quick ? ' --quick' : ''} (Node ${b.node}, seed ${s.seed})`,
    '',
    'RRR throughput',
    table(rows),
    '',
    `${r.task}: ${r.restarts} restarts at σ ${s.sigma}, β ${s.beta}, γ ${s.gamma}, itermax ${formatCount(s.iterations)}, gapstop ${s.gapstop}, ${r.workers} workers`,
    `solved ${r.solved}/${r.restarts}; ${per}; wall time ${(r.wallMs / 1000).toFixed(2)} s`,
    `same with fitStop (solved once the weights fit every care row, as discover runs): solved ${f.solved}/${f.restarts}; ${perOf(f)}; wall time ${(f.wallMs / 1000).toFixed(2)} s`,
    '(reference program, one core: 8/20 solved, 4,792 ± 971 iterations per solution, 3.2 s; about 5e7 edge·item·it/s)',
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
  describe: 'Fixed-seed solver benchmarks: RRR throughput, time to solution on the 2×2 multiplier, and the 3×3 at equal work',
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
      return 1;
    }
    io.out(formatBench(result));
    if (args.json !== undefined) {
      writeFileAtomic(args.json, `${JSON.stringify(result, null, 2)}\n`);
      io.out(`wrote ${args.json}`);
    }
    return 0;
  },
};
