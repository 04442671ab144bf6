/**
 * The worksheet's templates in order, and templates 2–4: relationship and reasons, lessons
 * from sales, and the measures plan. Each answer is committed (and so saved) before the
 * next question.
 */
import { formatIsoDay, parseIsoDay } from '../domain/dates.js';
import { CHANNELS, type Channel, type ReasonCode } from '../domain/playbook-types.js';
import { measureDefaults, type WorksheetCustomer } from '../domain/worksheet-apply.js';
import {
  answerOf, moveToStep, recordGroup, recordLesson, recordMeasure, recordRelationship, SWITCHING_PATHS,
  type MeasureAnswer, type RelationshipAnswer, type SwitchingPath, type WorksheetSession, type WorksheetStep,
} from '../domain/worksheet-session.js';
import { channelName, LESSON_QUESTION_IDS } from '../domain/worksheet-texts.js';
import { formatMoneyText } from '../domain/messages.js';
import { renderMeasureCard, renderProgress, renderReasonCard } from '../io/worksheet-render.js';
import { navChoices, walkCustomers, type Nav, type WorksheetFlow } from './worksheet-flow.js';
import { runSelectionStep } from './worksheet-selection.js';

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

/** Customers the agreed plan wins back, in priority order. */
function selected(flow: WorksheetFlow): WorksheetCustomer[] {
  return flow.customers.filter((c) => flow.current(c).value.decision === 'win_back');
}

/** Template 2: per selected customer, the former relationship, the reason and how the departure unfolded. */
export async function runRelationshipStep(flow: WorksheetFlow): Promise<void> {
  flow.say(`\n${flow.t.steps.relationship}\n`);
  const list = selected(flow);
  await walkCustomers(flow, 'relationship', list, (id) => answerOf(flow.session, 'relationships', id)?.done === true, (c, i, n) => askRelationship(flow, c, i, n));
}

async function askRelationship(flow: WorksheetFlow, c: WorksheetCustomer, i: number, n: number): Promise<Nav> {
  const { t, deps } = flow;
  const { prompter } = deps;
  const id = c.base.row.customer_id;
  const before = flow.current(c);
  flow.say(renderProgress(t.steps.relationship, i, n, before, t, deps.color) + renderReasonCard(before, t, flow.lang));
  const reasons = deps.setup.playbook.reasons.map((r) => ({ value: r.code, name: `${r.label[flow.lang]} (${r.code})` }));
  const code = await prompter.select<ReasonCode | Nav>({
    key: ['relationships', id, 'reason_code'], message: t.ask.reason, default: before.entry.code, choices: [...reasons, ...navChoices(t, i)],
  });
  if (code.startsWith('@')) return code as Nav;
  await flow.commit(recordRelationship(flow.session, id, { reason_code: code as ReasonCode }));
  const after = flow.current(c);
  if (after.entry.code !== before.entry.code) {
    // The consultant sees at once what the corrected reason means for the plan.
    flow.say(`${t.notes.newMeasure(after.measure)}\n`);
    if (after.value.decision !== before.value.decision) flow.say(`${t.notes.nowDecision(t.decisions[after.value.decision])}\n`);
  }
  const row = c.base.row;
  const ask = relationshipField(flow, id);
  await ask('since', t.ask.since, row.customer_since !== undefined ? formatIsoDay(row.customer_since) : '');
  await ask('bought', t.ask.bought, '');
  await ask('contact', t.ask.contact, row.account_manager ?? '');
  await ask('reason_view', t.ask.reasonView, row.reason ?? '');
  await ask('incident_what', t.ask.incidentWhat, '');
  await ask('incident_when', t.ask.incidentWhen, '');
  await ask('incident_handled', t.ask.incidentHandled, '');
  const prev = answerOf(flow.session, 'relationships', id);
  const path = await prompter.select<SwitchingPath | ''>({
    key: ['relationships', id, 'path'], message: t.ask.path, default: prev?.path ?? '',
    choices: [...SWITCHING_PATHS, '' as const].map((p) => ({ value: p, name: t.paths[p] })),
  });
  await flow.commit(recordRelationship(flow.session, id, { path }));
  if (path === 'competitor') {
    await ask('competitor', t.ask.competitor, row.competitor ?? '');
    const end = row.competitor_contract_end !== undefined ? formatIsoDay(row.competitor_contract_end) : '';
    await ask('contract_end', t.ask.contractEnd, end, (v) => (v === '' || parseIsoDay(v) !== undefined ? true : t.ask.badDate));
  }
  await flow.commit(recordRelationship(flow.session, id, { done: true }));
  return 'next';
}

type TextField = 'since' | 'bought' | 'contact' | 'reason_view' | 'incident_what' | 'incident_when' | 'incident_handled' | 'competitor' | 'contract_end';

/** Asks one free-text field of template 2; an earlier answer is the default. */
function relationshipField(flow: WorksheetFlow, id: string) {
  return async (field: TextField, message: string, fallback: string, validate?: (v: string) => true | string): Promise<void> => {
    const prev: RelationshipAnswer | undefined = answerOf(flow.session, 'relationships', id);
    const def = prev?.[field] ?? fallback;
    const value = await flow.deps.prompter.input({
      key: ['relationships', id, field], message, ...(def ? { default: def } : {}), ...(validate ? { validate: (v) => validate(v.trim()) } : {}),
    });
    await flow.commit(recordRelationship(flow.session, id, { [field]: value.trim() }));
  };
}

/** Template 3: the handbook's questions to sales, answered once for the whole session. */
export async function runLessonsStep(flow: WorksheetFlow): Promise<void> {
  flow.say(`\n${flow.t.steps.lessons}\n\n`);
  for (const q of LESSON_QUESTION_IDS) {
    if (flow.session.lessons[q] !== undefined) continue;
    const answer = await flow.deps.prompter.text({ key: ['lessons', q], message: flow.t.lessons[q] });
    await flow.commit(recordLesson(flow.session, q, answer.trim()));
  }
}

/** Template 4: per selected customer the measure plan, pre-filled; then group measures and offering changes. */
export async function runMeasuresStep(flow: WorksheetFlow): Promise<void> {
  flow.say(`\n${flow.t.steps.measures}\n`);
  const list = selected(flow);
  await walkCustomers(flow, 'measures', list, (id) => answerOf(flow.session, 'measures', id)?.done === true, (c, i, n) => askMeasure(flow, c, i, n));
  const { t, deps } = flow;
  if (flow.session.group.measures === undefined) {
    const measures = await deps.prompter.text({ key: ['group', 'measures'], message: t.ask.groupMeasures });
    await flow.commit(recordGroup(flow.session, { measures: measures.trim() }));
  }
  if (flow.session.group.offering === undefined) {
    const offering = await deps.prompter.text({ key: ['group', 'offering'], message: t.ask.offering });
    await flow.commit(recordGroup(flow.session, { offering: offering.trim() }));
  }
}

async function askMeasure(flow: WorksheetFlow, c: WorksheetCustomer, i: number, n: number): Promise<Nav> {
  const { t, deps } = flow;
  const { prompter } = deps;
  const id = c.base.row.customer_id;
  const p = flow.current(c);
  const d = measureDefaults(p);
  const prev: MeasureAnswer | undefined = answerOf(flow.session, 'measures', id);
  flow.say(renderProgress(t.steps.measures, i, n, p, t, deps.color) + renderMeasureCard(p, t, flow.lang));
  // Only the channels this customer may be contacted on.
  const channels = CHANNELS.filter((ch) => p.permission.allowed[ch]).map((ch) => ({ value: ch, name: channelName(ch, flow.lang) }));
  const channel = await prompter.select<Channel | Nav>({
    key: ['measures', id, 'channel'], message: t.ask.channel, default: prev?.channel ?? (d.channel || undefined), choices: [...channels, ...navChoices(t, i)],
  });
  if (channel.startsWith('@')) return channel as Nav;
  await flow.commit(recordMeasure(flow.session, id, { channel: channel as Channel }));
  const money = (v: number) => formatMoneyText(v, deps.setup.config.model.currencySymbol, flow.lang);
  const label = (o: string) => deps.setup.playbook.offers.find((x) => x.id === o)?.label[flow.lang] ?? o;
  // Offers valued on the channel just chosen, so a channel change shows the offers' new values.
  const onChannel = p.value.offersConsidered.filter((o) => o.channel === channel);
  const offers = onChannel.length > 0
    ? onChannel.map((o) => ({ value: o.offer_type, name: `${label(o.offer_type)} (${t.doc.expectedValue} ${money(o.expected_value)})` }))
    : [{ value: d.offer, name: label(d.offer) }];
  const offer = await prompter.select<string>({ key: ['measures', id, 'offer'], message: t.ask.offer, default: prev?.offer ?? d.offer, choices: offers });
  await flow.commit(recordMeasure(flow.session, id, { offer }));
  const field = async (name: 'measure' | 'date' | 'responsible', message: string, fallback: string, validate?: (v: string) => true | string) => {
    const def = prev?.[name] ?? fallback;
    const value = await prompter.input({ key: ['measures', id, name], message, ...(def ? { default: def } : {}), ...(validate ? { validate: (v) => validate(v.trim()) } : {}) });
    await flow.commit(recordMeasure(flow.session, id, { [name]: value.trim() }));
  };
  await field('measure', t.ask.measure, d.measure);
  await field('date', t.ask.date, d.date, (v) => (v === '' || parseIsoDay(v) !== undefined ? true : t.ask.badDate));
  await field('responsible', t.ask.responsible, d.responsible);
  await flow.commit(recordMeasure(flow.session, id, { done: true }));
  return 'next';
}
