/**
 * Applying the consultant's answers: another channel in template 4 takes the values the plan
 * computed for that channel (its response and its cost), and only a permitted channel is taken.
 */
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/domain/playbook-types.js';
import { applyWorksheet } from '../../src/domain/worksheet/apply.js';
import { recordDecision, recordMeasure } from '../../src/domain/worksheet/session.js';
import { findEnglish } from '../support/english-words.js';
import { fixtureFlow } from '../support/worksheet-flow.js';

describe('a channel chosen in template 4', () => {
  it('takes the plan’s values of the offer on the new channel, and the planned values again on the way back', async () => {
    const { flow, setup } = await fixtureFlow([]);
    const winBack = flow.customers.filter((c) => c.base.value.decision === 'win_back' && CHANNELS.filter((ch) => c.base.permission.allowed[ch]).length > 1);
    expect(winBack.length).toBeGreaterThan(0);
    for (const { base } of winBack.slice(0, 5)) {
      const other = base.value.offersConsidered.find((o) => o.channel !== base.channel && o.offer_type === base.value.offer_type);
      expect(other, 'every permitted channel is valued').toBeDefined();
      const s = recordMeasure(flow.session, base.row.customer_id, { channel: other!.channel });
      const p = applyWorksheet(base, s, setup);
      expect(p.channel).toBe(other!.channel);
      expect(p.value.channel).toBe(other!.channel);
      expect(p.value.expected_value).toBe(other!.expected_value);
      expect(p.value.p_winback).toBe(other!.p_winback);
      expect(p.value.decision).toBe('win_back');
      const back = applyWorksheet(base, recordMeasure(s, base.row.customer_id, { channel: base.channel! }), setup);
      expect(back.value).toEqual(base.value);
    }
  });

  it('values an offer chosen together with the channel on that channel', async () => {
    const { flow, setup } = await fixtureFlow([]);
    const c = flow.customers.find((x) => x.base.value.decision === 'win_back' && new Set(x.base.value.offersConsidered.map((o) => o.channel)).size > 1 && new Set(x.base.value.offersConsidered.map((o) => o.offer_type)).size > 1)!;
    expect(c).toBeDefined();
    const { base } = c;
    const pick = base.value.offersConsidered.find((o) => o.offer_type !== base.value.offer_type && o.channel !== base.channel)!;
    const p = applyWorksheet(base, recordMeasure(flow.session, base.row.customer_id, { channel: pick.channel, offer: pick.offer_type }), setup);
    expect(p.value.offer_type).toBe(pick.offer_type);
    expect(p.channel).toBe(pick.channel);
    expect(p.value.expected_value).toBe(pick.expected_value);
  });

  it('refuses a channel the customer may not be contacted on', async () => {
    const { flow, setup } = await fixtureFlow([]);
    const c = flow.customers.find((x) => x.base.value.decision === 'win_back' && CHANNELS.some((ch) => !x.base.permission.allowed[ch]));
    expect(c).toBeDefined();
    const blocked = CHANNELS.find((ch) => !c!.base.permission.allowed[ch])!;
    const p = applyWorksheet(c!.base, recordMeasure(flow.session, c!.base.row.customer_id, { channel: blocked }), setup);
    expect(p.channel).toBe(c!.base.channel);
    expect(p.value).toEqual(c!.base.value);
  });

  it('warns when the chosen offer and channel cost more than the contact is expected to bring back', async () => {
    const { flow, setup } = await fixtureFlow([]);
    const c = flow.customers.find((x) => x.base.value.decision === 'win_back' && x.base.value.offersConsidered.some((o) => o.expected_value < 0));
    expect(c, 'a win-back customer with a losing offer and channel').toBeDefined();
    const losing = c!.base.value.offersConsidered.find((o) => o.expected_value < 0)!;
    const p = applyWorksheet(c!.base, recordMeasure(flow.session, c!.base.row.customer_id, { channel: losing.channel, offer: losing.offer_type }), setup);
    expect(p.value.expected_value).toBeLessThan(0);
    expect(p.value.warnings.join('\n')).toMatch(/the contact costs more than it is expected to bring back/);
  });
});

describe('a decision the consultant changed', () => {
  it('keeps the consultant\'s reason as its note, and a window planned for the contact speaks the session\'s language', async () => {
    const { flow, setup } = await fixtureFlow([], { lang: 'de', file: 'fixtures/lost-customers-de.csv' });
    const c = flow.customers.find((x) => x.base.value.decision === 'let_go' && x.base.window === null && x.base.row.churn_date !== undefined);
    expect(c, 'a customer the model lets go, without a window').toBeDefined();
    const s = recordDecision(flow.session, c!.base.row.customer_id, { decision: 'win_back', why: 'alter Stammkunde', overridden: true, done: true });
    const p = applyWorksheet(c!.base, s, setup, false);
    expect(p.value.decision).toBe('win_back');
    expect(p.value.decisionNote).toEqual({ key: 'consultant', args: ['alter Stammkunde'] });
    expect(p.value.decisionReason).toBe('Berater: alter Stammkunde');
    // The window is planned for the contact the model did not plan: its rule in German, as the plan's are.
    expect(p.window).not.toBeNull();
    expect(findEnglish(p.window!.rule)).toEqual([]);
    expect(p.window!.rule).toMatch(/Kündigung|Stichtag|Vertrag/);
    // … and a channel the customer may be contacted on, so that the campaign lists carry the contact.
    expect(p.channel).not.toBeNull();
    expect(p.permission.allowed[p.channel!]).toBe(true);
  });
});
