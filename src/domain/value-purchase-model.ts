/**
 * The value model for customers who never cancelled (docs/model.md section 8): `winback clv`
 * hands over what the fitted purchase model says of them (clv/handover.ts), and the customer is
 * valued with it — second-lifetime purchases and spend from the model instead of a run rate,
 * the chance of winning them back from the same decision model as every other customer, and
 * P(alive) as the chance that there is nothing to win back. `valueCustomer` is the one entry
 * plan uses: rows without a hand-over go to `evaluateCustomer` unchanged, core defectors the
 * purchase model finds alive to the retention track (value-retention.ts).
 */
import { DEFAULT_CLV_CONFIG } from './clv/clv.js';
import { purchaseModelSecondLifetime, readPurchaseModelHandover, type PurchaseModelHandover } from './clv/handover.js';
import type { CustomerRow } from './types.js';
import type { Channel, OfferSpec } from './playbook-types.js';
import type { Decision, EvaluateInput, ExplainStep, ValueResult } from './value-types.js';
import { evaluateCustomer, NEUTRAL_OFFER, notValued } from './value-decision.js';
import { formatFormulaNumber as n, formatMoney } from './value-explain.js';
import { behaviourShift, firstLifetime, reacquisitionProbability, type FirstLifetime } from './value.js';
import { evaluateRetentionCustomer, isDrifting } from './value-retention.js';

/** Values a customer: with clv's purchase-model hand-over when the row carries one, else as a contract customer. */
export function valueCustomer(input: EvaluateInput): ValueResult {
  const handover = purchaseModelHandoverOf(input.row);
  if (handover === undefined) return evaluateCustomer(input);
  if ('problem' in handover) {
    if (input.entry.final) return notValued(input.row, 'never', `final reason (${input.entry.code}): never contact`);
    return { ...notValued(input.row, 'review', `missing data: ${handover.problem}`), offerReason: 'not valued: missing data' };
  }
  // Alive but drifting (clv's core defector): the retention track, when the playbook has one.
  if (input.retention !== undefined && input.retention.length > 0 && isDrifting(input.row, handover)) {
    return evaluateRetentionCustomer(input, handover, input.retention, marginRateOf(input.row, input.config.defaultMarginPercent));
  }
  return evaluatePurchaseModelCustomer(input, handover);
}

/** The hand-over of a row read by plan's export reader; undefined without `value_basis` = purchase_model. */
export function purchaseModelHandoverOf(row: CustomerRow): PurchaseModelHandover | { problem: string } | undefined {
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
 * sltv = discounted purchases × spend × margin × marginFactor × (1 − marginReduction);
 * expected value = (1 − P(alive)) × p × (sltv − incentive) − P(alive) × incentive − channel cost,
 * where p is the decision model's chance of winning back a customer who is gone. A customer
 * who is still buying gains nothing from the approach but takes its incentive (judgement).
 */
export function evaluatePurchaseModelCustomer(input: EvaluateInput, h: PurchaseModelHandover): ValueResult {
  const { row, entry, config } = input;
  const life = firstLifetime(row, input.asOf, config);
  const margin = marginRateOf(row, config.defaultMarginPercent);
  life.marginSource = margin.source;
  const warnings = margin.warning === undefined ? [] : [margin.warning];
  const fitted = input.model?.baseRates[entry.code];
  const baseRate = fitted?.rate ?? entry.baseRate;
  const coefficients = input.model?.coefficients ?? config.coefficients;
  const gone = 1 - h.pAlive;
  const second = (offer: OfferSpec) => purchaseModelSecondLifetime(h, margin.rate, config, { marginFactor: entry.marginFactor, marginReduction: offer.marginReduction });
  const stake = second(NEUTRAL_OFFER);
  warnings.push(...stake.warnings);
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
  const decided = final ? { decision: 'never' as const, decisionReason: `final reason (${entry.code}): never contact` } : decide(input, h, margin.rate, best);
  const steps = input.explain ? explainSteps(input, h, life, margin.rate, baseRate, fitted !== undefined, best, valueAtStake) : [];
  return {
    customer_id: row.customer_id,
    firstLifetime: life,
    warnings,
    decision: decided.decision,
    decisionReason: decided.decisionReason,
    p_winback: final ? 0 : best.p,
    // The living are P(alive) here; no separate organic return is modelled for silent churners.
    p_organic: null,
    // Valued as of the as-of date, undiscounted to a contact date.
    discount: 1,
    sltv: final ? stake.value : best.sltv,
    expected_value: final ? 0 : best.ev,
    value_at_stake: valueAtStake,
    offer_type: final ? null : best.offer.id,
    offerReason: final ? 'final reason: no offer' : offerReasonOf(valued, best, config.currencySymbol),
    offersConsidered: final || input.unpermitted ? [] : valued.map((o) => ({ offer_type: o.offer.id, channel: o.channel, p_winback: o.p, sltv: o.sltv, expected_value: o.ev })),
    explainSteps: steps,
    channel: final || input.unpermitted ? null : best.channel,
  };
}

/** The margin rate applied to the model's revenue: the row's percentage, else the default (flagged as plan flags it). */
export function marginRateOf(row: CustomerRow, defaultPercent: number): { rate: number; source: FirstLifetime['marginSource']; warning?: string } {
  if (row.margin?.kind === 'percent') return { rate: row.margin.value / 100, source: 'percent' };
  const why = row.margin?.kind === 'amount' ? ' (a margin amount does not apply to the purchase model\'s revenue: give a percentage)' : '';
  return { rate: defaultPercent / 100, source: 'default', warning: `margin missing: default ${defaultPercent} % used${why}` };
}

function allowedOffers(input: EvaluateInput): OfferSpec[] {
  const found = input.entry.offers.flatMap((id) => input.offers.filter((o) => o.id === id).slice(0, 1));
  return found.length > 0 ? found : [NEUTRAL_OFFER];
}

function decide(input: EvaluateInput, h: PurchaseModelHandover, marginRate: number, best: Valued): { decision: Decision; decisionReason: string } {
  const { config, row } = input;
  const money = (v: number) => formatMoney(v, config.currencySymbol);
  const threshold = h.lostThreshold ?? DEFAULT_CLV_CONFIG.lostThreshold;
  if (h.pAlive >= threshold) {
    // BG/NBD lets nobody drop out before a repeat purchase: P(alive) = 1 after a single purchase.
    const single = row.orders === 1 && h.pAlive === 1 ? '; after a single purchase BG/NBD cannot tell (winback clv --model pareto-nbd can)' : '';
    return { decision: 'let_go', decisionReason: `alive per the purchase model (P(alive) ${h.pAlive.toFixed(2)} ≥ lost threshold ${threshold.toFixed(2)}): still buying, not lost — no win-back${single}` };
  }
  if (marginRate <= 0) return { decision: 'let_go', decisionReason: 'margin ≤ 0: a second lifetime would cost more than it brings' };
  if (row.churn_date === undefined) return { decision: 'review', decisionReason: 'missing data: no churn date' };
  if (input.reasonConfidence < config.reviewConfidence) {
    return { decision: 'review', decisionReason: `reason unclear (confidence ${input.reasonConfidence.toFixed(2)} < ${config.reviewConfidence.toFixed(2)})` };
  }
  const basis = `purchase model, P(alive) ${h.pAlive.toFixed(2)}`;
  // Decided on the expected value as plan.csv shows it (cents), as for every other customer.
  if (Number(best.ev.toFixed(2)) <= config.decisionThreshold) {
    return { decision: 'let_go', decisionReason: `expected value ${money(best.ev)} ≤ threshold ${money(config.decisionThreshold)} (${basis})` };
  }
  if (input.unpermitted) return { decision: 'no_channel', decisionReason: `worth an approach (${money(best.ev)} by ${best.channel}), but no channel may be used` };
  return { decision: 'win_back', decisionReason: `expected value ${money(best.ev)} > threshold ${money(config.decisionThreshold)} (${basis})` };
}

function offerReasonOf(valued: Valued[], best: Valued, symbol: string): string {
  if (best.offer === NEUTRAL_OFFER) return 'no offer defined for this reason';
  const rival = valued.filter((o) => o.channel === best.channel && o.offer !== best.offer).sort((a, b) => b.ev - a.ev)[0];
  if (rival === undefined) return `${best.offer.id}: only offer for this reason`;
  return `${best.offer.id}: highest expected value (${formatMoney(best.ev, symbol)} vs ${rival.offer.id} ${formatMoney(rival.ev, symbol)})`;
}

function explainSteps(input: EvaluateInput, h: PurchaseModelHandover, life: FirstLifetime, marginRate: number, baseRate: number, fromModel: boolean, best: Valued, stake: number): ExplainStep[] {
  const { entry } = input;
  const coefficients = input.model?.coefficients ?? input.config.coefficients;
  const shift = behaviourShift(life, coefficients);
  const steps: ExplainStep[] = [
    { label: 'P(alive) (purchase model)', formula: `winback clv, ${h.model || 'purchase model'}`, value: h.pAlive },
    { label: `discounted purchases if regained (${h.horizonMonths} months)`, formula: 'Σ_i (E[Y(i) | alive] − E[Y(i−1) | alive]) / (1 + d)^i', value: h.discountedPurchasesHorizon },
    { label: 'expected spend per purchase', formula: 'Gamma-Gamma E[M | x, m̄]', value: h.expectedSpend },
    { label: 'margin rate', formula: life.marginSource === 'default' ? 'default (margin missing)' : 'margin %', value: marginRate },
  ];
  const labels = { tenureMonths: 'tenure (months)', orders: 'orders', complaints: 'complaints', monthsSinceChurn: 'months since churn (last purchase)' } as const;
  for (const [f, label] of Object.entries(labels) as [keyof typeof labels, string][]) if (life[f] !== undefined) steps.push({ label, formula: 'export', value: life[f] });
  steps.push({ label: 'base rate', formula: `${fromModel ? 'calibrated model' : 'playbook'}: ${entry.code}`, value: baseRate });
  steps.push({ label: 'behaviour shift (log-odds)', formula: 'Σ w × (ln(1+min(x,cap)) − ln(1+ref))', value: shift });
  const odds = best.offer.reacquisitionOddsFactor * (input.channelResponse?.[best.channel] ?? 1);
  const ic = best.offer.incentiveCost;
  steps.push(
    { label: `p_winback (offer ${best.offer.id}, ${best.channel})`, formula: `(1 − ${n(h.pAlive)}) × σ(logit(${n(baseRate)}) + ${n(shift)} + ln(${n(odds)}))`, value: best.p },
    { label: 'sltv', formula: `${n(h.discountedPurchasesHorizon)} × ${n(h.expectedSpend)} × ${n(marginRate)} × ${n(entry.marginFactor)} × (1 − ${n(best.offer.marginReduction)})`, value: best.sltv },
    { label: `channel cost (${best.channel})`, formula: 'playbook channel cost', value: best.channelCost },
    { label: `incentive cost (offer ${best.offer.id})`, formula: 'playbook offer cost', value: ic },
    { label: 'expected value', formula: `${n(best.p)} × (${n(best.sltv)} − ${n(ic)}) − ${n(h.pAlive)} × ${n(ic)} − ${n(best.channelCost)}`, value: best.ev },
    { label: 'value at stake (no offer, not alive)', formula: `(1 − ${n(h.pAlive)}) × ${n(h.discountedPurchasesHorizon)} × ${n(h.expectedSpend)} × ${n(marginRate)} × ${n(entry.marginFactor)}`, value: stake },
  );
  return steps;
}
