/**
 * From the model's plan of a customer to the plan the consultant agreed: a corrected reason
 * or competitor contract end re-plans the customer through `planCustomer`; an overridden
 * decision and the edited measure, offer, channel and date replace the model's; another
 * channel re-values the customer with that channel's contact cost. Pure.
 */
import { deathInWords } from '../read/duplicate-ids.js';
import { formatIsoDay, isoWeekLabel, parseIsoDay } from '../dates.js';
import { formatDay } from '../catalogue/format.js';
import { LOST_CUSTOMER_SCHEMA } from '../read/fields.js';
import type { HeaderMapping } from '../read/header-map.js';
import type { Channel } from '../playbook-types.js';
import { DECISION_RANK, planCustomer, plannedWindow, type PlannedCustomer, type PlanSetup } from '../plan/plan.js';
import { createRowConverter, type ConvertedRow, type RowChecks } from '../read/row-convert.js';
import type { CustomerRow } from '../types.js';
import type { Decision, DecisionNote } from '../value/types.js';
import { decided, moneyPair, planFigures } from '../value/note.js';
import { belowThreshold } from '../value/decision.js';
import { answerOf, decisionOf, MANUAL_FIELDS, type MeasureAnswer, type WorksheetSession } from './session.js';
import { messages } from '../catalogue/index.js';
import { CELL_SEPARATOR } from '../objections/text.js';

/** One customer of a worksheet: the model's plan and the raw input cells (for plan.csv). */
export interface WorksheetCustomer {
  base: PlannedCustomer;
  cells: readonly string[];
}

/** The pre-filled answers of template 4 for a customer, from the playbook and the timing rules. */
export interface MeasureDefaults {
  measure: string;
  offer: string;
  channel: Channel | '';
  date: string;
  responsible: string;
}

/** The customer's plan with the consultant's answers applied; `withMeasures: false` stops before template 4. */
export function applyWorksheet(base: PlannedCustomer, s: WorksheetSession, setup: PlanSetup, withMeasures = true): PlannedCustomer {
  const id = base.row.customer_id;
  const row = correctedRow(base.row, s, base.reason.code);
  let p = row === base.row ? base : planCustomer(row, setup);
  const d = decisionOf(s, id);
  // The consultant may not decide to contact someone who objected or may not be contacted on any channel.
  if (d?.overridden && p.value.decision !== 'never' && p.value.decision !== 'no_channel' && d.decision !== p.value.decision) {
    // A customer sent to a person first (a decline in the text, a final reason read second) is
    // valued now: the consultant is that person.
    if (d.decision === 'win_back' && PERSON_DECIDES.has(p.value.decisionNote.key)) p = planCustomer(row, setup, 'person');
    p = withDecision(p, d.decision, { key: 'consultant', args: [d.why] }, setup);
  }
  const m = answerOf(s, 'measures', id);
  if (withMeasures && m && p.value.decision === 'win_back') p = withMeasure(p, m, setup);
  return p;
}

/** What the consultant wrote down in template 2 that the customer said (read for an objection, as the export's free text is). */
const SAID_FIELDS = ['reason_view', 'incident_what', 'incident_when', 'incident_handled', 'contact', 'bought', 'since'] as const;

/**
 * The row with the reason, competitor and contract end the consultant recorded in template 2,
 * and the consultant's notes of what the customer said beside the row's other free text: an
 * objection told on the phone ("he objects to any advertising") makes the customer `never`, as
 * one in the export's notes does, and no override lists them.
 */
function correctedRow(row: CustomerRow, s: WorksheetSession, classified: string): CustomerRow {
  const rel = answerOf(s, 'relationships', row.customer_id);
  if (!rel) return row;
  const patch: Partial<CustomerRow> = {};
  const said = SAID_FIELDS.map((f) => rel[f]?.trim() ?? '').filter((t) => t !== '' && t !== row.reason?.trim());
  if (said.length > 0) patch.other_text = [...(row.other_text === undefined ? [] : [row.other_text]), ...said].join(CELL_SEPARATOR);
  // "Kunde ist verstorben", told on the phone: a person decides (the consultant, who may plan them after all).
  if (said.some(deathInWords)) patch.deceased = true;
  if (rel.reason_code !== undefined && rel.reason_code !== classified) patch.reason_code = rel.reason_code;
  const competitor = rel.competitor?.trim();
  if (competitor && competitor !== row.competitor) patch.competitor = competitor;
  const end = rel.contract_end ? parseIsoDay(rel.contract_end.trim()) : undefined;
  if (end !== undefined && end !== row.competitor_contract_end) patch.competitor_contract_end = end;
  return Object.keys(patch).length === 0 ? row : { ...row, ...patch };
}

/** The notes of the reviews person-decides.ts asks for, and a move out of the service area (the consultant may know it is served). */
const PERSON_DECIDES: ReadonlySet<DecisionNote['key']> = new Set(['declinedNoDate', 'declinedDayNotTaken', 'finalAside', 'finalInText', 'finalInNotes', 'firmUnableToPay', 'deathInName', 'otherRowRejected', 'deceasedMarked', 'outOfArea', 'churnedLongAgo']);

function withDecision(p: PlannedCustomer, decision: Decision, note: DecisionNote, setup: PlanSetup): PlannedCustomer {
  const contacted = decision === 'win_back' || decision === 'review';
  const window = contacted ? (p.window ?? modelWindow(p, setup)) : null;
  // A contact the model did not plan goes out on the best channel the valuation found (a
  // permitted one: none where nothing may be used), so that the campaign lists carry it.
  const channel = contacted ? (p.channel ?? p.value.channel) : null;
  return { ...p, channel, value: { ...p.value, ...decided(decision, note, setup.lang, planFigures(setup.config.model.currencySymbol, setup.lang)) }, window };
}

/**
 * A threshold decision's note worded again for another expected value (the consultant's offer
 * or channel): "expected value €6,185.61 > threshold €0"; other notes are kept as they are.
 */
function rewordValue(note: DecisionNote, ev: number, setup: PlanSetup): Partial<Pick<PlannedCustomer['value'], 'decisionNote' | 'decisionReason'>> {
  const threshold = note.key === 'aboveThreshold' || note.key === 'belowThreshold' || note.key === 'modelAboveThreshold' || note.key === 'modelBelowThreshold' ? note.args[1] : undefined;
  if (threshold === undefined || typeof threshold !== 'object' || !('money' in threshold)) return {};
  const below = belowThreshold(ev, threshold.money);
  const figures = planFigures(setup.config.model.currencySymbol, setup.lang);
  // A contact worth no more than the threshold is the consultant's choice, and the words say so.
  const reworded: DecisionNote = below ? { key: 'consultantBelowThreshold', args: moneyPair(ev, threshold.money) }
    : note.key === 'modelAboveThreshold' || note.key === 'modelBelowThreshold' ? { key: 'modelAboveThreshold', args: [...moneyPair(ev, threshold.money), note.args[2]] }
    : { key: 'aboveThreshold', args: moneyPair(ev, threshold.money) };
  const { decisionNote, decisionReason } = decided(null, reworded, setup.lang, figures);
  return { decisionNote, decisionReason };
}

/** The window planCustomer gives contacted customers, for a customer the consultant decided to contact. */
function modelWindow(p: PlannedCustomer, setup: PlanSetup): PlannedCustomer['window'] {
  return plannedWindow(p.row, p.entry, setup);
}

function withMeasure(p: PlannedCustomer, m: MeasureAnswer, setup: PlanSetup): PlannedCustomer {
  const { lang } = setup;
  const say = messages(lang).worksheet;
  let out = p;
  const measure = m.measure?.trim();
  if (measure && measure !== p.measure) out = { ...out, measure };
  // Only a channel the customer may be contacted on; the offer is valued on the channel it goes out on.
  const channel = m.channel && p.permission.allowed[m.channel] ? m.channel : p.channel;
  const offerType = m.offer ?? p.value.offer_type;
  const chosen = out.value.offersConsidered.find((o) => o.offer_type === offerType && o.channel === channel);
  if (chosen && (chosen.offer_type !== p.value.offer_type || chosen.channel !== p.channel)) {
    const { p_winback, sltv, expected_value, offer_type } = chosen;
    const warnings = expected_value < 0 ? [...out.value.warnings, say.choiceCostsMore(offer_type, String(channel))] : out.value.warnings;
    // The decision's words carry the chosen action's value, not the one the model chose (one row, one value).
    const words = rewordValue(out.value.decisionNote, expected_value, setup);
    out = { ...out, channel, value: { ...out.value, ...words, offer_type, p_winback, sltv, expected_value, channel, warnings, offerReason: say.chosenOffer } };
  }
  const asked = m.date ? parseIsoDay(m.date.trim()) : undefined;
  if (asked !== undefined && asked !== p.window?.contactFrom) {
    // Not before the run's day, the cooling-off after the churn, or the end of a pause after a declined offer.
    const cooled = p.row.churn_date === undefined ? -Infinity : p.row.churn_date + setup.playbook.coolingOffDays;
    const day = Math.max(asked, setup.asOf, cooled, p.window?.notBefore ?? -Infinity);
    // A customer the model gave no window (a fix not confirmed) gets the reason's window length from the consultant's day.
    const t = p.entry.timing;
    const length = p.window ? p.window.contactUntil - p.window.contactFrom : 'windowDays' in t ? t.windowDays - 1 : 0;
    const moved = day === asked ? undefined : say.plannedDateMoved(formatDay(asked, lang), formatDay(day, lang));
    const notBefore = p.window?.notBefore;
    out = {
      ...out,
      window: { contactFrom: day, contactUntil: day + length, wave: isoWeekLabel(day), rule: moved ?? say.plannedDate, ...(notBefore !== undefined ? { notBefore } : {}) },
      ...(moved !== undefined ? { value: { ...out.value, warnings: [...out.value.warnings, moved] } } : {}),
    };
  }
  return out;
}

/** What template 4 pre-fills: the playbook's measure, the model's offer, the planned channel and window start. */
export function measureDefaults(p: PlannedCustomer): MeasureDefaults {
  return {
    measure: p.measure,
    offer: p.value.offer_type ?? 'none',
    channel: p.channel ?? '',
    date: p.window ? formatIsoDay(p.window.contactFrom) : '',
    responsible: p.row.account_manager ?? '',
  };
}

/** Orders customers as plan.csv does: decision rank, then expected value (highest first), then input line. */
export function compareByPriority(a: PlannedCustomer, b: PlannedCustomer): number {
  const rank = DECISION_RANK[a.value.decision] - DECISION_RANK[b.value.decision];
  if (rank !== 0) return rank;
  const ev = (b.value.expected_value ?? -Number.MAX_VALUE) - (a.value.expected_value ?? -Number.MAX_VALUE);
  return ev !== 0 ? ev : a.row.line - b.row.line;
}

/** Column headers of customers entered by hand in plan.csv; the margin is a percentage. */
export const MANUAL_HEADERS: readonly string[] = MANUAL_FIELDS.map((f) => (f === 'margin' ? 'margin %' : f));

/** Turns a customer entered by hand (ISO dates, '.' decimals) into a row, through the export's own converter and checks. */
export function manualCustomerRow(fields: Readonly<Record<string, string>>, line: number, checks: RowChecks = {}): ConvertedRow & { cells: string[] } {
  const mapping: HeaderMapping = { fields: new Map(MANUAL_FIELDS.map((h, i) => [h, i])), unmapped: [], warnings: [], notes: [] };
  const convert = createRowConverter(MANUAL_HEADERS, mapping, LOST_CUSTOMER_SCHEMA, { decimal: '.', dateOrder: 'ymd' }, {}, checks);
  const cells = MANUAL_FIELDS.map((h) => fields[h] ?? '');
  return { ...convert(cells, line), cells };
}

/** The row of an accepted manual customer, as the reader would have produced it. */
export function toCustomerRow(values: Record<string, unknown>, warnings: string[], line: number): CustomerRow {
  return { ...values, line, warnings } as unknown as CustomerRow;
}
