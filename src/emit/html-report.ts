// The HTML report of `btfc compile --report` and `btfc discover --report`: one self-contained page (styles
// and pictures inline, no script, nothing fetched) from plain data, assembled by flow/report.ts. Stage: emit.
//
// Sections: the spec (source, table size and care count), the architectures tried, the solver's curves
// (gap and training accuracy per restart over log-scale iterations), discover's search table and its best
// circuit size over time by strategy, the schematic (an SVG made elsewhere, passed in as text), the
// circuit's gates by kind and by depth beside the floor and the baseline, the proof, and the time per stage.

import type { GateCounts } from '../ir/netlist.js';
import { escapeXml as esc, linePlot, stackedBars, type PlotSeries } from './svg-plot.js';

/** One restart's curve, as rrr/restart.ts records it. */
export interface HtmlRestart {
  restart: number;
  seed: number;
  solved: boolean;
  iterations: number;
  curve: { iterations: readonly number[]; gap: readonly number[]; accuracy: readonly number[] };
}

/** One row of discover's search table (discover/types.ts CandidateRow, as plain data). */
export interface HtmlSearchRow {
  architecture: string;
  block?: string;
  sigma: number;
  beta: number;
  gamma: number;
  iterations: number;
  rounds: number;
  restarts: number;
  solved: number;
  bestAig: number | null;
  bestDepth: number | null;
  timeMs: number;
}

/** A point of the best circuit size over time: found by `strategy` at `timeMs` after the start. */
export interface HtmlProgressPoint { timeMs: number; aigNodes: number; strategy: string }

export interface HtmlReportData {
  command: 'compile' | 'discover';
  circuit: string;
  specFile: string;
  /** The spec's text (a table file's text; a family's generated spec); absent when it could not be read. */
  source?: string;
  version: string;
  table: { inputs: string; outputs: string; inputBits: number; outputBits: number; rows: number; careRows: number; careBits: number };
  architectures: readonly string[];
  /** Which circuit was written, and why. */
  strategy: string | null;
  strategyNote?: string;
  restarts: readonly HtmlRestart[];
  /** Which restarts these are, when not all of one solve (discover: one round's). */
  restartsCaption?: string;
  /** A restart is solved once its gap falls below this (drawn on the gap plot). */
  gapstop?: number;
  search?: readonly HtmlSearchRow[];
  progress?: readonly HtmlProgressPoint[];
  gates?: { counts: GateCounts; aigNodes: number; depth: number; byLevel: readonly { and: number; or: number; maj: number }[] };
  /** Other circuits of the same table to compare with (floor strategies, the baseline). */
  compare: readonly { name: string; aigNodes: number | null; depth?: number | null; note?: string }[];
  proof: string;
  /** Milliseconds per stage, in order, and of the whole run (stages may overlap or leave gaps). */
  times: readonly (readonly [string, number])[];
  totalMs: number;
  /** The schematic (emit/schematic.ts), an <svg> element. */
  svg?: string;
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:16px 24px;color:#1b1f24;background:#fff}
h1{font-size:22px;margin:8px 0}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #d0d7de;padding:3px 8px;text-align:right}
th{background:#f6f8fa}td.l,th.l{text-align:left}pre{background:#f6f8fa;padding:10px;overflow:auto;max-height:420px;font-size:12px}
.plot{font:11px system-ui,sans-serif;max-width:100%;height:auto}.plot text{fill:#1b1f24;stroke:none}.plot .plot-area{fill:#fff;stroke:#8c959f}
.plot .grid{stroke:#eaeef2}.plot .series{fill:none;stroke-width:1.5}.plot .axis-label{font-size:12px}
.plots{display:flex;flex-wrap:wrap;gap:12px}.schematic{overflow:auto;border:1px solid #d0d7de;padding:8px}
.schematic svg{max-width:100%;height:auto}.muted{color:#57606a}.ok{color:#1a7f37;font-weight:600}.bad{color:#cf222e;font-weight:600}`;

const ms = (x: number) => (x < 1000 ? `${x.toFixed(0)} ms` : `${(x / 1000).toFixed(2)} s`);
const count = (n: number) => Math.round(n).toLocaleString('en-US');

/** A distinct colour per line (golden-angle hues), so neighbouring restarts differ. */
const hue = (i: number) => `hsl(${Math.round((i * 137.508) % 360)} 65% 42%)`;

function tableHtml(head: readonly string[], rows: readonly (readonly string[])[], left = 1): string {
  const cell = (tag: string, s: string, i: number) => `<${tag}${i < left ? ' class="l"' : ''}>${esc(s)}</${tag}>`;
  return `<table><tr>${head.map((h, i) => cell('th', h, i)).join('')}</tr>`
    + `${rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('')}</table>`;
}

function specSection(d: HtmlReportData): string {
  const t = d.table;
  const rows: [string, string][] = [['file', d.specFile], ['inputs', `${t.inputs} (${t.inputBits} bits)`], ['outputs', `${t.outputs} (${t.outputBits} bits)`],
    ['table rows', count(t.rows)], ['care rows', count(t.careRows)], ['cared output bits', count(t.careBits)]];
  const kv = `<table>${rows.map(([k, v]) => `<tr><th class="l">${esc(k)}</th><td class="l">${esc(v)}</td></tr>`).join('')}</table>`;
  return `<h2>Spec</h2>${kv}`
    + (d.source !== undefined ? `<details open><summary>source</summary><pre>${esc(d.source)}</pre></details>` : '');
}

/** Gap (log) and training accuracy over log-scale iterations: one path per restart, `data-restart`. */
function curvesSection(d: HtmlReportData): string {
  if (!d.restarts.length) return d.command === 'compile' ? '<h2>Solver</h2><p class="muted">no restart ran</p>' : '';
  const series = (key: 'gap' | 'accuracy'): PlotSeries[] => d.restarts.map((r, i) => ({
    points: r.curve.iterations.map((it, k) => [it, r.curve[key][k]!] as const),
    color: hue(i), dashed: !r.solved,
    attrs: { 'data-restart': String(r.restart), 'data-solved': String(r.solved) },
    title: `restart ${r.restart + 1} (seed ${r.seed}): ${r.solved ? 'solved' : 'not solved'} after ${count(r.iterations)} iterations`,
  }));
  const legend = [{ label: 'solved', color: '#57606a' }, { label: 'not solved', color: '#57606a', dashed: true }];
  const last = Math.max(1, ...d.restarts.map((r) => r.iterations));
  const stop: PlotSeries[] = d.gapstop !== undefined && d.gapstop > 0
    ? [{ points: [[1, d.gapstop], [last, d.gapstop]], color: '#8c959f', dashed: true, attrs: { 'data-line': 'gapstop' }, title: `gapstop ${d.gapstop}` }] : [];
  const gap = linePlot([...stop, ...series('gap')], { x: { label: 'iteration', log: true }, y: { label: 'gap', log: true }, attrs: { 'data-plot': 'gap' }, legend });
  const acc = linePlot(series('accuracy'), { x: { label: 'iteration', log: true }, y: { label: 'training accuracy', max: 1 }, attrs: { 'data-plot': 'accuracy' } });
  const rows = d.restarts.map((r) => [String(r.restart + 1), String(r.seed), r.solved ? 'yes' : 'no', count(r.iterations),
    r.curve.gap.length ? r.curve.gap[r.curve.gap.length - 1]!.toFixed(4) : '–',
    r.curve.accuracy.length ? `${(100 * r.curve.accuracy[r.curve.accuracy.length - 1]!).toFixed(1)} %` : '–']);
  const which = d.restartsCaption ? ` Shown: ${esc(d.restartsCaption)}.` : '';
  return `<h2>Solver</h2><p>Gap and training accuracy of each restart (one line each; dashed: not solved), sampled every few iterations.${which}</p>`
    + `<div class="plots">${gap}${acc}</div>${tableHtml(['restart', 'seed', 'solved', 'iterations', 'last gap', 'last accuracy'], rows)}`;
}

/** discover: the table of candidates and the best circuit size over time, one step line per strategy. */
function searchSection(d: HtmlReportData): string {
  if (!d.search) return '';
  const rows = d.search.map((r) => [r.block ? `${r.block}: ${r.architecture}` : r.architecture, String(r.sigma), String(r.beta),
    String(Number(r.gamma.toPrecision(2))), count(r.iterations), String(r.rounds), String(r.restarts), String(r.solved),
    r.bestAig === null ? '–' : `${r.bestAig} (d ${r.bestDepth})`, ms(r.timeMs)]);
  const table = tableHtml(['architecture', 'σ', 'β', 'γ', 'iterations', 'rounds', 'restarts', 'solved', 'best AIG', 'time'], rows);
  const strategies = [...new Set((d.progress ?? []).map((p) => p.strategy))];
  // The floor dashed: where both strategies reach the same size, the floor's line shows beside RRR's.
  const series: PlotSeries[] = strategies.map((s, i) => ({
    points: (d.progress ?? []).filter((p) => p.strategy === s).map((p) => [p.timeMs / 1000, p.aigNodes] as const),
    color: s === 'floor' ? '#bc4c00' : i === 0 ? '#0969da' : hue(i + 3), step: true, dots: true, dashed: s === 'floor',
    attrs: { 'data-strategy': s }, title: s,
  }));
  const sizes = (d.progress ?? []).map((p) => p.aigNodes);
  const yRange = sizes.length ? { min: Math.max(0, Math.min(...sizes) - 2), max: Math.max(...sizes) + 2 } : {};
  const plot = series.length ? linePlot(series, { x: { label: 'seconds', min: 0 }, y: { label: 'best AIG nodes so far', integer: true, ...yRange },
    attrs: { 'data-plot': 'best-size' }, legend: strategies.map((s, i) => ({ label: s, color: series[i]!.color, dashed: s === 'floor' })) }) : '<p class="muted">no circuit found</p>';
  return `<h2>Search</h2>${table}<h3>Best circuit size over time</h3>${plot}`;
}

/**
 * An inline <svg>'s <style> rules applied to that picture only: a style element in an HTML document is
 * global, so the schematic's `svg { fill: none }` and `text { … }` would restyle every plot of the page.
 * Each selector of its (flat: no @-rules) style sheets gets `scope` in front.
 */
export function scopeSvgStyles(svg: string, scope: string): string {
  return svg.replace(/(<style[^>]*>)([\s\S]*?)(<\/style>)/g, (_m, open: string, css: string, close: string) => {
    const rules = css.replace(/([^{}]+)\{/g, (_r, sel: string) => `${sel.split(',').map((x) => `${scope} ${x.trim()}`).join(', ')} {`);
    return `${open}${rules}${close}`;
  });
}

function circuitSection(d: HtmlReportData): string {
  const sch = d.svg !== undefined ? `<div class="schematic">${scopeSvgStyles(d.svg, '.schematic')}</div>` : '<p class="muted">no schematic in this report</p>';
  if (!d.gates) return `<h2>Circuit</h2><p class="muted">no circuit was written</p>`;
  const g = d.gates;
  const ours = [`this circuit (${d.strategy ?? '–'})`, String(g.counts.and), String(g.counts.or), String(g.counts.maj), String(g.counts.not),
    String(g.counts.total), String(g.aigNodes), String(g.depth)];
  const others = d.compare.map((c) => [c.name, '', '', '', '', '', c.aigNodes === null ? '–' : String(c.aigNodes),
    c.depth === undefined || c.depth === null ? '–' : String(c.depth)]);
  const kinds = tableHtml(['circuit', 'AND', 'OR', 'MAJ3', 'NOT', 'gates', 'AIG nodes', 'AIG depth'], [ours, ...others]);
  const bars = stackedBars(g.byLevel.map((_, i) => String(i + 1)), [
    { label: 'AND', color: '#0969da', values: g.byLevel.map((l) => l.and) },
    { label: 'OR', color: '#bf8700', values: g.byLevel.map((l) => l.or) },
    { label: 'MAJ3', color: '#8250df', values: g.byLevel.map((l) => l.maj) },
  ], { xLabel: 'gate depth (levels from the inputs)', yLabel: 'gates', attrs: { 'data-plot': 'depth' } });
  const note = d.compare.length ? '<p class="muted">AIG nodes and depth as Yosys counts them; the others are synthesised from the flat table by Yosys + ABC.</p>' : '';
  return `<h2>Circuit</h2><p>strategy: <b>${esc(d.strategy ?? '–')}</b>${d.strategyNote ? ` — ${esc(d.strategyNote)}` : ''}</p>`
    + `${sch}<h3>Gates by kind</h3>${kinds}${note}<h3>Gates by depth</h3>${bars}`;
}

/** The whole page. */
export function renderHtmlReport(d: HtmlReportData): string {
  const proofClass = /PASS/.test(d.proof) ? 'ok' : /FAIL|refut/i.test(d.proof) ? 'bad' : 'muted';
  const times = tableHtml(['stage', 'time'], [...d.times.map(([k, t]) => [k, ms(t)]), ['total', ms(d.totalMs)]]);
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<title>btfc ${esc(d.command)}: ${esc(d.circuit)}</title><style>${STYLE}</style></head><body>`
    + `<h1>btfc ${esc(d.command)}: ${esc(d.circuit)}</h1><p class="muted">btfc ${esc(d.version)} · ${esc(d.specFile)}</p>`
    + `${specSection(d)}<h2>Architectures tried</h2><p>${d.architectures.map(esc).join(', ') || '–'}</p>`
    + `${curvesSection(d)}${searchSection(d)}${circuitSection(d)}`
    + `<h2>Proof</h2><p class="${proofClass}">${esc(d.proof)}</p><h2>Time per stage</h2>${times}`
    + '</body></html>\n';
}
