import { readdirSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bitNames, type Spec } from '../../src/ir/spec.js';
import { readPla, writePla, circuitNameFromFile } from '../../src/formats/pla.js';
import { sanitizeIdentifier } from '../../src/ir/verilog-names.js';
import { readTruth } from '../../src/formats/truth.js';
import { TruthTable } from '../../src/ir/truth-table.js';
import { bench, diagnosticOf, parseGbfsTt, parseHex, readBench, tableOf } from './helpers.js';

const GBFS_PLA = 'gbfs/pla';
const gbfsPlas = readdirSync(bench(GBFS_PLA)).filter((f) => f.endsWith('.pla')).sort();

function pla(text: string, file = 't.pla'): Spec {
  return readPla(text, file);
}

describe('readPla on the GBFS benchmark suite', () => {
  it('finds the PLA files', () => {
    expect(gbfsPlas.length).toBeGreaterThanOrEqual(30);
  });

  it.each(gbfsPlas)('%s reads, keeps its names, and agrees with its .tt table', (name) => {
    const file = bench(`${GBFS_PLA}/${name}`);
    const text = readBench(`${GBFS_PLA}/${name}`);
    const spec = readPla(text, file);
    // No .type: espresso's default fd; every minterm not in the ON-set is 0, so the table is complete.
    expect(spec.table.isComplete()).toBe(true);
    const ilb = /^\.ilb (.*)$/m.exec(text)![1]!.trim().split(/\s+/);
    const ob = /^\.ob (.*)$/m.exec(text)![1]!.trim().split(/\s+/);
    expect(bitNames(spec.inputs)).toEqual(ilb);
    expect(bitNames(spec.outputs)).toEqual(ob);
    const tt = bench(`gbfs/tt/${name.replace(/\.pla$/, '.tt')}`);
    if (existsSync(tt)) {
      const ref = parseGbfsTt(readBench(`gbfs/tt/${name.replace(/\.pla$/, '.tt')}`));
      expect(ref.ilb).toEqual(ilb);
      expect(ref.ob).toEqual(ob);
      expect(spec.table.equals(ref.table)).toBe(true);
    }
  });

  it('the .tt files print the row number MSB first (last .ilb name leftmost): checked against arithmetic', () => {
    const add = parseGbfsTt(readBench('gbfs/tt/add3.tt')).table;
    const cmp = parseGbfsTt(readBench('gbfs/tt/mcomp3.tt')).table;
    for (let m = 0; m < 128; m++) {
      const sum = (m & 7) + ((m >> 3) & 7) + (m >> 6);
      expect([0, 1, 2, 3].map((k) => add.value(k, m))).toEqual([0, 1, 2, 3].map((k) => (sum >> k) & 1));
    }
    for (let m = 0; m < 64; m++) {
      const a = m & 7;
      const b = m >> 3;
      expect([0, 1, 2].map((k) => cmp.value(k, m))).toEqual([+(a < b), +(a === b), +(a > b)]);
    }
  });

  it('groups A[0] A[1] A[2] B[0] B[1] B[2] Ci into buses A, B and scalar Ci', () => {
    const spec = readPla(readBench(`${GBFS_PLA}/add3.pla`), 'add3.pla');
    expect(spec.name).toBe('add3');
    expect(spec.inputs).toEqual([
      { name: 'A', width: 3, bus: true }, { name: 'B', width: 3, bus: true }, { name: 'Ci', width: 1, bus: false },
    ]);
    expect(spec.outputs).toEqual([{ name: 'O', width: 4, bus: true }]);
    // 5 + 6 + 1 = 12: A = 5 is x0..x2 = 1,0,1; B = 6 is x3..x5 = 0,1,1; Ci = x6.
    const m = 5 | (6 << 3) | (1 << 6);
    const sum = [0, 1, 2, 3].reduce((s, k) => s + (spec.table.value(k, m) << k), 0);
    expect(sum).toBe(12);
    expect(spec.solve).toEqual({});
  });
});

describe('readPla on small_arith: .pla, .truth and .hex agree', () => {
  const cases: [string, number][] = [
    ['mul2x2', 4], ['mul3x3', 6], ['mul4x4', 8], ['full_adder', 3], ['maj3', 3], ['maj5', 5], ['maj7', 7], ['maj9', 9],
  ];
  it.each(cases)('%s', (name, n) => {
    const fromPla = readPla(readBench(`small_arith/${name}.pla`), `${name}.pla`).table;
    const fromTruth = readTruth(readBench(`small_arith/${name}.truth`), `${name}.truth`).table;
    const fromHex = parseHex(readBench(`small_arith/${name}.hex`), n);
    expect(fromPla.numInputs).toBe(n);
    expect(fromPla.equals(fromTruth)).toBe(true);
    expect(fromPla.equals(fromHex)).toBe(true);
  });

  it('column j is x_j: mul2x2 row a=3, b=2 has p=6', () => {
    const spec = readPla(readBench('small_arith/mul2x2.pla'), 'mul2x2.pla');
    expect(bitNames(spec.inputs)).toEqual(['a0', 'a1', 'b0', 'b1']);
    const m = 3 | (2 << 2);
    expect([0, 1, 2, 3].map((k) => spec.table.value(k, m))).toEqual([0, 1, 1, 0]);
  });
});

describe('PLA types (espresso conventions)', () => {
  const body = (type: string) => `.i 2\n.o 1\n${type}.p 3\n11 1\n01 0\n10 -\n.e\n`;
  const col = (s: Spec) => [0, 1, 2, 3].map((m) => s.table.get(0, m));

  it('default is fd: 1 on, - don\'t-care, 0 means nothing, unlisted 0', () => {
    expect(col(pla(body('')))).toEqual([0, '-', 0, 1]);
    expect(col(pla(body('.type fd\n')))).toEqual([0, '-', 0, 1]);
  });
  it('f: only 1 means anything; the rest is 0', () => {
    expect(col(pla(body('.type f\n')))).toEqual([0, 0, 0, 1]);
  });
  it('fr: 1 on, 0 off, unlisted and - are don\'t-cares', () => {
    expect(col(pla(body('.type fr\n')))).toEqual(['-', '-', 0, 1]);
  });
  it('fdr: 1 on, 0 off, - don\'t-care, unlisted don\'t-care', () => {
    expect(col(pla(body('.type fdr\n')))).toEqual(['-', '-', 0, 1]);
    expect(col(pla('.i 2\n.o 1\n.type fdr\n11 1\n01 0\n00 0\n.e\n'))).toEqual([0, '-', 0, 1]);
  });
  it('r and dr: listed 0s are off, the rest on', () => {
    expect(col(pla('.i 2\n.o 1\n.type r\n01 0\n.e\n'))).toEqual([1, 1, 0, 1]);
    expect(col(pla('.i 2\n.o 1\n.type dr\n01 0\n11 -\n.e\n'))).toEqual([1, 1, 0, '-']);
  });
  it('a don\'t-care wins over an ON entry for the same minterm (fd)', () => {
    expect(col(pla('.i 2\n.o 1\n1- 1\n11 -\n.e\n'))).toEqual([0, 1, 0, '-']);
  });
  it("reads '2' and '4' and '~' as espresso does, and ignores spacing and '|'", () => {
    const a = pla('.i 3\n.o 2\n.type fr\n2 0 1 | 4 3\n110 ~1\n.e\n');
    const b = pla('.i 3\n.o 2\n.type fr\n-01 10\n110 -1\n.e\n');
    expect(a.table.equals(b.table)).toBe(true);
    expect(pla('.i 3\n.o 2\n-0110\n.e\n').table.equals(pla('.i 3\n.o 2\n-01 10\n.e\n').table)).toBe(true);
  });
  it('stops at .e / .end and ignores comments and unknown commands', () => {
    const s = pla('# a comment\n.model m\n.i 1\n.o 1\n1 1 # trailing\n.end\n0 1\nrubbish\n');
    expect([s.table.get(0, 0), s.table.get(0, 1)]).toEqual([0, 1]);
  });
  it('expands cubes with many don\'t-cares across words (n > 5)', () => {
    const s = pla('.i 8\n.o 2\n-1------ 10\n------1- 01\n.e\n');
    for (let m = 0; m < 256; m++) {
      expect(s.table.value(0, m)).toBe((m >> 1) & 1);
      expect(s.table.value(1, m)).toBe((m >> 6) & 1);
    }
  });
  it('a PLA with no inputs is a constant', () => {
    const s = pla('.i 0\n.o 2\n.p 1\n 10\n.e\n');
    expect(s.inputs).toEqual([]);
    expect([s.table.get(0, 0), s.table.get(1, 0)]).toEqual([1, 0]);
  });
});

/** A random PLA of type fd with random cubes, against a naive evaluation of its cubes. */
describe('cube expansion (property)', () => {
  it('matches naive evaluation for random fd PLAs up to 9 inputs', () => {
    const arb = fc.integer({ min: 0, max: 9 }).chain((ni) => fc.record({
      ni: fc.constant(ni),
      no: fc.integer({ min: 1, max: 3 }),
      rows: fc.array(fc.tuple(
        fc.array(fc.constantFrom('0', '1', '-'), { minLength: ni, maxLength: ni }),
        fc.array(fc.constantFrom('0', '1', '-', '~'), { minLength: 3, maxLength: 3 }),
      ), { maxLength: 12 }),
    }));
    fc.assert(fc.property(arb, ({ ni, no, rows }) => {
      const text = [`.i ${ni}`, `.o ${no}`, ...rows.map(([i, o]) => `${i.join('')} ${o.slice(0, no).join('')}`), '.e'].join('\n');
      const t = pla(text).table;
      for (let m = 0; m < 2 ** ni; m++) {
        for (let k = 0; k < no; k++) {
          let on = false;
          let dc = false;
          for (const [i, o] of rows) {
            if (!i.every((c, j) => c === '-' || Number(c) === ((m >> j) & 1))) continue;
            if (o[k] === '1') on = true;
            if (o[k] === '-') dc = true;
          }
          expect(t.get(k, m)).toBe(dc ? '-' : on ? 1 : 0);
        }
      }
    }), { numRuns: 200 });
  });
});

describe('port names', () => {
  const names = (ilb: string, n: number) => pla(`.i ${n}\n.o 1\n.ilb ${ilb}\n.ob f\n.e\n`).inputs;

  it('without .ilb/.ob: buses x and y, x[0] = column 0', () => {
    const s = pla('.i 3\n.o 2\n100 10\n.e\n');
    expect(s.inputs).toEqual([{ name: 'x', width: 3, bus: true }]);
    expect(s.outputs).toEqual([{ name: 'y', width: 2, bus: true }]);
    expect(s.table.value(0, 1)).toBe(1);
  });
  it('keeps simple identifiers such as a0 a1 as scalars', () => {
    expect(names('a0 a1', 2)).toEqual([{ name: 'a0', width: 1, bus: false }, { name: 'a1', width: 1, bus: false }]);
  });
  it('makes a bus only of base[0] … base[w-1] in order', () => {
    expect(names('a[0] a[1] s', 3)).toEqual([{ name: 'a', width: 2, bus: true }, { name: 's', width: 1, bus: false }]);
    expect(names('a[1] a[0]', 2)).toEqual([{ name: 'a_1', width: 1, bus: false }, { name: 'a_0', width: 1, bus: false }]);
    expect(names('a[0] a[1] a[3]', 3).map((p) => p.name)).toEqual(['a_0', 'a_1', 'a_3']);
    expect(names('a[0] s a[1]', 3).map((p) => p.name)).toEqual(['a_0', 's', 'a_1']);
  });
  it('sanitizes other names, keywords and clashes', () => {
    expect(names('in.1 2b wire', 3).map((p) => p.name)).toEqual(['in_1', '_2b', 'wire_']);
    expect(names('f f', 2).map((p) => p.name)).toEqual(['f', 'f_1']);
    // The output `f` clashes with the input `f`.
    expect(pla('.i 1\n.o 1\n.ilb f\n.ob f\n.e\n').outputs[0]!.name).toBe('f_1');
  });
  it('names the circuit after the file', () => {
    expect(circuitNameFromFile('/some/dir/add3.pla')).toBe('add3');
    expect(circuitNameFromFile('2x2.dat')).toBe('_2x2');
    expect(circuitNameFromFile('my-table.v2.pla')).toBe('my_table_v2');
    expect(sanitizeIdentifier('module')).toBe('module_');
  });
});

describe('PLA errors name file, line and column', () => {
  const err = (text: string) => diagnosticOf(() => readPla(text, 'bad.pla'), 'bad.pla', text);

  it('.p count that disagrees with the rows', () => {
    const text = '.i 2\n.o 1\n.p 3\n11 1\n01 1\n.e\n';
    expect(err(text)).toBe([
      'bad.pla:3:4: error: .p says 3 product terms, but the file has 2',
      '  .p 3',
      '     ^',
      'hint: write `.p 2`, or remove the .p line',
    ].join('\n'));
  });
  it('input part of the wrong width', () => {
    const text = '.i 3\n.o 1\n110 1\n11 1\n.e\n';
    expect(err(text)).toBe([
      'bad.pla:4:1: error: input part has 2 characters, but .i 3 and .o 1',
      '  11 1',
      '  ^^',
      'hint: write 3 input characters, a space, then 1 output character',
    ].join('\n'));
  });
  it('output part of the wrong width', () => {
    expect(err('.i 2\n.o 2\n11 101\n.e\n').split('\n')[0]).toBe('bad.pla:3:4: error: output part has 3 characters, but .i 2 and .o 2');
  });
  it('a run-together term of the wrong length', () => {
    expect(err('.i 2\n.o 2\n  11101\n').split('\n').slice(0, 3)).toEqual([
      'bad.pla:3:3: error: product term has 5 characters, but .i 2 and .o 2 make 4',
      '    11101',
      '    ^^^^^',
    ]);
  });
  it('an unknown character, at its column', () => {
    const text = '.i 4\n.o 1\n01x1 1\n.e\n';
    expect(err(text)).toBe([
      'bad.pla:3:3: error: unexpected `x` in the input part of a product term',
      '  01x1 1',
      '    ^',
      "hint: input characters are 0, 1 and '-' (either value)",
    ].join('\n'));
    expect(err('.i 2\n.o 2\n01 1z\n').split('\n')[0]).toBe('bad.pla:3:5: error: unexpected `z` in the output part of a product term');
  });
  it('missing .i or .o', () => {
    expect(err('.o 1\n.e\n').split('\n')[0]).toBe('bad.pla:1:1: error: missing .i: a PLA must give its number of inputs');
    expect(err('.i 2\n11 1\n').split('\n')[0]).toBe('bad.pla:2:1: error: product term before .o');
    expect(err('# no header\n.i 2\n.e\n').split('\n')[0]).toBe('bad.pla:1:1: error: missing .o: a PLA must give its number of outputs');
  });
  it('more than 24 inputs', () => {
    expect(err('.i 25\n.o 1\n.e\n').split('\n')[0]).toBe(
      "bad.pla:1:4: error: .i 25: more than btfc's limit of 24 inputs (a full table has 2^25 rows)");
  });
  it('bad numbers and types', () => {
    expect(err('.i two\n').split('\n')[0]).toBe('bad.pla:1:4: error: .i needs a whole number, not `two`');
    expect(err('.i 2\n.o 0\n').split('\n')[0]).toBe('bad.pla:2:4: error: .o 0: a PLA needs at least 1 output');
    expect(err('.i 2\n.o 1\n.type fx\n').split('\n')[0]).toBe('bad.pla:3:7: error: unknown PLA type `fx`');
    expect(err('.i 2\n.o 1\n.mv 3 1 2\n').split('\n')[0]).toBe('bad.pla:3:1: error: .mv (multiple-valued / symbolic PLA) is not supported');
  });
  it('.ilb / .ob with the wrong number of names', () => {
    expect(err('.i 2\n.o 1\n.ilb a b c\n.e\n').split('\n')[0]).toBe('bad.pla:3:1: error: .ilb names 3 inputs, but .i is 2');
    expect(err('.i 2\n.o 2\n.ob f\n.e\n').split('\n')[0]).toBe('bad.pla:3:1: error: .ob names 1 output, but .o is 2');
  });
  it('a minterm in both the ON- and the OFF-set (fr), with the other term as a note', () => {
    const text = '.i 3\n.o 2\n.ob f g\n.type fr\n1-0 -1\n000 00\n110 10\n.e\n';
    expect(err(text)).toBe([
      'bad.pla:7:6: error: output g for input 110 is 0 here but 1 on line 5',
      '  110 10',
      '       ^',
      'bad.pla:5:6: note: here it is 1',
      '  1-0 -1',
      '       ^',
      "hint: a minterm cannot be in both the ON-set and the OFF-set; fix one of the two product terms (or use '-' for a don't-care)",
    ].join('\n'));
  });
});

describe('writePla', () => {
  it('writes .type fr with one term per cared row and - for don\'t-cares', () => {
    const spec = pla('.i 2\n.o 2\n.ilb a b\n.ob f g\n.type fr\n11 1-\n01 00\n.e\n', 'x.pla');
    expect(writePla(spec)).toBe('.i 2\n.o 2\n.ilb a b\n.ob f g\n.type fr\n.p 2\n01 00\n11 1-\n.e\n');
  });

  it.each(['mul2x2', 'full_adder', 'maj5'])('round-trips small_arith %s', (name) => {
    const spec = readPla(readBench(`small_arith/${name}.pla`), `${name}.pla`);
    const back = readPla(writePla(spec), `${name}.pla`);
    expect(back.table.equals(spec.table)).toBe(true);
    expect(back.inputs).toEqual(spec.inputs);
    expect(back.outputs).toEqual(spec.outputs);
  });

  it('round-trips a GBFS benchmark with buses', () => {
    const spec = readPla(readBench(`${GBFS_PLA}/alu4.pla`), 'alu4.pla');
    const back = readPla(writePla(spec), 'alu4.pla');
    expect(back.table.equals(spec.table)).toBe(true);
    expect(back.inputs).toEqual(spec.inputs);
    expect(back.outputs).toEqual(spec.outputs);
  });

  it('round-trips random tables with don\'t-cares (property, up to 8 inputs)', () => {
    const arb = fc.record({
      ni: fc.integer({ min: 0, max: 8 }),
      no: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer(),
      dcRate: fc.constantFrom(0, 0.2, 0.7, 1),
    });
    fc.assert(fc.property(arb, ({ ni, no, seed, dcRate }) => {
      let s = seed >>> 0 || 1;
      const rnd = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 2 ** 32; };
      const table = tableOf(ni, no, () => (rnd() < dcRate ? '-' : rnd() < 0.5 ? 1 : 0));
      const spec: Spec = {
        name: 't', file: 't.pla', table, solve: {},
        inputs: ni > 0 ? [{ name: 'x', width: ni, bus: true }] : [],
        outputs: [{ name: 'y', width: no, bus: true }],
      };
      const back = readPla(writePla(spec), 't.pla');
      expect(back.table.equals(table)).toBe(true);
      expect(back.inputs).toEqual(spec.inputs);
      expect(back.outputs).toEqual(spec.outputs);
    }), { numRuns: 300 });
  });

  it('handles a table with no cared rows', () => {
    const spec: Spec = { name: 't', file: 't', table: new TruthTable(3, 1), solve: {},
      inputs: [{ name: 'x', width: 3, bus: true }], outputs: [{ name: 'y', width: 1, bus: true }] };
    const text = writePla(spec);
    expect(text).toContain('.p 0\n.e\n');
    expect(readPla(text, 't.pla').table.careCount()).toBe(0);
  });
});
