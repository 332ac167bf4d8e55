// Size: a 20-input spec (10-bit × 10-bit multiplier, 2^20 rows) elaborates, exactly, and quickly
// enough that the bit-sliced evaluator is clearly in use (a per-row BigInt evaluator takes seconds).

import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../src/lang/compile.js';
import { outputValue } from './helpers.js';

describe('large specs', () => {
  it('a 10x10 multiplier (20 inputs) elaborates to the exact product', () => {
    const s = compileSpec('circuit mul10 { input a[10], b[10]; output p[20]; p = a * b; }', 'mul10.spec');
    expect(s.table.numInputs).toBe(20);
    expect(s.table.numOutputs).toBe(20);
    expect(s.table.isComplete()).toBe(true);
    // Spot-check rows across the table, including the corners.
    const rows = [0, 1, 1023, 1024, (1 << 20) - 1, 0x5a5a5, 0xfedcb, 0x12345, 777777];
    for (let i = 0; i < 200; i++) rows.push((i * 2654435761) >>> 12);
    for (const m of rows) expect(outputValue(s, 0, m)).toBe((m & 1023) * (m >>> 10));
  });

  it('24 inputs is the limit and works', () => {
    const s = compileSpec('circuit big { input a[12], b[12]; output eq, lt; eq = a == b; lt = a < b; }', 'big.spec');
    expect(s.table.numInputs).toBe(24);
    for (const m of [0, 4095, 4096, 0xabcdef, 0xfff000, (1 << 24) - 1]) {
      expect(outputValue(s, 0, m)).toBe((m & 4095) === m >>> 12 ? 1 : 0);
      expect(outputValue(s, 1, m)).toBe((m & 4095) < m >>> 12 ? 1 : 0);
    }
  });
});
