// The page checks run inside the browser: they are typed against the DOM.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Opens the HTML report in a real headless Chromium (Debian's package, installed by
 * .ci/install-tools.sh (npm run test:tools)) and checks that the charts rendered: SVG charts with bars, no
 * console errors, no failed or outgoing requests. Saves test-artifacts/report.png.
 * In CI (CI=true) a missing browser is a failure, never a skip.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryContext } from '../support/memory-context.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve('test-artifacts');
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && !inCi) {
  console.warn(`report-browser: ${CHROMIUM} is missing, browser test skipped (run npm run test:tools)`);
}

describe.runIf(haveBrowser || inCi)('HTML report in headless Chromium', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'winback-report-browser-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['en', 'de'] as const)('renders every chart with bars and no errors (%s)', async (lang) => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} must exist in CI: .ci/install-tools.sh (npm run test:tools) installs it`).toBe(true);
    const html = join(dir, `report-${lang}.html`);
    const fixture = lang === 'de' ? 'fixtures/lost-customers-de.csv' : 'fixtures/lost-customers-en.csv';
    const m = memoryContext();
    expect(await main(['report', fixture, '--as-of', '2026-11-23', '--lang', lang, '--html', html, '--json'], m.ctx), m.stderr()).toBe(0);
    const report = JSON.parse(m.stdout()) as { top: unknown[]; reasons: unknown[] };

    const { chromium } = await import('playwright-core');
    // A fresh profile per run: no state from earlier runs, nothing shared with a desktop browser.
    const browser = await chromium.launchPersistentContext(join(dir, `profile-${lang}`), {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 960, height: 1200 },
    });
    try {
      const page = await browser.newPage();
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
      await browser.close();
    }
  });

  // Layout through element geometry, text sizes through the SVG's own transform, and an axe-core run.
  it.each([['en', 400], ['en', 1400], ['de', 400], ['de', 1400]] as const)('fits %s at %i px: no horizontal overflow, chart text >= 10 px, no axe violations', async (lang, width) => {
    const html = join(dir, `layout-${lang}.html`);
    const fixture = lang === 'de' ? 'fixtures/lost-customers-de.csv' : 'fixtures/lost-customers-en.csv';
    const m = memoryContext();
    expect(await main(['report', fixture, '--as-of', '2026-11-23', '--lang', lang, '--html', html], m.ctx), m.stderr()).toBe(0);
    const layout = await checkPage(join(dir, `profile-layout-${lang}-${width}`), html, width, `report-${lang}`);
    // Five tiles: one row on a wide screen, wrapped on a narrow one.
    if (width === 400) expect(layout.tileRows).toBeGreaterThan(1);
    else expect(layout.tileRows).toBe(1);
  });
});

/** The clv pictures page and the results page in English and German, and a report with results and changes: no overflow, chart text >= 10 px, no axe violations. */
describe.runIf(haveBrowser || inCi)('more pages in headless Chromium: clv --html, results --html, report with results and changes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'winback-pages-browser-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function run(args: string[]) {
    const m = memoryContext();
    expect(await main(args, m.ctx), m.stderr()).toBe(0);
  }

  it.each([['en', 400], ['en', 1400], ['de', 400], ['de', 1400]] as const)('clv --html (%s) at %i px', async (lang, width) => {
    const html = join(dir, `clv-${lang}.html`);
    await run(['clv', `fixtures/transactions-${lang}.csv`, '--out', join(dir, `clv-${lang}`), '--calibration-end', '2026-05-31', '--holdout-end', '2026-11-23', '--html', html, '--quiet', '--lang', lang]);
    const layout = await checkPage(join(dir, `profile-clv-${lang}-${width}`), html, width, lang === 'en' ? 'clv' : 'clv-de');
    expect(layout.charts).toBe(4);
    expect(layout.lang).toBe(lang);
  });

  it.each([['en', 400], ['en', 1400], ['de', 400], ['de', 1400]] as const)('results --html (%s) at %i px', async (lang, width) => {
    const ledger = join(dir, `results-ledger-${lang}.csv`);
    await run(['campaign', `fixtures/lost-customers-${lang}.csv`, '--out', join(dir, `results-week-${lang}`), '--as-of', '2026-11-23', '--ledger', ledger, '--holdout', '20%', '--quiet']);
    const html = join(dir, `results-${lang}.html`);
    await run(['results', '--ledger', ledger, '--outcomes', 'fixtures/outcomes-en.csv', '--as-of', '2027-06-01', '--lang', lang, '--html', html, '--quiet']);
    const layout = await checkPage(join(dir, `profile-results-${lang}-${width}`), html, width, `results-${lang}`);
    expect(layout.lang).toBe(lang);
    expect(layout.charts).toBe(1);
  });

  it.each([400, 1400])('report with results and the change since the last run at %i px (de)', async (width) => {
    const ledger = join(dir, 'ledger.csv');
    await run(['campaign', 'fixtures/lost-customers-de.csv', '--out', join(dir, 'woche'), '--as-of', '2026-11-23', '--ledger', ledger, '--holdout', '20%', '--quiet']);
    await run(['plan', 'fixtures/lost-customers-de.csv', '--out', join(dir, 'plan'), '--as-of', '2026-11-23', '--quiet']);
    const html = join(dir, 'bericht.html');
    await run(['report', 'fixtures/lost-customers-de.csv', '--as-of', '2027-06-01', '--lang', 'de', '--ledger', ledger, '--outcomes', 'fixtures/outcomes-en.csv', '--previous', join(dir, 'plan'), '--html', html]);
    const page = await readFile(html, 'utf8');
    expect(page).toContain('<section id="results">');
    expect(page).toContain('<section id="changes">');
    await checkPage(join(dir, `profile-report-results-de-${width}`), html, width, 'report-results-de');
  });
});

/**
 * Opens `html` in headless Chromium at `width` px and checks it through element geometry: no
 * sideways overflow outside a scroll box, scroll boxes and figures within the view, chart text
 * of 10 px at least (through the SVG's own transform), and no axe-core violations (WCAG 2.1 A/AA).
 * Saves a screenshot as test-artifacts/NAME-WIDTH.png and returns what it measured.
 */
async function checkPage(profile: string, html: string, width: number, name: string) {
  const { chromium } = await import('playwright-core');
  // bypassCSP lets the test inject axe-core; the pages themselves run no script.
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width, height: 900 },
    bypassCSP: true,
  });
  try {
    const page = await browser.newPage();
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
      return { scrollWidth: document.documentElement.scrollWidth, view, sticking, boxes, small: small.slice(0, 5), tileRows, charts, lang: document.documentElement.lang };
    });
    expect(layout.scrollWidth, 'page scrolls sideways').toBeLessThanOrEqual(layout.view);
    expect(layout.sticking).toEqual([]);
    expect(layout.boxes).toEqual([]);
    expect(layout.small).toEqual([]);
    await page.addScriptTag({ content: await readFile(resolve('node_modules/axe-core/axe.min.js'), 'utf8') });
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
    await browser.close();
  }
}
