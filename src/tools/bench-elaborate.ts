// Benchmark of elaboration: compiles a 10-bit × 10-bit multiplier (20 inputs, 2^20 rows, 20 outputs)
// and prints the time. Run after the build: `node dist/tools/bench-elaborate.js`.

import { performance } from 'node:perf_hooks';
import { compileSpec } from '../lang/compile.js';

const SOURCE = `circuit mul10 {
  input a[10], b[10];
  output p[20];
  p = a * b;
}
`;

function main(): void {
  const runs: number[] = [];
  let careBits = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const spec = compileSpec(SOURCE, 'mul10.spec');
    runs.push(performance.now() - t0);
    careBits = spec.table.careCount();
  }
  const best = Math.min(...runs);
  console.log(`elaborate mul10 (20 inputs, 2^20 rows, ${careBits} care bits): first ${runs[0]!.toFixed(1)} ms, best ${best.toFixed(1)} ms of ${runs.length}`);
}

main();
