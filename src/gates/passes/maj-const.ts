// Pass maj-const: a majority with a constant input is an AND (constant 0) or an OR (constant 1).

import type { Pass } from './pass.js';
import { rewriteGates } from './pass.js';
import { LIT_FALSE, LIT_TRUE, type Lit } from '../../ir/netlist.js';

export const majConst: Pass = {
  name: 'maj-const',
  summary: 'MAJ(0,a,b) = AND(a,b), MAJ(1,a,b) = OR(a,b)',
  run: (nl) => rewriteGates(nl, (g) => {
    if (g.kind !== 'maj') return undefined;
    for (let i = 0; i < 3; i++) {
      const c = g.ins[i]!;
      if (c !== LIT_FALSE && c !== LIT_TRUE) continue;
      const rest = g.ins.filter((_, j) => j !== i) as [Lit, Lit];
      return { kind: c === LIT_FALSE ? 'and' : 'or', ins: rest };
    }
    return undefined;
  }),
};
