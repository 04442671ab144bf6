/**
 * Synthetic win-back history drawn from the reacquisition model itself with known base rates
 * and behaviour weights: as HistoryRow objects for the domain fit, and as a history CSV for
 * `winback calibrate` end to end.
 */
import { DAYS_PER_MONTH, formatIsoDay, parseIsoDay } from '../../src/domain/dates.js';
import { DEFAULT_MODEL_CONFIG as CONFIG } from '../../src/domain/defaults.js';
import type { BehaviourCoefficients } from '../../src/domain/defaults.js';
import type { HistoryRow } from '../../src/domain/calibrate/calibrate.js';
import { mulberry32, normalDraw } from '../../src/domain/random.js';
import type { Random } from '../../src/domain/random.js';
import { reacquisitionProbability } from '../../src/domain/value/value.js';

export type Weights = Record<keyof BehaviourCoefficients, number>;

export const TRUE_WEIGHTS: Weights = { tenureMonths: 0.5, orders: 0.35, complaints: -0.7, monthsSinceChurn: -0.5 };
export const TRUE_RATES: Record<string, number> = { price: 0.35, service: 0.15, quality: 0.1, competitor_offer: 0.25 };

/** The default coefficients (references, caps) with the given weights. */
export function coefficientsWith(weights: Weights): BehaviourCoefficients {
  const c = CONFIG.coefficients;
  return {
    tenureMonths: { ...c.tenureMonths, weight: weights.tenureMonths },
    orders: { ...c.orders, weight: weights.orders },
    complaints: { ...c.complaints, weight: weights.complaints },
    monthsSinceChurn: { ...c.monthsSinceChurn, weight: weights.monthsSinceChurn },
  };
}

/** Behaviour of one synthetic customer: log-uniform tenure, orders around one a month, few complaints. */
export function syntheticCustomer(random: Random) {
  const tenureMonths = Math.exp(random() * Math.log(150));
  return {
    tenureMonths,
    orders: Math.round(tenureMonths * Math.exp(0.8 * normalDraw(random))),
    complaints: Math.floor(-Math.log(1 - random()) * 0.8),
    monthsSinceChurn: random() * 36,
  };
}

/** Attempts drawn from the model itself with known base rates and weights. */
export function syntheticHistory(seed: number, n: number, rates: Record<string, number>, weights = TRUE_WEIGHTS): HistoryRow[] {
  const random = mulberry32(seed);
  const codes = Object.keys(rates);
  const coefficients = coefficientsWith(weights);
  return Array.from({ length: n }, (_, i) => {
    const reasonCode = codes[Math.floor(random() * codes.length)] as string;
    const behaviour = syntheticCustomer(random);
    const p = reacquisitionProbability(rates[reasonCode] as number, behaviour, coefficients);
    return { customer_id: `K${i}`, reasonCode, behaviour, wonBack: random() < p };
  });
}

/**
 * The same kind of history as a CSV in the format `winback calibrate` reads: dates instead of
 * months (the outcome is drawn from the features the dates give, so nothing is lost to rounding).
 */
export function syntheticHistoryCsv(seed: number, n: number, rates = TRUE_RATES, weights = TRUE_WEIGHTS): string {
  const random = mulberry32(seed);
  const codes = Object.keys(rates);
  const coefficients = coefficientsWith(weights);
  const firstChurn = parseIsoDay('2022-01-01') as number;
  const lines = ['customer_id,customer_since,churn_date,contact_date,orders,complaints,revenue,reason_code,won_back'];
  for (let i = 0; i < n; i++) {
    const reasonCode = codes[Math.floor(random() * codes.length)] as string;
    const b = syntheticCustomer(random);
    const churn = firstChurn + Math.floor(random() * 700);
    const since = churn - Math.max(1, Math.round(b.tenureMonths * DAYS_PER_MONTH));
    const contact = churn + Math.round(b.monthsSinceChurn * DAYS_PER_MONTH);
    const behaviour = { tenureMonths: (churn - since) / DAYS_PER_MONTH, orders: b.orders, complaints: b.complaints, monthsSinceChurn: (contact - churn) / DAYS_PER_MONTH };
    const won = random() < reacquisitionProbability(rates[reasonCode] as number, behaviour, coefficients);
    lines.push([`H${i}`, formatIsoDay(since), formatIsoDay(churn), formatIsoDay(contact), b.orders, b.complaints, '1000', reasonCode, won ? 'yes' : 'no'].join(','));
  }
  return `${lines.join('\n')}\n`;
}
