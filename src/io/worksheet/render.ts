/**
 * What the worksheet prints between questions: the ranked selection table and one short
 * card per customer with the model's figures, so the consultant decides on numbers. Every
 * line fits the terminal: the table keeps the columns that fit its width (more on a wider
 * terminal), and card lines are wrapped.
 */
import type { PlannedCustomer } from '../../domain/plan/plan.js';
import {
  channelWord, contactableChannels, decisionWords, formatDay, formatShare, formatWorksheetMoney, noChannelWords, type Lang,
} from '../../domain/worksheet/format.js';
import type { WorksheetTexts } from '../../domain/catalogue/index.js';
import { currentTableWidth, renderTable, styler, truncate, wrap } from '../render.js';

const TABLE_ROWS = 20;

interface Column {
  head: string;
  align: 'left' | 'right';
  /** lower keeps its place longer when the terminal is narrow */
  priority: number;
  /** the narrowest a text column is cut to before columns are dropped */
  minWidth?: number;
  cell: (p: PlannedCustomer, rank: number) => string;
}

/** The columns of the ranked table in display order. */
function rankedColumns(t: WorksheetTexts, lang: Lang, currency: string): Column[] {
  const money = (v: number | null) => (v === null ? '—' : formatWorksheetMoney(v, currency, lang));
  // minWidth: what renderTable keeps of a text column before it cuts the headers of numbers (io/render.ts).
  const h = t.table;
  return [
    { head: h.rank, align: 'right', priority: 0, cell: (_, i) => String(i) },
    { head: h.customer, align: 'left', priority: 0, cell: (p) => p.row.customer_id },
    { head: h.name, align: 'left', priority: 2, minWidth: 12, cell: (p) => truncate(p.row.name ?? '', 24) },
    { head: h.reason, align: 'left', priority: 3, minWidth: 12, cell: (p) => truncate(p.entry.label[lang], 22) },
    { head: h.channels, align: 'left', priority: 1, minWidth: 12, cell: (p) => channelCell(p, lang) },
    { head: h.atStake, align: 'right', priority: 4, cell: (p) => money(p.value.value_at_stake) },
    { head: h.p, align: 'right', priority: 5, cell: (p) => (p.value.p_winback === null ? '—' : formatShare(p.value.p_winback, lang)) },
    { head: h.sltv, align: 'right', priority: 6, cell: (p) => money(p.value.sltv) },
    { head: h.expected, align: 'right', priority: 0, cell: (p) => money(p.value.expected_value) },
    { head: h.model, align: 'left', priority: 0, minWidth: 6, cell: (p) => t.decisionsShort[p.value.decision] },
  ];
}

/** The contactable channels, short; a dash when none may be used. */
function channelCell(p: PlannedCustomer, lang: Lang): string {
  const channels = contactableChannels(p.permission);
  return channels.length === 0 ? '—' : channels.map((c) => channelWord(c, lang)).join(', ');
}

/**
 * Which columns to show at `width`: all of them when they fit, else the least important ones
 * are dropped until the rest fit with text columns cut to their narrowest.
 */
export function chooseColumns(heads: readonly string[], cells: readonly (readonly string[])[], priorities: readonly number[], minWidths: readonly (number | undefined)[], width: number): number[] {
  const natural = heads.map((h, i) => Math.max([...h].length, ...cells.map((r) => [...(r[i] ?? '')].length)));
  const need = natural.map((w, i) => Math.min(w, minWidths[i] ?? w));
  let shown = heads.map((_, i) => i);
  const total = (cols: number[]) => cols.reduce((sum, i) => sum + (need[i] as number) + 3, 1);
  while (total(shown) > width) {
    const worst = Math.max(...shown.map((i) => priorities[i] as number));
    if (worst === 0) break;
    const drop = shown.filter((i) => priorities[i] === worst).at(-1) as number;
    shown = shown.filter((i) => i !== drop);
  }
  return shown;
}

/** The customers ranked as in plan.csv, with the value model's figures (first TABLE_ROWS rows), fitted to the terminal. */
export function renderRankedTable(plans: readonly PlannedCustomer[], t: WorksheetTexts, lang: Lang, currency: string, color: boolean, width = currentTableWidth()): string {
  const columns = rankedColumns(t, lang, currency);
  const rows = plans.slice(0, TABLE_ROWS).map((p, i) => columns.map((c) => c.cell(p, i + 1)));
  const shown = chooseColumns(columns.map((c) => c.head), rows, columns.map((c) => c.priority), columns.map((c) => c.minWidth), width);
  const pick = <T>(xs: readonly T[]) => shown.map((i) => xs[i] as T);
  const table = renderTable(pick(columns.map((c) => c.head)), rows.map(pick), { color, align: pick(columns.map((c) => c.align)), width });
  const more = plans.length > TABLE_ROWS ? `${wrap(t.notes.moreRows(plans.length - TABLE_ROWS), width, '')}\n` : '';
  return `${table}\n${more}`;
}

/** A heading line with the progress ("customer 12 of 40") and the customer. */
export function renderProgress(step: string, index: number, count: number, p: PlannedCustomer, t: WorksheetTexts, color: boolean, width = currentTableWidth()): string {
  const s = styler(color);
  const who = `${p.row.customer_id}${p.row.name ? ` ${p.row.name}` : ''}`;
  return `\n${s.dim(truncate(`${step} · ${t.progress(index + 1, count)}`, width))}\n${s.bold(truncate(who, width))}\n`;
}

/** Where the customer may be contacted, or why nowhere, in words. */
export function contactLine(p: PlannedCustomer, t: WorksheetTexts, lang: Lang): string {
  const channels = contactableChannels(p.permission);
  if (channels.length === 0) return t.notes.notContactable(noChannelWords(p.permission, lang));
  const blocked = Object.keys(p.permission.blockedBy).length > 0 ? ` (${t.notes.blocked}: ${noChannelWords({ ...p.permission, blockAll: undefined }, lang)})` : '';
  return t.notes.contactable(channels.map((c) => channelWord(c, lang)).join(', ')) + blocked;
}

/** The model's figures and decision for template 1. */
export function renderSelectionCard(p: PlannedCustomer, t: WorksheetTexts, lang: Lang, currency: string, width = currentTableWidth()): string {
  const v = p.value;
  const money = (x: number | null) => (x === null ? '—' : formatWorksheetMoney(x, currency, lang));
  const confidence = lang === 'de' ? p.reason.confidence.toFixed(2).replace('.', ',') : `${p.reason.code}, ${p.reason.confidence.toFixed(2)}`;
  const reason = `${p.entry.label[lang]} (${confidence})${p.row.reason ? ` — „${truncate(p.row.reason, 60)}“` : ''}`;
  const p_ = v.p_winback === null ? '—' : formatShare(v.p_winback, lang);
  const note = decisionWords(v.decisionNote, lang, currency);
  return card([
    `${t.doc.reason}: ${lang === 'en' ? reason.replace(/[„“]/g, '"') : reason}`,
    `${t.doc.valueAtStake} ${money(v.value_at_stake)} · ${t.doc.pWinback} ${p_} · ${t.doc.sltv} ${money(v.sltv)} · ${t.doc.expectedValue} ${money(v.expected_value)}`,
    contactLine(p, t, lang),
    `${t.doc.model}: ${t.decisions[v.decision]}${note ? ` — ${note}` : ''}`,
  ], width);
}

/** The classifier's reason and the playbook's measure for template 2. */
export function renderReasonCard(p: PlannedCustomer, t: WorksheetTexts, lang: Lang, width = currentTableWidth()): string {
  const q = lang === 'de' ? ['„', '“'] : ['"', '"'];
  const evidence = p.reason.evidence ? ` — ${q[0]}${truncate(p.reason.evidence, 60)}${q[1]}` : '';
  const code = lang === 'en' ? ` (${p.entry.code})` : '';
  return card([`${t.doc.reason}: ${p.entry.label[lang]}${code}${evidence}`, `${t.doc.measure}: ${p.measure}`], width);
}

/** The pre-filled plan for template 4. */
export function renderMeasureCard(p: PlannedCustomer, t: WorksheetTexts, lang: Lang, width = currentTableWidth()): string {
  const w = p.window;
  // The timing rule was worded in the session's language when the customer was planned.
  const window = w ? `${formatDay(w.contactFrom, lang)} – ${formatDay(w.contactUntil, lang)}${w.rule ? ` (${w.rule})` : ''}` : '—';
  return card([`${t.doc.measure}: ${p.measure}`, contactLine(p, t, lang), `${t.notes.window}: ${window}`], width);
}

function card(lines: string[], width: number): string {
  return `${lines.map((l) => wrap(l, width, '  ')).join('\n')}\n\n`;
}

/** A note of the worksheet as lines that fit the terminal. */
export function renderNote(text: string, width = currentTableWidth()): string {
  return `${text.split('\n').map((line) => wrap(line, width, '')).join('\n')}\n`;
}
