// Gate statistics from Yosys: a design mapped to an AIG (`aigmap`) gives the AND-node count and, computed
// here on the AIG it writes back, the depth in AND nodes (inverters free). Also the baseline: the same table
// synthesised by Yosys + ABC from a flat truth-table module. Stage: verify (reporting).

import type { TruthTable } from '../ir/truth-table.js';
import { TT, truthTableVerilog } from './gold.js';
import { runYosysInWorker, yosysErrors } from './yosys.js';

export interface AigStats {
  /** $_AND_ cells after aigmap. */
  andNodes: number;
  /** $_NOT_ cells after aigmap. */
  notNodes: number;
  /** Longest path in AND nodes from an input to an output. */
  depth: number;
}

interface YosysJsonModule {
  ports: Record<string, { direction: string; bits: (number | string)[] }>;
  cells: Record<string, { type: string; connections: Record<string, (number | string)[]> }>;
}

/** AND/NOT counts and AND depth of one module of a Yosys JSON netlist. */
export function aigStatsFromJson(json: string, top: string): AigStats {
  const design = JSON.parse(json) as { modules: Record<string, YosysJsonModule> };
  const mod = design.modules[top] ?? Object.values(design.modules)[0];
  if (!mod) throw new Error('internal: Yosys wrote no module');
  const driver = new Map<number | string, { type: string; ins: (number | string)[] }>();
  let andNodes = 0;
  let notNodes = 0;
  for (const cell of Object.values(mod.cells)) {
    const c = cell.connections;
    if (cell.type === '$_AND_') { andNodes++; driver.set(c.Y![0]!, { type: 'and', ins: [c.A![0]!, c.B![0]!] }); }
    else if (cell.type === '$_NOT_') { notNodes++; driver.set(c.Y![0]!, { type: 'not', ins: [c.A![0]!] }); }
    else throw new Error(`internal: unexpected cell ${cell.type} after aigmap`);
  }
  const depthOf = new Map<number | string, number>();
  const depth = (bit: number | string): number => {
    const known = depthOf.get(bit);
    if (known !== undefined) return known;
    const d = driver.get(bit);
    let v = 0;
    if (d) {
      depthOf.set(bit, 0); // cycle guard
      const m = Math.max(...d.ins.map(depth));
      v = d.type === 'and' ? m + 1 : m;
    }
    depthOf.set(bit, v);
    return v;
  };
  let max = 0;
  for (const p of Object.values(mod.ports)) if (p.direction === 'output') for (const b of p.bits) max = Math.max(max, depth(b));
  return { andNodes, notNodes, depth: max };
}

/** AIG statistics of a Verilog module. */
export async function aigStats(verilog: string, top: string): Promise<AigStats> {
  const r = await runYosysInWorker(['-q', '-p',
    `read_verilog design.v; hierarchy -check -top ${top}; proc; flatten; techmap; aigmap; opt_clean; write_json aig.json`],
  { 'design.v': verilog });
  if (!r.ok || !r.files['aig.json']) throw new Error(`Yosys could not map the design to an AIG: ${yosysErrors(r.stdout)}`);
  return aigStatsFromJson(r.files['aig.json'], top);
}

export interface BaselineStats {
  /** `abc -g aig`, then aigmap: AND nodes and depth. */
  abcAig: AigStats;
  /** `abc -g AND,OR`: gates by kind. */
  abcAndOr: { and: number; or: number; not: number; total: number };
  timeMs: number;
}

/** Yosys + ABC on the flat truth table (don't-cares as `x`), for a side-by-side line. */
export async function baseline(table: TruthTable): Promise<BaselineStats> {
  const t0 = performance.now();
  const script = [
    'read_verilog tt.v', 'proc -norom', `synth -flatten -top ${TT}`, 'design -save synth',
    'abc -g AND,OR', 'opt_clean', 'write_json andor.json',
    'design -load synth', 'abc -g aig', 'aigmap', 'opt_clean', 'write_json aig.json',
  ].join('; ');
  const r = await runYosysInWorker(['-q', '-p', script], { 'tt.v': truthTableVerilog(table) });
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
