// The solver's memory estimate, checked against --max-memory before a solve starts (flow/lower.ts).
// Stage: solve; it lives beside the engine because it counts the engine's own arrays.

import { engineDoubles } from './engine.js';

/**
 * Bytes the solver's state takes: per worker, one engine for `items` items (engine.ts: two doubles per
 * (item, edge) and eleven per (item, node)), times the number of workers running at once.
 */
export function memoryEstimate(size: { numNodes: number; numEdges: number }, items: number, concurrent: number): number {
  return 8 * engineDoubles(size, items) * Math.max(1, concurrent);
}
