// Atomic writes: the target appears whole or not at all, and no temporary file is left behind.
import { describe, expect, it } from 'vitest';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic, writeFilesAtomic } from '../../src/util/fs-atomic.js';
import { UserError } from '../../src/util/diagnostics.js';

describe('writeFileAtomic', () => {
  it('replaces the target and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'btfc-atomic-'));
    const p = join(dir, 'out.v');
    writeFileSync(p, 'old');
    writeFileAtomic(p, 'new');
    expect(readFileSync(p, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['out.v']);
  });

  it('writes nothing of a group when one file cannot be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'btfc-atomic-'));
    expect(() => writeFilesAtomic([
      { path: join(dir, 'a.v'), data: 'a' },
      { path: join(dir, 'missing', 'b.json'), data: 'b' },
    ])).toThrow(UserError);
    expect(existsSync(join(dir, 'a.v'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

// Defect 3 of issue 12: `-o` onto a device or a symbolic link replaced it with a regular file.
describe('writeFilesAtomic onto links, devices, FIFOs and stdout', () => {
  const fresh = () => mkdtempSync(join(tmpdir(), 'btfc-atomic-'));

  it('follows a symbolic link and replaces the file it names; the link stays a link', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'target.v'), 'old');
    symlinkSync('target.v', join(dir, 'link.v'));
    writeFileAtomic(join(dir, 'link.v'), 'new');
    expect(lstatSync(join(dir, 'link.v')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.v'), 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['link.v', 'target.v']);
  });

  it('creates the file a dangling link names, through a chain of links', () => {
    const dir = fresh();
    symlinkSync('b.v', join(dir, 'a.v'));
    symlinkSync('c.v', join(dir, 'b.v'));
    writeFileAtomic(join(dir, 'a.v'), 'text');
    expect(readFileSync(join(dir, 'c.v'), 'utf8')).toBe('text');
    expect(lstatSync(join(dir, 'a.v')).isSymbolicLink()).toBe(true);
  });

  it('refuses a loop of links', () => {
    const dir = fresh();
    symlinkSync('b.v', join(dir, 'a.v'));
    symlinkSync('a.v', join(dir, 'b.v'));
    expect(() => writeFileAtomic(join(dir, 'a.v'), 'x')).toThrow(/symbolic links/);
  });

  it('writes through to /dev/null, which stays a character device', () => {
    writeFileAtomic('/dev/null', 'discarded');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('reports ENOSPC on /dev/full as a clear error and renames nothing of the group', () => {
    const dir = fresh();
    let e: unknown;
    try {
      writeFilesAtomic([{ path: join(dir, 'a.v'), data: 'a' }, { path: '/dev/full', data: 'b' }]);
    } catch (err) { e = err; }
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toBe('cannot write /dev/full: no space left on the device (ENOSPC)');
    expect(readdirSync(dir)).toEqual([]);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('refuses a FIFO nobody reads instead of waiting forever, and leaves it a FIFO', () => {
    const dir = fresh();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(() => writeFileAtomic(fifo, 'x')).toThrow(/no process is reading the FIFO/);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('writes through a FIFO to its reader', () => {
    const dir = fresh();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // A reader in another process: it copies the FIFO to a file and exits at end of input.
    const reader = spawn('sh', ['-c', `cat "${fifo}" > "${join(dir, 'got')}"`]);
    return new Promise<void>((done, fail) => {
      const tryWrite = (left: number) => {
        try {
          writeFileAtomic(fifo, 'through the pipe');
        } catch (err) {
          if (left > 0) { setTimeout(() => tryWrite(left - 1), 50); return; }
          fail(err);
          return;
        }
        reader.on('exit', () => {
          expect(readFileSync(join(dir, 'got'), 'utf8')).toBe('through the pipe');
          expect(statSync(fifo).isFIFO()).toBe(true);
          done();
        });
      };
      tryWrite(100);
    });
  });

  it('sends `-` to the stdout sink and writes no file named -', () => {
    const dir = fresh();
    let printed = '';
    writeFilesAtomic([{ path: '-', data: 'to stdout' }, { path: join(dir, 'f.v'), data: 'file' }], { stdout: (t) => { printed += t; } });
    expect(printed).toBe('to stdout');
    expect(readdirSync(dir)).toEqual(['f.v']);
  });

  it('refuses a directory, and a temporary file is never left behind', () => {
    const dir = fresh();
    expect(() => writeFileAtomic(dir, 'x')).toThrow(/it is a directory/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
