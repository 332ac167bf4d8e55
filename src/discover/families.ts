// Built-in function families of `btfc discover`: `mul --bits N`, `add --bits N`, `maj --inputs N`,
// `parity --inputs N`. Stage: the front of the pipeline — each family is spec text generated here and
// compiled by the ordinary spec compiler (compileSpec), so a family means exactly what the same text in a
// .spec file would mean, and `btfc table` of that text shows its table.
//
// The family names, sizes and texts are in family-source.ts.

import type { Spec } from '../ir/spec.js';
import { compileSpec } from '../lang/compile.js';
import { familySizeOption, familySource, type FamilyName } from './family-source.js';

export { FAMILIES, familySizeOption, familySource, isFamily, type FamilyName } from './family-source.js';

/** Elaborate a family member to a Spec. Its `file` is `<family> --bits N` (for messages and reports). */
export function familySpec(family: FamilyName, size: number | undefined): Spec {
  const text = familySource(family, size);
  return compileSpec(text, `${family} --${familySizeOption(family)} ${size}`);
}
