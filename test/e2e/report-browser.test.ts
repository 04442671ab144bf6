// The page checks run inside the browser: they are typed against the DOM.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Opens the HTML report in a real headless Chromium (Debian's package, installed by
 * .ci/install-tools.sh (npm run test:tools)) and checks that the charts rendered: SVG charts with bars, no
 * console errors, no failed or outgoing requests. Saves test-artifacts/report.png.
 * In CI (CI=true) a missing browser is a failure, never a skip.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { formatIsoDay, parseIsoDay } from '../../src/domain/dates.js';
import { readCsv } from '../support/cli.js';
import { memoryContext } from '../support/memory-context.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve('test-artifacts');
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && !inCi) {
  console.warn(`report-browser: ${CHROMIUM} is missing, browser test skipped (run npm run test:tools)`);
}

/** Headless Chromium with the flags that keep it off the network and out of a desktop profile. */
const BROWSER_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// One browser for the file; every page is opened in a context of its own (a fresh profile:
// no state from another page or from a desktop browser), and every page is rendered once and
// checked at both widths.
let browser: Browser | undefined;
let dir: string;
const rendered = new Map<string, Promise<string>>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'winback-browser-'));
});
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

async function openBrowser(): Promise<Browser> {
  expect(existsSync(CHROMIUM), `${CHROMIUM} must exist in CI: .ci/install-tools.sh (npm run test:tools) installs it`).toBe(true);
  if (browser === undefined) {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
  }
  return browser;
}

/** Runs the CLI in-process and expects it to succeed; gives its standard output. */
async function run(args: string[]): Promise<string> {
  const m = memoryContext();
  expect(await main(args, m.ctx), m.stderr()).toBe(0);
  return m.stdout();
}

/** The page `name` as `make` renders it into `html`, made once for the file; gives `html`'s path. */
function renderOnce(name: string, make: (html: string) => Promise<unknown>): Promise<string> {
  let made = rendered.get(name);
  if (made === undefined) {
    const html = join(dir, `${name}.html`);
    made = make(html).then(() => html);
    rendered.set(name, made);
  }
  return made;
}

/** The report of the shipped fixture in `lang`, and what its --json said of it. */
const reportJson: Partial<Record<'en' | 'de', { top: unknown[]; reasons: unknown[] }>> = {};
function reportPage(lang: 'en' | 'de'): Promise<string> {
  return renderOnce(`report-${lang}`, async (html) => {
    const fixture = lang === 'de' ? 'fixtures/lost-customers-de.csv' : 'fixtures/lost-customers-en.csv';
    reportJson[lang] = JSON.parse(await run(['report', fixture, '--as-of', '2026-11-23', '--lang', lang, '--html', html, '--json'])) as { top: unknown[]; reasons: unknown[] };
  });
}

describe.runIf(haveBrowser || inCi)('HTML report in headless Chromium', () => {
  it.each(['en', 'de'] as const)('renders every chart with bars and no errors (%s)', async (lang) => {
    const html = await reportPage(lang);
    const report = reportJson[lang] as { top: unknown[]; reasons: unknown[] };
    const context = await (await openBrowser()).newContext({ viewport: { width: 960, height: 1200 } });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      const failed: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      page.on('request', (req) => requests.push(req.url()));
      page.on('requestfailed', (req) => failed.push(`${req.url()}: ${req.failure()?.errorText ?? ''}`));
      const url = pathToFileURL(html).href;
      await page.goto(url, { waitUntil: 'load' });

      expect(await page.title()).toContain(lang === 'de' ? '23.11.2026' : '2026-11-23');
      for (const id of ['chart-funnel', 'chart-pareto', 'chart-value', 'chart-calendar', 'chart-distribution', 'chart-paths', 'chart-phases']) {
        const chart = page.locator(`svg#${id}`);
        expect(await chart.count(), id).toBe(1);
        expect(await chart.locator('rect.bar').count(), `${id} bars`).toBeGreaterThan(0);
        const box = await chart.boundingBox();
        expect(box?.width ?? 0, `${id} width`).toBeGreaterThan(300);
        expect(await chart.getAttribute('role')).toBe('img');
        expect((await chart.locator('title').first().textContent())?.length ?? 0).toBeGreaterThan(3);
      }
      expect(await page.locator('svg#chart-pareto rect.bar').count()).toBe(report.reasons.length);
      expect(await page.locator('svg#chart-pareto polyline.line').count()).toBe(1);
      expect(await page.locator('#top tbody tr').count()).toBe(report.top.length);
      expect(await page.locator('script').count()).toBe(0);
      expect(errors).toEqual([]);
      expect(failed).toEqual([]);
      expect(requests).toEqual([url]);

      await mkdir(ARTIFACTS, { recursive: true });
      const shot = join(ARTIFACTS, lang === 'en' ? 'report.png' : 'report-de.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect((await readFile(shot)).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await context.close();
    }
  });

  // Layout through element geometry, text sizes through the SVG's own transform, and an axe-core run.
  it.each([['en', 400], ['en', 1400], ['de', 400], ['de', 1400]] as const)('fits %s at %i px: no horizontal overflow, chart text >= 10 px, no axe violations', async (lang, width) => {
    const layout = await checkPage(await reportPage(lang), width, `report-${lang}`);
    // Five tiles: one row on a wide screen, wrapped on a narrow one.
    if (width === 400) expect(layout.tileRows).toBeGreaterThan(1);
    else expect(layout.tileRows).toBe(1);
  });
});

/** The clv pictures page and the results page in English and German, and a report with results and changes: no overflow, chart text >= 10 px, no axe violations. */
describe.runIf(haveBrowser || inCi)('more pages in headless Chromium: clv --html, results --html, report with results and changes', () => {
  it.each([['en', 400], ['en', 1400], ['de', 400], ['de', 1400]] as const)('clv --html (%s) at %i px', async (lang, width) => {
    const html = await renderOnce(`clv-${lang}`, (file) => run(['clv', `fixtures/transactions-${lang}.csv`, '--out', join(dir, `clv-${lang}`), '--calibration-end', '2026-05-31', '--holdout-end', '2026-11-23', '--html', file, '--quiet', '--lang', lang]));
    const layout = await checkPage(html, width, lang === 'en' ? 'clv' : 'clv-de');
    expect(layout.charts).toBe(4);
    expect(layout.lang).toBe(lang);
  });

  it.each([['en', 400], ['en', 1400], ['de', 400], ['de', 1400]] as const)('results --html (%s) at %i px, with returns in both groups', async (lang, width) => {
    const html = await renderOnce(`results-${lang}`, async (file) => {
      const ledger = join(dir, `results-ledger-${lang}.csv`);
      await run(['campaign', `fixtures/lost-customers-${lang}.csv`, '--out', join(dir, `results-week-${lang}`), '--as-of', '2026-11-23', '--ledger', ledger, '--holdout', '20%', '--quiet']);
      const outcomes = writeOutcomesFor(ledger, join(dir, `results-outcomes-${lang}.csv`));
      const total = (JSON.parse(await run(['results', '--ledger', ledger, '--outcomes', outcomes, '--as-of', '2027-06-01', '--lang', lang, '--html', file, '--json'])) as { total: { contacted: { regained: number }; control: { regained: number }; lift: { difference: number } } }).total;
      // The page is exercised with returns: regained customers on both sides and a lift above zero.
      expect(total.contacted.regained).toBeGreaterThan(5);
      expect(total.control.regained).toBeGreaterThan(0);
      expect(total.lift.difference).toBeGreaterThan(0);
    });
    const layout = await checkPage(html, width, `results-${lang}`);
    expect(layout.lang).toBe(lang);
    expect(layout.charts).toBe(1);
    // Bars of the lift chart with a length, the segment table with returns, the serial defectors listed.
    expect(layout.liftBars.some((w) => w > 2), `lift bars ${layout.liftBars.join(', ')} px`).toBe(true);
    expect(layout.regainedCells.some((v) => v > 0), `regained per segment ${layout.regainedCells.join(', ')}`).toBe(true);
    expect(layout.serialRows).toBeGreaterThan(0);
  });

  it.each([400, 1400])('report with results and the change since the last run at %i px (de)', async (width) => {
    const html = await renderOnce('bericht', async (file) => {
      const ledger = join(dir, 'ledger.csv');
      await run(['campaign', 'fixtures/lost-customers-de.csv', '--out', join(dir, 'woche'), '--as-of', '2026-11-23', '--ledger', ledger, '--holdout', '20%', '--quiet']);
      await run(['plan', 'fixtures/lost-customers-de.csv', '--out', join(dir, 'plan'), '--as-of', '2026-11-23', '--quiet']);
      const outcomes = writeOutcomesFor(ledger, join(dir, 'outcomes.csv'));
      const results = (JSON.parse(await run(['report', 'fixtures/lost-customers-de.csv', '--as-of', '2027-06-01', '--lang', 'de', '--ledger', ledger, '--outcomes', outcomes, '--previous', join(dir, 'plan'), '--html', file, '--json'])) as { results?: { total: { contacted: { regained: number }; lift: { difference: number } } } }).results;
      expect(results?.total.contacted.regained).toBeGreaterThan(5);
      expect(results?.total.lift.difference).toBeGreaterThan(0);
    });
    const text = await readFile(html, 'utf8');
    expect(text).toContain('<section id="results">');
    expect(text).toContain('<section id="changes">');
    await checkPage(html, width, 'report-results-de');
  });
});

/**
 * Writes returns for the customers of a campaign ledger (deterministic, from the ledger alone):
 * every second contacted customer and every fourth held-out one comes back 10 to 39 days after
 * their campaign date, with revenue and margin; every third returner leaves again 30 days later.
 * The fixture outcomes-en.csv belongs to the whole export, not to one week's campaign, so
 * almost none of its customers are in such a ledger.
 */
function writeOutcomesFor(ledger: string, file: string): string {
  const entries = readCsv(ledger);
  const lines = ['Customer ID,Return Date,Revenue Since Return,Margin Since Return,Cancelled Again'];
  const seen = new Set<string>();
  let contacted = 0;
  let control = 0;
  for (const e of entries) {
    const id = e.customer_id as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const k = e.outcome === 'control' ? control++ : contacted++;
    if (k % (e.outcome === 'control' ? 4 : 2) !== 0) continue;
    const day = parseIsoDay(e.campaign_date as string) as number;
    const returned = day + 10 + (seen.size % 30);
    const again = lines.length % 3 === 0 ? formatIsoDay(returned + 30) : '';
    lines.push(`${id},${formatIsoDay(returned)},${(400 + 37 * seen.size).toFixed(2)},${(120 + 11 * seen.size).toFixed(2)},${again}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/**
 * Opens `html` in headless Chromium at `width` px and checks it through element geometry: no
 * sideways overflow outside a scroll box, scroll boxes and figures within the view, chart text
 * of 10 px at least (through the SVG's own transform), and no axe-core violations (WCAG 2.1 A/AA).
 * Saves a screenshot as test-artifacts/NAME-WIDTH.png and returns what it measured.
 * Each page in a fresh browser context of the file's one browser.
 */
async function checkPage(html: string, width: number, name: string) {
  // bypassCSP lets the test inject axe-core; the pages themselves run no script.
  const context = await (await openBrowser()).newContext({ viewport: { width, height: 900 }, bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    const layout = await page.evaluate(() => {
      const view = document.documentElement.clientWidth;
      const scrolls = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
      const insideScrollBox = (el: Element) => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (scrolls(a)) return true;
        return false;
      };
      const sticking = [...document.body.querySelectorAll('*')]
        .filter((el) => !insideScrollBox(el))
        .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > view + 0.5 || r.left < -0.5); })
        .map((el) => `${el.tagName.toLowerCase()}#${el.id}.${el.className}`);
      const boxes = [...document.querySelectorAll('.scroll, .figure')].filter((el) => el.getBoundingClientRect().right > view + 0.5).map((el) => el.id || el.className);
      const small = [...document.querySelectorAll('svg text')].map((t) => {
        const ctm = (t as SVGGraphicsElement).getScreenCTM();
        const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
        return { text: t.textContent ?? '', px: parseFloat(getComputedStyle(t).fontSize) * scale };
      }).filter((x) => x.px < 9.99);
      const tileRows = new Set([...document.querySelectorAll('#money .tile')].map((t) => Math.round(t.getBoundingClientRect().top))).size;
      const charts = document.querySelectorAll('svg[role=img]').length;
      // The results page: drawn lengths of the lift bars, the segment table's regained column, serial defectors.
      const liftBars = [...document.querySelectorAll('svg#chart-lift rect.bar')].map((b) => b.getBoundingClientRect().width);
      const regainedCells = [...document.querySelectorAll('#segments-table tbody tr')].map((tr) => Number(tr.querySelectorAll('td')[3]?.textContent ?? 'NaN'));
      const serialRows = document.querySelectorAll('#serial-table tbody tr').length;
      return { scrollWidth: document.documentElement.scrollWidth, view, sticking, boxes, small: small.slice(0, 5), tileRows, charts, lang: document.documentElement.lang, liftBars, regainedCells, serialRows };
    });
    expect(layout.scrollWidth, 'page scrolls sideways').toBeLessThanOrEqual(layout.view);
    expect(layout.sticking).toEqual([]);
    expect(layout.boxes).toEqual([]);
    expect(layout.small).toEqual([]);
    axeSource ??= readFile(resolve('node_modules/axe-core/axe.min.js'), 'utf8');
    await page.addScriptTag({ content: await axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')}`);
    });
    expect(violations).toEqual([]);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
    return layout;
  } finally {
    await context.close();
  }
}

let axeSource: Promise<string> | undefined;
