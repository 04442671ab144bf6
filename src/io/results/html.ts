/**
 * `winback results --html`: one self-contained page (no script, no outside request) in the
 * run's language, through the report's page frame and style sheet: the report's results
 * section (tiles and the table per reason), a chart of the lift per reason with its 95 %
 * interval, the table per reason × offer × channel and the serial defectors. Every word comes
 * from the report's label table; numbers, money and dates are written as the language writes them.
 * The report's own charts draw only non-negative bars, and a lift can be negative, so the
 * lift chart is its own.
 */
import { formatIsoDay } from '../../domain/dates.js';
import { messages, formatCurrency, formatDate, formatDecimal, formatMoney, formatPercent, type ReportLabels, type Lang } from '../../domain/catalogue/index.js';
import { reportResults, type ResultsMeta } from '../../domain/report/results.js';
import type { Estimate, KpiRow, ResultsReport } from '../../domain/results/results.js';
import { kpiJson } from '../../domain/results/json.js';
import { CSS } from '../report/html.js';
import { formatLift, resultsSection } from '../report/html-results.js';
import { esc, htmlPage, INK, MUTED, open } from '../report/svg.js';

export interface ResultsHtmlOptions {
  lang: Lang;
  /** the currency's symbol or code, as the report writes it */
  currency: string;
  /** reason code → label in the page's language (from the playbook) */
  reasonLabels?: Record<string, string>;
}

/** Bar colours, each at least 4.5:1 against white (the bars carry meaning: above, below or around zero). */
const LIFT_COLORS = { up: '#15803d', down: '#b91c1c', open: '#4b5563' };

const n = (x: number) => String(Math.round(x * 10) / 10);

/** Horizontal bars of the lift (percentage points) per reason, with whiskers for the 95 % interval. */
export function liftChart(rows: readonly KpiRow[], L: ReportLabels, lang: Lang, reason: (code: string) => string): string {
  const withLift = rows.filter((k) => k.lift !== null);
  const w = 760, labelW = 190, right = 170, top = 34, rowH = 30;
  const h = top + Math.max(1, withLift.length) * rowH + 20;
  const min = Math.min(0, ...withLift.map((k) => k.lift!.low));
  const max = Math.max(0, ...withLift.map((k) => k.lift!.high));
  const span = max - min || 1;
  const x = (v: number) => labelW + ((v - min) / span) * (w - labelW - right);
  const text = (k: KpiRow) => formatLift(kpiJson(k).lift, L, lang);
  const desc = withLift.map((k) => `${reason(k.reason)}: ${text(k)}`).join('; ');
  let out = open('chart-lift', L.resultsPage.liftChart, desc, w, h);
  out += `<line x1="${n(x(0))}" y1="${top - 8}" x2="${n(x(0))}" y2="${n(top + withLift.length * rowH)}" stroke="${INK}"/>`;
  out += `<text x="${n(x(0))}" y="${top - 14}" text-anchor="middle" fill="${MUTED}">0</text>`;
  withLift.forEach((k, i) => {
    const l = k.lift!;
    const y = top + i * rowH;
    const from = Math.min(x(0), x(l.difference));
    const color = l.low > 0 ? LIFT_COLORS.up : l.high < 0 ? LIFT_COLORS.down : LIFT_COLORS.open;
    const name = reason(k.reason);
    const label = name.length <= 26 ? name : `${name.slice(0, 25)}…`;
    out += `<text x="${labelW - 10}" y="${n(y + 19)}" text-anchor="end" fill="${INK}">${esc(label)}</text>`;
    out += `<rect class="bar" x="${n(from)}" y="${n(y + 8)}" width="${n(Math.max(1, Math.abs(x(l.difference) - x(0))))}" height="14" fill="${color}"><title>${esc(`${name}: ${text(k)}`)}</title></rect>`;
    out += `<line class="ci" x1="${n(x(l.low))}" y1="${n(y + 15)}" x2="${n(x(l.high))}" y2="${n(y + 15)}" stroke="#111827" stroke-width="1.5"/>`;
    for (const v of [l.low, l.high]) out += `<line x1="${n(x(v))}" y1="${n(y + 10)}" x2="${n(x(v))}" y2="${n(y + 20)}" stroke="#111827" stroke-width="1.5"/>`;
    out += `<text x="${w - right + 10}" y="${n(y + 19)}" fill="${INK}">${esc(text(k))}</text>`;
  });
  return `${out}</svg>`;
}

/** The whole HTML document. */
export function renderResultsHtml(r: ResultsReport, meta: ResultsMeta, opts: ResultsHtmlOptions): string {
  const { lang, currency } = opts;
  const L = messages(lang).report.words;
  const P = L.resultsPage;
  const reason = (code: string) => opts.reasonLabels?.[code] ?? code;
  const count = (v: number) => formatMoney(v, lang);
  const asOf = formatDate(formatIsoDay(meta.asOf), lang);
  const withLift = r.byReason.some((k) => k.lift !== null);
  const sections = [
    resultsSection({ r: { results: reportResults(r, meta), money: { currency } }, L, lang, reason }),
    section('lift', P.liftChart, withLift ? P.liftChartNote : P.liftNone, withLift ? `<div class="figure" role="region" aria-label="${esc(P.liftChart)}" tabindex="0">${liftChart(r.byReason, L, lang, reason)}</div>` : ''),
    section('segments', P.segments, P.segmentsNote(currency), scrollTable('segments-table', P.segments, segmentTable(r, L, lang, reason, currency))),
    section('serial', P.serial, r.serialDefectors.length === 0 ? P.serialNone : '', r.serialDefectors.length === 0 ? '' : scrollTable('serial-table', P.serial, serialTable(r, L, lang, reason))),
    notesSection(r, L, count),
  ];
  return htmlPage({
    lang, title: `${P.title} — ${asOf}`, css: CSS, h1: P.title,
    // Customers, not ledger entries: a customer contacted twice is one attempt.
    meta: P.meta(asOf, meta.windowDays, count(r.counts.attempts), count(meta.outcomes.rows), count(meta.outcomes.rejected)),
    main: sections.filter((s) => s !== '').join('\n'), footer: `${P.footer} · ${asOf}`,
  });
}

function section(id: string, title: string, note: string, body: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2>${note === '' ? '' : `<p class="note">${esc(note)}</p>`}${body}</section>`;
}

// A table in a box that scrolls sideways on a narrow screen, reachable by keyboard.
function scrollTable(id: string, label: string, table: string): string {
  return `<div class="scroll" role="region" aria-label="${esc(label)}" tabindex="0"><table id="${id}">${table}</table></div>`;
}

function head(cells: readonly string[], textColumns: number): string {
  return `<thead><tr>${cells.map((h, i) => `<th scope="col"${i >= textColumns ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead>`;
}

function segmentTable(r: ResultsReport, L: ReportLabels, lang: Lang, reason: (code: string) => string, currency: string): string {
  const P = L.resultsPage;
  const names = messages(lang).names;
  const share = (x: number | null) => (x === null ? '' : formatPercent(x, lang));
  const cash = (v: number) => formatCurrency(v, lang, currency);
  const cells = (k: KpiRow, name: string, offer: string, channel: string) => {
    const g = k.contacted;
    return [name, offer, channel, String(g.customers), String(g.regained), share(g.rate), String(k.control.customers), share(k.control.rate),
      formatLift(kpiJson(k).lift, L, lang), cash(g.margin), cash(g.cost), cash(g.profit), estimate(k.incrementalProfit, cash, lang),
      k.incrementalReturn === null ? '' : L.rosValue(formatDecimal(k.incrementalReturn.value, lang), currency), String(g.repeatChurn)];
  };
  const rows = [
    ...r.segments.map((k) => cells(k, reason(k.reason), names.offer(k.offer), L.channels[k.channel] ?? k.channel)),
    cells(r.total, L.resultsTotal, '', ''),
  ];
  const body = rows.map((c) => `<tr><th scope="row">${esc(c[0] ?? '')}</th><td>${esc(c[1] ?? '')}</td><td>${esc(c[2] ?? '')}</td>${c.slice(3).map((v) => `<td class="num">${esc(v)}</td>`).join('')}</tr>`).join('\n');
  const heads = [L.reason, P.offer, L.channel, L.contactedGroup, L.returnedShort, L.returnedShare, L.controlGroup, L.returnedShare,
    `${L.lift} (${L.liftInterval})`, P.margin, P.cost, P.profit, P.incrementalProfit, P.ros, P.leftAgain];
  return `${head(heads, 3)}<tbody>\n${body}\n</tbody>`;
}

/** An amount with its interval: "1,234 [−200; 2,700]" (a semicolon: German amounts have decimal commas). */
function estimate(e: Estimate | null, cash: (v: number) => string, lang: Lang): string {
  return e === null ? '' : `${cash(e.value)} [${cash(e.low)}${lang === 'de' ? '; ' : ', '}${cash(e.high)}]`;
}

function serialTable(r: ResultsReport, L: ReportLabels, lang: Lang, reason: (code: string) => string): string {
  const P = L.resultsPage;
  const day = (d: number) => formatDate(formatIsoDay(d), lang);
  const body = r.serialDefectors.map((s) => `<tr><th scope="row">${esc(s.customer_id)}</th><td>${esc(reason(s.reasonCode))}</td><td>${esc(messages(lang).names.offer(s.offerType))}</td><td class="num">${esc(day(s.returnDate))}</td><td class="num">${esc(day(s.cancelledAgain))}</td></tr>`).join('\n');
  return `${head([L.id, L.reason, P.offer, P.returned, P.cancelledAgain], 3)}<tbody>\n${body}\n</tbody>`;
}

// The run's caveats in the page's language (the terminal prints them as warnings).
function notesSection(r: ResultsReport, L: ReportLabels, count: (v: number) => string): string {
  const P = L.resultsPage;
  const c = r.counts;
  const notes = [
    c.windowOpen > 0 ? P.windowOpen(count(c.windowOpen)) : '',
    c.returnedBeforeContact > 0 ? P.beforeContact(count(c.returnedBeforeContact)) : '',
    c.returnedAfterWindow > 0 ? P.afterWindow(count(c.returnedAfterWindow)) : '',
    c.switchedGroup > 0 ? P.switched(count(c.switchedGroup)) : '',
    c.marginEstimated > 0 ? P.marginEstimated(count(c.marginEstimated)) : '',
  ].filter((x) => x !== '');
  return notes.length === 0 ? '' : `<section id="notes"><h2>${esc(L.notes)}</h2><ul class="notes">${notes.map((x) => `<li>${esc(x)}</li>`).join('')}</ul></section>`;
}
