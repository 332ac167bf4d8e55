// Worker thread that runs Yosys (WebAssembly, @yowasp/yosys). runYosys blocks the thread it runs on, so it
// lives here and the main thread talks to it by messages (yosys.ts). One request at a time.
// Stage: verify.

import { parentPort, workerData } from 'node:worker_threads';
import { runYosys } from '@yowasp/yosys';

export interface YosysRequest { id: number; args: string[]; files: Record<string, string> }
export interface YosysReply {
  id: number;
  /** Yosys exited with status 0. */
  ok: boolean;
  /** stdout and stderr interleaved. */
  log: string;
  /** Files Yosys wrote or changed (text), by name. */
  files: Record<string, string>;
  /** A failure that is not a Yosys exit (e.g. the WebAssembly module did not load). */
  crash?: string;
}

const decoder = new TextDecoder();

/**
 * Requests cancelled while they waited (yosys.ts cancelRequest): slot id % length holds id. Messages are
 * handled in order, so a cancellation sent as a message would arrive after the request it cancels.
 */
const cancelled = new Int32Array((workerData as { cancelled: SharedArrayBuffer }).cancelled);

function textFiles(tree: unknown, inputs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  if (!tree || typeof tree !== 'object') return out;
  for (const [name, v] of Object.entries(tree as Record<string, unknown>)) {
    const text = typeof v === 'string' ? v : v instanceof Uint8Array ? decoder.decode(v) : undefined;
    if (text !== undefined && inputs[name] !== text) out[name] = text;
  }
  return out;
}

parentPort!.on('message', async (req: YosysRequest) => {
  if (Atomics.load(cancelled, req.id % cancelled.length) === req.id) {
    parentPort!.postMessage({ id: req.id, ok: false, log: '', files: {}, crash: 'cancelled' } satisfies YosysReply);
    return;
  }
  let log = '';
  const sink = (b: Uint8Array | null) => { if (b) log += decoder.decode(b, { stream: true }); };
  try {
    const tree = await runYosys(req.args, req.files, { stdout: sink, stderr: sink });
    parentPort!.postMessage({ id: req.id, ok: true, log, files: textFiles(tree, req.files) } satisfies YosysReply);
  } catch (err) {
    const e = err as { code?: number; files?: unknown; message?: string };
    if (typeof e?.code === 'number') {
      parentPort!.postMessage({ id: req.id, ok: false, log, files: textFiles(e.files, req.files) } satisfies YosysReply);
    } else {
      parentPort!.postMessage({ id: req.id, ok: false, log, files: {}, crash: String(e?.message ?? err) } satisfies YosysReply);
    }
  }
});
