// Atomic file output: every file btfc writes goes to a temporary file in the same directory and is renamed
// over the target, so an interrupted run never leaves a partial file (docs/ARCHITECTURE.md, "Output rules"). Temporary files
// still present when the process exits (Ctrl-C between writing and renaming, a failed write) are removed.

import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { userError } from './diagnostics.js';

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

function tempName(path: string): string {
  const abs = resolve(path);
  return join(dirname(abs), `.${basename(abs)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
}

function failure(path: string, err: unknown) {
  const code = (err as NodeJS.ErrnoException)?.code;
  const why = code === 'ENOENT' ? 'no such directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'it is a directory' : (err as Error)?.message ?? String(err);
  return userError(`cannot write ${path}: ${why}`, 'check the output path', path);
}

/**
 * Write several files all-or-nothing as far as the file system allows: every temporary file is written
 * first, then all are renamed. On any failure the temporary files are removed and nothing is renamed.
 */
export function writeFilesAtomic(files: readonly { path: string; data: string | Uint8Array }[]): void {
  hook();
  const temps: { tmp: string; path: string }[] = [];
  try {
    for (const f of files) {
      const tmp = tempName(f.path);
      live.add(tmp);
      temps.push({ tmp, path: f.path });
      try {
        writeFileSync(tmp, f.data);
      } catch (err) {
        throw failure(f.path, err);
      }
    }
    for (const t of temps) {
      try {
        renameSync(t.tmp, t.path);
      } catch (err) {
        throw failure(t.path, err);
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

/** Write one file atomically (temporary file in the same directory, then rename). */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeFilesAtomic([{ path, data }]);
}
