/**
 * The money sections of the HTML report: the headline tiles (each figure with its currency
 * and a one-line definition) and the same figures by reason, segment, account manager and region.
 * Figures a source cannot give are left out, never shown as 0.
 */
import type { Outlier } from '../../domain/report/extras.js';
import type { MoneyFields, Report } from '../../domain/report/finish.js';
import { OTHER_MANAGERS } from '../../domain/report/report.js';
import { blockReasonText, formatCurrency, formatDate, formatDecimal, formatPercent, type ReportLabels, type Lang } from '../../domain/catalogue/index.js';
import { esc, funnelChart } from './svg.js';

export interface MoneyCtx { r: Report; L: ReportLabels; lang: Lang; reason: (code: string) => string }

/** The headline tiles: profit, cost, return on spend, value at stake on two stated bases. */
export function moneyTiles({ r, L, lang }: MoneyCtx): string {
  const m = r.money;
  const cur = (v: number) => formatCurrency(v, lang, m.currency);
  const listed = m.basis === 'listed';
  const tiles: [string, string, string][] = [
    listed ? [L.profitListed, cur(m.expected_profit), L.profitListedDef(m.customers)] : [L.profit, cur(m.expected_profit), L.profitDef(m.customers)],
  ];
  if (m.cost !== null && m.contact_cost !== null && m.incentive_cost !== null) tiles.push([L.cost, cur(m.cost), L.costDef(cur(m.contact_cost), cur(m.incentive_cost))]);
  else if (m.contact_cost !== null) tiles.push([L.contactCost, cur(m.contact_cost), L.contactCostDef]);
  if (m.return_on_spend !== null) tiles.push([L.ros, L.rosValue(formatDecimal(m.return_on_spend, lang), m.currency), L.rosDef(m.currency)]);
  if (m.value_at_stake_win_back !== null) tiles.push([L.stakeWinBack, cur(m.value_at_stake_win_back), L.stakeWinBackDef]);
  if (m.value_at_stake_all !== null) tiles.push([L.stakeAll, cur(m.value_at_stake_all), L.stakeAllDef(r.totals.customers)]);
  const html = tiles.map(([k, v, def]) => `<div class="tile"><span class="k">${esc(k)}</span><span class="v">${esc(v)}</span><span class="def">${esc(def)}</span></div>`).join('');
  const missing = r.missing.some((x) => x.section === 'money') ? `<p class="note">${esc(L.moneyMissing(L.missingSections.money ?? ''))} ${esc(L.missingWhere)}</p>` : '';
  return `<section id="money"><h2>${esc(L.moneyTitle)}</h2><p class="note">${esc(L.moneyNote(m.currency))}</p><div class="tiles">${html}</div>${missing}</section>`;
}

type Line = MoneyFields & { win_back: number; expected_value: number };

/** The plan's money by reason, segment, account manager and region, as tables that scroll inside their box. */
export function moneyBreakdowns(ctx: MoneyCtx, reasonsShown: boolean): string {
  const { r, L } = ctx;
  const parts: string[] = [];
  if (reasonsShown) parts.push(breakdown(ctx, 'money-by-reason', L.byReason, L.reason, byProfit(r.reasons.filter((x) => x.win_back > 0)).map((x) => [ctx.reason(x.code), x])));
  if (r.segments.length > 0 && r.missing.every((m) => m.section !== 'segments')) {
    parts.push(breakdown(ctx, 'money-by-segment', L.bySegment, L.segment, byProfit(r.segments.filter((x) => x.win_back > 0)).map((x) => [x.segment === 'unknown' ? L.unknownWord : x.segment, x])));
  }
  if (r.account_managers.length > 0) {
    const name = (n: string) => (n === '' ? L.noManager : n === OTHER_MANAGERS ? L.otherManagers : n);
    parts.push(breakdown(ctx, 'money-by-manager', L.byManager, L.accountManager, r.account_managers.filter((x) => x.win_back > 0).map((x) => [name(x.account_manager), x])));
  }
  if (r.regions.length > 0) {
    const name = (n: string) => (n === '' ? L.noRegion : n === OTHER_MANAGERS ? L.otherRegions : n);
    parts.push(breakdown(ctx, 'money-by-region', L.byRegion, L.region, r.regions.filter((x) => x.win_back > 0).map((x) => [name(x.region), x])));
  }
  return parts.length === 0 ? '' : `<section id="money-groups"><h2>${esc(L.byGroup)}</h2>${parts.join('')}</section>`;
}

function byProfit<T extends { expected_value: number; win_back: number }>(lines: T[]): T[] {
  return [...lines].sort((a, b) => b.expected_value - a.expected_value || b.win_back - a.win_back);
}

function breakdown({ r, L, lang }: MoneyCtx, id: string, title: string, groupHead: string, rows: [string, Line][]): string {
  const cur = (v: number | null) => (v === null ? '' : formatCurrency(v, lang, r.money.currency));
  const columns: { head: string; cell: (x: Line) => string; num: boolean }[] = [
    { head: L.winBackCount, cell: (x) => String(x.win_back), num: true },
    { head: L.profitShort, cell: (x) => cur(x.expected_value), num: true },
    { head: L.costShort, cell: (x) => cur(x.cost), num: true },
    { head: L.rosShort(r.money.currency), cell: (x) => (x.return_on_spend === null ? '' : formatDecimal(x.return_on_spend, lang)), num: true },
    { head: L.stakeShort, cell: (x) => cur(x.value_at_stake_win_back), num: true },
  ];
  // A column the source cannot fill is left out rather than shown empty.
  const shown = columns.filter((c) => rows.some(([, x]) => c.cell(x) !== ''));
  const head = `<tr><th scope="col">${esc(groupHead)}</th>${shown.map((c) => `<th scope="col" class="num">${esc(c.head)}</th>`).join('')}</tr>`;
  const body = rows.map(([name, x]) => `<tr><th scope="row">${esc(name)}</th>${shown.map((c) => `<td class="num">${esc(c.cell(x))}</td>`).join('')}</tr>`).join('\n');
  return `<h3 id="${id}-title">${esc(title)}</h3><div class="scroll" role="region" aria-labelledby="${id}-title" tabindex="0"><table id="${id}"><thead>${head}</thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** The funnel as the report's first chart, then why worth-while customers drop out, in words. */
export function funnelSection({ r, L, lang }: MoneyCtx, color: string): string {
  const cur = (v: number) => formatCurrency(v, lang, r.money.currency);
  const steps = r.funnel.steps.map((s) => ({
    label: L.funnelSteps[s.step] ?? s.step,
    count: s.count,
    lines: [
      s.value_at_stake === null ? '' : `${L.funnelStake} ${cur(s.value_at_stake)}`, s.expected_value === null ? '' : `${L.funnelExpected} ${cur(s.expected_value)}`,
      s.cost === undefined ? '' : `${L.funnelCost} ${cur(s.cost)}`, s.margin === undefined ? '' : `${L.funnelMargin} ${cur(s.margin)}`,
    ].filter((x) => x !== ''),
  }));
  const chart = funnelChart({ id: 'chart-funnel', title: L.funnel, steps, color });
  const dropped = Object.entries(r.funnel.unreachable);
  const list = dropped.length === 0
    ? `<p>${esc(L.droppedNone)}</p>`
    : `<ul>${dropped.map(([why, count]) => `<li><b>${count}</b> ${esc(blockReasonText(why, L))}</li>`).join('')}</ul>`;
  const note = L.funnelNote(formatDate(r.funnel.period.from, lang), formatDate(r.funnel.period.until, lang));
  return `<section id="funnel"><h2>${esc(L.funnel)}</h2><p class="note">${esc(note)}</p><div class="figure" role="region" aria-label="${esc(L.funnel)}" tabindex="0">${chart}</div><h3>${esc(L.dropped)}</h3>${list}</section>`;
}

/** Why a customer is flagged, every reason in words (the HTML and the terminal report). */
export function outlierReasons(r: Report, c: Outlier, L: ReportLabels, lang: Lang): string {
  const o = r.outliers;
  const cur = (v: number) => formatCurrency(v, lang, r.money.currency);
  return c.why.map((code) => {
    if (code === 'value_share') return L.outlierShare(formatPercent(c.share ?? 0, lang), formatPercent(o.share, lang));
    if (code === 'revenue_vs_median') {
      const segment = c.segment === 'unknown' ? L.unknownWord : c.segment;
      return L.outlierRevenue(cur(c.monthly_revenue ?? 0), o.revenue_ratio, segment, cur(o.median_monthly_revenue[c.segment] ?? 0));
    }
    return L.implausible[code] ?? code;
  }).join('; ');
}

/** The flagged customers, at the top of the report, each with every reason in words. */
export function outlierSection({ r, L, lang }: MoneyCtx): string {
  const o = r.outliers;
  if (o.customers.length === 0 && o.more === 0) return '';
  const cur = (v: number) => formatCurrency(v, lang, r.money.currency);
  const why = (c: Outlier) => outlierReasons(r, c, L, lang);
  const rows = o.customers.map((c) => `<tr><td class="nowrap">${esc(c.customer_id)}</td><td>${esc(c.name)}</td><td>${esc(L.decisions[c.decision] ?? c.decision)}</td><td class="num">${c.expected_value === null ? '' : esc(cur(c.expected_value))}</td><td>${esc(why(c))}</td></tr>`).join('\n');
  const head = [L.id, L.name, L.decision, L.expected, L.why].map((h, i) => `<th scope="col"${i === 3 ? ' class="num"' : ''}>${esc(h)}</th>`).join('');
  const more = o.more > 0 ? `<p>${esc(L.outliersMore(o.more))}</p>` : '';
  return `<section id="outliers" class="alert" aria-labelledby="outliers-title"><h2 id="outliers-title">${esc(L.outliers)}</h2><p class="note">${esc(L.outliersNote)}</p>`
    + `<div class="scroll" role="region" aria-label="${esc(L.outliers)}" tabindex="0"><table id="outlier-table"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table></div>${more}</section>`;
}
