/**
 * Retention for the living (DOMAIN.md section 5): a customer who never cancelled, whom the
 * purchase model still finds alive (P(alive) at or above clv's lost threshold) but drifting —
 * clv's core defector — is not written a win-back letter. The playbook's retention measures are
 * valued on what keeping the customer adds over the drift, with the purchases and spend of the
 * model that found them (clv/handover.ts). Pure.
 */
import type { PurchaseModelHandover } from '../clv/handover.js';
import { discountedPurchasesWithin, purchaseModelSecondLifetime } from '../clv/handover.js';
import { DEFAULT_CLV_CONFIG } from '../clv/clv.js';
import { formatMoneyText, messages, say, SMALL_MONEY, type Lang } from '../catalogue/index.js';
import type { Channel, RetentionMeasureSpec } from '../playbook-types.js';
import type { CustomerRow } from '../types.js';
import type { Decision, DecisionNote, EvaluateInput, ExplainStep, RetentionOption, ValueResult } from './types.js';
import { decided as decidedBy, fixed as share, money as cash, moneyPair, planFigures } from './note.js';
import { formatFormulaNumber } from './explain.js';
import { shownStake, type FirstLifetime } from './value.js';

/** The phase clv gives a core customer who is drifting away (clv.ts). */
export const DRIFTING_PHASE = 'core_defector';

/** True for a hand-over row of a core defector the purchase model finds alive: the retention track. */
export function isDrifting(row: CustomerRow, h: PurchaseModelHandover): boolean {
  return (row.phase ?? '').trim() === DRIFTING_PHASE && h.pAlive >= (h.lostThreshold ?? DEFAULT_CLV_CONFIG.lostThreshold);
}

/** The figures of one retention measure on one channel. */
export interface RetentionValue {
  measure: RetentionMeasureSpec;
  channel: Channel;
  /** chance the measure keeps a customer who would otherwise drift away for good */
  q: number;
  /** (1 − P(alive)) × q: how much more likely the customer is there over the horizon */
  added: number;
  /** horizon margin if kept, under the measure's give-away (over its term only, where it has one) */
  valueKept: number;
  channelCost: number;
  ev: number;
}

/**
 * Values one retention measure on one channel:
 * q = keepRate's odds × the channel's response factor (as offers and channels move win-back odds);
 * kept = P(alive) + (1 − P(alive)) × q;
 * ev = kept × V_kept − P(alive) × V − kept × incentive − channel cost,
 * where V = discounted purchases × spend × margin (the model's horizon value if alive) and V_kept
 * = V less marginReduction of the margin on the purchases of the measure's term
 * (marginReductionMonths, the rule offers follow; every purchase of the horizon without one):
 * V_kept = V − marginReduction × V_term. The subtracted P(alive) × V is the drift: what the
 * customer brings without any contact.
 */
export function valueRetentionMeasure(h: PurchaseModelHandover, valueIfAlive: number, measure: RetentionMeasureSpec, channel: Channel, channelCost: number, response = 1): RetentionValue {
  const odds = measure.keepRate * response;
  const q = measure.keepRate >= 1 ? 1 : odds / (1 - measure.keepRate + odds);
  const added = (1 - h.pAlive) * q;
  const kept = h.pAlive + added;
  // The share of the horizon's discounted purchases the reduction falls on: all of them, or the term's.
  const within = h.discountedPurchasesHorizon > 0 ? discountedPurchasesWithin(h, measure.marginReductionMonths) / h.discountedPurchasesHorizon : 1;
  const valueKept = valueIfAlive * (1 - measure.marginReduction * within);
  const ev = kept * valueKept - h.pAlive * valueIfAlive - kept * measure.incentiveCost - channelCost;
  return { measure, channel, q, added, valueKept, channelCost, ev };
}

/** Plans a drifting customer with the retention measures: the best measure and channel, or let be. */
export function evaluateRetentionCustomer(input: EvaluateInput, h: PurchaseModelHandover, options: readonly RetentionOption[], margin: { rate: number; source: FirstLifetime['marginSource']; warning?: string }): ValueResult {
  const { row, config } = input;
  const t = messages(input.lang).value;
  const lang = input.lang ?? 'en';
  const money = (v: number) => formatMoneyText(v, config.currencySymbol, lang);
  const base = purchaseModelSecondLifetime(h, margin.rate, config);
  const warnings = [...(margin.warning === undefined ? [] : [margin.warning]), ...base.warnings.map((w) => say(lang, 'value', w))];
  const life: FirstLifetime = { missing: [], marginSource: margin.source };
  const atRisk = (1 - h.pAlive) * base.value;
  const unpermitted = options.every((o) => o.channels.length === 0);
  const valued: RetentionValue[] = [];
  // Without a permitted channel the measure is valued on its channels the customer could be reached at had they
  // said yes, else on all its own, to tell no_channel from let_go.
  const reachable = unpermitted && options.some((o) => (o.reachable?.length ?? 0) > 0);
  for (const o of options) {
    const channels = !unpermitted ? o.channels : reachable ? (o.reachable ?? []) : o.measure.channels;
    for (const c of channels) valued.push(valueRetentionMeasure(h, base.value, o.measure, c, input.channelCosts[c], input.channelResponse?.[c] ?? 1));
  }
  const common = { customer_id: row.customer_id, firstLifetime: life, warnings, track: 'retention' as const, p_organic: null, discount: 1, value_at_stake: shownStake(atRisk) };
  if (input.entry.final) {
    return { ...common, ...decidedBy('never' as const, { key: 'finalReason', args: [input.entry.code] }, lang, planFigures(config.currencySymbol, lang)), p_winback: 0, sltv: base.value, expected_value: 0, offer_type: null, offerReason: t.finalNoOffer, offersConsidered: [], explainSteps: [], channel: null };
  }
  // Strict '>' keeps the playbook's measure order and each measure's channel order on ties.
  const best = valued.reduce((a, b) => (b.ev > a.ev ? b : a));
  const rival = valued.filter((v) => v.measure !== best.measure).sort((a, b) => b.ev - a.ev)[0];
  const pAlive = share(h.pAlive);
  const threshold = Math.max(config.decisionThreshold, 0);
  const cents = Number(best.ev.toFixed(2));
  const to = <D extends Decision>(decision: D, note: DecisionNote) => decidedBy(decision, note, lang, planFigures(config.currencySymbol, lang));
  // Never a contact worth ≤ 0, whatever the configured threshold.
  const decided =
    margin.rate <= 0 ? to('let_go', { key: 'retentionMarginNotPositive', args: [] })
    : cents <= threshold ? to('let_go', { key: 'retentionNotWorth', args: [...moneyPair(best.ev, threshold), pAlive] })
    : unpermitted ? to('no_channel', { key: 'retentionNoChannel', args: [cash(best.ev, Math.abs(best.ev) < SMALL_MONEY), best.channel] })
    : to('win_back', { key: 'retentionWorth', args: [...moneyPair(best.ev, threshold), pAlive] });
  return {
    ...common,
    ...decided,
    p_winback: best.added,
    sltv: best.valueKept,
    expected_value: best.ev,
    offer_type: best.measure.id,
    offerReason: t.retentionBest(best.measure.label[lang], money(best.ev), rival?.measure.label[lang], rival === undefined ? '' : money(rival.ev)),
    offersConsidered: unpermitted || input.withoutActions === true ? [] : valued.map((v) => ({ offer_type: v.measure.id, channel: v.channel, p_winback: v.added, sltv: v.valueKept, expected_value: v.ev })),
    explainSteps: input.explain ? explainRetention(h, margin.rate, base.value, best, atRisk, lang) : [],
    channel: unpermitted ? null : best.channel,
    retention: best.measure,
  };
}

function explainRetention(h: PurchaseModelHandover, marginRate: number, valueIfAlive: number, best: RetentionValue, atRisk: number, lang: Lang): ExplainStep[] {
  const m = best.measure;
  const t = messages(lang).explain;
  const n = (v: number) => formatFormulaNumber(v, lang);
  return [
    { label: t.pAliveModel, formula: t.pAliveSource(h.model), value: h.pAlive },
    { label: t.purchasesIfAlive(h.horizonMonths), formula: t.discountedPurchasesFormula, value: h.discountedPurchasesHorizon },
    { label: t.spendPerPurchase, formula: 'Gamma-Gamma E[M | x, m̄]', value: h.expectedSpend },
    { label: t.marginRate, formula: t.marginRatePercent, value: marginRate },
    { label: t.valueIfAlive, formula: `${n(h.discountedPurchasesHorizon)} × ${n(h.expectedSpend)} × ${n(marginRate)}`, value: valueIfAlive },
    { label: t.keepChance(m.label[lang], best.channel), formula: t.keepChanceFormula(n(m.keepRate)), value: best.q },
    { label: t.addedChance, formula: `(1 − ${n(h.pAlive)}) × ${n(best.q)}`, value: best.added },
    { label: t.expectedValuePlain, formula: `(${n(h.pAlive)} + ${n(best.added)}) × (${keptFormula(h, valueIfAlive, m, n)} − ${n(m.incentiveCost)}) − ${n(h.pAlive)} × ${n(valueIfAlive)} − ${n(best.channelCost)}`, value: best.ev },
    { label: t.valueAtRisk, formula: `(1 − ${n(h.pAlive)}) × ${n(valueIfAlive)}`, value: atRisk },
  ];
}

// The value kept as explain shows it: the reduction on every purchase, or on those of the measure's term (D_N / D of them).
function keptFormula(h: PurchaseModelHandover, valueIfAlive: number, m: RetentionMeasureSpec, n: (v: number) => string): string {
  const within = discountedPurchasesWithin(h, m.marginReductionMonths);
  if (within === h.discountedPurchasesHorizon) return `${n(valueIfAlive)} × (1 − ${n(m.marginReduction)})`;
  return `${n(valueIfAlive)} × (1 − ${n(m.marginReduction)} × ${n(within)} / ${n(h.discountedPurchasesHorizon)})`;
}
