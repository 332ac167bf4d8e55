// The GBFS fixtures are generated (src/tools/gbfs-fixtures.ts), not copied: regenerate them in memory and
// check that test/fixtures/gbfs/ holds exactly that, so a fixture cannot silently drift from its definition.

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gbfsBenchmarks, gbfsFixtures } from '../../src/tools/gbfs-fixtures.js';
import { readPla } from '../../src/formats/pla.js';
import { bitNames } from '../../src/ir/spec.js';
import { fixture, readFixture } from '../fixtures.js';

const generated = gbfsFixtures();
const onDisk = ['pla', 'tt'].flatMap((dir) => readdirSync(fixture(`gbfs/${dir}`)).map((f) => `${dir}/${f}`)).sort();

describe('test/fixtures/gbfs is what src/tools/gbfs-fixtures.ts writes', () => {
  it('holds exactly the generated files', () => {
    expect(onDisk).toEqual([...generated.keys()].sort());
  });

  it.each(onDisk)('%s equals the generator output byte for byte', (rel) => {
    // A mismatch means the fixture was edited by hand or the generator changed: run `npm run fixtures:gbfs`.
    expect(readFixture(`gbfs/${rel}`) === generated.get(rel)).toBe(true);
  });
});

describe('the PLA reader reads the generated PLAs', () => {
  it.each(gbfsBenchmarks().map((b) => [b.name, b] as const))('%s: names, and every row as defined', (name, b) => {
    const spec = readPla(readFixture(`gbfs/pla/${name}.pla`), `${name}.pla`);
    expect(bitNames(spec.inputs)).toEqual(b.ilb);
    expect(bitNames(spec.outputs)).toEqual(b.ob);
    expect(spec.table.isComplete()).toBe(true);
    for (let m = 0; m < spec.table.numRows; m++) {
      const want = b.outputs(m);
      for (let k = 0; k < want.length; k++) if (spec.table.value(k, m) !== want[k]) expect([name, m, k]).toBe('as defined');
    }
  });
});
