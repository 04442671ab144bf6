/**
 * Hand-built inline SVG charts for the HTML report. Why not a charting library: the report
 * must be one file that works offline and in print, with byte-identical output for the same
 * input (no runtime layout, no script, no CDN); five simple bar charts do not justify
 * shipping a library's code into every report. Every text that comes from data is escaped.
 */

/** A fill that tells series apart without colour (in greyscale and for colour-blind readers). */
export type Pattern = 'solid' | 'hatch' | 'dots' | 'cross';

export interface Series {
  name: string;
  color: string;
  values: number[];
  pattern?: Pattern;
}

/** The smallest font size used in a chart (user units) and the smallest it may render at (px). */
export const CHART_FONT_PX = 12;
export const MIN_RENDERED_FONT_PX = 10;

export interface BarChartSpec {
  id: string;
  title: string;
  desc: string;
  categories: string[];
  series: Series[];
  stacked?: boolean;
  /** cumulative share line (0..1) on a right-hand percentage axis */
  line?: { name: string; color: string; values: number[] };
  format: (v: number) => string;
  percent?: (share: number) => string;
  rotateLabels?: boolean;
  width?: number;
  height?: number;
}

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"';
const GRID = '#e5e7eb';
export const INK = '#374151';
export const MUTED = '#6b7280';

/** Escapes text for HTML and SVG content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * A self-contained HTML page as the report and the clv pictures write it: no script, no
 * outside request (the content security policy allows inline styles only). `title`, `h1`,
 * `meta` and `footer` are plain text; `main` is the page's HTML.
 */
export function htmlPage(p: { lang: string; title: string; css: string; h1: string; meta: string; main: string; footer: string }): string {
  return `<!DOCTYPE html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(p.title)}</title>
<style>${p.css}</style>
</head>
<body>
<header><h1>${esc(p.h1)}</h1><p class="meta">${esc(p.meta)}</p></header>
<main>
${p.main}
</main>
<footer>${esc(p.footer)}</footer>
</body>
</html>
`;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A coordinate with at most one decimal, written the same on every platform. */
function n(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Round axis ticks (steps of 1, 2 or 5 × 10^k) from 0 to at least `max`. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let t = 0; t < max + step * 1e-9; t += step) ticks.push(Math.round(t / step) * step);
  if ((ticks[ticks.length - 1] ?? 0) < max) ticks.push(ticks.length * step);
  return ticks;
}

// The chart never shrinks below the width at which its smallest text renders at MIN_RENDERED_FONT_PX;
// on a narrower screen its box scrolls instead.
export function open(id: string, title: string, desc: string, w: number, h: number, fontPx = CHART_FONT_PX): string {
  const minWidth = Math.min(w, Math.ceil((w * MIN_RENDERED_FONT_PX) / fontPx));
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="${esc(id)}" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" style="min-width:${minWidth}px" role="img" aria-labelledby="${esc(id)}-title ${esc(id)}-desc" ${FONT} font-size="${fontPx}">`
    + `<title id="${esc(id)}-title">${esc(title)}</title><desc id="${esc(id)}-desc">${esc(desc)}</desc>`;
}

/** Pattern definitions for the series that have one; their ids are scoped to the chart. */
function patterns(id: string, series: Series[]): string {
  const defs = series.map((s, j) => {
    const p = s.pattern ?? 'solid';
    if (p === 'solid') return '';
    const marks = p === 'hatch'
      ? '<path d="M0 0V6" stroke="#fff" stroke-width="1.6"/>'
      : p === 'dots' ? '<circle cx="3" cy="3" r="1.3" fill="#fff"/>' : '<path d="M0 0V6M0 0H6" stroke="#fff" stroke-width="1.4"/>';
    const turn = p === 'dots' ? '' : ' patternTransform="rotate(45)"';
    return `<pattern id="${esc(id)}-p${j}" width="6" height="6" patternUnits="userSpaceOnUse"${turn}><rect width="6" height="6" fill="${s.color}"/>${marks}</pattern>`;
  }).join('');
  return defs === '' ? '' : `<defs>${defs}</defs>`;
}

function fill(id: string, s: Series, j: number): string {
  return (s.pattern ?? 'solid') === 'solid' ? s.color : `url(#${esc(id)}-p${j})`;
}

function legend(id: string, series: Series[], line: { name: string; color: string } | undefined, x: number, y: number): string {
  let out = '';
  let at = x;
  for (const [j, s] of series.entries()) {
    out += `<rect x="${n(at)}" y="${n(y - 10)}" width="12" height="12" rx="2" fill="${fill(id, s, j)}" stroke="${s.color}"/><text x="${n(at + 17)}" y="${n(y)}" fill="${INK}">${esc(s.name)}</text>`;
    at += 28 + s.name.length * 6.6;
  }
  if (line) out += `<line x1="${n(at)}" y1="${n(y - 4)}" x2="${n(at + 18)}" y2="${n(y - 4)}" stroke="${line.color}" stroke-width="2.5"/><circle cx="${n(at + 9)}" cy="${n(y - 4)}" r="3" fill="${line.color}"/><text x="${n(at + 24)}" y="${n(y)}" fill="${INK}">${esc(line.name)}</text>`;
  return `<g class="legend">${out}</g>`;
}

/** Vertical bars per category (grouped or stacked), optionally with a cumulative line. */
export function barChart(spec: BarChartSpec): string {
  const w = spec.width ?? 760;
  const h = spec.height ?? 320;
  // Rotated labels reach left of their bar; the wider margin keeps the first one on the canvas.
  const ml = spec.rotateLabels ? 96 : 64;
  const mr = spec.line ? 52 : 16;
  const mt = 40;
  const mb = spec.rotateLabels ? 124 : 44;
  const pw = w - ml - mr;
  const ph = h - mt - mb;
  const k = spec.categories.length;
  const totals = spec.categories.map((_, i) => spec.series.reduce((a, s) => a + (s.values[i] ?? 0), 0));
  const max = spec.stacked ? Math.max(0, ...totals) : Math.max(0, ...spec.series.flatMap((s) => s.values));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1] as number;
  const y = (v: number) => mt + ph - (v / top) * ph;
  let out = open(spec.id, spec.title, spec.desc, w, h) + patterns(spec.id, spec.series);
  out += legend(spec.id, spec.series, spec.line, ml, 18);
  for (const t of ticks) {
    out += `<line x1="${ml}" y1="${n(y(t))}" x2="${ml + pw}" y2="${n(y(t))}" stroke="${GRID}"/><text x="${ml - 8}" y="${n(y(t) + 4)}" text-anchor="end" fill="${MUTED}">${esc(spec.format(t))}</text>`;
  }
  const band = pw / Math.max(1, k);
  const group = Math.min(band * 0.72, 64);
  out += '<g class="bars">';
  spec.categories.forEach((cat, i) => {
    const x0 = ml + band * i + (band - group) / 2;
    let base = 0;
    spec.series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      if (v <= 0) return;
      const bw = spec.stacked ? group : group / spec.series.length;
      const x = spec.stacked ? x0 : x0 + bw * j;
      const yTop = y(base + v);
      const height = y(base) - yTop;
      out += `<rect class="bar" x="${n(x)}" y="${n(yTop)}" width="${n(Math.max(1, bw - (spec.stacked ? 0 : 2)))}" height="${n(height)}" fill="${fill(spec.id, s, j)}" rx="${spec.stacked ? 0 : 2}"><title>${esc(`${cat} — ${s.name}: ${spec.format(v)}`)}</title></rect>`;
      if (spec.stacked) base += v;
    });
    // Small stacks are hard to read off the axis: write the total above each one.
    if (spec.stacked && (totals[i] ?? 0) > 0) out += `<text class="total" x="${n(x0 + group / 2)}" y="${n(y(totals[i] ?? 0) - 5)}" text-anchor="middle" fill="${MUTED}" font-size="12">${esc(spec.format(totals[i] ?? 0))}</text>`;
  });
  out += '</g>';
  out += `<line x1="${ml}" y1="${n(mt + ph)}" x2="${ml + pw}" y2="${n(mt + ph)}" stroke="${INK}"/>`;
  spec.categories.forEach((cat, i) => {
    const cx = ml + band * (i + 0.5);
    out += spec.rotateLabels
      ? `<text x="${n(cx)}" y="${n(mt + ph + 14)}" text-anchor="end" transform="rotate(-45 ${n(cx)} ${n(mt + ph + 14)})" fill="${INK}">${esc(shorten(cat, 22))}<title>${esc(cat)}</title></text>`
      : `<text x="${n(cx)}" y="${n(mt + ph + 18)}" text-anchor="middle" fill="${INK}">${esc(cat)}</text>`;
  });
  if (spec.line) out += cumulativeLine(spec, band, ml, pw, mt, ph);
  return `${out}</svg>`;
}

function cumulativeLine(spec: BarChartSpec, band: number, ml: number, pw: number, mt: number, ph: number): string {
  const line = spec.line as NonNullable<BarChartSpec['line']>;
  const pct = spec.percent ?? ((s: number) => `${Math.round(s * 100)} %`);
  const y = (s: number) => mt + ph - s * ph;
  let out = '';
  for (const s of [0, 0.25, 0.5, 0.75, 1]) out += `<text x="${ml + pw + 8}" y="${n(y(s) + 4)}" fill="${line.color}">${esc(pct(s))}</text>`;
  const points = line.values.map((v, i) => `${n(ml + band * (i + 0.5))},${n(y(v))}`).join(' ');
  out += `<polyline class="line" points="${points}" fill="none" stroke="${line.color}" stroke-width="2.5" stroke-linejoin="round"/>`;
  line.values.forEach((v, i) => {
    out += `<circle cx="${n(ml + band * (i + 0.5))}" cy="${n(y(v))}" r="3.5" fill="#fff" stroke="${line.color}" stroke-width="2"><title>${esc(`${spec.categories[i] ?? ''} — ${line.name}: ${pct(v)}`)}</title></circle>`;
  });
  return `<g class="cumulative">${out}</g>`;
}

/** Horizontal bars per category (grouped or stacked), with the value written at each bar's end. */
export function hbarChart(spec: BarChartSpec): string {
  const w = spec.width ?? 760;
  const lw = 210;
  const mr = 80;
  const mt = 40;
  const k = spec.categories.length;
  const s = spec.series.length;
  const barH = spec.stacked ? 18 : 13;
  const rowH = spec.stacked ? 28 : s * barH + 12;
  const h = mt + Math.max(1, k) * rowH + 28;
  const pw = w - lw - mr;
  const totals = spec.categories.map((_, i) => spec.series.reduce((a, x) => a + (x.values[i] ?? 0), 0));
  const max = spec.stacked ? Math.max(0, ...totals) : Math.max(0, ...spec.series.flatMap((x) => x.values));
  const ticks = niceTicks(max, 4);
  const right = ticks[ticks.length - 1] as number;
  const x = (v: number) => lw + (v / right) * pw;
  let out = open(spec.id, spec.title, spec.desc, w, h) + patterns(spec.id, spec.series);
  out += legend(spec.id, spec.series, undefined, lw, 18);
  for (const t of ticks) {
    out += `<line x1="${n(x(t))}" y1="${mt - 6}" x2="${n(x(t))}" y2="${n(mt + k * rowH)}" stroke="${GRID}"/><text x="${n(x(t))}" y="${n(mt + k * rowH + 16)}" text-anchor="middle" fill="${MUTED}">${esc(spec.format(t))}</text>`;
  }
  out += '<g class="bars">';
  spec.categories.forEach((cat, i) => {
    const y0 = mt + i * rowH + (rowH - (spec.stacked ? barH : s * barH)) / 2;
    out += `<text x="${lw - 10}" y="${n(mt + i * rowH + rowH / 2 + 4)}" text-anchor="end" fill="${INK}">${esc(cat)}</text>`;
    let base = 0;
    spec.series.forEach((ser, j) => {
      const v = ser.values[i] ?? 0;
      const yy = spec.stacked ? y0 : y0 + j * barH;
      if (v > 0) out += `<rect class="bar" x="${n(x(base))}" y="${n(yy)}" width="${n(Math.max(1, x(base + v) - x(base)))}" height="${barH - (spec.stacked ? 0 : 2)}" fill="${fill(spec.id, ser, j)}" rx="${spec.stacked ? 0 : 2}"><title>${esc(`${cat} — ${ser.name}: ${spec.format(v)}`)}</title></rect>`;
      if (!spec.stacked) out += `<text x="${n(x(v) + 6)}" y="${n(yy + barH - 3)}" fill="${MUTED}" font-size="12">${esc(spec.format(v))}</text>`;
      if (spec.stacked) base += v;
    });
    if (spec.stacked) out += `<text x="${n(x(totals[i] ?? 0) + 6)}" y="${n(y0 + barH - 4)}" fill="${MUTED}" font-size="12">${esc(spec.format(totals[i] ?? 0))}</text>`;
  });
  return `${out}</g><line x1="${lw}" y1="${mt - 6}" x2="${lw}" y2="${n(mt + k * rowH)}" stroke="${INK}"/></svg>`;
}

export interface FunnelSpec {
  id: string;
  title: string;
  steps: { label: string; count: number; lines: string[] }[];
  color: string;
}

/**
 * The funnel: one bar per step, as long as its count relative to the first step, with the
 * count and the money written out below it. Narrow (360) so that it needs no scrolling at 400 px.
 */
export function funnelChart(spec: FunnelSpec): string {
  const w = 360;
  const ml = 2;
  const pw = w - 2 * ml;
  const rowOf = (s: FunnelSpec['steps'][number]) => 44 + 16 * s.lines.length;
  const h = spec.steps.reduce((a, s) => a + rowOf(s), 4);
  const first = Math.max(1, spec.steps[0]?.count ?? 1);
  const desc = spec.steps.map((s) => `${s.label}: ${s.count}${s.lines.length > 0 ? ` (${s.lines.join(', ')})` : ''}`).join('; ');
  let out = open(spec.id, spec.title, desc, w, h);
  out += '<g class="bars">';
  let y0 = 4;
  for (const s of spec.steps) {
    const bw = Math.max(2, (s.count / first) * pw);
    out += `<text x="${ml}" y="${n(y0 + 14)}" fill="${INK}" font-size="13" font-weight="600">${esc(`${s.label}: ${s.count}`)}</text>`;
    out += `<rect class="bar" x="${ml}" y="${n(y0 + 20)}" width="${n(bw)}" height="14" rx="2" fill="${spec.color}"><title>${esc(`${s.label}: ${s.count}`)}</title></rect>`;
    s.lines.forEach((line, i) => {
      out += `<text x="${ml}" y="${n(y0 + 50 + 16 * i)}" fill="${MUTED}">${esc(line)}</text>`;
    });
    y0 += rowOf(s);
  }
  return `${out}</g></svg>`;
}
