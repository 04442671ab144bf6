/**
 * The worksheet conversation the templates share: the session so far, the customers in
 * priority order, and the walk through a step's pages (a customer, or one question for the
 * whole session) with skip, back, search, finish, back to an earlier step and quit. Esc
 * goes back one question, from a page's first question to the previous page, and from a
 * step's first page to the previous step. It asks through a `Prompter` (terminal, answers
 * file or test script) and saves the session after every answer, so a session resumes at
 * the step and page where it stopped. The templates themselves are in
 * selection.ts (1) and steps.ts (2–4).
 */
import { applyWorksheet, compareByPriority, type WorksheetCustomer } from '../../domain/worksheet/apply.js';
import type { PlannedCustomer, PlanSetup } from '../../domain/plan/plan.js';
import { CURSOR_END, moveCursor, WORKSHEET_STEPS, type WorksheetSession, type WorksheetStep } from '../../domain/worksheet/session.js';
import { type WorksheetTexts, messages } from '../../domain/catalogue/index.js';
import { PromptBack, type Prompter, type PromptChoice } from '../../io/prompts.js';

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
export type Nav = 'next' | '@skip' | '@back' | '@search' | '@finish' | '@steps' | '@quit';

/** Thrown when the person chose to save and quit; the session is saved already. */
export class QuitRequested extends Error {
  constructor() {
    super('quit requested');
    this.name = 'QuitRequested';
  }
}

/** The running conversation: the session so far and the customers in priority order. */
export class WorksheetFlow {
  readonly t: WorksheetTexts;
  constructor(readonly deps: WorksheetFlowDeps, public session: WorksheetSession, public customers: WorksheetCustomer[]) {
    this.t = messages(session.lang).worksheet.texts;
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
export function navChoices(t: WorksheetTexts, index: number, step: WorksheetStep): PromptChoice<Nav>[] {
  return [
    { value: '@skip', name: t.nav.skip },
    ...(index > 0 ? [{ value: '@back' as const, name: t.nav.back }] : []),
    { value: '@search', name: t.nav.search },
    { value: '@finish', name: t.nav.finish },
    ...(step !== 'selection' ? [{ value: '@steps' as const, name: t.nav.steps }] : []),
    { value: '@quit', name: t.nav.quit },
  ];
}

/** One stop of a step: a customer's questions, or one question for the whole session. */
export interface Page {
  key: string;
  /** answered already (a fresh walk starts at the first page that is not) */
  done: boolean;
  /** asks the page's questions; a customer page gets its place among the step's customers */
  ask: () => Promise<Nav>;
}

/** How a walk through a step ended. */
export type WalkEnd = 'done' | 'back' | { to: WorksheetStep };

/**
 * Walks a step's pages from the step's cursor (else the first open page, else the first),
 * one page after another, following the navigation answers.
 */
export async function walkPages(flow: WorksheetFlow, step: WorksheetStep, pages: readonly Page[], customers: readonly WorksheetCustomer[] = []): Promise<WalkEnd> {
  const cursor = flow.session.cursor[step];
  if (cursor === CURSOR_END) return 'done';
  const at = pages.findIndex((p) => p.key === cursor);
  const open = pages.findIndex((p) => !p.done);
  let i = at >= 0 ? at : Math.max(0, open);
  while (i < pages.length) {
    const page = pages[i] as Page;
    await flow.commit(moveCursor(flow.session, step, page.key));
    let nav: Nav;
    try {
      nav = await page.ask();
    } catch (err) {
      if (!(err instanceof PromptBack)) throw err;
      nav = '@back';
    }
    if (nav === '@finish') {
      // The remaining customers keep their defaults; the step's questions for the whole group are still asked.
      const rest = pages.findIndex((p, k) => k > i && !customers.some((c) => c.base.row.customer_id === p.key));
      if (rest < 0) break;
      i = rest;
      continue;
    }
    if (nav === '@quit') throw new QuitRequested();
    if (nav === '@steps') {
      const to = await chooseEarlierStep(flow, step);
      if (to !== undefined) return { to };
    } else if (nav === '@back') {
      if (i === 0) return 'back';
      i -= 1;
    } else if (nav === '@search') {
      const id = await searchCustomer(flow, customers);
      const j = pages.findIndex((p) => p.key === id);
      if (j >= 0) i = j;
    } else i += 1;
  }
  await flow.commit(moveCursor(flow.session, step, CURSOR_END));
  return 'done';
}

/** One question of a page; `when` leaves it out (also when going back) while it does not apply. */
export interface Question {
  ask: () => Promise<Nav | void>;
  when?: () => boolean;
}

/**
 * Asks a page's questions in order. Esc goes back to the previous question that applies;
 * at the first question the page answers '@back'. A navigation answer ends the page.
 */
export async function askQuestions(questions: readonly Question[]): Promise<Nav> {
  const applies = (k: number) => questions[k]?.when?.() ?? true;
  let i = 0;
  while (i < questions.length) {
    if (!applies(i)) {
      i += 1;
      continue;
    }
    try {
      const nav = await (questions[i] as Question).ask();
      if (nav !== undefined && nav !== 'next') return nav;
      i += 1;
    } catch (err) {
      if (!(err instanceof PromptBack)) throw err;
      do i -= 1;
      while (i >= 0 && !applies(i));
      if (i < 0) return '@back';
    }
  }
  return 'next';
}

/** The step to go back to, chosen from the earlier ones; undefined (stay) on Esc. */
async function chooseEarlierStep(flow: WorksheetFlow, step: WorksheetStep): Promise<WorksheetStep | undefined> {
  const earlier = WORKSHEET_STEPS.slice(0, WORKSHEET_STEPS.indexOf(step)).filter((s): s is Exclude<WorksheetStep, 'done'> => s !== 'done');
  if (earlier.length === 0) return undefined;
  try {
    return await flow.deps.prompter.select<WorksheetStep>({
      key: ['@steps'], message: flow.t.ask.step, default: earlier.at(-1), choices: earlier.map((s) => ({ value: s, name: flow.t.steps[s] })),
    });
  } catch (err) {
    if (err instanceof PromptBack) return undefined;
    throw err;
  }
}

async function searchCustomer(flow: WorksheetFlow, list: readonly WorksheetCustomer[]): Promise<string | undefined> {
  try {
    return await flow.deps.prompter.search<string>({
      key: ['@search'], message: flow.t.ask.searchCustomer,
      source: (term) => {
        const needle = term.trim().toLowerCase();
        return list
          .filter((c) => needle === '' || c.base.row.customer_id.toLowerCase().includes(needle) || (c.base.row.name ?? '').toLowerCase().includes(needle))
          .slice(0, 30)
          .map((c) => ({ value: c.base.row.customer_id, name: `${c.base.row.customer_id}  ${c.base.row.name ?? ''}` }));
      },
    });
  } catch (err) {
    if (err instanceof PromptBack) return undefined;
    throw err;
  }
}
