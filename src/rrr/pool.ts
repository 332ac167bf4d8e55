// Running restarts: in a pool of worker threads, or inline in the calling thread. Stage: solve.
//
// Both paths share one scheduler: restarts are handed out in index order to whichever runner is free; a
// shared cutoff (Int32 in a SharedArrayBuffer, read by the runners at every poll) stops every restart
// whose index is above it. "First solved wins" sets the cutoff to −1 when a restart solves (or, for a
// deterministic winner, to that restart's index); a timeout or an abort sets it to −1. Every restart's result depends only on (base seed, index), never on the runner.

import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { TableItems } from '../ir/truth-table.js';
import { workerPath } from '../util/worker-url.js';
import type { EngineNet } from './engine.js';
import { createEngine, type EngineKind } from './engine-kind.js';
import { runRestart, type RestartRun, type RunParams } from './restart.js';

export interface WorkerInit {
  net: EngineNet;
  items: TableItems;
  params: PoolParams;
  /** SharedArrayBuffer of one Int32: the cutoff. */
  control: SharedArrayBuffer;
  progressMs: number;
}

/** What every restart of a solve shares; `engine` is resolved by solveNet (engine-kind.ts), default js. */
export type PoolParams = RunParams & { sigma: number; engine?: EngineKind };

export type ToWorker = { type: 'run'; restart: number };
export type FromWorker =
  | { type: 'progress'; restart: number; iteration: number; gap: number; bestGap: number }
  | { type: 'done'; run: RestartRun };

export interface PoolOptions {
  restarts: number;
  workers: number;
  inline: boolean;
  /** Stop everything at the first solved restart. */
  firstWins: boolean;
  /** With firstWins: stop only the restarts above the solved one (lowest solved index wins). */
  deterministicWinner: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
  progressMs: number;
  onProgress?: (restart: number, iteration: number, gap: number, bestGap: number) => void;
  onDone?: (run: RestartRun) => void;
}

export interface PoolOutcome {
  runs: RestartRun[];
  timedOut: boolean;
  aborted: boolean;
}

const NO_CUTOFF = 0x7fffffff;

/** Run restarts 0 … restarts−1 and collect their results (in completion order). */
export async function runRestarts(net: EngineNet, items: TableItems, params: PoolParams, opts: PoolOptions): Promise<PoolOutcome> {
  const control = new Int32Array(new SharedArrayBuffer(4));
  control[0] = NO_CUTOFF;
  const runs: RestartRun[] = [];
  let next = 0;
  let timedOut = false;
  let aborted = false;
  const stopAll = () => Atomics.store(control, 0, -1);
  const take = (): number | undefined => (next < opts.restarts && next <= Atomics.load(control, 0) ? next++ : undefined);
  const finished = (run: RestartRun) => {
    runs.push(run);
    opts.onDone?.(run);
    if (run.solved && opts.firstWins) {
      if (!opts.deterministicWinner) stopAll();
      else if (run.restart < Atomics.load(control, 0)) Atomics.store(control, 0, run.restart);
    }
  };
  const onAbort = () => {
    aborted = true;
    stopAll();
  };
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const deadline = opts.timeoutMs !== undefined ? Date.now() + opts.timeoutMs : Infinity;
  const timer = opts.timeoutMs !== undefined ? setTimeout(() => { timedOut = true; stopAll(); }, opts.timeoutMs) : undefined;
  try {
    if (opts.inline) {
      const engine = createEngine(params.engine ?? 'js', net, items, params.sigma);
      let lastProgress = 0;
      for (let k = take(); k !== undefined; k = take()) {
        const run = runRestart(engine, params, k, (restart, iteration, gap, bestGap) => {
          const now = Date.now();
          if (now >= deadline) { timedOut = true; stopAll(); }
          if (opts.signal?.aborted && !aborted) onAbort();
          if (opts.onProgress && now - lastProgress >= opts.progressMs) {
            lastProgress = now;
            opts.onProgress(restart, iteration, gap, bestGap);
          }
          return Atomics.load(control, 0) < restart;
        });
        finished(run);
        // Let timers and the abort signal in between restarts.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } else {
      await runInWorkers(net, items, params, opts, control, take, finished);
    }
  } finally {
    if (timer) clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
  return { runs, timedOut, aborted };
}

async function runInWorkers(
  net: EngineNet, items: TableItems, params: PoolParams, opts: PoolOptions,
  control: Int32Array, take: () => number | undefined, finished: (run: RestartRun) => void,
): Promise<void> {
  const count = Math.max(1, Math.min(opts.workers, opts.restarts));
  const init: WorkerInit = {
    net: {
      numNodes: net.numNodes, numInputs: net.numInputs, numOutputs: net.numOutputs, firstBtf: net.firstBtf,
      firstOutput: net.firstOutput, numEdges: net.numEdges, edgeRecv: net.edgeRecv, edgeSend: net.edgeSend,
      inStart: net.inStart, inDegree: net.inDegree,
    },
    items, params, control: control.buffer as SharedArrayBuffer, progressMs: opts.progressMs,
  };
  const file = workerPath('rrr/worker.js');
  if (!existsSync(file)) throw new Error(`the solver worker ${file} is missing: build btfc first (npm run build)`);
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let busy = 0;
      let failed = false;
      const fail = (err: unknown) => {
        if (failed) return;
        failed = true;
        Atomics.store(control, 0, -1);
        reject(err instanceof Error ? err : new Error(String(err)));
      };
      const feed = (worker: Worker) => {
        const k = take();
        if (k === undefined) {
          if (busy === 0) resolve();
          return;
        }
        busy++;
        worker.postMessage({ type: 'run', restart: k } satisfies ToWorker);
      };
      for (let j = 0; j < count; j++) {
        let worker: Worker;
        try {
          worker = new Worker(file, { workerData: init });
        } catch (err) {
          fail(new Error(`cannot start a solver worker (${file}): ${err instanceof Error ? err.message : String(err)}`));
          return;
        }
        workers.push(worker);
        worker.on('message', (msg: FromWorker) => {
          if (msg.type === 'progress') {
            opts.onProgress?.(msg.restart, msg.iteration, msg.gap, msg.bestGap);
          } else {
            busy--;
            finished(msg.run);
            feed(worker);
          }
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (code !== 0) fail(new Error(`solver worker exited with code ${code}`));
        });
      }
      for (const worker of workers) feed(worker);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
