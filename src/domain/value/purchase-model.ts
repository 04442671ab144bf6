/**
 * The value model for customers who never cancelled (docs/model.md section 8): `winback clv`
 * hands over what the fitted purchase model says of them (clv/handover.ts), and the customer is
 * valued with it — second-lifetime purchases and spend from the model instead of a run rate,
 * the chance of winning them back from the same decision model as every other customer, and
 * P(alive) as the chance that there is nothing to win back. `valueCustomer` is the one entry
 * plan uses: rows without a hand-over go to `evaluateCustomer` unchanged, core defectors the
 * purchase model finds alive to the retention track (domain/value/retention.ts).
 */
import { DEFAULT_CLV_CONFIG } from '../clv/clv.js';
import { discountedPurchasesWithin, purchaseModelSecondLifetime, readPurchaseModelHandover, type HandoverProblem, type PurchaseModelHandover } from '../clv/handover.js';
import { formatAmount, formatMoneyText, messages, say, SMALL_MONEY, type Lang } from '../catalogue/index.js';
import type { CustomerRow } from '../types.js';
import type { Channel, OfferSpec } from '../playbook-types.js';
import type { Decision, DecisionNote, EvaluateInput, ExplainStep, ValueResult } from './types.js';
import { decided as decidedBy, fixed as share, money as cash, moneyPair, planFigures } from './note.js';
import { evaluateCustomer, NEUTRAL_OFFER, notValued } from './decision.js';
import { formatFormulaNumber } from './explain.js';
import { behaviourShift, firstLifetime, reacquisitionProbability, shownStake, type FirstLifetime } from './value.js';
import { evaluateRetentionCustomer, isDrifting } from './retention.js';

/** Values a customer: with clv's purchase-model hand-over when the row carries one, else as a contract customer. */
export function valueCustomer(input: EvaluateInput): ValueResult {
  const handover = purchaseModelHandoverOf(input.row);
  if (handover === undefined) return evaluateCustomer(input);
  if ('problem' in handover) {
    const t = messages(input.lang).value;
    if (input.entry.final) return notValued(input.row, 'never', { key: 'finalReason', args: [input.entry.code] }, input.lang);
    return { ...notValued(input.row, 'review', { key: 'missingHandover', args: [handover.problem] }, input.lang), offerReason: t.notValuedMissing };
  }
  // Alive but drifting (clv's core defector): the retention track, when the playbook has one.
  if (input.retention !== undefined && input.retention.length > 0 && isDrifting(input.row, handover)) {
    return evaluateRetentionCustomer(input, handover, input.retention, marginRateOf(input.row, input.config.defaultMarginPercent, input.lang));
  }
  return evaluatePurchaseModelCustomer(input, handover);
}

/** The hand-over of a row read by plan's export reader; undefined without `value_basis` = purchase_model. */
export function purchaseModelHandoverOf(row: CustomerRow): PurchaseModelHandover | { problem: HandoverProblem } | undefined {
  if (row.value_basis === undefined) return undefined;
  const cells = row as unknown as Record<string, unknown>;
  return readPurchaseModelHandover((column) => (cells[column] === undefined ? undefined : String(cells[column])));
}

interface Valued {
  offer: OfferSpec;
  channel: Channel;
  channelCost: number;
  /** chance the contact brings back a customer who is gone: (1 − P(alive)) × p */
  p: number;
  sltv: number;
  ev: number;
}

/**
 * Values a non-contractual customer from the purchase model. Per allowed offer and channel:
 * sltv = discounted purchases × spend × margin × marginFactor, less marginReduction of it on the
 * purchases of the offer's term (marginReductionMonths; all of them without one);
 * expected value = (1 − P(alive)) × p × (sltv − incentive) − P(alive) × incentive − channel cost,
 * where p is the decision model's chance of winning back a customer who is gone. A customer
 * who is still buying gains nothing from the approach but takes its incentive (judgement).
 */
export function evaluatePurchaseModelCustomer(input: EvaluateInput, h: PurchaseModelHandover): ValueResult {
  const { row, entry, config } = input;
  const life = firstLifetime(row, input.asOf, config);
  const margin = marginRateOf(row, config.defaultMarginPercent, input.lang);
  life.marginSource = margin.source;
  const warnings = margin.warning === undefined ? [] : [margin.warning];
  const fitted = input.model?.baseRates[entry.code];
  const baseRate = fitted?.rate ?? entry.baseRate;
  const coefficients = input.model?.coefficients ?? config.coefficients;
  const gone = 1 - h.pAlive;
  const second = (offer: OfferSpec) =>
    purchaseModelSecondLifetime(h, margin.rate, config, { marginFactor: entry.marginFactor, marginReduction: offer.marginReduction, ...(offer.marginReductionMonths === undefined ? {} : { reductionMonths: offer.marginReductionMonths }) });
  const stake = second(NEUTRAL_OFFER);
  warnings.push(...stake.warnings.map((w) => say(input.lang ?? 'en', 'value', w)));
  const valueAtStake = gone * stake.value;
  const valued: Valued[] = [];
  for (const offer of allowedOffers(input)) {
    const sltv = second(offer).value;
    for (const channel of input.channels) {
      const p = gone * reacquisitionProbability(baseRate, life, coefficients, offer.reacquisitionOddsFactor * (input.channelResponse?.[channel] ?? 1));
      const channelCost = input.channelCosts[channel];
      valued.push({ offer, channel, channelCost, p, sltv, ev: p * (sltv - offer.incentiveCost) - h.pAlive * offer.incentiveCost - channelCost });
    }
  }
  // Strict '>' keeps the playbook's offer order and the channel preference on ties, as evaluateCustomer does.
  const best = valued.reduce((a, b) => (b.ev > a.ev ? b : a));
  const final = entry.final;
  const t = messages(input.lang).value;
  const decided = final ? decidedBy('never' as const, { key: 'finalReason', args: [entry.code] }, input.lang ?? 'en', planFigures(config.currencySymbol, input.lang ?? 'en')) : decide(input, h, margin.rate, best);
  const steps = input.explain ? explainSteps(input, h, life, margin.rate, baseRate, fitted !== undefined, best, valueAtStake) : [];
  return {
    customer_id: row.customer_id,
    firstLifetime: life,
    warnings,
    decision: decided.decision,
    decisionReason: decided.decisionReason,
    decisionNote: decided.decisionNote,
    p_winback: final ? 0 : best.p,
    // The living are P(alive) here; no separate organic return is modelled for silent churners.
    p_organic: null,
    // Valued as of the as-of date, undiscounted to a contact date.
    discount: 1,
    sltv: final ? stake.value : best.sltv,
    expected_value: final ? 0 : best.ev,
    value_at_stake: shownStake(valueAtStake),
    offer_type: final ? null : best.offer.id,
    offerReason: final ? t.finalNoOffer : offerReasonOf(valued, best, config.currencySymbol, input.lang),
    offersConsidered: final || input.unpermitted || input.withoutActions === true ? [] : valued.map((o) => ({ offer_type: o.offer.id, channel: o.channel, p_winback: o.p, sltv: o.sltv, expected_value: o.ev })),
    explainSteps: steps,
    channel: final || input.unpermitted ? null : best.channel,
  };
}

/** The margin rate applied to the model's revenue: the row's percentage, else the default (flagged as plan flags it). */
export function marginRateOf(row: CustomerRow, defaultPercent: number, lang?: Lang): { rate: number; source: FirstLifetime['marginSource']; warning?: string } {
  if (row.margin?.kind === 'percent') return { rate: row.margin.value / 100, source: 'percent' };
  const t = messages(lang).value;
  const pct = formatAmount(defaultPercent, lang ?? 'en');
  return { rate: defaultPercent / 100, source: 'default', warning: row.margin?.kind === 'amount' ? t.marginAmountNotForModel(pct) : t.marginDefault(pct) };
}

function allowedOffers(input: EvaluateInput): OfferSpec[] {
  const found = input.entry.offers.flatMap((id) => input.offers.filter((o) => o.id === id).slice(0, 1));
  return found.length > 0 ? found : [NEUTRAL_OFFER];
}

function decide(input: EvaluateInput, h: PurchaseModelHandover, marginRate: number, best: Valued): { decision: Decision; decisionNote: DecisionNote; decisionReason: string } {
  const { config, row } = input;
  const lang = input.lang ?? 'en';
  const to = <D extends Decision>(decision: D, note: DecisionNote) => decidedBy(decision, note, lang, planFigures(config.currencySymbol, lang));
  const threshold = h.lostThreshold ?? DEFAULT_CLV_CONFIG.lostThreshold;
  // BG/NBD lets nobody drop out before a repeat purchase: P(alive) = 1 after a single purchase.
  if (h.pAlive >= threshold) return to('let_go', { key: 'alivePerModel', args: [share(h.pAlive), share(threshold), row.orders === 1 && h.pAlive === 1] });
  if (marginRate <= 0) return to('let_go', { key: 'modelMarginNotPositive', args: [] });
  if (row.churn_date === undefined) return to('review', { key: 'missingChurnDate', args: [] });
  if (input.reasonConfidence < config.reviewConfidence) {
    return to('review', { key: 'reasonUnclear', args: [share(input.reasonConfidence), share(config.reviewConfidence)] });
  }
  // Decided on the expected value as plan.csv shows it (cents), as for every other customer.
  if (Number(best.ev.toFixed(2)) <= config.decisionThreshold) {
    return to('let_go', { key: 'modelBelowThreshold', args: [...moneyPair(best.ev, config.decisionThreshold), share(h.pAlive)] });
  }
  if (input.unpermitted) return to('no_channel', { key: 'noChannel', args: [cash(best.ev, Math.abs(best.ev) < SMALL_MONEY), best.channel] });
  return to('win_back', { key: 'modelAboveThreshold', args: [...moneyPair(best.ev, config.decisionThreshold), share(h.pAlive)] });
}

function offerReasonOf(valued: Valued[], best: Valued, symbol: string, lang: Lang = 'en'): string {
  const t = messages(lang).value;
  if (best.offer === NEUTRAL_OFFER) return t.noOfferDefined;
  const rival = valued.filter((o) => o.channel === best.channel && o.offer !== best.offer).sort((a, b) => b.ev - a.ev)[0];
  if (rival === undefined) return t.onlyOffer(best.offer.id);
  return t.highestOffer(best.offer.id, formatMoneyText(best.ev, symbol, lang), rival.offer.id, formatMoneyText(rival.ev, symbol, lang));
}

// The second lifetime's formula as explain shows it: the reduction on every purchase, or on those of the offer's term.
function sltvFormula(h: PurchaseModelHandover, marginRate: number, marginFactor: number, offer: OfferSpec, n: (v: number) => string): string {
  const within = discountedPurchasesWithin(h, offer.marginReductionMonths);
  const rest = `${n(h.expectedSpend)} × ${n(marginRate)} × ${n(marginFactor)}`;
  if (within === h.discountedPurchasesHorizon) return `${n(h.discountedPurchasesHorizon)} × ${rest} × (1 − ${n(offer.marginReduction)})`;
  return `(${n(h.discountedPurchasesHorizon)} − ${n(offer.marginReduction)} × ${n(within)}) × ${rest}`;
}

function explainSteps(input: EvaluateInput, h: PurchaseModelHandover, life: FirstLifetime, marginRate: number, baseRate: number, fromModel: boolean, best: Valued, stake: number): ExplainStep[] {
  const { entry } = input;
  const t = messages(input.lang).explain;
  const n = (v: number) => formatFormulaNumber(v, input.lang);
  const coefficients = input.model?.coefficients ?? input.config.coefficients;
  const shift = behaviourShift(life, coefficients);
  const steps: ExplainStep[] = [
    { label: t.pAliveModel, formula: t.pAliveSource(h.model), value: h.pAlive },
    { label: t.purchasesIfRegained(h.horizonMonths), formula: t.discountedPurchasesFormula, value: h.discountedPurchasesHorizon },
    { label: t.spendPerPurchase, formula: 'Gamma-Gamma E[M | x, m̄]', value: h.expectedSpend },
    { label: t.marginRate, formula: life.marginSource === 'default' ? t.marginRateDefault : t.marginRatePercent, value: marginRate },
  ];
  const labels = { tenureMonths: t.tenure, orders: t.orders, complaints: t.complaints, monthsSinceChurn: t.monthsSinceLastPurchase } as const;
  for (const [f, label] of Object.entries(labels) as [keyof typeof labels, string][]) if (life[f] !== undefined) steps.push({ label, formula: t.fromExport, value: life[f] });
  steps.push({ label: t.baseRate, formula: `${fromModel ? t.calibratedModel : t.playbook}: ${entry.code}`, value: baseRate });
  steps.push({ label: t.behaviourShift, formula: t.shiftFormula, value: shift });
  const odds = best.offer.reacquisitionOddsFactor * (input.channelResponse?.[best.channel] ?? 1);
  const ic = best.offer.incentiveCost;
  steps.push(
    { label: t.pWinback(best.offer.id, best.channel), formula: `(1 − ${n(h.pAlive)}) × σ(logit(${n(baseRate)}) + ${n(shift)} + ln(${n(odds)}))`, value: best.p },
    { label: t.sltv, formula: sltvFormula(h, marginRate, entry.marginFactor, best.offer, n), value: best.sltv },
    { label: t.channelCost(best.channel), formula: t.playbookChannelCost, value: best.channelCost },
    { label: t.incentiveCost(best.offer.id), formula: t.playbookOfferCost, value: ic },
    { label: t.expectedValuePlain, formula: `${n(best.p)} × (${n(best.sltv)} − ${n(ic)}) − ${n(h.pAlive)} × ${n(ic)} − ${n(best.channelCost)}`, value: best.ev },
    { label: t.valueAtStakeNotAlive, formula: `(1 − ${n(h.pAlive)}) × ${n(h.discountedPurchasesHorizon)} × ${n(h.expectedSpend)} × ${n(marginRate)} × ${n(entry.marginFactor)}`, value: stake },
  );
  return steps;
}
