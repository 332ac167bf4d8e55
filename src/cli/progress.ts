// Progress on stderr (stage: CLI), drawn by cli-progress, a maintained terminal progress-bar library. On a
// terminal: one bar, redrawn in place at most 10 times a second — for a solve (`btfc solve`, `btfc
// compile`) the work done over all restarts with the running restart, its iteration, gap, best gap and the
// solutions so far; for `btfc discover` the search's time budget with the last round and the best circuit.
// Each shows an ETA, the sooner of the pace so far and what is left of the --timeout (our own `{left}`:
// cli-progress's `{eta}` knows nothing of the budget). Off a terminal the bar is silent (cli-progress
// draws nothing when the stream is not a TTY) and the same events are one line each, as they always
// were: a finished restart, a discover round.

import cliProgress from 'cli-progress';
import type { CommandIO } from './command.js';
import type { RestartReport, SolveHooks, SolveParams } from '../rrr/solve.js';

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
   * Raw terminal output for the bar (tests). Default: process.stderr — the bar is drawn only when
   * io.errIsTTY says stderr is a terminal.
   */
  write?: (text: string) => void;
  /** The budget (--timeout) in ms, counted from now: the ETA is never later than its end. */
  timeoutMs?: number;
}

/** Seconds as an ETA: `12 s`, `3 min 05 s`, `1 h 02 min`. */
export function formatEta(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/**
 * Time left: the pace so far (fraction `done` of the work in `elapsedMs`), bounded by the budget. Empty
 * before there is a pace and without a budget.
 */
export function etaText(done: number, elapsedMs: number, timeoutMs: number | undefined): string {
  const budget = timeoutMs !== undefined ? Math.max(0, timeoutMs - elapsedMs) : Infinity;
  const pace = done > 0 ? (elapsedMs * (1 - done)) / done : Infinity;
  if (!Number.isFinite(Math.min(budget, pace))) return 'ETA –';
  return budget <= pace ? `ETA ${formatEta(budget)} (timeout)` : `ETA ${formatEta(pace)}`;
}

/** The stream cli-progress draws on: stderr, or the test's `write` posing as a terminal. */
function barStream(options: ProgressOptions): NodeJS.WritableStream {
  if (!options.write) return process.stderr;
  const write = options.write;
  return { isTTY: true, columns: 120, write: (t: string) => { write(t); return true; } } as unknown as NodeJS.WritableStream;
}

/** A bar of cli-progress on `stream` with `format`; never a SIGINT handler of its own (util/interrupt.ts has the one). */
function makeBar(options: ProgressOptions, format: string): cliProgress.SingleBar {
  return new cliProgress.SingleBar({
    stream: barStream(options), format, barsize: 24, fps: 10, clearOnComplete: true, hideCursor: false,
    gracefulExit: false, noTTYOutput: false, barCompleteChar: '█', barIncompleteChar: '░',
  });
}

/** Progress display for a solve with these parameters; pass `hooks` to solveNet. */
export function solveProgress(io: CommandIO, params: Pick<SolveParams, 'restarts' | 'iterations'>, options: ProgressOptions = {}): SolveProgress {
  const label = options.label ?? 'solving';
  const tty = io.errIsTTY;
  const bar = tty ? makeBar(options, `${label} {bar} {percentage}%  restart {restart}/${params.restarts}  it {it}/${formatCount(params.iterations)}`
    + '  gap {gap}  best {best}  solved {solved}/{done}  {left}') : undefined;
  const t0 = Date.now();
  const inFlight = new Map<number, number>();
  let done = 0;
  let solved = 0;
  let last = { restart: 0, iteration: 0, gap: NaN, bestGap: NaN };
  const update = () => {
    let work = done;
    for (const it of inFlight.values()) work += it / params.iterations;
    const frac = Math.min(1, work / params.restarts);
    const payload = { restart: last.restart + 1, it: formatCount(last.iteration), gap: formatGap(last.gap), best: formatGap(last.bestGap),
      solved, done, left: etaText(frac, Date.now() - t0, options.timeoutMs) };
    const value = Math.round(frac * params.restarts * params.iterations);
    if (!bar!.isActive) bar!.start(params.restarts * params.iterations, value, payload);
    else bar!.update(value, payload);
  };
  return {
    hooks: {
      onProgress: (p) => {
        inFlight.set(p.restart, p.iteration);
        last = p;
        if (bar) update();
      },
      onRestartDone: (r) => {
        inFlight.delete(r.restart);
        done++;
        if (r.solved) solved++;
        if (bar) update();
        else io.err(restartLine(r, params.restarts));
      },
    },
    finish: () => bar?.stop(),
  };
}

export interface SearchProgress {
  /** A round ended: `line` says what it found (printed above the bar on a terminal, alone otherwise). */
  round(line: string, summary: { round: number; architecture: string; bestAig?: number }): void;
  /** Clear the bar (call before printing the summary). */
  finish(): void;
}

/** Progress of `btfc discover`: the time budget as a bar on a terminal; one line per round either way. */
export function searchProgress(io: CommandIO, timeoutMs: number, options: ProgressOptions = {}): SearchProgress {
  if (!io.errIsTTY) return { round: (line) => io.err(line), finish: () => {} };
  // A MultiBar, for its log(): round lines are printed above the bar, which is drawn again below them
  // (forceRedraw: even when its text has not changed since).
  const bars = new cliProgress.MultiBar({
    stream: barStream(options), barsize: 24, fps: 10, clearOnComplete: true, hideCursor: false, gracefulExit: false,
    noTTYOutput: false, forceRedraw: true, barCompleteChar: '█', barIncompleteChar: '░',
    format: `${options.label ?? 'searching'} {bar} {percentage}%  round {round}  {architecture}  best AIG {best}  {left}`,
  });
  const t0 = Date.now();
  let payload = { round: 0, architecture: '–', best: '–', left: etaText(0, 0, timeoutMs) };
  const bar = bars.create(timeoutMs, 0, payload);
  const tick = () => {
    const elapsed = Date.now() - t0;
    // The bar is the budget itself, so its pace would only restate it: the ETA is the time left of it.
    payload = { ...payload, left: etaText(0, elapsed, timeoutMs) };
    bar.update(Math.min(timeoutMs, elapsed), payload);
  };
  // The bar follows the clock between rounds; unref: it never keeps the process alive.
  const timer = setInterval(tick, 250);
  timer.unref();
  return {
    round: (line, s) => {
      payload = { ...payload, round: s.round, architecture: s.architecture, best: s.bestAig === undefined ? '–' : String(s.bestAig) };
      bars.log(`${line}\n`);
      tick();
      bars.update();
    },
    finish: () => {
      clearInterval(timer);
      bars.stop();
    },
  };
}
