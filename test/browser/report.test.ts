// Issue 13: the HTML report, looked at in a real browser. Debian's chromium (never a downloaded one),
// driven by playwright-core, opens the report of a compile of examples/mul2.spec and of a short discover,
// fails on any console error or page error and on any request that leaves the file (the page must be
// self-contained), checks that the plots have one line per restart of the JSON report (and one per
// strategy for discover's best size over time, and for discover's solver plots one per restart of the
// round that found its circuit), and that the schematic (emit/schematic.ts) has one symbol per gate of the
// JSON netlist; it saves a screenshot of each page under test-output/browser/.
//
// chromium must be there: `.ci/run` installs it with apt-get when /usr/bin/chromium is missing, so this
// test always runs in CI. Locally: `apt-get install -y chromium` (or set BTFC_CHROMIUM to another build).

import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runCli } from '../cli/run.js';

const CHROMIUM = process.env.BTFC_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = resolve('test-output/browser');

let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'btfc-report-'));

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`chromium is missing at ${CHROMIUM}: the HTML report must be checked in a real browser. `
      + 'Install it with `apt-get install -y chromium` (.ci/run does so), or set BTFC_CHROMIUM to its path.');
  }
  // --no-sandbox: CI runs as root in a container, where chromium's sandbox cannot start.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** Open a report; every console error, page error and request off the file is collected. */
async function open(file: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const url = pathToFileURL(file).href;
  await page.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    problems.push(`request off the page: ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(SHOTS, name);
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot: ${path}`);
}

describe('HTML report in chromium', () => {
  it('compile examples/mul2.spec: one line per restart in each solver plot, one symbol per gate', async () => {
    const [v, json, html, nl] = ['mul2.v', 'mul2.json', 'mul2.html', 'mul2.netlist.json'].map((f) => join(dir, f)) as [string, string, string, string];
    const r = await runCli(['compile', 'examples/mul2.spec', '-o', v, '--json', json, '--report', html, '--netlist-json', nl, '--baseline', '--timeout', '30']);
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { restarts: { restart: number }[]; files: string[] };
    expect(report.files).toContain(html);
    const { page, problems } = await open(html);
    const restarts = report.restarts.map((x) => String(x.restart)).sort();
    expect(restarts.length).toBeGreaterThan(0);
    for (const plot of ['gap', 'accuracy']) {
      const lines = await page.$$eval(`svg[data-plot="${plot}"] path[data-restart]`, (ps) => ps.map((p) => p.getAttribute('data-restart')!));
      expect(lines.sort(), `${plot} plot`).toEqual(restarts);
      const drawn = await page.$$eval(`svg[data-plot="${plot}"] path[data-restart]`, (ps) => ps.every((p) => (p.getAttribute('d') ?? '').startsWith('M')));
      expect(drawn, `every ${plot} line has points`).toBe(true);
    }
    const gates = (JSON.parse(readFileSync(nl, 'utf8')) as { gates: unknown[] }).gates.length;
    expect(gates).toBeGreaterThan(0);
    expect(await page.locator('.schematic svg [data-gate]').count(), 'schematic symbols').toBe(gates);
    await shoot(page, 'mul2-compile-report.png');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('discover mul --bits 2: the search table and the best size over time, one line per strategy', async () => {
    const [v, json, html] = ['d.v', 'd.json', 'd.html'].map((f) => join(dir, f)) as [string, string, string];
    const r = await runCli(['discover', 'mul', '--bits', '2', '--timeout', '6', '--workers', '1', '-o', v, '--json', json, '--report', html]);
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { search: unknown[]; strategy: string };
    const { page, problems } = await open(html);
    const strategies = await page.$$eval('svg[data-plot="best-size"] path[data-strategy]', (ps) => ps.map((p) => p.getAttribute('data-strategy')));
    expect(strategies.length).toBeGreaterThan(0);
    expect(new Set(strategies).size).toBe(strategies.length);
    expect(strategies).toContain('floor');
    // The solver plots show the round that found the circuit written, when a round of RRR did: one line per
    // restart of that round in each.
    const gap = await page.locator('svg[data-plot="gap"] path[data-restart]').count();
    expect(await page.locator('svg[data-plot="accuracy"] path[data-restart]').count()).toBe(gap);
    if (/^rrr: \d/.test(report.strategy)) expect(gap).toBeGreaterThan(0);
    // The search table: a header row and one row per candidate tried.
    expect(await page.locator('h2:text("Search") + table tr').count()).toBe(report.search.length + 1);
    await shoot(page, 'mul2-discover-report.png');
    expect(problems).toEqual([]);
    await page.close();
  });
});
