// Equivalence proof of a Verilog design against a truth table on its care set, by Yosys's SAT solver
// (`sat -prove ok 1` on the miter of gold.ts). Stage: verify.

import type { TruthTable } from '../ir/truth-table.js';
import type { Port } from '../ir/spec.js';
import { GOLD, MITER, goldVerilog, miterVerilog } from './gold.js';
import type { SpecVerilog } from '../ir/spec.js';
import { runYosysInWorker, yosysErrors, yosysName } from './yosys.js';

/** Flip-flop and latch cell types, as a Yosys selection (coarse `$dff`, `$adlatch` …; fine `$_DFF_P_` …). */
const STATE_TYPES = 't:$*dff* t:$*DFF* t:$*dlatch* t:$*DLATCH* t:$sr t:$_SR_* t:$ff t:$_FF_';

export interface Counterexample {
  /** The truth-table row (input bits x_j = bit j). */
  row: number;
  /** Output bits (table column order) with expected value (undefined = don't-care) and the design's value. */
  outputs: { expected: 0 | 1 | undefined; actual: 0 | 1 | 'x' }[];
}

export type ProofResult =
  | { status: 'pass'; timeMs: number }
  | { status: 'fail'; cex: Counterexample; timeMs: number }
  /** Yosys rejected the design or the miter (message = its ERROR lines). */
  | { status: 'error'; message: string; log: string; timeMs: number };

export interface DesignUnderProof {
  /** Verilog source of the design (may hold several modules). */
  verilog: string;
  /** The module to prove. */
  top: string;
  /** The file name Yosys messages should carry. */
  fileName?: string;
  inputs: readonly Port[];
  outputs: readonly Port[];
}

/** Parse the `sat -show` table: signal name → binary string (most significant bit first). */
export function parseSatTable(log: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of log.split('\n')) {
    const m = /^\s+\\(\S+)\s+\S+\s+\S+\s+([01xz]+)\s*$/.exec(line);
    if (m) out.set(m[1]!, m[2]!);
  }
  return out;
}

/** The bits of a binary string as numbers, bit 0 first. */
function bitsLsbFirst(bin: string, width: number): ('0' | '1' | 'x')[] {
  const padded = bin.padStart(width, bin[0] === 'x' ? 'x' : '0');
  return [...padded.slice(-width)].reverse().map((c) => (c === '0' || c === '1' ? c : 'x'));
}

export async function proveAgainstTable(design: DesignUnderProof, table: TruthTable): Promise<ProofResult> {
  const t0 = performance.now();
  const file = design.fileName ?? 'design.v';
  const script = [
    `read_verilog ${file}`,
    'read_verilog btfc_gold.v btfc_miter.v',
    `hierarchy -check -top ${MITER}`,
    'proc', 'flatten',
    // A backstop to design-check.ts: no proof of a design with state (a SAT proof of one step means nothing).
    `select -assert-none ${STATE_TYPES}`,
    'memory', 'opt_clean',
    `tee -q -o sat.log sat -prove ok 1 -show-inputs -show y,g,care ${MITER}`,
  ].join('; ');
  let r: Awaited<ReturnType<typeof runYosysInWorker>>;
  try {
    r = await runYosysInWorker(['-q', '-p', script], {
      [file]: design.verilog,
      'btfc_gold.v': goldVerilog(table),
      'btfc_miter.v': miterVerilog(design.top, design.inputs, design.outputs, table),
    });
  } catch (err) {
    // Yosys itself failed (a WebAssembly trap, e.g. out of memory): no proof, which is not a refutation.
    return { status: 'error', message: (err as Error).message, log: '', timeMs: performance.now() - t0 };
  }
  const timeMs = performance.now() - t0;
  const log = r.files['sat.log'] ?? '';
  if (!r.ok || log === '') return { status: 'error', message: yosysErrors(r.stdout), log: r.stdout, timeMs };
  if (/SAT proof finished - no model found: SUCCESS!/.test(log)) return { status: 'pass', timeMs };
  if (!/SAT proof finished - model found: FAIL!/.test(log)) return { status: 'error', message: 'could not read the outcome of the SAT proof', log, timeMs };
  const t = parseSatTable(log);
  const o = table.numOutputs;
  const x = t.get('x');
  if (!x) return { status: 'error', message: 'the SAT counterexample lacks the input values', log, timeMs };
  const row = parseInt(x.replace(/[xz]/g, '0'), 2);
  const g = bitsLsbFirst(t.get('g') ?? '', o);
  const outputs = Array.from({ length: o }, (_, k) => ({
    expected: table.isCare(k, row) ? table.value(k, row) : undefined,
    actual: g[k] === 'x' ? ('x' as const) : (Number(g[k]) as 0 | 1),
  }));
  return { status: 'fail', cex: { row, outputs }, timeMs };
}

/**
 * Equivalence of a design with the Verilog module a spec came from (a Verilog spec, design-spec.ts), on
 * every row, by a Yosys miter: far cheaper than the flat table's case statement for a wide module (an 8×8
 * multiplier's 65,536 rows take the table proof minutes). Only a spec whose every row is cared about
 * qualifies (no `x` of the module reaches an output, so the module with `x` as 0 is its table). Anything
 * but a pass — a failed miter included — says nothing here: the caller then proves against the table,
 * which gives the counterexample (certify.ts).
 */
export async function proveAgainstModule(design: DesignUnderProof, reference: SpecVerilog): Promise<ProofResult> {
  const t0 = performance.now();
  const file = design.fileName ?? 'design.v';
  const refFile = reference.systemVerilog ? 'btfc_reference.sv' : 'btfc_reference.v';
  const script = [
    `read_verilog${reference.systemVerilog ? ' -sv' : ''} ${refFile}`, `hierarchy -check -top ${yosysName(reference.top)}`,
    'proc', 'flatten', 'setundef -zero', `rename ${yosysName(reference.top)} btfc_reference`,
    `read_verilog ${file}`, 'proc',
    `select -assert-none ${STATE_TYPES}`,
    `miter -equiv -flatten -make_outputs btfc_reference ${yosysName(design.top)} btfc_miter`,
    'hierarchy -top btfc_miter', 'memory', 'opt_clean',
    'tee -q -o sat.log sat -prove trigger 0 btfc_miter',
  ].join('; ');
  try {
    const r = await runYosysInWorker(['-q', '-p', script], { [refFile]: reference.text, [file]: design.verilog });
    const timeMs = performance.now() - t0;
    const log = r.files['sat.log'] ?? '';
    if (r.ok && /SAT proof finished - no model found: SUCCESS!/.test(log)) return { status: 'pass', timeMs };
    return { status: 'error', message: r.ok ? 'the miter against the module did not prove' : yosysErrors(r.stdout), log: log || r.stdout, timeMs };
  } catch (err) {
    return { status: 'error', message: (err as Error).message, log: '', timeMs: performance.now() - t0 };
  }
}

export { GOLD };
