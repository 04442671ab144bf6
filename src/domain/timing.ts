/**
 * Contact timing: when a lost customer may and should be approached, from the row's dates,
 * the reason's timing rule and the run's as-of date. All windows are inclusive day ranges
 * and never start before the as-of date.
 */
import { addMonths, DAYS_PER_MONTH, isoWeekLabel, parseIsoDay } from './dates.js';
import type { ReasonCode, ReasonEntry } from './playbook-types.js';
import type { EpochDay } from './types.js';
import { formatDay, messages, type Lang } from './catalogue/index.js';

export interface ContractTiming {
  leadDays: number;
  windowDays: number;
  assumedTermMonths: number;
}

export interface ContactWindowInput {
  reason: ReasonCode;
  churnDate?: EpochDay;
  competitorContractEnd?: EpochDay;
  asOf: EpochDay;
  entry: ReasonEntry;
  coolingOffDays: number;
  /** overrides the playbook's fixedFrom for quality */
  qualityFixedFrom?: EpochDay;
  /** contract timing for rows with a competitor_contract_end whose reason is not contract-bound */
  contractTiming?: ContractTiming;
  /** language of the rule's text; English when not given */
  lang?: Lang;
}

export interface ContactWindow {
  contactFrom: EpochDay;
  contactUntil: EpochDay;
  /** ISO week of contactFrom, e.g. 2026-W48 */
  wave: string;
  /** short explanation of the rule applied */
  rule: string;
  /**
   * A day before which no contact may be made at all, not only planned (the end of the pause
   * after a declined offer): a weekly list that starts before it does not list the customer,
   * though the window opens within its week.
   */
  notBefore?: EpochDay;
}

/**
 * A window moved past the pause after a declined offer (DOMAIN.md §6: "a customer who explicitly
 * declines a win-back offer is not approached again for a long while"): it opens no earlier than
 * `months` after the decline, keeping its length; unchanged when the pause ends before it opens.
 */
export function afterDeclinedPause(window: ContactWindow, declined: EpochDay | undefined, months: number, lang?: Lang): ContactWindow {
  if (declined === undefined || months <= 0) return window;
  const pauseEnd = addMonths(declined, months);
  if (pauseEnd <= window.contactFrom) return window;
  const rule = messages(lang).timing.declinedPause(window.rule, months, formatDay(declined, lang ?? 'en'));
  return { contactFrom: pauseEnd, contactUntil: pauseEnd + (window.contactUntil - window.contactFrom), wave: waveOf(pauseEnd), rule, notBefore: pauseEnd };
}

/** Contract timing used when neither the reason nor the caller gives one. */
export const DEFAULT_CONTRACT_TIMING: ContractTiming = { leadDays: 42, windowDays: 28, assumedTermMonths: 12 };

interface RawWindow {
  from: EpochDay;
  until: EpochDay;
  rule: string;
}

/**
 * Plans the contact window for one customer; null for final reasons, which are never contacted,
 * and for a defect or gap nobody has confirmed fixed (after_fix without a fix date and without a
 * fallbackAfterDays the playbook chose): "only once the defect is demonstrably fixed" (DOMAIN.md §3).
 */
export function planContactWindow(input: ContactWindowInput): ContactWindow | null {
  const { entry } = input;
  if (entry.final || entry.timing.kind === 'never') return null;
  const t = entry.timing;
  if (t.kind === 'after_fix' && fixDay(input, t.fixedFrom) === undefined && t.fallbackAfterDays === undefined) return null;
  const contractBound = t.kind === 'before_contract_end' || input.competitorContractEnd !== undefined;
  let w: RawWindow;
  if (contractBound) {
    w = contractWindow(input, t.kind === 'before_contract_end' ? t : (input.contractTiming ?? DEFAULT_CONTRACT_TIMING));
  } else if (t.kind === 'after_fix') {
    w = rollForward(afterFixWindow(input, t.fixedFrom, t.windowDays, t.fallbackAfterDays), input.asOf, t.windowDays, input.lang);
  } else {
    const texts = messages(input.lang).timing;
    const label = t.kind === 'soon' ? texts.soon : texts.later;
    w = rollForward(afterChurn(input, t.afterDays, t.windowDays, label), input.asOf, t.windowDays, input.lang);
  }
  return { contactFrom: w.from, contactUntil: w.until, wave: waveOf(w.from), rule: w.rule };
}

// The windows of a run start on a few hundred days: each day's week label is written once.
const waves = new Map<EpochDay, string>();
const WAVE_DAYS = 4096;

/** The ISO week label of a window's first day (isoWeekLabel), remembered for up to WAVE_DAYS days. */
function waveOf(day: EpochDay): string {
  let wave = waves.get(day);
  if (wave === undefined) {
    wave = isoWeekLabel(day);
    if (waves.size >= WAVE_DAYS) waves.clear();
    waves.set(day, wave);
  }
  return wave;
}

/** A window starting `afterDays` after churn (never inside the cooling-off period). */
function afterChurn(input: ContactWindowInput, afterDays: number, windowDays: number, label: string): RawWindow {
  if (input.churnDate === undefined) {
    return { from: input.asOf, until: input.asOf + windowDays - 1, rule: messages(input.lang).timing.noChurnDate(label) };
  }
  const wait = Math.max(input.coolingOffDays, afterDays);
  const from = input.churnDate + wait;
  return { from, until: from + windowDays - 1, rule: messages(input.lang).timing.afterChurn(label, wait) };
}

/** The day a reason's defect or gap counts as fixed: plan.qualityFixedFrom for quality, else the playbook's fixedFrom. */
function fixDay(input: ContactWindowInput, fixedFrom: string | null): EpochDay | undefined {
  return (input.reason === 'quality' ? input.qualityFixedFrom : undefined) ?? (fixedFrom === null ? undefined : parseIsoDay(fixedFrom));
}

function afterFixWindow(input: ContactWindowInput, fixedFrom: string | null, windowDays: number, fallback: number | undefined): RawWindow {
  const fixed = fixDay(input, fixedFrom);
  if (fixed === undefined) {
    // Nobody has confirmed the fix, but the playbook chose to wait this long and then contact (planContactWindow gives no window without it).
    return afterChurn(input, fallback ?? 0, windowDays, messages(input.lang).timing.fixUnknown);
  }
  const cooled = input.churnDate === undefined ? input.asOf : input.churnDate + input.coolingOffDays;
  const from = Math.max(cooled, fixed);
  return { from, until: from + windowDays - 1, rule: messages(input.lang).timing.afterFix(formatDay(fixed, input.lang ?? 'en')) };
}

/** A missed window starts again at as-of; a window under way starts at as-of. */
function rollForward(w: RawWindow, asOf: EpochDay, windowDays: number, lang?: Lang): RawWindow {
  if (w.until < asOf) return { from: asOf, until: asOf + windowDays - 1, rule: messages(lang).timing.missed(w.rule) };
  if (w.from < asOf) return { ...w, from: asOf };
  return w;
}

/**
 * The window closes `leadDays` before the competitor contract ends, so the customer can
 * still give notice; a missed window moves to the next renewal, one term later.
 */
function contractWindow(input: ContactWindowInput, c: ContractTiming): RawWindow {
  const known = input.competitorContractEnd;
  if (known === undefined && input.churnDate === undefined) {
    return { from: input.asOf, until: input.asOf + c.windowDays - 1, rule: messages(input.lang).timing.contractUnknown };
  }
  const firstEnd = known ?? addMonths(input.churnDate as EpochDay, c.assumedTermMonths);
  const cooled = input.churnDate === undefined ? -Infinity : input.churnDate + input.coolingOffDays;
  const earliest = Math.max(input.asOf, cooled);
  const term = Math.max(1, c.assumedTermMonths);
  // Jump close to the first renewal that is still ahead, then step term by term.
  let k = Math.max(0, Math.floor((earliest - firstEnd) / (term * DAYS_PER_MONTH)) - 1);
  let end = addMonths(firstEnd, k * term);
  while (end - c.leadDays < earliest) {
    k += 1;
    end = addMonths(firstEnd, k * term);
  }
  const until = end - c.leadDays;
  const from = Math.max(until - c.windowDays + 1, earliest);
  const assumed = known !== undefined ? undefined : c.assumedTermMonths;
  return { from, until, rule: messages(input.lang).timing.beforeContractEnd(c.leadDays, assumed, formatDay(end, input.lang ?? 'en'), k) };
}
