/**
 * The `--explain` steps of a valuation: each quantity with its formula (inputs filled in,
 * rounded for reading) and its exact value, the same number the plan uses.
 */
import { DAYS_PER_MONTH } from '../dates.js';
import type { BehaviourCoefficients } from '../defaults.js';
import { BEHAVIOUR_FEATURES } from './behaviour.js';
import type { Channel, OfferSpec } from '../playbook-types.js';
import type { EvaluateInput, ExplainStep } from './types.js';
import type { FirstLifetime, SecondLifetime } from './value.js';
import { behaviourShift, shownStake, stakeEntry } from './value.js';
import { messages, type Lang } from '../catalogue/index.js';
import { formatDay } from '../catalogue/format.js';

export interface ExplainContext {
  life: FirstLifetime;
  baseRate: number;
  fromModel: boolean;
  coefficients: BehaviourCoefficients;
  channelCost: number;
  /** the playbook's organic rate of the reason and the customer's chance of a return without contact */
  organicRate?: number;
  pOrganic?: number;
  /** the customer's own factor on the second lifetime (tenure, complaints) */
  lifetimeFactor?: number;
  /** today's value of a unit on the contact date */
  discount?: number;
  stake: SecondLifetime;
  chosen?: { offer: OfferSpec; channel: Channel; p: number; sl: SecondLifetime; ev: number };
}

/** Whole currency units with the symbol after the sign: "€412", "-€12". */
export function formatMoney(value: number, symbol: string): string {
  const rounded = Math.round(value);
  return rounded < 0 ? `-${symbol}${-rounded}` : `${symbol}${rounded === 0 ? 0 : rounded}`;
}

/** A number for a formula: at most four decimals, no trailing zeros (German: decimal comma). */
export function formatFormulaNumber(value: number, lang: Lang = 'en'): string {
  const text = String(Number(value.toFixed(4)));
  return lang === 'de' ? text.replace('.', ',') : text;
}

/** The formula-number formatter and the explain texts of a language. */
function inLang(lang: Lang | undefined) {
  // A German decimal comma would make min(a,b) ambiguous: arguments are then separated by ';'.
  return { n: (v: number) => formatFormulaNumber(v, lang), t: messages(lang).explain, day: (d: number) => formatDay(d, lang ?? 'en') };
}

/** The reason a rate is the playbook's for: its code (the plan's column) in English, its label in German. */
function reasonNamed(input: EvaluateInput): string {
  return input.lang === 'de' ? input.entry.label.de : input.entry.code;
}

/** Builds the explain steps of one evaluated customer. */
export function explainCustomer(input: EvaluateInput, ctx: ExplainContext): ExplainStep[] {
  const { n, t } = inLang(input.lang);
  const steps = firstLifetimeSteps(input, ctx.life);
  const shift = behaviourShift(ctx.life, ctx.coefficients);
  steps.push({ label: t.baseRate, formula: `${ctx.fromModel ? t.calibratedModel : t.playbook}: ${reasonNamed(input)}`, value: ctx.baseRate });
  steps.push({ label: t.behaviourShift, formula: shiftFormula(ctx.life, ctx.coefficients, input.lang), value: shift });
  if (ctx.chosen !== undefined) steps.push(...offerSteps(input, ctx, ctx.chosen, shift));
  const { entry } = input;
  const product = `${n(ctx.life.monthlyMargin ?? 0)} × ${n(stakeEntry(entry).marginFactor)} × ${n(ctx.stake.annuityFactor)}`;
  // Shown at least 0 (shownStake): a customer who cost money puts nothing at stake.
  const stakeFormula = `${ctx.stake.value < 0 ? `max(0${input.lang === 'de' ? '; ' : ', '}${product})` : product} (${t.annuityAtRetention(n(ctx.stake.monthlyRetention))})`;
  steps.push({ label: t.valueAtStake, formula: stakeFormula, value: shownStake(ctx.stake.value) });
  return steps;
}

function firstLifetimeSteps(input: EvaluateInput, life: FirstLifetime): ExplainStep[] {
  const { row, config } = input;
  const { n, t, day } = inLang(input.lang);
  const steps: ExplainStep[] = [];
  const floor = `max(${t.tenureWord}${input.lang === 'de' ? ';' : ','} ${n(config.minTenureMonths)})`;
  if (life.tenureMonths !== undefined) {
    const fromDates = row.customer_since !== undefined && row.churn_date !== undefined && row.churn_date >= row.customer_since;
    const formula = fromDates
      ? `(${day(row.churn_date as number)} − ${day(row.customer_since as number)}) / ${n(DAYS_PER_MONTH)} ${t.days}`
      : t.tenureFromExport;
    steps.push({ label: t.tenure, formula, value: life.tenureMonths });
  }
  if (life.monthlyRevenue !== undefined) {
    const formula = row.revenue !== undefined && life.tenureMonths !== undefined ? `${n(row.revenue)} / ${floor}` : t.monthlyRevenueFromExport;
    steps.push({ label: t.monthlyRevenue, formula, value: life.monthlyRevenue });
  }
  if (life.monthlyMargin !== undefined) {
    const r = n(life.monthlyRevenue ?? 0);
    const formula =
      life.marginSource === 'percent' ? `${r} × ${n(row.margin?.value ?? 0)} %`
      : life.marginSource === 'default' ? `${r} × ${n(config.defaultMarginPercent)} % (${t.defaultMargin})`
      : t.marginAmount(n(row.margin?.value ?? 0));
    steps.push({ label: t.monthlyMargin, formula, value: life.monthlyMargin });
  }
  if (life.orders !== undefined) steps.push({ label: t.orders, formula: t.ordersFromExport, value: life.orders });
  if (life.complaints !== undefined) steps.push({ label: t.complaints, formula: t.complaintsFromExport, value: life.complaints });
  const at = Math.max(input.asOf, input.contactDay ?? input.asOf);
  if (life.monthsSinceChurn !== undefined) {
    const formula = `(${day(at)} − ${day(row.churn_date as number)}) / ${n(DAYS_PER_MONTH)} ${t.days}`;
    steps.push({ label: t.monthsSinceChurn, formula, value: life.monthsSinceChurn });
  }
  return steps;
}

function shiftFormula(life: FirstLifetime, coefficients: BehaviourCoefficients, lang: Lang | undefined): string {
  const { n, t } = inLang(lang);
  const terms = BEHAVIOUR_FEATURES.filter((f) => life[f] !== undefined).map((f, i) => {
    const t = coefficients[f];
    const sign = t.weight < 0 ? '− ' : i > 0 ? '+ ' : '';
    return `${sign}${n(Math.abs(t.weight))}×(ln(1+min(${n(life[f] as number)}${lang === 'de' ? '; ' : ','}${n(t.cap)}))−ln(1+${n(t.reference)}))`;
  });
  return terms.length > 0 ? terms.join(' ') : t.noBehaviourData;
}

function offerSteps(input: EvaluateInput, ctx: ExplainContext, chosen: NonNullable<ExplainContext['chosen']>, shift: number): ExplainStep[] {
  const { entry, config } = input;
  const { n, t, day } = inLang(input.lang);
  const { offer, p, sl, ev } = chosen;
  const d = (1 + config.annualDiscountRate) ** (1 / 12) - 1;
  const f = ctx.lifetimeFactor ?? 1;
  const delta = ctx.discount ?? 1;
  const at = Math.max(input.asOf, input.contactDay ?? input.asOf);
  // A German decimal comma would make max(a, b) ambiguous: arguments are then separated by ';'.
  const sep = input.lang === 'de' ? '; ' : ', ';
  const tenure = ctx.life.tenureMonths === undefined ? `1 (${t.tenureUnknown})` : `(max(${n(ctx.life.tenureMonths)}${sep}1) / ${n(config.tenureLifetimeReferenceMonths)})^${n(config.tenureLifetimeElasticity)}`;
  const complaints = ctx.life.complaints === undefined ? '' : ` × ${n(config.complaintLifetimeFactor)}^min(${n(ctx.life.complaints)}${sep}5)`;
  const margin = n(ctx.life.monthlyMargin ?? 0);
  const ic = offer.incentiveCost;
  const pOrg = ctx.pOrganic ?? 0;
  return [
    {
      label: t.pOrganic,
      formula: `σ(logit(${n(ctx.organicRate ?? 0)}) + ${n(shift)}), ${input.model?.organicRates?.[entry.code] ? t.organicRateModel(reasonNamed(input)) : t.organicRate(reasonNamed(input))}`,
      value: pOrg,
    },
    {
      label: t.pWinback(offer.id, chosen.channel),
      formula: `σ(logit(${n(ctx.baseRate)}) + ${n(shift)} + ln(${n(input.model?.offerEffects?.[entry.code]?.[offer.id]?.factor ?? offer.reacquisitionOddsFactor)} × ${n(input.channelResponse?.[chosen.channel] ?? 1)}))`,
      value: p,
    },
    {
      label: t.lifetimeFactor,
      formula: `${tenure}${complaints}, ${t.within(n(config.minCustomerLifetimeFactor), n(config.maxCustomerLifetimeFactor))}`,
      value: f,
    },
    { label: t.secondMargin, formula: `${margin} × ${n(entry.marginFactor)} × (1 − ${n(offer.marginReduction)})`, value: sl.monthlyMargin },
    {
      label: t.secondRetention,
      formula: `1 − 1/(1/(1 − ${n(config.monthlyRetention)}) × ${n(entry.lifetimeFactor)} × ${n(offer.lifetimeFactor)} × ${n(f)})`,
      value: sl.monthlyRetention,
    },
    {
      label: t.annuity(config.horizonMonths),
      formula: `(1 − q^${config.horizonMonths}) / (1 − q), q = ${n(sl.monthlyRetention)} / (1 + ${n(d)})`,
      value: sl.annuityFactor,
    },
    {
      label: t.sltv,
      // A reduction for a term: the full margin over the horizon, less the reduction over the term's months.
      formula: sl.afterTerm
        ? `${n(sl.afterTerm.monthlyMargin)} × ${n(sl.annuityFactor)} − ${n(sl.afterTerm.monthlyMargin)} × ${n(offer.marginReduction)} × ${n(sl.afterTerm.termAnnuityFactor)} ${t.reductionTerm(sl.afterTerm.months)}`
        : `${n(sl.monthlyMargin)} × ${n(sl.annuityFactor)}`,
      value: sl.value,
    },
    { label: t.channelCost(chosen.channel), formula: t.playbookChannelCost, value: ctx.channelCost },
    { label: t.incentiveCost(offer.id), formula: t.playbookOfferCost, value: ic },
    {
      label: t.discount,
      formula: `(1 + ${n(config.annualDiscountRate)})^(−(${day(at)} − ${day(input.asOf)}) / ${n(365.2425)} ${t.days})`,
      value: delta,
    },
    {
      label: t.expectedValue,
      formula: `${n(delta)} × (${n(p)} × ${n(sl.value)} − ${n(pOrg)} × ${n(ctx.stake.value)} − ${n(ctx.channelCost)} − ${n(p)} × ${n(ic)})`,
      value: ev,
    },
  ];
}
