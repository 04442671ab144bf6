import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/domain/config.js';
import { offerDepthWarnings } from '../../src/domain/offer-depth.js';
import { sayNoted, type SavedNote } from '../../src/domain/catalogue/index.js';
import type { OfferSpec, ReasonEntry } from '../../src/domain/playbook-types.js';

const offer = (id: string, marginReduction: number) => ({ id, marginReduction }) as OfferSpec;
const reason = (code: string, offers: string[], final = false) => ({ code, offers, final }) as unknown as ReasonEntry;

describe('offer depth', () => {
  const playbook = {
    offers: [offer('discount', 0.15), offer('deep', 0.4), offer('unused', 0.5)],
    reasons: [reason('price', ['discount', 'deep']), reason('competitor_offer', ['deep']), reason('deceased', ['unused'], true)],
  };

  it('warns about each discount deeper than the floor that a reason may plan', () => {
    const w = offerDepthWarnings(playbook, 0.3);
    expect(w).toHaveLength(1);
    expect(sayNoted('en', w[0] as SavedNote)).toMatch(/offer 'deep' gives away 40 % of margin, more than plan.maxDiscount 30 %; planned for price, competitor_offer/);
  });

  it.each([[0.5, 0], [0.4, 0], [0.39, 1], [0.1, 2]])('with the floor at %f warns %i times', (floor, count) => {
    expect(offerDepthWarnings(playbook, floor)).toHaveLength(count);
  });

  it('reads the floor and the serial-defector mode from the config, with defaults', () => {
    const d = validateConfig({});
    expect(d.config!.plan.maxDiscount).toBe(0.3);
    expect(d.config!.campaign.serialDefectors).toBe('flag');
    expect(d.config!.campaign.attributionWindowDays).toBe(90);
    const c = validateConfig({ plan: { maxDiscount: 0.1 }, campaign: { serialDefectors: 'exclude' } });
    expect(c.config!.plan.maxDiscount).toBe(0.1);
    expect(c.config!.campaign.serialDefectors).toBe('exclude');
    expect(validateConfig({ campaign: { serialDefectors: 'ban' } }).errors[0]!.path).toBe('campaign.serialDefectors');
  });
});
