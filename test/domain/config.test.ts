import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, validateConfig } from '../../src/domain/config.js';

describe('config file', () => {
  it('the documented example is valid and equals the defaults', () => {
    const { config, errors } = validateConfig(parse(readFileSync('docs/example-config.yaml', 'utf8')));
    expect(errors).toEqual([]);
    expect(config?.campaign).toEqual(DEFAULT_CONFIG.campaign);
    expect(config?.permission).toEqual(DEFAULT_CONFIG.permission);
    expect(config?.plan).toEqual(DEFAULT_CONFIG.plan);
    expect(config?.model.monthlyRetention).toBe(DEFAULT_CONFIG.model.monthlyRetention);
    expect(config?.clv).toEqual(DEFAULT_CONFIG.clv);
    expect(config?.input).toEqual(DEFAULT_CONFIG.input);
  });

  it('input.maxRejectRate is a share from 0 to 1 (default 20 %)', () => {
    expect(DEFAULT_CONFIG.input.maxRejectRate).toBe(0.2);
    expect(validateConfig({ input: { maxRejectRate: 0.5 } }).config?.input.maxRejectRate).toBe(0.5);
    expect(validateConfig({ input: { maxRejectRate: 5 } }).errors.map((e) => e.path)).toEqual(['input.maxRejectRate']);
  });

  it('a typo is an error with its path, never a silent default', () => {
    const { config, errors } = validateConfig({ campaign: { minGapDay: 30 } });
    expect(config).toBeUndefined();
    expect(errors[0]?.path).toBe('campaign');
    expect(errors[0]?.message).toMatch(/minGapDay/);
  });

  it('wrong types name the bad entry', () => {
    const { errors } = validateConfig({ campaign: { maxAttempts: 'three' }, plan: { qualityFixedFrom: '31.12.2026' } });
    expect(errors.map((e) => e.path).sort()).toEqual(['campaign.maxAttempts', 'plan.qualityFixedFrom']);
  });

  it('reads the default phone country and rejects one libphonenumber does not know', () => {
    expect(validateConfig({ permission: { defaultPhoneCountry: 'AT' } }).config?.permission.defaultPhoneCountry).toBe('AT');
    expect(DEFAULT_CONFIG.permission.defaultPhoneCountry).toBe('DE');
    const { errors } = validateConfig({ permission: { defaultPhoneCountry: 'Germany' } });
    expect(errors[0]?.path).toBe('permission.defaultPhoneCountry');
  });

  it('model errors are prefixed with model.', () => {
    const { errors } = validateConfig({ model: { monthlyRetention: 2 } });
    expect(errors[0]?.path).toBe('model.monthlyRetention');
  });

  it('checks the clv thresholds against each other', () => {
    const { errors } = validateConfig({ clv: { lostThreshold: 0.7, defectorThreshold: 0.6 } });
    expect(errors[0]?.path).toBe('clv.defectorThreshold');
  });

  it('merges a partial section over the defaults', () => {
    const { config } = validateConfig({ campaign: { minGapDays: 30 } });
    expect(config?.campaign).toEqual({ ...DEFAULT_CONFIG.campaign, minGapDays: 30 });
  });
});

describe('ranges worded in German', () => {
  it('names the bound in German words and numbers, not the value\'s type in English', () => {
    const { errors } = validateConfig({ input: { maxRejectRate: 1.5 }, campaign: { minGapDays: -3 } }, 'de');
    const messages = errors.map((e) => e.message);
    expect(messages).toContain('Zu groß: höchstens 1 erwartet');
    expect(messages.some((m) => m.startsWith('Zu klein: mindestens'))).toBe(true);
    expect(messages.join(' ')).not.toMatch(/number|erwartet, dass/);
  });
});
