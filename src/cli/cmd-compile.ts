// `btfc compile SPEC [-o out.v]`: the whole pipeline — solve (RRR restarts) → extract → simplify → verify
// (exhaustive simulation, always; Yosys SAT proof unless --no-prove) → write Verilog (and BLIF / JSON).
// Stage: CLI. `compileCircuit` is the pipeline without the command line (tests and other commands use it).

import { btfcVersion } from '../util/version.js';
import type { Argv } from 'yargs';
import type { BtfcCommand, CommandIO } from './command.js';
import { loadSpec } from '../flow/load-spec.js';
import { solveSetup } from '../flow/lower.js';
import { addSolveFlags, type SolveArgs } from './solve-flags.js';
import { formatCount, formatGap, restartLine, solveProgress } from './progress.js';
import type { Port, Spec } from '../ir/spec.js';
import type { BtfNet } from '../ir/btf-net.js';
import type { TableItems } from '../ir/truth-table.js';
import { solveNet, type SolveHooks, type SolveParams, type SolveResult } from '../rrr/solve.js';
import type { ExtractStats } from '../gates/extract.js';
import type { SimplifyStats } from '../gates/simplify.js';
import type { OptimizeStats } from '../gates/optimize.js';
import { countGates, type GateCounts, type Netlist } from '../ir/netlist.js';
import { writeVerilog } from '../emit/verilog.js';
import { writeBlif } from '../emit/blif.js';
import { writeNetlistJson } from '../emit/json.js';
import type { ProofResult } from '../verify/prove.js';
import { certify } from '../verify/certify.js';
import { baseline as baselineStats, type BaselineStats } from '../verify/stats.js';
import { writeFilesAtomic } from '../util/fs-atomic.js';
import { InternalError } from '../util/internal-error.js';
import { circuitCost, synthesize, type Synthesis } from '../gates/synthesize.js';

export { InternalError };

export interface CompileParams {
  /** Prove the circuit with Yosys (and take AIG statistics from Yosys). */
  prove: boolean;
  /** Also synthesise the table with Yosys + ABC for comparison. */
  baseline: boolean;
  /** Header comment lines for the Verilog (gate counts are added). */
  header?: string[];
  hooks?: SolveHooks;
  /** How many solutions (with `--all`) to read back; the smallest circuit wins. */
  maxCandidates?: number;
  /** Run the optimizer after simplification, and how hard (see gates/synthesize.ts). */
  optimize?: boolean;
  effort?: number;
}

export interface CompileTimes { solve: number; extract: number; simplify: number; optimize: number; simulate: number; prove: number; stats: number; baseline: number; total: number }

export interface CompileResult {
  solve: SolveResult;
  solved: boolean;
  /** No restart met gapstop, but one restart's weights fit every care row and were read back. */
  fitted?: boolean;
  /** Present when solved: */
  restart?: number;
  netlist?: Netlist;
  verilog?: string;
  gates?: GateCounts;
  aigNodes?: number;
  depth?: number;
  extract?: ExtractStats;
  simplify?: SimplifyStats;
  optimize?: OptimizeStats;
  simulation?: 'pass';
  proof?: ProofResult;
  baseline?: BaselineStats;
  times: CompileTimes;
}

/**
 * solve → extract → simplify → simulate → (prove, stats, baseline). Throws InternalError on a wrong circuit.
 * Weights are read back from the solved restarts; when none solved but a restart's forward pass fits every
 * care row (its gap stayed just above gapstop), that restart is used too: extraction checks every node on
 * the patterns it really sees, so the circuit is exactly as trustworthy (`fitted` in the result says so).
 */
export async function compileCircuit(spec: Spec, net: BtfNet, items: TableItems, params: SolveParams, opts: CompileParams): Promise<CompileResult> {
  const t0 = performance.now();
  const times: CompileTimes = { solve: 0, extract: 0, simplify: 0, optimize: 0, simulate: 0, prove: 0, stats: 0, baseline: 0, total: 0 };
  const solve = await solveNet(net, items, params, opts.hooks);
  times.solve = performance.now() - t0;
  const fits = !solve.solved && solve.best !== undefined && solve.best.trainAccuracy === 1;
  if ((!solve.solved && !fits) || solve.stats.aborted) {
    times.total = performance.now() - t0;
    return { solve, solved: false, times };
  }
  const cands = solve.solutions.length > 0 ? solve.solutions : [{ restart: solve.best!.restart, weights: solve.best!.weights }];
  let best: (Synthesis & { restart: number }) | undefined;
  for (const c of cands.slice(0, opts.maxCandidates ?? 8)) {
    const syn = synthesize(spec, solve.net, c.weights, { optimize: opts.optimize, effort: opts.effort, seed: params.seed });
    times.optimize += syn.times.optimize;
    times.extract += syn.times.extract;
    times.simplify += syn.times.simplify;
    times.simulate += syn.times.simulate;
    if (!best || circuitCost(syn) < circuitCost(best)) best = { ...syn, restart: c.restart };
  }
  const nl = best!.netlist;
  let t: number;
  const win = solve.stats.restarts.find((x) => x.restart === best!.restart);
  const header = [...(opts.header ?? []), ...(win ? [`solved by restart ${win.restart + 1} (seed ${win.seed}) at iteration ${win.iterations}`] : [])];
  const verilog = writeVerilog(nl, { header });
  const result: CompileResult = {
    solve, solved: true, fitted: fits, restart: best!.restart, netlist: nl, verilog, gates: countGates(nl),
    extract: best!.extract, simplify: best!.simplify, ...(best!.optimize ? { optimize: best!.optimize } : {}), simulation: 'pass', times,
    aigNodes: best!.aig.andNodes, depth: best!.aig.depth,
  };
  if (opts.prove) {
    const cert = await certify(nl, spec, verilog);
    times.prove = cert.proveMs;
    times.stats = cert.statsMs;
    result.proof = cert.proof;
    if (cert.proof.status === 'fail') throw new InternalError(`Yosys refutes the circuit that passed simulation, at row ${cert.proof.cex.row}`);
    result.aigNodes = cert.aigNodes;
    result.depth = cert.depth;
  }
  if (opts.baseline) {
    t = performance.now();
    result.baseline = await baselineStats(spec.table);
    times.baseline = performance.now() - t;
  }
  times.total = performance.now() - t0;
  return result;
}

interface Args extends SolveArgs {
  spec: string;
  circuit?: string;
  output?: string;
  blif?: string;
  netlistJson?: string;
  json?: string;
  prove: boolean;
  baseline: boolean;
  optimize: boolean;
  effort: number;
}

const portsJson = (ps: readonly Port[]) => ps.map((p) => ({ name: p.name, width: p.width, bus: p.bus }));
const ms = (x: number) => (x < 1000 ? `${x.toFixed(0)} ms` : `${(x / 1000).toFixed(2)} s`);

function report(spec: Spec, widths: number[], params: SolveParams, r: CompileResult, files: string[]) {
  const { timeoutMs, ...options } = params;
  return {
    spec: spec.file,
    circuit: spec.name,
    inputs: portsJson(spec.inputs),
    outputs: portsJson(spec.outputs),
    architecture: widths.join('-'),
    options: { ...options, ...(timeoutMs !== undefined ? { timeout: timeoutMs / 1000 } : {}) },
    solved: r.solved,
    fitted: r.fitted ?? false,
    restart: r.restart ?? null,
    restarts: r.solve.stats.restarts.map((x) => ({
      restart: x.restart, seed: x.seed, solved: x.solved, iterations: x.iterations, gap: x.gap, bestGap: x.bestGap,
      trainAccuracy: x.trainAccuracy, timeMs: x.timeMs, ...(x.stopped ? { stopped: true } : {}), ...(x.warning ? { warning: x.warning } : {}),
    })),
    gates: r.gates ?? null,
    aigNodes: r.aigNodes ?? null,
    depth: r.depth ?? null,
    verified: { simulation: r.simulation ?? 'not run', yosys: r.proof ? r.proof.status : 'skipped' },
    ...(r.baseline ? { baseline: { abcAig: r.baseline.abcAig, abcAndOr: r.baseline.abcAndOr } } : {}),
    extract: r.extract ? { forms: r.extract.forms, wide: r.extract.wide, gates: r.extract.gates } : null,
    simplify: r.simplify ? { rounds: r.simplify.rounds, rewrites: r.simplify.rewrites, before: r.simplify.before, after: r.simplify.after } : null,
    optimize: r.optimize ? { before: r.optimize.before, after: r.optimize.after, steps: r.optimize.steps } : null,
    timeMs: r.times,
    files,
  };
}

async function handler(args: Args, io: CommandIO): Promise<number> {
  const spec = loadSpec(args.spec, args.circuit);
  const setup = solveSetup(args, spec);
  const { params, widths, net, items } = setup;
  // The same seed, options and spec must give the same circuit on any machine (docs/ARCHITECTURE.md, "Reproducibility"), so the
  // lowest-numbered solved restart wins, whatever the number of workers; --no-reproducible opts out.
  if (args.reproducible !== false) params.deterministicWinner = true;
  // A restart whose weights reproduce every care row is as good as solved for compile: extraction checks
  // every node on the patterns it sees. Stopping there instead of at gapstop saves most of the time.
  if (args.fitStop !== false) params.fitStop = true;
  const out = args.output ?? `${spec.name}.v`;
  const workers = Math.min(params.workers, params.restarts);
  io.err(`${spec.name}: ${widths.join('-')} (${net.numEdges} edges, ${items.count} items), σ ${params.sigma}, β ${params.beta}, `
    + `γ ${params.gamma}, ${formatCount(params.iterations)} iterations × ${params.restarts} restarts, seed ${params.seed}, `
    + `${workers} worker${workers === 1 ? '' : 's'}`);
  const header = [
    `Generated by btfc ${btfcVersion()} from ${spec.file} (circuit ${spec.name})`,
    `options: architecture ${widths.join('-')}, sigma ${params.sigma}, beta ${params.beta}, gamma ${params.gamma}, `
      + `iterations ${params.iterations}, gapstop ${params.gapstop}, restarts ${params.restarts}, seed ${params.seed}`,
  ];
  const progress = solveProgress(io, params);
  let r: CompileResult;
  try {
    r = await compileCircuit(spec, net, items, params, {
      prove: args.prove, baseline: args.baseline, header, optimize: args.optimize, effort: args.effort,
      hooks: { signal: io.signal, onProgress: progress.hooks.onProgress, onRestartDone: progress.hooks.onRestartDone },
    });
  } catch (err) {
    progress.finish();
    if (err instanceof InternalError) {
      io.err(`btfc: internal error: ${err.message}\nThis is a bug in btfc, not in your spec; no files were written. Please report it with the spec and options.`);
      return 1;
    }
    throw err;
  }
  progress.finish();
  const st = r.solve.stats;
  if (st.aborted) {
    io.err('interrupted: no files written');
    return 1;
  }
  const lines: string[] = [];
  const files: string[] = [];
  if (!r.solved) {
    const why = st.timedOut ? `timed out after ${ms(st.timeMs)}` : `in ${ms(st.timeMs)}`;
    lines.push(`${spec.name}: not solved: 0 of ${st.restarts.length} restarts solved ${why}`);
    const b = r.solve.best ? st.restarts.find((x) => x.restart === r.solve.best!.restart) : undefined;
    if (b) lines.push(`best: ${restartLine(b, params.restarts)}`);
    lines.push(`hint: try a larger architecture (--hidden, now ${widths.slice(1, -1).join(',') || 'none'}), more --restarts or --iterations, `
      + `or let \`btfc discover ${args.spec}\` search architectures`);
    if (args.json !== undefined) {
      writeFilesAtomic([{ path: args.json, data: `${JSON.stringify(report(spec, widths, params, r, [args.json]), null, 2)}\n` }]);
      lines.push(`wrote ${args.json}`);
    }
    io.out(lines.join('\n'));
    return 1;
  }
  const win = st.restarts.find((x) => x.restart === r.restart)!;
  const g = r.gates!;
  lines.push(r.fitted
    ? `${spec.name}: no restart reached gapstop, but restart ${win.restart + 1} (seed ${win.seed}) fits every care row `
      + `(best gap ${formatGap(win.bestGap)} after ${formatCount(win.iterations)} iterations); its gates were read back and checked`
    : `${spec.name}: solved by restart ${win.restart + 1} (seed ${win.seed}) at iteration ${formatCount(win.iterations)}, gap ${formatGap(win.gap)}`
      + `${win.gap >= params.gapstop ? ' (its weights fit every care row; --fit-stop)' : ''}; `
      + `${st.solvedCount} of ${st.restarts.length} restarts run solved`);
  lines.push(`gates: ${g.and} AND, ${g.or} OR, ${g.maj} MAJ3, ${g.not} NOT (${g.total} total); AIG ${r.aigNodes} AND nodes, depth ${r.depth}`
    + `${r.extract!.forms.wide ? `; ${r.extract!.forms.wide} node${r.extract!.forms.wide === 1 ? '' : 's'} needed more than one gate` : ''}`);
  const proofText = !r.proof ? 'Yosys proof skipped (--no-prove)'
    : r.proof.status === 'pass' ? `Yosys SAT proof PASS (${ms(r.proof.timeMs)})`
      : `Yosys proof unavailable (${r.proof.status === 'error' ? r.proof.message : 'fail'}); the exhaustive simulation covers every care row`;
  lines.push(`verified: simulation PASS (${items.count} care rows), ${proofText}`);
  if (r.baseline) {
    const b = r.baseline;
    lines.push(`baseline (Yosys+ABC on the flat table): abc -g AND,OR ${b.abcAndOr.and} AND + ${b.abcAndOr.or} OR + ${b.abcAndOr.not} NOT; `
      + `abc -g aig ${b.abcAig.andNodes} AND nodes, depth ${b.abcAig.depth}`);
  }
  const tm = r.times;
  lines.push(`time: solve ${ms(tm.solve)}, extract ${ms(tm.extract)}, simplify ${ms(tm.simplify)}, optimize ${ms(tm.optimize)}, simulate ${ms(tm.simulate)}`
    + `${r.proof ? `, prove ${ms(tm.prove)}, stats ${ms(tm.stats)}` : ''}${r.baseline ? `, baseline ${ms(tm.baseline)}` : ''}; total ${ms(tm.total)}`);
  const writes: { path: string; data: string }[] = [{ path: out, data: r.verilog! }];
  if (args.blif !== undefined) writes.push({ path: args.blif, data: writeBlif(r.netlist!, header) });
  if (args.netlistJson !== undefined) writes.push({ path: args.netlistJson, data: writeNetlistJson(r.netlist!) });
  files.push(...writes.map((w) => w.path));
  if (args.json !== undefined) {
    files.push(args.json);
    writes.push({ path: args.json, data: `${JSON.stringify(report(spec, widths, params, r, files), null, 2)}\n` });
  }
  writeFilesAtomic(writes);
  lines.push(`wrote ${files.join(', ')}`);
  io.out(lines.join('\n'));
  return 0;
}

export const compileCommand: BtfcCommand = {
  command: 'compile <spec>',
  describe: 'Solve, extract, simplify, verify and write a gate-level Verilog circuit for a spec',
  builder: (y: Argv) => addSolveFlags(y
    .positional('spec', { type: 'string', describe: 'spec, .pla, .truth or .dat file', demandOption: true })
    .option('circuit', { type: 'string', describe: 'which circuit of a multi-circuit spec' })
    .option('output', { alias: 'o', type: 'string', describe: 'Verilog output file (default: <circuit>.v in the current directory)' })
    .option('blif', { type: 'string', describe: 'also write the circuit as BLIF' })
    .option('netlist-json', { type: 'string', describe: 'also write the circuit as a JSON netlist' })
    .option('json', { type: 'string', describe: 'write a JSON report (restarts, gates, AIG nodes, depth, proof, times)' })
    .option('prove', { type: 'boolean', default: true, describe: 'prove the circuit equal to the spec with Yosys (--no-prove: simulation only)' })
    .option('baseline', { type: 'boolean', default: false, describe: 'also synthesise the flat table with Yosys + ABC and print its size beside ours' })
    .option('optimize', { type: 'boolean', default: true, describe: 'after simplification, search for a smaller circuit by don\'t-care resubstitution (--no-optimize: skip)' })
    .option('effort', { type: 'number', default: 1000, describe: 'rounds of the optimizer\'s local search (bounded by work, not time, so results are reproducible)' }))
    .example('$0 compile examples/mul2.spec --hidden 4,4 -o mul2.v', 'a proved 2-bit multiplier from a 4-4-4-4 network')
    .epilogue('Every circuit written has passed exhaustive simulation on the care set (and, unless --no-prove, a Yosys SAT proof). '
      + 'Exit status: 0 written; 1 no restart solved (nothing written) or an internal error; 2 bad input.'),
  handler: (args: Args, io) => handler(args, io),
};

