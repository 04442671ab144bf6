/**
 * The win-back decision for one customer: value every allowed offer, pick the one with the
 * highest expected value, and decide win_back / let_go / never / review (docs/model.md).
 * The formulas are in value.ts, the types in domain/value/types.ts.
 */
import type { CustomerRow } from '../types.js';
import type { Channel, OfferSpec, ReasonEntry } from '../playbook-types.js';
import type { Decision, DecisionNote, EvaluateInput, ValueResult } from './types.js';
import { decided as decidedBy, fixed, money, planFigures, wordDecision } from './note.js';
import type { FirstLifetime, SecondLifetime } from './value.js';
import { behaviourShift, customerLifetimeFactor, discountToAsOf, firstLifetime, reacquisitionWithShift, secondLifetimeValue } from './value.js';
import { explainCustomer } from './explain.js';
import { formatMoneyText, messages, type Lang } from '../catalogue/index.js';

/** A plain approach without incentive: the offer used where a reason allows none. */
export const NEUTRAL_OFFER: OfferSpec = Object.freeze({
  id: 'none',
  kind: 'none',
  label: Object.freeze({ en: 'no offer', de: 'kein Angebot' }),
  reacquisitionOddsFactor: 1,
  lifetimeFactor: 1,
  marginReduction: 0,
  incentiveCost: 0,
});

/** Values a customer under each allowed offer and decides whether to win them back. */
export function evaluateCustomer(input: EvaluateInput): ValueResult {
  const { row, entry, config } = input;
  const t = messages(input.lang).value;
  // The customer as they will stand on the contact date: recency counts from churn to then.
  const life = firstLifetime(row, Math.max(input.asOf, input.contactDay ?? input.asOf), config);
  const warnings = life.marginSource === 'default' ? [t.marginDefault(String(config.defaultMarginPercent))] : [];
  // Results are built as literals with one key order (no spreads): this runs once per row.
  if (life.monthlyMargin === undefined) {
    const missing: DecisionNote = { key: life.missing.includes('tenure') && row.revenue !== undefined ? 'missingTenure' : 'missingRevenue', args: [] };
    const decided = entry.final ? neverDecision(entry, input.lang) : decidedBy('review' as const, missing, input.lang ?? 'en', planFigures(config.currencySymbol, input.lang ?? 'en'));
    return {
      customer_id: row.customer_id, firstLifetime: life, warnings, decision: decided.decision, decisionReason: decided.decisionReason, decisionNote: decided.decisionNote,
      p_winback: null, p_organic: null, discount: null, sltv: null, expected_value: null, value_at_stake: null, offer_type: null, offerReason: t.notValuedMissing,
      offersConsidered: [], explainSteps: [], channel: input.unpermitted ? null : (input.channels[0] ?? null),
    };
  }
  const v = valueOffers(input, life.monthlyMargin, life);
  if (entry.final) {
    // Never contacted: nothing spent, nothing expected; the value at stake still counts as lost.
    const steps = input.explain ? explainCustomer(input, { ...v.context, stake: v.stake }) : [];
    const never = neverDecision(entry, input.lang);
    return {
      customer_id: row.customer_id, firstLifetime: life, warnings, decision: never.decision, decisionReason: never.decisionReason, decisionNote: never.decisionNote,
      p_winback: 0, p_organic: null, discount: v.context.discount, sltv: v.stake.value, expected_value: 0, value_at_stake: v.stake.value, offer_type: null, offerReason: t.finalNoOffer,
      offersConsidered: [], explainSteps: steps, channel: null,
    };
  }
  const { best } = v;
  const decided = decide(input, life.monthlyMargin, best);
  return {
    customer_id: row.customer_id,
    firstLifetime: life,
    warnings,
    decision: decided.decision,
    decisionReason: decided.decisionReason,
    decisionNote: decided.decisionNote,
    p_winback: best.p,
    p_organic: v.pOrganic,
    discount: v.context.discount,
    sltv: best.sl.value,
    expected_value: best.ev,
    value_at_stake: v.stake.value,
    offer_type: best.offer.id,
    offerReason: offerReasonOf(v.valued, config.currencySymbol, input.lang),
    // Values on channels that may not be used are not shown as choices anywhere.
    offersConsidered: input.unpermitted ? [] : v.valued.map((o) => ({ offer_type: o.offer.id, channel: o.channel, p_winback: o.p, sltv: o.sl.value, expected_value: o.ev })),
    explainSteps: input.explain ? explainCustomer(input, { ...v.context, stake: v.stake, chosen: best }) : [],
    channel: input.unpermitted ? null : best.channel,
  };
}

interface ValuedOffer {
  offer: OfferSpec;
  channel: Channel;
  channelCost: number;
  p: number;
  sl: SecondLifetime;
  ev: number;
}

function valueOffers(input: EvaluateInput, monthlyMargin: number, life: FirstLifetime) {
  const { entry, config } = input;
  const fitted = input.model?.baseRates[entry.code];
  const baseRate = fitted?.rate ?? entry.baseRate;
  const coefficients = input.model?.coefficients ?? config.coefficients;
  const lifetimeFactor = customerLifetimeFactor(life, config);
  const stake = secondLifetimeValue(monthlyMargin, NEUTRAL_OFFER, entry, config, lifetimeFactor);
  // Valued at the contact date, discounted back to as-of: a later contact is worth less today.
  const discount = discountToAsOf(input.asOf, input.contactDay ?? input.asOf, config);
  // Those who would come back anyway are not the contact's doing: only the increment counts.
  // A calibrated model's control groups say how many come back unasked; else the playbook's judgement.
  const organicRate = input.model?.organicRates?.[entry.code]?.rate ?? entry.organicRate ?? 0;
  const learnedOffers = input.model?.offerEffects?.[entry.code];
  // The customer's terms shift every probability below alike: summed once.
  const shift = behaviourShift(life, coefficients);
  const pOrganic = reacquisitionWithShift(organicRate, shift);
  const organicValue = pOrganic * stake.value;
  const valued: ValuedOffer[] = [];
  // Offer and channel are chosen together: a visit persuades more but costs more than a letter.
  for (const offer of allowedOffers(entry, input.offers)) {
    const sl = secondLifetimeValue(monthlyMargin, offer, entry, config, lifetimeFactor);
    for (const channel of input.channels) {
      // Randomised contacts measure what the offer adds for this reason; else the playbook's factor.
      const odds = (learnedOffers?.[offer.id]?.factor ?? offer.reacquisitionOddsFactor) * (input.channelResponse?.[channel] ?? 1);
      // A contact never makes a return less likely than no contact (a calibrated rate may say so by noise).
      const p = Math.max(pOrganic, reacquisitionWithShift(baseRate, shift, odds));
      const channelCost = input.channelCosts[channel];
      valued.push({ offer, channel, channelCost, p, sl, ev: discount * (p * sl.value - organicValue - channelCost - p * offer.incentiveCost) });
    }
  }
  // Strict '>' keeps the playbook's offer order and the channel preference on ties: deterministic.
  const best = valued.reduce((a, b) => (b.ev > a.ev ? b : a));
  const context = { life, baseRate, fromModel: fitted !== undefined, coefficients, channelCost: best.channelCost, organicRate, pOrganic, lifetimeFactor, discount };
  return { valued, best, stake, pOrganic, context };
}

function decide(input: EvaluateInput, monthlyMargin: number, best: ValuedOffer): { decision: Decision; decisionNote: DecisionNote; decisionReason: string } {
  const ev = best.ev;
  const { config } = input;
  const lang = input.lang ?? 'en';
  const to = <D extends Decision>(decision: D, note: DecisionNote) => decidedBy(decision, note, lang, planFigures(config.currencySymbol, lang));
  if (monthlyMargin <= 0) return to('let_go', { key: 'marginNotPositive', args: [] });
  if (input.row.churn_date === undefined) return to('review', { key: 'missingChurnDate', args: [] });
  // An unread text needs a person; a reason nobody recorded does not: the unknown reason's measure is to ask.
  if (input.reasonConfidence < config.reviewConfidence && input.reasonMissing !== true) {
    return to('review', { key: 'reasonUnclear', args: [fixed(input.reasonConfidence), fixed(config.reviewConfidence)] });
  }
  // Decided on the expected value as plan.csv shows it (cents): €0.004 is not worth a contact.
  // Whatever the threshold, a contact that adds nothing over no contact is never made.
  const threshold = Math.max(0, config.decisionThreshold);
  if (Number(ev.toFixed(2)) <= threshold) return to('let_go', { key: 'belowThreshold', args: [money(ev), money(threshold)] });
  if (input.unpermitted) return to('no_channel', { key: 'noChannel', args: [money(ev), best.channel] });
  return to('win_back', { key: 'aboveThreshold', args: [money(ev), money(threshold)] });
}

// Per playbook entry and offer list: the same for every row of a run, so looked up once.
const allowedCache = new WeakMap<ReasonEntry, { offers: OfferSpec[]; allowed: OfferSpec[] }>();

function allowedOffers(entry: ReasonEntry, offers: OfferSpec[]): OfferSpec[] {
  const cached = allowedCache.get(entry);
  if (cached !== undefined && cached.offers === offers) return cached.allowed;
  const found = entry.offers.flatMap((id) => offers.filter((o) => o.id === id).slice(0, 1));
  const allowed = found.length > 0 ? found : [NEUTRAL_OFFER];
  allowedCache.set(entry, { offers, allowed });
  return allowed;
}

function offerReasonOf(valued: ValuedOffer[], symbol: string, lang: Lang = 'en'): string {
  const t = messages(lang).value;
  // The first of the highest keeps the playbook's order on ties, as evaluateCustomer's choice
  // does (what a stable sort by expected value puts first, without copying and sorting per row).
  const chosen = firstHighest(valued, undefined);
  if (chosen === undefined) return '';
  if (chosen.offer === NEUTRAL_OFFER) return t.noOfferDefined;
  // The runner-up offer on the chosen channel: what the offer choice was between.
  const rival = firstHighest(valued, chosen);
  if (rival === undefined) return t.onlyOffer(chosen.offer.id);
  return t.highestOffer(chosen.offer.id, formatMoneyText(chosen.ev, symbol, lang), rival.offer.id, formatMoneyText(rival.ev, symbol, lang));
}

/** The first valued action with the highest expected value; with `besides`, among the other offers on its channel. */
function firstHighest(valued: readonly ValuedOffer[], besides: ValuedOffer | undefined): ValuedOffer | undefined {
  let found: ValuedOffer | undefined;
  for (const o of valued) {
    if (besides !== undefined && (o.channel !== besides.channel || o.offer === besides.offer)) continue;
    if (found === undefined || o.ev > found.ev) found = o;
  }
  return found;
}

function neverDecision(entry: ReasonEntry, lang: Lang | undefined): { decision: Decision; decisionNote: DecisionNote; decisionReason: string } {
  const note: DecisionNote = { key: 'finalReason', args: [entry.code] };
  return { decision: 'never', decisionNote: note, decisionReason: wordDecision(note, lang ?? 'en', NO_FIGURES) };
}

// A note without money or shares in it needs no currency to be worded.
const NO_FIGURES = planFigures('', 'en');

/** A result without valuation: a customer who may not be profiled for marketing at all (an objection). */
export function notValued(row: CustomerRow, decision: Decision, decisionNote: DecisionNote, lang?: Lang): ValueResult {
  return {
    customer_id: row.customer_id, firstLifetime: { missing: [] }, warnings: [], decision, decisionReason: wordDecision(decisionNote, lang ?? 'en', NO_FIGURES), decisionNote,
    ...noFigures(), offerReason: messages(lang).value.notValuedNoContact, channel: null,
  };
}

type Figures = Omit<ValueResult, 'customer_id' | 'decision' | 'decisionReason' | 'decisionNote' | 'firstLifetime' | 'warnings' | 'channel'>;

// A function, not a constant, so no two results share the same arrays.
function noFigures(): Figures {
  return {
    p_winback: null,
    p_organic: null,
    discount: null,
    sltv: null,
    expected_value: null,
    value_at_stake: null,
    offer_type: null,
    offerReason: messages().value.notValuedMissing,
    offersConsidered: [],
    explainSteps: [],
  };
}

/** Priority order: expected value descending (unvalued last), then customer_id ascending. */
export function priorityOrder(a: Pick<ValueResult, 'expected_value' | 'customer_id'>, b: Pick<ValueResult, 'expected_value' | 'customer_id'>): number {
  const ea = a.expected_value ?? -Infinity;
  const eb = b.expected_value ?? -Infinity;
  if (ea !== eb) return ea > eb ? -1 : 1;
  return a.customer_id < b.customer_id ? -1 : a.customer_id > b.customer_id ? 1 : 0;
}

