// Reading back the Verilog that btfc itself writes (emit/verilog.ts) into the Netlist it came from, for
// `btfc draw`: one module, ports with `[W-1:0]` ranges, `wire` declarations, and one `assign` per gate in
// topological order — `a & b`, `a | b`, MAJ3 in either of its two written forms — then one per output
// bit. Gates are added in the order written, so each keeps its node number and the schematic shows the
// same `n12` as the file. Anything outside that form gives undefined, and the caller reads the file
// through Yosys instead (verify/draw-design.ts), which takes any Verilog but draws MAJ3 as AND/OR gates.
// Stage: formats.

import type { Port } from '../ir/spec.js';
import { addGate, emptyNetlist, inputLit, LIT_FALSE, LIT_TRUE, notLit, type Gate, type Lit, type Netlist } from '../ir/netlist.js';

const NAME = String.raw`(?:[A-Za-z_][A-Za-z0-9_$]*|\\\S+)`;
const OPERAND = String.raw`~?\s*(?:${NAME}(?:\s*\[\d+\])?|1'b[01])`;
const O = `(${OPERAND})`;

/** The gate forms btfc writes, with the positions of the operands (a, b, c). */
const FORMS: { re: RegExp; kind: Gate['kind']; order: number[]; same?: [number, number][] }[] = [
  { re: new RegExp(String.raw`^${O}\s*&\s*${O}$`), kind: 'and', order: [1, 2] },
  { re: new RegExp(String.raw`^${O}\s*\|\s*${O}$`), kind: 'or', order: [1, 2] },
  // (a & b) | (a & c) | (b & c)
  { re: new RegExp(String.raw`^\(\s*${O}\s*&\s*${O}\s*\)\s*\|\s*\(\s*${O}\s*&\s*${O}\s*\)\s*\|\s*\(\s*${O}\s*&\s*${O}\s*\)$`), kind: 'maj', order: [1, 2, 4], same: [[3, 1], [5, 2], [6, 4]] },
  // (a & b) | (c & (a | b))
  { re: new RegExp(String.raw`^\(\s*${O}\s*&\s*${O}\s*\)\s*\|\s*\(\s*${O}\s*&\s*\(\s*${O}\s*\|\s*${O}\s*\)\s*\)$`), kind: 'maj', order: [1, 2, 3], same: [[4, 1], [5, 2]] },
];

const stripComments = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, '');
const norm = (s: string): string => s.replace(/\s+/g, '');

/** The ports of the module header, or undefined when it is not in btfc's form. */
function headerPorts(list: string): { dir: 'input' | 'output'; port: Port }[] | undefined {
  const out: { dir: 'input' | 'output'; port: Port }[] = [];
  for (const part of list.split(',')) {
    const m = new RegExp(String.raw`^\s*(input|output)\s+(?:\[\s*(\d+)\s*:\s*0\s*\]\s*)?(${NAME})\s*$`).exec(part);
    if (!m) return undefined;
    const name = m[3]!.startsWith('\\') ? m[3]!.slice(1) : m[3]!;
    out.push({ dir: m[1] as 'input' | 'output', port: m[2] === undefined ? { name, width: 1, bus: false } : { name, width: Number(m[2]) + 1, bus: true } });
  }
  return out;
}

/** The names of the bits of `ports`, as btfc's Verilog writes them (`a[0]`, `cin`). */
function bitNames(ports: readonly Port[]): string[] {
  const esc = (n: string) => (/^[A-Za-z_][A-Za-z0-9_$]*$/.test(n) ? n : `\\${n}`);
  return ports.flatMap((p) => (p.bus ? Array.from({ length: p.width }, (_, i) => `${esc(p.name)}[${i}]`) : [esc(p.name)]));
}

/** btfc's own Verilog as a Netlist, or undefined when the text is not in the form btfc writes. */
export function readBtfcVerilog(text: string): Netlist | undefined {
  const src = stripComments(text);
  const mod = new RegExp(String.raw`^\s*module\s+(${NAME})\s*\(([\s\S]*?)\)\s*;([\s\S]*)\bendmodule\s*$`).exec(src);
  if (!mod) return undefined;
  const ports = headerPorts(mod[2]!);
  if (!ports) return undefined;
  const inputs = ports.filter((p) => p.dir === 'input').map((p) => p.port);
  const outputs = ports.filter((p) => p.dir === 'output').map((p) => p.port);
  const name = mod[1]!.startsWith('\\') ? mod[1]!.slice(1) : mod[1]!;
  const nl = emptyNetlist(name, inputs, outputs);
  const lit = new Map<string, Lit>([["1'b0", LIT_FALSE], ["1'b1", LIT_TRUE]]);
  bitNames(inputs).forEach((b, j) => lit.set(norm(b), inputLit(j)));
  const outBits = bitNames(outputs).map(norm);
  const outLit = new Map<string, Lit>();
  const operand = (s: string): Lit | undefined => {
    const t = norm(s);
    const l = lit.get(t.replace(/^~/, ''));
    return l === undefined ? undefined : t.startsWith('~') ? notLit(l) : l;
  };
  for (const stmt of mod[3]!.split(';').map((s) => s.trim()).filter((s) => s.length > 0)) {
    if (/^wire\s/.test(stmt)) continue;
    const a = /^assign\s+(\S+(?:\s*\[\d+\])?)\s*=\s*([\s\S]+)$/.exec(stmt);
    if (!a) return undefined;
    const lhs = norm(a[1]!);
    const rhs = a[2]!.trim();
    if (outBits.includes(lhs)) {
      const l = operand(rhs);
      if (l === undefined || outLit.has(lhs)) return undefined;
      outLit.set(lhs, l);
      continue;
    }
    const form = FORMS.map((f) => ({ f, m: f.re.exec(rhs) }))
      .find((x) => x.m && (x.f.same ?? []).every(([i, j]) => norm(x.m![i]!) === norm(x.m![j]!)));
    if (!form || lit.has(lhs)) return undefined;
    const ins = form.f.order.map((k) => operand(form.m![k]!));
    if (ins.some((l) => l === undefined)) return undefined;
    lit.set(lhs, addGate(nl, { kind: form.f.kind, ins: ins as Lit[] } as Gate));
  }
  if (outBits.some((b) => !outLit.has(b))) return undefined;
  nl.outputs = outBits.map((b) => outLit.get(b)!);
  return nl;
}
