/** The terminal report: compact tables that fit an 80-column terminal, colours only when allowed. */
import { DECISIONS } from '../../domain/value/types.js';
import { returnOnSpend } from '../../domain/plan/money.js';
import { OTHER_MANAGERS } from '../../domain/report/report.js';
import type { Report } from '../../domain/report/finish.js';
import { CHANNELS } from '../../domain/playbook-types.js';
import { blockReasonText, formatDate, formatDecimal, formatMoney, formatPercent, type Lang, type ReportLabels, messages } from '../../domain/catalogue/index.js';
import { formatLift } from './html-results.js';
import { changeRows, changesCaveats } from './html-changes.js';
import { outlierReasons } from './html-money.js';
import { currentTableWidth, renderTable, renderWholeHeaders, styler, truncate } from '../render.js';

const WIDTH = 80;
type Styler = ReturnType<typeof styler>;

export interface ReportOptions {
  color: boolean;
  lang: Lang;
  /** reason code → label in the report's language (from the playbook), as the HTML report shows them */
  reasonLabels?: Record<string, string>;
}

/** Renders the whole report as terminal text. */
export function renderReport(r: Report, opts: ReportOptions): string {
  const L = messages(opts.lang).report.words;
  const reason = (code: string) => opts.reasonLabels?.[code] ?? code;
  const c = styler(opts.color);
  const m = (v: number) => formatMoney(v, opts.lang);
  const parts = [
    header(r, L, c, m, opts.lang),
    outliers(r, L, c, opts),
    funnel(r, L, c, opts),
    results(r, L, c, opts),
    changes(r, L, c, opts),
    gone(r, 'reasons') ? '' : section(c, L.reasons, renderTable([L.reason, L.count, L.share, L.cumulative, L.atStake, L.expected], r.reasons.map((x) => [
      truncate(reason(x.code), 20), x.count, formatPercent(x.share, opts.lang), formatPercent(x.cumulative_share, opts.lang), m(x.value_at_stake), c.green(m(x.expected_value)),
    ]), { color: opts.color, align: ['left', 'right', 'right', 'right', 'right', 'right'] })),
    // The count is the sum of the decision columns: left out so the table fits 80 columns.
    gone(r, 'segments') ? '' : section(c, L.segments, renderTable([L.segment, ...DECISIONS.map((d) => L.decisionsShort[d] ?? d), L.atStake, L.expected], r.segments.map((s) => [
      s.segment === 'unknown' ? L.unknownWord : s.segment, ...DECISIONS.map((d) => s[d]), m(s.value_at_stake), c.green(m(s.expected_value)),
    ]), { color: opts.color, align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] })),
    groupMoney(r, L, c, opts, 'managers'),
    groupMoney(r, L, c, opts, 'regions'),
    calendar(r, L, c, opts),
    topTable(r, L, c, opts),
    distribution(r, L, c, opts.lang),
    switching(r, L, c, opts),
    quality(r, L, c),
  ];
  return `${parts.filter((p) => p !== '').join('\n\n')}\n`;
}

const gone = (r: Report, section: string) => r.missing.some((x) => x.section === section);

function header(r: Report, L: ReportLabels, c: Styler, m: (v: number) => string, lang: Lang): string {
  const d = r.decisions;
  const decisions = [...DECISIONS.map((k) => `${L.decisions[k]} ${d[k]}`), ...(r.returned ? [`${L.cameBack} ${r.returned}`] : [])].join(' · ');
  return [
    c.bold(`${L.title} — ${L.asOf} ${formatDate(r.as_of, lang)}`),
    wrap(`${L.source}: ${clean(r.source.label)} (${L.sourceKinds[r.source.kind] ?? r.source.kind})`),
    L.rowsLine(r.rows.read, r.rows.accepted, r.rows.rejected),
    // A figure the source cannot give is left out, never shown as 0.
    [r.money.value_at_stake_all === null ? '' : `${L.atStake} ${m(r.money.value_at_stake_all)}`, `${L.expected} ${c.green(m(r.money.expected_profit))}`].filter((x) => x !== '').join(' · '),
    // The plan's cost and what it returns per unit spent, as the HTML report's tiles (a figure the source lacks is left out).
    wrap([
      r.money.cost === null ? '' : `${r.money.basis === 'listed' && r.money.incentive_cost === null ? L.contactCost : L.cost} ${m(r.money.cost)}`,
      r.money.return_on_spend === null ? '' : `${L.ros} ${L.rosValue(formatDecimal(r.money.return_on_spend, lang), r.money.currency)}`,
    ].filter((x) => x !== '').join(' · ')),
    wrap(decisions),
  ].filter((x) => x !== '').join('\n');
}

/** The customers to check first (one carrying much of the plan, implausible inputs), as the HTML report's alert. */
function outliers(r: Report, L: ReportLabels, c: Styler, opts: ReportOptions): string {
  const o = r.outliers;
  if (o.customers.length === 0 && o.more === 0) return '';
  const m = (v: number) => formatMoney(v, opts.lang);
  const lines = o.customers.map((x) => wrap(`${clean(x.customer_id)} ${truncate(clean(x.name), 30)} · ${L.decisions[x.decision] ?? x.decision}${x.expected_value === null ? '' : ` · ${L.expected} ${m(x.expected_value)}`}: ${outlierReasons(r, x, L, opts.lang)}`));
  return section(c, L.outliers, [...lines, ...(o.more > 0 ? [L.outliersMore(o.more)] : [])].join('\n'));
}

/** The funnel from lost to contacted, with what drops out for want of a channel. */
function funnel(r: Report, L: ReportLabels, c: Styler, opts: ReportOptions): string {
  const m = (v: number | null | undefined) => (v === null || v === undefined ? '' : formatMoney(v, opts.lang));
  const rows = r.funnel.steps.map((s) => [L.funnelSteps[s.step] ?? s.step, s.count, m(s.value_at_stake), m(s.expected_value)]);
  const table = renderTable([L.funnelStep, L.funnelCustomers, L.atStake, L.expected], rows, { color: opts.color, align: ['left', 'right', 'right', 'right'] });
  // The results' steps carry what was spent and the margin since the return, as the HTML funnel shows them.
  const results = r.funnel.steps.flatMap((s) => {
    const money = [s.cost === undefined ? '' : `${L.funnelCost} ${m(s.cost)}`, s.margin === undefined ? '' : `${L.funnelMargin} ${m(s.margin)}`].filter((x) => x !== '');
    return money.length === 0 ? [] : [wrap(`${L.funnelSteps[s.step] ?? s.step}: ${money.join(' · ')}`)];
  });
  const dropped = Object.entries(r.funnel.unreachable).map(([why, count]) => wrap(`${count} ${blockReasonText(why, L)}`));
  return section(c, `${L.funnel} (${formatDate(r.funnel.period.from, opts.lang)} – ${formatDate(r.funnel.period.until, opts.lang)})`, [table, ...results, ...(dropped.length > 0 ? [`${L.dropped}:`, ...dropped] : [])].join('\n'));
}

/** The campaign's results next to the plan: contacted, returned and the lift per reason. */
function results(r: Report, L: ReportLabels, c: Styler, opts: ReportOptions): string {
  const res = r.results;
  if (res === undefined) return '';
  const rows = [...res.by_reason, res.total].map((k) => [
    truncate(k === res.total ? L.resultsTotal : (opts.reasonLabels?.[k.reason] ?? k.reason), 16), k.contacted.customers, k.contacted.regained, k.control.customers, k.control.regained,
    formatLift(k.lift, L, opts.lang) || '-',
  ]);
  // Every header whole at the terminal's width: the control group's columns give way first (the lift keeps its interval).
  const heads: [string, number][] = [[L.reason, 0], [L.contactedGroup, 2], [L.returnedShort, 3], [L.controlGroup, 5], [L.returnedShort, 6], [`${L.lift} [95 %]`, 0]];
  const fitted = renderWholeHeaders(heads.map(([head, priority], i) => ({ head, priority, align: i === 0 ? 'left' : 'right', ...(i === 0 ? { minWidth: 10 } : {}) })), rows, { color: opts.color });
  const table = fitted.dropped.length === 0 ? fitted.table : `${fitted.table}\n${wrap(L.columnsLeftOut(currentTableWidth(), fitted.dropped.join(', ')))}`;
  const note = wrap(L.resultsNote(formatDate(res.as_of, opts.lang), res.window_days, clean(res.ledger.file), clean(res.outcomes.file)));
  return section(c, L.results, `${note}\n${table}${res.total.control.customers === 0 ? `\n${wrap(L.noControl)}` : ''}`);
}

/** The change since the last run: what is compared, then the figures before and now. */
function changes(r: Report, L: ReportLabels, c: Styler, opts: ReportOptions): string {
  const ch = r.changes;
  if (ch === undefined) return '';
  const cur = r.money.currency;
  const align: ('left' | 'right')[] = ['left', 'right', 'right', 'right'];
  const head = (first: string) => [first, L.previousHead, L.currentHead, L.changeHead];
  const table = (first: string, rows: string[][]) => renderTable(head(first), rows.map((x) => [truncate(clean(x[0] ?? ''), 34), ...x.slice(1)]), { color: opts.color, align });
  const headline = changeRows(ch.headline.filter((x) => x.previous !== null || x.current !== null), (k) => L.figureNames[k] ?? k, opts.lang, cur);
  const parts = [
    wrap(L.changesNote(clean(ch.previous.source), formatDate(ch.previous.as_of, opts.lang))),
    ...changesCaveats(ch, L, opts.lang).map((x) => c.yellow(wrap(`- ${clean(x)}`, '  '))),
    table(L.figureHead, headline),
    table(L.decision, changeRows(ch.decisions, (k) => L.decisions[k] ?? k, opts.lang, cur)),
    table(L.reason, changeRows(ch.reasons, (k) => opts.reasonLabels?.[k] ?? k, opts.lang, cur)),
  ];
  return section(c, L.changes, parts.join('\n'));
}

/** Groups listed one by one in the terminal; the rest are summed into one line (the HTML and --json list them all). */
export const TERMINAL_GROUPS = 12;

type GroupLine = Report['regions'][number];

/**
 * The plan's money by account manager or by region, as the HTML report has it: lost and
 * win-back customers, value at stake and expected profit (as the reason and segment tables),
 * cost and return on spend; a column the source cannot fill is left out.
 */
function groupMoney(r: Report, L: ReportLabels, c: Styler, opts: ReportOptions, which: 'managers' | 'regions'): string {
  const lines: GroupLine[] = which === 'regions' ? r.regions : r.account_managers.map(({ account_manager, ...x }) => ({ ...x, region: account_manager }));
  if (lines.length === 0) return '';
  const none = which === 'regions' ? L.noRegion : L.noManager;
  const others = which === 'regions' ? L.otherRegions : L.otherManagers;
  const kept = lines.filter((x) => x.region !== OTHER_MANAGERS).slice(0, TERMINAL_GROUPS);
  const rest = lines.filter((x) => !kept.includes(x));
  const rows: GroupLine[] = rest.length === 0 ? kept : [...kept, { ...sumGroups(rest), region: OTHER_MANAGERS }];
  const m = (v: number) => formatMoney(v, opts.lang);
  const stake = r.money.value_at_stake_all !== null;
  const all: { head: string; cell: (x: GroupLine) => string; show: boolean }[] = [
    // From a campaign directory the groups hold the listed customers only.
    { head: r.source.kind === 'campaign' ? L.listed : L.count, cell: (x) => String(x.count), show: true },
    { head: L.winBackShort, cell: (x) => String(x.win_back), show: true },
    { head: L.atStake, cell: (x) => m(x.value_at_stake), show: stake },
    { head: L.expected, cell: (x) => c.green(m(x.expected_value)), show: true },
    { head: L.costShort, cell: (x) => (x.cost === null ? '' : m(x.cost)), show: rows.some((x) => x.cost !== null) },
    { head: L.rosShort(r.money.currency), cell: (x) => (x.return_on_spend === null ? '' : formatDecimal(x.return_on_spend, opts.lang)), show: rows.some((x) => x.return_on_spend !== null) },
  ];
  const columns = all.filter((col) => col.show);
  const name = (n: string) => (n === '' ? none : n === OTHER_MANAGERS ? `${others} (${rest.length})` : truncate(clean(n), 24));
  const table = renderTable([which === 'regions' ? L.region : L.accountManager, ...columns.map((col) => col.head)], rows.map((x) => [name(x.region), ...columns.map((col) => col.cell(x))]), {
    color: opts.color, align: ['left', ...columns.map(() => 'right' as const)],
  });
  return section(c, `${L.moneyTitle} ${which === 'regions' ? L.byRegion : L.byManager}`, table);
}

/** One line for the groups beyond the listed ones: sums, and the return on spend of the sums. */
function sumGroups(lines: readonly GroupLine[]): Omit<GroupLine, 'region'> {
  const sum = (f: (x: GroupLine) => number | null) => (lines.some((x) => f(x) === null) ? null : lines.reduce((a, x) => a + (f(x) as number), 0));
  const expected = sum((x) => x.expected_value) as number;
  const cost = sum((x) => x.cost);
  return {
    count: sum((x) => x.count) as number, win_back: sum((x) => x.win_back) as number, value_at_stake: sum((x) => x.value_at_stake) as number, expected_value: expected,
    value_at_stake_win_back: sum((x) => x.value_at_stake_win_back), contact_cost: sum((x) => x.contact_cost), incentive_cost: sum((x) => x.incentive_cost),
    cost, return_on_spend: cost === null ? null : returnOnSpend(expected, cost),
  };
}

function calendar(r: Report, L: ReportLabels, c: Styler, opts: ReportOptions): string {
  if (r.missing.some((x) => x.section === 'calendar')) return '';
  const rows = r.calendar.weeks.map((w) => [w.week, formatDate(w.from, opts.lang), ...CHANNELS.map((ch) => w.channels[ch] || ''), c.bold(String(w.total))]);
  const table = renderTable([L.week, L.from, ...CHANNELS.map((ch) => truncate(L.channels[ch] ?? ch, 8)), L.total], rows, {
    color: opts.color, align: ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
  });
  const tail = [`${L.later}: ${r.calendar.later}`, `${L.withoutWindow}: ${r.calendar.without_window}`, ...(r.calendar.window_closed > 0 ? [`${L.windowClosed}: ${r.calendar.window_closed}`] : [])].join('\n');
  return section(c, L.calendar, `${table}\n${tail}`);
}

function topTable(r: Report, L: ReportLabels, c: Styler, opts: ReportOptions): string {
  if (r.top.length === 0) return '';
  const rows = r.top.map((t) => [t.rank, truncate(clean(t.customer_id), 10), truncate(clean(t.name), 16), truncate(opts.reasonLabels?.[t.reason_code] ?? t.reason_code, 16), truncate(L.channels[t.channel] ?? t.channel, 7), c.green(formatMoney(t.expected_value, opts.lang))]);
  return section(c, `${L.top} (${r.top.length})`, renderTable([L.rank, L.id, L.name, L.reason, L.channel, L.expected], rows, {
    color: opts.color, align: ['right', 'left', 'left', 'left', 'left', 'right'],
  }));
}

function distribution(r: Report, L: ReportLabels, c: Styler, lang: Lang): string {
  const most = Math.max(1, ...r.value_distribution.map((b) => b.count));
  const rows = r.value_distribution.map((b) => [binLabel(b.from, b.to, lang), b.count, b.win_back, '#'.repeat(Math.round((b.count / most) * 24))]);
  return section(c, L.distribution, renderTable([L.valueAxis, L.customers, L.winBackShort, ''], rows, { color: false, align: ['right', 'right', 'right', 'left'] }));
}

function switching(r: Report, L: ReportLabels, c: Styler, opts: ReportOptions): string {
  if (r.missing.some((x) => x.section === 'switching')) return '';
  const m = (v: number) => formatMoney(v, opts.lang);
  const paths = renderTable([L.path, L.count, L.winBackShort, L.atStake, L.expected], r.switching.paths.filter((p) => p.count > 0).map((p) => [
    truncate(L.paths[p.path] ?? p.path, 28), p.count, p.win_back, m(p.value_at_stake), c.green(m(p.expected_value)),
  ]), { color: opts.color, align: ['left', 'right', 'right', 'right', 'right'] });
  const phases = renderTable([L.phase, L.count, L.winBackShort], r.switching.phases.filter((p) => p.count > 0).map((p) => [L.phaseNames[p.phase] ?? p.phase, p.count, p.win_back]), {
    color: opts.color, align: ['left', 'right', 'right'],
  });
  const s = r.switching;
  const signals = [
    `${L.complaints}: ${L.yes} ${s.complaints.yes} · ${L.no} ${s.complaints.no} · ${L.unknownWord} ${s.complaints.unknown}`,
    `${L.competitorKnown}: ${L.yes} ${s.competitor.known} · ${L.no} ${s.competitor.unknown}`,
  ].join('\n');
  return `${section(c, L.switching, paths)}\n${signals}\n\n${section(c, L.phases, phases)}`;
}

function quality(r: Report, L: ReportLabels, c: Styler): string {
  const q = r.quality;
  // Checks the input cannot make are named under "not available", never counted as 0.
  const checks = r.missing.some((x) => x.section === 'quality') ? (['rejected'] as const) : (['rejected', 'unknown_reasons', 'default_margins', 'not_valued', 'blocked_channel'] as const);
  const lines = checks.map((k) => `  ${String(q[k]).padStart(6)}  ${L.qualityLines[k]}`);
  for (const [why, n] of Object.entries(q.blocked_by)) lines.push(truncate(`  ${''.padStart(6)}    ${n} ${blockReasonText(why, L)}`, WIDTH));
  const out = [section(c, L.quality, lines.join('\n'))];
  if (r.missing.length > 0) out.push(section(c, L.missing, [...r.missing.map((x) => wrap(`- ${L.missingSections[x.section] ?? x.section}: ${L.missingWhy[x.section] ?? x.why}`, '  ')), wrap(L.missingWhere)].join('\n')));
  if (r.notes.length > 0) out.push(section(c, L.notes, r.notes.map((n) => c.yellow(wrap(`- ${clean(n)}`, '  '))).join('\n')));
  return out.join('\n\n');
}

function section(c: Styler, title: string, body: string): string {
  return `${c.bold.underline(title)}\n${body}`;
}

/** Expected-value bin label such as "1,000 – 5,000", "< 0" or "≥ 100,000". */
export function binLabel(from: number | null, to: number | null, lang: Lang): string {
  if (from === null) return `< ${formatMoney(to ?? 0, lang)}`;
  if (to === null) return `≥ ${formatMoney(from, lang)}`;
  return `${formatMoney(from, lang)} – ${formatMoney(to, lang)}`;
}

// Data may hold escape sequences or line breaks; they must not steer the terminal.
function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

function wrap(text: string, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = indent + word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.map((l) => (l.length > WIDTH ? truncate(l, WIDTH) : l)).join('\n');
}
