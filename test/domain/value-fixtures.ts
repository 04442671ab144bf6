// Small inline playbook pieces for the value-model tests; deliberately independent of the
// shipped default playbook so these tests pin the maths, not the playbook's numbers.
import type { ChannelCosts, OfferSpec, ReasonEntry, ReasonCode } from '../../src/domain/playbook-types.js';
import type { CustomerRow } from '../../src/domain/types.js';
import { epochDayOf } from '../../src/domain/dates.js';

export const day = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return epochDayOf(y as number, m as number, d as number) as number;
};

const text = (s: string) => ({ en: s, de: s });

export function offer(id: string, o: Partial<OfferSpec>): OfferSpec {
  return { id, kind: 'material', label: text(id), reacquisitionOddsFactor: 1, lifetimeFactor: 1, marginReduction: 0, incentiveCost: 0, ...o };
}

// Shaped after Kumar, Bhagwat & Zhang (2015): bundles win most but earn least, upgrades last longest.
export const OFFERS: OfferSpec[] = [
  offer('discount', { reacquisitionOddsFactor: 1.8, lifetimeFactor: 0.9, marginReduction: 0.15, incentiveCost: 20 }),
  offer('upgrade', { reacquisitionOddsFactor: 1.4, lifetimeFactor: 1.5, marginReduction: 0, incentiveCost: 60 }),
  offer('bundle', { reacquisitionOddsFactor: 2.4, lifetimeFactor: 0.8, marginReduction: 0.3, incentiveCost: 80 }),
  offer('personal', { kind: 'personal', reacquisitionOddsFactor: 1.3, lifetimeFactor: 1.1, incentiveCost: 10 }),
];

export function entry(code: ReasonCode, e: Partial<ReasonEntry>): ReasonEntry {
  return {
    code,
    label: text(code),
    side: 'company',
    final: false,
    measure: text('measure'),
    angle: text('angle'),
    offerKind: 'material',
    offers: [],
    channels: ['phone', 'letter', 'email'],
    timing: { kind: 'soon', afterDays: 14, windowDays: 28 },
    baseRate: 0.2,
    lifetimeFactor: 1,
    marginFactor: 1,
    phrases: { en: [], de: [] },
    codeLabels: [],
    ...e,
  };
}

// Price quitters come back more often; service quitters stay shorter but spend more per month.
export const PRICE = entry('price', { baseRate: 0.35, offers: ['discount', 'upgrade', 'bundle'] });
export const SERVICE = entry('service', { baseRate: 0.15, lifetimeFactor: 0.8, marginFactor: 1.15, offers: ['personal', 'upgrade', 'discount'] });
export const DECEASED = entry('deceased', { side: 'final', final: true, baseRate: 0, offers: [], timing: { kind: 'never' } });
export const NO_OFFERS = entry('unknown', { side: 'none', baseRate: 0.1, offers: [] });

export const CHANNEL_COSTS: ChannelCosts = { visit: 120, phone: 15, letter: 3, email: 0.5 };

export function row(o: Partial<CustomerRow> = {}): CustomerRow {
  return {
    line: 2,
    customer_id: 'C001',
    customer_since: day('2020-01-15'),
    churn_date: day('2024-06-30'),
    orders: 54,
    revenue: 32_400,
    margin: { kind: 'percent', value: 30 },
    complaints: 1,
    warnings: [],
    ...o,
  };
}
