// Atomic writes: the target appears whole or not at all, and no temporary file is left behind.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
