/**
 * What calibrate learns beside the response (docs/model.md, section 7): the channels' response
 * from randomised channels, shrunk towards the playbook by empirical Bayes, and the second
 * lifetime's length and margin from the returns (right-censored at the as-of date), each checked
 * on held-out returners; and how both reach the plan (folded into the playbook's fields).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withLearnedFactors } from '../../src/domain/calibrate/apply.js';
import { calibrateModel, type HistoryRow } from '../../src/domain/calibrate/calibrate.js';
import { channelEffectsOf, type RandomChannelRow } from '../../src/domain/calibrate/channels.js';
import { checkLifetime } from '../../src/domain/calibrate/lifetime-check.js';
import { lengthLogLikelihood, secondLifetimeScaleOf, type SecondLifeObservation } from '../../src/domain/calibrate/lifetime.js';
import { DEFAULT_MODEL_CONFIG } from '../../src/domain/defaults.js';
import type { Channel, ReasonEntry } from '../../src/domain/playbook-types.js';
import { mulberry32, type Random } from '../../src/domain/random.js';
import { logit, sigmoid } from '../../src/domain/value/value.js';

const BASE = logit(0.15);

/** Contacts whose channel was drawn at random, answering with the true odds factor per channel. */
function randomChannels(seed: number, n: number, truth: Partial<Record<Channel, number>>, prior: Partial<Record<Channel, number>>): RandomChannelRow[] {
  const random = mulberry32(seed);
  const channels = Object.keys(truth) as Channel[];
  return Array.from({ length: n }, (_, i) => {
    const channel = channels[i % channels.length] as Channel;
    // The model's log-odds carry the playbook's factor; the outcome the truth's.
    const offset = BASE + Math.log(prior[channel] ?? 1);
    return { channel, offset, wonBack: random() < sigmoid(BASE + Math.log(truth[channel] as number)) };
  });
}

describe('channel effects from randomised channels (empirical Bayes, Morris 1983)', () => {
  const prior = { letter: 1, phone: 1.5, email: 0.7 };

  const ratio = (e: Partial<Record<Channel, { factor: number }>>, a: Channel, b: Channel) => (e[a]?.factor as number) / (e[b]?.factor as number);

  it('follows the data where the channels differ from the playbook beyond their noise: the contrasts between them', () => {
    const effects = channelEffectsOf(randomChannels(1, 9000, { letter: 1, phone: 3.5, email: 0.25 }, prior), (c) => prior[c as keyof typeof prior]);
    // true odds ratios phone : letter = 3.5 and email : letter = 0.25 (the playbook's 1.5 and 0.7)
    expect(ratio(effects, 'phone', 'letter')).toBeGreaterThan(2.8);
    expect(ratio(effects, 'phone', 'letter')).toBeLessThan(4.4);
    expect(ratio(effects, 'email', 'letter')).toBeGreaterThan(0.18);
    expect(ratio(effects, 'email', 'letter')).toBeLessThan(0.34);
    expect(effects.phone?.cases).toBe(3000);
    expect(effects.phone?.prior).toBe(1.5);
  });

  it('leaves a level every channel shares to the base rates: the playbook\'s factors stay where the channels differ as it says', () => {
    // Every channel answers at a third of the odds the playbook's base rate says, in the playbook's proportions.
    const third = { letter: prior.letter / 3, phone: prior.phone / 3, email: prior.email / 3 };
    const effects = channelEffectsOf(randomChannels(3, 9000, third, prior), (c) => prior[c as keyof typeof prior]);
    for (const c of ['letter', 'phone', 'email'] as const) expect(Math.abs(Math.log((effects[c]?.factor as number) / prior[c])), c).toBeLessThan(0.1);
  });

  it('keeps the playbook\'s factors where the data agree with it within their noise', () => {
    const effects = channelEffectsOf(randomChannels(2, 600, prior, prior), (c) => prior[c as keyof typeof prior]);
    for (const c of ['letter', 'phone', 'email'] as const) {
      // shrunk most of the way back: within 10 % of the playbook's
      expect(Math.abs(Math.log((effects[c]?.factor as number) / prior[c])), c).toBeLessThan(0.1);
    }
  });

  it('shrinks the contrasts around the channels\' common level: never every channel moved the same way (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 40, max: 400 }), fc.double({ min: 0.3, max: 4, noNaN: true }), (seed, n, phone) => {
        const rows = randomChannels(seed, n, { letter: 1, phone, email: 0.7 }, prior);
        const effects = channelEffectsOf(rows, (c) => prior[c as keyof typeof prior]);
        const moves: number[] = [];
        for (const c of ['letter', 'phone', 'email'] as const) {
          const e = effects[c];
          if (e === undefined) continue;
          expect(e.weight).toBeGreaterThanOrEqual(0);
          expect(e.weight).toBeLessThanOrEqual(1);
          moves.push(Math.log(e.factor / prior[c]));
        }
        // Contrasts around the channels' common level, shrunk towards 0: never every channel moved the same way.
        if (moves.length > 1) {
          expect(Math.min(...moves)).toBeLessThanOrEqual(1e-9);
          expect(Math.max(...moves)).toBeGreaterThanOrEqual(-1e-9);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('calibrate learns them from channel-randomised contacts only: a chosen channel says nothing', () => {
    const random = mulberry32(5);
    const rows: HistoryRow[] = Array.from({ length: 4000 }, (_, i) => {
      const channel: Channel = i % 2 === 0 ? 'phone' : 'letter';
      const channelRandomised = i % 4 < 2;
      // where the channel was chosen, the phone went to customers who answer anyway (confounded)
      const truth = channelRandomised ? (channel === 'phone' ? 4 : 1) : channel === 'phone' ? 20 : 1;
      return {
        customer_id: `C${i}`, reasonCode: 'price', behaviour: {}, wonBack: random() < sigmoid(BASE + Math.log(truth)),
        channel, channelOddsFactor: channel === 'phone' ? 1.5 : 1, ...(channelRandomised ? { channelRandomised: true } : {}),
      };
    });
    const playbook = { reasons: [{ code: 'price' as const, baseRate: 0.15, organicRate: 0.02 }], channelResponse: { phone: 1.5, letter: 1 } };
    const model = calibrateModel(rows, playbook, DEFAULT_MODEL_CONFIG, { parts: ['channels'] });
    expect(model.parts).toEqual(['channels']);
    const phone = model.channelEffects?.phone;
    expect(phone?.cases).toBeGreaterThan(700);
    expect(phone?.cases).toBeLessThan(900);
    // phone : letter about 4, not the confounded 20
    const odds = (phone?.factor as number) / (model.channelEffects?.letter?.factor as number);
    expect(odds).toBeGreaterThan(2.8);
    expect(odds).toBeLessThan(6);
  });
});

/** Returners whose second lifetime is exponential with mean `scale` × what the model expects, censored at a random follow-up. */
function returners(random: Random, n: number, scale: number, marginScale: number): SecondLifeObservation[] {
  return Array.from({ length: n }, () => {
    const expectedMonths = 8 + 30 * random();
    const life = -Math.log(1 - random()) * scale * expectedMonths;
    const followUp = 1 + 11 * random();
    const months = Math.min(life, followUp);
    const monthly = 20 + 400 * random();
    return { months, cancelledAgain: life <= followUp, expectedMonths, expectedMargin: monthly * months, margin: marginScale * monthly * months * (0.8 + 0.4 * random()) };
  });
}

describe('the second lifetime from the returns (exponential, right-censored)', () => {
  it('recovers a second lifetime half as long as the playbook\'s and a margin a fifth lower, though most returners are still there', () => {
    const obs = returners(mulberry32(7), 3000, 0.5, 0.8);
    expect(obs.filter((o) => !o.cancelledAgain).length).toBeGreaterThan(1000);
    const s = secondLifetimeScaleOf(obs);
    expect(s?.lengthScale).toBeGreaterThan(0.44);
    expect(s?.lengthScale).toBeLessThan(0.57);
    expect(s?.marginScale).toBeGreaterThan(0.76);
    expect(s?.marginScale).toBeLessThan(0.84);
    // counting only the completed lifetimes (ignoring the censored) would say far shorter
    const completed = obs.filter((o) => o.cancelledAgain);
    expect(completed.reduce((t, o) => t + o.months / o.expectedMonths, 0) / completed.length).toBeLessThan(0.25);
  });

  it('stays near the playbook with few returns (five pseudo-events), and learns nothing without any', () => {
    const few = secondLifetimeScaleOf(returners(mulberry32(8), 6, 0.3, 1));
    expect(few?.lengthScale).toBeGreaterThan(0.5);
    expect(secondLifetimeScaleOf([])).toBeUndefined();
  });

  it('its held-out check keeps a scale the returners support and refuses one they do not', () => {
    const rows = (scale: number, seed: number): HistoryRow[] =>
      returners(mulberry32(seed), 1500, scale, 1).map((secondLife, i) => ({ customer_id: `R${seed}-${i}`, reasonCode: 'price', behaviour: {}, wonBack: true, secondLife }));
    const shorter = checkLifetime(rows(0.4, 9), DEFAULT_MODEL_CONFIG, 1);
    expect(shorter.length.accepted).toBe(true);
    expect(shorter.length.cases).toBe(1500);
    const same = checkLifetime(rows(1, 10), DEFAULT_MODEL_CONFIG, 1);
    expect(same.length.accepted).toBe(false);
    // margins as the playbook says (up to noise): no better
    expect(same.margin.accepted).toBe(false);
  });

  it('the likelihood is that of an exponential: a censored month costs the hazard, an event adds its log', () => {
    const o: SecondLifeObservation = { months: 3, cancelledAgain: false, expectedMonths: 10, expectedMargin: 1 };
    expect(lengthLogLikelihood(o, 1)).toBeCloseTo(-0.3, 12);
    expect(lengthLogLikelihood({ ...o, cancelledAgain: true }, 2)).toBeCloseTo(Math.log(1 / 20) - 3 / 20, 12);
  });
});

describe('the learned factors reach the plan through the playbook', () => {
  const reason = { code: 'price', lifetimeFactor: 1.2, marginFactor: 0.9 } as ReasonEntry;
  it('scales every reason\'s second lifetime and replaces the channels it learned, nothing else', () => {
    const playbook = { reasons: [reason], channelResponse: { letter: 1, phone: 1.5 } as Partial<Record<Channel, number>>, other: 'kept' };
    const applied = withLearnedFactors(playbook, {
      secondLifetime: { lengthScale: 0.5, marginScale: 0.8, returns: 1, events: 1, exposureMonths: 1, expectedEvents: 1, marginCases: 0, observedMargin: 0, expectedMarginTotal: 0 },
      channelEffects: { phone: { factor: 3, prior: 1.5, cases: 10, wins: 2, weight: 0.4 } },
    });
    expect(applied.reasons[0]?.lifetimeFactor).toBeCloseTo(0.6, 12);
    expect(applied.reasons[0]?.marginFactor).toBeCloseTo(0.72, 12);
    expect(applied.channelResponse).toEqual({ letter: 1, phone: 3 });
    expect(applied.other).toBe('kept');
    expect(playbook.reasons[0]?.lifetimeFactor).toBe(1.2);
    expect(withLearnedFactors(playbook, {})).toBe(playbook);
  });
});
