// Runs the btfc CLI in-process with captured output, for command tests.
import { main } from '../../src/cli/main.js';

export interface CliRun { code: number; out: string; err: string }

export async function runCli(args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (t) => { out += t.endsWith('\n') ? t : `${t}\n`; },
    err: (t) => { err += t.endsWith('\n') ? t : `${t}\n`; },
    errIsTTY: false,
    signal: new AbortController().signal,
  });
  return { code, out, err };
}
