/**
 * A decision's words from its note (types.ts DecisionNote): the catalogue's text of the key with
 * the figures written as the page writes them — plan.csv and `--explain` with cents, the
 * worksheet in whole units. The one way decision_reason becomes text. Pure.
 */
import { formatCurrency, formatFixed, formatMoneyText, messages, say, SMALL_MONEY, type Lang, type Said } from '../catalogue/index.js';
import type { DecisionNote, NoteFigure } from './types.js';

/** How a page writes the figures of a note. */
export interface NoteFigures {
  /** in cents where `cents` (sums too small for whole units to tell apart), else as the page writes money */
  money(value: number, cents?: boolean): string;
  fixed(value: number): string;
}

const planned: Record<Lang, Map<string, NoteFigures>> = { en: new Map(), de: new Map() };

/** plan.csv's figures: money with cents and the currency symbol, shares with two decimals, in the language. */
export function planFigures(symbol: string, lang: Lang): NoteFigures {
  // Asked once per row: the same few writers are kept, found without building a key.
  const writers = planned[lang];
  let found = writers.get(symbol);
  if (found === undefined) {
    found = { money: (v, cents) => (cents === true ? formatCurrency(v, lang, symbol.trim()) : formatMoneyText(v, symbol, lang)), fixed: (v) => formatFixed(v, 2, lang) };
    writers.set(symbol, found);
  }
  return found;
}

/** The note's text in `lang`. */
export function wordDecision(note: DecisionNote, lang: Lang, figures: NoteFigures): string {
  const text = messages(lang).value[note.key];
  if (typeof text === 'string') return text;
  const args = (note.args as readonly unknown[]).map((a) => wordArg(a, lang, figures));
  return (text as (...a: readonly unknown[]) => string)(...args);
}

/** A decided result: the decision, its note, and the note worded as decision_reason. */
export function decided<D>(decision: D, note: DecisionNote, lang: Lang, figures: NoteFigures): { decision: D; decisionNote: DecisionNote; decisionReason: string } {
  return { decision, decisionNote: note, decisionReason: wordDecision(note, lang, figures) };
}

function wordArg(arg: unknown, lang: Lang, figures: NoteFigures): unknown {
  if (typeof arg !== 'object' || arg === null) return arg;
  if ('money' in arg) return figures.money((arg as { money: number }).money, (arg as { cents?: true }).cents === true);
  if ('fixed' in arg) return figures.fixed((arg as { fixed: number }).fixed);
  return say(lang, 'value', arg as Said<'value'>);
}

/** Money inside a note; `cents` writes it with cents. */
export const money = (value: number, cents = false): NoteFigure => (cents ? { money: value, cents: true } : { money: value });

/**
 * Two sums a note compares ("expected value €0.30 > threshold €0.00"), both in cents where
 * both are small (SMALL_MONEY): whole units would show "€0 > €0". Else both as the page writes money.
 */
export function moneyPair(a: number, b: number): [NoteFigure, NoteFigure] {
  const cents = Math.max(Math.abs(a), Math.abs(b)) < SMALL_MONEY;
  return [money(a, cents), money(b, cents)];
}
/** A share or confidence inside a note, written with two decimals. */
export const fixed = (value: number): NoteFigure => ({ fixed: value });
