// Architectures: the width list a solve uses, from the `--hidden` flag or the spec's `solve { hidden … }`,
// the default when neither gives one, and a layered net's size. Stage: lower (widths → BtfNet).

import { userError } from '../util/diagnostics.js';

/**
 * The default hidden layers when neither the command line nor the spec names any: two hidden layers of
 * max(inputs, outputs) nodes each. For the 2×2 multiplier that is the reference's 4-4-4-4; it is a
 * starting point, not a promise of solvability (the reference solved the 3×3 multiplier with 12-12-12).
 */
export function defaultHidden(numInputs: number, numOutputs: number): number[] {
  const h = Math.max(numInputs, numOutputs, 1);
  return [h, h];
}

/**
 * Parse `--hidden`: hidden widths separated by commas or spaces (`4,4`), or a whole width list with
 * dashes (`4-4-4-4`, input and output widths included, checked against the spec). `none` means no hidden
 * layer: the outputs read the inputs directly. An empty value, or an empty width between two
 * separators (`4,,4`), is refused: it is a typo far more often than a wish for fewer layers.
 */
export function parseHidden(text: string): { hidden: number[] } | { widths: number[] } {
  const t = text.trim();
  if (t === 'none') return { hidden: [] };
  const shown = t === '' ? "''" : text;
  const usage = 'each width is a positive integer; separate hidden widths with commas (4,4), or write the whole architecture with dashes (4-4-4-4); --hidden none for no hidden layer';
  if (t === '') throw userError(`--hidden ${shown}: no layer widths given`, usage);
  const whole = t.includes('-');
  const parts = t.split(whole ? /\s*-\s*/ : /\s*,\s*|\s+/);
  const widths = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
  const bad = parts.findIndex((p, i) => !Number.isSafeInteger(widths[i]) || widths[i]! < 1 || p === '');
  if (bad >= 0) {
    const what = parts[bad] === '' ? `an empty width (layer ${bad + 1})` : `width '${parts[bad]}'`;
    throw userError(`--hidden ${shown}: ${what} is not a positive integer; expected layer widths such as 4,4 (hidden layers) or 4-4-4-4 (the whole architecture)`, usage);
  }
  return whole ? { widths } : { hidden: widths };
}

/** The full width list `inputs, hidden…, outputs`, checking a whole list against the spec's widths. */
export function resolveWidths(spec: { hidden: number[] } | { widths: number[] }, numInputs: number, numOutputs: number): number[] {
  if ('hidden' in spec) return [numInputs, ...spec.hidden, numOutputs];
  const w = spec.widths;
  if (w.length < 2 || w[0] !== numInputs || w[w.length - 1] !== numOutputs) {
    throw userError(`architecture ${w.join('-')} does not fit a function of ${numInputs} inputs and ${numOutputs} outputs`,
      `its first width must be ${numInputs} and its last ${numOutputs}, e.g. ${[numInputs, ...w.slice(1, -1), numOutputs].join('-')}; or give only the hidden widths, e.g. --hidden ${w.length > 2 ? w.slice(1, -1).join(',') : '4,4'}`);
  }
  return [...w];
}

/** Edges and nodes of a layered net, without building it. */
export function layeredSize(widths: readonly number[]): { numNodes: number; numEdges: number } {
  let numNodes = 1 + widths[0]!;
  let numEdges = 0;
  for (let l = 1; l < widths.length; l++) {
    numNodes += widths[l]!;
    numEdges += widths[l]! * (widths[l - 1]! + 1);
  }
  return { numNodes, numEdges };
}
