// Client of the Yosys worker: one shared worker thread (Yosys's WebAssembly start-up is slow, so it is
// reused), requests queued one at a time. The worker does not keep the process alive while idle.
// Stage: verify.

import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { workerPath } from '../util/worker-url.js';
import type { YosysReply, YosysRequest } from './yosys-worker.js';
import { Interrupted } from '../util/interrupt.js';

export interface YosysResult {
  /** Yosys exited with status 0. */
  ok: boolean;
  /** Everything Yosys printed. */
  stdout: string;
  /** Files it wrote (text). */
  files: Record<string, string>;
}

let worker: Worker | undefined;
let nextId = 1;
/** Requests in flight, with the worker each was sent to (in order: a worker runs them first come, first served). */
const pending = new Map<number, { resolve: (r: YosysReply) => void; reject: (e: Error) => void; w: Worker; request: YosysRequest }>();
/** Shared with every worker: the ids of requests cancelled before they ran (yosys-worker.ts). */
const CANCEL_SLOTS = 1024;
const cancelled = new Int32Array(new SharedArrayBuffer(4 * CANCEL_SLOTS));

function getWorker(): Worker {
  if (worker) return worker;
  const path = workerPath('verify/yosys-worker.js');
  if (!existsSync(path)) throw new Error(`the Yosys worker ${path} is missing: build btfc first (npm run build)`);
  const w = new Worker(path, { workerData: { cancelled: cancelled.buffer } });
  w.on('message', (r: YosysReply) => {
    const p = pending.get(r.id);
    if (!p) return;
    pending.delete(r.id);
    if (![...pending.values()].some((x) => x.w === w)) w.unref();
    p.resolve(r);
  });
  // Only this worker's requests fail with it: a worker terminated by abortYosys reports its exit later,
  // when a fresh worker may already be running the next request (the floor stopped at its deadline, then
  // the proof).
  const fail = (err: Error) => {
    for (const [id, p] of pending) {
      if (p.w !== w) continue;
      pending.delete(id);
      p.reject(err);
    }
    if (worker === w) worker = undefined;
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`the Yosys worker exited (status ${code})`)));
  w.unref();
  worker = w;
  return w;
}

/**
 * Run Yosys with `args` on an in-memory file tree, in the shared worker thread. `signal` cancels this
 * request alone (a deadline: Interrupted), where abortYosys stops every request (the user's Ctrl-C).
 */
export async function runYosysInWorker(args: string[], files: Record<string, string>, signal?: AbortSignal): Promise<YosysResult> {
  if (signal?.aborted) throw new Interrupted();
  const w = getWorker();
  const id = nextId++;
  const cancel = () => cancelRequest(id);
  signal?.addEventListener('abort', cancel, { once: true });
  let reply: YosysReply;
  try {
    reply = await new Promise<YosysReply>((resolve, reject) => {
      const request: YosysRequest = { id, args, files };
      pending.set(id, { resolve, reject, w, request });
      w.ref();
      w.postMessage(request);
    });
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
  if (reply.crash) {
    // A WebAssembly trap (e.g. out of memory) leaves the instance unusable: start a fresh worker next time.
    if (worker === w) await closeYosys();
    throw new Error(`Yosys could not run: ${reply.crash}`);
  }
  return { ok: reply.ok, stdout: reply.log, files: reply.files };
}

/**
 * Cancel one request: rejected with Interrupted at once. When it is running, its worker is terminated and
 * the requests queued behind it go to a fresh worker; when it waits, the worker skips it. Two floors run
 * side by side (discover's and its decomposition blocks'), and one's deadline must not stop the other's run.
 */
function cancelRequest(id: number): void {
  const p = pending.get(id);
  if (!p) return;
  pending.delete(id);
  const mine = [...pending].filter(([, q]) => q.w === p.w);
  const running = mine.every(([other]) => other > id);
  if (running) {
    if (worker === p.w) worker = undefined;
    void p.w.terminate();
    for (const [, q] of mine) {
      const w = getWorker();
      q.w = w;
      w.ref();
      w.postMessage(q.request);
    }
  } else {
    Atomics.store(cancelled, id % CANCEL_SLOTS, id);
  }
  p.reject(new Interrupted());
}

/**
 * Stop Yosys now (an interruption: runYosys blocks its thread, so the worker is terminated, not asked):
 * every request in flight rejects with Interrupted, and the next one starts a fresh worker.
 */
export function abortYosys(): void {
  const w = worker;
  worker = undefined;
  for (const p of pending.values()) p.reject(new Interrupted());
  pending.clear();
  if (w) void w.terminate();
}

/** Run `work` with Yosys stopped (abortYosys) as soon as `signal` is aborted; Interrupted if it already is. */
export async function withYosysAbort<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
  if (!signal) return work();
  if (signal.aborted) throw new Interrupted();
  signal.addEventListener('abort', abortYosys, { once: true });
  try {
    return await work();
  } finally {
    signal.removeEventListener('abort', abortYosys);
  }
}

/** Stop the worker (tests; the CLI lets it go with the process). */
export async function closeYosys(): Promise<void> {
  const w = worker;
  worker = undefined;
  if (w) await w.terminate();
}

/** A module name as a Yosys command takes it: an escaped identifier keeps its backslash. */
export function yosysName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_$]*$/.test(name) ? name : `\\${name}`;
}

/** The `ERROR: …` lines of a Yosys log, or its last lines when there are none. */
export function yosysErrors(log: string): string {
  const errs = log.split('\n').filter((l) => /^ERROR:/.test(l.trim()));
  if (errs.length > 0) return errs.map((l) => l.trim()).join('\n');
  return log.trim().split('\n').slice(-5).join('\n');
}
