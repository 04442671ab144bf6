/**
 * The lost customers of the simulated market: a seeded draw of customers with their hidden
 * truth, and the CRM export winback reads (English headers, as fixtures/lost-customers-en.csv).
 */
import { stringify } from 'csv-stringify/sync';
import { DAYS_PER_MONTH, formatIsoDay } from '../../src/domain/dates.js';
import type { Channel } from '../../src/domain/playbook-types.js';
import { mulberry32, normalDraw, type Random } from '../../src/domain/random.js';
import type { EpochDay } from '../../src/domain/types.js';
import type { MarketWorld, TrueReason, TruthCustomer } from './market-truth.js';

/** One simulated lost customer: the truth and what the export shows of it. */
export interface SimCustomer extends TruthCustomer {
  name: string;
  email: string;
  phone: string;
  street: string;
  postalCode: string;
  city: string;
  accountManager: string;
  revenue: number;
  marginPercent: number;
  reasonText: string;
  competitor: string;
  /** whether the export shows the competitor contract end */
  contractEndKnown: boolean;
  consentEmail: string;
  consentPhone: string;
  consentLetter: string;
  doNotContact: string;
}

/** Share of each true reason among lost customers (judgement, close to the project's fixtures). */
export const REASON_WEIGHTS: Record<TrueReason, number> = {
  price: 16, competitor_offer: 12, poached: 6, quality: 8, service: 10, relocation: 7, financial_hardship: 6,
  variety_seeking: 6, life_change: 5, image: 3, availability: 5, contact_change: 5, unknown: 7,
  deceased: 1.5, business_closed: 1.5, terminated_by_us: 1,
};

/** Plain phrasings per reason, as sales staff type them. */
const REASON_TEXTS: Record<TrueReason, readonly string[]> = {
  price: ['Price too high', 'too expensive', 'prices went up too much'],
  competitor_offer: ['Competitor made better offer', 'found a cheaper supplier', 'cheaper elsewhere'],
  poached: ['poached by a competitor', 'lured away by competitor', 'competitor rep approached us'],
  quality: ['poor product quality', 'quality problems', 'deliveries late and damaged'],
  service: ['complaint never resolved', 'Support too slow', 'rude staff'],
  relocation: ['moved away', 'relocated to another city', 'Moved'],
  financial_hardship: ['cannot afford it right now', 'lost my job', 'financial difficulties'],
  variety_seeking: ['wanted to try something new', 'wanted a change', 'wanted to try another brand'],
  life_change: ['needs changed', 'kids moved out', 'retired'],
  image: ['bad press about your company', 'negative reviews', 'did not like your ad campaign'],
  availability: ['product out of stock', 'no store nearby', 'product discontinued'],
  contact_change: ['our account manager left', 'contact person changed', 'new buyer at the customer'],
  unknown: ['no reason given', 'not stated', ''],
  deceased: ['customer deceased', 'passed away'],
  business_closed: ['business closed down', 'went bankrupt'],
  terminated_by_us: ['terminated by us for non-payment', 'fraud'],
};

/** Objections as they end up in the reason field; each one blocks every channel. */
const OBJECTION_TEXTS = ['- please do not contact me again', '(bitte keine Werbung)', '- no marketing please', '- DNC'];

/** Permission and contact data (judgement; consent rates of German CRM exports are often this low). */
export const PERMISSION = {
  emailPresent: 0.88, emailConsent: { B2C: 0.45, B2B: 0.35 },
  phonePresent: 0.85, phoneConsent: { B2C: 0.3, B2B: 0.3 },
  addressPresent: 0.97, letterRefused: 0.04,
  doNotContact: 0.03, objectionInText: 0.03,
  b2bShare: 0.35, keyAccountShareB2B: 0.2, managerShareOtherB2B: 0.25,
};

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function pickWeighted<K extends string>(random: Random, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  let x = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) {
    x -= w;
    if (x < 0) return key;
  }
  return (entries[entries.length - 1] as [K, number])[0];
}

function poisson(random: Random, mean: number): number {
  let k = 0;
  for (let p = random(), limit = Math.exp(-mean); p > limit; p *= random()) k++;
  return k;
}

/** Draws `n` lost customers whose churn days lie in [firstChurn, lastChurn]. */
export function drawPopulation(seed: number, n: number, prefix: string, firstChurn: EpochDay, lastChurn: EpochDay, world?: MarketWorld): SimCustomer[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const c = drawCustomer(random, `${prefix}${String(i + 1).padStart(5, '0')}`, firstChurn, lastChurn);
    return world === undefined ? c : { ...c, world };
  });
}

function drawCustomer(random: Random, id: string, firstChurn: EpochDay, lastChurn: EpochDay): SimCustomer {
  const P = PERMISSION;
  const segment = random() < P.b2bShare ? 'B2B' : 'B2C';
  const reason = drawReason(random, segment);
  const keyAccount = segment === 'B2B' && random() < P.keyAccountShareB2B;
  const accountManager = keyAccount || (segment === 'B2B' && random() < P.managerShareOtherB2B) ? pick(random, ['Anna Weber', 'Tom Becker', 'Lea Wolf']) : '';
  const churnDay = firstChurn + Math.floor(random() * (lastChurn - firstChurn + 1));
  const tenureMonths = Math.min(200, Math.max(1, 30 * Math.exp(0.8 * normalDraw(random))));
  const sinceDay = churnDay - Math.round(tenureMonths * DAYS_PER_MONTH);
  const monthlyRevenue = (segment === 'B2B' ? 1200 : 45) * Math.exp(0.9 * normalDraw(random));
  const perMonth = (segment === 'B2B' ? 3 : 0.6) * Math.exp(0.5 * normalDraw(random));
  const marginPercent = Math.round(120 + random() * 330) / 10;
  const complaints = poisson(random, reason === 'service' || reason === 'quality' ? 1.5 : 0.3);
  const objectsInText = random() < P.objectionInText;
  const dnc = random() < P.doNotContact;
  const reasonText = [pick(random, REASON_TEXTS[reason]), objectsInText ? pick(random, OBJECTION_TEXTS) : ''].filter(Boolean).join(' ');
  const email = random() < P.emailPresent ? `${id.toLowerCase()}@example.com` : '';
  const phone = random() < P.phonePresent ? `+49 30 ${1000000 + Math.floor(random() * 8999999)}` : '';
  const hasAddress = random() < P.addressPresent;
  const consentEmail = random() < P.emailConsent[segment] ? 'yes' : pick(random, ['no', '']);
  const consentPhone = random() < P.phoneConsent[segment] ? 'yes' : pick(random, ['no', '']);
  const consentLetter = random() < P.letterRefused ? 'no' : pick(random, ['yes', '']);
  const objector = objectsInText || dnc;
  const permitted: Record<Channel, boolean> = {
    visit: !objector && accountManager !== '',
    phone: !objector && phone !== '' && consentPhone === 'yes',
    letter: !objector && hasAddress && consentLetter !== 'no',
    email: !objector && email !== '' && consentEmail === 'yes',
  };
  const customer: SimCustomer = {
    id, reason, segment, keyAccount, sinceDay, churnDay,
    orders: Math.max(1, Math.round(perMonth * tenureMonths)),
    complaints,
    monthlyMargin: (monthlyRevenue * marginPercent) / 100,
    permitted, objector,
    name: segment === 'B2B' ? `Firma ${id}` : `Kunde ${id}`,
    email, phone,
    street: hasAddress ? `Hauptstr. ${1 + Math.floor(random() * 200)}` : '',
    postalCode: hasAddress ? String(10115 + Math.floor(random() * 80000)).padStart(5, '0') : '',
    city: hasAddress ? pick(random, ['Berlin', 'Hamburg', 'Köln', 'Leipzig']) : '',
    accountManager,
    revenue: Math.round(monthlyRevenue * tenureMonths * 100) / 100,
    marginPercent, reasonText,
    competitor: reason === 'poached' || reason === 'competitor_offer' ? pick(random, ['Rivalis', 'Konkurrent AG']) : '',
    contractEndKnown: false,
    consentEmail, consentPhone, consentLetter,
    doNotContact: dnc ? 'yes' : '',
  };
  if (reason === 'poached') {
    customer.contractTermMonths = random() < 0.7 ? 12 : 24;
    customer.contractEndDay = churnDay + Math.floor(random() * 30) + Math.round(customer.contractTermMonths * DAYS_PER_MONTH);
    customer.contractEndKnown = random() < 0.35;
  }
  return customer;
}

function drawReason(random: Random, segment: 'B2B' | 'B2C'): TrueReason {
  for (;;) {
    const reason = pickWeighted(random, REASON_WEIGHTS);
    // Only businesses close down or have an account manager who changes.
    if (segment === 'B2C' && (reason === 'business_closed' || reason === 'contact_change')) continue;
    return reason;
  }
}

const EXPORT_HEADER = ['Customer ID', 'Name', 'Email', 'Phone', 'Street', 'Zip', 'City', 'Country', 'Segment', 'Key Account',
  'Account Manager', 'Customer Since', 'Churn Date', 'Orders', 'Revenue', 'Margin %', 'Complaints', 'Reason', 'Competitor',
  'Competitor Contract End', 'Email Opt-In', 'Phone Opt-In', 'Mail Opt-In', 'Do Not Contact'];

/** The CRM export of these customers, as winback reads it. */
export function exportCsv(customers: readonly SimCustomer[]): string {
  const rows = customers.map((c) => [
    c.id, c.name, c.email, c.phone, c.street, c.postalCode, c.city, 'DE', c.segment, c.keyAccount ? 'Yes' : 'No',
    c.accountManager, formatIsoDay(c.sinceDay), formatIsoDay(c.churnDay), c.orders, c.revenue.toFixed(2), `${c.marginPercent.toFixed(1)}%`,
    c.complaints, c.reasonText, c.competitor,
    c.contractEndKnown && c.contractEndDay !== undefined ? formatIsoDay(c.contractEndDay) : '',
    c.consentEmail, c.consentPhone, c.consentLetter, c.doNotContact,
  ]);
  return stringify([EXPORT_HEADER, ...rows]);
}
