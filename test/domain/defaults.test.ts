import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_CONFIG, validateModelConfig } from '../../src/domain/defaults.js';

describe('DEFAULT_MODEL_CONFIG', () => {
  it('is frozen all the way down', () => {
    expect(Object.isFrozen(DEFAULT_MODEL_CONFIG.coefficients.complaints)).toBe(true);
  });
  it('validates as its own config', () => {
    const result = validateModelConfig(JSON.parse(JSON.stringify(DEFAULT_MODEL_CONFIG)));
    expect(result).toEqual({ config: DEFAULT_MODEL_CONFIG, errors: [], warnings: [] });
  });
});

describe('validateModelConfig', () => {
  it.each([undefined, null, {}])('returns the defaults for %j', (data) => {
    expect(validateModelConfig(data).config).toEqual(DEFAULT_MODEL_CONFIG);
  });

  it('merges a partial section over the defaults, down to single coefficient fields', () => {
    const { config, errors } = validateModelConfig({ horizonMonths: 24, coefficients: { complaints: { weight: -1 } }, calibration: { l2: 3 } });
    expect(errors).toEqual([]);
    expect(config!.horizonMonths).toBe(24);
    expect(config!.monthlyRetention).toBe(DEFAULT_MODEL_CONFIG.monthlyRetention);
    expect(config!.coefficients.complaints).toEqual({ ...DEFAULT_MODEL_CONFIG.coefficients.complaints, weight: -1 });
    expect(config!.coefficients.orders).toEqual(DEFAULT_MODEL_CONFIG.coefficients.orders);
    expect(config!.calibration).toEqual({ ...DEFAULT_MODEL_CONFIG.calibration, l2: 3 });
  });

  it.each([
    [{ monthlyRetention: 1.2 }, 'monthlyRetention'],
    [{ horizonMonths: 12.5 }, 'horizonMonths'],
    [{ reviewConfidence: 'high' }, 'reviewConfidence'],
    [{ coefficients: { tenureMonths: { cap: -1 } } }, 'coefficients.tenureMonths.cap'],
    [{ coefficients: { complaints: { weight: 0.2 } } }, 'coefficients.complaints.weight'],
    [{ coefficients: { orders: { weight: -0.2 } } }, 'coefficients.orders.weight'],
    [{ coefficients: { monthsSinceChurn: { reference: 200 } } }, 'coefficients.monthsSinceChurn.cap'],
    [{ calibration: { holdoutShare: 0.95 } }, 'calibration.holdoutShare'],
  ])('rejects %j at %s', (data, path) => {
    const result = validateModelConfig(data);
    expect(result.config).toBeUndefined();
    expect(result.errors.map((e) => e.path)).toContain(path);
  });

  it('warns about unknown settings and ignores them', () => {
    const result = validateModelConfig({ horizon: 12, coefficients: { tenureMonths: { weigth: 1 } } });
    expect(result.config).toEqual(DEFAULT_MODEL_CONFIG);
    expect(result.warnings.map((w) => w.path)).toEqual(['horizon', 'coefficients.tenureMonths.weigth']);
  });

  it('warns about a retention that implies very long lifetimes', () => {
    expect(validateModelConfig({ monthlyRetention: 0.995 }).warnings.map((w) => w.path)).toEqual(['monthlyRetention']);
  });
});
