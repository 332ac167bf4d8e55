import { describe, expect, it } from 'vitest';
import { etaText, restartLine, searchProgress, solveProgress } from '../../src/cli/progress.js';
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

  it('draws a bar (cli-progress) in place on a terminal and clears it at the end', () => {
    const lines: string[] = [];
    const raw: string[] = [];
    const p = solveProgress(io(true, lines), { restarts: 2, iterations: 10000 }, { write: (t) => raw.push(t), timeoutMs: 60_000 });
    p.hooks.onProgress({ restart: 0, iteration: 5000, gap: 0.05, bestGap: 0.04, solvedSoFar: 0, restartsDone: 0 });
    p.hooks.onRestartDone(solved);
    p.finish();
    expect(lines).toEqual([]);
    const text = raw.join('');
    expect(text).toMatch(/25%\s+restart 1\/2\s+it 5,000\/10,000\s+gap 0\.0500\s+best 0\.0400\s+solved 0\/0\s+ETA/);
    // stop() draws the last state, then clears the line (clearOnComplete).
    expect(text).toMatch(/50%.*solved 1\/1/);
    expect(raw.at(-1)).toBe('\x1b[2K');
    expect(text.includes('\n')).toBe(false);
  });

  it('gives the ETA from the pace, or from the timeout when that comes first', () => {
    expect(etaText(0, 1000, undefined)).toBe('ETA –');
    expect(etaText(0.5, 10_000, undefined)).toBe('ETA 10 s');
    expect(etaText(0.5, 10_000, 15_000)).toBe('ETA 5 s (timeout)');
    expect(etaText(0.1, 60_000, undefined)).toBe('ETA 9 min 00 s');
  });

  it('prints one line per discover round off a terminal, and above the bar on one', () => {
    const lines: string[] = [];
    const quiet = searchProgress(io(false, lines), 10_000, { write: () => { throw new Error('no bar off a terminal'); } });
    quiet.round('round 1: 4-4 σ3', { round: 1, architecture: '4-4' });
    quiet.finish();
    expect(lines).toEqual(['round 1: 4-4 σ3']);
    const raw: string[] = [];
    const bar = searchProgress(io(true, []), 10_000, { write: (t) => raw.push(t) });
    bar.round('round 1: 4-4 σ3', { round: 1, architecture: '4-4', bestAig: 9 });
    bar.finish();
    const text = raw.join('');
    expect(text).toContain('round 1: 4-4 σ3\n');
    expect(text).toMatch(/round 1\s+4-4\s+best AIG 9\s+ETA \d+ s/);
  });

  it('describes a stopped restart as stopped', () => {
    expect(restartLine({ ...failed, stopped: true, iterations: 2000 }, 4)).toMatch(/^restart 2\/4 \(seed 13\): stopped after 2,000 iterations/);
  });
});
