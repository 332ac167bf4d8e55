// Schematic writer: a Netlist drawn as an SVG document — input ports on the left, output ports on the
// right, one AND / OR / MAJ3 symbol per gate, inverters as bubbles where a complemented literal enters a
// gate (or, for an output bit, a bubble on the wire into the output), buses split into and joined from
// their bits with the bit numbers written beside them. Signal names are emit/names.ts's, so the picture
// reads like the Verilog: a gate is labelled with its wire's name (`n12`), a port with its name. Stage: emit.
//
// Why netlistsvg (npm; it lays out with elkjs, the Eclipse Layout Kernel compiled to JavaScript): it is
// made for exactly this — a Yosys-JSON netlist in, a schematic with real gate symbols out, drawn left to
// right in layers with orthogonal wires, bus splits and joins, and symbols taken from an SVG "skin" that we
// can write ourselves. The alternative, Yosys `show` → DOT → Graphviz compiled to WebAssembly, draws
// cells as labelled boxes with spline wires (no gate shapes, no bubbles) and would need a second large
// WebAssembly module. The skin is generated below: AND2, OR2 and MAJ3 symbols in one variant per pattern
// of inverted inputs (a bubble on each complemented fanin), an inverter bubble for complemented output
// bits, ports and constants. The layout is deterministic (ELK's layered algorithm with a fixed seed), so
// the same netlist always gives the same SVG text.
//
// For tests and the HTML report every gate is exactly one `<g data-gate="n12" data-kind="and">` element,
// every bubble one `<circle class="bubble …">`, and every port one `<g data-port="a">`.

import { match } from 'ts-pattern';
import { isGate, litNeg, litNode, type GateKind, type Lit, type Netlist } from '../ir/netlist.js';
import { InternalError } from '../util/internal-error.js';
import { signalNames } from './names.js';

export interface SchematicOptions {
  /** Label each gate with its signal name (default true). */
  gateNames?: boolean;
}

/** Pin positions of a gate symbol: y of each input, y of the output, height. Inputs enter at x = 0. */
const GEOMETRY: Record<GateKind, { ins: number[]; out: number; height: number }> = {
  and: { ins: [5, 20], out: 12.5, height: 25 },
  or: { ins: [5, 20], out: 12.5, height: 25 },
  maj: { ins: [5, 17.5, 30], out: 17.5, height: 35 },
};

/** Room left of a gate's body for an input bubble (radius 3), so every pin sits at x = 0. */
const LEAD = 6;
const WIDTH = LEAD + 30;

/** Where an input wire meets the body: OR's curved back lies right of the lead. */
const bodyEdge = (kind: GateKind, y: number): number => (kind === 'or' ? LEAD + 30 * Math.sqrt(1 - ((y - 12.5) / 25) ** 2) - 30 * Math.sqrt(0.75) : LEAD);

function gateBody(kind: GateKind): string {
  return match(kind)
    .with('and', () => `<path d="M${LEAD},0 L${LEAD},25 L${LEAD + 15},25 A15 12.5 0 0 0 ${LEAD + 15},0 Z" class="body $cell_id"/>`)
    .with('or', () => `<path d="M${LEAD},25 L${LEAD + 15},25 A15 12.5 0 0 0 ${LEAD + 15},0 L${LEAD},0" class="body $cell_id"/>`
      + `<path d="M${LEAD},0 A30 25 0 0 1 ${LEAD},25" class="$cell_id"/>`)
    .with('maj', () => `<rect x="${LEAD}" y="0" width="30" height="35" rx="3" class="body $cell_id"/>`
      + `<text x="${LEAD + 15}" y="21" class="gatetext">MAJ</text>`)
    .exhaustive();
}

/** The skin's type name of a gate whose inputs are complemented as `mask` says (bit k: input k). */
const gateType = (kind: GateKind, mask: number): string => `btfc_${kind}_${mask}`;

/** One symbol of the skin: a gate of `kind` with bubbles on the inputs set in `mask`. */
function gateSymbol(kind: GateKind, mask: number): string {
  const g = GEOMETRY[kind];
  const pins = ['A', 'B', 'C'];
  const parts = [`<g s:type="${gateType(kind, mask)}" s:width="${WIDTH}" s:height="${g.height}">`,
    `<s:alias val="${gateType(kind, mask)}"/>`,
    `<text x="${LEAD + 15}" y="-4" class="nodelabel $cell_id" s:attribute="label">g</text>`, gateBody(kind)];
  g.ins.forEach((y, k) => {
    const edge = bodyEdge(kind, y).toFixed(2);
    if (mask & (1 << k)) {
      parts.push(`<circle cx="3" cy="${y}" r="3" class="bubble $cell_id"/>`);
      if (Number(edge) > LEAD) parts.push(`<line x1="${LEAD}" x2="${edge}" y1="${y}" y2="${y}" class="$cell_id"/>`);
    } else {
      parts.push(`<line x1="0" x2="${edge}" y1="${y}" y2="${y}" class="$cell_id"/>`);
    }
    parts.push(`<g s:x="0" s:y="${y}" s:pid="${pins[k]}"/>`);
  });
  parts.push(`<g s:x="${WIDTH}" s:y="${g.out}" s:pid="Y"/>`, '</g>');
  return parts.join('\n');
}

/** Ports, the output inverter, constants and netlistsvg's bus split and join. */
const FIXED_SYMBOLS = `
<g s:type="inputExt" s:width="30" s:height="20">
  <s:alias val="$_inputExt_"/>
  <text x="15" y="-4" class="nodelabel $cell_id" s:attribute="label">input</text>
  <path d="M0,0 L0,20 L15,20 L30,10 L15,0 Z" class="port $cell_id"/>
  <g s:x="30" s:y="10" s:pid="Y"/>
</g>
<g s:type="outputExt" s:width="30" s:height="20">
  <s:alias val="$_outputExt_"/>
  <text x="15" y="-4" class="nodelabel $cell_id" s:attribute="label">output</text>
  <path d="M30,0 L30,20 L15,20 L0,10 L15,0 Z" class="port $cell_id"/>
  <g s:x="0" s:y="10" s:pid="A"/>
</g>
<g s:type="btfc_not" s:width="12" s:height="10">
  <s:alias val="btfc_not"/>
  <line x1="0" x2="3" y1="5" y2="5" class="$cell_id"/>
  <circle cx="6" cy="5" r="3" class="bubble $cell_id"/>
  <line x1="9" x2="12" y1="5" y2="5" class="$cell_id"/>
  <g s:x="0" s:y="5" s:pid="A"/>
  <g s:x="12" s:y="5" s:pid="Y"/>
</g>
<g s:type="constant" s:width="20" s:height="16">
  <s:alias val="$_constant_"/>
  <rect width="20" height="16" class="$cell_id"/>
  <text x="10" y="12" class="gatetext $cell_id" s:attribute="ref">0</text>
  <g s:x="20" s:y="8" s:pid="Y"/>
</g>
<g s:type="split" s:width="5" s:height="40">
  <rect width="5" height="40" class="splitjoinBody" s:generic="body"/>
  <s:alias val="$_split_"/>
  <g s:x="0" s:y="20" s:pid="in"/>
  <g transform="translate(5, 10)" s:x="4" s:y="10" s:pid="out0"><text x="5" y="-4">hi:lo</text></g>
  <g transform="translate(5, 30)" s:x="4" s:y="30" s:pid="out1"><text x="5" y="-4">hi:lo</text></g>
</g>
<g s:type="join" s:width="4" s:height="40">
  <rect width="5" height="40" class="splitjoinBody" s:generic="body"/>
  <s:alias val="$_join_"/>
  <g s:x="5" s:y="20" s:pid="out"/>
  <g transform="translate(0, 10)" s:x="0" s:y="10" s:pid="in0"><text x="-3" y="-4" class="inputPortLabel">hi:lo</text></g>
  <g transform="translate(0, 30)" s:x="0" s:y="30" s:pid="in1"><text x="-3" y="-4" class="inputPortLabel">hi:lo</text></g>
</g>
<g s:type="generic" s:width="30" s:height="40">
  <text x="15" y="-4" class="nodelabel $cell_id" s:attribute="ref">generic</text>
  <rect width="30" height="40" s:generic="body" class="$cell_id"/>
  <g transform="translate(30, 10)" s:x="30" s:y="10" s:pid="out0"><text x="5" y="-4">out0</text></g>
  <g transform="translate(30, 30)" s:x="30" s:y="30" s:pid="out1"><text x="5" y="-4">out1</text></g>
  <g transform="translate(0, 10)" s:x="0" s:y="10" s:pid="in0"><text x="-3" y="-4" class="inputPortLabel">in0</text></g>
  <g transform="translate(0, 30)" s:x="0" s:y="30" s:pid="in1"><text x="-3" y="-4" class="inputPortLabel">in1</text></g>
</g>`;

// Every rule is scoped to the schematic's own root, so that the SVG can be inlined in an HTML page (the
// report) without restyling the page's other text and pictures.
const STYLE = `<style>
.btfc-schematic { stroke: #000; fill: none; stroke-width: 1; }
.btfc-schematic text { fill: #000; stroke: none; font-size: 10px; font-family: "DejaVu Sans Mono", "Courier New", monospace; }
.btfc-schematic .nodelabel, .btfc-schematic .gatetext { text-anchor: middle; }
.btfc-schematic .gatetext { font-size: 9px; font-weight: bold; }
.btfc-schematic .inputPortLabel { text-anchor: end; }
.btfc-schematic .splitjoinBody { fill: #000; }
.btfc-schematic .body, .btfc-schematic .port, .btfc-schematic .bubble { fill: #fff; }
</style>`;

let skinText: string | undefined;

/** The skin: layout options (left to right, ports in the first and last layer), style, symbols. */
function skin(): string {
  if (skinText !== undefined) return skinText;
  const gates: string[] = [];
  for (const kind of ['and', 'or', 'maj'] as const) {
    for (let mask = 0; mask < 1 << GEOMETRY[kind].ins.length; mask++) gates.push(gateSymbol(kind, mask));
  }
  skinText = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="https://github.com/nturley/netlistsvg" class="btfc-schematic" width="800" height="300">
<s:properties constants="true" splitsAndJoins="true">
  <s:layoutEngine org.eclipse.elk.direction="RIGHT" org.eclipse.elk.layered.spacing.nodeNodeBetweenLayers="30"
    org.eclipse.elk.spacing.nodeNode="22" org.eclipse.elk.layered.layering.strategy="LONGEST_PATH"
    org.eclipse.elk.randomSeed="1"/>
</s:properties>
${STYLE}
${gates.join('\n')}
${FIXED_SYMBOLS}
</svg>`;
  return skinText;
}

/** Text for an SVG text node or attribute value. */
const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Bit = number | '0' | '1';
interface YosysCell {
  type: string;
  port_directions: Record<string, 'input' | 'output'>;
  connections: Record<string, Bit[]>;
  attributes: Record<string, string>;
}

/** What the SVG's elements stand for: cell key → the attributes to add to its `<g>`. */
type Marks = Map<string, string>;

const FIRST = { 'org.eclipse.elk.layered.layering.layerConstraint': 'FIRST' };
const LAST = { 'org.eclipse.elk.layered.layering.layerConstraint': 'LAST' };

/**
 * The netlist as netlistsvg's input (a Yosys JSON module): node i's signal is bit i + 2 (Yosys numbers
 * bits from 2; 0 and 1 are written as the constants '0' and '1'); ports are cells of their own so that
 * they can be pinned to the first and last layer.
 */
function yosysModule(nl: Netlist, opts: SchematicOptions): { json: unknown; marks: Marks } {
  const names = signalNames(nl);
  const cells: Record<string, YosysCell> = {};
  const marks: Marks = new Map();
  const bitOf = (l: Lit): Bit => (l < 2 ? (l === 0 ? '0' : '1') : litNode(l) + 2);
  let node = 1;
  nl.inputPorts.forEach((p, k) => {
    const bits = Array.from({ length: p.width }, () => bitOf(2 * node++));
    cells[`in${k}`] = { type: '$_inputExt_', port_directions: { Y: 'output' }, connections: { Y: bits }, attributes: { label: xmlText(p.name), ...FIRST } };
    marks.set(`in${k}`, `data-port="${xmlText(p.name)}" data-dir="input"`);
  });
  for (let i = nl.numInputs + 1; i < nl.nodes.length; i++) {
    const g = nl.nodes[i]!;
    if (!isGate(g)) continue;
    const name = names.node(i);
    let mask = 0;
    g.ins.forEach((l, k) => { if (l >= 2 && litNeg(l)) mask |= 1 << k; });
    const pins = ['A', 'B', 'C'].slice(0, g.ins.length);
    cells[name] = {
      type: gateType(g.kind, mask),
      port_directions: { ...Object.fromEntries(pins.map((p) => [p, 'input' as const])), Y: 'output' },
      connections: { ...Object.fromEntries(pins.map((p, k) => [p, [bitOf(g.ins[k]!)]])), Y: [i + 2] },
      attributes: { label: opts.gateNames === false ? '' : name },
    };
    marks.set(name, `data-gate="${name}" data-kind="${g.kind}"`);
  }
  outputCells(nl, cells, marks, bitOf);
  return { json: { modules: { [nl.name]: { ports: {}, cells, netnames: {}, attributes: { top: 1 } } } }, marks };
}

/** Output ports; a complemented output bit goes through an inverter bubble of its own. */
function outputCells(nl: Netlist, cells: Record<string, YosysCell>, marks: Marks, bitOf: (l: Lit) => Bit): void {
  let next = nl.nodes.length + 2;
  let k = 0;
  nl.outputPorts.forEach((p, pk) => {
    const bits: Bit[] = [];
    for (let b = 0; b < p.width; b++, k++) {
      const l = nl.outputs[k]!;
      if (l >= 2 && litNeg(l)) {
        const y = next++;
        cells[`not${k}`] = { type: 'btfc_not', port_directions: { A: 'input', Y: 'output' }, connections: { A: [bitOf(l)], Y: [y] }, attributes: {} };
        bits.push(y);
      } else {
        bits.push(bitOf(l));
      }
    }
    cells[`out${pk}`] = { type: '$_outputExt_', port_directions: { A: 'input' }, connections: { A: bits }, attributes: { label: xmlText(p.name), ...LAST } };
    marks.set(`out${pk}`, `data-port="${xmlText(p.name)}" data-dir="output"`);
  });
}

// netlistsvg keeps its skin and its wire names in module state, so two renders must not overlap.
let queue: Promise<unknown> = Promise.resolve();

/** The netlist as an SVG document (text). Deterministic: the same netlist gives the same text. */
export async function renderSchematic(nl: Netlist, opts: SchematicOptions = {}): Promise<string> {
  const { json, marks } = yosysModule(nl, opts);
  // Loaded on first use: elkjs is a large script, and most commands never draw ("Start-up").
  const { render } = await import('netlistsvg');
  const run = queue.then(() => render(skin(), json));
  queue = run.catch(() => undefined);
  const svg = await run;
  if (typeof svg !== 'string') throw new InternalError(`the schematic of ${nl.name} could not be laid out (netlistsvg/elkjs failed)`);
  // Mark each gate's and port's `<g>` so that a reader (a test, the HTML report) can find and count them.
  return `${svg.replace(/ id="cell_([^"]+)"/g, (all, key: string) => {
    const m = marks.get(key);
    return m === undefined ? all : `${all} ${m}`;
  })}\n`;
}
