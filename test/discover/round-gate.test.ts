// The round gate (discover/round-gate.ts): one round at a time across the lanes of a discover, the lane of
// the highest bid first, the lane that just released weighed with the others; lanes that fail take the
// others down with them; and in a real discover the grains' rounds interleave.
import { describe, expect, it } from 'vitest';
import { allLanes, laneAbort, RoundGate } from '../../src/discover/round-gate.js';
import { discover } from '../../src/discover/search.js';
import { familySpec } from '../../src/discover/families.js';
import type { DiscoverParams } from '../../src/discover/types.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('round gate', () => {
  it('grants one round at a time, the highest bid first and the first come among equal bids', async () => {
    const gate = new RoundGate();
    const order: string[] = [];
    let running = 0;
    const lane = async (name: string, score: number) => {
      await gate.acquire(score, name);
      running++;
      expect(running).toBe(1);
      order.push(name);
      await tick();
      running--;
      gate.release();
    };
    await Promise.all([lane('a', 1), lane('b', 3), lane('c', 2), lane('d', 3)]);
    expect(order).toEqual(['b', 'd', 'c', 'a']);
    expect(gate.granted).toEqual(order);
  });

  it('weighs the lane that just released with the waiting ones', async () => {
    const gate = new RoundGate();
    const order: string[] = [];
    // Lane x bids high for two rounds and then low; y bids in between throughout.
    const x = async () => {
      for (const score of [5, 5, 0.5]) {
        await gate.acquire(score, 'x');
        order.push('x');
        await tick();
        gate.release();
      }
    };
    const y = async () => {
      for (let i = 0; i < 2; i++) {
        await gate.acquire(1, 'y');
        order.push('y');
        await tick();
        gate.release();
      }
    };
    await Promise.all([x(), y()]);
    expect(order).toEqual(['x', 'x', 'y', 'y', 'x']);
  });

  it('aborts the other lanes when one fails, and the failure goes on once all have settled', async () => {
    const ctl = laneAbort(undefined);
    let stoppedBy = '';
    const waits = new Promise<string>((resolve) => ctl.signal.addEventListener('abort', () => { stoppedBy = 'aborted'; resolve('aborted'); }));
    const fails = (async () => { await tick(); throw new Error('lane failed'); })();
    await expect(allLanes(ctl, [waits, fails] as const)).rejects.toThrow('lane failed');
    expect(stoppedBy).toBe('aborted');
  });

  it('follows the caller\'s abort', () => {
    const outer = new AbortController();
    const ctl = laneAbort(outer.signal);
    expect(ctl.signal.aborted).toBe(false);
    outer.abort();
    expect(ctl.signal.aborted).toBe(true);
    expect(laneAbort(outer.signal).signal.aborted).toBe(true);
  });
});

describe('grains side by side', () => {
  it('interleaves the output groups\' rounds with the whole function\'s through one gate (2-bit adder)', async () => {
    const add2 = familySpec('add', 2);
    const gate = new RoundGate();
    const params: DiscoverParams = { seed: 1, workers: 2, timeoutMs: 15_000, patience: 4, prove: false, inline: true, floor: false, windows: false, cones: true };
    const r = await discover(add2, params, { gate });
    const lanes = new Set(gate.granted);
    // The whole function ('') and at least two output groups each ran rounds.
    expect(lanes.has('')).toBe(true);
    expect([...lanes].filter((l) => l.startsWith('o')).length).toBeGreaterThanOrEqual(2);
    // Not one grain after the other: some group round comes after a round of the whole function.
    const firstWhole = gate.granted.indexOf('');
    expect(gate.granted.slice(firstWhole).some((l) => l.startsWith('o'))).toBe(true);
    expect(r.circuits.some((c) => c.kind === 'cones')).toBe(true);
  }, 60_000);
});
