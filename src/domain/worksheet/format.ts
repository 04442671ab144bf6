/**
 * How the worksheet writes figures, dates and the model's explanations in the session's
 * language: money as `507.851 €` (German) or `€507,851` (English), dates as `23.11.2026`
 * or `2026-11-23`, and the value model's and timing rules' English notes put into German
 * words. Pure (Intl only).
 */
import { CHANNELS, type Channel } from '../playbook-types.js';
import type { BlockReason, PermissionResult } from '../permission/permission.js';
import { epochDayOf, formatIsoDay, parseIsoDay } from '../dates.js';
import type { EpochDay } from '../types.js';

export type Lang = 'en' | 'de';

const wholeNumber: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
  de: new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 }),
};

/** Whole currency units with grouping: `507.851 €` in German, `€507,851` in English. */
export function formatWorksheetMoney(value: number, symbol: string, lang: Lang): string {
  const rounded = Math.round(value);
  const digits = wholeNumber[lang].format(Math.abs(rounded));
  const sign = rounded < 0 ? '-' : '';
  return lang === 'de' ? `${sign}${digits} ${symbol}` : `${sign}${symbol}${digits}`;
}

/** A probability as a whole percentage: `26 %` in German, `26%` in English. */
export function formatShare(p: number, lang: Lang): string {
  const pct = Math.round(p * 100);
  return lang === 'de' ? `${pct} %` : `${pct}%`;
}

/** A day as `23.11.2026` (German) or `2026-11-23` (English). */
export function formatDay(day: EpochDay, lang: Lang): string {
  const iso = formatIsoDay(day);
  if (lang === 'en') return iso;
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** An ISO date text of the session shown in the language; other text as it is. */
export function showDate(iso: string, lang: Lang): string {
  const day = parseIsoDay(iso);
  return day === undefined ? iso : formatDay(day, lang);
}

/**
 * Reads a date typed at a prompt: ISO `2027-01-15` in either language, and `15.01.2027`
 * or `15.1.27` (day first) as German users write it. Undefined when it is no date.
 */
export function parseTypedDate(text: string): EpochDay | undefined {
  const t = text.trim();
  const iso = parseIsoDay(t);
  if (iso !== undefined) return iso;
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(t);
  if (!m) return undefined;
  const year = (m[3] as string).length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return epochDayOf(year, Number(m[2]), Number(m[1]));
}

/** A typed date in the form the session stores (ISO); '' stays ''; undefined when it is no date. */
export function normaliseTypedDate(text: string): string | undefined {
  if (text.trim() === '') return '';
  const day = parseTypedDate(text);
  return day === undefined ? undefined : formatIsoDay(day);
}

const CHANNEL_NAMES: Record<Channel, Record<Lang, string>> = {
  visit: { en: 'visit', de: 'Besuch' },
  phone: { en: 'phone', de: 'Telefon' },
  letter: { en: 'letter', de: 'Brief' },
  email: { en: 'email', de: 'E-Mail' },
};

const BLOCK_WORDS: Record<BlockReason, Record<Lang, string>> = {
  suppressed: { en: 'on the suppression list', de: 'steht auf der Sperrliste' },
  do_not_contact: { en: 'do not contact', de: 'Kontaktsperre' },
  objection: { en: 'objected to advertising', de: 'hat der Werbung widersprochen' },
  objection_in_reason: { en: 'objection in the text', de: 'Widerspruch im Freitext' },
  no_email: { en: 'no email address', de: 'keine E-Mail-Adresse' },
  no_email_consent: { en: 'no consent to email', de: 'keine Einwilligung in E-Mails' },
  invalid_email: { en: 'email address invalid', de: 'E-Mail-Adresse ungültig' },
  no_phone: { en: 'no phone number', de: 'keine Telefonnummer' },
  no_phone_consent: { en: 'no consent to calls', de: 'keine Einwilligung in Anrufe' },
  invalid_phone: { en: 'phone number invalid', de: 'Telefonnummer ungültig' },
  b2b_phone_not_enabled: { en: 'calls to businesses without consent not enabled', de: 'Anrufe bei Firmen ohne Einwilligung nicht freigegeben' },
  no_postal_address: { en: 'no postal address', de: 'keine Postanschrift' },
  letter_refused: { en: 'refuses letters', de: 'lehnt Briefe ab' },
  no_account_manager: { en: 'no account manager to visit', de: 'kein Betreuer für einen Besuch' },
};

/** A channel's name in the language. */
export function channelWord(channel: Channel, lang: Lang): string {
  return CHANNEL_NAMES[channel][lang];
}

/** Why a channel is blocked, in words. */
export function blockWord(reason: BlockReason, lang: Lang): string {
  return BLOCK_WORDS[reason][lang];
}

/** The channels the customer may be contacted on, in the playbook's channel order. */
export function contactableChannels(permission: PermissionResult): Channel[] {
  return CHANNELS.filter((c) => permission.allowed[c]);
}

/**
 * Why no channel may be used, in words: the one reason that blocks them all, else each
 * channel with its reason ("letter – no postal address; email – no consent to email").
 */
export function noChannelWords(permission: PermissionResult, lang: Lang): string {
  if (permission.blockAll !== undefined) return blockWord(permission.blockAll, lang);
  return CHANNELS.flatMap((c) => {
    const r = permission.blockedBy[c];
    return r === undefined ? [] : [`${channelWord(c, lang)} – ${blockWord(r, lang)}`];
  }).join('; ');
}

// The value model and the timing rules explain themselves in English (plan.csv keeps
// that text); the worksheet puts the known forms into German and never shows the rest.
const moneyPattern = (symbol: string) => new RegExp(`-?${symbol.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-?\\d+(?:\\.\\d+)?`, 'g');

type Rewrite = [RegExp, (m: RegExpExecArray, money: (s: string) => string, date: (s: string) => string) => string];

const DECISION_DE: Rewrite[] = [
  [/^expected value (\S+) > threshold (\S+)$/, (m, $) => `Erwartungswert ${$(m[1] as string)} über der Schwelle von ${$(m[2] as string)}`],
  [/^expected value (\S+) ≤ threshold (\S+)$/, (m, $) => `Erwartungswert ${$(m[1] as string)} nicht über der Schwelle von ${$(m[2] as string)}`],
  [/^first-lifetime margin ≤ 0/, () => 'Marge im ersten Lebenszyklus ≤ 0: hat mehr gekostet als gebracht'],
  [/^missing data: no churn date$/, () => 'Daten fehlen: kein Kündigungsdatum'],
  [/^missing data: no (.+)$/, () => 'Daten fehlen für die Bewertung'],
  [/^reason unclear \(confidence (\S+) < (\S+)\)$/, (m) => `Grund unklar (Sicherheit ${(m[1] as string).replace('.', ',')} < ${(m[2] as string).replace('.', ',')})`],
  [/^worth an approach \((\S+) by (\w+)\), but no channel may be used$/, (m, $) => `eine Ansprache wäre ${$(m[1] as string)} wert, aber kein Kanal ist erlaubt`],
  [/^final reason \((\w+)\): never contact$/, () => 'endgültiger Grund: nie kontaktieren'],
  [/^on the suppression list/, () => 'steht auf der Sperrliste: nie kontaktieren'],
  [/^do-not-contact/, () => 'Kontaktsperre: nie kontaktieren'],
  [/^objected to advertising/, () => 'hat der Werbung widersprochen: nie kontaktieren'],
  [/^objection in the text/, () => 'Widerspruch im Freitext: nie kontaktieren'],
];

const RULE_DE: Rewrite[] = [
  [/^soon after churn: (\d+) days after churn$/, (m) => `bald nach der Kündigung: ${m[1]} Tage danach`],
  [/^after some time: (\d+) days after churn$/, (m) => `nach einiger Zeit: ${m[1]} Tage nach der Kündigung`],
  [/^fix date unknown: (\d+) days after churn$/, (m) => `Behebung noch offen: ${m[1]} Tage nach der Kündigung`],
  [/^soon after churn$/, () => 'bald nach der Kündigung'],
  [/^after some time$/, () => 'nach einiger Zeit'],
  [/^fix date unknown$/, () => 'Behebung noch offen'],
  [/^no churn date, from as-of$/, () => 'kein Kündigungsdatum: ab Stichtag'],
  [/^after the fix of (\S+)$/, (m, _, d) => `nach der Behebung am ${d(m[1] as string)}`],
  [/^planned window missed, from as-of$/, () => 'geplantes Fenster verpasst: ab Stichtag'],
  [/^competitor contract end and churn date unknown, from as-of$/, () => 'Vertragsende und Kündigungsdatum unbekannt: ab Stichtag'],
  [/^(\d+) days before competitor contract ends (\S+)$/, (m, _, d) => `${m[1]} Tage vor dem Vertragsende beim Wettbewerber (${d(m[2] as string)})`],
  [/^(\d+) days before assumed (\d+)-month competitor contract ends (\S+)$/, (m, _, d) => `${m[1]} Tage vor dem angenommenen Ende eines ${m[2]}-Monats-Vertrags beim Wettbewerber (${d(m[3] as string)})`],
  [/^earlier window missed, renewal (\d+) terms? later$/, (m) => `früheres Fenster verpasst, ${m[1]}. Verlängerung`],
  [/^planned by the consultant$/, () => 'vom Berater geplant'],
];

function rewrite(text: string, rules: readonly Rewrite[], money: (s: string) => string, date: (s: string) => string): string | undefined {
  for (const [re, fn] of rules) {
    const m = re.exec(text);
    if (m) return fn(m, money, date);
  }
  return undefined;
}

/** The model's decision note in the language; in German an unknown form gives `fallback`. */
export function decisionNote(reason: string, lang: Lang, symbol: string, fallback: string): string {
  const money = (s: string) => s.replace(moneyPattern(symbol), (t) => formatWorksheetMoney(Number(t.replace(symbol, '')), symbol, lang));
  if (lang === 'en') return money(reason);
  // A plan in German already speaks German (domain/catalogue/messages.ts): its text is shown as it is.
  return rewrite(reason, DECISION_DE, money, (s) => showDate(s, lang)) ?? (reason === '' ? fallback : reason);
}

/** The timing rule of a contact window in the language; German parts it does not know are left out. */
export function timingNote(rule: string, lang: Lang): string {
  if (lang === 'en') return rule;
  const parts = rule.split('; ').map((part) => rewrite(part, RULE_DE, (s) => s, (s) => showDate(s, lang)) ?? part);
  return parts.filter((p): p is string => p !== undefined).join('; ');
}
