/**
 * Outputs of `winback results`: the JSON document, the terminal tables, and the history file
 * in the format `winback calibrate` reads (docs/results.md lists every column).
 */
import { DAYS_PER_MONTH, formatIsoDay } from '../../domain/dates.js';
import type { Attempt, KpiRow, ResultsReport } from '../../domain/results/results.js';
import { kpiJson } from '../../domain/results/json.js';
import type { CustomerRow, EpochDay } from '../../domain/types.js';
import type { ColumnSpec, CsvFormat } from '../csv/write.js';
import { currentTableWidth, renderWholeHeaders, styler, wrap, type WholeColumn } from '../render.js';
import { formatFixed, formatWhole, messages, type Lang } from '../../domain/catalogue/index.js';

export { kpiJson } from '../../domain/results/json.js';

/** The report's KPI part as JSON. */
export function reportJson(r: ResultsReport) {
  return {
    counts: r.counts,
    total: kpiJson(r.total),
    by_reason: r.byReason.map(kpiJson),
    segments: r.segments.map(kpiJson),
    // Only when channels were drawn at random (campaign --test-channels): older reports keep their shape.
    ...(r.channelTest.length > 0 ? { channel_test: r.channelTest.map(kpiJson) } : {}),
    serial_defectors: r.serialDefectors.map((s) => ({
      customer_id: s.customer_id, reason_code: s.reasonCode, offer_type: s.offerType,
      return_date: formatIsoDay(s.returnDate), cancelled_again: formatIsoDay(s.cancelledAgain),
    })),
  };
}

/** A share as a percentage with one decimal; '-' when undefined. */
export const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)} %`);
/** Whole currency units with thousands separators. */
export const money = (x: number) => (Math.round(x) || 0).toLocaleString('en-US'); // `|| 0` turns −0 into 0

/** Lift in percentage points with its interval, e.g. "+5.2 pp [1.1, 9.3]". */
export function formatLift(k: KpiRow): string {
  if (!k.lift) return '-';
  const pp = (x: number) => (x * 100).toFixed(1);
  return `${k.lift.difference >= 0 ? '+' : ''}${pp(k.lift.difference)} pp [${pp(k.lift.low)}, ${pp(k.lift.high)}]`;
}

/**
 * Terminal tables: regain and lift per reason (by the playbook's label where given), money per
 * reason, and reason × offer × channel; at the terminal's width every shown header is whole
 * (columns that do not fit are left out, and a line says which).
 */
export function renderResults(r: ResultsReport, head: string, color: boolean, lang: Lang = 'en', labels: ReadonlyMap<string, string> = new Map(), width = currentTableWidth()): string {
  const c = styler(color);
  const t = messages(lang).results;
  const names = messages(lang).names;
  const de = lang === 'de';
  const share = (x: number | null) => (de && x !== null ? `${formatFixed(x * 100, 1, 'de')} %` : pct(x));
  const cash = (x: number) => (de ? formatWhole(x, 'de') : money(x));
  const lift = (k: KpiRow) => (de ? formatLift(k).replace(/(\d)\.(\d)/g, '$1,$2').replace(', ', '; ').replace(' pp ', ' Pp. ') : formatLift(k));
  const reason = (code: string) => labels.get(code) ?? code;
  const rows = [...r.byReason, r.total];
  const label = (k: KpiRow) => (k === r.total ? c.bold(t.total) : reason(k.reason));
  // Every header stays whole at the terminal's width: the least important columns give way first.
  const cols = (heads: readonly string[], spec: [number, number?][]): WholeColumn[] => heads.map((head, i) => {
    const [priority, minWidth] = spec[i] ?? [0];
    return { head, priority, align: minWidth === undefined ? 'right' : 'left', ...(minWidth === undefined ? {} : { minWidth }) };
  });
  const fit = (columns: WholeColumn[], cells: (string | number)[][]) => {
    const { table, dropped } = renderWholeHeaders(columns, cells, { color, width });
    return dropped.length === 0 ? table : `${table}\n${c.dim(wrap(messages(lang).report.words.columnsLeftOut(width, dropped.join(', ')), width, ''))}`;
  };
  const rates = fit(cols(t.rateColumns, [[0, 10], [2], [5], [1], [6], [1], [0]]),
    rows.map((k) => [label(k), k.contacted.customers, k.contacted.regained, share(k.contacted.rate), k.control.customers, share(k.control.rate), lift(k)]));
  // Gross figures count returns that would have come anyway; the incremental ones are over the control group.
  const estimate = (e: KpiRow['incrementalProfit']) => (e === null ? '-' : `${cash(e.value)} [${cash(e.low)}${de ? '; ' : ', '}${cash(e.high)}]`);
  const moneyTable = fit(cols(t.moneyColumns, [[0, 10], [4], [3], [2], [1], [0], [1], [5]]),
    rows.map((k) => {
      const g = k.contacted;
      return [label(k), cash(g.revenue), cash(g.margin), cash(g.cost), cash(g.profit), estimate(k.incrementalProfit), share(k.incrementalReturn?.value ?? null), `${g.repeatChurn} (${share(g.repeatChurnRate)})`];
    }));
  const segments = fit(cols(t.segmentColumns, [[0, 10], [0, 8], [0, 6], [0], [1], [2], [3], [1]]),
    r.segments.map((k) => [reason(k.reason), names.offer(k.offer), names.channel(k.channel), k.contacted.customers, share(k.contacted.rate), share(k.control.rate), lift(k), k.incrementalProfit === null ? '-' : cash(k.incrementalProfit.value)]));
  const channelTest = r.channelTest.length === 0 ? [] : [c.bold(t.channelTestHead), fit(cols(t.segmentColumns, [[0, 10], [0, 8], [0, 6], [0], [1], [2], [3], [1]]),
    r.channelTest.map((k) => ['*', '*', names.channel(k.channel), k.contacted.customers, share(k.contacted.rate), share(k.control.rate), lift(k), k.incrementalProfit === null ? '-' : cash(k.incrementalProfit.value)]))];
  const serial = r.serialDefectors.length === 0
    ? t.serialNone
    : t.serial(r.serialDefectors.length, `${r.serialDefectors.slice(0, 10).map((s) => s.customer_id).join(', ')}${r.serialDefectors.length > 10 ? ', …' : ''}`);
  return [
    wrap(head, width, ''),
    c.bold(t.ratesHead), rates,
    c.bold(t.moneyHead), moneyTable,
    c.bold(t.segmentsHead), segments,
    ...channelTest,
    wrap(serial, width, ''),
    '',
  ].join('\n');
}

/** Columns of --history-out: the lost-customer fields the model uses, then the attempt and its outcome. */
export const HISTORY_OUT_COLUMNS: ColumnSpec[] = [
  { name: 'customer_id', kind: 'text' }, { name: 'segment', kind: 'text' }, { name: 'key_account', kind: 'text' },
  { name: 'customer_since', kind: 'date' }, { name: 'churn_date', kind: 'date' }, { name: 'tenure_months', kind: 'ratio' },
  { name: 'orders', kind: 'int' }, { name: 'revenue', kind: 'money' }, { name: 'monthly_revenue', kind: 'money' },
  { name: 'margin', kind: 'text' }, { name: 'complaints', kind: 'int' }, { name: 'reason', kind: 'text' },
  { name: 'reason_code', kind: 'text' }, { name: 'contact_date', kind: 'date' }, { name: 'offer_type', kind: 'text' },
  { name: 'channel', kind: 'text' }, { name: 'won_back', kind: 'text' }, { name: 'return_date', kind: 'date' },
  { name: 'second_lifetime_months', kind: 'ratio' }, { name: 'second_lifetime_revenue', kind: 'money' },
  { name: 'second_lifetime_margin', kind: 'money' },
  // contacted or control: calibrate learns the organic return from the control rows
  { name: 'attempt_group', kind: 'text' },
  // yes: the offer was drawn at random (campaign --test-offers); calibrate learns offer effects from these rows only
  { name: 'offer_randomised', kind: 'text' },
  // yes: the channel was drawn at random among the permitted ones (campaign --test-channels)
  { name: 'channel_randomised', kind: 'text' },
  // the day a returner left again (blank: still a customer at as-of): calibrate's second lifetime is censored there
  { name: 'cancelled_again', kind: 'date' },
];

const yesNo = (b: boolean | null | undefined) => (b === true ? 'yes' : b === false ? 'no' : '');

/** One history row: the customer's first lifetime from the export, the attempt from the ledger, the outcome. */
export function historyValues(a: Attempt, row: CustomerRow, asOf: EpochDay, decimal: CsvFormat['decimal'] = '.'): unknown[] {
  const regained = a.status === 'regained' && a.returnDate !== undefined;
  const end = a.cancelledAgain !== undefined && a.cancelledAgain <= asOf ? a.cancelledAgain : asOf;
  const months = regained ? Math.max(0, end - (a.returnDate as number)) / DAYS_PER_MONTH : undefined;
  // A text cell (a share keeps its %), with the decimal mark of the file's numbers (--excel: a comma, as in the money columns).
  const margin = row.margin === undefined ? '' : `${String(row.margin.value).replace('.', decimal)}${row.margin.kind === 'percent' ? '%' : ''}`;
  return [
    row.customer_id, row.segment ?? '', yesNo(row.key_account), row.customer_since, row.churn_date, row.tenure_months,
    row.orders, row.revenue, row.monthly_revenue, margin, row.complaints, row.reason ?? '',
    a.reasonCode, a.contactDate, a.offerType, a.channel, regained ? 'yes' : 'no', regained ? a.returnDate : undefined,
    months, regained ? a.revenue : undefined, regained ? a.margin : undefined,
    a.group, a.randomised ? 'yes' : 'no', a.channelRandomised ? 'yes' : 'no',
    regained && a.cancelledAgain !== undefined && a.cancelledAgain <= asOf && a.cancelledAgain >= (a.returnDate as number) ? a.cancelledAgain : undefined,
  ];
}
