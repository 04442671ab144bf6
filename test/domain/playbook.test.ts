import { beforeAll, describe, expect, it } from 'vitest';
import { formatPath, reasonEntry, validatePlaybook } from '../../src/domain/playbook.js';
import { REASON_CODES, type Playbook } from '../../src/domain/playbook-types.js';
import { readPlaybookSource } from '../../src/io/playbook-file.js';

let raw: unknown;
let playbook: Playbook;

beforeAll(async () => {
  raw = (await readPlaybookSource()).data;
  const result = validatePlaybook(raw);
  if (result.playbook === undefined) throw new Error(JSON.stringify(result.errors));
  playbook = result.playbook;
});

/** A fresh, mutable copy of the default playbook's raw data. */
function copy(): Record<string, any> {
  return structuredClone(raw) as Record<string, any>;
}

describe('the default playbook', () => {
  it('validates without errors or warnings', () => {
    const result = validatePlaybook(raw);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('has exactly one entry per reason code, with texts in both languages', () => {
    expect(playbook.reasons.map((r) => r.code).sort()).toEqual([...REASON_CODES].sort());
    for (const r of playbook.reasons) {
      expect(r.measure.en.length).toBeGreaterThan(3);
      expect(r.measure.de.length).toBeGreaterThan(3);
      if (r.code !== 'unknown' && !r.final) expect(r.phrases.de.length + r.phrases.en.length).toBeGreaterThan(10);
    }
  });

  it('never contacts final reasons and has a cooling-off of 14 days', () => {
    expect(playbook.coolingOffDays).toBe(14);
    for (const code of ['deceased', 'business_closed', 'terminated_by_us'] as const) {
      expect(reasonEntry(playbook, code)).toMatchObject({ final: true, timing: { kind: 'never' }, channels: [] });
    }
    expect(reasonEntry(playbook, 'poached').timing).toMatchObject({ kind: 'before_contract_end', assumedTermMonths: 12 });
    expect(reasonEntry(playbook, 'quality').timing).toMatchObject({ kind: 'after_fix', fixedFrom: null });
  });

  it('orders reacquisition rates and second lifetimes as the win-back literature found', () => {
    const base = (code: Parameters<typeof reasonEntry>[1]) => reasonEntry(playbook, code).baseRate;
    expect(base('price')).toBeGreaterThan(base('service'));
    const contactable = playbook.reasons.filter((r) => !r.final && r.code !== 'quality');
    for (const r of contactable) expect(base('quality')).toBeLessThanOrEqual(r.baseRate);
    const service = reasonEntry(playbook, 'service');
    const price = reasonEntry(playbook, 'price');
    expect(service.lifetimeFactor).toBeLessThan(price.lifetimeFactor);
    expect(service.marginFactor).toBeGreaterThan(price.marginFactor);
  });

  it('has offers where upgrade lasts longest and the bundle wins most but earns least', () => {
    const offer = (id: string) => playbook.offers.find((o) => o.id === id);
    expect(playbook.offers.map((o) => o.id).sort()).toEqual(['bundle', 'discount', 'information', 'none', 'personal', 'renewal', 'upgrade']);
    const maxLifetime = Math.max(...playbook.offers.map((o) => o.lifetimeFactor));
    const maxOdds = Math.max(...playbook.offers.map((o) => o.reacquisitionOddsFactor));
    const maxCut = Math.max(...playbook.offers.map((o) => o.marginReduction));
    expect(offer('upgrade')?.lifetimeFactor).toBe(maxLifetime);
    expect(offer('bundle')?.reacquisitionOddsFactor).toBe(maxOdds);
    expect(offer('bundle')?.marginReduction).toBe(maxCut);
  });
});

describe('validatePlaybook on invalid data', () => {
  const cases: [string, (d: Record<string, any>) => void, string, RegExp][] = [
    ['an unknown timing kind', (d) => (d.reasons[3].timing.kind = 'sometime'), 'reasons[3].timing.kind', /soon/],
    ['a rate above 1', (d) => (d.reasons[4].baseRate = 1.5), 'reasons[4].baseRate', /1/],
    ['an organic rate above the base rate', (d) => (d.reasons[4].organicRate = d.reasons[4].baseRate + 0.01), 'reasons[4].organicRate', /baseRate/],
    ['an unknown channel', (d) => (d.reasons[2].channels[0] = 'fax'), 'reasons[2].channels[0]', /visit/],
    ['an undefined offer', (d) => (d.reasons[0].offers[0] = 'voucher'), 'reasons[0].offers[0]', /unknown offer "voucher"/],
    ['a bad phrase', (d) => d.reasons[1].phrases.de.push('*'), 'reasons[1].phrases.de', /not a word|empty/],
    ['an impossible fix date', (d) => (d.reasons[7].timing.fixedFrom = '2025-02-30'), 'reasons[7].timing.fixedFrom', /not a date/],
    ['a missing measure text', (d) => delete d.reasons[5].measure.de, 'reasons[5].measure.de', /./],
    ['a final reason with a timing', (d) => (d.reasons[12].timing = { kind: 'soon', afterDays: 1, windowDays: 5 }), 'reasons[12].timing.kind', /final/],
    ['a negative cooling-off', (d) => (d.coolingOffDays = -1), 'coolingOffDays', /0/],
    ['a duplicate offer id', (d) => d.offers.push(structuredClone(d.offers[0])), 'offers[7].id', /twice/],
    ['a retention keep rate above 1', (d) => (d.retention.measures[0].keepRate = 1.2), 'retention.measures[0].keepRate', /1/],
    ['a retention measure without channels', (d) => (d.retention.measures[1].channels = []), 'retention.measures[1].channels', /channel/],
    ['a retention measure without its German text', (d) => delete d.retention.measures[2].measure.de, 'retention.measures[2].measure.de', /./],
    ['a duplicate retention measure id', (d) => (d.retention.measures[1].id = d.retention.measures[0].id), 'retention.measures[1].id', /twice/],
    ['a retention window of 0 days', (d) => (d.retention.measures[0].timing.windowDays = 0), 'retention.measures[0].timing.windowDays', /1/],
    ['a retention section without measures', (d) => (d.retention.measures = []), 'retention.measures', /at least one measure/],
  ];

  it.each(cases)('reports %s with the path to the entry', (_name, mutate, path, message) => {
    const data = copy();
    mutate(data);
    const result = validatePlaybook(data);
    expect(result.playbook).toBeUndefined();
    const hit = result.errors.find((e) => e.path.startsWith(path));
    expect(hit, JSON.stringify(result.errors)).toBeDefined();
    expect(hit?.message).toMatch(message);
  });

  it('reports a duplicated and a missing reason code', () => {
    const data = copy();
    data.reasons[5].code = 'price';
    const result = validatePlaybook(data);
    const paths = result.errors.map((e) => e.path);
    expect(paths).toContain('reasons[5].code');
    expect(result.errors.find((e) => e.path === 'reasons')?.message).toMatch(/competitor_offer/);
  });

  it('rejects data that is not a playbook at all', () => {
    expect(validatePlaybook('hello').errors[0]?.path).toBe('(top level)');
    expect(validatePlaybook(null).playbook).toBeUndefined();
  });

  it('warns about a misspelt key but still accepts the playbook', () => {
    const data = copy();
    data.reasons[0].phrase = ['umgezogen'];
    const result = validatePlaybook(data);
    expect(result.playbook).toBeDefined();
    expect(result.warnings).toEqual(['unknown key "reasons[0].phrase" ignored']);
  });
});

describe('the default retention section', () => {
  it('has measures with texts in both languages, channels and judgement keep rates below the win-back base rates’ top', () => {
    const measures = playbook.retention?.measures ?? [];
    expect(measures.map((m) => m.id)).toEqual(['personal_check_in', 'loyalty_bonus', 'reorder_reminder']);
    for (const m of measures) {
      for (const t of [m.measure, m.angle, m.label]) expect(t.en.length * t.de.length).toBeGreaterThan(3);
      expect(m.channels.length).toBeGreaterThan(0);
      expect(m.keepRate).toBeGreaterThan(0);
      expect(m.keepRate).toBeLessThan(0.5);
    }
    // A personal conversation keeps more drifting customers than a mailing (ordered).
    expect(measures[0]!.keepRate).toBeGreaterThan(measures[2]!.keepRate);
  });

  it('keeps as many as the published field experiments found (docs/model.md section 10)', () => {
    const [checkIn, bonus] = playbook.retention?.measures ?? [];
    const chance = (keepRate: number, response: number) => (keepRate * response) / (1 - keepRate + keepRate * response);
    // a call to likely churners: 1.9 of 17.2 would-be churners kept (Godinho de Matos, Ferreira & Belo 2018)
    expect(chance(checkIn!.keepRate, playbook.channelResponse?.phone ?? 1)).toBeCloseTo(1.9 / 17.2, 2);
    // campaigns to likely churners of a grocery retailer: 6 % fewer churners (Ringbeck, Smirnov & Huchzermeier 2019)
    expect(chance(bonus!.keepRate, playbook.channelResponse?.letter ?? 1)).toBeCloseTo(0.06, 3);
  });

  it('is optional, and a misspelt key in a measure is warned about', () => {
    const without = copy();
    delete without.retention;
    expect(validatePlaybook(without).playbook?.retention).toBeUndefined();
    const misspelt = copy();
    misspelt.retention.measures[0].keeprate = 0.3;
    expect(validatePlaybook(misspelt).warnings).toEqual(['unknown key "retention.measures[0].keeprate" ignored']);
  });
});

describe('helpers', () => {
  it('formats paths like reasons[3].timing.kind', () => {
    expect(formatPath(['reasons', 3, 'timing', 'kind'])).toBe('reasons[3].timing.kind');
    expect(formatPath([])).toBe('(top level)');
  });

  it('finds the entry of a reason', () => {
    expect(reasonEntry(playbook, 'image').code).toBe('image');
  });
});

describe('the default playbook’s offers', () => {
  it('follow Kumar, Bhagwat & Zhang (2015): bundle wins most but lives shortest, upgrade lives longest', async () => {
    const { loadPlaybook } = await import('../../src/io/playbook-file.js');
    const { playbook } = await loadPlaybook();
    const offer = (id: string) => playbook.offers.find((o) => o.id === id)!;
    const [discount, upgrade, bundle] = [offer('discount'), offer('upgrade'), offer('bundle')];
    expect(bundle.lifetimeFactor).toBeLessThan(discount.lifetimeFactor);
    expect(discount.lifetimeFactor).toBeLessThan(upgrade.lifetimeFactor);
    expect(bundle.reacquisitionOddsFactor).toBeGreaterThan(Math.max(discount.reacquisitionOddsFactor, upgrade.reacquisitionOddsFactor));
    expect(bundle.marginReduction).toBeGreaterThanOrEqual(Math.max(discount.marginReduction, upgrade.marginReduction));
  });

  it('offer price quitters the handbook’s lower-rate renewal: a longer second lifetime than a discount for less margin, no incentive', async () => {
    const { loadPlaybook } = await import('../../src/io/playbook-file.js');
    const { playbook } = await loadPlaybook();
    const offer = (id: string) => playbook.offers.find((o) => o.id === id)!;
    const [discount, upgrade, renewal] = [offer('discount'), offer('upgrade'), offer('renewal')];
    for (const code of ['price', 'competitor_offer'] as const) expect(reasonEntry(playbook, code).offers).toContain('renewal');
    expect(renewal.label.en).toMatch(/lower rate/);
    expect(renewal.lifetimeFactor).toBeGreaterThan(discount.lifetimeFactor);
    expect(renewal.lifetimeFactor).toBeLessThan(upgrade.lifetimeFactor);
    expect(renewal.marginReduction).toBeLessThan(discount.marginReduction);
    expect(renewal.reacquisitionOddsFactor).toBeLessThan(discount.reacquisitionOddsFactor);
    expect(renewal.incentiveCost).toBe(0);
  });
});
