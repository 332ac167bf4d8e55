// The baseline btfc's circuits are compared with (`btfc compile --baseline`): the same truth table written
// as a flat case statement (don't-cares as `x`) and synthesised by Yosys + ABC, once mapped to AND/OR gates
// and once to an AIG. Stage: verify (reporting).

import type { TruthTable } from '../ir/truth-table.js';
import { TT, tableSourceVerilog } from './gold.js';
import { aigStatsFromJson, type AigStats, type YosysJsonModule } from './stats.js';
import { runYosysInWorker, yosysErrors } from './yosys.js';

export interface BaselineStats {
  /** `abc -g aig`, then aigmap: AND nodes and depth. */
  abcAig: AigStats;
  /** `abc -g AND,OR`: gates by kind. */
  abcAndOr: { and: number; or: number; not: number; total: number };
  timeMs: number;
}

/**
 * The Yosys steps both the baseline and the floor (floor.ts) start from: the table module of gold.ts
 * (don't-cares as `x`) synthesised once and saved, so each mapping can `design -load synth` it.
 */
export const SYNTH_TABLE = ['read_verilog tt.v', 'proc -norom', `synth -flatten -top ${TT}`, 'design -save synth'] as const;

/** Yosys + ABC on the flat truth table (don't-cares as `x`), for a side-by-side line. */
export async function baseline(table: TruthTable): Promise<BaselineStats> {
  const t0 = performance.now();
  const script = [
    ...SYNTH_TABLE,
    'abc -g AND,OR', 'opt_clean', 'write_json andor.json',
    'design -load synth', 'abc -g aig', 'aigmap', 'opt_clean', 'write_json aig.json',
  ].join('; ');
  const r = await runYosysInWorker(['-q', '-p', script], { 'tt.v': tableSourceVerilog(table) });
  if (!r.ok || !r.files['andor.json'] || !r.files['aig.json']) throw new Error(`Yosys baseline synthesis failed: ${yosysErrors(r.stdout)}`);
  const andor = JSON.parse(r.files['andor.json']) as { modules: Record<string, YosysJsonModule> };
  const counts = { and: 0, or: 0, not: 0, total: 0 };
  for (const cell of Object.values(andor.modules[TT]?.cells ?? {})) {
    if (cell.type === '$_AND_') counts.and++;
    else if (cell.type === '$_OR_') counts.or++;
    else if (cell.type === '$_NOT_') counts.not++;
  }
  counts.total = counts.and + counts.or + counts.not;
  return { abcAig: aigStatsFromJson(r.files['aig.json'], TT), abcAndOr: counts, timeMs: performance.now() - t0 };
}
