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

      expect(await page.title()).toContain('2026-11-23');
      for (const id of ['chart-pareto', 'chart-value', 'chart-calendar', 'chart-distribution', 'chart-paths', 'chart-phases']) {
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
});
