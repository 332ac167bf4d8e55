/// <reference types="vite/client" />
// Runs every case of the hostile-input corpus (corpus.ts): the exit status, the message, no stack trace,
// and nothing written unless the case says so.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../cli/run.js';
import type { HostileCase } from './corpus.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const caseFiles = import.meta.glob<{ cases: HostileCase[] }>('./cases/*.cases.ts', { eager: true });

/** Spawn btfc, send the case's signal when its stderr says so, and check the run ended soon after. */
function runWithSignal(c: HostileCase, args: string[], dir: string): Promise<{ code: number; out: string; err: string }> {
  const sig = c.signal!;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'btfc.js'), ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    let sentAt: number | undefined;
    let timer: NodeJS.Timeout | undefined;
    const send = () => { timer ??= setTimeout(() => { sentAt = performance.now(); child.kill(sig.name); }, sig.afterMs ?? 0); };
    const killer = setTimeout(() => child.kill('SIGKILL'), c.timeoutMs ?? 30_000);
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); if (!sig.afterErr || sig.afterErr.test(err)) send(); });
    if (!sig.afterErr) send();
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      if (timer) clearTimeout(timer);
      const late = sentAt !== undefined ? performance.now() - sentAt : 0;
      if (sentAt === undefined) err += '\n(the signal was never sent)';
      else if (late > (sig.withinMs ?? 5_000)) err += `\n(ended ${Math.round(late)} ms after the signal)`;
      resolve({ code: sentAt === undefined || late > (sig.withinMs ?? 5_000) ? -1 : code ?? (signal ? 128 : -1), out, err });
    });
  });
}

async function run(c: HostileCase, dir: string): Promise<{ code: number; out: string; err: string }> {
  const args = c.args.map((a) => a.replaceAll('{dir}', dir).replaceAll('{root}', root));
  if (c.signal) return runWithSignal(c, args, dir);
  if (!c.spawn) {
    // In-process runs resolve relative paths against the test's working directory: cases that write
    // by a relative path must spawn.
    return runCli(args);
  }
  const r = spawnSync(process.execPath, [join(root, 'bin', 'btfc.js'), ...args], {
    cwd: dir, input: c.stdin ?? '', encoding: 'utf8', timeout: c.timeoutMs ?? 30_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? (r.signal ? 128 : -1), out: r.stdout, err: r.stderr };
}

const all = Object.entries(caseFiles).flatMap(([file, m]) => m.cases.map((c) => ({ file, c })));

describe('the hostile-input corpus', () => {
  it('has unique case names', () => {
    const names = all.map(({ c }) => c.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
  for (const { file, c } of all) {
    it(`${file.replace('./cases/', '').replace('.cases.ts', '')}: ${c.name}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'btfc-hostile-'));
      for (const [name, text] of Object.entries(c.files ?? {})) writeFileSync(join(dir, name), text);
      c.setup?.(dir);
      const given = new Set(readdirSync(dir));
      const r = await run(c, dir);
      expect(r.err, 'no stack trace for a user mistake').not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
      expect(r.code, `stderr: ${r.err}`).toBe(c.expect.code);
      if (c.expect.err) expect(r.err).toMatch(c.expect.err);
      if (c.expect.out) expect(r.out).toMatch(c.expect.out);
      const created = readdirSync(dir).filter((n) => !given.has(n)).sort();
      expect(created).toEqual([...(c.expect.written ?? [])].sort());
      await c.check?.(dir);
    }, (c.timeoutMs ?? 30_000) + 5_000);
  }
});
