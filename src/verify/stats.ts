// Gate statistics from Yosys: a design mapped to an AIG (`aigmap`) gives the AND-node count and, computed
// here on the AIG it writes back, the depth in AND nodes (inverters free). The Yosys + ABC baseline, which
// reads the same JSON, is in baseline.ts. Stage: verify (reporting).

import { runYosysInWorker, yosysErrors } from './yosys.js';

export interface AigStats {
  /** $_AND_ cells after aigmap. */
  andNodes: number;
  /** $_NOT_ cells after aigmap. */
  notNodes: number;
  /** Longest path in AND nodes from an input to an output. */
  depth: number;
}

/** One module of a netlist as Yosys's write_json gives it (only the parts read here and in baseline.ts). */
export interface YosysJsonModule {
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
