/**
 * What the worksheet prints between questions: the ranked selection table and one short
 * card per customer with the model's figures, so the consultant decides on numbers.
 */
import { formatIsoDay } from '../domain/dates.js';
import type { PlannedCustomer } from '../domain/plan.js';
import { formatFixed, formatMoneyText } from '../domain/messages.js';
import { channelName, type WorksheetTexts } from '../domain/worksheet-texts.js';
import { renderTable, styler, truncate } from './render.js';

const TABLE_ROWS = 20;

/** The customers ranked as in plan.csv, with the value model's figures (first TABLE_ROWS rows). */
export function renderRankedTable(plans: readonly PlannedCustomer[], t: WorksheetTexts, lang: 'en' | 'de', currency: string, color: boolean): string {
  const money = (v: number | null) => (v === null ? '—' : formatMoneyText(v, currency, lang));
  const rows = plans.slice(0, TABLE_ROWS).map((p, i) => [
    i + 1, p.row.customer_id, truncate(p.row.name ?? '', 20), truncate(p.entry.label[lang], 18), money(p.value.value_at_stake),
    p.value.p_winback === null ? '—' : formatFixed(p.value.p_winback, 2, lang), money(p.value.expected_value), t.decisions[p.value.decision],
  ]);
  const d = t.doc;
  const table = renderTable([d.rank, d.customer, d.name, d.reason, d.valueAtStake, d.pWinback, d.expectedValue, d.model], rows, {
    color, align: ['right', 'left', 'left', 'left', 'right', 'right', 'right', 'left'],
  });
  const more = plans.length > TABLE_ROWS ? `${t.notes.moreRows(plans.length - TABLE_ROWS)}\n` : '';
  return `${table}\n${more}`;
}

/** A heading line with the progress ("customer 12 of 40") and the customer. */
export function renderProgress(step: string, index: number, count: number, p: PlannedCustomer, t: WorksheetTexts, color: boolean): string {
  const s = styler(color);
  const who = `${p.row.customer_id}${p.row.name ? ` ${p.row.name}` : ''}`;
  return `\n${s.dim(`${step} · ${t.progress(index + 1, count)}`)}\n${s.bold(who)}\n`;
}

/** The model's figures and decision for template 1. */
export function renderSelectionCard(p: PlannedCustomer, t: WorksheetTexts, lang: 'en' | 'de', currency: string): string {
  const v = p.value;
  const money = (x: number | null) => (x === null ? '—' : formatMoneyText(x, currency, lang));
  const reason = `${p.entry.label[lang]} (${p.reason.code}, ${formatFixed(p.reason.confidence, 2, lang)})`;
  return [
    `  ${t.doc.reason}: ${reason}${p.row.reason ? ` — "${truncate(p.row.reason, 60)}"` : ''}`,
    `  ${t.doc.valueAtStake} ${money(v.value_at_stake)} · ${t.doc.pWinback} ${v.p_winback === null ? '—' : formatFixed(v.p_winback, 2, lang)} · ${t.doc.sltv} ${money(v.sltv)} · ${t.doc.expectedValue} ${money(v.expected_value)}`,
    `  ${t.doc.model}: ${t.decisions[v.decision]} — ${v.decisionReason}`,
    '',
  ].join('\n');
}

/** The classifier's reason and the playbook's measure for template 2. */
export function renderReasonCard(p: PlannedCustomer, t: WorksheetTexts, lang: 'en' | 'de'): string {
  const evidence = p.reason.evidence ? ` — "${truncate(p.reason.evidence, 60)}"` : '';
  return [`  ${t.doc.reason}: ${p.entry.label[lang]} (${p.entry.code})${evidence}`, `  ${t.doc.measure}: ${p.measure}`, ''].join('\n');
}

/** The pre-filled plan for template 4. */
export function renderMeasureCard(p: PlannedCustomer, t: WorksheetTexts, lang: 'en' | 'de'): string {
  const w = p.window ? `${formatIsoDay(p.window.contactFrom)} – ${formatIsoDay(p.window.contactUntil)} (${p.window.rule})` : '—';
  return [`  ${t.doc.measure}: ${p.measure}`, `  ${t.doc.channel}: ${channelName(p.channel, lang)} · ${t.doc.date}: ${w}`, ''].join('\n');
}
