/**
 * Customers the plan would approach, or asks about, whom a person must look at before anyone
 * contacts them. The answer is a review note, decided before any budget, which would otherwise
 * word the customer as left out for money.
 */
import { declinedInText } from '../objections/declined.js';
import { declinedDayNotTaken } from '../objections/declined-day.js';
import { reasonEntry, type Playbook, type ReasonEntry } from '../playbook-types.js';
import { classifyReason, type ReasonClassification, type ReasonVocabulary } from '../reasons/index.js';
import type { CustomerRow, EpochDay } from '../types.js';
import type { Decision, DecisionNote } from '../value/types.js';
import { messages, type Lang } from '../catalogue/index.js';

/**
 * Why a person decides about this customer, or undefined:
 * - a win-back declined in the reason or notes, with no declined_date to count the pause from:
 *   the decline may be as recent as yesterday, so a person decides when to ask again
 *   (DOMAIN.md §6);
 * - a reason read with a final one as its runner-up ("customer's carer phoned, she died in the
 *   care home", read as a life change): the reader was not sure enough to call it final, nor
 *   to rule it out (docs/reasons-accuracy.md, the final-reason boundary sets);
 * - another row with the customer's id that was rejected for a bad cell: what it says (a
 *   consent withdrawn, a death) is unknown, and this row's consent may be the older one;
 * - a business customer whose text says it cannot pay (insolvencyTrigger);
 * - a death written into the name or the contact person (deathMarkIn);
 * - a reason_code the playbook knows, beside a text that reads as a final reason ("price" and
 *   "Firma insolvent, geschlossen"): the code wins the classification, but which of the two is
 *   true a person decides (DOMAIN.md: final reasons are never contacted).
 */
export function personDecides(
  row: CustomerRow,
  reason: ReasonClassification,
  entry: ReasonEntry,
  decision: Decision,
  setup: { playbook: Playbook; lang: Lang; declinedPauseMonths: number; asOf: EpochDay; vocabulary?: ReasonVocabulary },
): DecisionNote | undefined {
  if (decision !== 'win_back' && decision !== 'review') return undefined;
  // Another row of this id was rejected: it may withdraw a consent or say the customer died.
  if (row.other_row_rejected !== undefined) return { key: 'otherRowRejected', args: [row.other_row_rejected.line, row.other_row_rejected.column] };
  // The file may have been cut off in this row's last field, which may have said the customer objected.
  if (row.cut_off === true) return { key: 'cutOff', args: [] };
  // A column, a status or another row of the id says the customer died (the reason read here says something else).
  if (row.deceased === true || row.deceased === null) return { key: 'deceasedMarked', args: [] };
  const said = declinedSaid(row, setup.declinedPauseMonths);
  if (said !== undefined) {
    // A day at the refusal that cannot be its own (after as-of, before the churn date) is named, so nobody wonders why it was not taken.
    const day = declinedDayNotTaken(row.reason, setup.asOf, row.churn_date) ?? declinedDayNotTaken(row.notes, setup.asOf, row.churn_date);
    if (day !== undefined) return { key: 'declinedDayNotTaken', args: [said, day.written, day.afterAsOf, setup.declinedPauseMonths] };
    return { key: 'declinedNoDate', args: [said, setup.declinedPauseMonths] };
  }
  const aside = decision === 'win_back' && reason.secondary !== undefined ? reasonEntry(setup.playbook, reason.secondary) : undefined;
  if (aside?.final === true) return { key: 'finalAside', args: [entry.label[setup.lang], aside.label[setup.lang]] };
  const unableToPay = row.segment === 'B2B' ? insolvencyTrigger(row.reason) ?? insolvencyTrigger(row.notes) : undefined;
  if (unableToPay !== undefined) return { key: 'firmUnableToPay', args: [unableToPay] };
  const death = deathMarkIn(row.name) ?? deathMarkIn(row.contact_person);
  if (death !== undefined) return { key: 'deathInName', args: [death] };
  return (reason.source === 'code' && entry.final !== true ? finalInText(row, setup) : undefined) ?? finalInNotes(row, setup);
}

/**
 * A business that says it cannot pay ("zahlungsunfähig", "überschuldet", "unable to pay its
 * debts"): for a firm the grounds for insolvency (§§ 17, 19 InsO), which the reason reader —
 * segment-blind — reads as a person's money trouble. Not a cash squeeze ("Liquiditätsengpass"),
 * nor a negation ("nicht zahlungsunfähig").
 */
const INSOLVENCY_TRIGGER = /(?<!\b(?:nicht|nie|kein|not|never|no longer) (?:[a-zäöüß]+ )?)(?<![a-zäöüß])(zahlungsunf(?:ä|ae)hig[a-zäöüß]*|(?:ü|ue)berschuld(?:et|ung)[a-zäöüß]*|unable to pay (?:its|our|their) (?:debts|creditors)|cannot pay (?:its|our|their) (?:debts|creditors)|insolvency proceedings)\b/i;

/**
 * A death written into the name or the contact person, as CRM staff mark it: "Hans Meier
 * (verstorben)", "Nachlass Gisela Schulz", "Erbengemeinschaft Krause", "Estate of …", "Mr Smith
 * (deceased)", "†". The reason reader never sees these fields.
 */
const DEATH_MARK = /(?:^|[\s(\[,;/-])(verstorben|verst\.|gestorben|deceased|dec'd|nachlass|erbengemeinschaft|erben des|erben der|estate of|the late|in memoriam|†)(?=$|[\s)\],;/.-])/i;

function deathMarkIn(text: string | undefined): string | undefined {
  return text === undefined ? undefined : DEATH_MARK.exec(text)?.[1];
}

function insolvencyTrigger(text: string | undefined): string | undefined {
  return text === undefined ? undefined : INSOLVENCY_TRIGGER.exec(text)?.[1];
}

/**
 * Notes that read as a final reason ("Kunde verstorben", "Firma insolvent", "von uns gekündigt")
 * beside a reason that is not one: the reason column may be the cancellation form's, the notes
 * what the company learnt since. Only a final reason the reader is sure enough of to name first
 * counts; a person decides (DOMAIN.md: final reasons are never contacted).
 */
function finalInNotes(row: CustomerRow, setup: { playbook: Playbook; lang: Lang; vocabulary?: ReasonVocabulary }): DecisionNote | undefined {
  if (setup.vocabulary === undefined || row.notes === undefined || row.notes.trim() === '') return undefined;
  const read = classifyReason({ text: row.notes }, setup.vocabulary);
  const final = reasonEntry(setup.playbook, read.code);
  return final?.final === true ? { key: 'finalInNotes', args: [final.label[setup.lang], read.evidence] } : undefined;
}

/** The final reason the row's text gives (first or second), beside a code that names another: the note, else undefined. */
function finalInText(row: CustomerRow, setup: { playbook: Playbook; lang: Lang; vocabulary?: ReasonVocabulary }): DecisionNote | undefined {
  if (setup.vocabulary === undefined || row.reason === undefined || row.reason.trim() === '') return undefined;
  // clv's own words for a customer it hands over (code unknown): no customer wrote them.
  if (row.value_basis !== undefined && CLV_REASON_TEXTS.has(row.reason.trim().toLowerCase())) return undefined;
  const read = classifyReason({ text: row.reason }, setup.vocabulary);
  for (const code of [read.code, read.secondary]) {
    const final = code === undefined ? undefined : reasonEntry(setup.playbook, code);
    if (final?.final === true) return { key: 'finalInText', args: [row.reason_code ?? '', final.label[setup.lang], read.evidence] };
  }
  return undefined;
}

/**
 * The reason texts `winback clv --lost-out` writes beside the code `unknown`, in every
 * language: read as a customer's text, the German one ("kauft nicht mehr (ohne Kündigung)")
 * had a closed business as its runner-up, and every silent churner went to review.
 */
const CLV_REASON_TEXTS = new Set((['en', 'de'] as const).flatMap((lang) => [messages(lang).clv.silentChurn, messages(lang).clv.drifting]).map((t) => t.toLowerCase()));

/**
 * The words of the row's reason or notes that say a win-back was declined
 * (domain/objections/declined.ts), for a row without a declined_date and with a pause to keep;
 * else undefined. A win-back is offered after the departure, so the text gives no day to count
 * the pause from, not even the churn date.
 */
export function declinedSaid(row: CustomerRow, pauseMonths: number): string | undefined {
  if (row.declined_date !== undefined || pauseMonths <= 0) return undefined;
  // A second declined column's entry ("Rückgewinnung abgelehnt: ja") says so as plainly as words do.
  return row.declined_column ?? declinedInText(row.reason) ?? declinedInText(row.notes);
}
