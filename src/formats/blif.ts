// BLIF reader (Berkeley Logic Interchange Format, combinational subset): `.model`, `.inputs`, `.outputs`,
// `.names` covers, `.conn`, `.end` — what btfc (emit/blif.ts), Yosys `write_blif` and ABC write for a gate
// netlist — read into a Netlist, for `btfc draw`. Stage: formats.
//
// A cover becomes gates as its writer meant it: a three-input cover that is a majority (inputs possibly
// complemented) is one MAJ3; any other cover is its sum of products — one AND tree per cube, an OR tree
// over the cubes — so btfc's own `11 1` reads back as an AND2, `1- 1`/`-1 1` as an OR2 and a one-literal
// cube as a wire or an inverter. An off-set cover (output column `0`) is the complement of that sum.
// Bus bits written `a[0]`, `a[1]`, … become a bus port `a` again. Sequential and hierarchical constructs
// (`.latch`, `.subckt`, `.gate`) are refused with their line: a schematic of gates cannot show them.

import { UserError, type SourceSpan } from '../util/diagnostics.js';
import { LIT_FALSE, LIT_TRUE, notLit, type Lit, type Netlist } from '../ir/netlist.js';
import { buildNetlist, majLit, portsFromBits, treeLit, type SignalDriver } from '../ir/netlist-builder.js';
import { splitLines, spanOf, wordsOf, type Word } from './words.js';

interface Cover {
  /** The `.names` line's words: inputs, then the output. */
  head: Word;
  ins: string[];
  out: string;
  /** One cube per row: a character per input ('0', '1', '-'). */
  cubes: string[];
  /** The output column: true for an on-set cover, false for an off-set cover. */
  onset: boolean;
}

interface BlifModel {
  name: string;
  inputs: Word[];
  outputs: Word[];
  covers: Cover[];
}

/** Directives of timing and the like, which say nothing about the logic. */
const IGNORED = /^\.(area|delay|wire_load_slope|wire|input_arrival|default_input_arrival|output_required|default_output_required|input_drive|default_input_drive|output_load|default_output_load|max_input_load|default_max_input_load|attr|param|cname|clock)$/;

class BlifParser {
  private readonly model: BlifModel = { name: '', inputs: [], outputs: [], covers: [] };
  private cover: Cover | undefined;
  private ended = false;

  constructor(private readonly file: string) {}

  fail(span: SourceSpan | undefined, message: string, hint: string): never {
    throw new UserError({ file: this.file, span, message, hint });
  }

  /** The logical lines: comments dropped, `\` continuations joined (the position of the first part kept). */
  private logicalLines(text: string): Word[][] {
    const out: Word[][] = [];
    let pending: Word[] | undefined;
    splitLines(text).forEach((raw, i) => {
      const hash = raw.indexOf('#');
      let line = hash >= 0 ? raw.slice(0, hash) : raw;
      const cont = /\\\s*$/.test(line);
      if (cont) line = line.replace(/\\\s*$/, '');
      const words = wordsOf(line, i + 1);
      pending = pending ? [...pending, ...words] : words;
      if (!cont) {
        if (pending.length) out.push(pending);
        pending = undefined;
      }
    });
    if (pending?.length) out.push(pending);
    return out;
  }

  parse(text: string): BlifModel {
    for (const words of this.logicalLines(text)) {
      if (this.ended) break;
      const first = words[0]!;
      if (first.text.startsWith('.')) this.directive(first, words.slice(1));
      else this.row(words);
    }
    if (!this.model.name && this.model.outputs.length === 0) {
      this.fail(undefined, 'the file holds no BLIF model', 'a BLIF netlist starts with `.model NAME`, `.inputs …` and `.outputs …`');
    }
    if (this.model.outputs.length === 0) this.fail(undefined, 'the BLIF model has no `.outputs`', 'list the outputs: `.outputs y`');
    return this.model;
  }

  private directive(d: Word, args: Word[]): void {
    this.cover = undefined;
    switch (d.text) {
      case '.model':
        if (this.model.name || this.model.covers.length) this.fail(spanOf(d), 'a second `.model`: btfc draws one model', 'keep one model in the file (hierarchical BLIF is not read)');
        this.model.name = args[0]?.text ?? 'top';
        return;
      case '.inputs': this.model.inputs.push(...args); return;
      case '.outputs': this.model.outputs.push(...args); return;
      case '.names': return this.names(d, args);
      case '.conn':
        if (args.length !== 2) this.fail(spanOf(d), '`.conn` takes two signals', 'write `.conn FROM TO`');
        this.model.covers.push({ head: d, ins: [args[0]!.text], out: args[1]!.text, cubes: ['1'], onset: true });
        return;
      case '.end': case '.exdc': this.ended = true; return;
      case '.latch': case '.mlatch': case '.subckt': case '.gate': case '.search': case '.start_kiss':
        return this.fail(spanOf(d), `\`${d.text}\` is not supported: btfc draws combinational netlists of \`.names\` covers`,
          'flatten the design and map it to logic (e.g. Yosys `flatten; techmap; write_blif`)');
      default:
        if (IGNORED.test(d.text)) return;
        this.fail(spanOf(d), `unknown BLIF directive \`${d.text}\``, 'BLIF netlists use .model, .inputs, .outputs, .names and .end');
    }
  }

  private names(d: Word, args: Word[]): void {
    if (args.length === 0) this.fail(spanOf(d), '`.names` without a signal', 'write `.names IN… OUT` and the cover rows below it');
    const out = args[args.length - 1]!.text;
    this.cover = { head: d, ins: args.slice(0, -1).map((w) => w.text), out, cubes: [], onset: true };
    this.model.covers.push(this.cover);
  }

  private row(words: Word[]): void {
    const c = this.cover;
    if (!c) this.fail(spanOf(words[0]!), 'a cover row outside a `.names` block', 'cover rows follow `.names IN… OUT`');
    const k = c.ins.length;
    const [cube, value] = k === 0 ? ['', words[0]!] : [words[0]!.text, words[1]];
    if (words.length !== (k === 0 ? 1 : 2) || !value || !/^[01]$/.test(value.text)) {
      this.fail(spanOf(words[0]!), `a cover row of \`${c.out}\` must be ${k === 0 ? 'one output value, 0 or 1' : `${k} input characters and an output value`}`, `e.g. \`${'1'.repeat(k)}${k ? ' ' : ''}1\``);
    }
    if (cube.length !== k || !/^[01-]*$/.test(cube)) {
      const n = (x: number, what: string) => `${x} ${what}${x === 1 ? '' : 's'}`;
      this.fail(spanOf(words[0]!), `the cube \`${cube}\` must have ${n(k, 'character')} of 0, 1 or -`, `\`.names\` of \`${c.out}\` has ${n(k, 'input')}`);
    }
    const onset = value.text === '1';
    if (c.cubes.length && onset !== c.onset) this.fail(spanOf(value), `the cover of \`${c.out}\` mixes output values 0 and 1`, 'a BLIF cover lists either its on-set (1) or its off-set (0)');
    c.onset = onset;
    c.cubes.push(cube);
  }
}

/** Whether the three-input truth table `tt` (bit m: inputs m0 m1 m2) is MAJ of complemented inputs, and which. */
function majMask(tt: number): number | undefined {
  for (let mask = 0; mask < 8; mask++) {
    let t = 0;
    for (let m = 0; m < 8; m++) {
      const v = m ^ mask;
      if ((v & 1) + ((v >> 1) & 1) + ((v >> 2) & 1) >= 2) t |= 1 << m;
    }
    if (t === tt) return mask;
  }
  return undefined;
}

function coverTable(cubes: readonly string[]): number {
  let tt = 0;
  for (let m = 0; m < 8; m++) {
    if (cubes.some((c) => [...c].every((ch, i) => ch === '-' || Number(ch) === ((m >> i) & 1)))) tt |= 1 << m;
  }
  return tt;
}

/** The literal of a cover over the literals of its inputs. */
function coverLit(nl: Netlist, c: Cover, lits: Lit[]): Lit {
  const positive = c.onset ? (x: Lit) => x : notLit;
  if (c.ins.length === 3) {
    const mask = majMask(coverTable(c.cubes));
    if (mask !== undefined) {
      const [a, b, cc] = lits.map((l, i) => (mask >> i) & 1 ? notLit(l) : l) as [Lit, Lit, Lit];
      return positive(majLit(nl, a, b, cc));
    }
  }
  if (c.cubes.length === 0) return positive(LIT_FALSE);
  const products = c.cubes.map((cube) => treeLit(nl, 'and', [...cube].flatMap((ch, i) => (ch === '-' ? [] : [ch === '1' ? lits[i]! : notLit(lits[i]!)]))));
  const sum = products.includes(LIT_TRUE) ? LIT_TRUE : treeLit(nl, 'or', products);
  return positive(sum);
}

/** Read a BLIF netlist. Throws UserError with file:line:col for every mistake. */
export function readBlif(text: string, file: string): Netlist {
  const p = new BlifParser(file);
  const m = p.parse(text);
  const drivers = new Map<string, SignalDriver>();
  const where = new Map<string, Word>();
  const inputs = new Set(m.inputs.map((w) => w.text));
  for (const c of m.covers) {
    if (drivers.has(c.out) || inputs.has(c.out)) p.fail(spanOf(c.head), `\`${c.out}\` is driven twice`, 'each signal has one `.names` cover (an input none)');
    drivers.set(c.out, { ins: c.ins, build: (nl, lits) => coverLit(nl, c, lits) });
    where.set(c.out, c.head);
  }
  for (const list of [m.inputs, m.outputs]) {
    const seen = new Set<string>();
    for (const w of list) {
      if (seen.has(w.text)) p.fail(spanOf(w), `\`${w.text}\` is listed twice`, 'list each input and output once');
      seen.add(w.text);
    }
  }
  const ins = portsFromBits(m.inputs.map((w) => w.text));
  const outs = portsFromBits(m.outputs.map((w) => w.text));
  return buildNetlist({
    name: m.name || 'top', inputPorts: ins.ports, outputPorts: outs.ports, inputBits: ins.order, outputBits: outs.order, drivers,
    constants: new Map([['$false', LIT_FALSE], ['$true', LIT_TRUE], ['$undef', LIT_FALSE]].filter(([s]) => !drivers.has(s as string)) as [string, Lit][]),
    fail: (why, signal, path) => {
      const at = where.get(path[path.length - 1] ?? '') ?? m.outputs.find((w) => w.text === signal);
      return new UserError({
        file, span: at ? spanOf(at) : undefined,
        message: why === 'loop' ? `a combinational loop through \`${signal}\`` : `\`${signal}\` is used but nothing drives it`,
        hint: why === 'loop' ? 'a schematic of gates needs an acyclic netlist' : 'declare it in `.inputs` or give it a `.names` cover',
      });
    },
  });
}
