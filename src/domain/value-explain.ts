/**
 * The `--explain` steps of a valuation: each quantity with its formula (inputs filled in,
 * rounded for reading) and its exact value, the same number the plan uses.
 */
import { DAYS_PER_MONTH, formatIsoDay } from './dates.js';
import type { BehaviourCoefficients } from './defaults.js';
import { BEHAVIOUR_FEATURES } from './behaviour.js';
import type { Channel, OfferSpec } from './playbook-types.js';
import type { EvaluateInput, ExplainStep } from './value-types.js';
import type { FirstLifetime, SecondLifetime } from './value.js';
import { behaviourShift } from './value.js';

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

/** A number for a formula: at most four decimals, no trailing zeros. */
export function formatFormulaNumber(value: number): string {
  return String(Number(value.toFixed(4)));
}

const n = formatFormulaNumber;

/** Builds the explain steps of one evaluated customer. */
export function explainCustomer(input: EvaluateInput, ctx: ExplainContext): ExplainStep[] {
  const steps = firstLifetimeSteps(input, ctx.life);
  const shift = behaviourShift(ctx.life, ctx.coefficients);
  steps.push({ label: 'base rate', formula: `${ctx.fromModel ? 'calibrated model' : 'playbook'}: ${input.entry.code}`, value: ctx.baseRate });
  steps.push({ label: 'behaviour shift (log-odds)', formula: shiftFormula(ctx.life, ctx.coefficients), value: shift });
  if (ctx.chosen !== undefined) steps.push(...offerSteps(input, ctx, ctx.chosen, shift));
  const { entry } = input;
  const stakeFormula = `${n(ctx.life.monthlyMargin ?? 0)} × ${n(entry.marginFactor)} × ${n(ctx.stake.annuityFactor)} (annuity at retention ${n(ctx.stake.monthlyRetention)})`;
  steps.push({ label: 'value at stake (no offer, before probability)', formula: stakeFormula, value: ctx.stake.value });
  return steps;
}

function firstLifetimeSteps(input: EvaluateInput, life: FirstLifetime): ExplainStep[] {
  const { row, config } = input;
  const steps: ExplainStep[] = [];
  const floor = `max(tenure, ${n(config.minTenureMonths)})`;
  if (life.tenureMonths !== undefined) {
    const fromDates = row.customer_since !== undefined && row.churn_date !== undefined && row.churn_date >= row.customer_since;
    const formula = fromDates
      ? `(${formatIsoDay(row.churn_date as number)} − ${formatIsoDay(row.customer_since as number)}) / ${n(DAYS_PER_MONTH)} days`
      : 'tenure_months';
    steps.push({ label: 'tenure (months)', formula, value: life.tenureMonths });
  }
  if (life.monthlyRevenue !== undefined) {
    const formula = row.revenue !== undefined && life.tenureMonths !== undefined ? `${n(row.revenue)} / ${floor}` : 'monthly_revenue';
    steps.push({ label: 'monthly revenue', formula, value: life.monthlyRevenue });
  }
  if (life.monthlyMargin !== undefined) {
    const r = n(life.monthlyRevenue ?? 0);
    const formula =
      life.marginSource === 'percent' ? `${r} × ${n(row.margin?.value ?? 0)} %`
      : life.marginSource === 'default' ? `${r} × ${n(config.defaultMarginPercent)} % (default, margin missing)`
      : `margin amount ${n(row.margin?.value ?? 0)} spread per month`;
    steps.push({ label: 'monthly margin (first lifetime)', formula, value: life.monthlyMargin });
  }
  if (life.orders !== undefined) steps.push({ label: 'orders', formula: 'orders', value: life.orders });
  if (life.complaints !== undefined) steps.push({ label: 'complaints', formula: 'complaints', value: life.complaints });
  const at = Math.max(input.asOf, input.contactDay ?? input.asOf);
  if (life.monthsSinceChurn !== undefined) {
    const formula = `(${formatIsoDay(at)} − ${formatIsoDay(row.churn_date as number)}) / ${n(DAYS_PER_MONTH)} days`;
    steps.push({ label: 'months since churn (at the contact date)', formula, value: life.monthsSinceChurn });
  }
  return steps;
}

function shiftFormula(life: FirstLifetime, coefficients: BehaviourCoefficients): string {
  const terms = BEHAVIOUR_FEATURES.filter((f) => life[f] !== undefined).map((f, i) => {
    const t = coefficients[f];
    const sign = t.weight < 0 ? '− ' : i > 0 ? '+ ' : '';
    return `${sign}${n(Math.abs(t.weight))}×(ln(1+min(${n(life[f] as number)},${n(t.cap)}))−ln(1+${n(t.reference)}))`;
  });
  return terms.length > 0 ? terms.join(' ') : '0 (no behaviour data)';
}

function offerSteps(input: EvaluateInput, ctx: ExplainContext, chosen: NonNullable<ExplainContext['chosen']>, shift: number): ExplainStep[] {
  const { entry, config } = input;
  const { offer, p, sl, ev } = chosen;
  const d = (1 + config.annualDiscountRate) ** (1 / 12) - 1;
  const f = ctx.lifetimeFactor ?? 1;
  const delta = ctx.discount ?? 1;
  const at = Math.max(input.asOf, input.contactDay ?? input.asOf);
  const tenure = ctx.life.tenureMonths === undefined ? '1 (tenure unknown)' : `(max(${n(ctx.life.tenureMonths)}, 1) / ${n(config.tenureLifetimeReferenceMonths)})^${n(config.tenureLifetimeElasticity)}`;
  const complaints = ctx.life.complaints === undefined ? '' : ` × ${n(config.complaintLifetimeFactor)}^min(${n(ctx.life.complaints)}, 5)`;
  const margin = n(ctx.life.monthlyMargin ?? 0);
  const ic = offer.incentiveCost;
  const pOrg = ctx.pOrganic ?? 0;
  return [
    {
      label: 'p_organic (return without contact)',
      formula: `σ(logit(${n(ctx.organicRate ?? 0)}) + ${n(shift)}), organic rate: playbook ${entry.code}`,
      value: pOrg,
    },
    {
      label: `p_winback (offer ${offer.id}, ${chosen.channel})`,
      formula: `σ(logit(${n(ctx.baseRate)}) + ${n(shift)} + ln(${n(offer.reacquisitionOddsFactor)} × ${n(input.channelResponse?.[chosen.channel] ?? 1)}))`,
      value: p,
    },
    {
      label: 'customer lifetime factor (first tenure, complaints)',
      formula: `${tenure}${complaints}, within [${n(config.minCustomerLifetimeFactor)}, ${n(config.maxCustomerLifetimeFactor)}]`,
      value: f,
    },
    { label: 'second-lifetime monthly margin', formula: `${margin} × ${n(entry.marginFactor)} × (1 − ${n(offer.marginReduction)})`, value: sl.monthlyMargin },
    {
      label: 'second-lifetime monthly retention',
      formula: `1 − 1/(1/(1 − ${n(config.monthlyRetention)}) × ${n(entry.lifetimeFactor)} × ${n(offer.lifetimeFactor)} × ${n(f)})`,
      value: sl.monthlyRetention,
    },
    {
      label: `annuity factor (${config.horizonMonths} months)`,
      formula: `(1 − q^${config.horizonMonths}) / (1 − q), q = ${n(sl.monthlyRetention)} / (1 + ${n(d)})`,
      value: sl.annuityFactor,
    },
    { label: 'sltv', formula: `${n(sl.monthlyMargin)} × ${n(sl.annuityFactor)}`, value: sl.value },
    { label: `channel cost (${chosen.channel})`, formula: 'playbook channel cost', value: ctx.channelCost },
    { label: `incentive cost (offer ${offer.id})`, formula: 'playbook offer cost', value: ic },
    {
      label: 'discount from the contact date to as-of',
      formula: `(1 + ${n(config.annualDiscountRate)})^(−(${formatIsoDay(at)} − ${formatIsoDay(input.asOf)}) / 365.2425 days)`,
      value: delta,
    },
    {
      label: 'expected value (incremental, today)',
      formula: `${n(delta)} × (${n(p)} × ${n(sl.value)} − ${n(pOrg)} × ${n(ctx.stake.value)} − ${n(ctx.channelCost)} − ${n(p)} × ${n(ic)})`,
      value: ev,
    },
  ];
}
