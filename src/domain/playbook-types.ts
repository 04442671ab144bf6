/**
 * The shape of a playbook: the data that maps departure reasons to recovery measures,
 * offers, channels, timing and the value model's per-reason and per-offer assumptions.
 * The default playbook ships as src/playbook/default.yaml; users may supply their own.
 */

/** Stable departure-reason codes (DOMAIN.md section 2). */
export const REASON_CODES = [
  'relocation',
  'financial_hardship',
  'variety_seeking',
  'life_change',
  'price',
  'competitor_offer',
  'poached',
  'quality',
  'service',
  'image',
  'availability',
  'contact_change',
  'deceased',
  'business_closed',
  'terminated_by_us',
  'unknown',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const CHANNELS = ['visit', 'phone', 'letter', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Kind of appeal an offer makes (issue: material / emotional / informational / personal / none). */
export type OfferKind = 'material' | 'emotional' | 'informational' | 'personal' | 'none';

/** Text in both languages. */
export interface LocalText {
  en: string;
  de: string;
}

/** How an offer changes the outcome, relative to a plain approach (Kumar, Bhagwat & Zhang 2015). */
export interface OfferSpec {
  /** id used in plan.csv's offer_type, e.g. discount, upgrade, bundle, personal, information, none */
  id: string;
  kind: OfferKind;
  label: LocalText;
  /** multiplies the odds of reacquisition (1 = no effect) */
  reacquisitionOddsFactor: number;
  /** multiplies the expected length of the second lifetime (monthly retention is adjusted) */
  lifetimeFactor: number;
  /** share of monthly margin given away during the second lifetime, 0..1 (a discount) */
  marginReduction: number;
  /**
   * months of the second lifetime the reduction holds (a lower rate for a renewal term), after
   * which the full margin is earned; absent: the whole second lifetime (a lasting discount)
   */
  marginReductionMonths?: number;
  /** one-off cost of the incentive when the customer accepts (currency units) */
  incentiveCost: number;
}

/** When to contact, relative to the row's dates and the run's as-of date. */
export type TimingRule =
  | { kind: 'soon'; afterDays: number; windowDays: number }
  | { kind: 'after_some_time'; afterDays: number; windowDays: number }
  | { kind: 'before_contract_end'; leadDays: number; windowDays: number; assumedTermMonths: number }
  | {
      kind: 'after_fix';
      /** ISO date from which the defect or gap counts as fixed; null = not yet known */
      fixedFrom: string | null;
      windowDays: number;
      /** days after churn to wait while fixedFrom is unknown (default 90) */
      fallbackAfterDays?: number;
    }
  | { kind: 'never' };

/** Everything the playbook says about one reason. */
export interface ReasonEntry {
  code: ReasonCode;
  label: LocalText;
  /** customer / company / competition / final / none */
  side: 'customer' | 'company' | 'competition' | 'final' | 'none';
  /** final reasons are never contacted */
  final: boolean;
  measure: LocalText;
  /** message angle for the campaign list */
  angle: LocalText;
  offerKind: OfferKind;
  /** offer ids allowed for this reason; the plan picks the one with the highest expected value */
  offers: string[];
  /** preferred channels, best first */
  channels: Channel[];
  timing: TimingRule;
  /** base probability of reacquisition with a plain approach, 0..1 */
  baseRate: number;
  /**
   * chance the reference customer comes back within the attribution window without any
   * contact, 0..1 (what a control group shows); missing counts as 0, i.e. a contact is
   * credited with every return
   */
  organicRate?: number;
  /** multiplies expected second-lifetime length for this reason (e.g. service quitters stay shorter) */
  lifetimeFactor: number;
  /** multiplies monthly margin in the second lifetime (e.g. service quitters spend more) */
  marginFactor: number;
  /** vocabulary for the free-text classifier */
  phrases: { en: string[]; de: string[] };
  /** alternative spellings of the code in a reason_code column (e.g. "Preis", "PRICE", "P01") */
  codeLabels: string[];
}

/** Cost of one approach per channel (currency units). */
export type ChannelCosts = Record<Channel, number>;

export interface Playbook {
  version: number;
  /** default cooling-off after churn before any contact, in days */
  coolingOffDays: number;
  channelCosts: ChannelCosts;
  /**
   * odds factor of a return per channel, as offers have one: how much better a channel
   * persuades than a letter (1); a missing channel counts 1
   */
  channelResponse?: Partial<Record<Channel, number>>;
  offers: OfferSpec[];
  reasons: ReasonEntry[];
  /** words that negate a following phrase ("nicht", "not", "kein", …) */
  negations: { en: string[]; de: string[] };
  /**
   * words that, right after a matched phrase, say it was not the problem ("ok", "fine",
   * "in Ordnung", "zufrieden"); a preceding negation turns them back into a complaint
   */
  neutralizers?: { en: string[]; de: string[] };
  /** named word lists that phrases refer to as "@name" ("@competitor": competitor*, rival*, konkurren*, …) */
  wordClasses?: Record<string, string[]>;
  /**
   * words that are never read as a typo of a vocabulary word, e.g. place names one letter
   * away from one ("Hannover" is not "handover")
   */
  exactWords?: string[];
  /**
   * named competitors (brands, banks, shops) and comparison portals: a name in a reason
   * text counts as "@competitor" or "@portal" in every phrase
   */
  competitors?: { names: string[]; portals: string[] };
  /** a CRM picklist: the company's own reason_code values and the reason each stands for */
  codes?: Record<string, ReasonCode>;
  /**
   * labelled reason texts the learned reader is trained on: the shipped ones and the
   * company's own from `examplesFile` (set when the playbook is loaded, not written in it)
   */
  examples?: LabelledExample[];
  /** a CSV file (text,code), relative to the playbook, holding the company's own examples */
  examplesFile?: string;
  /**
   * the retention playbook for customers still alive but drifting (clv's core defectors):
   * without it they are let be, as every customer alive per the purchase model
   */
  retention?: RetentionPlaybook;
}

/** One retention measure: what to do for a drifting customer, on which channels, when, at what cost. */
export interface RetentionMeasureSpec {
  /** id in plan.csv's offer_type on the retention track, e.g. personal_check_in */
  id: string;
  label: LocalText;
  measure: LocalText;
  /** message angle for the retention list */
  angle: LocalText;
  /** channels, best first */
  channels: Channel[];
  /** chance the measure keeps a customer who would otherwise drift away for good, 0..1 (on a letter) */
  keepRate: number;
  /** one-off cost when the customer takes the incentive (currency units) */
  incentiveCost: number;
  /** share of margin given away, 0..1: on the purchases of the term below, or of the whole horizon without one */
  marginReduction: number;
  /** months the reduction holds (a bonus valid for a few weeks: 1); absent: the whole horizon, as an offer's */
  marginReductionMonths?: number;
  /** days from the as-of date to the first contact, and the window's length */
  timing: { afterDays: number; windowDays: number };
}

/** The retention section of a playbook. */
export interface RetentionPlaybook {
  measures: RetentionMeasureSpec[];
}

/** A reason text and the code it stands for. */
export interface LabelledExample {
  text: string;
  code: ReasonCode;
  /** true for the company's own examples (from examplesFile), false for the shipped ones */
  own: boolean;
}

/**
 * The playbook entry of a reason code (validation guarantees there is exactly one). Here,
 * not with the validation, so that planning a row does not load the schema library (each
 * worker thread would carry it).
 */
export function reasonEntry(playbook: Playbook, code: ReasonCode): ReasonEntry {
  let byCode = entriesByCode.get(playbook.reasons);
  if (byCode === undefined) {
    byCode = new Map();
    // The first entry of a code wins, as a search from the start would find it.
    for (const r of playbook.reasons) if (!byCode.has(r.code)) byCode.set(r.code, r);
    entriesByCode.set(playbook.reasons, byCode);
  }
  const entry = byCode.get(code);
  if (entry === undefined) throw new Error(`playbook has no entry for reason ${code}`);
  return entry;
}

// Looked up once per row: the entries by code, per list of entries.
const entriesByCode = new WeakMap<readonly ReasonEntry[], Map<string, ReasonEntry>>();
