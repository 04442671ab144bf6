/**
 * Applying the consultant's answers: another channel in template 4 re-values the customer
 * with that channel's contact cost.
 */
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/domain/playbook-types.js';
import { applyWorksheet } from '../../src/domain/worksheet-apply.js';
import { recordMeasure } from '../../src/domain/worksheet-session.js';
import { fixtureFlow } from '../support/worksheet-flow.js';

describe('a channel chosen in template 4', () => {
  it('moves every offer’s expected value by the difference in contact cost, and keeps the rest', async () => {
    const { flow, setup } = await fixtureFlow([]);
    const costs = setup.playbook.channelCosts;
    const winBack = flow.customers.filter((c) => c.base.value.decision === 'win_back');
    expect(winBack.length).toBeGreaterThan(0);
    for (const { base } of winBack.slice(0, 5)) {
      const other = CHANNELS.find((c) => c !== base.channel && costs[c] !== costs[base.channel]);
      if (other === undefined) continue;
      const s = recordMeasure(flow.session, base.row.customer_id, { channel: other });
      const p = applyWorksheet(base, s, setup);
      const saving = costs[base.channel] - costs[other];
      expect(p.channel).toBe(other);
      expect(p.value.channel).toBe(other);
      expect(p.value.expected_value).toBeCloseTo((base.value.expected_value as number) + saving, 9);
      p.value.offersConsidered.forEach((o, i) => expect(o.expected_value).toBeCloseTo((base.value.offersConsidered[i]?.expected_value as number) + saving, 9));
      expect(p.value.p_winback).toBe(base.value.p_winback);
      expect(p.value.decision).toBe('win_back');
      // back to the planned channel: the planned values again
      const back = applyWorksheet(base, recordMeasure(s, base.row.customer_id, { channel: base.channel }), setup);
      expect(back.value).toEqual(base.value);
    }
  });

  it('values an offer chosen together with the channel at the new channel’s cost', async () => {
    const { flow, setup } = await fixtureFlow([]);
    const costs = setup.playbook.channelCosts;
    const c = flow.customers.find((x) => x.base.value.decision === 'win_back' && x.base.value.offersConsidered.length > 1)!;
    const { base } = c;
    const offer = base.value.offersConsidered.find((o) => o.offer_type !== base.value.offer_type)!;
    const other = CHANNELS.find((ch) => ch !== base.channel && costs[ch] !== costs[base.channel])!;
    const p = applyWorksheet(base, recordMeasure(flow.session, base.row.customer_id, { channel: other, offer: offer.offer_type }), setup);
    expect(p.value.offer_type).toBe(offer.offer_type);
    expect(p.value.expected_value).toBeCloseTo(offer.expected_value + costs[base.channel] - costs[other], 9);
  });

  it('warns when the chosen channel costs more than the contact is expected to bring back', async () => {
    const { flow, setup } = await fixtureFlow([]);
    const costs = setup.playbook.channelCosts;
    const dearest = CHANNELS.reduce((a, b) => (costs[b] > costs[a] ? b : a));
    const c = flow.customers.find((x) => {
      const ev = x.base.value.expected_value;
      return x.base.value.decision === 'win_back' && ev !== null && ev >= 0 && ev + costs[x.base.channel] - costs[dearest] < 0;
    });
    expect(c, 'a win-back customer whose expected value the dearest channel would turn negative').toBeDefined();
    const p = applyWorksheet(c!.base, recordMeasure(flow.session, c!.base.row.customer_id, { channel: dearest }), setup);
    expect(p.value.expected_value).toBeLessThan(0);
    expect(p.value.warnings.join('\n')).toMatch(new RegExp(`channel ${dearest} the contact costs more than it is expected to bring back`));
  });
});
