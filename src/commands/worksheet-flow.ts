/**
 * The worksheet conversation the templates share: the session so far, the customers in
 * priority order, and the walk through them (skip, back, search, finish). It asks through a
 * `Prompter` (terminal, answers file or test script) and saves the session after every
 * answer, so a session resumes at the step and customer where it stopped. The templates
 * themselves are in worksheet-selection.ts (1) and worksheet-steps.ts (2–4).
 */
import { applyWorksheet, compareByPriority, type WorksheetCustomer } from '../domain/worksheet-apply.js';
import type { PlannedCustomer, PlanSetup } from '../domain/plan.js';
import { CURSOR_END, moveCursor, type WorksheetSession, type WorksheetStep } from '../domain/worksheet-session.js';
import { worksheetTexts, type WorksheetTexts } from '../domain/worksheet-texts.js';
import type { Prompter, PromptChoice } from '../io/prompts.js';

export interface WorksheetFlowDeps {
  prompter: Prompter;
  /** prints between questions (only when a person is answering) */
  say: (text: string) => void;
  /** persists the session; called after every answer */
  save: (session: WorksheetSession) => Promise<void>;
  setup: PlanSetup;
  color: boolean;
}

/** Navigation answers offered beside every customer's first question. */
export type Nav = 'next' | '@skip' | '@back' | '@search' | '@finish';

/** The running conversation: the session so far and the customers in priority order. */
export class WorksheetFlow {
  readonly t: WorksheetTexts;
  constructor(readonly deps: WorksheetFlowDeps, public session: WorksheetSession, public customers: WorksheetCustomer[]) {
    this.t = worksheetTexts(session.lang);
    this.customers.sort((a, b) => compareByPriority(a.base, b.base));
  }

  get lang(): 'en' | 'de' {
    return this.session.lang;
  }

  /** Applies an answer and saves the session before the next question is asked. */
  async commit(next: WorksheetSession): Promise<void> {
    if (next === this.session) return;
    this.session = next;
    await this.deps.save(next);
  }

  /** The customer's plan with the answers so far; without template 4 unless `withMeasures`. */
  current(c: WorksheetCustomer, withMeasures = false): PlannedCustomer {
    return applyWorksheet(c.base, this.session, this.deps.setup, withMeasures);
  }

  say(text: string): void {
    if (this.deps.prompter.interactive) this.deps.say(text);
  }
}

/** The navigation choices listed under a customer's first question. */
export function navChoices(t: WorksheetTexts, index: number): PromptChoice<Nav>[] {
  return [
    { value: '@skip', name: t.nav.skip },
    ...(index > 0 ? [{ value: '@back' as const, name: t.nav.back }] : []),
    { value: '@search', name: t.nav.search },
    { value: '@finish', name: t.nav.finish },
  ];
}

/**
 * Walks a step's customers: starts where the step stopped (its cursor, else the first open
 * customer), moves on to the next open one after an answer, and follows skip/back/search/finish.
 */
export async function walkCustomers(
  flow: WorksheetFlow, step: WorksheetStep, list: readonly WorksheetCustomer[],
  isDone: (id: string) => boolean, ask: (c: WorksheetCustomer, index: number, count: number) => Promise<Nav>,
): Promise<void> {
  const idOf = (c: WorksheetCustomer) => c.base.row.customer_id;
  const nextOpen = (after: number) => {
    const j = list.findIndex((c, k) => k > after && !isDone(idOf(c)));
    return j < 0 ? list.length : j;
  };
  const cursor = flow.session.cursor[step];
  if (cursor === CURSOR_END) return;
  const at = list.findIndex((c) => idOf(c) === cursor);
  let i = at >= 0 ? at : nextOpen(-1);
  while (i < list.length) {
    const c = list[i] as WorksheetCustomer;
    await flow.commit(moveCursor(flow.session, step, idOf(c)));
    const nav = await ask(c, i, list.length);
    if (nav === '@finish') break;
    if (nav === '@back') i = Math.max(0, i - 1);
    else if (nav === '@search') i = await searchCustomer(flow, list, i);
    else i = nextOpen(i);
  }
  await flow.commit(moveCursor(flow.session, step, CURSOR_END));
}

async function searchCustomer(flow: WorksheetFlow, list: readonly WorksheetCustomer[], from: number): Promise<number> {
  const id = await flow.deps.prompter.search<string>({
    key: ['@search'], message: flow.t.ask.searchCustomer,
    source: (term) => {
      const needle = term.trim().toLowerCase();
      return list
        .filter((c) => needle === '' || c.base.row.customer_id.toLowerCase().includes(needle) || (c.base.row.name ?? '').toLowerCase().includes(needle))
        .slice(0, 30)
        .map((c) => ({ value: c.base.row.customer_id, name: `${c.base.row.customer_id}  ${c.base.row.name ?? ''}` }));
    },
  });
  const i = list.findIndex((c) => c.base.row.customer_id === id);
  return i < 0 ? from : i;
}
