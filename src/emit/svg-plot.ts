// Small SVG line and bar plots for the HTML report (emit/html-report.ts). Stage: emit.
//
// Why our own and not a chart library: the report must open with no network, so whatever draws it is
// inlined into every page. The plots here are three kinds of lines over one or two axes (linear or log
// 10) — a few dozen lines of SVG text, no script to run in the browser, and every line is one <path> a
// test can count (the caller puts `data-…` attributes on it). A charting library would add hundreds of
// kilobytes of script to each report for the same picture.

/** One line of a plot: points (x, y), drawn in order; non-finite or (on a log axis) non-positive points are skipped. */
export interface PlotSeries {
  points: readonly (readonly [number, number])[];
  color: string;
  /** Attributes of the line's <path>, e.g. { 'data-restart': '3' } (values are escaped). */
  attrs?: Readonly<Record<string, string>>;
  /** Tooltip of the line. */
  title?: string;
  /** Draw as steps (the value holds until the next point), e.g. a best-so-far. */
  step?: boolean;
  dashed?: boolean;
  /** Also mark each point with a dot. */
  dots?: boolean;
}

export interface AxisOptions {
  label: string;
  log?: boolean;
  /** Fixed range; by default the data's (a log axis to whole powers of ten). */
  min?: number;
  max?: number;
  /** Whole-number ticks only (counts). */
  integer?: boolean;
}

export interface PlotOptions {
  x: AxisOptions;
  y: AxisOptions;
  width?: number;
  height?: number;
  /** Attributes of the <svg> element (e.g. data-plot="gap"). */
  attrs?: Readonly<Record<string, string>>;
  /** Legend entries drawn at the top right. */
  legend?: readonly { label: string; color: string; dashed?: boolean }[];
}

const MARGIN = { left: 62, right: 30, top: 14, bottom: 44 };

/** Text and attribute values escaped for HTML and SVG. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function attrText(attrs: Readonly<Record<string, string>> | undefined): string {
  return attrs ? Object.entries(attrs).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('') : '';
}

/** A short number for a tick label: 1e-3, 0.25, 1,000, 1e6. */
export function tickLabel(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-2) return v.toExponential(0).replace('e+', 'e');
  return Number(v.toPrecision(3)).toLocaleString('en-US');
}

/** A map from data to pixels along one axis, with its ticks. */
interface Scale { at: (v: number) => number; ticks: number[]; ok: (v: number) => boolean }

function scale(axis: AxisOptions, values: number[], from: number, to: number): Scale {
  const ok = (v: number) => Number.isFinite(v) && (!axis.log || v > 0);
  const good = values.filter(ok);
  let lo = axis.min ?? (good.length ? Math.min(...good) : axis.log ? 1 : 0);
  let hi = axis.max ?? (good.length ? Math.max(...good) : lo + 1);
  if (axis.log) {
    lo = axis.min ?? 10 ** Math.floor(Math.log10(lo));
    hi = axis.max ?? 10 ** Math.ceil(Math.log10(hi));
    if (hi <= lo) hi = lo * 10;
    const l0 = Math.log10(lo);
    const span = Math.log10(hi) - l0;
    const ticks: number[] = [];
    for (let e = Math.ceil(l0); e <= Math.log10(hi) + 1e-9; e++) ticks.push(10 ** e);
    return { at: (v) => from + ((Math.log10(v) - l0) / span) * (to - from), ticks, ok };
  }
  if (hi <= lo) hi = lo + 1;
  const raw = (hi - lo) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const step = axis.integer ? Math.max(1, Math.round(nice)) : nice;
  if (axis.min === undefined) lo = Math.floor(lo / step) * step;
  if (axis.max === undefined) hi = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return { at: (v) => from + ((v - lo) / (hi - lo)) * (to - from), ticks, ok };
}

/** The path data of one series (a new sub-path after every skipped point). */
function pathData(s: PlotSeries, sx: Scale, sy: Scale): string {
  let d = '';
  let pen = false;
  for (const [x, y] of s.points) {
    if (!sx.ok(x) || !sy.ok(y)) {
      pen = false;
      continue;
    }
    const px = sx.at(x).toFixed(1);
    const py = sy.at(y).toFixed(1);
    if (pen && s.step) d += `H${px}V${py}`;
    else d += `${pen ? 'L' : 'M'}${px} ${py}`;
    pen = true;
  }
  return d;
}

function axes(opts: PlotOptions, sx: Scale, sy: Scale, w: number, h: number): string {
  const { left, right, top, bottom } = MARGIN;
  const parts: string[] = [`<rect x="${left}" y="${top}" width="${w - left - right}" height="${h - top - bottom}" class="plot-area"/>`];
  for (const t of sx.ticks) {
    const x = sx.at(t).toFixed(1);
    parts.push(`<line x1="${x}" x2="${x}" y1="${top}" y2="${h - bottom}" class="grid"/>`,
      `<text x="${x}" y="${h - bottom + 16}" text-anchor="middle">${escapeXml(tickLabel(t))}</text>`);
  }
  for (const t of sy.ticks) {
    const y = sy.at(t).toFixed(1);
    parts.push(`<line x1="${left}" x2="${w - right}" y1="${y}" y2="${y}" class="grid"/>`,
      `<text x="${left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeXml(tickLabel(t))}</text>`);
  }
  parts.push(`<text x="${(left + w - right) / 2}" y="${h - 8}" text-anchor="middle" class="axis-label">${escapeXml(opts.x.label)}</text>`,
    `<text transform="translate(14 ${(top + h - bottom) / 2}) rotate(-90)" text-anchor="middle" class="axis-label">${escapeXml(opts.y.label)}</text>`);
  return parts.join('');
}

function legend(opts: PlotOptions, w: number): string {
  return (opts.legend ?? []).map((e, i) => {
    const y = MARGIN.top + 12 + 16 * i;
    const x = w - MARGIN.right - 150;
    return `<line x1="${x}" x2="${x + 22}" y1="${y}" y2="${y}" stroke="${escapeXml(e.color)}" stroke-width="2"${e.dashed ? ' stroke-dasharray="5 3"' : ''}/>`
      + `<text x="${x + 28}" y="${y}" dominant-baseline="middle">${escapeXml(e.label)}</text>`;
  }).join('');
}

/** A line plot: one <path class="series"> per series, with the series' attributes. */
export function linePlot(series: readonly PlotSeries[], opts: PlotOptions): string {
  const w = opts.width ?? 640;
  const h = opts.height ?? 300;
  const sx = scale(opts.x, series.flatMap((s) => s.points.map((p) => p[0])), MARGIN.left, w - MARGIN.right);
  const sy = scale(opts.y, series.flatMap((s) => s.points.map((p) => p[1])), h - MARGIN.bottom, MARGIN.top);
  const lines = series.map((s) => {
    const dots = s.dots ? s.points.filter(([x, y]) => sx.ok(x) && sy.ok(y))
      .map(([x, y]) => `<circle cx="${sx.at(x).toFixed(1)}" cy="${sy.at(y).toFixed(1)}" r="3" fill="${escapeXml(s.color)}"/>`).join('') : '';
    return `<path class="series" d="${pathData(s, sx, sy)}" stroke="${escapeXml(s.color)}"${s.dashed ? ' stroke-dasharray="5 3"' : ''}${attrText(s.attrs)}>`
      + `${s.title ? `<title>${escapeXml(s.title)}</title>` : ''}</path>${dots}`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" class="plot" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}"${attrText(opts.attrs)}>`
    + `${axes(opts, sx, sy, w, h)}${lines.join('')}${legend(opts, w)}</svg>`;
}

/** A stacked bar chart: one bar per category (x), one coloured segment per layer. */
export function stackedBars(categories: readonly string[], layers: readonly { label: string; color: string; values: readonly number[] }[],
  opts: Omit<PlotOptions, 'x' | 'y'> & { xLabel: string; yLabel: string }): string {
  const w = opts.width ?? 640;
  const h = opts.height ?? 240;
  const totals = categories.map((_, i) => layers.reduce((s, l) => s + (l.values[i] ?? 0), 0));
  const sy = scale({ label: opts.yLabel, min: 0, integer: true }, [0, ...totals], h - MARGIN.bottom, MARGIN.top);
  const band = (w - MARGIN.left - MARGIN.right) / Math.max(1, categories.length);
  const parts: string[] = [];
  categories.forEach((c, i) => {
    let base = 0;
    const x = MARGIN.left + i * band + band * 0.15;
    for (const l of layers) {
      const v = l.values[i] ?? 0;
      if (v > 0) {
        const y1 = sy.at(base + v);
        parts.push(`<rect x="${x.toFixed(1)}" y="${y1.toFixed(1)}" width="${(band * 0.7).toFixed(1)}" height="${(sy.at(base) - y1).toFixed(1)}" fill="${escapeXml(l.color)}">`
          + `<title>${escapeXml(`${c}: ${v} ${l.label}`)}</title></rect>`);
      }
      base += v;
    }
    parts.push(`<text x="${(x + band * 0.35).toFixed(1)}" y="${h - MARGIN.bottom + 16}" text-anchor="middle">${escapeXml(c)}</text>`);
  });
  const noX: Scale = { at: () => 0, ticks: [], ok: () => true };
  return `<svg xmlns="http://www.w3.org/2000/svg" class="plot" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}"${attrText(opts.attrs)}>`
    + `${axes({ x: { label: opts.xLabel }, y: { label: opts.yLabel } }, noX, sy, w, h)}${parts.join('')}`
    + `${legend({ ...opts, x: { label: '' }, y: { label: '' }, legend: layers.map((l) => ({ label: l.label, color: l.color })) }, w)}</svg>`;
}
