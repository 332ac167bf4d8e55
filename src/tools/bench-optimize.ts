// Benchmark of the optimizer on the reference's solved multipliers: extract → simplify → optimize, with
// AIG node counts (as Yosys's aigmap counts them) and times. Run after building:
//   npx tsc -p tsconfig.build.json && node dist/tools/bench-optimize.js [seeds]
// Reads <repo>/test/fixtures/boolearn/{2x2,3x3}.{solved.net,dat}.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readNet } from '../formats/net-io.js';
import { readDat } from '../formats/dat.js';
import { TruthTable } from '../ir/truth-table.js';
import { extract } from '../gates/extract.js';
import { simplify } from '../gates/simplify.js';
import { optimize } from '../gates/optimize.js';
import { checkAgainstTable } from '../gates/simulate.js';

const BOOLEARN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'boolearn');

/**
 * The .dat as the solved net reads it: the net's input j is the .dat's input column j and its output k
 * the output column k, whereas readDat numbers columns from the right (x[nin−1−c]).
 */
function netOrderTable(t: TruthTable): TruthTable {
  const n = t.numInputs;
  const o = t.numOutputs;
  const out = new TruthTable(n, o);
  for (let m = 0; m < t.numRows; m++) {
    let r = 0;
    for (let j = 0; j < n; j++) if ((m >>> j) & 1) r |= 1 << (n - 1 - j);
    for (let k = 0; k < o; k++) out.set(k, m, t.get(o - 1 - k, r));
  }
  return out;
}

function main(): void {
  const seeds = Number(process.argv[2] ?? 5);
  for (const name of ['2x2', '3x3']) {
    const { net, weights } = readNet(readFileSync(join(BOOLEARN, `${name}.solved.net`), 'utf8'), `${name}.solved.net`);
    const table = netOrderTable(readDat(readFileSync(join(BOOLEARN, `${name}.dat`), 'utf8'), `${name}.dat`).table);
    const extracted = extract(net, weights!, table).netlist;
    const simple = simplify(extracted, table).netlist;
    console.log(`mul${name}: ${table.numInputs} inputs, ${table.numOutputs} outputs, ${table.careCount()} care bits`);
    for (let seed = 1; seed <= seeds; seed++) {
      const { netlist, stats } = optimize(simple, table, { seed });
      const ok = checkAgainstTable(netlist, table).ok;
      console.log(
        `  seed ${seed}: AIG ${stats.before.aig} → ${stats.after.aig}, gates ${stats.before.gates} → ${stats.after.gates}, ` +
        `${stats.timeMs.toFixed(0)} ms, ${stats.steps.rounds} rounds${stats.steps.timedOut ? ' (time limit)' : ''}, ` +
        `${ok ? 'correct' : 'WRONG'}`);
    }
  }
}

main();
