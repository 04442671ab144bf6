/** Terminal text of a plan run: the summary table and one customer's explanation. */
import { DECISIONS } from '../domain/value-types.js';
import type { PlanTotals } from '../domain/plan-summary.js';
import type { PlannedCustomer, PlanSetup } from '../domain/plan.js';
import { formatIsoDay } from '../domain/dates.js';
import { formatFormulaNumber } from '../domain/value-explain.js';
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
  lines.push('', `decision: ${v.decision} (${v.decisionReason})`);
  lines.push(`p_winback ${fmt(v.p_winback, 4)}  sltv ${fmt(v.sltv, 2)}  expected_value ${fmt(v.expected_value, 2)}`);
  if (p.window) lines.push(`contact ${formatIsoDay(p.window.contactFrom)} .. ${formatIsoDay(p.window.contactUntil)} (wave ${p.window.wave}): ${p.window.rule}`);
  return `${lines.join('\n')}\n`;
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
    value_at_stake: v.value_at_stake,
    contact_from: day(p.window?.contactFrom),
    contact_until: day(p.window?.contactUntil),
    wave: p.window?.wave ?? null,
    steps: v.explainSteps,
  };
}
