// Simplification: the pass list and the fixed-point driver (Yosys-style: each rule is a small named pass in
// passes/, and this file is the one place that composes them). Stage: extract → simplify → emit.

import type { TruthTable } from '../ir/truth-table.js';
import { checkNetlist, cloneNetlist, countGates, type GateCounts, type Netlist } from '../ir/netlist.js';
import type { Pass } from './passes/pass.js';
import { constProp } from './passes/const-prop.js';
import { majConst } from './passes/maj-const.js';
import { majEqual } from './passes/maj-equal.js';
import { buffers } from './passes/buffers.js';
import { strash } from './passes/strash.js';
import { deadGates } from './passes/dead-gates.js';
import { inverters } from './passes/inverters.js';
import { dcReplace } from './passes/dc-replace.js';
import { checkAgainstTable } from './simulate.js';

/** The passes in the order one round runs them; rounds repeat until none changes anything. */
export const PASSES: readonly Pass[] = [
  constProp, majConst, majEqual, buffers, strash, deadGates, dcReplace, deadGates, inverters,
];

export interface SimplifyParams {
  /** Check the netlist against the table after every pass (tests); otherwise once at the end. */
  checkEachPass?: boolean;
  /** Skip passes by name. */
  skip?: readonly string[];
  maxRounds?: number;
}

export interface SimplifyStats {
  rounds: number;
  /** Rewrites made by each pass, summed over rounds. */
  rewrites: Record<string, number>;
  before: GateCounts;
  after: GateCounts;
  timeMs: number;
}

/** Simplify a copy of the netlist to a fixed point; the result is checked against the table on its care set. */
export function simplify(input: Netlist, table: TruthTable, params: SimplifyParams = {}): { netlist: Netlist; stats: SimplifyStats } {
  const t0 = performance.now();
  const nl = cloneNetlist(input);
  const rewrites: Record<string, number> = {};
  for (const p of PASSES) rewrites[p.name] = 0;
  const before = countGates(nl);
  const maxRounds = params.maxRounds ?? 20;
  let rounds = 0;
  for (; rounds < maxRounds; rounds++) {
    let changed = 0;
    for (const p of PASSES) {
      if (params.skip?.includes(p.name)) continue;
      const n = p.run(nl, { table });
      rewrites[p.name] = rewrites[p.name]! + n;
      changed += n;
      if (params.checkEachPass) assertCorrect(nl, table, `after pass ${p.name}`);
    }
    if (changed === 0) break;
  }
  // Leave no dead gates behind even when the round limit stopped us.
  deadGates.run(nl, { table });
  assertCorrect(nl, table, 'after simplification');
  return { netlist: nl, stats: { rounds, rewrites, before, after: countGates(nl), timeMs: performance.now() - t0 } };
}

function assertCorrect(nl: Netlist, table: TruthTable, when: string): void {
  checkNetlist(nl);
  const r = checkAgainstTable(nl, table);
  if (!r.ok) {
    throw new Error(`internal error: the netlist is wrong ${when} (row ${r.row}, output ${r.output}: expected ${r.expected}, got ${r.actual})`);
  }
}
