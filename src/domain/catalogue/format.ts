/**
 * Numbers, money and dates as the reader's language writes them: on the terminal, in reports and
 * in sentences of the catalogue. Machine columns of CSV files keep their plain form.
 */
import { formatIsoDay } from '../dates.js';
import type { Lang } from './entry.js';

/** A whole number with the language's thousands separator: 1,115,744 / 1.115.744. */
export function formatWhole(value: number, lang: Lang): string {
  const whole = Math.round(value);
  const digits = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'de' ? '.' : ',');
  return whole < 0 ? `-${digits}` : digits;
}

/** A number with fixed decimals in the language's style: 0.4200 / 0,4200. */
export function formatFixed(value: number, decimals: number, lang: Lang): string {
  const text = value.toFixed(decimals);
  return lang === 'de' ? text.replace('.', ',') : text;
}

/** A number with fixed decimals, its whole part grouped in German (12.371,23); English ungrouped (12371.23), as formatFixed. */
export function formatFixedGrouped(value: number, decimals: number, lang: Lang): string {
  const fixed = formatFixed(value, decimals, lang);
  return lang === 'de' ? fixed.replace(/^-?\d+/, (whole) => formatWhole(Number(whole), 'de')) : fixed;
}

/**
 * Money in a text, whole currency units: English "€412", "-€12" (as plan.csv has always
 * had them); German "412 €", "-12 €", "139.239 €" — the symbol after the amount.
 */
export function formatMoneyText(value: number, symbol: string, lang: Lang): string {
  const rounded = Math.round(value);
  if (lang === 'de') return `${formatWhole(rounded === 0 ? 0 : rounded, 'de')}\u00a0${symbol.trim()}`;
  return rounded < 0 ? `-${symbol}${-rounded}` : `${symbol}${rounded === 0 ? 0 : rounded}`;
}

/** An amount as given (whole or with decimals) with the language's separators: 2500.5 / 2.500,5. */
export function formatAmount(value: number, lang: Lang): string {
  if (lang === 'en') return String(value);
  const [whole, decimals] = String(value).split('.');
  return `${formatWhole(Number(whole), 'de')}${decimals === undefined ? '' : `,${decimals}`}`;
}

/** A day in the language's form: 2026-11-23 / 23.11.2026. */
export function formatDay(day: number, lang: Lang): string {
  const iso = formatIsoDay(day);
  return lang === 'de' ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso;
}

/** An ISO day text (YYYY-MM-DD) in the language's form; anything else as it is. */
export function formatIsoText(iso: string, lang: Lang): string {
  return lang === 'de' && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso;
}

/** Whole currency units with thousands separators in the language's style (12,345 / 12.345). */
export function formatMoney(value: number, lang: Lang): string {
  return formatWhole(value, lang);
}

/** Below this, money in a sentence is written in cents (judgement: where whole units hide a difference, "€0 > €0"). */
export const SMALL_MONEY = 100;

/** Money with the currency symbol where the language puts it, in cents (€12,345.67 / 12.345,67 €) or whole units. */
export function formatCurrency(value: number, lang: Lang, currency: string, whole = false): string {
  const amount = whole ? formatMoney(Math.abs(value), lang) : formatDecimal(Math.abs(value), lang);
  // The sign of what is shown: −0.5 rounds to a whole 1 (half away from zero, as the amount), so it is −1, not 1.
  const sign = value < 0 && Math.round(Math.abs(value) * (whole ? 1 : 100)) > 0 ? '-' : '';
  if (currency === '') return `${sign}${amount}`;
  return lang === 'de' ? `${sign}${amount} ${currency}` : `${sign}${currency}${amount}`;
}

/** A number with two decimals in the language's style (151.93 / 151,93). */
export function formatDecimal(value: number, lang: Lang): string {
  const [whole, fraction] = Math.abs(value).toFixed(2).split('.') as [string, string];
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'de' ? '.' : ',');
  return `${value < 0 ? '-' : ''}${digits}${lang === 'de' ? ',' : '.'}${fraction}`;
}

/** An ISO date (YYYY-MM-DD) as the language writes it: unchanged in English, DD.MM.YYYY in German. */
export function formatDate(iso: string, lang: Lang): string {
  return formatIsoText(iso, lang);
}

/** A share as a percentage with one decimal (12.5 % / 12,5 %). */
export function formatPercent(share: number, lang: Lang): string {
  const text = (share * 100).toFixed(1);
  return `${lang === 'de' ? text.replace('.', ',') : text} %`;
}

/** Compact money for chart axes: 950, 12k, 1.2M (de: 12 Tsd., 1,2 Mio.). */
export function formatCompact(value: number, lang: Lang): string {
  const abs = Math.abs(value);
  if (abs < 1e3) return String(Math.round(value));
  const [scaled, unit] = abs >= 1e6 ? [value / 1e6, lang === 'de' ? ' Mio.' : 'M'] : [value / 1e3, lang === 'de' ? ' Tsd.' : 'k'];
  const text = Number.isInteger(Math.round(scaled * 10) / 10) ? String(Math.round(scaled)) : (Math.round(scaled * 10) / 10).toFixed(1);
  return `${lang === 'de' ? text.replace('.', ',') : text}${unit}`;
}

/** The column a row was rejected for, in parentheses after its line: nothing for none; "(field count)" is in its own. */
export function columnNote(column: string): string {
  return column === '' ? '' : column.startsWith('(') ? ` ${column}` : ` (${column})`;
}
