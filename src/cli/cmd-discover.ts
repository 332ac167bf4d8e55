// `btfc discover SPEC` / `btfc discover mul --bits N` (also add, maj, parity): search architectures for
// the smallest circuit, prove it, write Verilog. Stage: CLI over discover/search.ts (the strategy is
// described there; finishing and writing go through flow/finish.ts) and discover/families.ts (the built-in
// functions): options, printing and file paths only.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Argv } from 'yargs';
import { interruptedStatus, type BtfcCommand, type CommandIO } from './command.js';
import { loadSpec } from '../flow/load-spec.js';
import { formatCount, searchProgress } from './progress.js';
import { addSolveFlags, numberFlag } from './solve-flags.js';
import { reportInternalErrors } from './internal-errors.js';
import { userError } from '../util/diagnostics.js';
import { bitNames, type Spec } from '../ir/spec.js';
import { countGates } from '../ir/netlist.js';
import { FAMILIES, familySizeOption, familySource, isFamily } from '../discover/family-source.js';
import { discover, POLISH_SHARE } from '../discover/search.js';
import { CONES_MAX_INPUTS, CONES_MIN_INPUTS } from '../discover/cones.js';
import { WINDOWS_MAX_MS } from '../gates/windows.js';
import { circuitStrategy, describeCircuit } from '../discover/circuits.js';
import type { EngineKind } from '../rrr/engine-kind.js';
import type { CandidateRow, DiscoverResult, ProvedCircuit, RoundReport } from '../discover/types.js';
import { checkInputName, defaultVerilogOutput, outputName, prepareOutputs, reportSource } from './outputs.js';

interface Args {
  what: string;
  bits?: number;
  inputs?: number;
  circuit?: string;
  top?: string;
  timeout: number;
  seed: number;
  workers?: number;
  engine?: EngineKind;
  patience: number;
  output?: string;
  svg?: string;
  json?: string;
  report?: string;
  prove: boolean;
  effort?: number;
  decompose: boolean;
  cones?: boolean;
  floor: boolean;
  windows: boolean;
}

const ms = (x: number) => (x < 1000 ? `${x.toFixed(0)} ms` : `${(x / 1000).toFixed(1)} s`);

function checkInt(name: string, v: number | undefined, min: number, what: string): void {
  if (v !== undefined && !(Number.isSafeInteger(v) && v >= min)) throw userError(`--${name} ${v} is out of range: ${what}`);
}

function checkArgs(args: Args): void {
  checkInt('seed', args.seed, 0, 'an integer ≥ 0');
  checkInt('workers', args.workers, 1, 'an integer ≥ 1');
  checkInt('patience', args.patience, 1, 'an integer ≥ 1');
  if (!(Number.isFinite(args.timeout) && args.timeout > 0)) throw userError(`--timeout ${args.timeout} is out of range: a number of seconds > 0`);
  if (args.effort !== undefined) checkInt('effort', args.effort, 0, 'an integer ≥ 0');
}

/** The spec to search: a family (mul, add, maj, parity) or a file. */
async function resolveSpec(args: Args): Promise<Spec> {
  if (isFamily(args.what)) {
    const opt = familySizeOption(args.what);
    const other = opt === 'bits' ? 'inputs' : 'bits';
    if (args[other] !== undefined) throw userError(`discover ${args.what} takes --${opt}, not --${other}`, `e.g. btfc discover ${args.what} --${opt} ${args[other]}`);
    if (args.circuit !== undefined) throw userError('--circuit applies to spec files, not to built-in families', 'drop --circuit');
    if (args.top !== undefined) throw userError('--top applies to Verilog files, not to built-in families', 'drop --top');
    // The spec compiler loads only now (family-source.ts).
    const { familySpec } = await import('../discover/families.js');
    return familySpec(args.what, args[opt]);
  }
  if (args.bits !== undefined || args.inputs !== undefined) {
    throw userError(`--bits and --inputs size a built-in family (${FAMILIES.join(', ')}); ${args.what} is not one`,
      `name a family, e.g. btfc discover mul --bits 3, or drop the option to search ${args.what} as a file`);
  }
  if (!existsSync(args.what) && !/[./\\]/.test(args.what)) {
    throw userError(`${args.what} is neither a built-in family (${FAMILIES.join(', ')}) nor a file`,
      `e.g. btfc discover mul --bits 3, or btfc discover path/to/circuit.spec`);
  }
  return loadSpec(args.what, args.circuit, args.top);
}

/** resolveSpec, refused when there is nothing to search. */
async function searchableSpec(args: Args): Promise<Spec> {
  const spec = await resolveSpec(args);
  if (spec.table.numInputs === 0) throw userError(`${spec.name} has no inputs: there is nothing to search`, 'a constant function needs no solver');
  if (spec.table.toItems().count === 0) throw userError(`${spec.name} has no cared-about rows: every output is a don't-care`, 'specify at least one output value');
  return spec;
}

function table(rows: string[][], left: number): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c < left ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd()).join('\n');
}

export function searchTable(rows: CandidateRow[]): string {
  const out = [['architecture', 'σ', 'β', 'γ', 'iterations', 'rounds', 'restarts', 'solved', 'median it', 'best AIG', 'time']];
  for (const r of rows) {
    out.push([r.block ? `${r.block}: ${r.architecture}` : r.architecture, String(r.sigma), String(r.beta), String(Number(r.gamma.toPrecision(2))), formatCount(r.iterations),
      String(r.rounds), String(r.restarts), String(r.solved), r.medianIterations === null ? '–' : formatCount(r.medianIterations),
      r.bestAig === null ? '–' : `${r.bestAig} (d ${r.bestDepth})`, ms(r.timeMs)]);
  }
  return table(out, 1);
}

function roundLine(r: RoundReport): string {
  return `${r.block ? `[${r.block}] ` : ''}round ${r.round}: ${r.architecture} σ${r.sigma} β${r.beta} it ${formatCount(r.iterations)}: solved ${r.solved}/${r.restarts}`
    + `, best AIG ${r.bestAig ?? '–'}${r.bestDepth !== undefined ? ` (depth ${r.bestDepth})` : ''}, ${ms(r.elapsedMs)}`;
}

function unsolvedLines(args: Args, spec: Spec, r: DiscoverResult, why: string): string[] {
  const lines = [r.circuits.length
    ? `${spec.name}: ${r.circuits.length} circuits found, but none passed the Yosys proof (a bug in btfc; see above); nothing written`
    : `${spec.name}: no solution in ${r.rounds} rounds (${ms(r.searchMs)}; stopped by ${why})`];
  if (!r.circuits.length) lines.push(`hint: give it more time (--timeout, now ${args.timeout} s), or try \`btfc compile\` with a larger --hidden and more --iterations`);
  return lines;
}

function solvedLines(spec: Spec, r: DiscoverResult, b: ProvedCircuit, why: string): string[] {
  const g = countGates(b.synthesis.netlist);
  const proofText = !b.proof ? 'Yosys proof skipped (--no-prove)'
    : b.proof.status === 'pass' ? `Yosys SAT proof PASS (${ms(b.proof.timeMs)})`
      : `Yosys proof unavailable (${b.proof.status === 'error' ? b.proof.message : 'fail'}); the exhaustive simulation covers every care row`;
  const lines = [
    `${spec.name}: best of ${r.circuits.length} circuit${r.circuits.length === 1 ? '' : 's'} from ${r.rounds} rounds in ${ms(r.searchMs)} `
      + `(stopped by ${why}): ${describeCircuit(b)}`,
    `gates: ${g.and} AND, ${g.or} OR, ${g.maj} MAJ3, ${g.not} NOT (${g.total} total); AIG ${b.aigNodes} AND nodes, depth ${b.depth}`,
    `verified: simulation PASS (${spec.table.toItems().count} care rows), ${proofText}`,
  ];
  if (r.floor) {
    const fl = r.floor.best;
    lines.push(`strategy: ${circuitStrategy(b, bitNames(spec.inputs))}${b.kind === 'floor' ? ' (RRR found nothing better)' : ''}; `
      + `floor: ${fl ? `${fl.strategy}, ${fl.synthesis.aig.andNodes} AIG nodes` : 'none'} (${ms(r.floor.timeMs)})`);
  } else if (b.kind === 'windows' || b.kind === 'cones') lines.push(`strategy: ${circuitStrategy(b, bitNames(spec.inputs))}`);
  const w = r.windows;
  if (w) lines.push(`windows: ${w.tried} tried, ${w.replacements} replacements (${w.smaller} smaller, the rest same-size moves), ${w.rejected} rejected by the whole-circuit check, ${w.before.aig} → ${w.after.aig} AIG nodes (${ms(w.timeMs)})`);
  return lines;
}

/** What an interrupted search had found, and where it would have been written. */
function interruptedLines(spec: Spec, r: DiscoverResult, output: string): string[] {
  const b = r.circuits[0];
  if (!b) return [`interrupted after ${r.rounds} rounds (${ms(r.searchMs)}): no circuit found yet; no files written`];
  const g = countGates(b.synthesis.netlist);
  return [
    `interrupted after ${r.rounds} rounds (${ms(r.searchMs)}): the best circuit so far of ${spec.name} (unproved) was ${describeCircuit(b)}: `
      + `${g.total} gates, AIG ${b.synthesis.aig.andNodes} AND nodes, depth ${b.synthesis.aig.depth}`,
    `it would have been written to ${output}; no files written`,
  ];
}

/** The spec's text for the HTML report: a family's generated spec, or the file's text. */
function specText(args: Args): string | undefined {
  if (!isFamily(args.what)) return reportSource(args.what);
  return familySource(args.what, args[familySizeOption(args.what)]);
}

async function handler(args: Args, io: CommandIO): Promise<number> {
  checkArgs(args);
  checkInputName(args.what, 'spec (or family)');
  const spec = await searchableSpec(args);
  const outputs = { verilog: args.output ?? defaultVerilogOutput(spec), ...(args.svg !== undefined ? { svg: args.svg } : {}), ...(args.json !== undefined ? { json: args.json } : {}),
    ...(args.report !== undefined ? { html: args.report } : {}) };
  // Every output is checked before the search; with one of them on stdout (`-`), the summary goes to stderr.
  const say = prepareOutputs(io, [{ option: '-o', path: outputs.verilog }, { option: '--svg', path: args.svg }, { option: '--json', path: args.json },
    { option: '--report', path: args.report }],
    isFamily(args.what) ? [] : [args.what]);
  const workers = args.workers ?? availableParallelism();
  io.err(`${spec.name}: discovering (${spec.table.numInputs} inputs, ${spec.table.numOutputs} outputs), timeout ${args.timeout} s, `
    + `patience ${args.patience}, seed ${args.seed}, ${workers} worker${workers === 1 ? '' : 's'}`);
  const progress = searchProgress(io, args.timeout * 1000);
  const r = await reportInternalErrors(io, () => discover(spec, {
    seed: args.seed, workers, timeoutMs: args.timeout * 1000, patience: args.patience, prove: args.prove,
    ...(args.engine ? { engine: args.engine } : {}),
    ...(args.effort !== undefined ? { effort: args.effort } : {}),
    decompose: args.decompose,
    ...(args.cones !== undefined ? { cones: args.cones } : {}),
    floor: args.floor,
    windows: args.windows,
    header: [`Generated by btfc discover from ${spec.file} (circuit ${spec.name}), seed ${args.seed}`],
    outputs: { ...outputs, stdout: io.out },
    ...(args.report !== undefined ? { source: specText(args) } : {}),
  }, { signal: io.signal, onRound: (x) => progress.round(roundLine(x), x) }).finally(() => progress.finish()));
  if (r === undefined) return 1;
  if (r.stoppedBy === 'aborted') {
    io.err(interruptedLines(spec, r, args.output ?? defaultVerilogOutput(spec)).join('\n'));
    return interruptedStatus(io.signal);
  }
  for (const f of r.proofFailures) io.err(`btfc: INTERNAL ERROR: ${f}`);
  const why = { patience: `${args.patience} solutions in a row without improvement`, timeout: 'the timeout', exhausted: 'no candidate left', aborted: 'interrupted' }[r.stoppedBy];
  const lines = [...(r.rows.length ? [searchTable(r.rows), ''] : []), ...(r.best ? solvedLines(spec, r, r.best, why) : unsolvedLines(args, spec, r, why))];
  if (r.files.length) lines.push(`wrote ${r.files.map(outputName).join(', ')}`);
  say(lines.join('\n'));
  return r.best && !r.proofFailures.length ? 0 : 1;
}

export const discoverCommand: BtfcCommand = {
  command: 'discover <what>',
  describe: 'Search architectures for the smallest proved circuit of a spec or a built-in family (mul, add, maj, parity)',
  builder: (y: Argv) => addSolveFlags(y
    .positional('what', { type: 'string', describe: `a spec, .pla, .truth, .dat or Verilog (.v, .sv) file, or a family: ${FAMILIES.join(', ')} (a file named like a family: write ./mul)`, demandOption: true })
    .option('bits', { type: 'number', describe: 'operand width of mul (a[N] × b[N] → p[2N]) and add (a[N] + b[N] → s[N+1])' })
    .option('inputs', { type: 'number', describe: 'input count of maj (x[N] → y, more than half the bits set) and parity (x[N] → y = ^x)' })
    .option('circuit', { type: 'string', describe: 'which circuit of a multi-circuit spec' })
    .option('top', { type: 'string', describe: 'which module of a Verilog file (.v, .sv) is the spec' }), {
    // discover runs its own solver settings per candidate; only these three are the user's.
    names: ['timeout', 'seed', 'workers', 'engine'],
    override: {
      // What comes after the search is said from the constants that bound it, so the text cannot drift.
      timeout: {
        default: 60,
        describe: `seconds of search (then the polish of the best circuits, up to ${POLISH_SHARE * 100} % of it, the windows, up to ${WINDOWS_MAX_MS / 1000} s, and the proof)`,
      },
      seed: { default: 1, describe: 'base random seed, an integer ≥ 0' },
    },
  })
    .option('patience', { ...numberFlag('patience', 'an integer ≥ 1'), default: 12, describe: 'stop after this many solutions in a row that did not improve the best circuit' })
    .option('output', { alias: 'o', type: 'string', describe: 'Verilog output file, - for standard output (default: <circuit>.v in the current directory)' })
    .option('svg', { type: 'string', describe: 'also draw the best circuit as an SVG schematic (as `btfc draw` does)' })
    .option('json', { type: 'string', describe: 'write a JSON report (as compile\'s, plus `search`: every candidate tried, and `chosen`)' })
    .option('report', { type: 'string', describe: 'write an HTML report: one self-contained page with the spec, the search table, the best size over time, the circuit, the proof and the times' })
    .option('prove', { type: 'boolean', default: true, describe: 'prove the best circuit with Yosys (--no-prove: simulation only)' })
    .option('decompose', { type: 'boolean', default: true, describe: 'also search the blocks of a disjoint decomposition f = g(h(A), B) when the function has one (--no-decompose: the whole function only)' })
    .option('cones', { type: 'boolean', describe: `also solve each group of outputs on its own inputs and merge the circuits (default: for tables of ${CONES_MIN_INPUTS}–${CONES_MAX_INPUTS} inputs and several outputs; --cones always, --no-cones never)` })
    .option('effort', { ...numberFlag('effort', 'an integer ≥ 0'), describe: 'optimizer rounds per solution (default 1000)' })
    .option('floor', { type: 'boolean', default: true, describe: 'first get a circuit from Yosys + ABC (the floor), written when the search finds nothing smaller (--no-floor: RRR alone)' })
    .option('windows', { type: 'boolean', default: true, describe: 'then re-synthesise windows of the best circuit (--no-windows: off; with --no-floor they run on RRR\'s circuit)' })
    .example('$0 discover mul --bits 2 --timeout 30', 'the smallest 2×2 multiplier found in 30 s')
    .example('$0 discover examples/full_adder.spec', 'search architectures for a spec file')
    .epilogue('Every circuit written passed exhaustive simulation (and, unless --no-prove, a Yosys SAT proof). '
      + 'Files are written only when a circuit passed; every output path is checked before the search. '
      + 'Exit status: 0 written (the search\'s best circuit, or the floor\'s when the search found nothing smaller); '
      + '1 nothing written (with --no-floor: nothing solved within the timeout) or an internal error; 2 bad input.'),
  handler: (args: Args, io) => handler(args, io),
};
