// Atomic file output: every regular file btfc writes goes to a temporary file in the same directory and is
// renamed over the target, so an interrupted run never leaves a partial file (docs/ARCHITECTURE.md,
// "Output rules"). Temporary files still present when the process exits (Ctrl-C between writing and
// renaming, a failed write) are removed. Targets are classified by util/output-paths.ts: a symbolic link
// is followed and the file it names replaced (the link stays); a character device or FIFO is written
// through in place (a rename would replace `/dev/null` with a file); `-` goes to standard output.

import { closeSync, constants, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { cannotWrite, outputTarget, reason, type OutputTarget } from './output-paths.js';

const live = new Set<string>();
let hooked = false;

function cleanup(): void {
  for (const t of live) {
    try { unlinkSync(t); } catch { /* already gone */ }
  }
  live.clear();
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', cleanup);
}

function tempName(realPath: string): string {
  return join(dirname(realPath), `.${basename(realPath)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
}

/** Write `data` through to a character device or FIFO, in place. */
function writeStream(path: string, target: OutputTarget & { kind: 'stream' }, data: string | Uint8Array): void {
  let probe: number | undefined;
  let fd: number | undefined;
  try {
    // A blocking open of a FIFO nobody reads waits forever, deaf to Ctrl-C: probe without blocking first,
    // and keep the probe open until the real descriptor is (closing it first would send the reader EOF).
    if (target.fifo) probe = openSync(target.path, constants.O_WRONLY | constants.O_NONBLOCK);
    fd = openSync(target.path, constants.O_WRONLY);
    if (probe !== undefined) { closeSync(probe); probe = undefined; }
    writeFileSync(fd, data);
  } catch (err) {
    throw cannotWrite(path, reason(err));
  } finally {
    for (const d of [probe, fd]) if (d !== undefined) try { closeSync(d); } catch { /* the write's error is the one to report */ }
  }
}

export interface WriteOptions {
  /** Where `-` goes (default: the process's standard output). */
  stdout?: (data: string) => void;
}

// process.stdout, not a write to descriptor 1: libuv may have made a pipe non-blocking (EAGAIN when full).
const defaultStdout = (data: string) => { process.stdout.write(data); };

/**
 * Write several files all-or-nothing as far as the file system allows: every temporary file is written
 * first, then the streams (devices, FIFOs, standard output: these cannot be taken back), then all
 * temporary files are renamed. On any failure the temporary files are removed and nothing is renamed.
 */
export function writeFilesAtomic(files: readonly { path: string; data: string | Uint8Array }[], opts: WriteOptions = {}): void {
  hook();
  const targets = files.map((f) => ({ ...f, target: outputTarget(f.path) }));
  const temps: { tmp: string; path: string; real: string }[] = [];
  try {
    for (const f of targets) {
      if (f.target.kind !== 'file') continue;
      const tmp = tempName(f.target.path);
      live.add(tmp);
      temps.push({ tmp, path: f.path, real: f.target.path });
      try {
        writeFileSync(tmp, f.data);
      } catch (err) {
        throw cannotWrite(f.path, reason(err));
      }
    }
    for (const f of targets) {
      if (f.target.kind === 'stream') writeStream(f.path, f.target, f.data);
      if (f.target.kind === 'stdout') (opts.stdout ?? defaultStdout)(typeof f.data === 'string' ? f.data : Buffer.from(f.data).toString('utf8'));
    }
    for (const t of temps) {
      try {
        renameSync(t.tmp, t.real);
      } catch (err) {
        throw cannotWrite(t.path, reason(err));
      }
      live.delete(t.tmp);
    }
  } finally {
    for (const t of temps) {
      if (live.has(t.tmp)) {
        try { unlinkSync(t.tmp); } catch { /* never created */ }
        live.delete(t.tmp);
      }
    }
  }
}

/** Write one file atomically (temporary file in the same directory, then rename; see writeFilesAtomic). */
export function writeFileAtomic(path: string, data: string | Uint8Array, opts: WriteOptions = {}): void {
  writeFilesAtomic([{ path, data }], opts);
}
