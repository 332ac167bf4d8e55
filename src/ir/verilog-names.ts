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

/**
 * The longest port or circuit name btfc takes. Yosys's Verilog scanner gives up on identifiers of about a
 * megabyte, and no tool downstream is better off with a name of pages: names are refused where they are
 * read, long before one would be emitted.
 */
export const MAX_NAME_LENGTH = 1024;

/**
 * Why `name` cannot be a port or module name of the emitted Verilog, or undefined when it can (as itself
 * or as an escaped identifier, which holds any printable ASCII but no white space).
 */
export function verilogNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'the name is empty';
  if (name.length > MAX_NAME_LENGTH) return `the name is ${name.length} characters long, more than the ${MAX_NAME_LENGTH} btfc takes`;
  if (!/^[\x21-\x7e]+$/.test(name)) return 'the name holds white space, a control character or a non-ASCII character';
  return undefined;
}

/** A name in a message: at most 40 characters of it, and its length when cut. */
export function shortName(name: string): string {
  return name.length <= 40 ? name : `${name.slice(0, 40)}… (${name.length} characters)`;
}

/**
 * SystemVerilog (IEEE 1800-2017) keywords that Verilog-2005 lacks: legal Verilog names, but a tool reading
 * the emitted file as SystemVerilog would choke on them, so the emitters escape them.
 */
const SYSTEMVERILOG_KEYWORDS: ReadonlySet<string> = new Set((
  'accept_on alias always_comb always_ff always_latch assert assume before bind bins binsof bit break byte ' +
  'chandle checker class clocking const constraint context continue cover covergroup coverpoint cross dist ' +
  'do endchecker endclass endclocking endgroup endinterface endpackage endprogram endproperty endsequence ' +
  'enum eventually expect export extends extern final first_match foreach forkjoin global iff ignore_bins ' +
  'illegal_bins implements implies import inside int interconnect interface intersect join_any join_none ' +
  'let local logic longint matches modport nettype new nexttime null package packed priority program ' +
  'property protected pure rand randc randcase randsequence ref reject_on restrict return s_always ' +
  's_eventually s_nexttime s_until s_until_with sequence shortint shortreal soft solve static string strong ' +
  'struct super sync_accept_on sync_reject_on tagged this throughout timeprecision timeunit type typedef ' +
  'union unique unique0 until until_with untyped var virtual void wait_order weak wildcard with within'
).split(' '));

/**
 * A Verilog identifier for a name: itself when legal (and no SystemVerilog keyword), else an escaped
 * identifier (`\name `). The name must pass verilogNameProblem (the readers refuse those that do not).
 */
export function verilogIdent(name: string): string {
  return isVerilogIdentifier(name) && !SYSTEMVERILOG_KEYWORDS.has(name) ? name : `\\${name} `;
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
