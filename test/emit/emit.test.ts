// Emitters: the Verilog of an extracted multiplier proves equal to its table with Yosys; BLIF and JSON
// evaluate (by small interpreters here) to the same table.
import { afterAll, describe, expect, it } from 'vitest';
import { solvedRef } from '../gates/helpers.js';
import { extract } from '../../src/gates/extract.js';
import { simplify } from '../../src/gates/simplify.js';
import { addGate, emptyNetlist, inputLit, LIT_TRUE, notLit, type Netlist } from '../../src/ir/netlist.js';
import { writeVerilog } from '../../src/emit/verilog.js';
import { writeBlif } from '../../src/emit/blif.js';
import { netlistToJson, type JsonRef } from '../../src/emit/json.js';
import { proveAgainstTable } from '../../src/verify/prove.js';
import { closeYosys } from '../../src/verify/yosys.js';
import type { TruthTable } from '../../src/ir/truth-table.js';

afterAll(closeYosys);

function mul(name: '2x2' | '3x3'): { nl: Netlist; table: TruthTable } {
  const r = solvedRef(name);
  const { netlist } = extract(r.net, r.weights, r.table, { name: r.name, inputs: r.inputs, outputs: r.outputs });
  return { nl: simplify(netlist, r.table).netlist, table: r.table };
}

/** Evaluate a BLIF model (single-output covers with on-set rows) on every row; returns per-row output bits. */
function evalBlif(text: string, numInputs: number): (m: number) => number[] {
  const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  const inputs = lines.find((l) => l.startsWith('.inputs'))!.split(/\s+/).slice(1);
  const outputs = lines.find((l) => l.startsWith('.outputs'))!.split(/\s+/).slice(1);
  const covers: { ins: string[]; out: string; rows: string[] }[] = [];
  for (const l of lines) {
    if (l.startsWith('.names')) { const s = l.split(/\s+/).slice(1); covers.push({ ins: s.slice(0, -1), out: s[s.length - 1]!, rows: [] }); }
    else if (!l.startsWith('.')) covers[covers.length - 1]!.rows.push(l);
  }
  expect(inputs.length).toBe(numInputs);
  return (m) => {
    const v = new Map<string, number>();
    inputs.forEach((n, j) => v.set(n, (m >> j) & 1));
    for (const c of covers) {
      let on = 0;
      for (const row of c.rows) {
        const [cube, val] = row.includes(' ') ? row.split(' ') : ['', row];
        expect(val).toBe('1');
        if ([...cube!].every((ch, i) => ch === '-' || Number(ch) === v.get(c.ins[i]!))) on = 1;
      }
      v.set(c.out, on);
    }
    return outputs.map((o) => v.get(o)!);
  };
}

describe('writeVerilog', () => {
  it('keeps module and port names, buses as buses, one assign per gate, MAJ3 as a sum of products', () => {
    const nl = emptyNetlist('maj_demo', [{ name: 'a', width: 2, bus: true }, { name: 'cin', width: 1, bus: false }], [{ name: 'y', width: 2, bus: true }]);
    const m = addGate(nl, { kind: 'maj', ins: [inputLit(0), inputLit(1, true), inputLit(2)] });
    nl.outputs = [notLit(m), LIT_TRUE];
    const v = writeVerilog(nl, { header: ['source: demo.spec'] });
    expect(v).toContain('// source: demo.spec');
    expect(v).toContain('// gates: 0 AND, 0 OR, 1 MAJ3, 2 NOT (3 total)');
    expect(v).toContain('module maj_demo (');
    expect(v).toContain('  input  [1:0] a,');
    expect(v).toContain('  input  cin,');
    expect(v).toContain('  output [1:0] y');
    expect(v).toContain('  assign n4 = (a[0] & ~a[1]) | (a[0] & cin) | (~a[1] & cin);');
    expect(v).toContain('  assign y[0] = ~n4;');
    expect(v).toContain("  assign y[1] = 1'b1;");
  });

  it('escapes port names that are Verilog keywords and avoids gate-name clashes', () => {
    const nl = emptyNetlist('t', [{ name: 'n5', width: 1, bus: false }, { name: 'input', width: 1, bus: false }], [{ name: 'y', width: 1, bus: false }]);
    nl.outputs = [addGate(nl, { kind: 'and', ins: [inputLit(0), inputLit(1)] })];
    const v = writeVerilog(nl);
    expect(v).toContain('\\input ');
    expect(v).toContain('assign n_3 = n5 & \\input ;');
  });

  for (const name of ['2x2', '3x3'] as const) {
    it(`writes the ${name} multiplier so that Yosys proves it equal to the table (both MAJ forms)`, async () => {
      const { nl, table } = mul(name);
      for (const majForm of ['sop', 'aig'] as const) {
        const r = await proveAgainstTable({ verilog: writeVerilog(nl, { majForm }), top: nl.name, inputs: nl.inputPorts, outputs: nl.outputPorts }, table);
        expect(r.status).toBe('pass');
      }
    });
  }
});

describe('writeBlif', () => {
  it('writes the 3x3 multiplier as covers that evaluate to the table, bus bits as a[0]', () => {
    const { nl, table } = mul('3x3');
    const text = writeBlif(nl, ['btfc test']);
    expect(text).toMatch(/^# btfc test\n\.model mul3x3\n\.inputs a\[0\] a\[1\] a\[2\] b\[0\] b\[1\] b\[2\]\n\.outputs p\[0\]/);
    expect(text.trimEnd().endsWith('.end')).toBe(true);
    const ev = evalBlif(text, 6);
    for (let m = 0; m < 64; m++) {
      const got = ev(m);
      for (let k = 0; k < 6; k++) if (table.isCare(k, m)) expect(got[k], `row ${m} out ${k}`).toBe(table.value(k, m));
    }
  });
});

describe('netlistToJson', () => {
  it('describes gates and outputs by name so that evaluating the JSON gives the table', () => {
    const { nl, table } = mul('3x3');
    const j = netlistToJson(nl);
    expect(j.module).toBe('mul3x3');
    expect(j.inputBits).toEqual(['a[0]', 'a[1]', 'a[2]', 'b[0]', 'b[1]', 'b[2]']);
    expect(j.counts.maj).toBeGreaterThan(0);
    for (let m = 0; m < 64; m++) {
      const v = new Map<string, number>();
      j.inputBits.forEach((n, i) => v.set(n, (m >> i) & 1));
      const ref = (r: JsonRef) => (typeof r.signal === 'number' ? r.signal : v.get(r.signal)!) ^ (r.neg ? 1 : 0);
      for (const g of j.gates) {
        const x = g.ins.map(ref);
        v.set(g.name, g.kind === 'and' ? x[0]! & x[1]! : g.kind === 'or' ? x[0]! | x[1]! : Number(x[0]! + x[1]! + x[2]! >= 2));
      }
      j.outputBits.forEach((o, k) => { if (table.isCare(k, m)) expect(ref(o.ref)).toBe(table.value(k, m)); });
    }
  });
});
