/**
 * Template 4 of the worksheet, the measures plan: per selected customer channel, offer,
 * measure, date and responsible person, pre-filled from the plan (at a terminal one Enter
 * accepts them all); then the measures for the whole group and the changes to the offering.
 */
import { parseIsoDay } from '../../domain/dates.js';
import type { Channel } from '../../domain/playbook-types.js';
import { measureDefaults, type WorksheetCustomer } from '../../domain/worksheet/apply.js';
import { contactableChannels, formatDay, formatWorksheetMoney, normaliseTypedDate, showDate } from '../../domain/worksheet/format.js';
import { answerOf, recordGroup, recordMeasure } from '../../domain/worksheet/session.js';
import { channelName } from '../../domain/catalogue/index.js';
import { currentTableWidth, truncate } from '../../io/render.js';
import { renderMeasureCard, renderProgress } from '../../io/worksheet/render.js';
import { askQuestions, navChoices, walkPages, type Nav, type Page, type WalkEnd, type WorksheetFlow } from './flow.js';

/** Template 4: per selected customer the measure plan, pre-filled; then group measures and offering changes. */
export async function runMeasuresStep(flow: WorksheetFlow): Promise<WalkEnd> {
  flow.say(`\n${flow.t.steps.measures}\n`);
  const list = flow.customers.filter((c) => flow.current(c).value.decision === 'win_back');
  return walkPages(flow, 'measures', measurePages(flow, list), list);
}

/** The customers' pages, then the two questions for the whole group. */
export function measurePages(flow: WorksheetFlow, list: readonly WorksheetCustomer[]): Page[] {
  const { t } = flow;
  const group = (field: 'measures' | 'offering', message: string): Page => ({
    key: `@group.${field}`,
    done: flow.session.group[field] !== undefined,
    ask: async () => {
      const prev = flow.session.group[field];
      const answer = await flow.deps.prompter.text({ key: ['group', field], message, ...(prev ? { default: prev } : {}) });
      await flow.commit(recordGroup(flow.session, { [field]: answer.trim() }));
      return 'next';
    },
  });
  return [
    ...list.map((c, i) => ({
      key: c.base.row.customer_id,
      done: answerOf(flow.session, 'measures', c.base.row.customer_id)?.done === true,
      ask: () => askMeasure(flow, c, i, list.length),
    })),
    group('measures', t.ask.groupMeasures),
    group('offering', t.ask.offering),
  ];
}

async function askMeasure(flow: WorksheetFlow, c: WorksheetCustomer, i: number, n: number): Promise<Nav> {
  const { t, deps, lang } = flow;
  const { prompter } = deps;
  const id = c.base.row.customer_id;
  const p = flow.current(c);
  const d = measureDefaults(p);
  const prev = () => answerOf(flow.session, 'measures', id);
  flow.say(renderProgress(t.steps.measures, i, n, p, t, deps.color) + renderMeasureCard(p, t, lang));
  const money = (v: number) => formatWorksheetMoney(v, deps.setup.config.model.currencySymbol, lang);
  const label = (o: string) => deps.setup.playbook.offers.find((x) => x.id === o)?.label[lang] ?? o;
  // At a terminal the whole pre-filled plan is accepted with one Enter; an answers file may hold every field.
  let change = !prompter.interactive;
  let channel: Channel | undefined;
  // A person at the terminal is told at once that a day before the run's cannot be planned; an answers file's is moved, with a note in plan.csv.
  const plannedDateProblem = (v: string): string | undefined => {
    const typed = normaliseTypedDate(v);
    if (typed === undefined) return t.ask.badDate;
    const day = parseIsoDay(typed);
    return prompter.interactive && day !== undefined && day < deps.setup.asOf ? t.ask.beforeAsOf(formatDay(deps.setup.asOf, lang)) : undefined;
  };
  const field = (name: 'measure' | 'date' | 'responsible', message: string, fallback: string) => async () => {
    const earlier = prev()?.[name];
    const isDate = name === 'date';
    const def = earlier !== undefined ? (isDate ? showDate(earlier, lang) : earlier) : fallback;
    const value = await prompter.input({
      key: ['measures', id, name], message, ...(def ? { default: def } : {}),
      ...(isDate ? { validate: (v: string) => plannedDateProblem(v) ?? true } : {}),
    });
    await flow.commit(recordMeasure(flow.session, id, { [name]: isDate ? (normaliseTypedDate(value) as string) : value.trim() }));
  };
  const nav = await askQuestions([
    {
      when: () => prompter.interactive,
      ask: async () => {
        const agreed = flow.current(c, true);
        const plan = [channelName(agreed.channel, lang), label(agreed.value.offer_type ?? d.offer), agreed.window ? formatDay(agreed.window.contactFrom, lang) : '', prev()?.responsible ?? d.responsible]
          .filter((x) => x !== '').join(' · ');
        const choice = await prompter.select<'accept' | 'change' | Nav>({
          key: ['measures', id, '@plan'], message: t.notes.planLine, default: 'accept',
          choices: [{ value: 'accept', name: truncate(t.nav.accept(plan), currentTableWidth() - 4) }, { value: 'change', name: t.nav.change }, ...navChoices(t, i, 'measures')],
        });
        if (choice.startsWith('@')) return choice as Nav;
        change = choice === 'change';
        return undefined;
      },
    },
    {
      when: () => change,
      ask: async () => {
        // Only the channels this customer may be contacted on.
        const channels = contactableChannels(p.permission).map((ch) => ({ value: ch, name: channelName(ch, lang) }));
        const nav = prompter.interactive ? [] : navChoices(t, i, 'measures');
        const chosen = await prompter.select<Channel | Nav>({
          key: ['measures', id, 'channel'], message: t.ask.channel, default: prev()?.channel ?? (d.channel || undefined), choices: [...channels, ...nav],
        });
        if (chosen.startsWith('@')) return chosen as Nav;
        channel = chosen as Channel;
        await flow.commit(recordMeasure(flow.session, id, { channel }));
        return undefined;
      },
    },
    {
      when: () => change,
      ask: async () => {
        // Offers valued on the channel just chosen, so a channel change shows the offers' new values.
        const onChannel = p.value.offersConsidered.filter((o) => o.channel === channel);
        const offers = onChannel.length > 0
          ? onChannel.map((o) => ({ value: o.offer_type, name: `${label(o.offer_type)} (${t.notes.offerValue} ${money(o.expected_value)})` }))
          : [{ value: d.offer, name: label(d.offer) }];
        const earlier = prev()?.offer;
        const def = earlier !== undefined && offers.some((o) => o.value === earlier) ? earlier : d.offer;
        const offer = await prompter.select<string>({ key: ['measures', id, 'offer'], message: t.ask.offer, default: def, choices: offers });
        await flow.commit(recordMeasure(flow.session, id, { offer }));
      },
    },
    { when: () => change, ask: field('measure', t.ask.measure, d.measure) },
    { when: () => change, ask: field('date', t.ask.date, d.date === '' ? '' : showDate(d.date, lang)) },
    { when: () => change, ask: field('responsible', t.ask.responsible, d.responsible) },
  ]);
  if (nav === 'next') await flow.commit(recordMeasure(flow.session, id, { done: true }));
  return nav;
}
