/**
 * The money sections of the HTML report: the headline tiles (each figure with its currency
 * and a one-line definition) and the same figures by reason, segment and account manager.
 * Figures a source cannot give are left out, never shown as 0.
 */
import type { MoneyFields, Report } from '../domain/report-finish.js';
import { OTHER_MANAGERS } from '../domain/report.js';
import { formatCurrency, formatDecimal, type ReportLabels, type ReportLang } from './report-labels.js';
import { esc } from './report-svg.js';

export interface MoneyCtx { r: Report; L: ReportLabels; lang: ReportLang; reason: (code: string) => string }

/** The headline tiles: profit, cost, return on spend, value at stake on two stated bases. */
export function moneyTiles({ r, L, lang }: MoneyCtx): string {
  const m = r.money;
  const cur = (v: number) => formatCurrency(v, lang, m.currency);
  const listed = m.basis === 'listed';
  const tiles: [string, string, string][] = [
    listed ? [L.profitListed, cur(m.expected_profit), L.profitListedDef(m.customers)] : [L.profit, cur(m.expected_profit), L.profitDef(m.customers)],
  ];
  if (m.cost !== null && m.contact_cost !== null && m.incentive_cost !== null) tiles.push([L.cost, cur(m.cost), L.costDef(cur(m.contact_cost), cur(m.incentive_cost))]);
  else if (m.contact_cost !== null) tiles.push([L.cost, cur(m.contact_cost), L.contactCostDef]);
  if (m.return_on_spend !== null) tiles.push([L.ros, L.rosValue(formatDecimal(m.return_on_spend, lang), m.currency), L.rosDef(m.currency)]);
  if (m.value_at_stake_win_back !== null) tiles.push([L.stakeWinBack, cur(m.value_at_stake_win_back), L.stakeWinBackDef]);
  if (m.value_at_stake_all !== null) tiles.push([L.stakeAll, cur(m.value_at_stake_all), L.stakeAllDef(r.totals.customers)]);
  const html = tiles.map(([k, v, def]) => `<div class="tile"><span class="k">${esc(k)}</span><span class="v">${esc(v)}</span><span class="def">${esc(def)}</span></div>`).join('');
  return `<section id="money"><h2>${esc(L.moneyTitle)}</h2><p class="note">${esc(L.moneyNote(m.currency))}</p><div class="tiles">${html}</div></section>`;
}

type Line = MoneyFields & { win_back: number; expected_value: number };

/** The plan's money by reason, segment and account manager, as tables that scroll inside their box. */
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
    { head: L.rosShort, cell: (x) => (x.return_on_spend === null ? '' : formatDecimal(x.return_on_spend, lang)), num: true },
    { head: L.stakeShort, cell: (x) => cur(x.value_at_stake_win_back), num: true },
  ];
  // A column the source cannot fill is left out rather than shown empty.
  const shown = columns.filter((c) => rows.some(([, x]) => c.cell(x) !== ''));
  const head = `<tr><th scope="col">${esc(groupHead)}</th>${shown.map((c) => `<th scope="col" class="num">${esc(c.head)}</th>`).join('')}</tr>`;
  const body = rows.map(([name, x]) => `<tr><th scope="row">${esc(name)}</th>${shown.map((c) => `<td class="num">${esc(c.cell(x))}</td>`).join('')}</tr>`).join('\n');
  return `<h3 id="${id}-title">${esc(title)}</h3><div class="scroll" role="region" aria-labelledby="${id}-title" tabindex="0"><table id="${id}"><thead>${head}</thead><tbody>\n${body}\n</tbody></table></div>`;
}
