// Fixed-seed solver benchmarks (stage: solve; used by `btfc bench`): throughput of the RRR iteration in
// edge·item·iterations per second on one worker and on all, for both engines (js, the reference
// implementation, and wasm, the SIMD kernel) side by side; the 2×2 multiplier reference task
// (docs/ALGORITHM.md §7) on both; and what starting the workers costs. The multiplier tables are built here
// so the benchmark needs no files.

import { availableParallelism } from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { layeredNet } from '../ir/btf-net.js';
import { TruthTable } from '../ir/truth-table.js';
import { solveNet, type SolveParams } from '../rrr/solve.js';
import { ENGINE_KINDS, type EngineKind } from '../rrr/engine-kind.js';
import { Interrupted } from '../util/interrupt.js';
import { machineScaling } from './machine-scaling.js';

/** The n×n unsigned multiplier: inputs a0…a(n−1) then b0…b(n−1) (x0 = a0), output k = bit k of a·b. */
export function multiplierTable(bits: number): TruthTable {
  const t = new TruthTable(2 * bits, 2 * bits);
  const mask = (1 << bits) - 1;
  for (let m = 0; m < t.numRows; m++) {
    const p = (m & mask) * (m >>> bits);
    for (let k = 0; k < 2 * bits; k++) t.set(k, m, ((p >>> k) & 1) as 0 | 1);
  }
  return t;
}

export interface EngineThroughput {
  /** edge·item·iterations per second, one restart on one worker (the fastest of SAMPLES restarts' own time). */
  oneWorker: number;
  /**
   * The same summed over `workers` restarts running at once: (SAMPLES + 1) × workers restarts in waves of
   * `workers`, the fastest of the waves after the first by their own times (warm, all workers busy).
   * Starting the threads is not in it: the start-up row reports that.
   */
  allWorkers: number;
}

/**
 * Samples per throughput figure, the fastest taken, on both sides of the all-workers / one-worker ratio
 * alike: on a shared machine a sample's time is the code's plus whatever else ran then, so the fastest is
 * the best estimate of the code's, and more samples make the ratio less a matter of which moments were quiet.
 */
const SAMPLES = 4;

export interface ThroughputRow {
  task: string;
  architecture: string;
  edges: number;
  items: number;
  iterations: number;
  js: EngineThroughput;
  wasm: EngineThroughput;
  workers: number;
}

/** Wall time of a one-iteration solve: starting the workers (threads, modules, engines) and little else. */
export interface StartRow {
  engine: EngineKind;
  workers: number;
  ms: number;
}

/** Wall time of a whole `btfc` process for a command that does almost no work: median and minimum of `runs`. */
export interface CliStartRow {
  command: string;
  runs: number;
  medianMs: number;
  minMs: number;
}

export interface ReferenceRow {
  task: string;
  /** The engine it ran on ('default': solveNet's choice). */
  engine: EngineKind | 'default';
  restarts: number;
  solved: number;
  /** [restart, iteration] of each solved restart. */
  solvedAt: [number, number][];
  /** Mean and standard error (population sd / sqrt n, as the reference prints) of iterations per solution. */
  meanIterations: number;
  seIterations: number;
  wallMs: number;
  workers: number;
  settings: Omit<SolveParams, 'workers' | 'restarts'>;
}

export interface BenchResult {
  quick: boolean;
  node: string;
  throughput: ThroughputRow[];
  /** The reference task on each engine (the same restarts solve at the same iterations on both). */
  reference: Record<EngineKind, ReferenceRow>;
  start: StartRow[];
  /** A plain loop's all-workers / one-worker speed on this machine (tools/machine-scaling.ts). */
  machineScaling: number;
  /** Whole-process wall times of short btfc commands (start-up as a user sees it). */
  cli: CliStartRow[];
  /** The same task and seeds, default engine, with fitStop (a restart is solved once its weights fit every care row). */
  referenceFit: ReferenceRow;
  /** 3×3 multiplier at equal work per restart: the reference's architecture and settings, then the wide start discover uses. */
  mul3: Mul3Row[];
}

export interface Mul3Row {
  label: string;
  architecture: string;
  settings: Omit<SolveParams, 'workers' | 'restarts'>;
  restarts: number;
  solved: number;
  /** Iterations of the solved restarts. */
  iterations: number[];
  /** edge·item·iterations each restart may spend (the same for both rows). */
  workPerRestart: number;
  wallMs: number;
}

const BENCH_SEED = 1;

type BenchOptions = { quick: boolean; workers?: number; signal?: AbortSignal; onStep?: (what: string) => void };

/** Run the benchmarks; `quick` is a seconds-long smoke run. */
export async function runBench(opts: BenchOptions): Promise<BenchResult> {
  const workers = opts.workers ?? availableParallelism();
  const throughput = await throughputRows(opts, workers);
  opts.onStep?.(`machine scaling, ${workers} threads`);
  const scaling = await machineScaling(workers, SAMPLES, opts.quick ? 4000 : 40_000);
  const start = await startRows(opts, workers);
  const cli = cliStartRows(opts);
  const { rows: referenceRows, fit: referenceFit } = await referenceTask(opts, workers);
  const mul3 = await mul3Rows(opts, workers);
  return {
    quick: opts.quick,
    node: process.version,
    throughput,
    machineScaling: scaling,
    reference: referenceRows,
    start,
    cli,
    referenceFit,
    mul3,
  };
}

/** Throughput of both engines on the issue's two tasks, 1 worker and all workers (edge·item·it/s). */
async function throughputRows(opts: BenchOptions, workers: number): Promise<ThroughputRow[]> {
  const tasks = [
    { task: '2x2 multiplier', bits: 2, widths: [4, 4, 4, 4], iterations: opts.quick ? 2000 : 50_000 },
    { task: '3x3 multiplier', bits: 3, widths: [6, 12, 12, 12, 6], iterations: opts.quick ? 200 : 5000 },
  ];
  const throughput: ThroughputRow[] = [];
  for (const t of tasks) {
    const items = multiplierTable(t.bits).toItems();
    const net = layeredNet(t.widths, 3);
    const work = t.iterations * net.numEdges * items.count;
    // gapstop 0: never stops early, so every restart runs exactly `iterations`.
    const base: SolveParams = { sigma: 3, beta: 0.2, gamma: 1e-3, iterations: t.iterations, gapstop: 0, restarts: 1, seed: BENCH_SEED, workers: 1, all: true };
    const measure = async (engine: EngineKind): Promise<EngineThroughput> => {
      opts.onStep?.(`throughput ${t.task}, ${engine}, 1 worker`);
      // SAMPLES restarts on one worker; the fastest one's own time, so the figure is of compiled code.
      const one = await solveNet(net, items, { ...base, restarts: SAMPLES, engine }, { signal: opts.signal });
      const oneMs = Math.min(...one.stats.restarts.map((r) => r.timeMs));
      opts.onStep?.(`throughput ${t.task}, ${engine}, ${workers} workers`);
      const all = await solveNet(net, items, { ...base, restarts: (SAMPLES + 1) * workers, workers, engine }, { signal: opts.signal });
      // Waves of `workers` restarts run at once; the first starts the threads and compiles the code. Of
      // the next SAMPLES, the fastest wave's summed rate: the same best-of-SAMPLES as the one-worker figure.
      const waveRate = (w: number) => all.stats.restarts.filter((r) => Math.floor(r.restart / workers) === w)
        .reduce((sum, r) => sum + work / (r.timeMs / 1000), 0);
      const waves = Array.from({ length: SAMPLES }, (_, i) => waveRate(i + 1));
      return { oneWorker: work / (oneMs / 1000), allWorkers: Math.max(...waves) };
    };
    throughput.push({
      task: t.task, architecture: t.widths.join('-'), edges: net.numEdges, items: items.count, iterations: t.iterations,
      js: await measure('js'), wasm: await measure('wasm'), workers,
    });
  }
  return throughput;
}

/** Start-up cost per engine: the wall time of a one-iteration 3×3 solve on 1 and on all workers. */
async function startRows(opts: BenchOptions, workers: number): Promise<StartRow[]> {
  const start: StartRow[] = [];
  for (const engine of ENGINE_KINDS) {
    for (const w of [...new Set([1, workers])]) {
      opts.onStep?.(`start-up, ${engine}, ${w} worker${w > 1 ? 's' : ''}`);
      const res = await solveNet(layeredNet([6, 12, 12, 12, 6], 3), multiplierTable(3).toItems(), {
        sigma: 3, beta: 0.1, gamma: 1e-4, iterations: 1, gapstop: 0, restarts: w, seed: BENCH_SEED, workers: w, all: true, engine,
      }, { signal: opts.signal });
      start.push({ engine, workers: w, ms: res.stats.timeMs });
    }
  }
  return start;
}

/** Start-up as a user sees it: whole `btfc` processes for `--help` and `--version`, one after another. */
function cliStartRows(opts: BenchOptions): CliStartRow[] {
  const bin = fileURLToPath(new URL('../../bin/btfc.js', import.meta.url));
  const runs = opts.quick ? 3 : 9;
  return [['solve', '--help'], ['compile', '--help'], ['--version']].map((args) => {
    opts.onStep?.(`start-up, btfc ${args.join(' ')}`);
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [bin, ...args], { stdio: 'ignore' });
      // Ctrl-C reaches the child too: report the interruption, not a failed command.
      if (opts.signal?.aborted) throw new Interrupted();
      if (r.status !== 0) throw new Error(`btfc ${args.join(' ')} exited ${r.status}`);
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    return { command: `btfc ${args.join(' ')}`, runs, medianMs: ms[runs >> 1]!, minMs: ms[0]! };
  });
}

/** The 2×2 reference task on both engines (solved count, iterations per solution), and once with fitStop. */
async function referenceTask(opts: BenchOptions, workers: number): Promise<{ rows: { js: ReferenceRow; wasm: ReferenceRow }; fit: ReferenceRow }> {
  const settings = { sigma: 3, beta: 0.2, gamma: 1e-3, iterations: 10_000, gapstop: 0.01, seed: BENCH_SEED, all: true };
  const restarts = opts.quick ? 4 : 40;
  const items = multiplierTable(2).toItems();
  const reference = async (fitStop: boolean, engine?: EngineKind): Promise<ReferenceRow> => {
    opts.onStep?.(`2x2 reference task, ${restarts} restarts${engine ? `, ${engine}` : ''}${fitStop ? ', fitStop' : ''}`);
    const res = await solveNet(layeredNet([4, 4, 4, 4], 3), items, { ...settings, restarts, workers, engine, ...(fitStop ? { fitStop } : {}) }, { signal: opts.signal });
    const its = res.stats.restarts.filter((r) => r.solved).map((r) => r.iterations);
    const mean = its.length ? its.reduce((a, b) => a + b, 0) / its.length : NaN;
    const sd = its.length ? Math.sqrt(its.reduce((a, b) => a + (b - mean) ** 2, 0) / its.length) : NaN;
    return {
      task: '2x2 multiplier 4-4-4-4', engine: engine ?? 'default', restarts, solved: its.length,
      solvedAt: res.stats.restarts.filter((r) => r.solved).map((r) => [r.restart, r.iterations] as [number, number]), meanIterations: mean, seIterations: sd / Math.sqrt(its.length),
      wallMs: res.stats.timeMs, workers, settings: { ...settings, ...(fitStop ? { fitStop } : {}) },
    };
  };
  const referenceRows = { js: await reference(false, 'js'), wasm: await reference(false, 'wasm') };
  const referenceFit = await reference(true);

  return { rows: referenceRows, fit: referenceFit };
}

async function mul3Rows(opts: BenchOptions, workers: number): Promise<Mul3Row[]> {
  // 3×3 multiplier, time to solution at equal work per restart: the reference's 6-12-12-12-6 (β .1,
  // γ 1e-4, gapstop; it needs ≈ 4×10⁵ iterations, docs/ALGORITHM.md §7) against the wide two-layer start that
  // discover uses (candidates.ts: 4n nodes per layer, β .2, fitStop).
  const mul3Items = multiplierTable(3).toItems();
  const wideIterations = opts.quick ? 300 : 20_000;
  const wideNet = layeredNet([6, 24, 24, 6], 3);
  const work = wideIterations * wideNet.numEdges * mul3Items.count;
  const mul3: Mul3Row[] = [];
  for (const row of [
    { label: 'reference settings', widths: [6, 12, 12, 12, 6], settings: { sigma: 3, beta: 0.1, gamma: 1e-4, gapstop: 0.01, seed: BENCH_SEED, all: true } },
    { label: 'wide start + fitStop', widths: [6, 24, 24, 6], settings: { sigma: 3, beta: 0.2, gamma: 5e-4, gapstop: 0.01, seed: BENCH_SEED, all: true, fitStop: true } },
  ]) {
    const net = layeredNet(row.widths, 3);
    const iterations = Math.round(work / (net.numEdges * mul3Items.count));
    opts.onStep?.(`3x3 multiplier ${row.widths.join('-')}, ${workers} restarts of ${iterations} iterations`);
    const res = await solveNet(net, mul3Items, { ...row.settings, iterations, restarts: workers, workers }, { signal: opts.signal });
    mul3.push({
      label: row.label, architecture: row.widths.join('-'), settings: { ...row.settings, iterations }, restarts: workers,
      solved: res.stats.solvedCount, iterations: res.stats.restarts.filter((r) => r.solved).map((r) => r.iterations),
      workPerRestart: work, wallMs: res.stats.timeMs,
    });
  }
  return mul3;
}
