import { describe, expect, it } from 'vitest';
import { runLessonsStep, runMeasuresStep, runRelationshipStep, runWorksheetFlow } from '../../src/commands/worksheet/steps.js';
import { formatIsoDay, parseIsoDay } from '../../src/domain/dates.js';
import { applyWorksheet } from '../../src/domain/worksheet/apply.js';
import { moveToStep, newSession, recordLesson, recordMeasure, type WorksheetSession } from '../../src/domain/worksheet/session.js';
import { LESSON_QUESTION_IDS } from '../../src/domain/catalogue/index.js';
import { BACK, DEFAULT, type ScriptStep } from '../support/scripted-prompter.js';
import { AS_OF, FIXTURE, fixtureFlow } from '../support/worksheet-flow.js';

const TEXT_FIELDS = ['since', 'bought', 'contact', 'reason_view', 'incident_what', 'incident_when', 'incident_handled'];

function atStep(step: 'relationship' | 'lessons' | 'measures'): WorksheetSession {
  let s = newSession({ lang: 'en', asOf: AS_OF, file: FIXTURE });
  s = moveToStep(s, step);
  return s;
}

async function winBackIds(): Promise<string[]> {
  const { flow } = await fixtureFlow([]);
  return flow.customers.filter((c) => c.base.value.decision === 'win_back').map((c) => c.base.row.customer_id);
}

describe('worksheet step 2: relationship and reasons', () => {
  it('corrects the reason, shows the new playbook measure at once and re-plans with the contract end', async () => {
    const [id, next] = (await winBackIds()) as [string, string];
    const probe = await fixtureFlow([]);
    const base = probe.flow.customers.find((c) => c.base.row.customer_id === id)?.base;
    const corrected = base?.reason.code === 'poached' ? 'competitor_offer' : 'poached';
    const script: ScriptStep[] = [
      [`relationships/${id}/reason_code`, corrected],
      [`relationships/${id}/@details`, 'details'],
      ...TEXT_FIELDS.map((f) => [`relationships/${id}/${f}`, f === 'incident_what' ? 'invoice | twice wrong' : DEFAULT] as const),
      [`relationships/${id}/path`, 'competitor'],
      [`relationships/${id}/competitor`, 'Globex'],
      [`relationships/${id}/contract_end`, '2027-06-30'],
      [`relationships/${next}/reason_code`, '@finish'],
    ];
    const { flow, said, scripted, setup } = await fixtureFlow(script, { session: atStep('relationship') });
    await runRelationshipStep(flow);
    expect(scripted.remaining()).toBe(0);
    const poachedMeasure = setup.playbook.reasons.find((r) => r.code === corrected)?.measure.en as string;
    expect(said.join('')).toContain(poachedMeasure);
    const rel = flow.session.relationships[id];
    expect(rel).toMatchObject({ reason_code: corrected, path: 'competitor', competitor: 'Globex', contract_end: '2027-06-30', incident_what: 'invoice | twice wrong', done: true });
    // defaults come from the export: since = customer_since, the reason in the customer's words = the reason text
    expect(rel?.since).toBe(base?.row.customer_since === undefined ? '' : formatIsoDay(base.row.customer_since));
    expect(rel?.reason_view).toBe(base?.row.reason ?? '');
    const agreed = applyWorksheet(base!, flow.session, setup);
    expect(agreed.reason.code).toBe(corrected);
    expect(agreed.row.competitor_contract_end).toBe(parseIsoDay('2027-06-30'));
    expect(agreed.window?.contactUntil).toBeLessThan(parseIsoDay('2027-06-30') as number);
  });

  it('rejects a contract end that is not a date', async () => {
    const [id] = (await winBackIds()) as [string];
    const script: ScriptStep[] = [
      [`relationships/${id}/reason_code`, DEFAULT], [`relationships/${id}/@details`, 'details'], ...TEXT_FIELDS.map((f) => [`relationships/${id}/${f}`, DEFAULT] as const),
      [`relationships/${id}/path`, 'competitor'], [`relationships/${id}/competitor`, DEFAULT], [`relationships/${id}/contract_end`, '31.06.2027'],
    ];
    const { flow } = await fixtureFlow(script, { session: atStep('relationship') });
    await expect(runRelationshipStep(flow)).rejects.toThrow(/YYYY-MM-DD/);
  });

  it('takes one Enter per customer at a terminal, and Esc goes back a question, then a customer', async () => {
    const [a, b, c] = (await winBackIds()) as [string, string, string];
    const script: ScriptStep[] = [
      [`relationships/${a}/reason_code`, DEFAULT], [`relationships/${a}/@details`, DEFAULT],
      [`relationships/${b}/reason_code`, DEFAULT], [`relationships/${b}/@details`, 'details'], [`relationships/${b}/since`, BACK],
      [`relationships/${b}/@details`, BACK], [`relationships/${b}/reason_code`, BACK],
      [`relationships/${a}/reason_code`, DEFAULT], [`relationships/${a}/@details`, DEFAULT],
      [`relationships/${b}/reason_code`, DEFAULT], [`relationships/${b}/@details`, DEFAULT],
      [`relationships/${c}/reason_code`, '@finish'],
    ];
    const { flow, scripted } = await fixtureFlow(script, { session: atStep('relationship') });
    expect(await runRelationshipStep(flow)).toBe('done');
    expect(scripted.remaining()).toBe(0);
    expect(flow.session.relationships[a]).toMatchObject({ done: true });
    expect(flow.session.relationships[b]).toMatchObject({ done: true });
    expect(flow.session.relationships[b]?.since).toBeUndefined();
  });

  it('accepts a German date and stores it as YYYY-MM-DD', async () => {
    const [id] = (await winBackIds()) as [string];
    const script: ScriptStep[] = [
      [`relationships/${id}/reason_code`, DEFAULT], [`relationships/${id}/@details`, 'details'], ...TEXT_FIELDS.map((f) => [`relationships/${id}/${f}`, DEFAULT] as const),
      [`relationships/${id}/path`, 'competitor'], [`relationships/${id}/competitor`, DEFAULT], [`relationships/${id}/contract_end`, '30.06.2027'],
      [`relationships/${(await winBackIds())[1]}/reason_code`, '@finish'],
    ];
    const { flow } = await fixtureFlow(script, { session: atStep('relationship'), lang: 'de' });
    await runRelationshipStep(flow);
    expect(flow.session.relationships[id]?.contract_end).toBe('2027-06-30');
  });
});

describe('worksheet step 3: lessons from sales', () => {
  it('asks each handbook question once and skips answered ones on resume', async () => {
    const first = await fixtureFlow([[`lessons/${LESSON_QUESTION_IDS[0]}`, 'in spring, after the price rise']], { session: atStep('lessons') });
    await expect(runLessonsStep(first.flow)).rejects.toThrow(/script has ended/);
    const saved = first.saves.at(-1) as WorksheetSession;
    const rest = LESSON_QUESTION_IDS.slice(1).map((q) => [`lessons/${q}`, `  ${q}  `] as const);
    const resumed = await fixtureFlow(rest, { session: saved });
    await runLessonsStep(resumed.flow);
    expect(resumed.flow.session.lessons).toEqual({ lost_before: 'in spring, after the price rise', regained: 'regained', warning_signs: 'warning_signs', what_worked: 'what_worked' });
  });
});

describe('Esc in steps 3 and 4: back a question, with the answer kept', () => {
  it('goes back from a lesson to the one before, and from the offering question to the group measures', async () => {
    const [q0, q1, ...rest] = LESSON_QUESTION_IDS as unknown as [string, string, ...string[]];
    const lessons: ScriptStep[] = [
      [`lessons/${q0}`, 'after the price rise'], [`lessons/${q1}`, BACK], [`lessons/${q0}`, DEFAULT],
      [`lessons/${q1}`, 'a visit'], ...rest.map((q) => [`lessons/${q}`, DEFAULT] as const),
    ];
    const three = await fixtureFlow(lessons, { session: atStep('lessons') });
    expect(await runLessonsStep(three.flow)).toBe('done');
    expect(three.scripted.remaining()).toBe(0);
    expect(three.scripted.asked.filter((q) => q.key === `lessons/${q0}`).map((q) => q.default)).toEqual([undefined, 'after the price rise']);
    expect(three.flow.session.lessons).toMatchObject({ [q0]: 'after the price rise', [q1]: 'a visit' });

    const [a] = (await winBackIds()) as [string];
    const group: ScriptStep[] = [
      [`measures/${a}/@plan`, '@finish'], ['group/measures', 'Winter mailing'], ['group/offering', BACK],
      ['group/measures', DEFAULT], ['group/offering', 'Smaller packs'],
    ];
    const four = await fixtureFlow(group, { session: atStep('measures') });
    expect(await runMeasuresStep(four.flow)).toBe('done');
    expect(four.scripted.remaining()).toBe(0);
    expect(four.scripted.asked.filter((q) => q.key === 'group/measures').map((q) => q.default)).toEqual([undefined, 'Winter mailing']);
    expect(four.flow.session.group).toMatchObject({ measures: 'Winter mailing', offering: 'Smaller packs' });
  });
});

describe('worksheet step 4: measures plan', () => {
  it('pre-fills from the plan and applies the edited channel, offer, date and measure', async () => {
    const ids = await winBackIds();
    const probe = await fixtureFlow([]);
    const permittedChannels = (x: (typeof probe.flow.customers)[number]) => new Set(x.base.value.offersConsidered.map((o) => o.channel));
    const c = probe.flow.customers.find((x) => new Set(x.base.value.offersConsidered.map((o) => o.offer_type)).size > 1 && permittedChannels(x).size > 1 && x.base.value.decision === 'win_back')!;
    const id = c.base.row.customer_id;
    const other = c.base.value.offersConsidered.find((o) => o.offer_type !== c.base.value.offer_type)!;
    const channel = [...permittedChannels(c)].find((ch) => ch !== c.base.channel)!;
    const at = ids.indexOf(id);
    const script: ScriptStep[] = [
      ...ids.slice(0, at).map((x) => [`measures/${x}/@plan`, '@skip'] as const),
      [`measures/${id}/@plan`, 'change'], [`measures/${id}/channel`, channel], [`measures/${id}/offer`, other.offer_type], [`measures/${id}/measure`, 'Call with the new price list'],
      [`measures/${id}/date`, '2027-01-15'], [`measures/${id}/responsible`, 'Anna Weber'],
      ...(ids[at + 1] ? [[`measures/${ids[at + 1]}/@plan`, '@finish'] as const] : []),
      ['group/measures', 'Newsletter for all price quitters'], ['group/offering', 'A smaller package'],
    ];
    const { flow, scripted, setup } = await fixtureFlow(script, { session: atStep('measures') });
    await runMeasuresStep(flow);
    expect(scripted.remaining()).toBe(0);
    // the defaults offered were the model's
    const asked = Object.fromEntries(scripted.asked.filter((q) => q.key.startsWith(`measures/${id}/`)).map((q) => [q.key.split('/')[2], q.default]));
    expect(asked).toMatchObject({ channel: c.base.channel, offer: c.base.value.offer_type, measure: c.base.measure });
    const agreed = applyWorksheet(c.base, flow.session, setup);
    expect(agreed).toMatchObject({ channel, measure: 'Call with the new price list' });
    expect(agreed.value.offer_type).toBe(other.offer_type);
    // that offer's valuation on the chosen channel, as the plan computed it
    const onChannel = c.base.value.offersConsidered.find((o) => o.offer_type === other.offer_type && o.channel === channel)!;
    expect(agreed.value.expected_value).toBe(onChannel.expected_value);
    // and the decision's words say that value, not the model's choice's (one row, one value)
    expect(agreed.value.decisionNote).toMatchObject({ key: onChannel.expected_value > 0 ? 'aboveThreshold' : 'consultantBelowThreshold', args: [{ money: onChannel.expected_value }, { money: 0 }] });
    const ev = onChannel.expected_value;
    expect(agreed.value.decisionReason).toContain(Math.abs(ev) < 100 ? `€${ev.toFixed(2)}` : `€${Math.round(ev)}`);
    expect(agreed.window?.contactFrom).toBe(parseIsoDay('2027-01-15'));
    expect(flow.session.group).toEqual({ measures: 'Newsletter for all price quitters', offering: 'A smaller package' });
    expect(flow.session.measures[id]?.responsible).toBe('Anna Weber');
    // the offers were listed with their values on the channel chosen, not the planned one
    const offerQuestion = scripted.asked.find((q) => q.key === `measures/${id}/offer`);
    expect(offerQuestion).toBeDefined();
  });

  it('words a contact the consultant chose at a loss as the consultant\'s choice, not as a let-go', async () => {
    const { flow, setup } = await fixtureFlow([]);
    const found = flow.customers.flatMap((x) => x.base.value.offersConsidered.filter((o) => o.expected_value < 0 && x.base.permission.allowed[o.channel]).map((o) => ({ x, o }))).at(0);
    expect(found).toBeDefined();
    const { x, o } = found!;
    const session = recordMeasure(flow.session, x.base.row.customer_id, { channel: o.channel, offer: o.offer_type, done: true });
    const agreed = applyWorksheet(x.base, session, setup);
    expect([agreed.value.decision, agreed.value.expected_value]).toEqual(['win_back', o.expected_value]);
    expect(agreed.value.decisionReason).toMatch(/^contacted as the consultant chose, although the expected value -€[\d.]+ ≤ threshold €0(\.00)?$/);
  });

  it('refuses at the terminal a planned day before the run\'s day, saying which day is the first', async () => {
    const ids = await winBackIds();
    const id = ids[0]!;
    const script: ScriptStep[] = [
      [`measures/${id}/@plan`, 'change'], [`measures/${id}/channel`, null], [`measures/${id}/offer`, null], [`measures/${id}/measure`, null],
      [`measures/${id}/date`, '2026-11-01'],
    ];
    const { flow } = await fixtureFlow(script, { session: atStep('measures') });
    await expect(runMeasuresStep(flow)).rejects.toThrow(`measures/${id}/date: '2026-11-01' rejected: That day lies before the run's day (2026-11-23): give 2026-11-23 or a later day.`);
  });

  it('re-values the offers on the channel chosen', async () => {
    const probe = await fixtureFlow([]);
    const c = probe.flow.customers.find((x) => x.base.value.decision === 'win_back' && new Set(x.base.value.offersConsidered.map((o) => o.channel)).size > 1)!;
    const id = c.base.row.customer_id;
    const other = c.base.value.offersConsidered.find((o) => o.channel !== c.base.channel)!.channel;
    const names: string[] = [];
    const { flow, setup } = await fixtureFlow([]);
    const ids = flow.customers.filter((x) => x.base.value.decision === 'win_back').map((x) => x.base.row.customer_id);
    const script: ScriptStep[] = [
      ...ids.slice(0, ids.indexOf(id)).map((x) => [`measures/${x}/@plan`, '@skip'] as const),
      [`measures/${id}/@plan`, 'change'], [`measures/${id}/channel`, other], [`measures/${id}/offer`, DEFAULT],
      [`measures/${id}/measure`, DEFAULT], [`measures/${id}/date`, DEFAULT], [`measures/${id}/responsible`, DEFAULT],
      ...(ids[ids.indexOf(id) + 1] ? [[`measures/${ids[ids.indexOf(id) + 1]}/@plan`, '@finish'] as const] : []),
      ['group/measures', DEFAULT], ['group/offering', DEFAULT],
    ];
    const run = await fixtureFlow(script, { session: atStep('measures') });
    const select = run.scripted.prompter.select.bind(run.scripted.prompter);
    run.scripted.prompter.select = async (q) => {
      if (q.key.join('/') === `measures/${id}/offer`) names.push(...q.choices.map((x) => x.name));
      return select(q);
    };
    await runMeasuresStep(run.flow);
    const onOther = c.base.value.offersConsidered.filter((o) => o.channel === other);
    expect(names).toHaveLength(onOther.length);
    for (const o of onOther) expect(names.some((n) => n.includes(`€${Math.round(o.expected_value).toLocaleString('en-GB')}`))).toBe(true);
    expect(applyWorksheet(c.base, run.flow.session, setup).channel).toBe(other);
  });
});

describe('worksheet: moving between steps', () => {
  it('goes back to the previous step with Esc, to any earlier step from the list, and forward again', async () => {
    const [a] = (await winBackIds()) as [string];
    let session = atStep('measures');
    for (const q of LESSON_QUESTION_IDS) session = recordLesson(session, q, `answer ${q}`);
    const last = LESSON_QUESTION_IDS.at(-1) as string;
    const script: ScriptStep[] = [
      [`measures/${a}/@plan`, BACK], [`lessons/${last}`, DEFAULT],
      [`measures/${a}/@plan`, '@steps'], ['@steps', 'relationship'],
      [`relationships/${a}/reason_code`, '@finish'],
      ...LESSON_QUESTION_IDS.map((q) => [`lessons/${q}`, DEFAULT] as const),
      [`measures/${a}/@plan`, '@finish'], ['group/measures', 'Winter mailing'], ['group/offering', DEFAULT],
    ];
    const { flow, scripted } = await fixtureFlow(script, { session });
    await runWorksheetFlow(flow);
    expect(scripted.remaining()).toBe(0);
    expect(flow.session.step).toBe('done');
    // answers given before are kept and offered again as defaults
    expect(scripted.asked.find((q) => q.key === `lessons/${last}`)?.default).toBe(`answer ${last}`);
    expect(flow.session.lessons[last]).toBe(`answer ${last}`);
    expect(flow.session.group.measures).toBe('Winter mailing');
  });
});
