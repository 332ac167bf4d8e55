// Berkeley / espresso PLA files: reading one into a Spec, writing a Spec's table as one.
// Stage: a front end beside parse+elaborate (file text → Spec), and an exporter (`btfc table --format pla`).
//
// The format, as espresso's reader (cvrin.c) interprets it:
//   .i N / .o M          input and output counts (both required, before the first product term)
//   .ilb n0 n1 …         input names, column j = x_j (the first name is x0, the least significant row bit)
//   .ob  n0 n1 …         output names, output column k = table output k
//   .p P                 number of product terms (espresso ignores it; btfc checks it when present)
//   .type f|fd|fr|fdr|r|dr   how the output characters are read (default fd, as in espresso)
//   .e / .end            end of the PLA; anything after it is ignored
//   # …                  comment to the end of the line
// A product term is N input characters then M output characters; spaces, tabs and '|' between them
// are ignored (espresso reads them character by character, so `0-1 10` and `0-110` are the same).
// Input characters: 0, 1, and '-' (or '2') for "either value".
// Output characters: '1' (or '4') puts the cube in the ON-set, '0' (or '3') in the OFF-set, '-' (or '2') in
// the don't-care set, '~' in none — but only for the sets the type names; a character for a set the type
// lacks means nothing. Per type:
//   f    '1' on; every other character nothing; minterms not in the ON-set are 0.
//   fd   '1' on, '-' don't-care, '0'/'~' nothing; minterms in neither are 0.
//   fr   '1' on, '0' off, '-'/'~' nothing; minterms in neither are don't-cares.
//   fdr  '1' on, '0' off, '-' don't-care; minterms in none of them are don't-cares (espresso expects the
//        three sets to cover the space; btfc does not impose a value it was not given).
//   r    '0' off; minterms not in the OFF-set are 1.   dr: '0' off, '-' don't-care, the rest 1.
// A minterm in both the ON-set and the OFF-set of an output is an error. A don't-care wins over an ON or
// OFF entry for the same minterm (espresso minimizes F with D as free: F ∩ D is free).
//
// Port names. Without .ilb the inputs are one bus `x` (x[0] = column 0); without .ob the outputs are one
// bus `y`. With names: when all the names `base[i]` of one base are `base[0] base[1] … base[w-1]`,
// consecutive and in that order, they become one bus port `base` of width w (so `A[0] A[1] A[2] B[0] …
// Ci` reads as buses A, B and scalar Ci, and bitNames() gives back exactly the names in the file).
// Otherwise each `base[i]` becomes a scalar `base_i`. Every other name is a scalar port, kept as given
// when it is a simple Verilog identifier, else sanitized: characters other than letters, digits and '_'
// become '_', a leading digit gets a '_' prefix, a Verilog keyword gets a '_' suffix. Names that would
// clash (within or across inputs and outputs) get a `_1`, `_2`, … suffix. So `a0 a1` stay scalars a0, a1.

import { basename } from 'node:path';
import { UserError, quoteText, type Diagnostic, type SourceSpan } from '../util/diagnostics.js';
import { bitNames, type Port, type Spec } from '../ir/spec.js';
import { MAX_INPUTS, TruthTable } from '../ir/truth-table.js';
import { isPlainIdentifier, sanitizeIdentifier } from '../ir/verilog-names.js';
import { spanOf, splitLines, wordsOf, type Word } from './words.js';

// ---------------------------------------------------------------------------------------------------
// Shared helpers for the table readers (also used by truth.ts and dat.ts).

/** The circuit name for a table file: its base name without extension, sanitized (`2x2.dat` → `_2x2`). */
export function circuitNameFromFile(file: string): string {
  const base = basename(file.replace(/\\/g, '/'));
  const dot = base.lastIndexOf('.');
  return sanitizeIdentifier(dot > 0 ? base.slice(0, dot) : base);
}

/** Makes port names unique across one namespace (inputs and outputs share it, as in a Verilog module). */
export class NameSpace {
  private readonly used = new Set<string>();
  take(name: string): string {
    let n = name;
    for (let i = 1; this.used.has(n); i++) n = `${name}_${i}`;
    this.used.add(n);
    return n;
  }
}

/**
 * Ports for a list of bit names in column order (see the rule in the header): consecutive `base[0] …
 * base[w-1]` become a bus, anything else a scalar.
 */
export function portsFromBitNames(names: readonly string[], ns: NameSpace): Port[] {
  const busBit = names.map((l) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(\d+)\]$/.exec(l);
    return m ? { base: m[1]!, index: Number(m[2]) } : undefined;
  });
  // A base is a bus only if all its names form one run base[0] … base[w-1], consecutive and in order.
  const runs = new Map<string, { start: number; width: number; ok: boolean }>();
  busBit.forEach((b, i) => {
    if (!b) return;
    const r = runs.get(b.base);
    if (!r) runs.set(b.base, { start: i, width: 1, ok: b.index === 0 });
    else if (r.ok && i === r.start + r.width && b.index === r.width) r.width++;
    else r.ok = false;
  });
  const ports: Port[] = [];
  let i = 0;
  while (i < names.length) {
    const b = busBit[i];
    const run = b && runs.get(b.base);
    if (b && run?.ok) {
      ports.push({ name: ns.take(sanitizeIdentifier(b.base)), width: run.width, bus: true });
      i += run.width;
      continue;
    }
    const raw = names[i]!;
    const name = b ? `${b.base}_${b.index}` : raw;
    ports.push({ name: ns.take(isPlainIdentifier(name) ? name : sanitizeIdentifier(name)), width: 1, bus: false });
    i++;
  }
  return ports;
}

/** One bus port, or none for width 0. */
export function busPort(name: string, width: number, ns: NameSpace): Port[] {
  return width > 0 ? [{ name: ns.take(name), width, bus: true }] : [];
}

// ---------------------------------------------------------------------------------------------------
// Reading.

type PlaType = 'f' | 'fd' | 'fr' | 'fdr' | 'r' | 'dr';
const PLA_TYPES: readonly PlaType[] = ['f', 'fd', 'fr', 'fdr', 'r', 'dr'];

/** A product term: its line (number and text, comment removed) and its characters, spacing removed. */
interface Term {
  line: number;
  text: string;
  chars: string;
}

interface Header {
  ni?: { value: number; word: Word };
  no?: { value: number; word: Word };
  np?: { value: number; word: Word };
  type: PlaType;
  ilb?: { words: Word[]; directive: Word };
  ob?: { words: Word[]; directive: Word };
}

const UNSUPPORTED_DIRECTIVES = new Set(['mv', 'kiss', 'symbolic', 'symbolic-output', 'label']);

class PlaReader {
  readonly lines: string[];
  constructor(readonly text: string, readonly file: string) {
    this.lines = splitLines(text);
  }

  fail(span: SourceSpan | undefined, message: string, hint: string, notes?: Diagnostic['notes']): never {
    throw new UserError({ file: this.file, span, message, hint, notes });
  }

  private count(word: Word | undefined, directive: Word, min: number): number {
    if (!word) this.fail(spanOf(directive), `${directive.text} needs a number`, `write e.g. \`${directive.text} 4\``);
    if (!/^\d+$/.test(word.text)) this.fail(spanOf(word), `${directive.text} needs a whole number, not ${quoteText(word.text)}`, `write e.g. \`${directive.text} 4\``);
    const v = Number(word.text);
    if (v < min) this.fail(spanOf(word), `${directive.text} ${v}: a PLA needs at least ${min} ${directive.text === '.o' ? 'output' : 'input'}${min === 1 ? '' : 's'}`, `give ${directive.text} the number of columns`);
    return v;
  }

  /**
   * One pass over the text: directives go into the header, product terms to `onTerm` (after .i/.o).
   * Checks every term's width and characters.
   */
  scan(onTerm: (t: Term, h: Header) => void): Header {
    const h: Header = { type: 'fd' };
    let terms = 0;
    for (let li = 0; li < this.lines.length; li++) {
      const lineNo = li + 1;
      let line = this.lines[li]!;
      const hash = line.indexOf('#');
      if (hash >= 0) line = line.slice(0, hash);
      const lead = /\S/.exec(line);
      if (!lead) continue;
      if (lead[0] === '.') {
        const words = wordsOf(line, lineNo);
        const first = words[0]!;
        const d = first.text.slice(1);
        switch (d) {
          case 'i':
          case 'o': {
            const prev = d === 'i' ? h.ni : h.no;
            const value = this.count(words[1], first, d === 'i' ? 0 : 1);
            if (prev) {
              this.fail(spanOf(first), `a second .${d} (the first is on line ${prev.word.line})`, `keep one .${d} line`,
                [{ span: spanOf(prev.word), message: `the first .${d}` }]);
            }
            if (terms > 0) this.fail(spanOf(first), `.${d} after the first product term`, `move .${d} to the top of the file`);
            if (d === 'i' && value > MAX_INPUTS) {
              this.fail(spanOf(words[1]!), `.i ${value}: more than btfc's limit of ${MAX_INPUTS} inputs (a full table has 2^${value} rows)`,
                'split the function into smaller circuits with fewer inputs');
            }
            if (d === 'i') h.ni = { value, word: words[1]! }; else h.no = { value, word: words[1]! };
            break;
          }
          case 'p':
            h.np = { value: this.count(words[1], first, 0), word: words[1]! };
            break;
          case 'type': {
            const t = words[1];
            if (!t) this.fail(spanOf(first), '.type needs a type', 'write `.type f`, `.type fd`, `.type fr` or `.type fdr`');
            if (!(PLA_TYPES as readonly string[]).includes(t.text)) {
              this.fail(spanOf(t), `unknown PLA type ${quoteText(t.text)}`, `use one of ${PLA_TYPES.join(', ')} (fd is the default)`);
            }
            if (terms > 0) this.fail(spanOf(first), '.type after the first product term', 'move .type above the product terms');
            h.type = t.text as PlaType;
            break;
          }
          case 'ilb':
            h.ilb = { words: words.slice(1), directive: first };
            break;
          case 'ob':
            h.ob = { words: words.slice(1), directive: first };
            break;
          case 'e':
          case 'end':
            return h;
          default:
            if (UNSUPPORTED_DIRECTIVES.has(d)) {
              this.fail(spanOf(first), `${first.text} (multiple-valued / symbolic PLA) is not supported`,
                'btfc reads binary PLAs: .i, .o, .ilb, .ob, .p, .type and product terms');
            }
            // Espresso ignores other commands (.model, .phase, .pair, …), and so does btfc.
            break;
        }
        continue;
      }
      // A product term.
      if (!h.ni || !h.no) {
        this.fail(spanOf(wordsOf(line, lineNo)[0]!), `product term before ${h.ni ? '.o' : '.i'}`,
          'begin the file with `.i N` and `.o M` (the numbers of input and output columns)');
      }
      terms++;
      onTerm(this.term(line, lineNo, h.ni.value, h.no.value), h);
    }
    return h;
  }

  private term(line: string, lineNo: number, ni: number, no: number): Term {
    // Fast path: `<ni chars> <no chars>` exactly, as writers lay terms out.
    if (line.length === ni + 1 + no && line.charCodeAt(ni) === 32) {
      const chars = line.slice(0, ni) + line.slice(ni + 1);
      if (validTerm(chars, ni)) return { line: lineNo, text: line, chars };
    }
    const chars = line.replace(/[ \t|\r\f]/g, '');
    if (chars.length !== ni + no) {
      const words = wordsOf(line, lineNo);
      const want = `.i ${ni} and .o ${no}`;
      const plural = (n: number, what: string) => `${n} ${what} character${n === 1 ? '' : 's'}`;
      const hint = `write ${plural(ni, 'input')}, a space, then ${plural(no, 'output')}`;
      const [w0, w1] = words;
      if (words.length === 2 && w0!.text.length !== ni) {
        this.fail(spanOf(w0!), `input part has ${w0!.text.length} character${w0!.text.length === 1 ? '' : 's'}, but ${want}`, hint);
      }
      if (words.length === 2) {
        this.fail(spanOf(w1!), `output part has ${w1!.text.length} character${w1!.text.length === 1 ? '' : 's'}, but ${want}`, hint);
      }
      const last = words[words.length - 1]!;
      this.fail({ line: lineNo, col: words[0]!.col, length: last.col + last.text.length - words[0]!.col },
        `product term has ${chars.length} characters, but ${want} make ${ni + no}`, hint);
    }
    for (let j = 0; j < chars.length; j++) {
      if (!validChar(chars.charCodeAt(j), j >= ni)) {
        const input = j < ni;
        const ch = chars[j]!;
        this.fail({ line: lineNo, col: termColumns(line)[j]!, length: 1 },
          `unexpected ${quoteText(ch)} in the ${input ? 'input' : 'output'} part of a product term`,
          input ? "input characters are 0, 1 and '-' (either value)"
            : "output characters are 1 (on), 0 (off), '-' (don't-care) and '~' (no meaning)");
      }
    }
    return { line: lineNo, text: line, chars };
  }
}

/** Inputs: 0 1 - 2; outputs also 3 4 ~. */
function validChar(c: number, output: boolean): boolean {
  return c === 48 || c === 49 || c === 45 || c === 50 || (output && (c === 51 || c === 52 || c === 126));
}

function validTerm(chars: string, ni: number): boolean {
  for (let j = 0; j < chars.length; j++) if (!validChar(chars.charCodeAt(j), j >= ni)) return false;
  return true;
}

/** The column (1-based) of each character of a product term, spacing skipped. */
function termColumns(line: string): number[] {
  const cols: number[] = [];
  for (let c = 0; c < line.length; c++) if (!' \t|\r\f'.includes(line[c]!)) cols.push(c + 1);
  return cols;
}

/** Which set a product term's output character puts its cube in, for a PLA type. */
const Target = { None: 0, On: 1, Dc: 2, Off: 3 } as const;
type Target = (typeof Target)[keyof typeof Target];

function targetOf(ch: string, type: PlaType): Target {
  const hasF = type.includes('f');
  const hasD = type.includes('d');
  const hasR = type.includes('r');
  switch (ch) {
    case '1': case '4': return hasF ? Target.On : Target.None;
    case '0': case '3': return hasR ? Target.Off : Target.None;
    case '-': case '2': return hasD ? Target.Dc : Target.None;
    default: return Target.None;
  }
}

/** Does the input part of a term contain minterm m (x_j = bit j of m)? */
function cubeContains(chars: string, ni: number, m: number): boolean {
  for (let j = 0; j < ni; j++) {
    const c = chars[j]!;
    const b = (m >>> j) & 1;
    if ((c === '0' && b === 1) || (c === '1' && b === 0)) return false;
  }
  return true;
}

/** Read a PLA file. Throws UserError with file:line:col for every mistake. */
export function readPla(text: string, file: string): Spec {
  const r: PlaReader = new PlaReader(text, file);
  let sets: CubeSets | undefined;
  let terms = 0;
  const h = r.scan((t, hd) => {
    sets ??= new CubeSets(hd.ni!.value, hd.no!.value, hd.type);
    terms++;
    sets.add(t.chars);
  });

  if (!h.ni || !h.no) {
    const what = !h.ni ? '.i' : '.o';
    const firstLine = r.lines.findIndex((l) => l.trim() !== '');
    r.fail(firstLine < 0 ? undefined : { line: firstLine + 1, col: 1, length: Math.max(1, r.lines[firstLine]!.length) }, `missing ${what}: a PLA must give its number of ${what === '.i' ? 'inputs' : 'outputs'}`,
      `add \`${what} ${what === '.i' ? 'N' : 'M'}\` at the top of the file`);
  }
  const ni = h.ni.value;
  const no = h.no.value;
  if (h.np && h.np.value !== terms) {
    r.fail(spanOf(h.np.word), `.p says ${h.np.value} product term${h.np.value === 1 ? '' : 's'}, but the file has ${terms}`,
      `write \`.p ${terms}\`, or remove the .p line`);
  }
  if (h.ilb && h.ilb.words.length !== ni) {
    r.fail(spanOf(h.ilb.directive), `.ilb names ${h.ilb.words.length} input${h.ilb.words.length === 1 ? '' : 's'}, but .i is ${ni}`,
      `give exactly ${ni} names, one per input column`);
  }
  if (h.ob && h.ob.words.length !== no) {
    r.fail(spanOf(h.ob.directive), `.ob names ${h.ob.words.length} output${h.ob.words.length === 1 ? '' : 's'}, but .o is ${no}`,
      `give exactly ${no} names, one per output column`);
  }

  const table = new TruthTable(ni, no);
  sets ??= new CubeSets(ni, no, h.type);
  const numWords = table.numWords;
  const lastBits = table.numRows & 31;
  const lastMask = lastBits === 0 ? -1 : (1 << lastBits) - 1;
  const hasF = h.type.includes('f');
  const hasR = h.type.includes('r');
  for (let k = 0; k < no; k++) {
    for (let w = 0; w < numWords; w++) {
      const i = k * numWords + w;
      const full = w === numWords - 1 ? lastMask : -1;
      const f = sets.word(0, i);
      const d = sets.word(1, i);
      const rr = sets.word(2, i);
      const clash = f & rr;
      if (clash !== 0) {
        const m = w * 32 + (31 - Math.clz32(clash & -clash));
        reportClash(r, h, k, m, ni);
      }
      let care: number;
      let value: number;
      if (hasF && hasR) { care = (f | rr) & ~d; value = f & care; }
      else if (hasF) { care = ~d; value = f & ~d; }
      else { care = ~d; value = ~rr & ~d; }
      table.care[i] = care & full;
      table.values[i] = value & full;
    }
  }

  const ns = new NameSpace();
  const inputs = h.ilb ? portsFromBitNames(h.ilb.words.map((w) => w.text), ns) : busPort('x', ni, ns);
  const outputs = h.ob ? portsFromBitNames(h.ob.words.map((w) => w.text), ns) : busPort('y', no, ns);
  return { name: circuitNameFromFile(file), file, inputs, outputs, table, solve: {} };
}

/** Bit p of LOW_PATTERN[j] is bit j of p: the rows of a word where x_j = 1 (as int32, to stay small ints). */
const LOW_PATTERN = Int32Array.of(0xaaaaaaaa | 0, 0xcccccccc | 0, 0xf0f0f0f0 | 0, 0xff00ff00 | 0, 0xffff0000 | 0);

/**
 * The ON, DC and OFF sets of every output as bit columns (row m of output k is bit m of column k, the
 * TruthTable layout), filled by OR-ing in one product term at a time.
 */
class CubeSets {
  readonly numWords: number;
  /** Columns of the ON set, then the DC set, then the OFF set; int32 so the inner loop stays on small ints. */
  readonly bits: Int32Array;
  private readonly offsets: Int32Array;
  private readonly setSize: number;

  constructor(readonly ni: number, readonly no: number, readonly type: PlaType) {
    this.numWords = Math.ceil(2 ** ni / 32);
    this.setSize = this.numWords * no;
    this.bits = new Int32Array(3 * this.setSize);
    this.offsets = new Int32Array(no);
  }

  /** The word i (output-major, as in TruthTable) of set 0 = ON, 1 = DC, 2 = OFF. */
  word(set: number, i: number): number {
    return this.bits[set * this.setSize + i]!;
  }

  add(chars: string): void {
    const { ni, no, numWords, bits, offsets } = this;
    let care = 0;
    let val = 0;
    for (let j = 0; j < ni; j++) {
      const c = chars.charCodeAt(j);
      if (c === 48 /* 0 */) care |= 1 << j;
      else if (c === 49 /* 1 */) { care |= 1 << j; val |= 1 << j; }
    }
    // Bits 0..4 of a row pick the bit within a word; bits 5.. pick the word.
    let mask = ni >= 5 ? -1 : (1 << (1 << ni)) - 1;
    for (let j = 0; j < 5 && j < ni; j++) {
      if ((care >>> j) & 1) mask &= (val >>> j) & 1 ? LOW_PATTERN[j]! : ~LOW_PATTERN[j]!;
    }
    const highAll = ni > 5 ? (1 << (ni - 5)) - 1 : 0;
    const highVal = val >>> 5;
    const highFree = ~(care >>> 5) & highAll;

    let n = 0;
    for (let k = 0; k < no; k++) {
      const t = targetOf(chars[ni + k]!, this.type);
      if (t !== Target.None) offsets[n++] = (t - 1) * this.setSize + k * numWords;
    }
    if (n === 0) return;
    let s = 0;
    do {
      const w = highVal | s;
      for (let t = 0; t < n; t++) {
        const i = offsets[t]! + w;
        bits[i] = bits[i]! | mask;
      }
      s = (s - highFree) & highFree;
    } while (s !== 0);
  }
}

/** Output k of minterm m is in both the ON- and the OFF-set: find the two terms and say where. */
function reportClash(r: PlaReader, h: Header, k: number, m: number, ni: number): never {
  let on: Term | undefined;
  let off: Term | undefined;
  r.scan((t, hd) => {
    if (!cubeContains(t.chars, ni, m)) return;
    const tg = targetOf(t.chars[ni + k]!, hd.type);
    if (tg === Target.On && !on) on = t;
    if (tg === Target.Off && !off) off = t;
  });
  const names = h.ob ? h.ob.words.map((w) => w.text) : Array.from({ length: h.no!.value }, (_, i) => `y[${i}]`);
  let row = '';
  for (let j = 0; j < ni; j++) row += (m >>> j) & 1 ? '1' : '0';
  const [a, b] = on!.line < off!.line ? [on!, off!] : [off!, on!];
  const valueOf = (t: Term) => (t === on ? '1' : '0');
  const col = (t: Term) => ({ line: t.line, col: termColumns(t.text)[ni + k]!, length: 1 });
  r.fail(col(b), `output ${names[k]} for input ${row || '(none)'} is ${valueOf(b)} here but ${valueOf(a)} on line ${a.line}`,
    `a minterm cannot be in both the ON-set and the OFF-set; fix one of the two product terms (or use '-' for a don't-care)`,
    [{ span: col(a), message: `here it is ${valueOf(a)}` }]);
}

// ---------------------------------------------------------------------------------------------------
// Writing.

/** V8's longest string, in characters. */
const MAX_STRING = 0x1fffffe8;

/**
 * The table as a PLA of `.type fr`: one product term per row with at least one cared output, in row
 * order; each output character is 1, 0, or '-' for a don't-care (in fr, '-' puts the minterm in no set,
 * and minterms in no set are don't-cares). Rows with no cared output are left out, so readPla gives back
 * the same function and care set. Names: `.ilb`/`.ob` are bitNames() of the ports, which readPla groups
 * back into the same buses.
 */
export function writePla(spec: Spec): string {
  const t = spec.table;
  const ni = t.numInputs;
  const no = t.numOutputs;
  const rows = t.careRows();
  const head: string[] = [`.i ${ni}`, `.o ${no}`];
  if (ni > 0) head.push(`.ilb ${bitNames(spec.inputs).join(' ')}`);
  head.push(`.ob ${bitNames(spec.outputs).join(' ')}`, '.type fr', `.p ${rows.length}`);
  const headText = `${head.join('\n')}\n`;
  const rowLen = ni + (ni > 0 ? 1 : 0) + no + 1;
  const total = headText.length + rows.length * rowLen + 3;
  if (total > MAX_STRING) {
    throw new UserError({ file: spec.file, message: `the table is too large to write as a PLA (${rows.length} rows)`,
      hint: 'write it as an IWLS .truth file instead (--format truth)' });
  }
  const buf = Buffer.allocUnsafe(rows.length * rowLen);
  let p = 0;
  for (let i = 0; i < rows.length; i++) {
    const m = rows[i]!;
    for (let j = 0; j < ni; j++) buf[p++] = (m >>> j) & 1 ? 49 : 48;
    if (ni > 0) buf[p++] = 32;
    for (let k = 0; k < no; k++) buf[p++] = t.isCare(k, m) ? (t.value(k, m) ? 49 : 48) : 45;
    buf[p++] = 10;
  }
  return `${headText}${buf.toString('latin1', 0, p)}.e\n`;
}
