/**
 * The win-back decision for one customer: value every allowed offer, pick the one with the
 * highest expected value, and decide win_back / let_go / never / review (docs/model.md).
 * The formulas are in value.ts, the types in domain/value/types.ts.
 */
import type { CustomerRow } from '../types.js';
import type { Channel, OfferSpec, ReasonEntry } from '../playbook-types.js';
import type { Decision, DecisionNote, EvaluateInput, OfferValue, ValueResult } from './types.js';
import type { BehaviourCoefficients } from './behaviour.js';
import { decided as decidedBy, fixed, money, moneyPair, planFigures, wordDecision } from './note.js';
import type { FirstLifetime, SecondLifetime } from './value.js';
import { behaviourShift, customerLifetimeFactor, shownStake, stakeEntry, discountToAsOf, firstLifetime, logit, reacquisitionWithShift, secondLifetimeValue, secondLifetimeWorth, sigmoid } from './value.js';
import { explainCustomer, type ExplainContext } from './explain.js';
import { formatCurrency, formatMoneyText, messages, SMALL_MONEY, type Lang } from '../catalogue/index.js';

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
    const steps = input.explain ? explainCustomer(input, { ...explainContext(input, v), stake: stakeOf(input, v) }) : [];
    const never = neverDecision(entry, input.lang);
    return {
      customer_id: row.customer_id, firstLifetime: life, warnings, decision: never.decision, decisionReason: never.decisionReason, decisionNote: never.decisionNote,
      p_winback: 0, p_organic: null, discount: v.discount, sltv: v.stake, expected_value: 0, value_at_stake: shownStake(v.stake), offer_type: null, offerReason: t.finalNoOffer,
      offersConsidered: [], explainSteps: steps, channel: null,
    };
  }
  const bestEv = v.ev[v.best] as number;
  const bestChannel = v.channels[v.best % v.channels.length] as Channel;
  const decided = decide(input, life.monthlyMargin, bestEv, bestChannel);
  // Worded before anything else is valued: it reads the valuation's shared figures (valueOffers).
  const offerReason = offerReasonOf(v, config.currencySymbol, input.lang);
  return {
    customer_id: row.customer_id,
    firstLifetime: life,
    warnings,
    decision: decided.decision,
    decisionReason: decided.decisionReason,
    decisionNote: decided.decisionNote,
    p_winback: v.p[v.best] as number,
    p_organic: v.pOrganic,
    discount: v.discount,
    sltv: v.sl[v.best] as number,
    expected_value: bestEv,
    value_at_stake: shownStake(v.stake),
    offer_type: (v.offers[(v.best / v.channels.length) | 0] as OfferSpec).id,
    offerReason,
    // Values on channels that may not be used are not shown as choices anywhere.
    offersConsidered: input.unpermitted || v.table === undefined ? [] : v.table,
    explainSteps: input.explain ? explainCustomer(input, { ...explainContext(input, v), stake: stakeOf(input, v), chosen: chosenOf(input, v) }) : [],
    channel: input.unpermitted ? null : bestChannel,
  };
}

/**
 * Every offer × channel valued for one customer: action k is offer ⌊k / channels⌋ on channel
 * k mod channels (the playbook's offer order, the channels in preference order). Each
 * action's figures are in `p`, `sl` and `ev`, arrays shared by every valuation: they hold the
 * last customer's until the next valuation. The table is the result's offersConsidered as it
 * stands, one object per action, made only where an output reads it (EvaluateInput.withoutActions).
 */
interface Valuation {
  life: FirstLifetime;
  monthlyMargin: number;
  offers: readonly OfferSpec[];
  channels: readonly Channel[];
  /** actions valued (offers × channels) */
  count: number;
  p: Float64Array;
  sl: Float64Array;
  ev: Float64Array;
  table: OfferValue[] | undefined;
  /** the first action with the highest expected value */
  best: number;
  /** second-lifetime value with a plain approach */
  stake: number;
  lifetimeFactor: number;
  baseRate: number;
  fromModel: boolean;
  coefficients: BehaviourCoefficients;
  organicRate: number;
  pOrganic: number;
  discount: number;
}

function valueOffers(input: EvaluateInput, monthlyMargin: number, life: FirstLifetime): Valuation {
  const { entry, config } = input;
  const fitted = input.model?.baseRates[entry.code];
  const baseRate = fitted?.rate ?? entry.baseRate;
  const coefficients = input.model?.coefficients ?? config.coefficients;
  const lifetimeFactor = customerLifetimeFactor(life, config);
  const stake = secondLifetimeWorth(monthlyMargin, NEUTRAL_OFFER, stakeEntry(entry), config, lifetimeFactor);
  // Valued at the contact date, discounted back to as-of: a later contact is worth less today.
  const discount = discountToAsOf(input.asOf, input.contactDay ?? input.asOf, config);
  // Those who would come back anyway are not the contact's doing: only the increment counts.
  // A calibrated model's control groups say how many come back unasked; else the playbook's judgement.
  const organicRate = input.model?.organicRates?.[entry.code]?.rate ?? entry.organicRate ?? 0;
  const learnedOffers = input.model?.offerEffects?.[entry.code];
  // The customer's terms shift every probability below alike: summed once.
  const shift = behaviourShift(life, coefficients);
  const pOrganic = reacquisitionWithShift(organicRate, shift);
  const organicValue = pOrganic * stake;
  // reacquisitionWithShift's sum up to the odds term, the same for every action.
  const lead = logit(baseRate) + shift;
  const offers = allowedOffers(entry, input.offers);
  const channels = input.channels;
  const count = offers.length * channels.length;
  if (count > actionP.length) growActions(count);
  const table: OfferValue[] | undefined = input.withoutActions === true && input.explain !== true ? undefined : [];
  let best = 0;
  let bestEv = 0;
  let k = 0;
  // Offer and channel are chosen together: a visit persuades more but costs more than a letter.
  for (let i = 0; i < offers.length; i++) {
    const offer = offers[i] as OfferSpec;
    const sl = secondLifetimeWorth(monthlyMargin, offer, entry, config, lifetimeFactor);
    // Randomised contacts measure what the offer adds for this reason; else the playbook's factor.
    const offerOdds = learnedOffers?.[offer.id]?.factor ?? offer.reacquisitionOddsFactor;
    for (let j = 0; j < channels.length; j++) {
      const channel = channels[j] as Channel;
      const odds = offerOdds * (input.channelResponse?.[channel] ?? 1);
      // A contact never makes a return less likely than no contact (a calibrated rate may say so by noise).
      const p = Math.max(pOrganic, baseRate <= 0 || odds <= 0 ? 0 : baseRate >= 1 ? 1 : sigmoid(lead + Math.log(odds)));
      const ev = discount * (p * sl - organicValue - input.channelCosts[channel] - p * offer.incentiveCost);
      // Strict '>' keeps the playbook's offer order and the channel preference on ties: deterministic.
      if (k === 0 || ev > bestEv) {
        best = k;
        bestEv = ev;
      }
      actionP[k] = p;
      actionSl[k] = sl;
      actionEv[k] = ev;
      k++;
      if (table !== undefined) table.push({ offer_type: offer.id, channel, p_winback: p, sltv: sl, expected_value: ev });
    }
  }
  return { life, monthlyMargin, offers, channels, count, p: actionP, sl: actionSl, ev: actionEv, table, best, stake, lifetimeFactor, baseRate, fromModel: fitted !== undefined, coefficients, organicRate, pOrganic, discount };
}

// The figures of the actions of the last valuation (Valuation): grown as a playbook needs, never shrunk.
let actionP = new Float64Array(64);
let actionSl = new Float64Array(64);
let actionEv = new Float64Array(64);

function growActions(count: number): void {
  actionP = new Float64Array(count);
  actionSl = new Float64Array(count);
  actionEv = new Float64Array(count);
}

// What --explain needs beside the valuation: the figures of the chosen action and of the plain approach in full.
function explainContext(input: EvaluateInput, v: Valuation): Omit<ExplainContext, 'stake' | 'chosen'> {
  const channelCost = v.count === 0 ? 0 : input.channelCosts[v.channels[v.best % v.channels.length] as Channel];
  return { life: v.life, baseRate: v.baseRate, fromModel: v.fromModel, coefficients: v.coefficients, channelCost, organicRate: v.organicRate, pOrganic: v.pOrganic, lifetimeFactor: v.lifetimeFactor, discount: v.discount };
}

function stakeOf(input: EvaluateInput, v: Valuation): SecondLifetime {
  return secondLifetimeValue(v.monthlyMargin, NEUTRAL_OFFER, stakeEntry(input.entry), input.config, v.lifetimeFactor);
}


function chosenOf(input: EvaluateInput, v: Valuation): NonNullable<ExplainContext['chosen']> {
  const offer = v.offers[(v.best / v.channels.length) | 0] as OfferSpec;
  const channel = v.channels[v.best % v.channels.length] as Channel;
  return { offer, channel, p: v.p[v.best] as number, sl: secondLifetimeValue(v.monthlyMargin, offer, input.entry, input.config, v.lifetimeFactor), ev: v.ev[v.best] as number };
}

function decide(input: EvaluateInput, monthlyMargin: number, ev: number, channel: Channel): { decision: Decision; decisionNote: DecisionNote; decisionReason: string } {
  const { config } = input;
  const lang = input.lang ?? 'en';
  const figures = planFigures(config.currencySymbol, lang);
  // A customer who bought nothing brought nothing: no loss to speak of, nothing a second lifetime could repeat.
  if (monthlyMargin === 0 && input.row.revenue === 0) return decidedBy('let_go', { key: 'noRevenue', args: [] }, lang, figures);
  if (monthlyMargin <= 0) return decidedBy('let_go', { key: 'marginNotPositive', args: [] }, lang, figures);
  if (input.row.churn_date === undefined) return decidedBy('review', { key: 'missingChurnDate', args: [] }, lang, figures);
  // An unread text needs a person; a reason nobody recorded does not: the unknown reason's measure is to ask.
  if (input.reasonConfidence < config.reviewConfidence && input.reasonMissing !== true) {
    return decidedBy('review', { key: 'reasonUnclear', args: [fixed(input.reasonConfidence), fixed(config.reviewConfidence)] }, lang, figures);
  }
  // Decided on the expected value as plan.csv shows it (cents): €0.004 is not worth a contact.
  // Whatever the threshold, a contact that adds nothing over no contact is never made.
  const threshold = Math.max(0, config.decisionThreshold);
  if (belowThreshold(ev, threshold)) return decidedBy('let_go', { key: 'belowThreshold', args: moneyPair(ev, threshold) }, lang, figures);
  if (input.unpermitted) return decidedBy('no_channel', { key: 'noChannel', args: [money(ev, Math.abs(ev) < SMALL_MONEY), channel] }, lang, figures);
  return decidedBy('win_back', { key: 'aboveThreshold', args: moneyPair(ev, threshold) }, lang, figures);
}

/**
 * Number(ev.toFixed(2)) <= threshold: the expected value in cents against the threshold. Rounding
 * to cents moves a value by half a cent at most (below 2^52; above, a double is whole and
 * toFixed exact), so more than one unit away from the threshold the answer is the unrounded
 * one, and toFixed (~160 ns, once a row) is called only near it.
 */
export function belowThreshold(ev: number, threshold: number): boolean {
  if (ev > threshold + 1) return false;
  if (ev < threshold - 1) return true;
  return Number(ev.toFixed(2)) <= threshold;
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

function offerReasonOf(v: Valuation, symbol: string, lang: Lang = 'en'): string {
  const t = messages(lang).value;
  // The first of the highest keeps the playbook's order on ties, as evaluateCustomer's choice
  // does (what a stable sort by expected value puts first, without copying and sorting per row).
  const { offers, channels, ev } = v;
  if (v.count === 0) return '';
  const n = channels.length;
  const offer = offers[(v.best / n) | 0] as OfferSpec;
  if (offer === NEUTRAL_OFFER) return t.noOfferDefined;
  // The runner-up offer on the chosen channel (action k is on channel k mod n): what the offer choice was between.
  const channel = channels[v.best % n];
  let rival = -1;
  for (let k = 0; k < v.count; k++) {
    if (channels[k % n] !== channel || offers[(k / n) | 0] === offer) continue;
    if (rival < 0 || (ev[k] as number) > (ev[rival] as number)) rival = k;
  }
  if (rival < 0) return t.onlyOffer(offer.id);
  const [best, second] = [ev[v.best] as number, ev[rival] as number];
  // Small sums in cents, both alike: "€0.40 vs information €0.12", not "€0 vs information €0".
  const small = Math.max(Math.abs(best), Math.abs(second)) < SMALL_MONEY;
  const said = (x: number) => (small ? formatCurrency(x, lang, symbol.trim()) : formatMoneyText(x, symbol, lang));
  return t.highestOffer(offer.id, said(best), (offers[(rival / n) | 0] as OfferSpec).id, said(second));
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

