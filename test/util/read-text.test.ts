// Bounded reading of input files (issue 12, defects 9 and 11): size limits, endless streams, encodings.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTextFile } from '../../src/util/read-text.js';
import { UserError, formatDiagnostic, visibleText } from '../../src/util/diagnostics.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const opts = { limit: 1024, what: 'a test file', hint: 'make it smaller', expected: 'a text file' };

function temp(name: string, data: string | Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'btfc-read-')), name);
  writeFileSync(file, data);
  return file;
}

function message(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    if (err instanceof UserError) return err.diagnostics.map((d) => formatDiagnostic(d)).join('\n');
    throw err;
  }
  throw new Error('no error');
}

describe('readTextFile', () => {
  it('reads UTF-8 and drops a leading byte-order mark (only the leading one)', () => {
    expect(readTextFile(temp('a.txt', 'héllo\n'), opts)).toBe('héllo\n');
    expect(readTextFile(temp('b.txt', '\ufeffx\ufeffy'), opts)).toBe('x\ufeffy');
  });

  it('refuses a regular file over the limit by its size, naming the limit and the hint', () => {
    const m = message(() => readTextFile(temp('big.txt', 'x'.repeat(4096)), opts));
    expect(m).toMatch(/big\.txt is 4 KiB, more than 1 KiB, btfc's limit for a test file\nhint: make it smaller/);
  });

  it('stops reading an endless device at the limit instead of exhausting memory', () => {
    // /dev/zero is NULs: refused as binary from its first chunk.
    expect(message(() => readTextFile('/dev/zero', { ...opts, limit: 2 ** 30 }))).toMatch(/\/dev\/zero is not a text file/);
  });

  it('refuses UTF-16 and UTF-32 with one message, and binary data', () => {
    const le = Buffer.from('\ufeffcircuit m {}', 'utf16le');
    expect(message(() => readTextFile(temp('le.spec', le), opts))).toMatch(/is UTF-16 text; btfc reads UTF-8\nhint: save it as UTF-8/);
    expect(message(() => readTextFile(temp('be.spec', Buffer.from(le).swap16()), opts))).toMatch(/is UTF-16 text/);
    expect(message(() => readTextFile(temp('nobom.spec', Buffer.from('circuit m { input a; }', 'utf16le')), opts))).toMatch(/is UTF-16 text/);
    expect(message(() => readTextFile(temp('bin', new Uint8Array(100)), opts))).toMatch(/is not a text file \(it holds NUL bytes\)/);
  });

  it('points at the first byte that is not UTF-8, quoting its line', () => {
    const m = message(() => readTextFile(temp('l1.spec', Buffer.from([0x61, 0x0a, 0x62, 0x63, 0xe9, 0x0a])), opts));
    expect(m).toMatch(/l1\.spec:2:3: error: this byte is not UTF-8 text[\s\S]*\n {2}bc\ufffd\n {4}\^/);
  });

  it('names a missing file and a directory', () => {
    expect(message(() => readTextFile('/nonexistent/x.spec', opts))).toMatch(/cannot read \/nonexistent\/x\.spec: no such file/);
    expect(message(() => readTextFile(tmpdir(), opts))).toMatch(/is a directory, not a file\nhint: name a text file/);
  });

  it('btfc refuses an endless text stream on stdin at the 16 MiB spec limit (exit 2, no crash)', () => {
    const r = spawnSync('bash', ['-c', `yes 'circuit m { input a; output y; y = a; }' | node ${join(root, 'bin', 'btfc.js')} table /dev/stdin`],
      { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toMatch(/\/dev\/stdin is larger than 16 MiB, btfc's limit for a spec/);
    expect(r.status).toBe(2);
  }, 70_000);
});

describe('diagnostics show invisible characters by name', () => {
  it('writes control and format characters as <U+XXXX>, keeping tabs and visible text', () => {
    expect(visibleText('a\0b\ufeffc\u200b\td é')).toBe('a<U+0000>b<U+FEFF>c<U+200B>\td é');
  });

  it('places the caret under the named character and never echoes a NUL', () => {
    const d = formatDiagnostic({ file: 'f', span: { line: 1, col: 3, length: 1 }, message: 'm' }, new Map([['f', 'a\0\0b']]));
    expect(d).toBe('f:1:3: error: m\n  a<U+0000><U+0000>b\n           ^^^^^^^^');
    expect(d).not.toContain('\0');
  });

  it('cuts a very long line to a window around the culprit', () => {
    const line = `${'x'.repeat(500)}BAD${'y'.repeat(500)}`;
    const d = formatDiagnostic({ file: 'f', span: { line: 1, col: 501, length: 3 }, message: 'm' }, new Map([['f', line]]));
    const [, quoted, caret] = d.split('\n');
    expect(quoted).toBe(`  …${'x'.repeat(60)}BAD${'y'.repeat(60)}…`);
    expect(caret).toBe(`  ${' '.repeat(61)}^^^`);
  });
});
