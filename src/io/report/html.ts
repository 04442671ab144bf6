/**
 * The HTML report: one self-contained file (inline CSS and SVG, no script, no external
 * request — a Content-Security-Policy forbids them), readable offline and in print, and
 * byte-identical for the same input and as-of date. All data is HTML-escaped.
 */
import { DECISIONS } from '../../domain/value/types.js';
import { CHANNELS } from '../../domain/playbook-types.js';
import type { Report } from '../../domain/report/finish.js';
import { blockReasonText, formatCompact, formatDate, formatMoney, formatPercent, type ReportLabels, type Lang, messages } from '../../domain/catalogue/index.js';
import { binLabel } from './render.js';
import { funnelSection, moneyBreakdowns, moneyTiles, outlierSection } from './html-money.js';
import { resultsSection } from './html-results.js';
import { changesSection } from './html-changes.js';
import { barChart, esc, hbarChart, htmlPage } from './svg.js';

/**
 * Chart colours: every one at least 3:1 against the white page (WCAG 2.1 non-text contrast),
 * and the cumulative line's, written as axis text, at least 4.5:1 (test/io/report-palette.test.ts).
 * Series that share a chart differ in pattern too, so they can be told apart without colour.
 */
export const COLORS = {
  lost: '#2b5c9e', stake: '#5b7fb0', expected: '#16794f', cumulative: '#b4461b', other: '#7b8494',
  visit: '#6a3fb8', phone: '#1f5fa8', letter: '#0e7c86', email: '#a15c00',
};
/** Channel patterns: solid, hatched, dotted, cross-hatched. */
export const CHANNEL_PATTERNS = { visit: 'solid', phone: 'hatch', letter: 'dots', email: 'cross' } as const;

export interface HtmlOptions {
  lang: Lang;
  /** reason code → label in the report's language (from the playbook) */
  reasonLabels?: Record<string, string>;
}

/** Renders the report as one self-contained HTML document. */
export function renderReportHtml(r: Report, opts: HtmlOptions): string {
  const L = messages(opts.lang).report.words;
  const ctx = { r, L, lang: opts.lang, reason: (code: string) => opts.reasonLabels?.[code] ?? code };
  const gone = new Set(r.missing.map((m) => m.section));
  const sections = [
    outlierSection(ctx),
    moneyTiles(ctx),
    kpis(ctx),
    funnelSection(ctx, COLORS.lost),
    resultsSection(ctx),
    changesSection(ctx),
    moneyBreakdowns(ctx, !gone.has('reasons')),
    gone.has('reasons') ? '' : section('pareto', L.reasons, paretoChart(ctx), L.reasonsNote),
    gone.has('reasons') ? '' : section('value-by-reason', L.valueByReason, valueChart(ctx)),
    gone.has('segments') ? '' : section('segments', L.segments, segmentTable(ctx)),
    gone.has('calendar') ? '' : section('calendar', L.calendar, calendarChart(ctx), `${L.later}: ${r.calendar.later} · ${L.withoutWindow}: ${r.calendar.without_window}${r.calendar.window_closed > 0 ? ` · ${L.windowClosed}: ${r.calendar.window_closed}` : ''}`),
    section('distribution', L.distribution, histogram(ctx)),
    gone.has('switching') ? '' : section('switching', L.switching, switchingCharts(ctx), switchingNote(ctx)),
    section('top', `${L.top} (${r.top.length})`, topTable(ctx)),
    section('quality', L.quality, qualityList(ctx)),
  ];
  return htmlPage({
    lang: opts.lang, title: `${L.title} — ${formatDate(r.as_of, opts.lang)}`, css: CSS, h1: L.title,
    meta: `${L.asOf} ${formatDate(r.as_of, opts.lang)} · ${L.source}: ${r.source.label} (${L.sourceKinds[r.source.kind] ?? r.source.kind}) · ${L.rowsLine(r.rows.read, r.rows.accepted, r.rows.rejected)}`,
    main: sections.filter((s) => s !== '').join('\n'), footer: `${L.generated} · ${formatDate(r.as_of, opts.lang)}`,
  });
}

type Ctx = { r: Report; L: ReportLabels; lang: Lang; reason: (code: string) => string };

function section(id: string, title: string, body: string, note?: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2>${note ? `<p class="note">${esc(note)}</p>` : ''}<div class="figure" role="region" aria-label="${esc(title)}" tabindex="0">${body}</div></section>`;
}

const gone = (r: Report, section: string) => r.missing.some((m) => m.section === section);

function kpis({ r, L }: Ctx): string {
  // Every accepted customer has one decision, or came back (a campaign run with --outcomes): the customers tile is their sum, whatever the source lists.
  const cards: [string, string][] = [
    [L.customers, String(r.rows.accepted)],
    ...DECISIONS.map((d): [string, string] => [L.decisions[d] ?? d, String(r.decisions[d])]),
    ...(r.returned ? [[L.cameBack, String(r.returned)] as [string, string]] : []),
  ];
  return `<section id="summary" class="kpis">${cards.map(([k, v]) => `<div class="kpi"><span class="v">${esc(v)}</span><span class="k">${esc(k)}</span></div>`).join('')}</section>`;
}

function paretoChart({ r, L, lang, reason }: Ctx): string {
  return barChart({
    id: 'chart-pareto', title: L.reasons, desc: L.reasonsNote,
    categories: r.reasons.map((x) => reason(x.code)),
    series: [{ name: L.customers, color: COLORS.lost, values: r.reasons.map((x) => x.count) }],
    line: { name: L.cumulativeShare, color: COLORS.cumulative, values: r.reasons.map((x) => x.cumulative_share) },
    format: (v) => String(v), percent: (s) => formatPercent(s, lang).replace(',0 %', ' %').replace('.0 %', ' %'),
    rotateLabels: true, height: 360,
  });
}

function valueChart({ r, L, lang, reason }: Ctx): string {
  const rows = r.reasons.filter((x) => x.value_at_stake > 0 || x.expected_value > 0).sort((a, b) => b.value_at_stake - a.value_at_stake || (a.code < b.code ? -1 : 1));
  return hbarChart({
    id: 'chart-value', title: L.valueByReason, desc: `${L.atStake} / ${L.expected}`,
    categories: rows.map((x) => reason(x.code)),
    series: [
      { name: L.atStake, color: COLORS.stake, values: rows.map((x) => x.value_at_stake), pattern: 'hatch' },
      { name: L.expected, color: COLORS.expected, values: rows.map((x) => x.expected_value) },
    ],
    format: (v) => formatCompact(v, lang),
  });
}

function calendarChart({ r, L, lang }: Ctx): string {
  const weeks = r.calendar.weeks;
  return barChart({
    id: 'chart-calendar', title: L.calendar,
    desc: weeks.map((w) => `${w.week} (${L.from} ${formatDate(w.from, lang)}): ${w.total}${w.total > 0 ? ` — ${CHANNELS.filter((c) => w.channels[c] > 0).map((c) => `${L.channels[c] ?? c} ${w.channels[c]}`).join(', ')}` : ''}`).join('; '),
    categories: weeks.map((w) => w.week.slice(5)),
    series: CHANNELS.map((c) => ({ name: L.channels[c] ?? c, color: COLORS[c], values: weeks.map((w) => w.channels[c]), pattern: CHANNEL_PATTERNS[c] })),
    stacked: true, format: (v) => String(v), height: 300,
  });
}

function histogram({ r, L, lang }: Ctx): string {
  const bins = r.value_distribution;
  return barChart({
    id: 'chart-distribution', title: L.distribution, desc: bins.map((b) => `${binLabel(b.from, b.to, lang)}: ${b.count}`).join(', '),
    categories: bins.map((b) => binLabel(b.from, b.to, lang)),
    series: [
      { name: L.winBackOnly, color: COLORS.expected, values: bins.map((b) => b.win_back) },
      { name: L.otherDecisions, color: COLORS.other, values: bins.map((b) => b.count - b.win_back), pattern: 'hatch' },
    ],
    stacked: true, format: (v) => String(v), rotateLabels: true, height: 330,
  });
}

function switchingCharts({ r, L }: Ctx): string {
  const paths = r.switching.paths.filter((p) => p.count > 0);
  const phases = r.switching.phases.filter((p) => p.count > 0);
  const stacked = (id: string, title: string, cats: string[], rows: { count: number; win_back: number }[]) => hbarChart({
    id, title, desc: cats.map((c, i) => `${c}: ${rows[i]?.count ?? 0}`).join(', '), categories: cats,
    series: [
      { name: L.winBackOnly, color: COLORS.expected, values: rows.map((x) => x.win_back) },
      { name: L.otherDecisions, color: COLORS.other, values: rows.map((x) => x.count - x.win_back), pattern: 'hatch' },
    ],
    stacked: true, format: (v) => String(v),
  });
  return stacked('chart-paths', L.switching, paths.map((p) => L.paths[p.path] ?? p.path), paths)
    + `<h3>${esc(L.phases)}</h3>` + stacked('chart-phases', L.phases, phases.map((p) => L.phaseNames[p.phase] ?? p.phase), phases);
}

function switchingNote({ r, L }: Ctx): string {
  const s = r.switching;
  return `${L.complaints}: ${L.yes} ${s.complaints.yes}, ${L.no} ${s.complaints.no}, ${L.unknownWord} ${s.complaints.unknown} · ${L.competitorKnown}: ${L.yes} ${s.competitor.known}, ${L.no} ${s.competitor.unknown}`;
}

type Cell = 'num' | 'nowrap' | '';

/** A table that scrolls inside its box; a column no row fills (the source does not hold it) is left out. */
function table(id: string, label: string, head: string[], rows: string[][], kinds: Cell[]): string {
  const keep = head.map((_, i) => rows.length === 0 || rows.some((row) => (row[i] ?? '') !== ''));
  const cls = (i: number) => (kinds[i] ? ` class="${kinds[i]}"` : '');
  const th = head.map((h, i) => (keep[i] ? `<th scope="col"${cls(i)}>${esc(h)}</th>` : '')).join('');
  const tr = rows.map((row) => `<tr>${row.map((c, i) => (keep[i] ? `<td${cls(i)}>${esc(c)}</td>` : '')).join('')}</tr>`).join('\n');
  return `<div class="scroll" role="region" aria-label="${esc(label)}" tabindex="0"><table id="${id}"><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table></div>`;
}

function segmentTable({ r, L, lang }: Ctx): string {
  const head = [L.segment, L.count, ...DECISIONS.map((d) => L.decisions[d] ?? d), L.atStake, L.expected];
  const rows = r.segments.map((s) => [s.segment === 'unknown' ? L.unknownWord : s.segment, String(s.count), ...DECISIONS.map((d) => String(s[d])), formatMoney(s.value_at_stake, lang), formatMoney(s.expected_value, lang)]);
  return table('segment-table', L.segments, head, rows, ['', 'num', 'num', 'num', 'num', 'num', 'num', 'num']);
}

function topTable({ r, L, lang, reason }: Ctx): string {
  const rows = r.top.map((t) => [String(t.rank), t.customer_id, t.name, reason(t.reason_code), t.segment === 'unknown' ? '' : t.segment, L.channels[t.channel] ?? t.channel, t.contact_from === null ? '' : formatDate(t.contact_from, lang), t.p_winback === null ? '' : formatPercent(t.p_winback, lang), formatMoney(t.expected_value, lang)]);
  return table('top-table', L.top, [L.rank, L.id, L.name, L.reason, L.segment, L.channel, L.contactFrom, L.pWinback, L.expected], rows, ['num', 'nowrap', '', '', '', '', 'nowrap', 'num', 'num']);
}

function qualityList({ r, L }: Ctx): string {
  const q = r.quality;
  // Checks the input cannot make are named under "not available", never counted as 0.
  const checks = gone(r, 'quality') ? (['rejected'] as const) : (['rejected', 'unknown_reasons', 'default_margins', 'not_valued', 'blocked_channel'] as const);
  const items = checks.map((k) => `<li><b>${q[k]}</b> ${esc(L.qualityLines[k] ?? k)}</li>`);
  const blocked = Object.entries(q.blocked_by).map(([why, count]) => `<li class="sub">${count} ${esc(blockReasonText(why, L))}</li>`);
  const missing = r.missing.length > 0
    ? `<h3>${esc(L.missing)}</h3><ul>${r.missing.map((m) => `<li><b>${esc(L.missingSections[m.section] ?? m.section)}</b>: ${esc(L.missingWhy[m.section] ?? m.why)}</li>`).join('')}</ul><p>${esc(L.missingWhere)}</p>`
    : '';
  const notes = r.notes.length > 0 ? `<h3>${esc(L.notes)}</h3><ul class="notes">${r.notes.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>` : '';
  return `<ul>${[...items, ...blocked].join('')}</ul>${missing}${notes}`;
}

/** The report's style sheet; the results page uses it too, so both look and scroll alike. */
export const CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1040px;padding:24px 28px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#fff}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:17px;margin:0 0 6px;color:#111827}
h3{font-size:14px;margin:18px 0 6px;color:#374151}
.meta,.note,footer{color:#5b6270;font-size:12.5px;margin:0 0 10px;overflow-wrap:anywhere}
@media (max-width:600px){body{padding:14px 12px}h1{font-size:21px}}
section{margin:26px 0;break-inside:avoid;page-break-inside:avoid}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(96px,1fr));gap:8px}
.kpi{border:1px solid #e5e7eb;border-radius:8px;padding:10px 8px;text-align:center}
.kpi .v{display:block;font-size:18px;font-weight:650;font-variant-numeric:tabular-nums}
.kpi .k{display:block;font-size:11.5px;color:#5b6270}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:8px}
.tile{border:1px solid #d1d5db;border-radius:8px;padding:10px 12px;min-width:0}
.tile .k{display:block;font-size:12.5px;font-weight:600;color:#374151;overflow-wrap:break-word;hyphens:auto}
.tile .v{display:block;font-size:19px;font-weight:650;font-variant-numeric:tabular-nums;white-space:nowrap}
.tile .def{display:block;font-size:12px;color:#4b5563;margin-top:4px;overflow-wrap:break-word;hyphens:auto}
.scroll{overflow-x:auto;max-width:100%}
.alert{border:1px solid #b45309;border-left:6px solid #b45309;border-radius:8px;padding:10px 14px;background:#fffbeb}
.alert .note{color:#374151}
#outlier-table td:last-child{min-width:16em}
th[scope=row]{font-weight:normal;background:none}
.figure{overflow-x:auto}
.figure svg{display:block;max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;font-size:12.5px}
th,td{padding:4px 8px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top}
th{background:#f3f4f6;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.nowrap{white-space:nowrap;font-variant-numeric:tabular-nums}
tbody tr:nth-child(even){background:#fafafa}
ul{margin:4px 0;padding-left:20px}
li.sub{list-style:circle;margin-left:18px;color:#4b5563}
.notes li{color:#92400e}
footer{margin-top:32px;border-top:1px solid #e5e7eb;padding-top:8px}
@page{size:A4;margin:14mm}
@media print{body{max-width:none;padding:0;font-size:11.5px}.scroll,.figure{overflow:visible}.kpis{grid-template-columns:repeat(6,1fr)}section{margin:14px 0}tbody tr:nth-child(even){background:none}th{background:none;border-bottom:1.5px solid #9ca3af}}
`;
