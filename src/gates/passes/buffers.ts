// Pass buffers: a two-input gate whose inputs are one literal (a buffer) or a literal and its complement
// (a constant) is replaced by that literal or constant. Inverters need no removal: they are edge bits.

import type { Pass } from './pass.js';
import { rewriteGates } from './pass.js';
import { LIT_FALSE, LIT_TRUE } from '../../ir/netlist.js';

export const buffers: Pass = {
  name: 'buffers',
  summary: 'AND(a,a) = OR(a,a) = a; AND(a,~a) = 0; OR(a,~a) = 1',
  run: (nl) => rewriteGates(nl, (g) => {
    if (g.kind === 'maj') return undefined;
    const [a, b] = g.ins;
    if (a === b) return a;
    if ((a ^ 1) === b) return g.kind === 'and' ? LIT_FALSE : LIT_TRUE;
    return undefined;
  }),
};
