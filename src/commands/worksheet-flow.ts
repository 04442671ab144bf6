/**
 * The worksheet conversation: the four templates in order, customer by customer. It asks
 * through a `Prompter` (terminal, answers file or test script), saves the session after
 * every answer, and resumes a session at the step and customer where it stopped.
 */
import { applyWorksheet, compareByPriority, type WorksheetCustomer } from '../domain/worksheet-apply.js';
import type { PlannedCustomer, PlanSetup } from '../domain/plan.js';
import {
  answerOf, CONSULTANT_DECISIONS, CURSOR_END, moveCursor, moveToStep, recordDecision, type ConsultantDecision, type WorksheetSession, type WorksheetStep,
} from '../domain/worksheet-session.js';
import { worksheetTexts, type WorksheetTexts } from '../domain/worksheet-texts.js';
import type { Prompter, PromptChoice } from '../io/prompts.js';
import { renderProgress, renderRankedTable, renderSelectionCard } from '../io/worksheet-render.js';
import { enterCustomers } from './worksheet-manual.js';
import { runLessonsStep, runMeasuresStep, runRelationshipStep } from './worksheet-steps.js';

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

/** Runs the templates from the session's step to the end; returns the finished session. */
export async function runWorksheetFlow(flow: WorksheetFlow): Promise<WorksheetSession> {
  const steps: [WorksheetStep, (f: WorksheetFlow) => Promise<void>, WorksheetStep][] = [
    ['selection', runSelectionStep, 'relationship'],
    ['relationship', runRelationshipStep, 'lessons'],
    ['lessons', runLessonsStep, 'measures'],
    ['measures', runMeasuresStep, 'done'],
  ];
  for (const [step, run, next] of steps) {
    if (flow.session.step !== step) continue;
    await run(flow);
    await flow.commit(moveToStep(flow.session, next));
  }
  return flow.session;
}

/** Template 1: enter customers by hand when there is no export, then confirm or override each decision. */
export async function runSelectionStep(flow: WorksheetFlow): Promise<void> {
  if (flow.session.file === null) await enterCustomers(flow);
  const { setup } = flow.deps;
  flow.say(`\n${flow.t.steps.selection}\n\n`);
  flow.say(renderRankedTable(flow.customers.map((c) => c.base), flow.t, flow.lang, setup.config.model.currencySymbol, flow.deps.color));
  // Nobody who may not be contacted (an objection, a final reason, no permitted channel) is put to the consultant.
  const list = flow.customers.filter((c) => c.base.value.decision !== 'never' && c.base.value.decision !== 'no_channel');
  await walkCustomers(flow, 'selection', list, (id) => answerOf(flow.session, 'decisions', id)?.done === true, (c, i, n) => askDecision(flow, c, i, n));
}

async function askDecision(flow: WorksheetFlow, c: WorksheetCustomer, i: number, n: number): Promise<Nav> {
  const { t, deps } = flow;
  const p = c.base;
  const id = p.row.customer_id;
  const model = p.value.decision as ConsultantDecision;
  flow.say(renderProgress(t.steps.selection, i, n, p, t, deps.color) + renderSelectionCard(p, t, flow.lang, deps.setup.config.model.currencySymbol));
  const prev = answerOf(flow.session, 'decisions', id);
  const choices = CONSULTANT_DECISIONS.map((d) => ({ value: d, name: d === model ? `${t.decisions[d]} (${t.doc.model.toLowerCase()})` : t.decisions[d] }));
  const decision = await deps.prompter.select<ConsultantDecision | Nav>({
    key: ['decisions', id, 'decision'], message: t.ask.decision, default: prev?.decision ?? model, choices: [...choices, ...navChoices(t, i)],
  });
  if (decision.startsWith('@')) return decision as Nav;
  const chosen = decision as ConsultantDecision;
  if (chosen === model) {
    await flow.commit(recordDecision(flow.session, id, { decision: chosen, why: '', overridden: false, done: true }));
    return 'next';
  }
  await flow.commit(recordDecision(flow.session, id, { decision: chosen, why: prev?.why ?? '', overridden: true, done: false }));
  const why = await deps.prompter.input({
    key: ['decisions', id, 'why'], message: t.ask.whyOverride, ...(prev?.why ? { default: prev.why } : {}),
    validate: (v) => (v.trim() !== '' ? true : t.ask.whyRequired),
  });
  await flow.commit(recordDecision(flow.session, id, { decision: chosen, why: why.trim(), overridden: true, done: true }));
  return 'next';
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
