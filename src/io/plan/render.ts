/** Terminal text of a plan run: the summary table and one customer's explanation. */
import { DECISIONS } from '../../domain/value/types.js';
import type { PlanTotals } from '../../domain/plan/summary.js';
import { awaitsFix, type PlannedCustomer, type PlanSetup } from '../../domain/plan/plan.js';
import { formatIsoDay } from '../../domain/dates.js';
import { formatFormulaNumber } from '../../domain/value/explain.js';
import { formatDay, formatFixed, formatFixedGrouped, formatIsoText, formatWhole, messages, type Lang } from '../../domain/catalogue/index.js';
import { compareActions } from '../../domain/value/compare.js';
import { CHANNELS, type Channel } from '../../domain/playbook-types.js';
import { blockWord } from '../../domain/worksheet/format.js';
import { renderTable, styler } from '../render.js';

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

/** The compact plan table: reasons (by the playbook's label where given) × decisions with value at stake and expected recovered value. */
export function renderPlanSummary(s: SummaryLike, t: PlanTotals, outDir: string, color: boolean, lang: Lang = 'en', labels: ReadonlyMap<string, string> = new Map()): string {
  const c = styler(color);
  const say = messages(lang).plan;
  const num = (v: number) => (lang === 'en' ? v : formatWhole(v, lang));
  const rows = Object.entries(t.reasons)
    .sort(([a, x], [b, y]) => y.value_at_stake - x.value_at_stake || (a < b ? -1 : 1))
    .map(([code, r]) => {
      const m = t.matrix[code];
      return [labels.get(code) ?? code, num(r.count), ...DECISIONS.map((d) => num(m?.[d] ?? 0)), money(r.value_at_stake, lang), money(r.expected_value, lang)];
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

/** The reason as the reader knows it, the code kept for the playbook: "Preis (price)". */
function reasonWords(p: PlannedCustomer, lang: Lang): string {
  const label = p.entry.label[lang];
  return label === '' || label === p.reason.code ? p.reason.code : `${label} (${p.reason.code})`;
}

/** Step-by-step computation of one customer, with the same numbers as plan.csv. */
export function renderExplain(p: PlannedCustomer, setup: PlanSetup): string {
  const v = p.value;
  const lang = setup.lang;
  const t = messages(lang).explain;
  const lines = [
    t.customer(p.row.customer_id, p.row.line, formatDay(setup.asOf, lang)),
    t.reason(reasonWords(p, lang), formatFixed(p.reason.confidence, 4, lang), p.reason.evidence || '-'),
    t.measure(p.measure),
    t.channelOffer(p.channel ?? '-', v.offer_type === null ? '-' : messages(lang).names.offer(v.offer_type), v.offerReason),
    '',
  ];
  const steps = v.explainSteps.length > 0 ? v.explainSteps : [];
  const width = Math.max(0, ...steps.map((s) => s.label.length));
  for (const s of steps) lines.push(`${s.label.padEnd(width)}  ${s.formula} = ${formatFormulaNumber(s.value, lang)}`);
  lines.push('', ...permissionLines(p, lang), ...comparisonLines(p, setup));
  lines.push('', t.decision(messages(lang).names.decision(v.decision), v.decisionReason));
  // plan.csv's columns by name; money grouped as the reader writes it (334.902,61).
  const money = (x: number | null) => (x === null ? '-' : formatFixedGrouped(x, 2, lang));
  lines.push(`p_winback ${fmt(v.p_winback, 4, lang)}  p_organic ${fmt(v.p_organic, 4, lang)}  sltv ${money(v.sltv)}  expected_value ${money(v.expected_value)}`);
  if (p.window) lines.push(t.contact(formatDay(p.window.contactFrom, lang), formatDay(p.window.contactUntil, lang), p.window.wave, p.window.rule));
  else if (awaitsFix(p)) lines.push(messages(lang).plan.fixAwaited(p.entry.label[lang]));
  return `${lines.join('\n')}\n`;
}

function permissionLines(p: PlannedCustomer, lang: Lang): string[] {
  const t = messages(lang).compare;
  const channel = messages(lang).names.channel;
  // English keeps the block codes as they always read; German puts them into words.
  const why = (c: Channel) => {
    const r = p.permission.blockedBy[c];
    const word = r === undefined ? t.notPermitted : lang === 'en' ? r : blockWord(r, lang);
    // Whose point it is: the objector's line, as plan.csv's warning names it.
    const at = r === 'objector_contact' ? p.permission.objectorAt?.[c] : undefined;
    return at === undefined ? word : t.objectorLine(word, at.line);
  };
  const verdict = CHANNELS.map((c) => `${channel(c)} ${p.permission.allowed[c] ? t.yes : t.no(why(c))}`);
  return [t.permission(verdict.join(', '))];
}

/** The offer × channel table that was compared: expected value today (p_winback), * = chosen. */
function comparisonLines(p: PlannedCustomer, setup: PlanSetup): string[] {
  const lang = setup.lang;
  const t = messages(lang).compare;
  const names = messages(lang).names;
  const cmp = compareActions(p.value, setup.config.model.currencySymbol, lang);
  if (cmp.channels.length === 0) return [t.none(cmp.why)];
  const cell = (offer: string, c: Channel) => {
    const o = cmp.cells[offer]?.[c];
    if (o === undefined) return '-';
    const mark = o === cmp.chosen ? '* ' : '';
    return `${mark}${formatFixed(o.expected_value, 2, lang)} (p ${formatFixed(o.p_winback, 3, lang)})`;
  };
  const rows = cmp.offers.map((offer) => [names.offer(offer), ...cmp.channels.map((c) => cell(offer, c))]);
  const header = [t.offerColumn, ...cmp.channels.map((c) => names.channel(c))];
  const widths = [0, ...cmp.channels.map((_, i) => i + 1)].map((i) => Math.max(...[header, ...rows].map((r) => String(r[i]).length)));
  const line = (r: string[]) => r.map((x, i) => (i === 0 ? x.padEnd(widths[i] as number) : x.padStart(widths[i] as number))).join('  ').trimEnd();
  return [t.head, line(header), ...rows.map(line), t.why(cmp.why)];
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
