// Reference ("gold") Verilog generated from a truth table, and the miter that compares a design with it on
// the care set. Stage: verify.
//
// The gold module is one `case` over the input bits x (row m = x), each arm assigning `{care, y}`; the most
// frequent `{care, y}` becomes the `default`, so only the other rows are listed. Yosys turns the case into a
// ROM (`proc`), which `memory` maps to logic before `sat`. The miter instantiates both and computes
// `ok = &(~care | ~(y ^ g))`: every cared output bit equals the design's.

import type { TruthTable } from '../ir/truth-table.js';
import type { Port } from '../ir/spec.js';
import { verilogIdent } from '../ir/verilog-names.js';
import { intervalCover, tableCovers, type Cube } from '../gates/isop.js';

export const GOLD = 'btfc_gold';
export const MITER = 'btfc_miter';
export const TT = 'btfc_tt';

/** `{care, y}` of row m as a binary string, most significant (care of the last output) first. */
function rowBits(table: TruthTable, m: number, dcAsX: boolean): string {
  let care = '';
  let y = '';
  for (let k = table.numOutputs - 1; k >= 0; k--) {
    const c = table.isCare(k, m);
    care += c ? '1' : '0';
    y += c ? String(table.value(k, m)) : dcAsX ? 'x' : '0';
  }
  return dcAsX ? y : care + y;
}

function caseBody(table: TruthTable, lhs: string, dcAsX: boolean): string[] {
  const n = table.numInputs;
  const width = dcAsX ? table.numOutputs : 2 * table.numOutputs;
  const freq = new Map<string, number>();
  const bits: string[] = new Array(table.numRows);
  for (let m = 0; m < table.numRows; m++) {
    const b = rowBits(table, m, dcAsX);
    bits[m] = b;
    freq.set(b, (freq.get(b) ?? 0) + 1);
  }
  let dflt = bits[0]!;
  for (const [b, c] of freq) if (c > freq.get(dflt)!) dflt = b;
  const out = ['  always @* begin', `    case (x)`];
  for (let m = 0; m < table.numRows; m++) {
    if (bits[m] !== dflt) out.push(`      ${n}'d${m}: ${lhs} = ${width}'b${bits[m]};`);
  }
  out.push(`      default: ${lhs} = ${width}'b${dflt};`, '    endcase', '  end');
  return out;
}

/**
 * The gold module: `module btfc_gold(input [n-1:0] x, output reg [o-1:0] y, output reg [o-1:0] care)`:
 * a case over every row, or sums of products when the table is wide or its covers are small (SOP_GOLD_*).
 */
export function goldVerilog(table: TruthTable): string {
  if (table.numInputs > FLAT_TABLE_MAX_INPUTS) return sopGoldVerilog(table).text;
  if (table.numInputs >= SOP_GOLD_MIN_INPUTS) {
    const sop = sopGoldVerilog(table);
    if (sop.cubes * SOP_GOLD_RATIO <= table.numRows) return sop.text;
  }
  const n = Math.max(1, table.numInputs);
  const o = table.numOutputs;
  return [
    `module ${GOLD} (input [${n - 1}:0] x, output reg [${o - 1}:0] y, output reg [${o - 1}:0] care);`,
    ...caseBody(table, '{care, y}', false),
    'endmodule',
    '',
  ].join('\n');
}

/** A flat truth-table module for baseline synthesis: don't-care outputs are `x` for Yosys/ABC to choose. */
export function truthTableVerilog(table: TruthTable): string {
  const n = Math.max(1, table.numInputs);
  const o = table.numOutputs;
  return [
    `module ${TT} (input [${n - 1}:0] x, output reg [${o - 1}:0] y);`,
    ...caseBody(table, 'y', true),
    'endmodule',
    '',
  ].join('\n');
}

/** Connections of a design's ports to slices of a flat bus, in port order (bit 0 first). */
function connect(ports: readonly Port[], bus: string): string[] {
  const out: string[] = [];
  let lo = 0;
  for (const p of ports) {
    const hi = lo + p.width - 1;
    out.push(`.${verilogIdent(p.name)}(${bus}[${hi === lo ? lo : `${hi}:${lo}`}])`);
    lo += p.width;
  }
  return out;
}

/** The miter over a design module `top` with the spec's ports. */
export function miterVerilog(top: string, inputs: readonly Port[], outputs: readonly Port[], table: TruthTable): string {
  const n = Math.max(1, table.numInputs);
  const o = table.numOutputs;
  return [
    `module ${MITER} (input [${n - 1}:0] x, output ok);`,
    `  wire [${o - 1}:0] y, care, g;`,
    `  ${GOLD} gold (.x(x), .y(y), .care(care));`,
    `  ${verilogIdent(top)} dut (${[...connect(inputs, 'x'), ...connect(outputs, 'g')].join(', ')});`,
    '  assign ok = &(~care | ~(y ^ g));',
    'endmodule',
    '',
  ].join('\n');
}

/**
 * Tables of more inputs than this reach Yosys as sums of products (sopVerilog) instead of a case over every
 * row: the GBFS 16-input tables read in seconds, the 17–19-input ones (add8, alu7, alu8) not within minutes.
 */
export const FLAT_TABLE_MAX_INPUTS = 16;

/** The table as Yosys + ABC should read it (module btfc_tt, ports x and y): flat, or as covers when wide. */
export function tableSourceVerilog(table: TruthTable): string {
  return table.numInputs > FLAT_TABLE_MAX_INPUTS ? sopVerilog(table) : truthTableVerilog(table);
}

/**
 * `module btfc_tt(input [n-1:0] x, output [o-1:0] y)` with each output the OR of its irredundant cover's
 * cubes (gates/isop.ts): the function in the size of its cover, don't-cares already chosen.
 */
export function sopVerilog(table: TruthTable): string {
  const n = Math.max(1, table.numInputs);
  const o = table.numOutputs;
  const lines = [`module ${TT} (input [${n - 1}:0] x, output [${o - 1}:0] y);`];
  tableCovers(table).forEach((cubes, k) => lines.push(`  assign y[${k}] = ${sumOfProducts(cubes, table.numInputs)};`));
  lines.push('endmodule', '');
  return lines.join('\n');
}

/**
 * From this many inputs, the gold module is sums of products when they have at most 1/SOP_GOLD_RATIO as
 * many cubes as the table has rows: Yosys proves the 13-input adder add6 against its 607 cubes in 4.5 s,
 * against the 8,192-row case in 31 s (and the 15-input add7's case took minutes).
 */
const SOP_GOLD_MIN_INPUTS = 10;
const SOP_GOLD_RATIO = 4;

/**
 * The gold module as sums of products: y the exact cover of each output's care ones, care the exact cover
 * of its care rows (no don't-care is chosen: the miter compares only where care is 1); with its cube count.
 */
function sopGoldVerilog(table: TruthTable): { text: string; cubes: number } {
  const n = Math.max(1, table.numInputs);
  const o = table.numOutputs;
  const lines = [`module ${GOLD} (input [${n - 1}:0] x, output [${o - 1}:0] y, output [${o - 1}:0] care);`];
  let cubes = 0;
  for (let k = 0; k < o; k++) {
    const c = table.careColumn(k);
    const ones = table.column(k).map((v, w) => v & c[w]!);
    const y = intervalCover(ones, ones, table.numInputs);
    const care = intervalCover(c, c, table.numInputs);
    cubes += y.length + care.length;
    lines.push(`  assign y[${k}] = ${sumOfProducts(y, table.numInputs)};`);
    lines.push(`  assign care[${k}] = ${sumOfProducts(care, table.numInputs)};`);
  }
  lines.push('endmodule', '');
  return { text: lines.join('\n'), cubes };
}

/** A cover as a Verilog expression over the bus x. */
function sumOfProducts(cubes: readonly Cube[], n: number): string {
  const cube = (c: Cube): string => {
    const lits: string[] = [];
    for (let j = 0; j < n; j++) {
      if ((c.pos >>> j) & 1) lits.push(`x[${j}]`);
      else if ((c.neg >>> j) & 1) lits.push(`~x[${j}]`);
    }
    return lits.length ? `(${lits.join(' & ')})` : "1'b1";
  };
  return cubes.length ? cubes.map(cube).join('\n    | ') : "1'b0";
}
