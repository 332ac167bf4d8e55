// The end of the pipeline, one for `btfc compile` and `btfc discover`: a circuit from synthesis is
// simulated once more on every care row (nothing unchecked is ever written), emitted as Verilog, certified
// by Yosys (proof, then AIG figures), and then every output (Verilog, BLIF, JSON netlist, JSON report) is
// written at once, atomically (util/fs-atomic.ts). Stage: verify → write. When no circuit passes, nothing
// is written, not even the JSON report: a run that does not succeed leaves no file (docs/ARCHITECTURE.md,
// "Output rules"); the command says on the terminal what happened.
//
// A proof that could not run is no proof: nothing is written, exit 1, unless --no-prove.
//
// A refuted proof is a bug in btfc — the circuit passed exhaustive simulation — never a property of the
// input. compile has one circuit and stops ('stop': InternalError, nothing written, exit 1); discover has
// a ranked list and tries the next one ('next'), keeping the refutation to report it loudly.

import type { Spec } from '../ir/spec.js';
import type { Synthesis } from '../gates/synthesize.js';
import { checkAgainstTable } from '../gates/simulate.js';
import { writeVerilog } from '../emit/verilog.js';
import { writeBlif } from '../emit/blif.js';
import { writeNetlistJson } from '../emit/json.js';
import { renderSchematic } from '../emit/schematic.js';
import type { ProofResult } from '../verify/prove.js';
import { certify } from '../verify/certify.js';
import { writeFilesAtomic } from '../util/fs-atomic.js';
import { InternalError } from '../util/internal-error.js';
import { UserError } from '../util/diagnostics.js';
import { Interrupted, throwIfInterrupted } from '../util/interrupt.js';
import { withYosysAbort } from '../verify/yosys.js';

/** A circuit ready to finish: synthesised and already simulated once. */
export interface FinishCandidate {
  synthesis: Synthesis;
  /** Verilog header lines saying where this circuit came from (after the common header). */
  origin: string[];
  /** Where it came from in a few words, for a refutation message (`the circuit of …`). */
  describe: string;
}

/** The circuit that passed: its Verilog as written, the proof, and its AIG figures (Yosys's after a proof). */
export interface Finished<C extends FinishCandidate = FinishCandidate> {
  circuit: C;
  verilog: string;
  proof?: ProofResult;
  aigNodes: number;
  depth: number;
}

export interface FinishTimes { simulate: number; prove: number; stats: number; total: number }

/** The output of certification: the first candidate that passed, if any, and the refutations before it. */
export interface Certified<C extends FinishCandidate = FinishCandidate> {
  finished?: Finished<C>;
  /** Circuits that passed simulation but that Yosys refuted (bugs), in the order they were tried. */
  refutations: string[];
  /** Milliseconds of finishing, up to the writes (total: the whole of it). */
  times: FinishTimes;
}

/** Where to write (`-`: standard output); all of it or nothing, and only when a circuit passed. */
export interface OutputPaths {
  verilog: string;
  blif?: string;
  netlistJson?: string;
  /** The schematic (SVG, emit/schematic.ts). */
  svg?: string;
  json?: string;
  /** The HTML report (--report). */
  html?: string;
  /** Where `-` goes (the command's standard output; default the process's). */
  stdout?: (text: string) => void;
}

export interface FinishOptions<C extends FinishCandidate> {
  /** Prove with Yosys and take the AIG figures from it (otherwise: simulation only, btfc's estimate). */
  prove: boolean;
  /** Header lines of every file written (Verilog adds the circuit's origin). */
  header: readonly string[];
  onRefuted: 'stop' | 'next';
  /** Nothing is written without. */
  outputs?: OutputPaths;
  /** The JSON report's text, given what was certified and the files written (the report among them). */
  report?: (certified: Certified<C>, files: string[]) => string;
  /** The HTML report's text, likewise, given also the circuit's schematic (emit/schematic.ts). */
  htmlReport?: (certified: Certified<C>, files: string[], svg?: string) => string;
  /** Aborted on an interruption: Yosys is stopped and Interrupted thrown, before anything is written. */
  signal?: AbortSignal;
}

export interface FinishOutcome<C extends FinishCandidate> extends Certified<C> {
  /** The files written, in order. */
  files: string[];
}

/**
 * Finish the first of `candidates` (ranked best first) that passes: simulate, emit, certify; then write.
 * Throws InternalError — before writing anything — when a circuit fails simulation, and on a refuted
 * proof under 'stop'; Interrupted when `signal` is aborted before the writes.
 */
export async function finish<C extends FinishCandidate>(
  spec: Spec, candidates: readonly C[], opts: FinishOptions<C>,
): Promise<FinishOutcome<C>> {
  const certified = await withYosysAbort(opts.signal, () => certifyFirst(spec, candidates, opts));
  // The schematic (for --svg and the HTML report) is laid out before anything is written, so that its
  // files go out with the rest.
  const nl = certified.finished?.circuit.synthesis.netlist;
  const svg = nl && (opts.outputs?.svg !== undefined || opts.outputs?.html !== undefined) ? await renderSchematic(nl) : undefined;
  // The last moment an interruption can stop the run: after it, everything is written at once.
  throwIfInterrupted(opts.signal);
  const files = opts.outputs && certified.finished ? writeOutputs(certified.finished, certified, opts.outputs, opts, svg) : [];
  return { ...certified, files };
}

async function certifyFirst<C extends FinishCandidate>(spec: Spec, candidates: readonly C[], opts: FinishOptions<C>): Promise<Certified<C>> {
  const t0 = performance.now();
  const times: FinishTimes = { simulate: 0, prove: 0, stats: 0, total: 0 };
  const refutations: string[] = [];
  let finished: Finished<C> | undefined;
  for (const c of candidates) {
    if (opts.signal?.aborted) throw new Interrupted();
    const nl = c.synthesis.netlist;
    const t = performance.now();
    const sim = checkAgainstTable(nl, spec.table);
    times.simulate += performance.now() - t;
    if (!sim.ok) {
      throw new InternalError(`the circuit of ${c.describe} fails simulation at row ${sim.row}, output ${sim.output} `
        + `(expected ${sim.expected}, got ${sim.actual})`);
    }
    const verilog = writeVerilog(nl, { header: [...opts.header, ...c.origin] });
    const f: Finished<C> = { circuit: c, verilog, aigNodes: c.synthesis.aig.andNodes, depth: c.synthesis.aig.depth };
    if (opts.prove) {
      const cert = await certify(nl, spec, verilog);
      // An interruption terminates the Yosys worker, which reads as a proof that could not run: it is the
      // interruption (exit 130/143), not a failure of Yosys (exit 1).
      throwIfInterrupted(opts.signal);
      times.prove += cert.proveMs;
      times.stats += cert.statsMs;
      f.proof = cert.proof;
      if (cert.proof.status === 'error') throw proofUnavailable(c, cert.proof.message);
      if (cert.proof.status === 'fail') {
        const row = cert.proof.cex.row;
        if (opts.onRefuted === 'stop') throw new InternalError(`Yosys refutes the circuit that passed simulation, at row ${row}`);
        refutations.push(`the circuit of ${c.describe} passed simulation but Yosys refutes it at row ${row}: this is a bug in btfc`);
        continue;
      }
      f.aigNodes = cert.aigNodes;
      f.depth = cert.depth;
    }
    finished = f;
    break;
  }
  times.total = performance.now() - t0;
  return { ...(finished ? { finished } : {}), refutations, times };
}

/**
 * A proof that could not run (Yosys failed: out of memory, or input it cannot read) proves nothing: the
 * circuit is not written (exit 1) unless the user gave up the proof with --no-prove ("Output rules").
 */
function proofUnavailable(c: FinishCandidate, message: string): UserError {
  const why = message.length > 400 ? `${message.slice(0, 400)}…` : message;
  return new UserError({
    message: `Yosys could not prove the circuit of ${c.describe} (${why.replace(/^ERROR:\s*/gm, '')}); nothing was written`,
    hint: 'rerun with --no-prove to write it checked by exhaustive simulation alone',
  }, 1);
}

/** All outputs of the circuit that passed in one atomic write: its files, then the JSON and HTML reports. */
function writeOutputs<C extends FinishCandidate>(f: Finished<C>, certified: Certified<C>, out: OutputPaths, opts: FinishOptions<C>, svg?: string): string[] {
  const nl = f.circuit.synthesis.netlist;
  const writes: { path: string; data: string }[] = [{ path: out.verilog, data: f.verilog }];
  if (out.blif !== undefined) writes.push({ path: out.blif, data: writeBlif(nl, [...opts.header]) });
  if (out.netlistJson !== undefined) writes.push({ path: out.netlistJson, data: writeNetlistJson(nl) });
  if (out.svg !== undefined && svg !== undefined) writes.push({ path: out.svg, data: svg });
  // Every report lists every file written, itself included.
  const files = [...writes.map((w) => w.path), ...(out.json !== undefined ? [out.json] : []), ...(out.html !== undefined ? [out.html] : [])];
  if (out.json !== undefined) {
    if (!opts.report) throw new InternalError('a JSON report was asked for without a report builder');
    writes.push({ path: out.json, data: opts.report(certified, files) });
  }
  if (out.html !== undefined) {
    if (!opts.htmlReport) throw new InternalError('an HTML report was asked for without a report builder');
    writes.push({ path: out.html, data: opts.htmlReport(certified, files, svg) });
  }
  writeFilesAtomic(writes, out.stdout ? { stdout: out.stdout } : {});
  return files;
}
