/**
 * The offer × channel comparison behind one customer's choice (`plan --explain`): every
 * permitted action that was valued, the winner, and why it won over the runner-up.
 */
import { CHANNELS, type Channel } from './playbook-types.js';
import type { OfferValue, ValueResult } from './value-types.js';
import { formatMoney } from './value-explain.js';

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
export function compareActions(v: Pick<ValueResult, 'offersConsidered' | 'offer_type' | 'channel' | 'decision'>, symbol: string): ActionComparison {
  const offers = [...new Set(v.offersConsidered.map((o) => o.offer_type))];
  const channels = CHANNELS.filter((c) => v.offersConsidered.some((o) => o.channel === c));
  const cells: ActionComparison['cells'] = {};
  for (const o of v.offersConsidered) (cells[o.offer_type] ??= {})[o.channel] = o;
  const chosen = v.offersConsidered.find((o) => o.offer_type === v.offer_type && o.channel === v.channel) ?? null;
  const runnerUp = chosen === null ? null : [...v.offersConsidered].filter((o) => o !== chosen).sort((a, b) => b.expected_value - a.expected_value)[0] ?? null;
  return { offers, channels, cells, chosen, runnerUp, why: whyOf(v.decision, chosen, runnerUp, symbol) };
}

function whyOf(decision: ValueResult['decision'], chosen: OfferValue | null, runnerUp: OfferValue | null, symbol: string): string {
  const money = (x: number) => formatMoney(x, symbol);
  if (chosen === null) return decision === 'never' ? 'not valued: no contact allowed' : 'no permitted action was valued';
  const what = `${chosen.offer_type} by ${chosen.channel}`;
  if (runnerUp === null) return `${what}: the only permitted action (${money(chosen.expected_value)})`;
  const margin = chosen.expected_value - runnerUp.expected_value;
  const rival = `${runnerUp.offer_type} by ${runnerUp.channel} (${money(runnerUp.expected_value)})`;
  const gap = Math.abs(margin) < 0.5 ? 'as much as' : `${money(margin)} more than`;
  const head = `${what}: highest incremental value (${money(chosen.expected_value)}), ${gap} the runner-up ${rival}`;
  if (runnerUp.channel !== chosen.channel && runnerUp.p_winback > chosen.p_winback) return `${head}; ${runnerUp.channel} wins back more but costs more than it adds`;
  if (runnerUp.offer_type !== chosen.offer_type && runnerUp.p_winback > chosen.p_winback) return `${head}; ${runnerUp.offer_type} wins back more but earns less per return`;
  return head;
}
