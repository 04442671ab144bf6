/** Terminal text of a plan run: the summary table and one customer's explanation. */
import { DECISIONS } from '../domain/value-types.js';
import type { PlanTotals } from '../domain/plan-summary.js';
import type { PlannedCustomer, PlanSetup } from '../domain/plan.js';
import { formatIsoDay } from '../domain/dates.js';
import { formatFormulaNumber } from '../domain/value-explain.js';
import { formatDay, formatFixed, formatIsoText, formatWhole, messages, type Lang } from '../domain/messages.js';
import { renderTable, styler } from './render.js';

interface SummaryLike {
  input_rows: number;
  accepted: number;
  rejected: number;
  as_of: string;
  value_at_stake_total: number;
  expected_value_total: number;
}

/** Whole currency units with thousands separators, e.g. 12,345 (German 12.345). */
export function money(value: number, lang: Lang = 'en'): string {
  return formatWhole(value, lang);
}

/** The compact plan table: reasons × decisions with value at stake and expected recovered value. */
export function renderPlanSummary(s: SummaryLike, t: PlanTotals, outDir: string, color: boolean, lang: Lang = 'en'): string {
  const c = styler(color);
  const say = messages(lang).plan;
  const num = (v: number) => (lang === 'en' ? v : formatWhole(v, lang));
  const rows = Object.entries(t.reasons)
    .sort(([a, x], [b, y]) => y.value_at_stake - x.value_at_stake || (a < b ? -1 : 1))
    .map(([code, r]) => {
      const m = t.matrix[code];
      return [code, num(r.count), ...DECISIONS.map((d) => num(m?.[d] ?? 0)), money(r.value_at_stake, lang), money(r.expected_value, lang)];
    });
  const d = t.decisions;
  rows.push([c.bold(say.total), num(s.accepted), ...DECISIONS.map((k) => num(d[k])), money(t.value_at_stake_total, lang), money(t.expected_value_total, lang)]);
  const table = renderTable([...say.columns], rows, {
    color,
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  });
  const head = say.head(String(num(s.input_rows)), String(num(s.accepted)), String(num(s.rejected)), formatIsoText(s.as_of, lang));
  return `${head}\n${table}\n${say.written(outDir)}\n`;
}

/** Step-by-step computation of one customer, with the same numbers as plan.csv. */
export function renderExplain(p: PlannedCustomer, setup: PlanSetup): string {
  const v = p.value;
  const lang = setup.lang;
  const t = messages(lang).explain;
  const lines = [
    t.customer(p.row.customer_id, p.row.line, formatDay(setup.asOf, lang)),
    t.reason(p.reason.code, formatFixed(p.reason.confidence, 4, lang), p.reason.evidence || '-'),
    t.measure(p.measure),
    t.channelOffer(p.channel ?? '-', v.offer_type === null ? '-' : messages(lang).names.offer(v.offer_type), v.offerReason),
    '',
  ];
  const steps = v.explainSteps.length > 0 ? v.explainSteps : [];
  const width = Math.max(0, ...steps.map((s) => s.label.length));
  for (const s of steps) lines.push(`${s.label.padEnd(width)}  ${s.formula} = ${formatFormulaNumber(s.value, lang)}`);
  lines.push('', t.decision(messages(lang).names.decision(v.decision), v.decisionReason));
  lines.push(`p_winback ${fmt(v.p_winback, 4, lang)}  sltv ${fmt(v.sltv, 2, lang)}  expected_value ${fmt(v.expected_value, 2, lang)}`);
  if (p.window) lines.push(t.contact(formatDay(p.window.contactFrom, lang), formatDay(p.window.contactUntil, lang), p.window.wave, p.window.rule));
  return `${lines.join('\n')}\n`;
}

function fmt(value: number | null, decimals: number, lang: Lang): string {
  return value === null ? '-' : formatFixed(value, decimals, lang);
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
