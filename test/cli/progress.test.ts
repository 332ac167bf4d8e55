import { describe, expect, it } from 'vitest';
import { restartLine, solveProgress } from '../../src/cli/progress.js';
import type { CommandIO } from '../../src/cli/command.js';
import type { RestartReport } from '../../src/rrr/solve.js';

const io = (tty: boolean, lines: string[]): CommandIO => ({ out: () => {}, err: (t) => lines.push(t), errIsTTY: tty, signal: new AbortController().signal });
const solved: RestartReport = { restart: 0, seed: 12, solved: true, iterations: 4051, gap: 0.0099, bestGap: 0.0099, trainAccuracy: 1, timeMs: 120, curve: { every: 100, iterations: [], gap: [], accuracy: [] } };
const failed: RestartReport = { restart: 1, seed: 13, solved: false, iterations: 10000, gap: 0.3, bestGap: 0.1025, trainAccuracy: 0.984375, timeMs: 300, curve: { every: 100, iterations: [], gap: [], accuracy: [] } };

describe('solve progress', () => {
  it('prints one line per finished restart when stderr is not a terminal', () => {
    const lines: string[] = [];
    const p = solveProgress(io(false, lines), { restarts: 2, iterations: 10000 }, { write: () => { throw new Error('no bar off a terminal'); } });
    p.hooks.onProgress({ restart: 0, iteration: 100, gap: 0.5, bestGap: 0.5, solvedSoFar: 0, restartsDone: 0 });
    p.hooks.onRestartDone(solved);
    p.hooks.onRestartDone(failed);
    p.finish();
    expect(lines).toEqual([
      'restart 1/2 (seed 12): solved in 4,051 iterations, gap 0.0099, 0.1 s',
      'restart 2/2 (seed 13): not solved after 10,000 iterations, best gap 0.1025, training accuracy 98.4 %, 0.3 s',
    ]);
  });

  it('draws a bar in place on a terminal and clears it at the end', () => {
    const lines: string[] = [];
    const raw: string[] = [];
    const p = solveProgress(io(true, lines), { restarts: 2, iterations: 10000 }, { write: (t) => raw.push(t) });
    p.hooks.onProgress({ restart: 0, iteration: 5000, gap: 0.05, bestGap: 0.04, solvedSoFar: 0, restartsDone: 0 });
    p.hooks.onRestartDone(solved);
    p.finish();
    expect(lines).toEqual([]);
    expect(raw[0]).toMatch(/^\r.*25%\s+restart 1\/2\s+it 5,000\/10,000\s+gap 0\.0500\s+best 0\.0400\s+solved 0\/0/);
    expect(raw[1]).toMatch(/50%.*solved 1\/1/);
    expect(raw.at(-1)).toBe('\r\x1b[K');
    expect(raw.every((t) => !t.includes('\n'))).toBe(true);
  });

  it('describes a stopped restart as stopped', () => {
    expect(restartLine({ ...failed, stopped: true, iterations: 2000 }, 4)).toMatch(/^restart 2\/4 \(seed 13\): stopped after 2,000 iterations/);
  });
});
