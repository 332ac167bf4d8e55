// How well this machine runs threads side by side (stage: benchmark): a plain floating-point loop on one
// worker thread, then on `workers` at once. `btfc bench` prints it beside the solver's all-workers figure,
// so a scaling below `workers`× can be told apart: the solver's own (shared state, the main thread) or
// the machine's (busy or shared cores, a hypervisor's vCPUs). Nothing of the solver runs here.

import { Worker } from 'node:worker_threads';

/** The loop each thread runs: `n` passes over a small array (no memory traffic beyond the first level cache). */
const LOOP = `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (n) => {
  const t0 = performance.now();
  const a = new Float64Array(4096);
  let s = 0;
  for (let k = 0; k < n; k++) for (let i = 0; i < 4096; i++) { a[i] = a[i] * 0.999 + i * 1e-9; s += a[i]; }
  parentPort.postMessage([performance.now() - t0, s]);
});`;

const timeLoop = (w: Worker, n: number): Promise<number> =>
  new Promise((resolve) => { w.once('message', (m: [number, number]) => resolve(m[0])); w.postMessage(n); });

/**
 * workers × (one thread's time) / (the slowest thread's time when all run at once): `workers` on a machine
 * whose threads do not slow each other down. Each time is the fastest of `reps` tries, as the solver's
 * figures are (the best ratio of single pairs would favour a pair whose one-thread time was taken in a slow
 * moment, and read above `workers`).
 */
export async function machineScaling(workers: number, reps = 4, passes = 40_000): Promise<number> {
  const ws = Array.from({ length: workers }, () => new Worker(LOOP, { eval: true }));
  try {
    await Promise.all(ws.map((w) => timeLoop(w, passes / 20))); // compile the loop on every thread
    let one = Infinity;
    let all = Infinity;
    for (let r = 0; r < reps; r++) {
      one = Math.min(one, await timeLoop(ws[0]!, passes));
      all = Math.min(all, Math.max(...await Promise.all(ws.map((w) => timeLoop(w, passes)))));
    }
    return (workers * one) / all;
  } finally {
    await Promise.all(ws.map((w) => w.terminate()));
  }
}
