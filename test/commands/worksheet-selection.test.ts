import { describe, expect, it } from 'vitest';
import { runSelectionStep } from '../../src/commands/worksheet/selection.js';
import { CURSOR_END } from '../../src/domain/worksheet/session.js';
import { PromptInterrupted } from '../../src/io/prompts.js';
import { BACK, DEFAULT, INTERRUPT } from '../support/scripted-prompter.js';
import { fixtureFlow, selectionIds } from '../support/worksheet-flow.js';

const key = (id: string, field = 'decision') => `decisions/${id}/${field}`;

describe('worksheet step 1: selection', () => {
  it('records a confirmed and an overridden decision with its why, saving after every answer', async () => {
    const probe = await fixtureFlow([]);
    const [a, b] = selectionIds(probe.flow) as [string, string];
    const modelB = probe.flow.customers.find((c) => c.base.row.customer_id === b)?.base.value.decision;
    const other = modelB === 'let_go' ? 'win_back' : 'let_go';
    const { flow, saves, said, scripted } = await fixtureFlow([[key(a), DEFAULT], [key(b), other], [key(b, 'why'), 'sold the business unit'], [key(selectionIds(probe.flow)[2] as string), '@finish']]);
    await runSelectionStep(flow);
    expect(scripted.remaining()).toBe(0);
    expect(flow.session.decisions[a]).toMatchObject({ overridden: false, done: true });
    expect(flow.session.decisions[b]).toEqual({ decision: other, why: 'sold the business unit', overridden: true, done: true });
    // the override was saved before its why was asked, then again with the why
    expect(saves.some((s) => s.decisions[b]?.done === false)).toBe(true);
    expect(saves.at(-1)?.cursor.selection).toBe(CURSOR_END);
    expect(said.join('')).toContain('customer 2 of');
  });

  it('goes back from the mandatory why to the decision with Esc', async () => {
    const probe = await fixtureFlow([]);
    const [a, b] = selectionIds(probe.flow) as [string, string];
    const model = probe.flow.customers.find((c) => c.base.row.customer_id === a)?.base.value.decision;
    const other = model === 'let_go' ? 'win_back' : 'let_go';
    const { flow, scripted } = await fixtureFlow([[key(a), other], [key(a, 'why'), BACK], [key(a), model as string], [key(b), BACK], [key(a), DEFAULT], [key(b), '@finish']]);
    await runSelectionStep(flow);
    expect(scripted.remaining()).toBe(0);
    // back at the decision, the override is the default; confirming the model's decision clears it
    expect(scripted.asked[2]?.default).toBe(other);
    expect(flow.session.decisions[a]).toEqual({ decision: model, why: '', overridden: false, done: true });
  });

  it('refuses an override without a why', async () => {
    const probe = await fixtureFlow([]);
    const [a] = selectionIds(probe.flow) as [string];
    const model = probe.flow.customers.find((c) => c.base.row.customer_id === a)?.base.value.decision;
    const { flow } = await fixtureFlow([[key(a), model === 'review' ? 'let_go' : 'review'], [key(a, 'why'), '  ']]);
    await expect(runSelectionStep(flow)).rejects.toThrow(/rejected: Please record why/);
  });

  it('goes back, searches by name and finishes early', async () => {
    const probe = await fixtureFlow([]);
    const ids = selectionIds(probe.flow);
    const target = probe.flow.customers.find((c) => c.base.row.customer_id === ids[7])?.base.row.name as string;
    const firstWithName = probe.flow.customers.find((c) => c.base.value.decision !== 'never' && c.base.row.name === target)?.base.row.customer_id as string;
    const { flow, scripted } = await fixtureFlow([
      [key(ids[0] as string), DEFAULT], [key(ids[1] as string), '@back'], [key(ids[0] as string), DEFAULT], [key(ids[1] as string), '@search'],
      ['@search', target], [key(firstWithName), '@skip'], [key(selectionIds(probe.flow)[selectionIds(probe.flow).indexOf(firstWithName) + 1] as string), '@finish'],
    ]);
    await runSelectionStep(flow);
    expect(scripted.remaining()).toBe(0);
    // back shows the earlier answer as the default
    expect(scripted.asked[2]?.default).toBe(flow.session.decisions[ids[0] as string]?.decision);
    expect(flow.session.decisions[firstWithName]).toBeUndefined();
  });

  it('never asks about customers with a final reason', async () => {
    const { flow, scripted } = await fixtureFlow([]);
    const never = flow.customers.filter((c) => c.base.value.decision === 'never').map((c) => c.base.row.customer_id);
    expect(never.length).toBeGreaterThan(0);
    const ids = selectionIds(flow);
    const answered = await fixtureFlow(ids.map((id) => [key(id), DEFAULT] as const));
    await runSelectionStep(answered.flow);
    expect(answered.scripted.asked.map((q) => q.key)).toEqual(ids.map((id) => key(id)));
    expect(scripted.asked).toHaveLength(0);
  });

  it('keeps confirmed answers on Ctrl-C and resumes at the customer where it stopped', async () => {
    const probe = await fixtureFlow([]);
    const [a, b, c] = selectionIds(probe.flow) as [string, string, string];
    const first = await fixtureFlow([[key(a), DEFAULT], [key(b), INTERRUPT]]);
    await expect(runSelectionStep(first.flow)).rejects.toBeInstanceOf(PromptInterrupted);
    const saved = first.saves.at(-1);
    expect(saved?.decisions[a]?.done).toBe(true);
    expect(saved?.cursor.selection).toBe(b);
    const resumed = await fixtureFlow([[key(b), DEFAULT], [key(c), '@finish']], { session: saved });
    await runSelectionStep(resumed.flow);
    expect(resumed.scripted.remaining()).toBe(0);
    expect(Object.keys(resumed.flow.session.decisions).sort()).toEqual([a, b].sort());
  });

  it('takes a customer by hand in German, with Esc back a field, German dates and a decimal comma', async () => {
    const c = (field: string) => `customers/0/${field}`;
    const { flow, scripted } = await fixtureFlow([
      ['customers/0', true], [c('customer_id'), 'K-1'], [c('name'), 'Bäckerei Lang'], [c('segment'), BACK], [c('name'), DEFAULT], [c('segment'), 'B2B'],
      [c('key_account'), DEFAULT], [c('account_manager'), DEFAULT], [c('customer_since'), '01.03.2019'], [c('churn_date'), '15.08.2026'],
      [c('orders'), '40'], [c('revenue'), '24000,50'], [c('margin'), '30'], [c('complaints'), '0'], [c('reason'), 'zu teuer'],
      ['customers/1', false],
    ], { lang: 'de', file: null });
    await runSelectionStep(flow);
    expect(scripted.remaining()).toBe(0);
    expect(scripted.asked[4]).toMatchObject({ key: c('name'), default: 'Bäckerei Lang' });
    expect(scripted.asked[4]?.message).not.toMatch(/name$/);
    expect(flow.session.manual[0]).toMatchObject({ customer_id: 'K-1', customer_since: '2019-03-01', churn_date: '2026-08-15', revenue: '24000.50', '@done': 'yes' });
    expect(flow.customers.map((x) => x.base.row.customer_id)).toEqual(['K-1']);
    expect(flow.customers[0]?.base.row.revenue).toBe(24000.5);
  });
});
