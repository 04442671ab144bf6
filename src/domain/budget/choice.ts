/**
 * The choice a budget made, as the plan reads it customer by customer (PlanSetup.budget): plain
 * data that crosses to the planning threads by structured clone. Pure.
 */
import { CHANNELS, type Channel } from '../playbook-types.js';
import { CHANNEL_CODE, type BudgetAction, type BudgetChoice, type BudgetSelection } from './types.js';

/** The choice of a selection: the actions of its chosen customers and the channels that bound the others. */
export function budgetChoice(selection: Pick<BudgetSelection, 'selected' | 'capacityBound'>): BudgetChoice {
  const ids = [...new Set([...selection.selected.keys(), ...selection.capacityBound.keys()])].sort();
  const choice = newChoice(ids.length);
  for (const id of ids) addToChoice(choice, id, selection.selected.get(id), selection.capacityBound.get(id));
  return finishedChoice(choice);
}

/** A choice being written, customer by customer in id order. */
export interface ChoiceWriter {
  ids: string[];
  ends: Uint32Array;
  codes: Uint16Array;
  actions: BudgetAction[];
  actionCode: Map<string, number>;
  at: number;
}

export function newChoice(size: number): ChoiceWriter {
  return { ids: [], ends: new Uint32Array(size), codes: new Uint16Array(size), actions: [], actionCode: new Map(), at: 0 };
}

export function addToChoice(w: ChoiceWriter, id: string, chosen: BudgetAction | undefined, bound: Channel | undefined): void {
  const i = w.ids.length;
  w.at += id.length;
  w.ends[i] = w.at;
  w.ids.push(id);
  let action = 0;
  if (chosen !== undefined) {
    const key = `${chosen.channel} ${chosen.offer}`;
    let code = w.actionCode.get(key);
    if (code === undefined) {
      code = w.actions.push({ offer: chosen.offer, channel: chosen.channel });
      if (code * 5 + 4 > 0xffff) throw new RangeError('a budget chooses among at most 13,106 distinct actions');
      w.actionCode.set(key, code);
    }
    action = code;
  }
  w.codes[i] = action * 5 + (bound === undefined ? 0 : CHANNEL_CODE[bound] + 1);
}

export function finishedChoice(w: ChoiceWriter): BudgetChoice {
  return { ids: w.ids.join(''), ends: w.ends, codes: w.codes, actions: w.actions };
}

/** The action chosen for customer `id`, and the channel whose places kept them from their best one; undefined for neither. */
export function choiceFor(choice: BudgetChoice, id: string): { action: BudgetAction | undefined; fullChannel: Channel | undefined } | undefined {
  const i = findId(choice, id);
  if (i < 0) return undefined;
  const code = choice.codes[i] as number;
  const action = Math.floor(code / 5);
  const bound = code % 5;
  return { action: action === 0 ? undefined : choice.actions[action - 1], fullChannel: bound === 0 ? undefined : CHANNELS[bound - 1] };
}

/** Where `id` is among the choice's sorted ids (binary search, comparing in place), or -1. */
function findId(choice: BudgetChoice, id: string): number {
  const { ids, ends } = choice;
  let lo = 0;
  let hi = ends.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const start = mid === 0 ? 0 : (ends[mid - 1] as number);
    const c = compareAt(ids, start, ends[mid] as number, id);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** ids[start, end) compared with `id` by UTF-16 units: negative when it sorts first. */
function compareAt(ids: string, start: number, end: number, id: string): number {
  const n = Math.min(end - start, id.length);
  for (let k = 0; k < n; k++) {
    const d = ids.charCodeAt(start + k) - id.charCodeAt(k);
    if (d !== 0) return d;
  }
  return end - start - id.length;
}
