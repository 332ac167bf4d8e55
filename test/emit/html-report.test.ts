// The HTML report page from plain data (issue 13): one line per restart in each solver plot, the spec's
// text escaped, the schematic's styles kept to the schematic, nothing that needs a network. The page in a
// real browser: test/browser/report.test.ts.
import { describe, expect, it } from 'vitest';
import { renderHtmlReport, scopeSvgStyles, type HtmlReportData } from '../../src/emit/html-report.js';
import { linePlot, tickLabel } from '../../src/emit/svg-plot.js';

const curve = (n: number) => ({ iterations: [1, 2, 4, 100, n], gap: [2, 1.5, 1, 0.2, 0.009], accuracy: [0.5, 0.6, 0.7, 0.9, 1] });

const data: HtmlReportData = {
  command: 'compile', circuit: 'mul2', specFile: 'examples/mul2.spec', source: 'circuit mul2 { /* <script>alert(1)</script> */ }', version: '0.1.0',
  table: { inputs: 'a[2], b[2]', outputs: 'p[4]', inputBits: 4, outputBits: 4, rows: 16, careRows: 16, careBits: 64 },
  architectures: ['4-4-4-4'], strategy: 'rrr: 4-4-4-4 σ3', strategyNote: 'no floor',
  restarts: [0, 1, 2].map((k) => ({ restart: k, seed: 10 + k, solved: k !== 1, iterations: 300 + k, curve: curve(300 + k) })),
  gapstop: 0.01,
  gates: { counts: { and: 7, or: 1, maj: 0, not: 1, total: 9 }, aigNodes: 8, depth: 3, byLevel: [{ and: 4, or: 0, maj: 0 }, { and: 3, or: 1, maj: 0 }] },
  compare: [{ name: 'baseline: abc -g aig', aigNodes: 8, depth: 3 }],
  proof: 'exhaustive simulation PASS on 16 care rows; Yosys SAT proof PASS (300 ms)',
  times: [['solve', 400], ['prove', 300]], totalMs: 800,
  svg: '<svg xmlns="http://www.w3.org/2000/svg"><style>text { font-family: monospace; }</style><g data-gate="n5"></g></svg>',
};

describe('HTML report', () => {
  it('draws one line per restart in the gap and accuracy plots, and the gapstop apart from them', () => {
    const html = renderHtmlReport(data);
    for (const plot of ['gap', 'accuracy']) {
      const svg = html.slice(html.indexOf(`data-plot="${plot}"`));
      const body = svg.slice(0, svg.indexOf('</svg>'));
      expect(body.match(/<path class="series"[^>]*data-restart="\d+"/g)).toHaveLength(3);
    }
    expect(html.match(/data-line="gapstop"/g)).toHaveLength(1);
  });

  it('is self-contained and escapes the spec text', () => {
    const html = renderHtmlReport(data);
    expect(html).not.toMatch(/<script|<link|src=|@import/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The only URLs are SVG namespace names, which are never fetched.
    expect([...html.matchAll(/https?:\/\/[^"']+/g)].map((m) => m[0]).every((u) => u === 'http://www.w3.org/2000/svg')).toBe(true);
  });

  it("keeps the schematic's styles to the schematic", () => {
    expect(scopeSvgStyles('<svg><style>svg { fill: none; } .a, text { b: c }</style></svg>', '.schematic'))
      .toBe('<svg><style>.schematic svg { fill: none; }.schematic .a, .schematic text { b: c }</style></svg>');
    expect(renderHtmlReport(data)).toContain('<div class="schematic"><svg xmlns="http://www.w3.org/2000/svg"><style>.schematic text {');
  });

  it('says so when there is no circuit', () => {
    const { gates: _g, svg: _s, ...none } = data;
    expect(renderHtmlReport({ ...none, restarts: [] })).toContain('no circuit was written');
  });
});

describe('SVG plots', () => {
  it('skips points a log axis cannot show, starting a new sub-path after them', () => {
    const svg = linePlot([{ points: [[1, 1], [2, 0], [4, 0.5], [8, 0.25]], color: '#000', attrs: { 'data-x': 'a"b' } }],
      { x: { label: 'it', log: true }, y: { label: 'gap', log: true } });
    const d = /d="([^"]*)"/.exec(svg.slice(svg.indexOf('class="series"')))![1]!;
    expect(d.match(/M/g)).toHaveLength(2);
    expect(svg).toContain('data-x="a&quot;b"');
  });

  it('labels ticks briefly', () => {
    expect([0, 0.001, 0.25, 1000, 1e6].map(tickLabel)).toEqual(['0', '1e-3', '0.25', '1,000', '1e6']);
  });
});
