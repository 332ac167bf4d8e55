// Verilog names: the reserved words, and how a name becomes a legal identifier. Shared by the table readers
// (port names made from a file's labels), the emitters and the verification harness.

/** Verilog-2005 reserved words: not usable as port, signal or module names. */
export const VERILOG_KEYWORDS: ReadonlySet<string> = new Set((
  'always and assign automatic begin buf bufif0 bufif1 case casex casez cell cmos config deassign default ' +
  'defparam design disable edge else end endcase endconfig endfunction endgenerate endmodule endprimitive ' +
  'endspecify endtable endtask event for force forever fork function generate genvar highz0 highz1 if ' +
  'ifnone incdir include initial inout input instance integer join large liblist library localparam ' +
  'macromodule medium module nand negedge nmos nor noshowcancelled not notif0 notif1 or output parameter ' +
  'pmos posedge primitive pull0 pull1 pulldown pullup pulsestyle_ondetect pulsestyle_onevent rcmos real ' +
  'realtime reg release repeat rnmos rpmos rtran rtranif0 rtranif1 scalared showcancelled signed small ' +
  'specify specparam strong0 strong1 supply0 supply1 table task time tran tranif0 tranif1 tri tri0 tri1 ' +
  'triand trior trireg unsigned use uwire vectored wait wand weak0 weak1 while wire wor xnor xor'
).split(' '));

/** A Verilog simple identifier that is not a keyword (`$` allowed after the first character). */
export function isVerilogIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_$]*$/.test(name) && !VERILOG_KEYWORDS.has(name);
}

/**
 * A plain identifier: letters, digits and '_' only, not starting with a digit, not a keyword — what port
 * names read from table files are kept as (legal in Verilog, BLIF and JSON alike).
 */
export function isPlainIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !VERILOG_KEYWORDS.has(name);
}

/** A Verilog identifier for a name: itself when legal, else an escaped identifier (`\name `). */
export function verilogIdent(name: string): string {
  return isVerilogIdentifier(name) ? name : `\\${name} `;
}

/**
 * A plain identifier made from `raw`: characters other than letters, digits and '_' become '_', a leading
 * digit gets a '_' prefix, a keyword gets a '_' suffix.
 */
export function sanitizeIdentifier(raw: string): string {
  let s = raw.replace(/[^A-Za-z0-9_]/g, '_');
  if (s === '') s = '_';
  if (!/^[A-Za-z_]/.test(s)) s = `_${s}`;
  if (VERILOG_KEYWORDS.has(s)) s = `${s}_`;
  return s;
}
