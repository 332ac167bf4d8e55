// util/output-paths.ts: every output is checked before the work (issue 12, defects 4 and 10): a name, a
// writable place, not one of the inputs (also through links), no two outputs on one file.
import { describe, expect, it } from 'vitest';
import { chmodSync, linkSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkOutputs, outputTarget, writesStdout } from '../../src/util/output-paths.js';
import { UserError } from '../../src/util/diagnostics.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'btfc-outpaths-'));
const o = (option: string, path: string | undefined) => ({ option, path });

function refusal(f: () => void): string {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).exitCode).toBe(2);
    return (err as Error).message;
  }
  throw new Error('not refused');
}

describe('outputTarget', () => {
  it('classifies -, files, links, devices and FIFOs', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'f'), '');
    symlinkSync('f', join(dir, 'l'));
    execFileSync('mkfifo', [join(dir, 'p')]);
    expect(outputTarget('-')).toEqual({ kind: 'stdout' });
    expect(outputTarget('/dev/stdout')).toEqual({ kind: 'stdout' });
    expect(outputTarget(join(dir, 'new'))).toEqual({ kind: 'file', path: join(dir, 'new') });
    expect(outputTarget(join(dir, 'l'))).toMatchObject({ kind: 'file', path: join(dir, 'f') });
    expect(outputTarget('/dev/null')).toEqual({ kind: 'stream', path: '/dev/null', fifo: false });
    expect(outputTarget(join(dir, 'p'))).toMatchObject({ kind: 'stream', fifo: true });
  });
});

describe('checkOutputs', () => {
  it('accepts distinct writable outputs, absent options and shared devices', () => {
    const dir = fresh();
    expect(() => checkOutputs([o('-o', join(dir, 'a.v')), o('--json', undefined), o('--blif', join(dir, 'a.blif'))], [])).not.toThrow();
    expect(() => checkOutputs([o('-o', '/dev/null'), o('--json', '/dev/null')], [])).not.toThrow();
  });

  it('refuses an empty name, naming the option', () => {
    expect(refusal(() => checkOutputs([o('-o', '')], []))).toBe('-o names an empty file');
  });

  it('refuses an output that is the input: same path, another spelling, a symbolic link, a hard link', () => {
    const dir = fresh();
    const spec = join(dir, 'in.spec');
    writeFileSync(spec, 'x');
    symlinkSync('in.spec', join(dir, 'sym.v'));
    linkSync(spec, join(dir, 'hard.v'));
    mkdirSync(join(dir, 'sub'));
    for (const p of [spec, join(dir, 'sub', '..', 'in.spec'), join(dir, 'sym.v'), join(dir, 'hard.v')]) {
      expect(refusal(() => checkOutputs([o('--json', p)], [spec]))).toMatch(/is the input .*in\.spec: writing it would destroy the input/);
    }
  });

  it('refuses two outputs on one file, also through a link, and two on stdout', () => {
    const dir = fresh();
    symlinkSync('out.v', join(dir, 'alias.v'));
    expect(refusal(() => checkOutputs([o('-o', join(dir, 'out.v')), o('--blif', join(dir, 'out.v'))], []))).toMatch(/name the same file/);
    expect(refusal(() => checkOutputs([o('-o', join(dir, 'out.v')), o('--blif', join(dir, 'alias.v'))], []))).toMatch(/name the same file/);
    expect(refusal(() => checkOutputs([o('-o', '-'), o('--json', '/dev/stdout')], []))).toBe('-o and --json both write to standard output (-)');
  });

  it('refuses a missing folder, a file as folder, a directory, a read-only folder', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file'), '');
    expect(refusal(() => checkOutputs([o('-o', join(dir, 'nope', 'x.v'))], []))).toMatch(/no such folder/);
    expect(refusal(() => checkOutputs([o('-o', join(dir, 'file', 'x.v'))], []))).toMatch(/is not a folder|not a folder/);
    expect(refusal(() => checkOutputs([o('-o', dir)], []))).toMatch(/it is a directory/);
    if (process.getuid?.() !== 0) {
      mkdirSync(join(dir, 'ro'));
      chmodSync(join(dir, 'ro'), 0o555);
      expect(refusal(() => checkOutputs([o('-o', join(dir, 'ro', 'x.v'))], []))).toMatch(/permission denied/);
    }
  });

  it('refuses a block device when the machine has one', () => {
    const disk = readdirSync('/dev').map((n) => join('/dev', n)).find((p) => { try { return statSync(p).isBlockDevice(); } catch { return false; } });
    if (disk === undefined) return;
    expect(refusal(() => checkOutputs([o('-o', disk)], []))).toMatch(/block device/);
  });
});

describe('writesStdout', () => {
  it('is true when one output is - or /dev/stdout', () => {
    expect(writesStdout([undefined, 'a.v'])).toBe(false);
    expect(writesStdout(['a.v', '-'])).toBe(true);
    expect(writesStdout(['/dev/stdout'])).toBe(true);
  });
});
