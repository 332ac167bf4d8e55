// Pass maj-equal: a majority with two equal inputs is that input; with two complementary inputs, the third.

import type { Pass } from './pass.js';
import { rewriteGates } from './pass.js';

export const majEqual: Pass = {
  name: 'maj-equal',
  summary: 'MAJ(a,a,b) = a, MAJ(a,~a,b) = b',
  run: (nl) => rewriteGates(nl, (g) => {
    if (g.kind !== 'maj') return undefined;
    const [a, b, c] = g.ins;
    if (a === b || a === c) return a;
    if (b === c) return b;
    if ((a ^ 1) === b) return c;
    if ((a ^ 1) === c) return b;
    if ((b ^ 1) === c) return a;
    return undefined;
  }),
};
