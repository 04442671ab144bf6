/**
 * The hidden truth of the simulated win-back market (docs/simulation.md): how lost customers
 * return on their own, how they answer a contact by reason × offer × channel × months since
 * churn, how long and how profitable their second lifetime is, and what a contact costs.
 * Its parameters are the simulation's own, not the playbook's: winback never sees them and
 * has to learn what it can from a past season's outcomes.
 */
import { DAYS_PER_MONTH } from '../../src/domain/dates.js';
import type { Channel } from '../../src/domain/playbook-types.js';
import type { EpochDay } from '../../src/domain/types.js';

export type OfferId = 'discount' | 'upgrade' | 'bundle' | 'renewal' | 'personal' | 'information' | 'none';
export type TrueReason =
  | 'price' | 'competitor_offer' | 'poached' | 'quality' | 'service' | 'image' | 'availability' | 'contact_change'
  | 'relocation' | 'financial_hardship' | 'variety_seeking' | 'life_change' | 'unknown'
  | 'deceased' | 'business_closed' | 'terminated_by_us';

/** What the truth needs to know of one lost customer (the export shows most of it). */
export interface TruthCustomer {
  id: string;
  reason: TrueReason;
  segment: 'B2B' | 'B2C';
  keyAccount: boolean;
  sinceDay: EpochDay;
  churnDay: EpochDay;
  orders: number;
  complaints: number;
  /** first-lifetime margin per month */
  monthlyMargin: number;
  /** day the competitor contract ends (poached customers), known to the export or not */
  contractEndDay?: EpochDay;
  contractTermMonths?: number;
  /** channels the customer may lawfully be contacted on (objectors: none) */
  permitted: Record<Channel, boolean>;
  /** objected to marketing (do-not-contact flag or an objection written in the reason) */
  objector: boolean;
  /** a truth that differs from TRUTH (absent: TRUTH itself) */
  world?: MarketWorld;
  /**
   * moved out of the area the company serves (abroad): it cannot deliver there, so neither a
   * contact nor time brings the customer back (DOMAIN.md §3, relocation out of the service area)
   */
  outOfArea?: boolean;
}

/**
 * A market whose truth differs from the usual one in named parameters: to check that
 * calibration learns what the playbook's defaults get wrong (docs/simulation.md, section 6).
 */
export interface MarketWorld {
  name: string;
  /** response of the reference customer per reason, in place of TRUTH.responseBase */
  responseBase?: Partial<Record<TrueReason, number>>;
}

export interface Action {
  offer: string;
  channel: Channel;
  day: EpochDay;
}

const R = (o: Partial<Record<TrueReason, number>>, rest: number): Record<TrueReason, number> => {
  const all = ['price', 'competitor_offer', 'poached', 'quality', 'service', 'image', 'availability', 'contact_change', 'relocation',
    'financial_hardship', 'variety_seeking', 'life_change', 'unknown', 'deceased', 'business_closed', 'terminated_by_us'] as const;
  return Object.fromEntries(all.map((r) => [r, o[r] ?? rest])) as Record<TrueReason, number>;
};

const PRICE_GROUP = { discount: 1.8, bundle: 2.4, upgrade: 1.4, renewal: 1.6, personal: 1.15, information: 0.9, none: 1 };
const RELATION_GROUP = { personal: 1.8, upgrade: 1.3, bundle: 1.5, discount: 1.1, renewal: 1.05, information: 1.2, none: 1 };
const NEEDS_GROUP = { upgrade: 1.5, information: 1.3, discount: 1.3, bundle: 1.7, renewal: 1.2, personal: 1.2, none: 1 };

/** Every parameter of the truth; docs/simulation.md gives each one's rationale. */
export const TRUTH = {
  /** chance that a letter with no offer wins back the reference customer, one month after churn (the peak for timed reasons) */
  responseBase: R({
    price: 0.15, competitor_offer: 0.12, poached: 0.12, contact_change: 0.15, service: 0.08, quality: 0.04, image: 0.04,
    availability: 0.07, relocation: 0.04, financial_hardship: 0.06, variety_seeking: 0.07, life_change: 0.05, unknown: 0.05,
  }, 0),
  /** chance of coming back within 90 days without any contact, reference customer one month after churn */
  organicBase: R({
    price: 0.04, competitor_offer: 0.03, poached: 0.05, relocation: 0.01, financial_hardship: 0.06, variety_seeking: 0.06,
    life_change: 0.02, quality: 0.01, service: 0.02, image: 0.01, availability: 0.05, contact_change: 0.04, unknown: 0.03,
  }, 0),
  /** odds multipliers of the offers, by what drove the customer away */
  offerOdds: {
    price: PRICE_GROUP, competitor_offer: PRICE_GROUP, poached: PRICE_GROUP, financial_hardship: PRICE_GROUP,
    service: RELATION_GROUP, quality: RELATION_GROUP, contact_change: RELATION_GROUP, image: RELATION_GROUP,
    relocation: NEEDS_GROUP, life_change: NEEDS_GROUP, unknown: NEEDS_GROUP,
    variety_seeking: { ...NEEDS_GROUP, upgrade: 1.8 },
    availability: { ...NEEDS_GROUP, information: 1.7 },
  } as Partial<Record<TrueReason, Record<OfferId, number>>>,
  channelOdds: { email: 0.6, letter: 1, phone: 1.7, visit: 2.5 } as Record<Channel, number>,
  channelCost: { email: 0.4, letter: 2.2, phone: 11, visit: 140 } as Record<Channel, number>,
  /** Kumar, Bhagwat & Zhang 2015: upgrade longest, discount shorter, bundle shortest; a renewal binds for a term */
  offerLifetime: { upgrade: 1.3, discount: 0.95, bundle: 0.8, renewal: 1.2, personal: 1.05, information: 1, none: 1 } as Record<OfferId, number>,
  /** share of second-lifetime margin an offer gives away (bundle most: least profitable) */
  offerMarginCut: { discount: 0.12, bundle: 0.18, upgrade: 0.05, renewal: 0.06, personal: 0, information: 0, none: 0 } as Record<OfferId, number>,
  /** one-off cost paid when the customer accepts */
  incentive: { discount: 0, upgrade: 30, bundle: 40, renewal: 0, personal: 0, information: 0, none: 0 } as Record<OfferId, number>,
  reasonLifetime: R({ service: 0.8, quality: 0.85, poached: 0.85, competitor_offer: 0.95, variety_seeking: 0.75, financial_hardship: 0.9 }, 1),
  reasonMargin: R({ service: 1.15, price: 0.95, competitor_offer: 0.95, financial_hardship: 0.85 }, 1),
  /** second lifetime of a customer with 24 months of first tenure and no complaints */
  secondLifetimeMonths: 10,
  tenureElasticity: 0.4,
  complaintLifetimeFactor: 0.85,
  horizonMonths: 36,
  annualDiscountRate: 0.1,
  weights: { tenure: 0.3, orders: 0.15, complaints: -0.45, keyAccount: 0.3 },
  organicTenureWeight: 0.2,
  organicFadePerMonth: 0.06,
  coolingOffDays: 14,
  coolingOffPenalty: -1.5,
  /** days the simulated returns lie after the contact that caused them */
  responseDelayDays: 45,
} as const;

/**
 * A market where the playbook's response rates are clearly wrong: customers answer five times as
 * often as in the usual truth (at most 70 %), two to three times the playbook's rates (price
 * 0.7 against the playbook's 0.35, quality 0.2 against 0.07). Calibration has to learn that.
 */
export const RESPONSIVE_WORLD: MarketWorld = {
  name: 'responsive',
  responseBase: Object.fromEntries(Object.entries(TRUTH.responseBase).map(([reason, rate]) => [reason, Math.min(0.7, 5 * rate)])),
};

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Months between two days, in the average calendar months winback uses. */
export function monthsBetween(from: EpochDay, to: EpochDay): number {
  return (to - from) / DAYS_PER_MONTH;
}

/**
 * Log-odds the moment adds to a contact's response, `m` months after churn. Reasons that want
 * a quick answer fade; others need time (hardship, variety, the defect being fixed); poached
 * customers answer best some six weeks before their competitor contract ends.
 */
export function timingLogOdds(c: TruthCustomer, day: EpochDay): number {
  const m = monthsBetween(c.churnDay, day);
  const cooling = day - c.churnDay < TRUTH.coolingOffDays ? TRUTH.coolingOffPenalty : 0;
  const e = Math.exp;
  switch (c.reason) {
    case 'financial_hardship': return cooling - 1.4 * e(-m / 2) - 0.03 * m;
    case 'variety_seeking': return cooling - 1.6 * e(-m / 3) - 0.03 * m;
    case 'life_change': return cooling - 0.9 * e(-m / 1.5) - 0.05 * m;
    case 'quality': return cooling - 1.3 * e(-m / 2) - 0.04 * m;
    case 'image': return cooling - 1.2 * e(-m / 4) - 0.02 * m;
    case 'availability': return cooling - 0.8 * e(-m / 1.5) - 0.05 * m;
    case 'poached': return cooling + poachedTiming(c, day);
    default: return cooling - 0.12 * Math.max(0, m - 0.5);
  }
}

function poachedTiming(c: TruthCustomer, day: EpochDay): number {
  const term = (c.contractTermMonths ?? 12) * DAYS_PER_MONTH;
  let end = c.contractEndDay ?? c.churnDay + term;
  while (end < day) end += term; // the contract renews: the next end is the one that counts
  const daysBefore = end - day;
  return -1 + 1.4 * Math.exp(-(((daysBefore - 45) / 30) ** 2));
}

function behaviourLogOdds(c: TruthCustomer): number {
  const tenure = monthsBetween(c.sinceDay, c.churnDay);
  const w = TRUTH.weights;
  return w.tenure * Math.log((1 + tenure) / 25) + w.orders * Math.log((1 + c.orders) / 13)
    + w.complaints * Math.log(1 + c.complaints) + (c.keyAccount ? w.keyAccount : 0);
}

/** Chance the contact itself wins the customer back (beyond those who would return anyway). */
export function responseProbability(c: TruthCustomer, offer: string, channel: Channel, day: EpochDay): number {
  const base = c.world?.responseBase?.[c.reason] ?? TRUTH.responseBase[c.reason];
  if (base <= 0 || c.outOfArea === true) return 0;
  const odds = TRUTH.offerOdds[c.reason]?.[offer as OfferId] ?? 1;
  return sigmoid(logit(base) + behaviourLogOdds(c) + Math.log(odds) + Math.log(TRUTH.channelOdds[channel]) + timingLogOdds(c, day));
}

/** Chance of coming back within 90 days of `day` without any contact. */
export function organicProbability(c: TruthCustomer, day: EpochDay): number {
  const base = TRUTH.organicBase[c.reason];
  if (base <= 0 || c.outOfArea === true) return 0;
  const tenure = monthsBetween(c.sinceDay, c.churnDay);
  const m = Math.max(0, monthsBetween(c.churnDay, day) - 1);
  return sigmoid(logit(base) + TRUTH.organicTenureWeight * Math.log((1 + tenure) / 25) - TRUTH.organicFadePerMonth * m);
}

/** Expected length of the second lifetime in months under an offer. */
export function secondLifetimeMonths(c: TruthCustomer, offer: string): number {
  const tenure = Math.max(1, monthsBetween(c.sinceDay, c.churnDay));
  const months = TRUTH.secondLifetimeMonths * (tenure / 24) ** TRUTH.tenureElasticity
    * TRUTH.complaintLifetimeFactor ** Math.min(c.complaints, 5) * TRUTH.reasonLifetime[c.reason]
    * (TRUTH.offerLifetime[offer as OfferId] ?? 1);
  return Math.min(60, Math.max(1.5, months));
}

/** Margin per month in the second lifetime under an offer. */
export function secondLifetimeMargin(c: TruthCustomer, offer: string): number {
  return c.monthlyMargin * TRUTH.reasonMargin[c.reason] * (1 - (TRUTH.offerMarginCut[offer as OfferId] ?? 0));
}

const MONTHLY_DISCOUNT = (1 + TRUTH.annualDiscountRate) ** (1 / 12) - 1;

const sltvCache = new WeakMap<TruthCustomer, Map<string, number>>();

/** Second-lifetime value: margin each month while still a customer, discounted, up to the horizon. */
export function secondLifetimeValue(c: TruthCustomer, offer: string): number {
  let known = sltvCache.get(c);
  if (known === undefined) sltvCache.set(c, (known = new Map()));
  let value = known.get(offer);
  if (value === undefined) {
    const q = (1 - 1 / secondLifetimeMonths(c, offer)) / (1 + MONTHLY_DISCOUNT);
    value = (secondLifetimeMargin(c, offer) * (1 - q ** TRUTH.horizonMonths)) / (1 - q);
    known.set(offer, value);
  }
  return value;
}

/** Today's value of money spent or earned on `day`. */
export function discountFactor(asOf: EpochDay, day: EpochDay): number {
  return (1 + TRUTH.annualDiscountRate) ** (-Math.max(0, day - asOf) / 365.2425);
}

/** Chance of coming back when contacted: on one's own, or because of the contact. */
export function contactedProbability(c: TruthCustomer, action: Action): number {
  const organic = organicProbability(c, action.day);
  return 1 - (1 - organic) * (1 - responseProbability(c, action.offer, action.channel, action.day));
}

/**
 * Expected incremental profit of a contact, valued at its day and discounted to as-of:
 * p_contacted × (SLTV(offer) − incentive) − p_organic × SLTV(none) − channel cost.
 */
export function actionValue(c: TruthCustomer, action: Action, asOf: EpochDay): number {
  const organic = organicProbability(c, action.day);
  const contacted = contactedProbability(c, action);
  const incentive = TRUTH.incentive[action.offer as OfferId] ?? 0;
  const gain = contacted * (secondLifetimeValue(c, action.offer) - incentive) - organic * secondLifetimeValue(c, 'none');
  return discountFactor(asOf, action.day) * (gain - TRUTH.channelCost[action.channel]);
}

/** Money an action spends: the channel's cost, and the incentive at the chance it is paid. */
export function actionSpend(c: TruthCustomer, action: Action): number {
  return TRUTH.channelCost[action.channel] + contactedProbability(c, action) * (TRUTH.incentive[action.offer as OfferId] ?? 0);
}
