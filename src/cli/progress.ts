// Progress of a solve on stderr (stage: CLI). On a terminal: one bar, redrawn at most 10 times a second,
// with the restart, its iteration, gap, best gap and the solutions so far. Otherwise: one line per
// finished restart. Shared by `btfc solve` and `btfc compile`.

import type { CommandIO } from './command.js';
import type { RestartReport, SolveHooks, SolveParams } from '../rrr/solve.js';

const BAR = 24;
const REDRAW_MS = 100;

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatGap(g: number): string {
  return Number.isFinite(g) ? g.toFixed(4) : String(g);
}

/** One line describing a finished restart (the non-terminal progress, and `--all` listings). */
export function restartLine(r: RestartReport, total: number): string {
  const head = `restart ${r.restart + 1}/${total} (seed ${r.seed})`;
  const secs = `${(r.timeMs / 1000).toFixed(1)} s`;
  const tail = r.warning ? `; warning: ${r.warning}` : '';
  if (r.solved) return `${head}: solved in ${formatCount(r.iterations)} iterations, gap ${formatGap(r.gap)}, ${secs}${tail}`;
  const why = r.stopped ? 'stopped' : 'not solved';
  return `${head}: ${why} after ${formatCount(r.iterations)} iterations, best gap ${formatGap(r.bestGap)}, `
    + `training accuracy ${(100 * r.trainAccuracy).toFixed(1)} %, ${secs}${tail}`;
}

export interface SolveProgress {
  hooks: Required<Pick<SolveHooks, 'onProgress' | 'onRestartDone'>>;
  /** Clear the bar (call before printing the summary). */
  finish(): void;
}

export interface ProgressOptions {
  /** Word in front of the bar. */
  label?: string;
  /**
   * Raw terminal output for the bar (no newline added). Default: process.stderr — the bar is drawn only
   * when io.errIsTTY says stderr is a terminal.
   */
  write?: (text: string) => void;
}

/** Progress display for a solve with these parameters; pass `hooks` to solveNet. */
export function solveProgress(io: CommandIO, params: Pick<SolveParams, 'restarts' | 'iterations'>, options: ProgressOptions = {}): SolveProgress {
  const label = options.label ?? 'solving';
  const write = options.write ?? ((t: string) => { process.stderr.write(t); });
  const inFlight = new Map<number, number>();
  let done = 0;
  let solved = 0;
  let last = { restart: 0, iteration: 0, gap: NaN, bestGap: NaN };
  let lastDraw = 0;
  let drawn = false;
  const draw = (force: boolean) => {
    const now = Date.now();
    if (!force && now - lastDraw < REDRAW_MS) return;
    lastDraw = now;
    let frac = done;
    for (const it of inFlight.values()) frac += it / params.iterations;
    frac = Math.min(1, frac / params.restarts);
    const filled = Math.round(frac * BAR);
    const bar = '█'.repeat(filled) + '░'.repeat(BAR - filled);
    const line = `${label} ${bar} ${(100 * frac).toFixed(0).padStart(3)}%  restart ${last.restart + 1}/${params.restarts}`
      + `  it ${formatCount(last.iteration)}/${formatCount(params.iterations)}  gap ${formatGap(last.gap)}`
      + `  best ${formatGap(last.bestGap)}  solved ${solved}/${done}`;
    const width = process.stderr.columns || 120;
    write(`\r${line.length > width - 1 ? line.slice(0, width - 1) : line}\x1b[K`);
    drawn = true;
  };
  const tty = io.errIsTTY;
  return {
    hooks: {
      onProgress: (p) => {
        inFlight.set(p.restart, p.iteration);
        last = p;
        if (tty) draw(false);
      },
      onRestartDone: (r) => {
        inFlight.delete(r.restart);
        done++;
        if (r.solved) solved++;
        if (tty) draw(true);
        else io.err(restartLine(r, params.restarts));
      },
    },
    finish: () => {
      if (tty && drawn) write('\r\x1b[K');
    },
  };
}
