// Pass const-prop: AND/OR with a constant input becomes a constant or its other input.

import type { Pass } from './pass.js';
import { rewriteGates } from './pass.js';
import { LIT_FALSE, LIT_TRUE } from '../../ir/netlist.js';

export const constProp: Pass = {
  name: 'const-prop',
  summary: 'AND/OR with a constant input: AND(0,x)=0, AND(1,x)=x, OR(1,x)=1, OR(0,x)=x',
  run: (nl) => rewriteGates(nl, (g) => {
    if (g.kind === 'maj') return undefined;
    for (let i = 0; i < 2; i++) {
      const c = g.ins[i]!;
      const other = g.ins[1 - i]!;
      if (c === LIT_FALSE) return g.kind === 'and' ? LIT_FALSE : other;
      if (c === LIT_TRUE) return g.kind === 'and' ? other : LIT_TRUE;
    }
    return undefined;
  }),
};
