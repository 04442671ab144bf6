/**
 * clv --html through the CLI on fixtures/transactions-en.csv: the four figures are present,
 * each with a title and a text alternative, and their values agree with clv's own
 * customers.csv (cell means, customer counts, holdout means, phases by first purchase).
 * With --lang de (or config/LANG) the page is German: words, decimal commas, German dates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FREQUENCY_EDGES, RECENCY_COLUMNS, frequencyRow, recencyColumn } from '../../src/domain/clv/pictures.js';
import { cellColor, cohortLabel } from '../../src/io/clv/html.js';
import { findEnglish } from '../support/english-words.js';
import { readCsv, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const FIXTURE = 'fixtures/transactions-en.csv';

/** WCAG 2.1 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};

function svg(html: string, id: string): string {
  const m = new RegExp(`<svg[^>]*id="${id}"[\\s\\S]*?</svg>`).exec(html);
  expect(m, id).not.toBeNull();
  return (m as RegExpExecArray)[0];
}

describe('clv --html', () => {
  const dir = tempDir();

  it('draws the matrices, calibration vs holdout and the phases, with the values of customers.csv', async () => {
    const out = join(dir, 'clv');
    const html = join(dir, 'clv.html');
    const r = await runCli(['clv', FIXTURE, '--out', out, '--calibration-end', '2026-05-31', '--holdout-end', '2026-11-23', '--html', html, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(html, 'utf8');
    const rows = readCsv(join(out, 'customers.csv'));
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    for (const id of ['chart-purchases', 'chart-alive', 'chart-holdout', 'chart-phases']) {
      const chart = svg(page, id);
      expect(chart).toContain('role="img"');
      expect(chart).toMatch(new RegExp(`<title id="${id}-title">[^<]{5,}</title>`));
      expect(chart).toMatch(new RegExp(`<desc id="${id}-desc">[^<]{20,}</desc>`));
    }
    // Each cell: the mean over the customers in it, as customers.csv has them.
    const maxT = Math.max(...rows.map((x) => Number(x.T)));
    for (const [id, column] of [['chart-purchases', 'expected_purchases'], ['chart-alive', 'p_alive']] as const) {
      const cells = [...svg(page, id).matchAll(/<rect class="cell"[^>]*><title>frequency ([^,]+), recency [^:]+: ([^<]+)<\/title>/g)];
      expect(cells.length).toBe(FREQUENCY_EDGES.length * RECENCY_COLUMNS);
      const groups = new Map<string, number[]>();
      for (const x of rows) {
        const key = `${frequencyRow(Number(x.frequency))}/${recencyColumn(Number(x.recency), maxT)}`;
        groups.set(key, [...(groups.get(key) ?? []), Number(x[column])]);
      }
      let checked = 0;
      cells.forEach((m, k) => {
        const rowLabel = m[1] as string;
        const row = ['0', '1', '2', '3', '4–5', '6–9', '10+'].indexOf(rowLabel);
        const col = k % RECENCY_COLUMNS;
        const values = groups.get(`${row}/${col}`) ?? [];
        if (values.length === 0) return expect(m[2]).toBe('no customers');
        const [mean, count] = (m[2] as string).split(', ');
        expect(Number(count?.replace(' customers', ''))).toBe(values.length);
        expect(Number(mean)).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 2);
        checked++;
      });
      expect(checked).toBeGreaterThan(10);
    }
    // Calibration vs holdout: actual and predicted means per calibration frequency.
    const holdout = svg(page, 'chart-holdout');
    const seven = rows.filter((x) => Number(x.frequency) >= 7);
    const meanOf = (list: typeof rows, col: string) => list.reduce((a, x) => a + Number(x[col]), 0) / list.length;
    expect(holdout).toContain(`frequency 7+ (${seven.length} customers): actual ${meanOf(seven, 'holdout_purchases').toFixed(2)}, predicted ${meanOf(seven, 'predicted_holdout_purchases').toFixed(2)}`);
    // Phases over time: every modelled customer once, by phase.
    const desc = /<desc id="chart-phases-desc">([^<]*)<\/desc>/.exec(svg(page, 'chart-phases'))?.[1] ?? '';
    const lost = [...desc.matchAll(/lost (\d+)/g)].reduce((a, m) => a + Number(m[1]), 0);
    expect(lost).toBe(rows.filter((x) => x.phase === 'lost').length);
    const all = [...desc.matchAll(/(?:buyer|customer|defector|lost) (\d+)/g)].reduce((a, m) => a + Number(m[1]), 0);
    expect(all).toBe(rows.length);
  });

  it('says what is missing without a holdout, and cell text keeps 4.5:1 on the darkest cell', async () => {
    const html = join(dir, 'plain.html');
    const r = await runCli(['clv', FIXTURE, '--out', join(dir, 'plain'), '--html', html, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).not.toContain('id="chart-holdout"');
    expect(page).toContain('no holdout period was given');
    expect(page).toContain('id="chart-phases"');
    expect(contrast(cellColor(1), '#111827')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(cellColor(0), '#111827')).toBeGreaterThanOrEqual(4.5);
  });
  it('is German with --lang de: no English word, decimal commas, German dates, the same figures', async () => {
    const out = join(dir, 'de');
    const html = join(dir, 'kundenwert.html');
    const r = await runCli(['clv', 'fixtures/transactions-de.csv', '--out', out, '--calibration-end', '2026-06-30', '--holdout-end', '2026-11-23', '--html', html, '--quiet', '--lang', 'de']);
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<html lang="de">');
    // What a reader sees or hears: text and text alternatives (the style sheet is no text).
    const text = page.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, '\n').replace(/&amp;/g, '&');
    expect(findEnglish(text).map((l) => `${l.word}: ${l.context}`)).toEqual([]);
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(text).toContain('Ende der Kalibrierung 30.06.2026 · Ende des Prüfzeitraums 23.11.2026');
    expect(page).toContain('<title>Kundenwert — 30.06.2026</title>');
    // Cell values with a decimal comma, checked against customers.csv as in English.
    const rows = readCsv(join(out, 'customers.csv'));
    const seven = rows.filter((x) => Number(x.frequency) >= 7);
    const mean = (col: string) => (seven.reduce((a, x) => a + Number(x[col]), 0) / seven.length).toFixed(2).replace('.', ',');
    expect(svg(page, 'chart-holdout')).toContain(`Häufigkeit 7+ (${seven.length} Kunden): tatsächlich ${mean('holdout_purchases')}, vorhergesagt ${mean('predicted_holdout_purchases')}`);
    const cells = [...svg(page, 'chart-alive').matchAll(/<rect class="cell"[^>]*><title>Häufigkeit [^,]+, Aktualität [^:]+: ([^<]+)<\/title>/g)].map((m) => m[1] as string);
    expect(cells.length).toBe(FREQUENCY_EDGES.length * RECENCY_COLUMNS);
    expect(cells.filter((c) => /^\d,\d\d \(\d+ Kunden\)$/.test(c)).length).toBeGreaterThan(10);
    expect(cells.every((c) => c === 'keine Kunden' || /^\d,\d\d \(\d+ Kunden\)$/.test(c))).toBe(true);
    // Every modelled customer once in the phases, under German phase names.
    const desc = /<desc id="chart-phases-desc">([^<]*)<\/desc>/.exec(svg(page, 'chart-phases'))?.[1] ?? '';
    const all = [...desc.matchAll(/(?:Erstkäufer|Wiederkäufer|Stammkunde|verloren) (\d+)/g)].reduce((a, m) => a + Number(m[1]), 0);
    expect(all).toBe(rows.length);
    expect(desc).toMatch(/^(Q\d \d{4}|\d{2}\.\d{4}|\d{4}): /);
  });

  it('writes cohort labels as German readers do', () => {
    expect(cohortLabel('2026-03', 'de')).toBe('03.2026');
    expect(cohortLabel('2026-Q1', 'de')).toBe('Q1 2026');
    expect(cohortLabel('2026', 'de')).toBe('2026');
    expect(cohortLabel('2026-03', 'en')).toBe('2026-03');
  });

  it('takes the language from LANG when no flag is given', async () => {
    const html = join(dir, 'lang.html');
    const r = await runCli(['clv', FIXTURE, '--out', join(dir, 'lang'), '--html', html, '--quiet'], { env: { LANG: 'de_DE.UTF-8' } });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('Erwartete Käufe nach Häufigkeit und Aktualität');
  });
});

