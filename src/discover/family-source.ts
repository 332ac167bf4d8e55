// The names, sizes and spec texts of discover's built-in families (see families.ts, which compiles them).
// Kept apart from the spec compiler so the command line can name and check a family without loading the
// language front end (Chevrotain) until a spec is really compiled.
//
// Ports: mul `a[N], b[N] → p[2N]` (p = a·b); add `a[N], b[N] → s[N+1]` (s = a + b); maj `x[N] → y`
// (y = 1 when more than half of the bits are 1); parity `x[N] → y` (y = XOR of the bits).

import { userError } from '../util/diagnostics.js';
import { MAX_INPUTS } from '../ir/truth-table.js';

export const FAMILIES = ['mul', 'add', 'maj', 'parity'] as const;
export type FamilyName = (typeof FAMILIES)[number];

export function isFamily(what: string): what is FamilyName {
  return (FAMILIES as readonly string[]).includes(what);
}

/** Which size option a family takes. */
export function familySizeOption(family: FamilyName): 'bits' | 'inputs' {
  return family === 'mul' || family === 'add' ? 'bits' : 'inputs';
}

/** The spec text of a family member (throws UserError, exit 2, on a bad size). */
export function familySource(family: FamilyName, size: number | undefined): string {
  const opt = familySizeOption(family);
  if (size === undefined) {
    throw userError(`discover ${family} needs --${opt}`, `e.g. btfc discover ${family} --${opt} ${opt === 'bits' ? 3 : 5}`);
  }
  const perSize = opt === 'bits' ? 2 : 1;
  const max = Math.floor(MAX_INPUTS / perSize);
  if (!Number.isSafeInteger(size) || size < 1 || size > max) {
    throw userError(`--${opt} ${size} is out of range for ${family}: an integer from 1 to ${max}`,
      `${family} has ${perSize === 2 ? `2×${opt}` : opt} inputs, at most ${MAX_INPUTS}`);
  }
  const n = size;
  switch (family) {
    case 'mul':
      return `circuit mul${n} {\n  input a[${n}], b[${n}];\n  output p[${2 * n}];\n  p = a * b;\n}\n`;
    case 'add':
      return `circuit add${n} {\n  input a[${n}], b[${n}];\n  output s[${n + 1}];\n  s = a + b;\n}\n`;
    case 'maj':
      return `circuit maj${n} {\n  input x[${n}];\n  output y;\n  y = popcount(x) > ${Math.floor(n / 2)};\n}\n`;
    case 'parity':
      return `circuit parity${n} {\n  input x[${n}];\n  output y;\n  y = ^x;\n}\n`;
  }
}

