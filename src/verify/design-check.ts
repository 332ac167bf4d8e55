// Is a user's design a combinational circuit that a SAT proof means something for? `btfc verify` proves
// the design's outputs equal to a truth table; a design with two drivers on one signal, a latch, a
// flip-flop, an `initial` block or a combinational loop has no single truth table, and Yosys's SAT model
// of it can say PASS for a design that computes nothing of the kind (two drivers of an output: `sat`
// merges them). Such a design is refused (exit 2) with what is wrong, where and on which signal; it is
// never proved. Stage: verify.
//
// What finds what:
// - `check` (Yosys) on the flattened design, once as read (combinational loops: `-force-detailed-loop-check`
//   so that a wide arithmetic cell is not taken for a loop) and once after `insbuf`, which turns every
//   plain connection (`assign p = …`, a constant too) into a buffer cell, so that two `assign`s to one
//   signal are two drivers of it and the signal is named as written (without `insbuf`, `check` names the
//   drivers' internal wires and misses a constant second driver).
// - cell types in the JSON after `proc` (each module as written): latches and flip-flops, memories written.
// - `initial` blocks, from the source text: Yosys turns `initial r = 5;` on an otherwise undriven reg into
//   a constant driver, so nothing of it is left to find after reading.

export interface YosysCell {
  type: string;
  attributes?: Record<string, string>;
  parameters?: Record<string, string>;
  connections?: Record<string, unknown[]>;
}
export interface YosysNet { hide_name?: number; bits: unknown[] }
export interface YosysModuleJson {
  cells: Record<string, YosysCell>;
  netnames?: Record<string, YosysNet>;
}

/** The Yosys commands that write `loops.log` and `drivers.log`, after `read_verilog; hierarchy; proc`. */
export const CHECK_COMMANDS = [
  // No `memory` or `opt` before the checks: their clean-up drops a driver that conflicts with a constant.
  'flatten',
  'tee -q -o loops.log check -force-detailed-loop-check',
  'insbuf',
  'tee -q -o drivers.log check -noinit -initdrv',
];

/** Coarse and fine-grained Yosys flip-flop and latch cell types (`$dff`, `$adffe`, `$_DFF_P_`, `$_DLATCH_N_` …). */
const STATE_CELL = /^\$_?(?:a?l?dffs?r?e?|sdffc?e?|dffsre?|a?dlatch(?:sr)?|sr|ff)(?:_|$)/i;
const LATCH_CELL = /latch/i;
/** Memory writes (a ROM, read only, is combinational and allowed). */
const MEMORY_WRITE = /^\$memwr/;

/** `design.v:3.5-3.20` → `design.v:3`, with the user's file name. */
function srcLine(src: string | undefined, file: string): string | undefined {
  const m = src === undefined ? null : /^(.*?):(\d+)\.\d+/.exec(src.split('|')[0]!);
  return m ? `${file}:${m[2]}` : undefined;
}

/** The public name of the signal on `bits` (`p`, `p[2]`, `p[0, 1]`), if the module has one. */
function signalOn(mod: YosysModuleJson, bits: unknown[]): string | undefined {
  for (const [name, net] of Object.entries(mod.netnames ?? {})) {
    if (net.hide_name || name.startsWith('$')) continue;
    const idx = net.bits.flatMap((b, i) => (typeof b === 'number' && bits.includes(b) ? [i] : []));
    if (idx.length === 0) continue;
    return idx.length === net.bits.length ? name : `${name}[${idx.join(', ')}]`;
  }
  return undefined;
}

/** Latches, flip-flops and written memories of one module (as written, before flattening). */
export function stateProblems(mod: YosysModuleJson, file: string): string[] {
  const out: string[] = [];
  for (const cell of Object.values(mod.cells)) {
    const where = srcLine(cell.attributes?.src, file);
    const at = where ? ` (${where})` : '';
    if (STATE_CELL.test(cell.type)) {
      const q = cell.connections?.Q ?? [];
      const sig = signalOn(mod, q);
      const what = LATCH_CELL.test(cell.type) ? 'a latch' : 'a flip-flop';
      const why = LATCH_CELL.test(cell.type) ? ' (an `always @*` that does not assign it on every path)' : '';
      out.push(`${what} on ${sig ? `'${sig}'` : 'a signal'}${at}${why}`);
    } else if (MEMORY_WRITE.test(cell.type) || (cell.type.startsWith('$mem') && parseInt(cell.parameters?.WR_PORTS ?? '0', 2) > 0)) {
      out.push(`a memory that is written${at}`);
    }
  }
  return out;
}

/** Comments, strings and escaped identifiers blanked out (same length, newlines kept). */
function codeOnly(verilog: string): string {
  return verilog.replace(/\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|"(?:[^"\\\n]|\\.)*"?|\\\S+/g, (s) => s.replace(/[^\n]/g, ' '));
}

/** `initial` blocks by module: module name → line numbers. */
export function initialBlocks(verilog: string): Map<string, number[]> {
  const code = codeOnly(verilog);
  const out = new Map<string, number[]>();
  // Module names as Yosys reports them (an escaped name without its backslash).
  const starts: { at: number; name: string }[] = [];
  const head = /\b(?:module|macromodule)\s+(\\\S+|[A-Za-z_][A-Za-z0-9_$]*)/g;
  for (let m = head.exec(code); m; m = head.exec(code)) starts.push({ at: m.index, name: m[1]!.replace(/^\\/, '') });
  // Escaped module names were blanked above: read them back from the source.
  for (const s of starts) {
    const m = /^(?:module|macromodule)\s+(\\\S+|[A-Za-z_][A-Za-z0-9_$]*)/.exec(verilog.slice(s.at));
    if (m) s.name = m[1]!.replace(/^\\/, '');
  }
  const init = /\binitial\b/g;
  for (let m = init.exec(code); m; m = init.exec(code)) {
    const mod = starts.filter((s) => s.at < m!.index).pop()?.name ?? '';
    const line = code.slice(0, m.index).split('\n').length;
    out.set(mod, [...(out.get(mod) ?? []), line]);
  }
  return out;
}

/** `\p [3]` / `$not$design.v:3$3_Y [0]` / `\p` → readable name and bit. */
function readSignal(text: string): { name: string; bit?: number; internal: boolean } {
  const m = /^(\S+?)(?:\s+\[(\d+)\])?$/.exec(text.trim());
  const raw = m ? m[1]! : text.trim();
  const bit = m?.[2] !== undefined ? Number(m[2]) : undefined;
  if (raw.startsWith('\\')) return { name: raw.slice(1), ...(bit !== undefined ? { bit } : {}), internal: false };
  return { name: raw, ...(bit !== undefined ? { bit } : {}), internal: true };
}

/** The lines of `log` that belong to module `top` (from `Checking module top...` to the next module). */
function topSection(log: string, top: string): string[] {
  const lines = log.split('\n');
  const out: string[] = [];
  let inTop = false;
  for (const l of lines) {
    const m = /^Checking module (.*)\.\.\.$/.exec(l.trim());
    if (m) { inTop = m[1] === top || m[1] === `\\${top}`; continue; }
    if (/^Found and reported/.test(l)) inTop = false;
    if (inTop) out.push(l);
  }
  return out;
}

/** Group `name[bit]` findings: `'p' (bits 0–3)`, `'q'`. */
function groupBits(found: { name: string; bit?: number }[]): string[] {
  const by = new Map<string, number[]>();
  for (const f of found) by.set(f.name, [...(by.get(f.name) ?? []), ...(f.bit !== undefined ? [f.bit] : [])]);
  return [...by].map(([name, bits]) => {
    const u = [...new Set(bits)].sort((a, b) => a - b);
    if (u.length === 0) return `'${name}'`;
    return u.length === 1 ? `'${name}[${u[0]}]'` : `'${name}' (bits ${u.join(', ')})`;
  });
}

/** A line number in an internal Yosys name (`$not$design.v:3$3`) or a `source: design.v:3.1-3.9`. */
function linesIn(text: string, yosysFile: string): number[] {
  const out: number[] = [];
  const esc = yosysFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`${esc}:(\\d+)`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(Number(m[1]));
  return [...new Set(out)].sort((a, b) => a - b);
}

const linesText = (file: string, lines: number[]) => (lines.length === 0 ? '' : ` (${file}:${lines.join(', ')})`);

/** Problems `check` found in `top` (drivers.log: drivers, undriven signals, init values). */
export function driverProblems(log: string, top: string, file: string, yosysFile: string): string[] {
  const lines = topSection(log, top);
  const multi: { name: string; bit?: number }[] = [];
  const multiLines: number[] = [];
  const undriven: { name: string; bit?: number }[] = [];
  const other: string[] = [];
  let constant = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    let m: RegExpExecArray | null;
    if ((m = /^Warning: multiple conflicting drivers for [^.]*?\.(.*):$/.exec(l))) {
      const s = readSignal(m[1]!);
      multi.push(s.internal ? { name: `an unnamed signal${linesText(file, linesIn(s.name, yosysFile))}` } : s);
      for (let j = i + 1; j < lines.length && /^\s/.test(lines[j]!); j++) multiLines.push(...linesIn(lines[j]!, yosysFile));
    } else if ((m = /^Warning: Wire [^.]*?\.(.*) is used but has no driver\.$/.exec(l))) {
      const s = readSignal(m[1]!);
      if (!s.internal) undriven.push(s);
    } else if (/^Warning: Drivers conflicting with a constant/.test(l)) {
      constant = true;
    } else if (/^Warning:/.test(l) && !/logic loop/.test(l)) {
      other.push(l.replace(/^Warning:\s*/, '').replaceAll(yosysFile, file));
    }
  }
  const out: string[] = [];
  for (const g of groupBits(multi)) out.push(`${g} has more than one driver${linesText(file, [...new Set(multiLines)].sort((a, b) => a - b))}`);
  if (multi.length === 0 && constant) out.push('a signal is driven both by a constant and by logic');
  for (const g of groupBits(undriven)) out.push(`${g} is used but has no driver`);
  out.push(...other);
  return out;
}

/** Combinational loops `check` found in `top` (loops.log). */
export function loopProblems(log: string, top: string, file: string, yosysFile: string): string[] {
  const lines = topSection(log, top);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^Warning: found logic loop/.test(lines[i]!.trim())) continue;
    const wires: { name: string; bit?: number }[] = [];
    const at: number[] = [];
    for (let j = i + 1; j < lines.length && /^\s/.test(lines[j]!); j++) {
      const w = /^\s+wire (\S+(?: \[\d+\])?)/.exec(lines[j]!);
      if (w) { const s = readSignal(w[1]!); if (!s.internal) wires.push(s); }
      at.push(...linesIn(lines[j]!, yosysFile));
    }
    const through = groupBits(wires);
    out.push(`a combinational loop${through.length ? ` through ${through.join(', ')}` : ''}${linesText(file, [...new Set(at)].sort((a, b) => a - b))}`);
  }
  return out;
}
