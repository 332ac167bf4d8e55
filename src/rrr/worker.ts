// Worker thread of the restart pool (stage: solve). Holds one RrrEngine for the whole solve and runs the
// restarts the pool hands it, one at a time. Control: a shared Int32Array whose slot 0 is the cutoff —
// a restart stops (at its next poll, every POLL_EVERY iterations) once its index exceeds the cutoff.

import { parentPort, workerData } from 'node:worker_threads';
import { createEngine } from './engine-kind.js';
import { runRestart } from './restart.js';
import type { WorkerInit, ToWorker, FromWorker } from './pool.js';

const init = workerData as WorkerInit;
const port = parentPort!;
const engine = createEngine(init.params.engine ?? 'js', init.net, init.items, init.params.sigma);
const control = new Int32Array(init.control);
let lastProgress = 0;

port.on('message', (msg: ToWorker) => {
  if (msg.type !== 'run') return;
  const run = runRestart(engine, init.params, msg.restart, (restart, iteration, gap, bestGap) => {
    const now = Date.now();
    if (now - lastProgress >= init.progressMs) {
      lastProgress = now;
      port.postMessage({ type: 'progress', restart, iteration, gap, bestGap } satisfies FromWorker);
    }
    return Atomics.load(control, 0) < restart;
  });
  port.postMessage({ type: 'done', run } satisfies FromWorker, [run.weights.buffer as ArrayBuffer]);
});
