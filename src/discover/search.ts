// Architecture search (`btfc discover`): rounds of RRR restarts over candidate architectures, every
// solution read back as a checked circuit, the best few polished, and the best one finished by
// flow/finish.ts (simulated, proved with Yosys, written with its JSON report). Stage: solve → extract →
// simplify driven many times, then flow; the CLI (cli/cmd-discover.ts) only parses and prints.
//
// Strategy (figures measured in candidates.ts, decompose.ts and the module's tests):
// - Candidates (candidates.ts): nets without a hidden layer first (σ 3, and σ = the largest odd number ≤
//   inputs: a single MAJ5/MAJ7… node); then, for a symmetric function, one popcount layer, and for 64 or
//   more care rows a wide start (two hidden layers of 2–4 × inputs nodes, σ 3, β .2: over-parameterised
//   shallow nets solve much sooner); then 1–3 hidden layers of width b = max(width lower bound, inputs,
//   outputs) at σ 3 and 5, cheapest first. With a wide start those generic nets join only once every
//   active candidate has failed twice in a row.
// - Rounds and budgets (scheduler.ts): a round runs `restarts` restarts of one candidate on all workers
//   (solveNet with `all`, and `fitStop`: a restart counts as solved at the first poll where its weights fit
//   every care row — a circuit exactly as checked as a gapstop solution, and far sooner), its base seed
//   fixed by the candidate and its round number. Restarts per round = workers × k, k (1…4) chosen so one
//   restart costs about REF_WORK units of work (k = 1 with no hidden layer); rounds of tiny work run inline
//   (no worker start-up). Untried candidates go first, then the highest optimistic solution rate per unit
//   of work. A failed round doubles the candidate's iterations (up to MAX_ITERATIONS) when every restart
//   ran to its end; 2 failures in a row spawn a wider variant (×1.5) and, with 3 or more hidden layers, a
//   deeper one (up to 6: adders and parity need depth); 4 retire it. Its first success spawns a narrower
//   variant (smaller nets give smaller circuits).
// - Grains side by side (round-gate.ts): besides the whole function, a function with a simple disjoint
//   decomposition f = g(h(A), B) (blocks.ts; complete tables of 6–12 inputs: parity, not multipliers,
//   adders or majority) searches h and g, and a multi-output table of 8–16 inputs its output groups, each
//   on its own support (cones.ts) — each a discover of its own. All of them take their rounds through one
//   gate, which gives the next round to the search whose candidate has the highest optimistic solution rate
//   per unit of work, so the time flows to the grain that is paying off. The blocks' composed circuit and
//   the groups' merged one (the floor's cones standing in for groups RRR did not solve) compete with the
//   whole function's.
// - Circuits (circuits.ts): every solution → synthesize() (extract → simplify → optimize → exhaustive
//   simulation) at optimizer effort 200 during the search (≈ 5× faster than 1000 and the same sizes on
//   the 2×2 multiplier); at the end the best 4 are synthesised again at the full effort. The best is the
//   least AIG nodes, then depth, then inverters.
// - The floor (verify/floor.ts, unless --no-floor): Yosys + ABC's circuits of the flat table, got first
//   (within the timeout) and ranked with the search's circuits, after any RRR circuit of the same size, so
//   a satisfiable spec always gets a circuit.
// - Stop at the timeout (the remaining time is passed to solveNet, which cuts a long round), when
//   `patience` solutions in a row did not improve the best, when every candidate retired, or on abort.
//   Finishing proves the best circuit; if Yosys refutes it (a bug: it passed simulation), the refutation
//   is recorded and the next circuit is tried. Reading back and polishing are bounded by the clock too
//   (the search's deadline; polishing a quarter of the timeout); an interruption at any stage returns the
//   circuits so far, unproved, with nothing written.

import { bitNames, type Spec } from '../ir/spec.js';
import { finish, type Certified, type FinishCandidate, type Finished } from '../flow/finish.js';
import { buildHtmlReport, buildReport, type ReportInput } from '../flow/report.js';
import type { HtmlProgressPoint } from '../emit/html-report.js';
import { decomposition, discoverBlocks } from './blocks.js';
import { conesCircuit, discoverCones, wantsCones } from './cones.js';
import { chosenJson, circuitStrategy, describeCircuit, efforts, Found, rankAndPolish } from './circuits.js';
import { runRounds } from './scheduler.js';
import { allLanes, laneAbort, RoundGate } from './round-gate.js';
import { FLOOR_BESIDE_SHARE, floorCircuits, floorDeadline, type FloorCircuit, type FloorParams, type FloorResult } from '../verify/floor.js';
import { withYosysAbort } from '../verify/yosys.js';
import type { DiscoverHooks, DiscoverParams, DiscoverResult, FloorFoundCircuit, FoundCircuit, ProvedCircuit, RoundReport, WindowsCircuit } from './types.js';
import { improveSynthesis, windowsDeadline, type WindowStats } from '../gates/windows.js';
import { Interrupted } from '../util/interrupt.js';
import type { RestartReport } from '../rrr/solve.js';

/** Search architectures for the smallest circuit of `spec` (see the header for the strategy), then finish it. */
export async function discover(spec: Spec, params: DiscoverParams, hooks: DiscoverHooks = {}): Promise<DiscoverResult> {
  const t0 = performance.now();
  const effort = efforts(params);
  // The floor's time is part of the timeout; it stays out of `found`, so RRR solutions that do not beat it
  // do not use up the patience of the search. Yosys runs in its own thread: the floor is got while the
  // first rounds solve (their workers and the read-back on this thread do not wait for it), and joins the
  // circuits found before they are ranked.
  const pendingFloor = params.floor
    ? floorFirst(spec, { effort: effort.full, seed: params.seed, timeoutMs: params.timeoutMs, deadline: floorDeadline(t0, params.timeoutMs, FLOOR_BESIDE_SHARE) }, hooks.signal)
    : Promise.resolve(undefined);
  const found = new Found();
  const dec = decomposition(spec, params);
  const progress = progressRecorder(t0);
  const recorded: DiscoverHooks = { ...hooks, onRound: (x) => { progress.round(x); hooks.onRound?.(x); } };
  const searched = await searchRrr(spec, params, recorded, found, t0, effort, dec, progress.composed).catch(async (err: unknown) => {
    await pendingFloor.catch(() => undefined); // settled before the error goes on: no Yosys run outlives it
    throw err;
  });
  const { blocks, cones, search } = searched;
  const floor = await pendingFloor;
  progress.floor(floor);
  const grainRows = [...(blocks?.rows ?? []), ...(cones?.rows ?? [])];
  const grainRounds = (blocks?.rounds ?? 0) + (cones?.rounds ?? 0);
  const aborted = (): DiscoverResult => ({
    circuits: found.circuits, rows: [...grainRows, ...search.scheduler.rows(found.circuits)],
    rounds: grainRounds + search.rounds, stoppedBy: 'aborted', searchMs: search.searchMs, proofFailures: [],
    timeMs: performance.now() - t0, files: [], ...(floor ? { floor } : {}),
  });
  // An interrupted search is neither polished nor proved, and writes nothing: the caller says what the
  // best circuit so far was (found.circuits is ranked once rankAndPolish has started).
  if (search.stoppedBy === 'aborted') return aborted();
  try {
    const polishBy = performance.now() + Math.max(POLISH_MIN_MS, params.timeoutMs * POLISH_SHARE);
    // The groups RRR did not solve take the floor's cones: only now is the floor there.
    const merged = cones ? conesCircuit(spec, cones, floor?.best, { seed: params.seed, effort: effort.full, deadline: polishBy }) : undefined;
    if (merged) found.add(merged);
    const circuits = await rankAndPolish(spec, [...found.circuits, ...(floor?.best ? [floorFound(floor.best)] : [])], params.seed, effort, { deadline: polishBy, ...(hooks.signal ? { signal: hooks.signal } : {}) });
    const windows = params.windows === false ? undefined : await windowsOnBest(spec, circuits, params, hooks.signal);
    return await finishSearch(spec, params, t0, hooks.signal, {
      circuits, rows: [...grainRows, ...search.scheduler.rows(circuits)], rounds: grainRounds + search.rounds,
      stoppedBy: search.stoppedBy, searchMs: search.searchMs, ...(floor ? { floor } : {}), ...(windows ? { windows } : {}), progress: progress.points(search.searchMs),
      curves: progress.curves,
    });
  } catch (err) {
    if (err instanceof Interrupted) return aborted();
    throw err;
  }
}

/**
 * The RRR part of the search: the whole function's rounds, side by side with the decomposition's blocks
 * when there is one and the output groups (merged later, with the floor), every round through one gate.
 */
async function searchRrr(spec: Spec, params: DiscoverParams, hooks: DiscoverHooks, found: Found, t0: number,
  effort: { full: number; search: number }, dec: ReturnType<typeof decomposition>, onComposed: (c: FoundCircuit) => void) {
  const gate = hooks.gate ?? new RoundGate();
  const ctl = laneAbort(hooks.signal);
  const lane: DiscoverHooks = { ...hooks, gate, signal: ctl.signal };
  const end = t0 + params.timeoutMs;
  const [blocks, cones, search] = await allLanes(ctl, [
    dec ? discoverBlocks(spec, dec, params, lane, effort.full, discover, end) : Promise.resolve(undefined),
    wantsCones(spec, params) ? discoverCones(spec, params, lane, end, discover) : Promise.resolve(undefined),
    runRounds(spec, params, lane, found, t0, effort.search),
  ] as const);
  if (blocks?.circuit) {
    found.add(blocks.circuit);
    onComposed(blocks.circuit);
  }
  // A lane stopped by the user's abort says so; one stopped by another lane's error threw above.
  return { blocks, cones, search: hooks.signal?.aborted ? { ...search, stoppedBy: 'aborted' as const } : search };
}

/**
 * The third strategy: windows of the best circuit (RRR's or the floor's) re-synthesised after the polish,
 * for the same share of the timeout (at most WINDOWS_MAX_MS); a smaller result goes first in `circuits`.
 */
async function windowsOnBest(spec: Spec, circuits: FoundCircuit[], params: DiscoverParams, signal: AbortSignal | undefined): Promise<WindowStats | undefined> {
  const best = circuits[0];
  const now = performance.now();
  const deadline = windowsDeadline(now, now + Math.max(POLISH_MIN_MS, params.timeoutMs * POLISH_SHARE));
  if (!best || deadline === undefined) return undefined;
  const got = await improveSynthesis(best.synthesis, spec.table, { seed: params.seed, effort: params.effort ?? 1000, deadline, ...(signal ? { signal } : {}) });
  if (got.synthesis) {
    const w: WindowsCircuit = { kind: 'windows', base: best, replacements: got.stats.replacements, architecture: '', round: 0, synthesis: got.synthesis };
    w.architecture = circuitStrategy(w, bitNames(spec.inputs));
    circuits.unshift(w);
  }
  return got.stats;
}

/** Polishing the best circuits after the search: this share of the timeout, and at least POLISH_MIN_MS. */
export const POLISH_SHARE = 0.25;
const POLISH_MIN_MS = 2000;

/** Prove the best circuit that passes and write it (finish.ts); Interrupted on an abort. */
async function finishSearch(spec: Spec, params: DiscoverParams, t0: number, signal: AbortSignal | undefined, result: Searched): Promise<DiscoverResult> {
  const finishAt = performance.now() - t0;
  const done = await finish(spec, result.circuits.map(candidate), {
    prove: params.prove, header: params.header ?? [], onRefuted: 'next',
    ...(params.outputs ? { outputs: params.outputs } : {}), ...(signal ? { signal } : {}),
    report: (certified, files) => buildReport(reportInput(spec, params, result, certified, finishAt + certified.times.total, files)),
    htmlReport: (certified, files, svg) => buildHtmlReport(reportInput(spec, params, result, certified, finishAt + certified.times.total, files), {
      progress: result.progress, ...(params.source !== undefined ? { source: params.source } : {}), ...(svg !== undefined ? { svg } : {}),
      ...roundCurves(result, certified.finished?.circuit.found),
    }),
  });
  return {
    ...result, ...(done.finished ? { best: proved(done.finished) } : {}), proofFailures: done.refutations,
    timeMs: finishAt + done.times.total, files: done.files,
  };
}

/** The floor, or none when interrupted while Yosys ran (the search then sees the abort and stops at once). */
async function floorFirst(spec: Spec, params: FloorParams, signal: AbortSignal | undefined) {
  try {
    return await withYosysAbort(signal, () => floorCircuits(spec, params));
  } catch (err) {
    if (err instanceof Interrupted) return undefined;
    throw err;
  }
}

/** The curves of the round whose circuit is written, when it came from a round of the whole function. */
function roundCurves(r: Searched, b: FoundCircuit | undefined): { restarts?: readonly RestartReport[]; restartsCaption?: string } {
  const restarts = b?.kind === 'net' ? r.curves.get(b.round) : undefined;
  if (!b || b.kind !== 'net' || !restarts) return {};
  return { restarts, restartsCaption: `the restarts of round ${b.round} (${b.architecture} σ${b.sigma}), which found the circuit written` };
}

function floorFound(c: FloorCircuit): FloorFoundCircuit {
  return { kind: 'floor', strategy: c.strategy, architecture: `floor: ${c.strategy}`, round: 0, synthesis: c.synthesis };
}

type Searched = Pick<DiscoverResult, 'circuits' | 'rows' | 'rounds' | 'stoppedBy' | 'searchMs' | 'floor' | 'windows'>
  & { progress: HtmlProgressPoint[]; curves: ReadonlyMap<number, readonly RestartReport[]> };

/**
 * The best circuit size over time, by strategy, for the HTML report: the floor's when it came, the
 * decomposition's composed circuit, then the search's best after every round that changed it (during the
 * search, at its optimizer effort; the final polish may shrink it). Each line is held to the end of the search.
 */
function progressRecorder(t0: number) {
  const pts: HtmlProgressPoint[] = [];
  // The restarts (and curves) of every round of the whole function that found a circuit: the report draws
  // those of the round whose circuit is written.
  const curves = new Map<number, readonly RestartReport[]>();
  const last = (s: string) => pts.filter((p) => p.strategy === s).at(-1);
  return {
    curves,
    round(r: RoundReport): void {
      if (r.block === undefined && r.solved > 0 && r.runs) curves.set(r.round, r.runs);
      if (r.block === undefined && r.bestAig !== undefined && last('rrr')?.aigNodes !== r.bestAig) pts.push({ timeMs: r.elapsedMs, aigNodes: r.bestAig, strategy: 'rrr' });
    },
    composed: (c: FoundCircuit): void => { pts.push({ timeMs: performance.now() - t0, aigNodes: c.synthesis.aig.andNodes, strategy: 'rrr' }); },
    /** The floor runs beside the rounds (its own thread), so its point comes in after theirs, at its own time. */
    floor(f: FloorResult | undefined): void {
      if (f?.best) pts.push({ timeMs: f.timeMs, aigNodes: f.best.synthesis.aig.andNodes, strategy: 'floor' });
    },
    points(endMs: number): HtmlProgressPoint[] {
      const ends = [...new Set(pts.map((p) => p.strategy))].map((s) => ({ ...last(s)!, timeMs: Math.max(endMs, last(s)!.timeMs) }));
      return [...pts, ...ends].sort((x, y) => x.timeMs - y.timeMs);
    },
  };
}

interface Candidate extends FinishCandidate { found: FoundCircuit }

function candidate(f: FoundCircuit): Candidate {
  const describe = describeCircuit(f);
  return { found: f, synthesis: f.synthesis, origin: [`found by btfc discover: ${describe}`], describe };
}

function proved(f: Finished<Candidate>): ProvedCircuit {
  return { ...f.circuit.found, verilog: f.verilog, ...(f.proof ? { proof: f.proof } : {}), aigNodes: f.aigNodes, depth: f.depth };
}

function reportInput(spec: Spec, params: DiscoverParams, r: Searched, certified: Certified<Candidate>, totalMs: number, files: string[]): ReportInput {
  const b = certified.finished?.circuit.found;
  return {
    kind: 'discover', spec, certified, files,
    options: { timeout: params.timeoutMs / 1000, seed: params.seed, workers: params.workers, patience: params.patience, prove: params.prove },
    architecture: b?.architecture ?? null, chosen: b ? chosenJson(b, bitNames(spec.inputs)) : null,
    strategy: b ? circuitStrategy(b, bitNames(spec.inputs)) : null, ...(r.floor ? { floor: r.floor } : {}), ...(r.windows ? { windows: r.windows } : {}),
    search: r.rows, stoppedBy: r.stoppedBy, rounds: r.rounds, aigNodesFound: r.circuits.map((c) => c.synthesis.aig.andNodes),
    timeMs: { search: r.searchMs, total: totalMs },
  };
}
