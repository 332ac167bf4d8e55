// The scheduler of `btfc discover` (discover/scheduler.ts): which candidate runs next, with which seed and
// budget, and what a round's outcome does to it. Failed rounds are given as the solver reports them (no
// solution, every restart run to its end); successes come from real solves.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compileSpec } from '../../src/lang/compile.js';
import { familySpec } from '../../src/discover/families.js';
import { architectureName, initialCandidates } from '../../src/discover/candidates.js';
import { Scheduler, runRounds, type Round } from '../../src/discover/scheduler.js';
import { Found, readBackRound } from '../../src/discover/circuits.js';
import { restartSeed } from '../../src/rrr/prng.js';
import { solveNet, type SolveResult } from '../../src/rrr/solve.js';
import type { Spec } from '../../src/ir/spec.js';

const fullAdder = compileSpec(readFileSync('examples/full_adder.spec', 'utf8'), 'examples/full_adder.spec');

/** A round that found nothing, as the solver reports it: every restart ran to its end (or was cut by the timeout). */
function failed(r: Round, timedOut = false): SolveResult {
  return {
    net: r.net.net, solved: false, solutions: [],
    stats: {
      restarts: Array.from({ length: r.solve.restarts }, (_, k) => ({
        restart: k, seed: 0, solved: false, iterations: r.solve.iterations, gap: 0.5, bestGap: 0.4, trainAccuracy: 0.9, timeMs: 1,
        curve: { every: 100, iterations: [], gap: [], accuracy: [] },
      })),
      timeMs: 1, solvedCount: 0, timedOut, aborted: false,
    },
  };
}

function scheduler(spec: Spec, workers = 2): Scheduler {
  return new Scheduler(spec.table, spec.table.toItems().count, { seed: 1, workers, inline: true });
}

const name = (r: Round) => `${r.net.architecture} σ${r.net.sigma}`;

function fail(s: Scheduler, r: Round, timedOut = false): void {
  const res = failed(r, timedOut);
  s.tally(r, res, 1);
  s.judge(r, res, []);
}

describe('discover scheduler', () => {
  it('runs the untried candidates first, in order, each seeded by its candidate and round', () => {
    const s = scheduler(fullAdder);
    const start = initialCandidates(fullAdder.table, 8).filter((c) => !c.reserve);
    for (const [i, c] of start.entries()) {
      const r = s.next(60_000)!;
      expect(name(r)).toBe(`${architectureName(c, 3, 2)} σ${c.sigma}`);
      expect(r.solve.seed).toBe(restartSeed(1, i, 0));
      expect(r.solve).toMatchObject({ iterations: c.iterations, timeoutMs: 60_000, all: true, fitStop: true, inline: true });
      // A net without a hidden layer solves at once or never: one restart per worker.
      if (c.hidden.length === 0) expect(r.solve.restarts).toBe(2);
      fail(s, r);
    }
  });

  it('doubles the budget of a failed round run to its end, retires a net without hidden layer after two', () => {
    const s = scheduler(fullAdder);
    const first = s.next(60_000)!;
    expect(name(first)).toBe('3-2 σ3');
    expect(first.solve.iterations).toBe(2000);
    fail(s, first);
    let r = s.next(60_000)!;
    while (r.net.candidate !== 0) {
      fail(s, r);
      r = s.next(60_000)!;
    }
    // Back to the cheap net: 2000 → 4000 iterations, with the seed of its second round.
    expect(r.solve.iterations).toBe(4000);
    expect(r.solve.seed).toBe(restartSeed(1, 0, 1));
    fail(s, r);
    expect(s.rows([]).find((x) => x.candidate === 0)).toMatchObject({ rounds: 2, iterations: 4000, retired: true });
  });

  it('keeps the budget of a round the timeout cut, and counts it as no failure', () => {
    const s = scheduler(fullAdder);
    const r = s.next(60_000)!;
    fail(s, r, true);
    const rows = s.rows([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ candidate: 0, rounds: 1, restarts: 2, solved: 0, iterations: 2000, retired: false });
  });

  it('spawns a narrower variant after the first success of a candidate', async () => {
    const s = scheduler(fullAdder);
    const items = fullAdder.table.toItems();
    fail(s, s.next(60_000)!);
    const r = s.next(60_000)!;
    expect(name(r)).toBe('3-3-2 σ3');
    const res = await solveNet(r.net.net, items, r.solve);
    s.tally(r, res, 1);
    const circuits = await readBackRound(fullAdder, items, r.net, res, 2, 1, 0);
    expect(circuits.length).toBeGreaterThan(0);
    s.judge(r, res, circuits);
    const seen: string[] = [];
    for (let x = s.next(60_000); x && !seen.includes(name(x)); x = s.next(60_000)) {
      seen.push(name(x));
      fail(s, x);
    }
    expect(seen).toContain('3-2-2 σ3');
    const rows = s.rows(circuits);
    expect(rows.find((x) => x.architecture === '3-2-2')?.origin).toBe('narrower of 3-3-2 σ3');
    const row = rows.find((x) => x.candidate === r.net.candidate)!;
    expect(row).toMatchObject({ solved: circuits.length, bestAig: Math.min(...circuits.map((c) => c.synthesis.aig.andNodes)) });
  }, 30_000);

  it('holds the reserve back until every candidate that ran has failed twice in a row', () => {
    const spec = familySpec('mul', 3);
    const reserve = initialCandidates(spec.table, 64).filter((c) => c.reserve).map((c) => `${architectureName(c, 6, 6)} σ${c.sigma}`);
    expect(reserve.length).toBeGreaterThan(0);
    const s = scheduler(spec);
    let rounds = 0;
    for (let r = s.next(60_000); r; r = s.next(60_000), rounds++) {
      if (r.entry.cand.spec.origin === 'start' && reserve.includes(name(r))) {
        // Every round failed, so a candidate's failures in a row are its rounds.
        const rows = s.rows([]);
        expect(rows.length).toBeGreaterThan(3);
        for (const x of rows) expect(x.retired || x.rounds >= 2, `${x.architecture} σ${x.sigma}`).toBe(true);
        return;
      }
      fail(s, r);
    }
    expect.fail(`no reserve candidate ran in ${rounds} rounds`);
  });

  it('stops at once when aborted, and by patience after a solved round of a real search', async () => {
    const params = { seed: 1, workers: 2, timeoutMs: 30_000, patience: 2, prove: false, inline: true };
    const ctl = new AbortController();
    ctl.abort();
    const aborted = await runRounds(fullAdder, params, { signal: ctl.signal }, new Found(), performance.now(), 0);
    expect(aborted).toMatchObject({ stoppedBy: 'aborted', rounds: 0 });
    const found = new Found();
    const rounds: number[] = [];
    const r = await runRounds(fullAdder, params, { onRound: (x) => rounds.push(x.round) }, found, performance.now(), 0);
    expect(r.stoppedBy).toBe('patience');
    expect(rounds).toEqual(Array.from({ length: r.rounds }, (_, k) => k + 1));
    expect(found.sinceImproved).toBeGreaterThanOrEqual(2);
    expect(r.scheduler.rows(found.circuits).reduce((n, x) => n + x.solved, 0)).toBe(found.circuits.length);
  }, 30_000);
});
