// The circuits of `btfc discover`: read back from a round's solved restarts (synthesize: extract → simplify
// → optimize → exhaustive simulation), composed from a decomposition's blocks, ranked (least AIG nodes,
// then depth, then inverters), the best few polished at full optimizer effort, and described for reports
// and Verilog headers.

import { match } from 'ts-pattern';
import { bitNames, type Spec } from '../ir/spec.js';
import { forward, type BtfNet } from '../ir/btf-net.js';
import type { TableItems } from '../ir/truth-table.js';
import { countGates, type Netlist } from '../ir/netlist.js';
import type { SolveResult } from '../rrr/solve.js';
import { circuitCost, finishNetlist, synthesizeInterruptible } from '../gates/synthesize.js';
import { composeNetlists } from '../gates/compose.js';
import type { ExtractStats } from '../gates/extract.js';
import { floorSource } from '../verify/floor.js';
import type { Decomposition } from './decompose.js';
import type { ComposedCircuit, DiscoverParams, FoundCircuit, NetCircuit } from './types.js';
import { throwIfInterrupted, yieldToEvents } from '../util/interrupt.js';

/** Optimizer effort for each solution during the search; the best POLISH circuits get the full effort. */
const SEARCH_EFFORT = 200;
const POLISH = 4;

/** The optimizer efforts: `full` for the final circuits (default 1000), `search` for each solution. */
export function efforts(params: Pick<DiscoverParams, 'effort'>): { full: number; search: number } {
  const full = params.effort ?? 1000;
  return { full, search: Math.min(SEARCH_EFFORT, full) };
}

/** The circuits found so far and the best of them, with how many in a row have not improved it. */
export class Found {
  readonly circuits: FoundCircuit[] = [];
  best: FoundCircuit | undefined;
  sinceImproved = 0;

  add(f: FoundCircuit): void {
    this.circuits.push(f);
    if (this.best === undefined || circuitCost(f.synthesis) < circuitCost(this.best.synthesis)) {
      this.best = f;
      this.sinceImproved = 0;
    } else this.sinceImproved++;
  }
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

/** The search's deadline (performance.now() time) and abort signal, passed to synthesize. */
export interface ReadBackLimits { deadline?: number; signal?: AbortSignal }

/** The candidate net a round ran, as its circuits record it. */
export interface RoundNet {
  candidate: number;
  architecture: string;
  sigma: number;
  net: BtfNet;
}

/**
 * The circuits of one round, in restart order: every restart whose weights can be read back — the solved
 * ones, and the best one when it fits (a timeout cut) or its hidden layers already separate the rows
 * (readsBack: extraction takes the outputs from the table, so an output node's own threshold may still be
 * wrong on a row or two).
 */
export async function readBackRound(spec: Spec, items: TableItems, rn: RoundNet, res: SolveResult, round: number, seed: number, effort: number,
  limits: ReadBackLimits = {}): Promise<NetCircuit[]> {
  const sols = [...res.solutions];
  if (res.best && !sols.some((s) => s.restart === res.best!.restart)
    && (res.best.trainAccuracy === 1 || readsBack(rn.net, res.best.weights, items))) {
    sols.push({ restart: res.best.restart, weights: res.best.weights });
  }
  sols.sort((a, b) => a.restart - b.restart);
  const out: NetCircuit[] = [];
  for (const s of sols) {
    const rep = res.stats.restarts.find((r) => r.restart === s.restart)!;
    out.push({
      kind: 'net', candidate: rn.candidate, architecture: rn.architecture, sigma: rn.sigma, round, restart: s.restart, seed: rep.seed,
      iterations: rep.iterations, synthesis: await synthesizeInterruptible(spec, rn.net, s.weights, { seed, effort, ...limits }), net: rn.net, weights: s.weights,
    });
  }
  return out;
}

const restartOf = (f: FoundCircuit) => (f.kind === 'net' ? f.restart : -1);
/**
 * The floor ranks after every RRR circuit of the same cost: RRR's result is reproducible, &deepsyn's is not.
 * A per-output circuit that took some outputs from the floor ranks after the floor itself: of the same
 * size, it is the floor's work.
 */
const floorLast = (f: FoundCircuit) => (f.kind === 'floor' ? 1 : f.kind === 'cones' && f.fromFloor.length > 0 ? 2 : 0);

/**
 * Sort `circuits` best first (ties: the earlier round, then restart) and polish the best few again at the
 * full optimizer effort, keeping the smaller of the two results. A composed circuit was finished at the
 * full effort already. Polishing stops at `limits.deadline`; an abort (seen between circuits, where the
 * event loop runs) throws Interrupted. Returns `circuits`, sorted.
 */
export async function rankAndPolish(spec: Spec, circuits: FoundCircuit[], seed: number, effort: { full: number; search: number },
  limits: ReadBackLimits = {}): Promise<FoundCircuit[]> {
  const order = (a: FoundCircuit, b: FoundCircuit) => circuitCost(a.synthesis) - circuitCost(b.synthesis)
    || floorLast(a) - floorLast(b) || a.round - b.round || restartOf(a) - restartOf(b);
  circuits.sort(order);
  if (effort.full > effort.search) {
    for (const f of circuits.slice(0, POLISH)) {
      await yieldToEvents();
      throwIfInterrupted(limits.signal);
      if (limits.deadline !== undefined && performance.now() > limits.deadline) break;
      if (f.kind !== 'net') continue;
      const syn = await synthesizeInterruptible(spec, f.net, f.weights, { seed, effort: effort.full, ...limits });
      if (circuitCost(syn) < circuitCost(f.synthesis)) f.synthesis = syn;
    }
    circuits.sort(order);
  }
  return circuits;
}

/** Several circuits' extraction figures added up (composed, merged); the gates are the resulting netlist's. */
export function mergeExtractStats(all: readonly ExtractStats[], merged: Netlist): ExtractStats {
  const forms = { ...all[0]!.forms };
  for (const s of all.slice(1)) for (const k of Object.keys(s.forms) as (keyof ExtractStats['forms'])[]) forms[k] += s.forms[k];
  return {
    btfNodes: all.reduce((n, s) => n + s.btfNodes, 0), forms, wide: all.flatMap((s) => s.wide),
    gates: countGates(merged), timeMs: all.reduce((n, s) => n + s.timeMs, 0),
  };
}

/** f = g(h(x[bound]), x[free]) from the blocks' best circuits, finished like an extracted netlist. */
export function composeCircuit(spec: Spec, dec: Decomposition, h: FoundCircuit, g: FoundCircuit, seed: number, effort: number): ComposedCircuit {
  const nl = composeNetlists(spec.name, spec.inputs, spec.outputs, h.synthesis.netlist, dec.bound, g.synthesis.netlist, dec.free);
  const synthesis = finishNetlist(spec, nl, mergeExtractStats([h.synthesis.extract, g.synthesis.extract], nl), { seed, effort });
  const circuit: ComposedCircuit = { kind: 'composed', architecture: '', round: 0, bound: dec.bound, free: dec.free, h, g, synthesis };
  circuit.architecture = circuitArchitecture(circuit, bitNames(spec.inputs));
  return circuit;
}

/** One line saying where a circuit came from (reports, Verilog headers). */
export function describeCircuit(f: FoundCircuit): string {
  return match(f)
    .with({ kind: 'net' }, (n) => `${n.architecture} σ${n.sigma}, round ${n.round}, restart ${n.restart + 1} (seed ${n.seed}) at iteration ${n.iterations}`)
    .with({ kind: 'composed' }, (c) => `decomposition ${c.architecture}`)
    .with({ kind: 'floor' }, (f) => `${f.architecture} (${floorSource(f.strategy)}, then btfc's simplify and optimizer)`)
    .with({ kind: 'windows' }, (w) => `window re-synthesis (${w.replacements} replacements) of ${describeCircuit(w.base)}`)
    .with({ kind: 'cones' }, (c) => `output groups solved on their own supports and merged (${c.architecture})`)
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
    .with({ kind: 'floor' }, (f) => f.architecture)
    .with({ kind: 'windows' }, (w) => `windows on ${circuitArchitecture(w.base, inputNames)}`)
    .with({ kind: 'cones' }, (c) => `per output (${c.architecture})`)
    .exhaustive();
}

/**
 * Which strategy made a circuit, in a few words: `rrr: 5-8-1 σ5`, `rrr: g(h(…), …) …`, `floor: abc &deepsyn`,
 * `windows: 3 replacements (on floor: abc -g aig)`.
 */
export function circuitStrategy(f: FoundCircuit, inputNames: readonly string[]): string {
  if (f.kind === 'windows') return `windows: ${f.replacements} replacement${f.replacements === 1 ? '' : 's'} (on ${circuitStrategy(f.base, inputNames)})`;
  if (f.kind === 'floor') return f.architecture;
  return `${usesRrr(f) ? 'rrr' : 'floor'}: ${circuitArchitecture(f, inputNames)}`;
}

/** True when some part of the circuit was found by RRR (a composition of two floor circuits was not). */
function usesRrr(f: FoundCircuit): boolean {
  return match(f)
    .with({ kind: 'net' }, () => true)
    .with({ kind: 'composed' }, (c) => usesRrr(c.h) || usesRrr(c.g))
    .with({ kind: 'floor' }, () => false)
    .with({ kind: 'windows' }, (w) => usesRrr(w.base))
    .with({ kind: 'cones' }, (c) => c.groups.some((g) => g.circuit !== undefined && usesRrr(g.circuit)))
    .exhaustive();
}

/** Where a circuit came from, for the JSON report (a composed circuit nests its blocks'). */
export function chosenJson(f: FoundCircuit, inputNames: readonly string[]): object {
  return match(f)
    .with({ kind: 'net' }, (n) => ({
      kind: 'net', candidate: n.candidate, architecture: n.architecture, sigma: n.sigma, round: n.round, restart: n.restart,
      seed: n.seed, iterations: n.iterations,
    }))
    .with({ kind: 'composed' }, (c) => {
      const names = blockInputNames(c, inputNames);
      return { kind: 'composed', architecture: c.architecture, bound: names.h, free: names.g.slice(1), h: chosenJson(c.h, names.h), g: chosenJson(c.g, names.g) };
    })
    .with({ kind: 'floor' }, (f) => ({ kind: 'floor', architecture: f.architecture, strategy: f.strategy }))
    .with({ kind: 'windows' }, (w) => ({ kind: 'windows', replacements: w.replacements, base: chosenJson(w.base, inputNames) }))
    .with({ kind: 'cones' }, (c) => ({
      kind: 'cones', architecture: c.architecture, fromFloor: c.fromFloor, ...(c.floorStrategy ? { floorStrategy: c.floorStrategy } : {}),
      groups: c.groups.map((g) => {
        const names = g.support.map((j) => inputNames[j] ?? `x${j}`);
        return { outputs: g.outputs, support: names, ...(g.circuit ? { circuit: chosenJson(g.circuit, names) } : {}) };
      }),
    }))
    .exhaustive();
}
