/**
 * `winback results --html`: one self-contained HTML file (no script, no CDN) with the KPI table
 * and an inline-SVG chart of the lift per reason with its confidence interval. The report's
 * own charts draw only non-negative bars, and a lift can be negative, so this chart is its own;
 * escaping is shared with the report.
 */
import type { KpiRow, ResultsReport } from '../domain/results.js';
import { formatLift, money, pct } from './results-output.js';
import { esc } from './report-svg.js';

const n = (x: number) => String(Math.round(x * 10) / 10);

/** Horizontal bars of the lift (percentage points) per reason, with whiskers for the 95 % interval. */
export function liftChart(rows: readonly KpiRow[]): string {
  const withLift = rows.filter((k) => k.lift !== null);
  const w = 760, labelW = 170, right = 150, top = 34, rowH = 30;
  const h = top + Math.max(1, withLift.length) * rowH + 30;
  const lows = withLift.map((k) => k.lift!.low);
  const highs = withLift.map((k) => k.lift!.high);
  const min = Math.min(0, ...lows), max = Math.max(0, ...highs);
  const span = max - min || 1;
  const x = (v: number) => labelW + ((v - min) / span) * (w - labelW - right);
  let out = `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="lift-by-reason" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" font-family="system-ui, sans-serif" font-size="12">`;
  out += '<title>Lift over control per reason</title><desc>Regain rate of the contacted group minus that of the control group, in percentage points, with the 95 % interval</desc>';
  out += `<line x1="${n(x(0))}" y1="${top - 8}" x2="${n(x(0))}" y2="${n(top + withLift.length * rowH)}" stroke="#374151"/>`;
  out += `<text x="${n(x(0))}" y="${top - 14}" text-anchor="middle" fill="#6b7280">0</text>`;
  withLift.forEach((k, i) => {
    const l = k.lift!;
    const y = top + i * rowH;
    const from = Math.min(x(0), x(l.difference));
    const color = l.low > 0 ? '#15803d' : l.high < 0 ? '#b91c1c' : '#6b7280';
    out += `<text x="${labelW - 10}" y="${n(y + 19)}" text-anchor="end" fill="#374151">${esc(k.reason)}</text>`;
    out += `<rect class="bar" x="${n(from)}" y="${n(y + 8)}" width="${n(Math.max(1, Math.abs(x(l.difference) - x(0))))}" height="14" fill="${color}" opacity="0.8"><title>${esc(`${k.reason}: ${formatLift(k)}`)}</title></rect>`;
    out += `<line class="ci" x1="${n(x(l.low))}" y1="${n(y + 15)}" x2="${n(x(l.high))}" y2="${n(y + 15)}" stroke="#111827" stroke-width="1.5"/>`;
    for (const v of [l.low, l.high]) out += `<line x1="${n(x(v))}" y1="${n(y + 10)}" x2="${n(x(v))}" y2="${n(y + 20)}" stroke="#111827" stroke-width="1.5"/>`;
    out += `<text x="${w - right + 10}" y="${n(y + 19)}" fill="#6b7280">${esc(formatLift(k))}</text>`;
  });
  return `${out}</svg>`;
}

function kpiTable(rows: readonly KpiRow[], total: KpiRow): string {
  const head = ['reason', 'offer', 'channel', 'contacted', 'regained', 'rate', 'control', 'ctrl rate', 'lift (95 % CI)', 'margin', 'cost', 'profit', 'return', 'churn again'];
  const line = (k: KpiRow, cls = '') => {
    const g = k.contacted;
    const cells = [k.reason, k.offer, k.channel, g.customers, g.regained, pct(g.rate), k.control.customers, pct(k.control.rate), formatLift(k), money(g.margin), money(g.cost), money(g.profit), pct(g.return), g.repeatChurn];
    return `<tr${cls}>${cells.map((v) => `<td>${esc(String(v))}</td>`).join('')}</tr>`;
  };
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((k) => line(k)).join('')}${line(total, ' class="total"')}</tbody></table>`;
}

/** The whole HTML document. */
export function renderResultsHtml(r: ResultsReport, meta: { asOf: string; windowDays: number }): string {
  const style = 'body{font-family:system-ui,sans-serif;margin:2rem;color:#111827}table{border-collapse:collapse;font-size:13px}'
    + 'th,td{padding:3px 8px;border-bottom:1px solid #e5e7eb;text-align:right;white-space:nowrap}th:nth-child(-n+3),td:nth-child(-n+3){text-align:left}'
    + 'tr.total td{font-weight:bold;border-top:2px solid #374151}p.note{color:#6b7280;font-size:13px}';
  const serial = r.serialDefectors.length === 0 ? 'none' : r.serialDefectors.map((s) => esc(s.customer_id)).join(', ');
  return [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Win-back results</title>',
    `<style>${style}</style></head><body>`,
    `<h1>Win-back results</h1><p class="note">As of ${esc(meta.asOf)}; a return counts when it falls 0–${meta.windowDays} days after the contact. Lift = regain rate of the contacted group − that of the control group, 95 % interval by Newcombe's hybrid score method.</p>`,
    '<h2>Lift over control per reason</h2>', liftChart(r.byReason),
    '<h2>KPIs per reason × offer × channel</h2>', kpiTable(r.segments, r.total),
    `<h2>Serial defectors</h2><p>${serial}</p>`,
    ...r.warnings.map((w) => `<p class="note">${esc(w)}</p>`),
    '</body></html>',
    '',
  ].join('\n');
}
