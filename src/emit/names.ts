// Signal names shared by the emitters: port bits by their spec names (`a[0]`, `cin`), gates `n<node>`.
// Stage: emit.

import type { Netlist } from '../ir/netlist.js';

const VERILOG_KEYWORDS = new Set(('always and assign automatic begin buf bufif0 bufif1 case casex casez cell cmos config deassign default ' +
  'defparam design disable edge else end endcase endconfig endfunction endgenerate endmodule endprimitive endspecify endtable endtask ' +
  'event for force forever fork function generate genvar highz0 highz1 if ifnone incdir include initial inout input instance integer ' +
  'join large liblist library localparam macromodule medium module nand negedge nmos nor noshowcancelled not notif0 notif1 or output ' +
  'parameter pmos posedge primitive pull0 pull1 pulldown pullup pulsestyle_onevent pulsestyle_ondetect rcmos real realtime reg release ' +
  'repeat rnmos rpmos rtran rtranif0 rtranif1 scalared showcancelled signed small specify specparam strong0 strong1 supply0 supply1 ' +
  'table task time tran tranif0 tranif1 tri tri0 tri1 triand trior trireg unsigned use uwire vectored wait wand weak0 weak1 while wire wor xnor xor').split(' '));

/** A Verilog identifier for a name: itself when legal, else an escaped identifier (`\name `). */
export function verilogIdent(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_$]*$/.test(name) && !VERILOG_KEYWORDS.has(name) ? name : `\\${name} `;
}

/** A gate-name prefix that no port name can collide with (`n`, else `n_`, `n__`, …). */
export function gatePrefix(nl: Netlist): string {
  const names = [...nl.inputPorts, ...nl.outputPorts].map((p) => p.name);
  let prefix = 'n';
  while (names.some((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)))) prefix += '_';
  return prefix;
}

export interface SignalNames {
  /** Name of node i (inputs: port bit, gates: prefix + i); constants have none. */
  node: (i: number) => string;
  /** Names of the output bits, table column order. */
  outputs: string[];
}

/** Names with bus bits written `a[0]` (BLIF, JSON) — Verilog uses its own identifiers for the port part. */
export function signalNames(nl: Netlist, bit: (port: string, index: number | undefined) => string = (p, i) => (i === undefined ? p : `${p}[${i}]`)): SignalNames {
  const inBits: string[] = [];
  for (const p of nl.inputPorts) for (let i = 0; i < p.width; i++) inBits.push(bit(p.name, p.bus ? i : undefined));
  const outputs: string[] = [];
  for (const p of nl.outputPorts) for (let i = 0; i < p.width; i++) outputs.push(bit(p.name, p.bus ? i : undefined));
  const prefix = gatePrefix(nl);
  return {
    node: (i) => {
      if (i === 0) throw new Error('internal: the constant has no signal name');
      return i <= nl.numInputs ? inBits[i - 1]! : `${prefix}${i}`;
    },
    outputs,
  };
}

