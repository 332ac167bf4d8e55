// Where an output goes, and whether it can go there (docs/ARCHITECTURE.md, "Output rules"). A path names
// one of three kinds of target: `-` (standard output), a regular file — new or existing, reached through
// any symbolic links, replaced by an atomic rename (util/fs-atomic.ts) — or a stream, a character device or
// FIFO (`/dev/null`, a named pipe), written through in place: renaming a file over `/dev/null` would
// destroy the device. Directories, block devices and sockets are refused.
//
// checkOutputs runs before any work, so a command with a bad output path stops at once (exit 2) instead of
// after the solve and the proof; it also refuses an output that is one of the inputs (the spec would be
// overwritten) and two outputs on one file (one would overwrite the other).

import { accessSync, constants, lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { userError } from './diagnostics.js';

/** The name that means standard output. */
export const STDOUT = '-';

/** Names of this process's standard output, treated as `-` (a rename over them would miss the stream). */
const STDOUT_NAMES = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

export type OutputTarget =
  | { kind: 'stdout' }
  /** A regular file at `path` (symbolic links followed), `stats` when it exists. */
  | { kind: 'file'; path: string; stats?: Stats }
  /** A character device or FIFO at `path`: written through, never replaced. */
  | { kind: 'stream'; path: string; fifo: boolean };

const errCode = (err: unknown) => (err as NodeJS.ErrnoException)?.code;

/** Why a file system call failed, in words (the code in brackets for the rarer ones). */
export function reason(err: unknown): string {
  const code = errCode(err);
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'it is a directory';
    case 'ENOTDIR': return 'a part of the path is not a folder';
    case 'ENOSPC': return 'no space left on the device (ENOSPC)';
    case 'EROFS': return 'read-only file system (EROFS)';
    case 'EDQUOT': return 'disk quota exceeded (EDQUOT)';
    case 'ENXIO': return 'no process is reading the FIFO (ENXIO)';
    case 'ELOOP': return 'too many levels of symbolic links (ELOOP)';
    case 'ENAMETOOLONG': return 'file name too long (ENAMETOOLONG)';
    default: return code ? `${(err as Error).message}` : String(err);
  }
}

/** The error of an output that cannot be written, named as the user gave it. */
export function cannotWrite(path: string, why: string) {
  return userError(`cannot write ${path}: ${why}`, 'choose another output path (or `-` for standard output)');
}

/** Follow symbolic links from `path` to the place they name (which may not exist yet). */
function followLinks(path: string): { path: string; stats?: Stats } {
  let p = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let st: Stats;
    try {
      st = lstatSync(p);
    } catch (err) {
      if (errCode(err) === 'ENOENT') return { path: p };
      throw cannotWrite(path, reason(err));
    }
    // A descriptor link under /proc names an open file, a pipe or a socket, not a path to follow.
    if (!st.isSymbolicLink() || /^\/proc\/(self|\d+)\/fd\/\d+$/.test(p)) return { path: p, stats: st.isSymbolicLink() ? statSync(p) : st };
    p = resolve(dirname(p), readlinkSync(p));
  }
  throw cannotWrite(path, reason({ code: 'ELOOP' }));
}

/** What kind of target `path` names; refuses what btfc never writes to (directories, disks, sockets). */
export function outputTarget(path: string): OutputTarget {
  if (path === '') throw userError('an output file name is empty', 'name a file, or `-` for standard output');
  if (path === STDOUT || STDOUT_NAMES.has(path)) return { kind: 'stdout' };
  if (path.includes('\0')) throw userError('an output file name holds a NUL byte', 'name a file without control characters');
  // `out/` names a folder; resolve() would drop the slash and write a file `out`.
  if (/[/\\]$/.test(path)) throw cannotWrite(path, 'the name ends in a slash (a folder), not a file name');
  const { path: real, stats } = followLinks(path);
  if (!stats || stats.isFile()) return { kind: 'file', path: real, ...(stats ? { stats } : {}) };
  if (stats.isCharacterDevice() || stats.isFIFO()) return { kind: 'stream', path: real, fifo: stats.isFIFO() };
  if (stats.isDirectory()) throw cannotWrite(path, 'it is a directory');
  if (stats.isBlockDevice()) throw cannotWrite(path, 'it is a block device (a disk); btfc does not write to disks');
  throw cannotWrite(path, 'it is a socket');
}

/** Throws unless `target` can be written now: its folder exists and is writable, or the stream is. */
function checkWritable(path: string, target: OutputTarget): void {
  if (target.kind === 'stdout') return;
  if (target.kind === 'stream') {
    try { accessSync(target.path, constants.W_OK); } catch (err) { throw cannotWrite(path, reason(err)); }
    return;
  }
  // A file is written next to itself and renamed into place: its folder must take new entries.
  const dir = dirname(target.path);
  let st: Stats;
  try {
    st = statSync(dir);
  } catch (err) {
    throw cannotWrite(path, errCode(err) === 'ENOENT' ? `no such folder ${dir}` : reason(err));
  }
  if (!st.isDirectory()) throw cannotWrite(path, `${dir} is not a folder`);
  try { accessSync(dir, constants.W_OK | constants.X_OK); } catch (err) {
    throw cannotWrite(path, `${reason(err)} (folder ${dir})`);
  }
}

/** One identity per file: device and inode when it exists (hard links and symbolic links agree), else the real path. */
function identity(target: OutputTarget & { kind: 'file' }): string {
  if (target.stats) return `inode ${target.stats.dev}:${target.stats.ino}`;
  let dir = dirname(target.path);
  try { dir = realpathSync(dir); } catch { /* checkWritable reports a missing folder */ }
  return `path ${resolve(dir, basename(target.path))}`;
}

function inputIdentity(path: string): string | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? `inode ${st.dev}:${st.ino}` : undefined;
  } catch {
    return undefined;
  }
}

export interface OutputRequest {
  /** The option that named it, for messages (`-o`, `--json`). */
  option: string;
  /** The path given; undefined when the option was not given (an array when it was given more than once). */
  path: string | readonly string[] | undefined;
}

/**
 * Check every output before any work (exit 2 on the first problem): a name, a writable place, not one of
 * `inputs`, and no two outputs on one file or both on standard output. Streams may be shared
 * (`-o /dev/null --json /dev/null` discards both).
 */
export function checkOutputs(outputs: readonly OutputRequest[], inputs: readonly string[]): void {
  const ins = new Map<string, string>();
  for (const i of inputs) {
    const id = inputIdentity(i);
    if (id) ins.set(id, i);
  }
  const seen = new Map<string, OutputRequest>();
  for (const o of outputs) {
    if (o.path === undefined) continue;
    if (typeof o.path !== 'string') {
      throw userError(`${o.option} is given ${o.path.length} times (${o.path.map((p) => p || "''").join(', ')})`, `give ${o.option} once`);
    }
    if (o.path === '') throw userError(`${o.option} names an empty file`, `give ${o.option} a file name, or \`-\` for standard output`);
    const target = outputTarget(o.path);
    checkWritable(o.path, target);
    if (target.kind === 'stream') continue;
    const id = target.kind === 'stdout' ? 'stdout' : identity(target);
    const input = ins.get(id);
    if (input !== undefined) {
      throw userError(`${o.option} ${o.path} is the input ${input}: writing it would destroy the input`, 'choose another output path');
    }
    const other = seen.get(id);
    if (other) {
      throw userError(target.kind === 'stdout'
        ? `${other.option} and ${o.option} both write to standard output (-)`
        : `${other.option} ${other.path} and ${o.option} ${o.path} name the same file`,
      'give each output its own file');
    }
    seen.set(id, o);
  }
}

/** True when one of the outputs is standard output (the command's summary then goes to stderr). */
export function writesStdout(paths: readonly (string | readonly string[] | undefined)[]): boolean {
  return paths.some((p) => typeof p === 'string' && (p === STDOUT || STDOUT_NAMES.has(p)));
}

/** How the summary names an output: `standard output` for `-` and its aliases, else the path as given. */
export function outputName(path: string): string {
  return writesStdout([path]) ? 'standard output' : path;
}
