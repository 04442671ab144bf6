/**
 * The offer × channel comparison behind one customer's choice (`plan --explain`): every
 * permitted action that was valued, the winner, and why it won over the runner-up.
 */
import { CHANNELS, type Channel } from '../playbook-types.js';
import type { OfferValue, ValueResult } from './types.js';
import { formatCurrency, formatMoneyText, messages, SMALL_MONEY, type Lang } from '../catalogue/index.js';

export interface ActionComparison {
  /** the offers in the playbook's order, and the channels that were valued, in CHANNELS order */
  offers: string[];
  channels: Channel[];
  /** cells[offer][channel]; undefined where the pair was not valued */
  cells: Record<string, Partial<Record<Channel, OfferValue>>>;
  chosen: OfferValue | null;
  runnerUp: OfferValue | null;
  why: string;
}

/** Builds the comparison from the valued actions; the chosen one is the result's offer and channel. */
export function compareActions(v: Pick<ValueResult, 'offersConsidered' | 'offer_type' | 'channel' | 'decision' | 'fullChannel'>, symbol: string, lang: Lang = 'en'): ActionComparison {
  const offers = [...new Set(v.offersConsidered.map((o) => o.offer_type))];
  const channels = CHANNELS.filter((c) => v.offersConsidered.some((o) => o.channel === c));
  const cells: ActionComparison['cells'] = {};
  for (const o of v.offersConsidered) (cells[o.offer_type] ??= {})[o.channel] = o;
  const chosen = v.offersConsidered.find((o) => o.offer_type === v.offer_type && o.channel === v.channel) ?? null;
  const runnerUp = chosen === null ? null : [...v.offersConsidered].filter((o) => o !== chosen).sort((a, b) => b.expected_value - a.expected_value)[0] ?? null;
  return { offers, channels, cells, chosen, runnerUp, why: whyOf(v.decision, chosen, runnerUp, symbol, lang, v.fullChannel) };
}


function whyOf(decision: ValueResult['decision'], chosen: OfferValue | null, runnerUp: OfferValue | null, symbol: string, lang: Lang, full?: ValueResult['fullChannel']): string {
  const t = messages(lang).compare;
  // Small sums in cents: "€0.52, as much as the runner-up (€0.31)", not "€1 … (€0)".
  const small = chosen !== null && Math.max(Math.abs(chosen.expected_value), Math.abs(runnerUp?.expected_value ?? 0)) < SMALL_MONEY;
  const money = (x: number) => (small ? formatCurrency(x, lang, symbol.trim()) : formatMoneyText(x, symbol, lang));
  if (chosen === null) return decision === 'never' ? t.notValued : t.nothingValued;
  const what = t.action(chosen.offer_type, chosen.channel);
  if (runnerUp === null) return t.only(what, money(chosen.expected_value));
  // The gap between the sums as shown (cents or whole units), so that the line adds up.
  const shown = (x: number) => (small ? Math.round(x * 100) / 100 : Math.round(x));
  const margin = chosen.expected_value - runnerUp.expected_value;
  const shownGap = small ? shown(chosen.expected_value) - shown(runnerUp.expected_value) : margin;
  const rival = `${t.action(runnerUp.offer_type, runnerUp.channel)} (${money(runnerUp.expected_value)})`;
  // Only a budget or a capacity chooses less than the most valuable action: a full channel, or more value per unit of cost.
  if (margin < 0 && full !== undefined) return t.capacityChose(what, money(chosen.expected_value), rival, full.channel, full.places);
  if (margin < 0) return t.budgetChose(what, money(chosen.expected_value), rival);
  const gap = Math.abs(shownGap) < (small ? 0.005 : 0.5) ? t.asMuchAs : t.moreThan(money(shownGap));
  const head = t.highest(what, money(chosen.expected_value), gap, rival);
  if (runnerUp.channel !== chosen.channel && runnerUp.p_winback > chosen.p_winback) return `${head}; ${t.channelCostsMore(runnerUp.channel)}`;
  if (runnerUp.offer_type !== chosen.offer_type && runnerUp.p_winback > chosen.p_winback) return `${head}; ${t.offerEarnsLess(runnerUp.offer_type)}`;
  return head;
}
