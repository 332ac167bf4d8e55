// Architecture search (`btfc discover`): rounds of RRR restarts over candidate architectures, every
// solution read back as a checked circuit, the smallest one proved at the end. Stage: solve → extract →
// simplify → verify, driven many times; the CLI (cli/cmd-discover.ts) only prints and writes.
//
// Strategy (measured figures in the module's tests and the issue report):
// - Candidates (candidates.ts): for problems of 64 or more care rows a wide start first (two hidden layers
//   of 2–4 × inputs nodes, σ 3, β .2: over-parameterised shallow nets solve much sooner), then 0–3 hidden
//   layers of width b = max(width lower bound, inputs, outputs) at σ 3 and 5 (and no hidden layer at σ =
//   the largest odd number ≤ inputs, a single MAJ5/MAJ7… node), cheapest first.
// - A round runs `restarts` restarts of one candidate on all workers (solveNet with `all`, and `fitStop`:
//   a restart counts as solved at the first poll where its weights fit every care row — those weights
//   give a circuit exactly as checked as a gapstop solution, and far sooner). The round's base seed is
//   restartSeed(seed, candidate, round of that candidate), so a restart's result never depends on timing.
//   Restarts per round = workers × k, k (1…4) chosen so one restart costs about REF_WORK units of work
//   (k = 1 with no hidden layer: such a net solves at once or not at all).
// - Which candidate: untried ones first (in order), then the one with the highest optimistic solution
//   rate (solutions + 1/(1 + failed rounds in a row)) / (work spent + work of one more round), work =
//   iterations × edges × items (not the clock, so the choices are the same on a slower machine). With a
//   wide start, the generic candidates with hidden layers join only once every active one has failed
//   twice in a row (measured on the 3×3 multiplier: otherwise 5 of the first 8 minutes went to hopeless
//   6-6-6-6-like nets).
// - After a failed round whose restarts all ran to their end, the candidate's iteration budget doubles
//   (up to MAX_ITERATIONS); after 2 failed rounds in a row it spawns a wider variant (×1.5), and with 3 or
//   more hidden layers a deeper one (one more layer, up to 6: adders and parity need depth); after 4 it
//   retires. After its first success it spawns a narrower variant (smaller nets give smaller circuits).
// - A function with a simple disjoint decomposition f = g(h(A), B) (decompose.ts: complete tables of 6–12
//   inputs; parity, not multipliers, adders or majority) first spends up to DECOMPOSE_SHARE of the time on
//   h and g, each a discover of its own (which may decompose again) with a share of that time in proportion
//   to its rows; their best circuits are composed (gates/compose.ts) and finished like an extracted netlist.
//   The whole function's own search then runs in the remaining time, and the smaller circuit wins.
// - Every solution → synthesize() (extract → simplify → optimize → exhaustive simulation) → kept, at
//   optimizer effort 200 during the search (≈ 5× faster than 1000 and the same sizes on the 2×2
//   multiplier); at the end the best 4 are synthesised again at the full effort (1000). Rounds whose
//   estimated work is tiny run inline (no worker start-up, ~0.3 s a round). The best is the least AIG nodes, then depth, then inverters. Stop at the timeout (the remaining time is
//   passed to solveNet, which cuts a long round), when `patience` solutions in a row did not improve the
//   best, when every candidate retired, or on abort. The best circuit is then proved with Yosys; if that
//   proof fails (a bug: it passed simulation) the failure is recorded and the next circuit is tried.

import { match } from 'ts-pattern';
import type { Spec } from '../ir/spec.js';
import type { BtfNet } from '../ir/btf-net.js';
import { forward, layeredNet } from '../ir/btf-net.js';
import type { TableItems } from '../ir/truth-table.js';
import { solveNet, type SolveParams } from '../rrr/solve.js';
import { restartSeed } from '../rrr/prng.js';
import { circuitCost, finishNetlist, synthesize, type Synthesis } from '../gates/synthesize.js';
import { composeNetlists } from '../gates/compose.js';
import { countGates, type Netlist } from '../ir/netlist.js';
import type { ExtractStats } from '../gates/extract.js';
import { TruthTable } from '../ir/truth-table.js';
import { bitNames } from '../ir/spec.js';
import { findDecomposition, type Decomposition } from './decompose.js';
import { writeVerilog } from '../emit/verilog.js';
import type { ProofResult } from '../verify/prove.js';
import { certify } from '../verify/certify.js';
import {
  MAX_ITERATIONS, architectureName, deeper, candidateKey, initialCandidates, narrower, solverSettings, widthLowerBound, wider,
  startIterations, workPerIteration, type CandidateSpec,
} from './candidates.js';

/** Work (edges × items × iterations) one restart should cost at least; ≈ 1 s of one core. */
export const REF_WORK = 2e7;
const MAX_ROUND_FACTOR = 4;
/** A round whose estimated work is below this runs inline: starting worker threads costs ~0.3 s a round. */
const INLINE_WORK = 1e7;
/** Optimizer effort for each solution during the search; the best POLISH circuits get the full effort. */
const SEARCH_EFFORT = 200;
const POLISH = 4;
/** A round is not started with less time left than this (ms). */
const MIN_ROUND_MS = 250;

export interface DiscoverParams {
  seed: number;
  workers: number;
  /** Wall-clock budget of the search (the final proof comes after it). */
  timeoutMs: number;
  /** Stop after this many solutions in a row that did not improve the best. */
  patience: number;
  /** Prove the best circuit with Yosys and take its AIG figures from Yosys. */
  prove: boolean;
  /** Optimizer effort for the final circuits (default 1000; the search itself uses min(SEARCH_EFFORT, this)). */
  effort?: number;
  /** Verilog header lines (the search adds the winner's origin). */
  header?: string[];
  /** Run restarts in the calling thread (tests). */
  inline?: boolean;
  /** Try a disjoint decomposition first (decompose.ts; default true). */
  decompose?: boolean;
}

export interface RoundReport {
  /** The decomposition block the round belongs to (`h`, `g`, `h.g`, …); absent for the whole function. */
  block?: string;
  round: number;
  candidate: number;
  architecture: string;
  sigma: number;
  beta: number;
  gamma: number;
  iterations: number;
  restarts: number;
  solved: number;
  bestAig?: number;
  bestDepth?: number;
  elapsedMs: number;
}

export interface DiscoverHooks {
  signal?: AbortSignal;
  onRound?: (r: RoundReport) => void;
}

/** One row of the table of what was tried. */
export interface CandidateRow {
  candidate: number;
  architecture: string;
  sigma: number;
  beta: number;
  gamma: number;
  /** The iteration budget of its last round. */
  iterations: number;
  origin: string;
  rounds: number;
  restarts: number;
  solved: number;
  /** Median iterations of its solved restarts (null when none). */
  medianIterations: number | null;
  bestAig: number | null;
  bestDepth: number | null;
  timeMs: number;
  retired: boolean;
  /** Set for the rows of a decomposition's block searches: `h`, `g`, `h.g`, … (see decompose.ts). */
  block?: string;
}

/** A circuit read back from one solved restart of one candidate net. */
export interface NetCircuit {
  kind: 'net';
  candidate: number;
  architecture: string;
  sigma: number;
  round: number;
  restart: number;
  seed: number;
  iterations: number;
  synthesis: Synthesis;
  /** The restart's weights on `net` (kept to re-synthesise the best circuits at full effort). */
  net: BtfNet;
  weights: Float64Array;
}

/** A circuit composed from the best circuits of a decomposition's blocks, f = g(h(x[bound]), x[free]). */
export interface ComposedCircuit {
  kind: 'composed';
  /** `g(h(x[0], …), x[5], …)` with each block's own description. */
  architecture: string;
  /** Always 0: it is made before the whole function's own rounds (ranks it first among equal circuits). */
  round: number;
  bound: number[];
  free: number[];
  h: FoundCircuit;
  g: FoundCircuit;
  synthesis: Synthesis;
}

export type FoundCircuit = NetCircuit | ComposedCircuit;

export type ProvedCircuit = FoundCircuit & {
  verilog: string;
  proof?: ProofResult;
  aigNodes: number;
  depth: number;
};

/** One line saying where a circuit came from (reports, Verilog headers). */
export function describeCircuit(f: FoundCircuit): string {
  return match(f)
    .with({ kind: 'net' }, (n) => `${n.architecture} σ${n.sigma}, round ${n.round}, restart ${n.restart + 1} (seed ${n.seed}) at iteration ${n.iterations}`)
    .with({ kind: 'composed' }, (c) => `decomposition ${c.architecture}`)
    .exhaustive();
}

/** The names of a composed circuit's block inputs, given the names of its own inputs: h's, and g's (`h` first). */
export function blockInputNames(c: Pick<ComposedCircuit, 'bound' | 'free'>, inputNames: readonly string[]): { h: string[]; g: string[] } {
  const name = (j: number) => inputNames[j] ?? `x${j}`;
  return { h: c.bound.map(name), g: ['h', ...c.free.map(name)] };
}

/** A short name of a circuit's architecture: `5-8-1 σ5` or `g(h(…), …)` with the blocks' names. */
export function circuitArchitecture(f: FoundCircuit, inputNames: readonly string[]): string {
  return match(f)
    .with({ kind: 'net' }, (n) => `${n.architecture} σ${n.sigma}`)
    .with({ kind: 'composed' }, (c) => {
      const names = blockInputNames(c, inputNames);
      return `g(h(${names.h.join(', ')}), ${names.g.slice(1).join(', ')}) with h = ${circuitArchitecture(c.h, names.h)}, `
        + `g = ${circuitArchitecture(c.g, names.g)}`;
    })
    .exhaustive();
}

export type StopReason = 'patience' | 'timeout' | 'exhausted' | 'aborted';

export interface DiscoverResult {
  circuits: FoundCircuit[];
  best?: ProvedCircuit;
  rows: CandidateRow[];
  rounds: number;
  stoppedBy: StopReason;
  /** Loud: circuits that passed simulation but that Yosys refuted (bugs). */
  proofFailures: string[];
  timeMs: number;
  searchMs: number;
}

interface Cand {
  id: number;
  spec: CandidateSpec;
  name: string;
  net: BtfNet;
  work: number;
  iterations: number;
  rounds: number;
  restarts: number;
  solved: number;
  spent: number;
  failsInRow: number;
  retired: boolean;
  spawnedWider: boolean;
  spawnedNarrower: boolean;
  solvedIterations: number[];
  best?: Synthesis;
  timeMs: number;
  lastBeta: number;
  lastGamma: number;
  lastIterations: number;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

function better(a: FoundCircuit, b: FoundCircuit | undefined): boolean {
  return b === undefined || circuitCost(a.synthesis) < circuitCost(b.synthesis);
}

/**
 * Whether extraction can read a circuit back from `weights`: for every output node, no two care rows with
 * different targets give its senders the same values (forward pass; output senders take their targets,
 * as in extraction). False when an output reads a data input: its read-back would be plain logic
 * synthesis from the inputs, not the net's work (a net without a hidden layer must fit every row).
 */
export function readsBack(net: BtfNet, weights: Float64Array, items: TableItems): boolean {
  const o = items.numOutputs;
  for (let e = net.inStart[net.firstOutput]!; e < net.numEdges; e++) {
    const s = net.edgeSend[e]!;
    if (s >= 1 && s < net.firstBtf) return false;
  }
  const y = new Float64Array(net.numNodes);
  const seen = Array.from({ length: o }, () => new Map<string, number>());
  for (let i = 0; i < items.count; i++) {
    forward(net, weights, items.inputs.subarray(i * items.numInputs, (i + 1) * items.numInputs), y);
    for (let k = 0; k < o; k++) if (items.targetCare[i * o + k]) y[net.firstOutput + k] = items.targets[i * o + k]!;
    for (let k = 0; k < o; k++) {
      if (!items.targetCare[i * o + k]) continue;
      const n = net.firstOutput + k;
      let key = '';
      for (let e = net.inStart[n]!; e < net.inStart[n + 1]!; e++) key += y[net.edgeSend[e]!]! > 0 ? '1' : '0';
      const t = items.targets[i * o + k]!;
      const prev = seen[k]!.get(key);
      if (prev === undefined) seen[k]!.set(key, t);
      else if (prev !== t) return false;
    }
  }
  return true;
}

/** Search architectures for the smallest circuit of `spec` (see the header for the strategy). */
export async function discover(spec: Spec, params: DiscoverParams, hooks: DiscoverHooks = {}): Promise<DiscoverResult> {
  const t0 = performance.now();
  const deadline = t0 + params.timeoutMs;
  const table = spec.table;
  const items = table.toItems();
  const lb = widthLowerBound(table);
  const fullEffort = params.effort ?? 1000;
  const searchEffort = Math.min(SEARCH_EFFORT, fullEffort);
  const base = Math.max(lb, table.numInputs, table.numOutputs);
  const cands: Cand[] = [];
  const keys = new Set<string>();
  const addCand = (c: CandidateSpec) => {
    if (keys.has(candidateKey(c))) return;
    keys.add(candidateKey(c));
    const name = `${architectureName(c, table.numInputs, table.numOutputs)} σ${c.sigma}`;
    cands.push({
      id: cands.length, spec: c, name, net: layeredNet([table.numInputs, ...c.hidden, table.numOutputs], c.sigma),
      work: workPerIteration(c, table, items.count), iterations: c.iterations, rounds: 0, restarts: 0, solved: 0, spent: 0,
      failsInRow: 0, retired: false, spawnedWider: false, spawnedNarrower: false, solvedIterations: [], timeMs: 0,
      lastBeta: NaN, lastGamma: NaN, lastIterations: 0,
    });
  };
  // Candidates marked `reserve` (the narrow generic ones when there is a wide start) wait until every
  // active candidate has failed twice in a row: they would otherwise take a round each (and their
  // variants more) while the wide start still succeeds.
  const start = initialCandidates(table, items.count);
  for (const c of start) if (!c.reserve) addCand(c);
  let reserve = start.filter((c) => c.reserve);

  const circuits: FoundCircuit[] = [];
  let best: FoundCircuit | undefined;
  let sinceImproved = 0;
  let round = 0;

  // A decomposable function: its blocks first, with up to DECOMPOSE_SHARE of the time; then the whole
  // function's own search with the rest, the smaller circuit wins.
  const dec = params.decompose === false ? undefined : findDecomposition(table);
  const blockRows: CandidateRow[] = [];
  let blockRounds = 0;
  if (dec) {
    const d = await discoverBlocks(spec, dec, { ...params, timeoutMs: params.timeoutMs * DECOMPOSE_SHARE }, hooks, fullEffort);
    blockRows.push(...d.rows);
    blockRounds = d.rounds;
    if (d.circuit) {
      circuits.push(d.circuit);
      best = d.circuit;
    }
  }
  let stoppedBy: StopReason = 'exhausted';
  const roundFactor = (c: Cand) => (c.spec.hidden.length === 0 ? 1
    : Math.max(1, Math.min(MAX_ROUND_FACTOR, Math.round(REF_WORK / (c.work * c.iterations)))));
  const pick = (): Cand | undefined => {
    if (reserve.length && cands.every((c) => c.retired || c.failsInRow >= 2)) {
      for (const c of reserve) addCand(c);
      reserve = [];
    }
    const active = cands.filter((c) => !c.retired);
    const untried = active.find((c) => c.rounds === 0);
    if (untried) return untried;
    let choice: Cand | undefined;
    let score = -Infinity;
    for (const c of active) {
      const next = c.work * c.iterations * params.workers * roundFactor(c);
      const s = (c.solved + 1 / (1 + c.failsInRow)) / (c.spent + next);
      if (s > score) { score = s; choice = c; }
    }
    return choice;
  };

  for (;;) {
    if (hooks.signal?.aborted) { stoppedBy = 'aborted'; break; }
    const left = deadline - performance.now();
    if (left < MIN_ROUND_MS) { stoppedBy = 'timeout'; break; }
    if (best !== undefined && sinceImproved >= params.patience) { stoppedBy = 'patience'; break; }
    const c = pick();
    if (c === undefined) { stoppedBy = 'exhausted'; break; }
    const { beta, gamma } = { ...solverSettings(c.work, c.iterations), ...(c.spec.beta !== undefined ? { beta: c.spec.beta } : {}), ...(c.spec.gamma !== undefined ? { gamma: c.spec.gamma } : {}) };
    const restarts = params.workers * roundFactor(c);
    const inline = params.inline || restarts * c.iterations * c.work < INLINE_WORK;
    const solveParams: SolveParams = {
      sigma: c.spec.sigma, beta, gamma, iterations: c.iterations, gapstop: 0.01, restarts,
      seed: restartSeed(params.seed, c.id, c.rounds), workers: params.workers, timeoutMs: left, all: true, fitStop: true,
      ...(inline ? { inline: true } : {}),
    };
    const tr = performance.now();
    const res = await solveNet(c.net, items, solveParams, { signal: hooks.signal });
    c.timeMs += performance.now() - tr;
    c.lastBeta = beta;
    c.lastGamma = gamma;
    c.lastIterations = c.iterations;
    round++;
    c.rounds++;
    c.restarts += res.stats.restarts.length;
    let ranOut = true;
    for (const r of res.stats.restarts) {
      c.spent += r.iterations * c.work;
      if (r.stopped) ranOut = false;
    }
    if (res.stats.aborted) { stoppedBy = 'aborted'; break; }
    // Every restart whose weights can be read back: the solved ones, and the best one when it fits (a
    // timeout cut) or its hidden layers already separate the rows (readsBack: extraction takes the outputs
    // from the table, so an output node's own threshold may still be wrong on a row or two).
    const sols = [...res.solutions];
    if (res.best && !sols.some((s) => s.restart === res.best!.restart)
      && (res.best.trainAccuracy === 1 || readsBack(c.net, res.best.weights, items))) {
      sols.push({ restart: res.best.restart, weights: res.best.weights });
    }
    sols.sort((a, b) => a.restart - b.restart);
    for (const s of sols) {
      const rep = res.stats.restarts.find((r) => r.restart === s.restart)!;
      const syn = synthesize(spec, c.net, s.weights, { seed: params.seed, effort: searchEffort });
      const found: FoundCircuit = {
        kind: 'net', candidate: c.id, architecture: architectureName(c.spec, table.numInputs, table.numOutputs), sigma: c.spec.sigma,
        round, restart: s.restart, seed: rep.seed, iterations: rep.iterations, synthesis: syn, net: c.net, weights: s.weights,
      };
      circuits.push(found);
      c.solvedIterations.push(rep.iterations);
      if (c.best === undefined || circuitCost(syn) < circuitCost(c.best)) c.best = syn;
      if (better(found, best)) { best = found; sinceImproved = 0; } else sinceImproved++;
    }
    c.solved += sols.length;
    if (sols.length > 0) {
      c.failsInRow = 0;
      if (!c.spawnedNarrower) {
        c.spawnedNarrower = true;
        const nc = narrower(c.spec, lb, c.name);
        if (nc) addCand({ ...nc, iterations: c.iterations });
      }
    } else if (!res.stats.timedOut) {
      c.failsInRow++;
      if (ranOut && c.iterations < MAX_ITERATIONS) c.iterations = Math.min(MAX_ITERATIONS, c.iterations * 2);
      if (c.failsInRow >= 2 && !c.spawnedWider) {
        c.spawnedWider = true;
        const w = wider(c.spec, base, c.name);
        if (w) addCand({ ...w, iterations: c.spec.hidden.length === 0 ? startIterations(workPerIteration(w, table, items.count)) : c.iterations });
        const d = deeper(c.spec, c.name);
        if (d) addCand(d);
      }
      if (c.failsInRow >= 4 || (c.spec.hidden.length === 0 && c.failsInRow >= 2)) c.retired = true;
    }
    hooks.onRound?.({
      round, candidate: c.id, architecture: architectureName(c.spec, table.numInputs, table.numOutputs), sigma: c.spec.sigma,
      beta, gamma, iterations: solveParams.iterations, restarts: res.stats.restarts.length, solved: sols.length,
      ...(best ? { bestAig: best.synthesis.aig.andNodes, bestDepth: best.synthesis.aig.depth } : {}),
      elapsedMs: performance.now() - t0,
    });
  }
  return finish(spec, params, fullEffort, searchEffort, circuits, cands, blockRows, blockRounds + round, stoppedBy, t0);
}

const restartOf = (f: FoundCircuit) => (f.kind === 'net' ? f.restart : -1);

/** The end of a search: polish the best circuits, prove the best one, build the table of what was tried. */
async function finish(
  spec: Spec, params: DiscoverParams, fullEffort: number, searchEffort: number, circuits: FoundCircuit[], cands: Cand[],
  blockRows: CandidateRow[], rounds: number, stoppedBy: StopReason, t0: number,
): Promise<DiscoverResult> {
  const table = spec.table;
  const searchMs = performance.now() - t0;
  const order = (a: FoundCircuit, b: FoundCircuit) => circuitCost(a.synthesis) - circuitCost(b.synthesis)
    || a.round - b.round || restartOf(a) - restartOf(b);
  circuits.sort(order);
  // Polish: the best few again at the full optimizer effort (keeping the smaller of the two results). A
  // composed circuit was finished at the full effort already.
  if (fullEffort > searchEffort) {
    for (const f of circuits.slice(0, POLISH)) {
      if (f.kind !== 'net') continue;
      const syn = synthesize(spec, f.net, f.weights, { seed: params.seed, effort: fullEffort });
      if (circuitCost(syn) < circuitCost(f.synthesis)) f.synthesis = syn;
    }
    circuits.sort(order);
  }
  const proofFailures: string[] = [];
  let proved: ProvedCircuit | undefined;
  for (const f of circuits) {
    const nl = f.synthesis.netlist;
    const header = [...(params.header ?? []), `found by btfc discover: ${describeCircuit(f)}`];
    const verilog = writeVerilog(nl, { header });
    const p: ProvedCircuit = { ...f, verilog, aigNodes: f.synthesis.aig.andNodes, depth: f.synthesis.aig.depth };
    if (params.prove) {
      const cert = await certify(nl, spec, verilog);
      p.proof = cert.proof;
      if (cert.proof.status === 'fail') {
        proofFailures.push(`the circuit of ${describeCircuit(f)} passed simulation `
          + `but Yosys refutes it at row ${cert.proof.cex.row}: this is a bug in btfc`);
        continue;
      }
      p.aigNodes = cert.aigNodes;
      p.depth = cert.depth;
    }
    proved = p;
    break;
  }
  // Each candidate's best circuit, after the polish (circuits is sorted best first).
  for (const c of cands) c.best = circuits.find((f) => f.kind === 'net' && f.candidate === c.id)?.synthesis;
  const rows: CandidateRow[] = [...blockRows, ...cands.filter((c) => c.rounds > 0).map((c) => ({
    candidate: c.id, architecture: architectureName(c.spec, table.numInputs, table.numOutputs), sigma: c.spec.sigma,
    beta: c.lastBeta, gamma: c.lastGamma, iterations: c.lastIterations, origin: c.spec.origin, rounds: c.rounds, restarts: c.restarts,
    solved: c.solved, medianIterations: median(c.solvedIterations), bestAig: c.best?.aig.andNodes ?? null,
    bestDepth: c.best?.aig.depth ?? null, timeMs: c.timeMs, retired: c.retired,
  }))];
  return {
    circuits, ...(proved ? { best: proved } : {}), rows, rounds, stoppedBy, proofFailures,
    timeMs: performance.now() - t0, searchMs,
  };
}

/** Share of the timeout a decomposition's blocks may use before the whole function's own search. */
const DECOMPOSE_SHARE = 0.5;

/** A block of a decomposition as a spec of its own: inputs x[k], outputs y. */
function blockSpec(spec: Spec, block: string, table: TruthTable): Spec {
  const o = table.numOutputs;
  return {
    name: `${spec.name}_${block}`, file: spec.file,
    inputs: [{ name: 'x', width: table.numInputs, bus: true }],
    outputs: [{ name: 'y', width: o, bus: o > 1 }],
    table, solve: {},
  };
}

function mergeExtractStats(a: ExtractStats, b: ExtractStats, composed: Netlist): ExtractStats {
  const forms = { ...a.forms };
  for (const k of Object.keys(b.forms) as (keyof ExtractStats['forms'])[]) forms[k] += b.forms[k];
  return {
    btfNodes: a.btfNodes + b.btfNodes, forms, wide: [...a.wide, ...b.wide], gates: countGates(composed), timeMs: a.timeMs + b.timeMs,
  };
}

/**
 * Search the blocks h and g of a decomposition one after the other (each a whole discover of its own,
 * which may decompose again), each with a share of the time in proportion to its rows, and compose their
 * best circuits. No circuit when a block finds none.
 */
async function discoverBlocks(
  spec: Spec, dec: Decomposition, params: DiscoverParams, hooks: DiscoverHooks, fullEffort: number,
): Promise<{ circuit?: ComposedCircuit; rows: CandidateRow[]; rounds: number }> {
  const t0 = performance.now();
  const end = t0 + params.timeoutMs;
  const parts = [{ block: 'h', table: dec.h }, { block: 'g', table: dec.g }];
  const rows: CandidateRow[] = [];
  let rounds = 0;
  let rowsLeft = dec.h.numRows + dec.g.numRows;
  const found: FoundCircuit[] = [];
  for (const { block, table } of parts) {
    const share = Math.max(0, end - performance.now()) * table.numRows / rowsLeft;
    rowsLeft -= table.numRows;
    const r = await discover(blockSpec(spec, block, table), { ...params, timeoutMs: share, prove: false, header: [] }, {
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      onRound: (x) => hooks.onRound?.({ ...x, block: x.block ? `${block}.${x.block}` : block }),
    });
    rounds += r.rounds;
    rows.push(...r.rows.map((row) => ({ ...row, block: row.block ? `${block}.${row.block}` : block })));
    if (r.stoppedBy === 'aborted' || r.circuits.length === 0) return { rows, rounds };
    found.push(r.circuits[0]!);
  }
  const [h, g] = found as [FoundCircuit, FoundCircuit];
  const nl = composeNetlists(spec.name, spec.inputs, spec.outputs, h.synthesis.netlist, dec.bound, g.synthesis.netlist, dec.free);
  const synthesis = finishNetlist(spec, nl, mergeExtractStats(h.synthesis.extract, g.synthesis.extract, nl), { seed: params.seed, effort: fullEffort });
  const circuit: ComposedCircuit = { kind: 'composed', architecture: '', round: 0, bound: dec.bound, free: dec.free, h, g, synthesis };
  circuit.architecture = circuitArchitecture(circuit, bitNames(spec.inputs));
  return { circuit, rows, rounds };
}
