// verify/yosys.ts: the shared Yosys worker. A worker stopped by abortYosys (the floor at its deadline, or
// Ctrl-C) reports its exit later; that must fail only its own requests, not the next one already running
// on a fresh worker (the proof that follows a floor stopped at its deadline). A request cancelled by its
// own signal stops alone.
import { afterAll, describe, expect, it } from 'vitest';
import { abortYosys, closeYosys, runYosysInWorker } from '../../src/verify/yosys.js';
import { Interrupted } from '../../src/util/interrupt.js';

afterAll(closeYosys);

describe('the Yosys worker', () => {
  it('runs a request sent right after an abort, on a fresh worker', async () => {
    await runYosysInWorker(['-q', '-p', 'help'], {});
    const first = runYosysInWorker(['-q', '-p', 'read_verilog a.v; synth; write_json a.json'], { 'a.v': 'module a(input [7:0] x, y, output [15:0] p); assign p = x * y; endmodule\n' });
    abortYosys();
    await expect(first).rejects.toBeInstanceOf(Interrupted);
    const second = await runYosysInWorker(['-q', '-p', 'read_verilog b.v; write_json b.json'], { 'b.v': 'module b(input x, output y); assign y = ~x; endmodule\n' });
    expect(second.ok).toBe(true);
    expect(second.files['b.json']).toContain('"b"');
  }, 60_000);

  // Two floors share the worker (discover's and a decomposition block's): one's deadline cancels its own run.
  const slow = (): [string[], Record<string, string>] => [['-q', '-p', 'read_verilog a.v; synth; write_json a.json'], { 'a.v': 'module a(input [7:0] x, y, output [15:0] p); assign p = x * y; endmodule\n' }];
  const quick = (): [string[], Record<string, string>] => [['-q', '-p', 'read_verilog b.v; write_json b.json'], { 'b.v': 'module b(input x, output y); assign y = ~x; endmodule\n' }];

  it('cancels a waiting request alone: the running one finishes', async () => {
    await runYosysInWorker(['-q', '-p', 'help'], {});
    const stop = new AbortController();
    const running = runYosysInWorker(...slow());
    const waiting = runYosysInWorker(...quick(), stop.signal);
    stop.abort();
    await expect(waiting).rejects.toBeInstanceOf(Interrupted);
    const r = await running;
    expect(r.ok).toBe(true);
    expect(r.files['a.json']).toContain('"a"');
  }, 60_000);

  it('cancels a running request alone: the one waiting behind it runs on a fresh worker', async () => {
    await runYosysInWorker(['-q', '-p', 'help'], {});
    const stop = new AbortController();
    const running = runYosysInWorker(...slow(), stop.signal);
    const waiting = runYosysInWorker(...quick());
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop.abort();
    await expect(running).rejects.toBeInstanceOf(Interrupted);
    const r = await waiting;
    expect(r.ok).toBe(true);
    expect(r.files['b.json']).toContain('"b"');
  }, 60_000);
});
