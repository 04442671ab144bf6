/**
 * The HTML report's colours, checked by computation (WCAG 2.1 relative luminance): text at
 * least 4.5:1 against every background it sits on, chart marks at least 3:1 against the
 * white chart background, and channels told apart by pattern as well as by colour.
 */
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/domain/playbook-types.js';
import { CHANNEL_PATTERNS, COLORS, renderReportHtml } from '../../src/io/report/html.js';
import { INK, MUTED } from '../../src/io/report/svg.js';
import type { Report } from '../../src/domain/report/finish.js';
import { runCli } from '../support/cli.js';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// The page's backgrounds: white, striped rows, table heads, the outlier box.
const BACKGROUNDS = ['#ffffff', '#fafafa', '#f3f4f6', '#fffbeb'];

describe('contrast', () => {
  it('knows the reference values (black on white 21:1, #767676 on white 4.54:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it.each(Object.entries(COLORS))('chart colour %s (%s) is at least 3:1 against the white chart', (_name, color) => {
    expect(contrast(color, '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  it('chart text (ink, muted, the cumulative axis) is at least 4.5:1', () => {
    for (const color of [INK, MUTED, COLORS.cumulative]) expect(contrast(color, '#ffffff'), color).toBeGreaterThanOrEqual(4.5);
  });

  it('every text colour of the stylesheet is at least 4.5:1 against every background', async () => {
    const r = await runCli(['report', 'fixtures/lost-customers-en.csv', '--as-of', '2026-11-23', '--json']);
    const html = renderReportHtml(JSON.parse(r.stdout) as Report, { lang: 'en' });
    const css = /<style>(.*?)<\/style>/s.exec(html)?.[1] ?? '';
    const colors = [...css.matchAll(/(?:^|[;{])color:(#[0-9a-f]{6})/gi)].map((m) => (m[1] as string).toLowerCase());
    expect(colors.length).toBeGreaterThan(5);
    for (const color of new Set(colors)) for (const bg of BACKGROUNDS) expect(contrast(color, bg), `${color} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });
});

describe('channels without colour', () => {
  it('gives every channel its own pattern, and the calendar draws them', async () => {
    expect(new Set(CHANNELS.map((c) => CHANNEL_PATTERNS[c])).size).toBe(CHANNELS.length);
    const r = await runCli(['report', 'fixtures/lost-customers-en.csv', '--as-of', '2026-11-23', '--json']);
    const html = renderReportHtml(JSON.parse(r.stdout) as Report, { lang: 'en' });
    const calendar = /<svg[^>]*id="chart-calendar".*?<\/svg>/s.exec(html)?.[0] ?? '';
    expect(calendar.match(/<pattern /g)?.length).toBe(CHANNELS.filter((c) => CHANNEL_PATTERNS[c] !== 'solid').length);
    expect(calendar).toContain('fill="url(#chart-calendar-p1)"');
  });
});
