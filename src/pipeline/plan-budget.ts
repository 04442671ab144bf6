/**
 * `--budget AMOUNT` of plan and campaign: a first pass plans every row to find the contacts
 * worth making and what each spends, the pure core picks the best per unit of cost, and the
 * setup carries the choice into the real run, so every output agrees on who is approached.
 */
import type { BackIndex } from '../domain/results/attribution.js';
import type { Context } from '../io/context.js';
import { choiceWithinBudget } from '../domain/budget/budget.js';
import { BudgetCandidates } from '../domain/budget/columns.js';
import type { BudgetFigures, ChannelCaps } from '../domain/budget/types.js';
import { CHANNELS } from '../domain/playbook-types.js';
import { UsageError } from '../errors.js';
import { formatFixedGrouped, formatWhole, messages, type Lang } from '../domain/catalogue/index.js';
import { planExport } from '../engine/index.js';
import { openLostCustomers, type LoadedPlanSetup } from './plan-setup.js';
import { addCandidate, createProjection } from './budget-project.js';

/** Parses --budget: a positive amount in the export's currency, e.g. 50000 or 2500.50. */
export function parseBudget(text: string | undefined, lang: Lang = 'en'): number | undefined {
  if (text === undefined) return undefined;
  const say = messages(lang).budget;
  const t = text.trim();
  // "1.000" or "1,000": a German thousand or an English one, or one unit with decimals: refused, not guessed.
  const single = /^(\d{1,3})([.,])(\d{3})$/.exec(t);
  if (single) throw new UsageError(say.ambiguous(text), say.ambiguousHint(`${single[1]}${single[3]}`, `${single[1]}.${single[3]}`));
  const amount = budgetNumber(t);
  if (!(amount > 0)) throw new UsageError(say.notPositive(text), say.notPositiveHint);
  return amount;
}

/**
 * An amount as people write it: 50000, 50000.5 or 50000,5 (either decimal mark), 1.000.000 or
 * 1,000,000 (grouping), 1.000,50 or 1,000.50 (both: the last is the decimal mark). NaN otherwise.
 */
function budgetNumber(t: string): number {
  if (/^\d+(?:[.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  const grouped = /^\d{1,3}([.,])\d{3}(?:\1\d{3})*(?:([.,])(\d+))?$/.exec(t);
  if (grouped && grouped[2] !== grouped[1]) return Number(t.split(grouped[1] as string).join('').replace(',', '.'));
  return NaN;
}

/**
 * Plans every row once to choose the contacts within the budget and the places per channel
 * (`amount` Infinity: places alone); sets the choice on the setup. `planning`: the run's
 * threads (the main thread included; default 1) and smallest export planned on workers.
 */
export async function chooseWithinBudget(
  ctx: Context, file: string, loaded: LoadedPlanSetup, amount: number, caps: ChannelCaps = {}, planning: { threads?: number; minParallelBytes?: number } = {}, back?: BackIndex,
): Promise<BudgetFigures> {
  const { setup } = loaded;
  const say = messages(setup.lang).budget;
  if (file === '-') throw new UsageError(say.stdin(Number.isFinite(amount) ? '--budget' : '--capacity'), say.stdinHint);
  const first = await openLostCustomers(ctx, file, loaded);
  // Duplicate ids decided as in the real run (a later row may win: the export is read again).
  // Rejects are checked by the real run.
  const { made: candidates, objectorKeys } = await planExport(ctx, file, loaded, first, {
    order: 'input',
    checkRejects: false,
    // In columns: a million rows give hundreds of thousands of candidates (domain/budget.ts).
    start: () => new BudgetCandidates(),
    // Planned where the rows are (on workers for a large export): each candidate comes back as a record.
    records: {
      module: new URL('./budget-project.js', import.meta.url).href,
      // Customers who came back (campaign --outcomes) buy nothing: sent to the workers as plain pairs.
      options: back === undefined ? null : { back: [...back] },
      create: createProjection,
      take: addCandidate,
    },
    threads: planning.threads ?? 1,
    ...(planning.minParallelBytes === undefined ? {} : { minParallelBytes: planning.minParallelBytes }),
  });
  // The figures and the compact choice only: no Map of the customers stays beside the plan itself.
  const { figures, choice } = choiceWithinBudget(candidates, amount, caps);
  setup.budget = { amount, choice, caps };
  // The limited plan is made as the candidates were: with the objectors' contact points from the start (permission/objector-keys.ts).
  if (objectorKeys) setup.objectorKeys = objectorKeys;
  return figures;
}

/** One line on what the budget bought and what the next unit of money would buy. */
export function budgetLine(b: BudgetFigures, symbol: string, lang: Lang): string {
  const say = messages(lang).budget;
  const money = (v: number) => (lang === 'de' ? `${formatWhole(v, 'de')}\u00a0${symbol.trim()}` : `${symbol}${Math.round(v).toLocaleString('en-US')}`);
  const count = (v: number) => (lang === 'de' ? formatWhole(v, 'de') : String(v));
  const next = b.next === null ? say.allFit : say.next(symbol, formatFixedGrouped(b.next.ratio, 2, lang), b.next.id, b.next.offer, b.next.channel, b.next.from);
  return say.line(money(b.amount), count(b.contacts), money(b.spent), money(b.value), count(b.leftOut), next);
}

/** One line on the places per channel: what each carries, who took a lesser action, who is over capacity. */
export function capacityLine(b: BudgetFigures, lang: Lang): string {
  const say = messages(lang);
  const count = (v: number) => (lang === 'de' ? formatWhole(v, 'de') : String(v));
  const caps = CHANNELS.filter((c) => b.caps[c] !== undefined).map((c) => `${say.names.channel(c)}=${count(b.caps[c] as number)}`).join(', ');
  const used = CHANNELS.map((c) => `${say.names.channel(c)} ${count(b.used[c])}`).join(', ');
  return say.capacity.line(caps, used, count(b.boundByCapacity - b.overCapacity), count(b.overCapacity));
}

/** The places' figures for summary.json (`capacity`). */
export function capacityJson(b: BudgetFigures) {
  return { caps: b.caps, contacts: b.used, lesser_action: b.boundByCapacity - b.overCapacity, over_capacity: b.overCapacity };
}

/** The budget's figures for summary.json. */
export function budgetJson(b: BudgetFigures) {
  const cents = (v: number) => Math.round(v * 100) / 100;
  return {
    amount: b.amount, contacts: b.contacts, spent: cents(b.spent), expected_value: cents(b.value), left_out: b.leftOut,
    // The next step: a customer's first action, or an upgrade of a chosen one (from: the action it would replace).
    next: b.next === null ? null : {
      customer_id: b.next.id, value_per_cost: Number(b.next.ratio.toFixed(4)), spend: cents(b.next.spend),
      offer_type: b.next.offer, channel: b.next.channel, from: b.next.from === null ? null : { offer_type: b.next.from.offer, channel: b.next.from.channel },
    },
  };
}
