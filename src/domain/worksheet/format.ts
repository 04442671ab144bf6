/**
 * How the worksheet writes figures, dates and the model's decisions in the session's language:
 * money as `507.851 €` (German) or `€507,851` (English), dates as `23.11.2026` or `2026-11-23`.
 * Every word comes from the catalogue: channels and block reasons by their codes, the model's
 * decision from the note it was worded from (domain/value/note.ts) with the worksheet's whole
 * money. Pure (Intl only).
 */
import { CHANNELS, type Channel } from '../playbook-types.js';
import type { BlockReason, PermissionResult } from '../permission/permission.js';
import { epochDayOf, formatIsoDay, parseIsoDay } from '../dates.js';
import type { EpochDay } from '../types.js';
import { formatCurrency, formatFixed, messages } from '../catalogue/index.js';
import type { DecisionNote } from '../value/types.js';
import { wordDecision } from '../value/note.js';

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

/** A channel's name in the language (the catalogue's: `visit`, `Besuch`). */
export function channelWord(channel: Channel, lang: Lang): string {
  return messages(lang).names.channel(channel);
}

/** Why a channel is blocked, in the catalogue's words (the report's). */
export function blockWord(reason: BlockReason, lang: Lang): string {
  return messages(lang).report.words.blockReasons[reason] ?? reason;
}

/** The channels the customer may be contacted on, in the playbook's channel order. */
export function contactableChannels(permission: PermissionResult): Channel[] {
  return CHANNELS.filter((c) => permission.allowed[c]);
}

/**
 * Why no channel may be used, in words: the one reason that blocks them all, else each
 * channel with its reason ("letter – no postal address; email – no consent to e-mail").
 */
export function noChannelWords(permission: PermissionResult, lang: Lang): string {
  if (permission.blockAll !== undefined) return blockWord(permission.blockAll, lang);
  return CHANNELS.flatMap((c) => {
    const r = permission.blockedBy[c];
    return r === undefined ? [] : [`${channelWord(c, lang)} – ${blockWord(r, lang)}`];
  }).join('; ');
}

/** The model's decision in the language, its money in whole units as the worksheet shows money (small sums in cents, as the note asks). */
export function decisionWords(note: DecisionNote, lang: Lang, symbol: string): string {
  return wordDecision(note, lang, { money: (v, cents) => (cents === true ? formatCurrency(v, lang, symbol.trim()) : formatWorksheetMoney(v, symbol, lang)), fixed: (v) => formatFixed(v, 2, lang) });
}
