/** Terminal text of a plan run: the summary table and one customer's explanation. */
import { DECISIONS } from '../domain/value-types.js';
import type { PlanTotals } from '../domain/plan-summary.js';
import type { PlannedCustomer, PlanSetup } from '../domain/plan.js';
import { formatIsoDay } from '../domain/dates.js';
import { formatFormulaNumber } from '../domain/value-explain.js';
import { compareActions } from '../domain/value-compare.js';
import { CHANNELS, type Channel } from '../domain/playbook-types.js';
import { renderTable, styler } from './render.js';

interface SummaryLike {
  input_rows: number;
  accepted: number;
  rejected: number;
  as_of: string;
  value_at_stake_total: number;
  expected_value_total: number;
}

/** Whole currency units with thousands separators, e.g. 12,345. */
export function money(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** The compact plan table: reasons × decisions with value at stake and expected recovered value. */
export function renderPlanSummary(s: SummaryLike, t: PlanTotals, outDir: string, color: boolean): string {
  const c = styler(color);
  const rows = Object.entries(t.reasons)
    .sort(([a, x], [b, y]) => y.value_at_stake - x.value_at_stake || (a < b ? -1 : 1))
    .map(([code, r]) => {
      const m = t.matrix[code];
      return [code, r.count, ...DECISIONS.map((d) => m?.[d] ?? 0), money(r.value_at_stake), money(r.expected_value)];
    });
  const d = t.decisions;
  rows.push([c.bold('total'), s.accepted, ...DECISIONS.map((k) => d[k]), money(t.value_at_stake_total), money(t.expected_value_total)]);
  const table = renderTable(['reason', 'rows', 'win', 'review', 'no chan', 'let go', 'never', 'at stake', 'expected'], rows, {
    color,
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  });
  const head = `${s.input_rows} rows read = ${s.accepted} planned + ${s.rejected} rejected (as of ${s.as_of})`;
  return `${head}\n${table}\nwritten: ${outDir}/plan.csv, rejects.csv, summary.json\n`;
}

/** Step-by-step computation of one customer, with the same numbers as plan.csv. */
export function renderExplain(p: PlannedCustomer, setup: PlanSetup): string {
  const v = p.value;
  const lines = [
    `customer ${p.row.customer_id} (line ${p.row.line}), as of ${formatIsoDay(setup.asOf)}`,
    `reason: ${p.reason.code} (confidence ${p.reason.confidence.toFixed(4)}; evidence: ${p.reason.evidence || '-'})`,
    `measure: ${p.measure}`,
    `channel: ${p.channel ?? '-'}; offer: ${v.offer_type ?? '-'} (${v.offerReason})`,
    '',
  ];
  const steps = v.explainSteps.length > 0 ? v.explainSteps : [];
  const width = Math.max(0, ...steps.map((s) => s.label.length));
  for (const s of steps) lines.push(`${s.label.padEnd(width)}  ${s.formula} = ${formatFormulaNumber(s.value)}`);
  lines.push('', ...permissionLines(p), ...comparisonLines(p, setup));
  lines.push('', `decision: ${v.decision} (${v.decisionReason})`);
  lines.push(`p_winback ${fmt(v.p_winback, 4)}  p_organic ${fmt(v.p_organic, 4)}  sltv ${fmt(v.sltv, 2)}  expected_value ${fmt(v.expected_value, 2)}`);
  if (p.window) lines.push(`contact ${formatIsoDay(p.window.contactFrom)} .. ${formatIsoDay(p.window.contactUntil)} (wave ${p.window.wave}): ${p.window.rule}`);
  return `${lines.join('\n')}\n`;
}

function permissionLines(p: PlannedCustomer): string[] {
  const verdict = CHANNELS.map((c) => `${c} ${p.permission.allowed[c] ? 'yes' : `no (${p.permission.blockedBy[c] ?? 'not permitted'})`}`);
  return [`permission: ${verdict.join(', ')}`];
}

/** The offer × channel table that was compared: expected value today (p_winback), * = chosen. */
function comparisonLines(p: PlannedCustomer, setup: PlanSetup): string[] {
  const cmp = compareActions(p.value, setup.config.model.currencySymbol);
  if (cmp.channels.length === 0) return [`offer × channel: ${cmp.why}`];
  const cell = (offer: string, c: Channel) => {
    const o = cmp.cells[offer]?.[c];
    if (o === undefined) return '-';
    const mark = o === cmp.chosen ? '* ' : '';
    return `${mark}${o.expected_value.toFixed(2)} (p ${o.p_winback.toFixed(3)})`;
  };
  const rows = cmp.offers.map((offer) => [offer, ...cmp.channels.map((c) => cell(offer, c))]);
  const widths = [0, ...cmp.channels.map((_, i) => i + 1)].map((i) => Math.max(...[['offer', ...cmp.channels], ...rows].map((r) => String(r[i]).length)));
  const line = (r: string[]) => r.map((x, i) => (i === 0 ? x.padEnd(widths[i] as number) : x.padStart(widths[i] as number))).join('  ').trimEnd();
  return ['offer × channel compared (incremental expected value today, p_winback; * = chosen):', line(['offer', ...cmp.channels]), ...rows.map(line), `why: ${cmp.why}`];
}

function fmt(value: number | null, decimals: number): string {
  return value === null ? '-' : value.toFixed(decimals);
}


/** One customer's computation as JSON (--explain ID --json): the same numbers as plan.csv. */
export function explainJson(p: PlannedCustomer, setup: PlanSetup) {
  const v = p.value;
  const day = (d: number | undefined) => (d === undefined ? null : formatIsoDay(d));
  return {
    customer_id: p.row.customer_id,
    line: p.row.line,
    as_of: formatIsoDay(setup.asOf),
    reason: { code: p.reason.code, secondary: p.reason.secondary ?? null, confidence: p.reason.confidence, evidence: p.reason.evidence },
    decision: v.decision,
    decision_reason: v.decisionReason,
    measure: p.measure,
    channel: p.channel,
    offer_type: v.offer_type,
    offer_reason: v.offerReason,
    p_winback: v.p_winback,
    sltv: v.sltv,
    expected_value: v.expected_value,
    p_organic: v.p_organic,
    value_at_stake: v.value_at_stake,
    permission: p.permission.allowed,
    // The offer × channel table that was compared, and why the winner won.
    actions: v.offersConsidered.map((o) => ({ ...o, chosen: o.offer_type === v.offer_type && o.channel === p.channel })),
    why: compareActions(v, setup.config.model.currencySymbol).why,
    contact_from: day(p.window?.contactFrom),
    contact_until: day(p.window?.contactUntil),
    wave: p.window?.wave ?? null,
    steps: v.explainSteps,
  };
}
