/**
 * The content model of a lost-customer fixture: one plain record per customer, drawn
 * row by row from a seeded generator so that any number of rows streams in flat memory.
 * How a record is written (dates, decimals, booleans) is left to fixture-format.ts.
 */
import { addMonths, parseIsoDay } from '../src/domain/dates.js';
import { REASON_CODES, type ReasonCode } from '../src/domain/playbook-types.js';
import type { EpochDay, Segment } from '../src/domain/types.js';
import { ENGLISH_VOCABULARY, GERMAN_VOCABULARY, type Vocabulary } from './fixture-vocabulary.js';
import { createRandom, type Random } from './random.js';
import { GIBBERISH_REASONS, phraseReason, type FixtureLanguage } from './reason-phrases.js';

/** A consent-like flag as exports record it: clear yes or no, nothing, or something unclear. */
export type Flag = 'yes' | 'no' | 'blank' | 'unclear';

/** One generated lost customer. */
export interface FakeCustomer {
  index: number;
  id: string;
  name: string;
  email: string;
  phone: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  region: string;
  segment: Segment;
  keyAccount: boolean;
  accountManager: string;
  since: EpochDay;
  churn: EpochDay;
  orders: number;
  revenue: number;
  marginPercent: number;
  complaints: number;
  reasonCode: ReasonCode;
  reasonText: string;
  competitor: string;
  competitorContractEnd?: EpochDay;
  consentEmail: Flag;
  consentPhone: Flag;
  consentLetter: Flag;
  doNotContact: Flag;
}

/** The date the fixtures are analysed at (`--as-of 2026-11-23`); churn dates lie before it. */
export const FIXTURE_AS_OF = parseIsoDay('2026-11-23') as EpochDay;
/** Churn dates spread over roughly the 18 months before the as-of date. */
export const CHURN_SPAN_DAYS = 548;
/** Row indexes that carry a clean phrasing of every reason code in turn (index % 12 === 5). */
const COVERAGE_STRIDE = 12;
const COVERAGE_OFFSET = 5;
/** A customer whose name is a spreadsheet formula, to test injection-safe output. */
export const FORMULA_NAME = '=HYPERLINK("http://x","click")';
const FORMULA_INDEX = 7;
const PLUS49_INDEX = 3;

const REASON_WEIGHTS: Record<ReasonCode, number> = {
  price: 14, competitor_offer: 10, poached: 6, quality: 8, service: 9, relocation: 8,
  financial_hardship: 5, variety_seeking: 5, life_change: 6, image: 3, availability: 4,
  contact_change: 5, deceased: 2, business_closed: 3, terminated_by_us: 2, unknown: 6,
};

/** The vocabulary of a fixture language. */
export function vocabularyOf(lang: FixtureLanguage): Vocabulary {
  return lang === 'de' ? GERMAN_VOCABULARY : ENGLISH_VOCABULARY;
}

/** Customer id as each export style writes it (German ERP: plain numbers; CRM: prefixed). */
export function customerIdOf(index: number, lang: FixtureLanguage): string {
  return lang === 'de' ? String(100001 + index) : `C-${String(index + 1).padStart(5, '0')}`;
}

/** Endless, deterministic stream of fake lost customers for a seed and language. */
export function* fakeCustomers(seed: number, lang: FixtureLanguage): Generator<FakeCustomer> {
  const random = createRandom(seed);
  for (let index = 0; ; index++) yield drawCustomer(random, index, lang);
}

function drawCustomer(random: Random, index: number, lang: FixtureLanguage): FakeCustomer {
  const vocab = vocabularyOf(lang);
  const segment: Segment = random.chance(0.4) ? 'B2B' : 'B2C';
  const keyAccount = random.chance(segment === 'B2B' ? 0.25 : 0.03);
  const place = random.pick(vocab.places);
  const person = drawPerson(random, vocab, segment, lang);
  const churn = FIXTURE_AS_OF - random.int(1, CHURN_SPAN_DAYS);
  const reason = drawReason(random, index, lang, place.city, place.abbreviation, vocab);
  const business = drawBusiness(random, segment, reason.code);
  return {
    index,
    id: customerIdOf(index, lang),
    name: index === FORMULA_INDEX ? FORMULA_NAME : person.name,
    email: random.chance(0.08) ? '' : person.email,
    phone: drawPhone(random, vocab, index === PLUS49_INDEX),
    street: random.chance(0.03) ? '' : drawStreet(random, vocab, lang),
    postalCode: offsetPostalCode(place.postalBase, random.int(0, 40)),
    city: place.city,
    country: random.chance(0.05) ? '' : random.pick(place.countries),
    region: place.region,
    segment,
    keyAccount,
    accountManager: keyAccount || (segment === 'B2B' && random.chance(0.3))
      ? (random.chance(0.1) ? '' : random.pick(vocab.accountManagers)) : '',
    since: churn - random.int(60, 15 * 365),
    churn,
    ...business,
    marginPercent: drawMargin(random, index),
    reasonCode: reason.code,
    reasonText: reason.text,
    ...drawCompetitor(random, reason.code, churn, vocab),
    ...drawConsents(random),
  };
}

function drawPerson(random: Random, vocab: Vocabulary, segment: Segment, lang: FixtureLanguage) {
  const first = random.pick(vocab.firstNames);
  const last = random.pick(vocab.lastNames);
  const domain = random.pick(vocab.emailDomains);
  if (segment === 'B2B') {
    const name = random.pick(vocab.companyPatterns).replace('{last}', last);
    const tld = lang === 'de' ? 'de' : 'com';
    return { name, email: `${random.pick(['info', 'einkauf', 'office', 'billing'])}@${asciiSlug(name).slice(0, 24)}.${tld}` };
  }
  const name = lang === 'de' && random.chance(0.15) ? `${last}, ${first}` : `${first} ${last}`;
  return { name, email: `${asciiSlug(first)}.${asciiSlug(last)}@${domain}` };
}

/** Lower-case ASCII form of a name for e-mail addresses (ü → ue, é → e). */
function asciiSlug(text: string): string {
  return text.toLowerCase().replaceAll('ä', 'ae').replaceAll('ö', 'oe').replaceAll('ü', 'ue').replaceAll('ß', 'ss')
    .normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]/g, '');
}

function drawPhone(random: Random, vocab: Vocabulary, forcePlus49: boolean): string {
  if (forcePlus49) return `+49 ${random.int(30, 89)} ${random.int(1000000, 9999999)}`;
  if (random.chance(0.1)) return '';
  // N is a leading digit of an area code or number, never 0; # is any digit.
  return random.pick(vocab.phonePatterns).replace(/[#N]/g, (d) => String(random.int(d === 'N' ? 1 : 0, 9)));
}

function drawStreet(random: Random, vocab: Vocabulary, lang: FixtureLanguage): string {
  const street = random.pick(vocab.streets);
  const number = random.int(1, 180);
  if (lang === 'en') return `${number} ${street}`;
  return `${street} ${number}${random.chance(0.15) ? random.pick(['a', 'b', 'c']) : ''}`;
}

function offsetPostalCode(base: string, offset: number): string {
  return String(Number(base) + offset).padStart(base.length, '0');
}

function drawReason(
  random: Random, index: number, lang: FixtureLanguage, city: string, abbr: string, vocab: Vocabulary,
): { code: ReasonCode; text: string } {
  const slots = { city: random.pick(vocab.places.filter((p) => p.city !== city)).city, abbr, competitor: random.pick(vocab.competitors) };
  const coverageSlot = (index - COVERAGE_OFFSET) / COVERAGE_STRIDE;
  if (Number.isInteger(coverageSlot) && coverageSlot >= 0 && coverageSlot < REASON_CODES.length) {
    const code = REASON_CODES[coverageSlot] as ReasonCode;
    return { code, text: phraseReason(random, code, lang, slots, true) };
  }
  const roll = random.next();
  if (roll < 0.05) return { code: 'unknown', text: '' };
  if (roll < 0.09) return { code: 'unknown', text: random.pick(GIBBERISH_REASONS[lang]) };
  const code = random.weighted(REASON_WEIGHTS);
  // Real German exports mix in English reasons (forms from a web shop, international staff).
  const textLang: FixtureLanguage = lang === 'de' && random.chance(0.1) ? 'en' : lang;
  return { code, text: phraseReason(random, code, textLang, slots) };
}

function drawBusiness(random: Random, segment: Segment, code: ReasonCode) {
  const maxOrders = segment === 'B2B' ? 400 : 60;
  const orders = Math.max(1, Math.round(Math.exp(random.next() * Math.log(maxOrders))));
  const orderValue = segment === 'B2B' ? 200 + random.next() * 4800 : 20 + random.next() * 280;
  const revenue = Math.round(orders * orderValue * 100) / 100;
  const unhappy = code === 'quality' || code === 'service';
  const complaints = unhappy ? random.int(1, 6) : random.chance(0.15) ? random.int(1, 2) : 0;
  return { orders, revenue, complaints };
}

/** Margin in percent with one decimal; some customers cost more than they brought. */
function drawMargin(random: Random, index: number): number {
  if (index === 11) return -8.5;
  if (index === 23) return 0;
  if (random.chance(0.06)) return -Math.round(random.next() * 150) / 10;
  return Math.round((5 + random.next() * 40) * 10) / 10;
}

function drawCompetitor(random: Random, code: ReasonCode, churn: EpochDay, vocab: Vocabulary) {
  const competitorBound = code === 'poached' || code === 'competitor_offer';
  const competitor = random.chance(competitorBound ? 0.75 : 0.03) ? random.pick(vocab.competitors) : '';
  const endShare = code === 'poached' ? 0.7 : code === 'competitor_offer' ? 0.3 : 0.03;
  if (!random.chance(endShare)) return { competitor };
  return { competitor, competitorContractEnd: addMonths(churn, random.pick([12, 12, 24, 36])) };
}

function drawConsents(random: Random) {
  const flag = (yes: number, no: number): Flag => {
    const roll = random.next();
    if (roll < yes) return 'yes';
    if (roll < yes + no) return 'no';
    return roll < 0.98 ? 'blank' : 'unclear';
  };
  return {
    consentEmail: flag(0.45, 0.25),
    consentPhone: flag(0.35, 0.3),
    consentLetter: flag(0.6, 0.1),
    doNotContact: random.chance(0.05) ? 'yes' as const : flag(0, 0.4),
  };
}
