// Reading a user's input file as text, bounded: specs, tables and Verilog designs. Stage: the front of
// every command that reads a file (flow/load-spec.ts, `btfc verify`).
//
// The file is read through its descriptor in chunks and refused once it passes `limit` bytes, so an
// endless stream (`/dev/zero`, a FIFO) or a huge file gives a message instead of exhausting memory. The
// first chunk is checked for UTF-16/UTF-32 and binary data before any more is read; the text must be
// UTF-8 (a leading byte-order mark is dropped: editors add it, and it is invisible).

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { UserError, userError } from './diagnostics.js';

/** V8's longest string, in UTF-16 code units: no input larger than this can be held as one string. */
export const MAX_STRING_LENGTH = 0x1fffffe8;

export interface ReadTextOptions {
  /** Refuse a file larger than this many bytes. */
  limit: number;
  /** What the file is, for the size message ("a spec", "a PLA table"). */
  what: string;
  /** Why the limit is what it is, and what to do instead (the size message's hint). */
  hint: string;
  /** The files expected here, for the hints ("a .spec, .pla, .truth or .dat file"). */
  expected: string;
}

const CHUNK = 1 << 20;

/** A size as the limit messages say it: whole MiB (the limits are), else KiB or bytes. */
function formatBytes(n: number): string {
  if (n >= 2 ** 20) return `${Number((n / 2 ** 20).toFixed(1))} MiB`;
  return n >= 1024 ? `${Number((n / 1024).toFixed(1))} KiB` : `${n} bytes`;
}
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** UTF-16 or UTF-32, from a byte-order mark or from NULs in every other byte (ASCII text so encoded). */
function wideEncoding(b: Buffer): string | undefined {
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'UTF-32';
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32';
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return 'UTF-16';
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  // ASCII text in UTF-16 has a NUL in (nearly) every high byte and almost none in the low bytes.
  const half = n / 2;
  return (even > 0.4 * half && odd < 0.05 * half) || (odd > 0.4 * half && even < 0.05 * half) ? 'UTF-16' : undefined;
}

/** Check the first chunk: a wide encoding, or binary data (NULs), is refused up front with one message. */
function checkStart(b: Buffer, file: string, expected: string): void {
  const wide = wideEncoding(b);
  if (wide) throw userError(`${file} is ${wide} text; btfc reads UTF-8`, `save it as UTF-8 (e.g. iconv -f ${wide} -t UTF-8 ${file})`, file);
  // The whole first chunk, not its first 4 KiB: random bytes hold 1 NUL in 256, and 4 KiB of them had 8
  // or fewer about once in 45 reads (the hostile corpus's /dev/urandom case failed so).
  let nuls = 0;
  for (let i = 0; i < b.length; i++) if (b[i] === 0) nuls++;
  // One stray NUL is reported where it stands (the lexer shows it as U+0000); many mean a binary file.
  if (nuls > 8) throw userError(`${file} is not a text file (it holds NUL bytes)`, `name a text file: ${expected}`, file);
}

/** The 1-based line and column of the first character that is not valid UTF-8. */
function firstInvalid(buf: Buffer): { line: number; col: number } {
  const text = buf.toString('utf8');
  const at = text.indexOf('\ufffd');
  const before = text.slice(0, Math.max(0, at));
  const line = before.split('\n').length;
  return { line, col: at - (before.lastIndexOf('\n') + 1) + 1 };
}

function readAll(fd: number, file: string, opts: ReadTextOptions): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    const n = readSync(fd, chunk, 0, CHUNK, null);
    if (n === 0) break;
    if (total === 0) checkStart(chunk.subarray(0, n), file, opts.expected);
    total += n;
    if (total > opts.limit) {
      throw userError(`${file} is larger than ${formatBytes(opts.limit)}, btfc's limit for ${opts.what}`, opts.hint, file);
    }
    chunks.push(n === CHUNK ? chunk : chunk.subarray(0, n));
  }
  return Buffer.concat(chunks, total);
}

/** Read `file` as UTF-8 text, at most `opts.limit` bytes. Every failure is a UserError naming the file. */
export function readTextFile(file: string, opts: ReadTextOptions): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (err as Error).message;
    throw userError(`cannot read ${file}: ${why}`, 'check the path', file);
  }
  let buf: Buffer;
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw userError(`${file} is a directory, not a file`, `name ${opts.expected}`, file);
    // A regular file's size is known: refuse it before reading a byte of it.
    if (st.isFile() && st.size > opts.limit) {
      throw userError(`${file} is ${formatBytes(st.size)}, more than ${formatBytes(opts.limit)}, btfc's limit for ${opts.what}`, opts.hint, file);
    }
    buf = readAll(fd, file, opts);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw userError(`cannot read ${file}: ${code === 'EISDIR' ? 'it is a directory' : (err as Error).message}`, 'check the path', file);
  } finally {
    closeSync(fd);
  }
  const start = UTF8_BOM.every((x, i) => buf[i] === x) ? 3 : 0;
  const body = buf.subarray(start);
  if (!isUtf8(body)) {
    throw new UserError({
      file, span: { ...firstInvalid(body), length: 1 }, source: body.toString('utf8'),
      message: 'this byte is not UTF-8 text (the file is in another encoding, such as Latin-1 or Windows-1252)',
      hint: `save ${file} as UTF-8`,
    });
  }
  return body.toString('utf8');
}
