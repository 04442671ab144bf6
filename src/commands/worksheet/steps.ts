/**
 * The worksheet's templates in order, going forward and back between them, and templates 2
 * and 3: relationship and reasons, lessons from sales. Each answer is committed (and so
 * saved) before the next question.
 */
import type { ReasonCode } from '../../domain/playbook-types.js';
import type { WorksheetCustomer } from '../../domain/worksheet/apply.js';
import { formatDay, normaliseTypedDate, showDate } from '../../domain/worksheet/format.js';
import {
  answerOf, enterStep, recordLesson, recordRelationship, returnToStep, SWITCHING_PATHS, WORKSHEET_STEPS,
  type RelationshipAnswer, type SwitchingPath, type WorksheetSession, type WorksheetStep,
} from '../../domain/worksheet/session.js';
import { LESSON_QUESTION_IDS } from '../../domain/catalogue/index.js';
import { renderProgress, renderReasonCard } from '../../io/worksheet/render.js';
import { askQuestions, navChoices, walkPages, type Nav, type Page, type Question, type WalkEnd, type WorksheetFlow } from './flow.js';
import { measurePages } from './measures.js';
import { runSelectionStep } from './selection.js';

type OpenStep = Exclude<WorksheetStep, 'done'>;

/** Runs the templates from the session's step to the end, forward and back; returns the finished session. */
export async function runWorksheetFlow(flow: WorksheetFlow): Promise<WorksheetSession> {
  while (flow.session.step !== 'done') {
    const step = flow.session.step;
    const end = await runStep(flow, step);
    const at = WORKSHEET_STEPS.indexOf(step);
    if (end === 'done') await flow.commit(enterStep(flow.session, WORKSHEET_STEPS[at + 1] as WorksheetStep));
    else if (end === 'back') {
      // The previous step that has pages, at its last page; from the first step there is nowhere back to.
      const before = (WORKSHEET_STEPS.slice(0, at) as OpenStep[]).reverse().find((s) => pagesOf(flow, s).length > 0);
      const last = before === undefined ? undefined : pagesOf(flow, before).at(-1)?.key;
      // Nowhere further back: the step starts again at its first page.
      await flow.commit(before === undefined ? returnToStep(flow.session, step, pagesOf(flow, step)[0]?.key) : returnToStep(flow.session, before, last));
    } else await flow.commit(returnToStep(flow.session, end.to, pagesOf(flow, end.to as OpenStep)[0]?.key));
  }
  return flow.session;
}

/** Reopens a session at a step's first page, keeping every answer. */
export async function reopenAt(flow: WorksheetFlow, step: OpenStep): Promise<void> {
  await flow.commit(returnToStep(flow.session, step, pagesOf(flow, step)[0]?.key));
}

function runStep(flow: WorksheetFlow, step: OpenStep): Promise<WalkEnd> {
  if (step === 'selection') return runSelectionStep(flow);
  flow.say(`\n${flow.t.steps[step]}\n${step === 'lessons' ? '\n' : ''}`);
  return walkPages(flow, step, pagesOf(flow, step), step === 'lessons' ? [] : selected(flow));
}

/** The pages of a step as the answers so far make them. */
function pagesOf(flow: WorksheetFlow, step: OpenStep): Page[] {
  if (step === 'selection') {
    return flow.customers.filter((c) => c.base.value.decision !== 'never' && c.base.value.decision !== 'no_channel').map((c) => ({ key: c.base.row.customer_id, done: true, ask: async () => 'next' }));
  }
  if (step === 'relationship') return relationshipPages(flow);
  if (step === 'lessons') return lessonPages(flow);
  return measurePages(flow, selected(flow));
}

/** Customers the agreed plan wins back, in priority order. */
export function selected(flow: WorksheetFlow): WorksheetCustomer[] {
  return flow.customers.filter((c) => flow.current(c).value.decision === 'win_back');
}

/** Template 2: per selected customer, the former relationship, the reason and how the departure unfolded. */
export function runRelationshipStep(flow: WorksheetFlow): Promise<WalkEnd> {
  return runStep(flow, 'relationship');
}

function relationshipPages(flow: WorksheetFlow): Page[] {
  const list = selected(flow);
  return list.map((c, i) => ({
    key: c.base.row.customer_id,
    done: answerOf(flow.session, 'relationships', c.base.row.customer_id)?.done === true,
    ask: () => askRelationship(flow, c, i, list.length),
  }));
}

async function askRelationship(flow: WorksheetFlow, c: WorksheetCustomer, i: number, n: number): Promise<Nav> {
  const { t, deps } = flow;
  const { prompter } = deps;
  const id = c.base.row.customer_id;
  const before = flow.current(c);
  flow.say(renderProgress(t.steps.relationship, i, n, before, t, deps.color) + renderReasonCard(before, t, flow.lang));
  const row = c.base.row;
  const ask = relationshipField(flow, id);
  const prev = () => answerOf(flow.session, 'relationships', id);
  // At a terminal the details are optional (Enter goes on); an answers file may hold them all.
  let details = !prompter.interactive;
  const isCompetitor = () => details && prev()?.path === 'competitor';
  const since = row.customer_since !== undefined ? formatDay(row.customer_since, flow.lang) : '';
  const questions: Question[] = [
    {
      ask: async () => {
        const reasons = deps.setup.playbook.reasons.map((r) => ({ value: r.code, name: flow.lang === 'en' ? `${r.label.en} (${r.code})` : r.label.de }));
        const code = await prompter.select<ReasonCode | Nav>({
          key: ['relationships', id, 'reason_code'], message: t.ask.reason, default: prev()?.reason_code ?? before.entry.code, choices: [...reasons, ...navChoices(t, i, 'relationship')],
        });
        if (code.startsWith('@')) return code as Nav;
        const was = flow.current(c);
        await flow.commit(recordRelationship(flow.session, id, { reason_code: code as ReasonCode }));
        const after = flow.current(c);
        if (after.entry.code !== was.entry.code) {
          // The consultant sees at once what the corrected reason means for the plan.
          flow.say(`${t.notes.newMeasure(after.measure)}\n`);
          if (after.value.decision !== was.value.decision) flow.say(`${t.notes.nowDecision(t.decisions[after.value.decision])}\n`);
        }
        return undefined;
      },
    },
    {
      when: () => prompter.interactive,
      ask: async () => {
        const choice = await prompter.select<'next' | 'details'>({
          key: ['relationships', id, '@details'], message: t.ask.more, default: 'next', choices: [{ value: 'next', name: t.nav.next }, { value: 'details', name: t.nav.details }],
        });
        details = choice === 'details';
      },
    },
    { when: () => details, ask: () => ask('since', t.ask.since, since) },
    { when: () => details, ask: () => ask('bought', t.ask.bought, '') },
    { when: () => details, ask: () => ask('contact', t.ask.contact, row.account_manager ?? '') },
    { when: () => details, ask: () => ask('reason_view', t.ask.reasonView, row.reason ?? '') },
    { when: () => details, ask: () => ask('incident_what', t.ask.incidentWhat, '') },
    { when: () => details, ask: () => ask('incident_when', t.ask.incidentWhen, '') },
    { when: () => details, ask: () => ask('incident_handled', t.ask.incidentHandled, '') },
    {
      when: () => details,
      ask: async () => {
        const path = await prompter.select<SwitchingPath | ''>({
          key: ['relationships', id, 'path'], message: t.ask.path, default: prev()?.path ?? '',
          choices: [...SWITCHING_PATHS, '' as const].map((p) => ({ value: p, name: t.paths[p] })),
        });
        await flow.commit(recordRelationship(flow.session, id, { path }));
      },
    },
    { when: isCompetitor, ask: () => ask('competitor', t.ask.competitor, row.competitor ?? '') },
    {
      when: isCompetitor,
      ask: () => {
        const end = row.competitor_contract_end !== undefined ? formatDay(row.competitor_contract_end, flow.lang) : '';
        return ask('contract_end', t.ask.contractEnd, end, true);
      },
    },
  ];
  const nav = await askQuestions(questions);
  if (nav === 'next') await flow.commit(recordRelationship(flow.session, id, { done: true }));
  return nav;
}

type TextField = 'since' | 'bought' | 'contact' | 'reason_view' | 'incident_what' | 'incident_when' | 'incident_handled' | 'competitor' | 'contract_end';

/** Asks one free-text field of template 2; an earlier answer is the default. A date is stored as YYYY-MM-DD. */
function relationshipField(flow: WorksheetFlow, id: string) {
  return async (field: TextField, message: string, fallback: string, isDate = false): Promise<void> => {
    const prev: RelationshipAnswer | undefined = answerOf(flow.session, 'relationships', id);
    const earlier = prev?.[field];
    const def = earlier !== undefined ? (isDate ? showDate(earlier, flow.lang) : earlier) : fallback;
    const validate = isDate ? (v: string) => (normaliseTypedDate(v) !== undefined ? true : flow.t.ask.badDate) : undefined;
    const value = await flow.deps.prompter.input({
      key: ['relationships', id, field], message, ...(def ? { default: def } : {}), ...(validate ? { validate: (v) => validate(v.trim()) } : {}),
    });
    const stored = isDate ? (normaliseTypedDate(value) as string) : value.trim();
    await flow.commit(recordRelationship(flow.session, id, { [field]: stored }));
  };
}

/** Template 3: the handbook's questions to sales, answered once for the whole session; asked again with the answer as default when revisited. */
export function runLessonsStep(flow: WorksheetFlow): Promise<WalkEnd> {
  return runStep(flow, 'lessons');
}

function lessonPages(flow: WorksheetFlow): Page[] {
  return LESSON_QUESTION_IDS.map((q) => ({
    key: `@lessons.${q}`,
    done: flow.session.lessons[q] !== undefined,
    ask: async () => {
      const prev = flow.session.lessons[q];
      const answer = await flow.deps.prompter.text({ key: ['lessons', q], message: flow.t.lessons[q], ...(prev ? { default: prev } : {}) });
      await flow.commit(recordLesson(flow.session, q, answer.trim()));
      return 'next' as const;
    },
  }));
}

export { runMeasuresStep } from './measures.js';
