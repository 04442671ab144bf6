/**
 * How the two export styles write a fake customer: an English CRM export (`,`, ISO dates,
 * dot decimals) and a German Excel export (`;`, DD.MM.YYYY, decimal comma), each with the
 * small inconsistencies real exports have (thousands separators, currency signs, mixed
 * yes/no spellings). Also the deliberately bad rows that a reader must reject.
 */
import { calendarOf } from '../src/domain/dates.js';
import type { EpochDay } from '../src/domain/types.js';
import type { FakeCustomer, Flag } from './fake-customers.js';
import type { Random } from './random.js';
import type { FixtureLanguage } from './reason-phrases.js';

/** Field separator and line end of a CSV file. */
export interface Dialect {
  delimiter: string;
  newline: string;
}

export const DIALECTS: Record<FixtureLanguage, Dialect> = {
  en: { delimiter: ',', newline: '\n' },
  de: { delimiter: ';', newline: '\r\n' },
};

export const LOST_CUSTOMER_HEADERS: Record<FixtureLanguage, readonly string[]> = {
  en: ['Customer ID', 'Name', 'Email', 'Phone', 'Street', 'Zip', 'City', 'Country', 'Segment', 'Key Account',
    'Account Manager', 'Customer Since', 'Churn Date', 'Orders', 'Revenue', 'Margin %', 'Complaints', 'Reason',
    'Competitor', 'Competitor Contract End', 'Email Opt-In', 'Phone Opt-In', 'Mail Opt-In', 'Do Not Contact', 'Region'],
  de: ['Kundennummer', 'Name', 'E-Mail', 'Telefon', 'Straße', 'PLZ', 'Ort', 'Land', 'Kundentyp', 'Key Account',
    'Betreuer', 'Kunde seit', 'Kündigungsdatum', 'Anzahl Aufträge', 'Umsatz', 'Deckungsbeitrag %', 'Reklamationen',
    'Kündigungsgrund', 'Wettbewerber', 'Vertragsende Wettbewerber', 'Einwilligung E-Mail', 'Einwilligung Telefon',
    'Einwilligung Post', 'Werbewiderspruch', 'Filiale'],
};

/** Column positions shared by both headers (they list the same fields in the same order). */
const COL = { id: 0, churn: 12, orders: 13, reason: 17 } as const;

/** One CSV record with RFC 4180 quoting: only fields holding the delimiter, a quote or a line break. */
export function csvLine(fields: readonly string[], dialect: Dialect): string {
  const quoted = fields.map((f) =>
    f.includes(dialect.delimiter) || /["\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f);
  return quoted.join(dialect.delimiter) + dialect.newline;
}

/** The fields of one customer in header order, written in the given style. */
export function formatCustomerFields(c: FakeCustomer, lang: FixtureLanguage, random: Random): string[] {
  const date = (day: EpochDay | undefined): string => (day === undefined ? '' : formatDate(day, lang));
  const churn = lang === 'en' && random.chance(0.2) ? formatIsoDateTime(c.churn, random) : date(c.churn);
  return [
    c.id, c.name, c.email, c.phone, c.street, c.postalCode, c.city, c.country,
    formatSegment(c.segment, lang, random),
    lang === 'en' ? (c.keyAccount ? 'Yes' : 'No') : (c.keyAccount ? 'x' : ''),
    c.accountManager, date(c.since), churn, String(c.orders),
    formatAmount(c.revenue, lang, random),
    formatPercent(c.marginPercent, lang, random),
    String(c.complaints), c.reasonText, c.competitor, date(c.competitorContractEnd),
    formatFlag(c.consentEmail, lang, random), formatFlag(c.consentPhone, lang, random),
    formatFlag(c.consentLetter, lang, random), formatFlag(c.doNotContact, lang, random),
    c.region,
  ];
}

/** ISO date (en) or DD.MM.YYYY (de). */
export function formatDate(day: EpochDay, lang: FixtureLanguage): string {
  const { year, month, day: d } = calendarOf(day);
  const mm = String(month).padStart(2, '0');
  const dd = String(d).padStart(2, '0');
  return lang === 'en' ? `${year}-${mm}-${dd}` : `${dd}.${mm}.${year}`;
}

function formatIsoDateTime(day: EpochDay, random: Random): string {
  const hh = String(random.int(7, 19)).padStart(2, '0');
  const mi = String(random.int(0, 59)).padStart(2, '0');
  const ss = String(random.int(0, 59)).padStart(2, '0');
  return `${formatDate(day, 'en')}T${hh}:${mi}:${ss}${random.chance(0.3) ? 'Z' : ''}`;
}

function formatSegment(segment: 'B2B' | 'B2C', lang: FixtureLanguage, random: Random): string {
  if (lang === 'en' || random.chance(0.6)) return segment;
  return segment === 'B2B' ? 'Geschäftskunde' : 'Privatkunde';
}

/** Fixed-point text with the style's decimal mark and optional thousands grouping. */
export function formatNumber(value: number, decimals: number, lang: FixtureLanguage, grouped: boolean): string {
  const [whole = '0', fraction] = Math.abs(value).toFixed(decimals).split('.');
  const groupMark = lang === 'en' ? ',' : '.';
  const wholeText = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, groupMark) : whole;
  const sign = value < 0 && Number(Math.abs(value).toFixed(decimals)) !== 0 ? '-' : '';
  return sign + wholeText + (fraction === undefined ? '' : (lang === 'en' ? '.' : ',') + fraction);
}

/** Money as exports write it: plain, grouped (`1,234.56` / `1.234,56`), with € (de), or whole. */
export function formatAmount(value: number, lang: FixtureLanguage, random: Random): string {
  const roll = random.next();
  const large = Math.abs(value) >= 1000;
  if (large && roll < 0.04) return formatNumber(Math.round(value), 0, lang, true);
  if (large && roll < 0.35) return formatNumber(value, 2, lang, true);
  if (lang === 'de' && roll < 0.4) return `€ ${formatNumber(value, 2, lang, large)}`;
  if (lang === 'de' && roll < 0.45) return `${formatNumber(value, 2, lang, large)} €`;
  return formatNumber(value, 2, lang, false);
}

function formatPercent(value: number, lang: FixtureLanguage, random: Random): string {
  const text = formatNumber(value, 1, lang, false);
  if (!random.chance(0.3)) return text;
  return lang === 'en' ? `${text}%` : `${text} %`;
}

const FLAG_SPELLINGS: Record<FixtureLanguage, Record<Flag, readonly string[]>> = {
  en: { yes: ['Yes', 'yes', 'TRUE', 'true', '1'], no: ['No', 'no', 'FALSE', '0'], blank: [''], unclear: ['unknown', '?', 'pending'] },
  de: { yes: ['ja', 'Ja', 'x', 'X', 'ja'], no: ['nein', 'Nein', 'nein'], blank: [''], unclear: ['unklar', '?', 'vllt.'] },
};

function formatFlag(flag: Flag, lang: FixtureLanguage, random: Random): string {
  return random.pick(FLAG_SPELLINGS[lang][flag]);
}

/** The kinds of deliberately broken (or, for the last, deliberately awkward but valid) rows. */
export const BAD_ROW_KINDS = [
  'impossible_date', 'unparseable_number', 'duplicate_id', 'empty_id', 'wrong_field_count', 'embedded_newline',
] as const;
export type BadRowKind = (typeof BAD_ROW_KINDS)[number];

/** Where the bad rows go in a file of `rows` records (none in files under 20 rows). */
export function planBadRows(rows: number, avoid: (index: number) => boolean): Map<number, BadRowKind> {
  const plan = new Map<number, BadRowKind>();
  if (rows < 20) return plan;
  BAD_ROW_KINDS.forEach((kind, k) => {
    let index = Math.floor((rows * (k + 1) * 3) / 20);
    while (avoid(index) || plan.has(index)) index++;
    if (index < rows) plan.set(index, kind);
  });
  return plan;
}

/** Breaks a formatted row in the given way; `firstId` is the id a duplicate repeats. */
export function applyBadRow(fields: string[], kind: BadRowKind, lang: FixtureLanguage, firstId: string): string[] {
  const out = [...fields];
  switch (kind) {
    case 'impossible_date': out[COL.churn] = lang === 'de' ? '31.02.2024' : '2024-02-31'; break;
    case 'unparseable_number': out[COL.orders] = lang === 'de' ? 'zwölf' : 'twelve'; break;
    case 'duplicate_id': out[COL.id] = firstId; break;
    case 'empty_id': out[COL.id] = ''; break;
    case 'wrong_field_count': return out.slice(0, out.length - 3);
    case 'embedded_newline':
      out[COL.reason] = lang === 'de'
        ? 'zu teuer; außerdem "Service" schlecht\nsiehe Mail vom 3.5.'
        : 'too expensive, and "support" was slow\nsee email of May 3';
      break;
  }
  return out;
}
