import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_MODEL_CONFIG as CONFIG } from '../../src/domain/defaults.js';
import type { ModelConfig } from '../../src/domain/defaults.js';
import { areaUnderCurve, calibrateModel, calibrationByDecile, validateCalibratedModel } from '../../src/domain/calibrate/calibrate.js';
import type { HistoryRow } from '../../src/domain/calibrate/calibrate.js';
import { hashToUnit } from '../../src/domain/random.js';
import { reacquisitionProbability } from '../../src/domain/value/value.js';
import { TRUE_RATES, TRUE_WEIGHTS, coefficientsWith, syntheticHistory } from '../support/synthetic-history.js';
import { propertyRuns } from '../support/property.js';

// The tolerances stated in docs/model.md ("Calibration"): with 60,000 synthetic attempts,
// every behaviour weight within 0.15 of the truth and every well-populated base rate within 0.03
// (about 3.5 and 4 standard errors, measured over 60 seeds).
const CASES = 60_000;
const WEIGHT_TOLERANCE = 0.15;
const RATE_TOLERANCE = 0.03;

const PLAYBOOK = {
  reasons: [
    { code: 'price', baseRate: 0.3 },
    { code: 'service', baseRate: 0.2 },
    { code: 'quality', baseRate: 0.12 },
    { code: 'competitor_offer', baseRate: 0.25 },
    { code: 'image', baseRate: 0.2 },
  ] as const,
};

describe('calibrateModel on synthetic history', () => {
  const history = syntheticHistory(42, CASES, TRUE_RATES);
  const model = calibrateModel(history, PLAYBOOK, CONFIG);

  it('recovers the behaviour weights within the stated tolerance', () => {
    for (const [feature, weight] of Object.entries(TRUE_WEIGHTS)) {
      expect(Math.abs(model.coefficients[feature as keyof typeof TRUE_WEIGHTS].weight - weight)).toBeLessThan(WEIGHT_TOLERANCE);
    }
    expect(model.fit.converged).toBe(true);
    expect(model.fit.fixedAtZero).toEqual([]);
  });

  it('recovers well-populated base rates within the stated tolerance', () => {
    for (const [code, rate] of Object.entries(TRUE_RATES)) {
      expect(Math.abs(model.baseRates[code]!.rate - rate)).toBeLessThan(RATE_TOLERANCE);
    }
    expect(model.baseRates.image).toBeUndefined(); // no cases: the playbook's rate stays in charge
  });

  it('recovers the weights for other seeds too', () => {
    for (const seed of [7, 2024]) {
      const fit = calibrateModel(syntheticHistory(seed, CASES, TRUE_RATES), PLAYBOOK, CONFIG);
      for (const [feature, weight] of Object.entries(TRUE_WEIGHTS)) {
        expect(Math.abs(fit.coefficients[feature as keyof typeof TRUE_WEIGHTS].weight - weight)).toBeLessThan(WEIGHT_TOLERANCE);
      }
    }
  });

  it('holds out about the configured share, by customer id', () => {
    expect(model.fit.holdoutCases + model.fit.trainCases).toBe(CASES);
    expect(model.fit.holdoutCases / CASES).toBeGreaterThan(0.18);
    expect(model.fit.holdoutCases / CASES).toBeLessThan(0.22);
  });

  it('reports a sensible AUC and calibration on the holdout', () => {
    expect(model.fit.auc).toBeGreaterThan(0.65);
    expect(model.fit.calibration).toHaveLength(10);
    expect(model.fit.calibration.reduce((s, b) => s + b.cases, 0)).toBe(model.fit.holdoutCases);
    for (const bin of model.fit.calibration) expect(Math.abs(bin.meanPredicted - bin.observedRate)).toBeLessThan(0.05);
    // The fitted model ranks the holdout almost as well as the true probabilities do.
    const holdout = history.filter((r) => hashToUnit(r.customer_id, CONFIG.calibration.salt) < CONFIG.calibration.holdoutShare);
    const truth = holdout.map((r) => reacquisitionProbability(TRUE_RATES[r.reasonCode] as number, r.behaviour, coefficientsWith(TRUE_WEIGHTS)));
    const oracle = areaUnderCurve(truth, holdout.map((r) => (r.wonBack ? 1 : 0))) as number;
    expect(Math.abs((model.fit.auc as number) - oracle)).toBeLessThan(0.01);
    const means = model.fit.calibration.map((b) => b.meanPredicted);
    expect(means).toEqual([...means].sort((a, b) => a - b));
  });

  it('is deterministic, frozen, and survives a JSON round trip through validation', () => {
    expect(calibrateModel(history, PLAYBOOK, CONFIG)).toEqual(model);
    expect(Object.isFrozen(model.coefficients.orders)).toBe(true);
    const loaded = validateCalibratedModel(JSON.parse(JSON.stringify(model)));
    expect(loaded.errors).toEqual([]);
    expect(loaded.model).toEqual(model);
  });
});

describe('shrinkage of base rates', () => {
  const noHoldout = (priorStrength: number): ModelConfig => ({ ...CONFIG, calibration: { ...CONFIG.calibration, holdoutShare: 0, priorStrength } });
  const rows = (code: string, cases: number, wins: number): HistoryRow[] =>
    Array.from({ length: cases }, (_, i) => ({ customer_id: `${code}-${i}`, reasonCode: code, behaviour: {}, wonBack: i < wins }));

  it('equals the beta posterior mean (wins + k·prior) / (cases + k) without behaviour data', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 60 }), fc.nat(), fc.double({ min: 0.5, max: 50, noNaN: true }), (cases, w, k) => {
      const wins = w % (cases + 1);
      const model = calibrateModel(rows('price', cases, wins), PLAYBOOK, noHoldout(k));
      return Math.abs(model.baseRates.price!.rate - (wins + k * 0.3) / (cases + k)) < 1e-7;
    }), propertyRuns(40));
  });

  it('pulls a sparse reason towards the playbook default and leaves a large one near its data', () => {
    const history = [...syntheticHistory(5, 8_000, { price: 0.35 }), ...rows('image', 6, 6)];
    const model = calibrateModel(history, PLAYBOOK, noHoldout(CONFIG.calibration.priorStrength));
    const image = model.baseRates.image!;
    expect(image.cases).toBe(6);
    expect(Math.abs(image.rate - 0.2)).toBeLessThan(0.5 * Math.abs(1 - 0.2));
    expect(Math.abs(model.baseRates.price!.rate - 0.35)).toBeLessThan(RATE_TOLERANCE);
  });
});

describe('calibrateModel guards', () => {
  it('fixes a weight with an implausible sign at zero, with a warning', () => {
    const history = syntheticHistory(11, 10_000, TRUE_RATES, { ...TRUE_WEIGHTS, complaints: 0.8 });
    const model = calibrateModel(history, PLAYBOOK, CONFIG);
    expect(model.fit.fixedAtZero).toEqual(['complaints']);
    expect(model.coefficients.complaints.weight).toBe(0);
    expect(model.warnings.join(' ')).toMatch(/implausible sign.*complaints/);
  });

  it('ignores reasons the playbook does not know, with a warning', () => {
    const history = [...syntheticHistory(3, 500, { price: 0.3 }), { customer_id: 'X', reasonCode: 'martian', behaviour: {}, wonBack: true }];
    const model = calibrateModel(history, PLAYBOOK, CONFIG);
    expect(model.fit.trainCases + model.fit.holdoutCases).toBe(500);
    expect(model.warnings[0]).toMatch(/1 rows with reasons not in the playbook ignored: martian/);
  });

  it('saves each warning as a catalogue key beside its English text, worded in the reader\'s language when read back', () => {
    const history = [...syntheticHistory(3, 500, { price: 0.3 }), { customer_id: 'X', reasonCode: 'martian', behaviour: {}, wonBack: true }];
    const saved = JSON.parse(JSON.stringify(calibrateModel(history, PLAYBOOK, CONFIG))) as Record<string, unknown>;
    expect((saved.warning_keys as unknown[])[0]).toEqual({ key: 'calibrate.unknownReasons', args: [1, 'martian'] });
    const de = validateCalibratedModel(saved, 'de').warnings.map((w) => w.message);
    expect(de[0]).toBe('1 Zeilen mit Gründen, die nicht im Playbook stehen, übergangen: martian');
    expect(validateCalibratedModel(saved, 'en').warnings[0]?.message).toBe((saved.warnings as string[])[0]);
    // A model written before the keys existed reads as it was written.
    const old = { ...saved };
    delete old.warning_keys;
    expect(validateCalibratedModel(old, 'de').warnings[0]?.message).toMatch(/^1 rows with reasons not in the playbook ignored/);
  });

  it('stays JSON-serialisable when the holdout is empty', () => {
    const model = calibrateModel([], PLAYBOOK, CONFIG);
    expect(model.fit.auc).toBeNull();
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });
});

describe('metrics', () => {
  it.each([
    [[0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1], 1],
    [[0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0], 0],
    [[0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1], 0.5],
    [[0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], 0.75],
    [[0.3, 0.6], [1, 1], null],
  ])('AUC of %j with %j is %s', (p, y, auc) => {
    expect(areaUnderCurve(p, y)).toBe(auc);
  });

  it('AUC equals the share of correctly ordered win/loss pairs', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean()), { minLength: 1, maxLength: 40 }), (cases) => {
      const p = cases.map(([v]) => v / 5);
      const y = cases.map(([, w]) => (w ? 1 : 0));
      let pairs = 0;
      let good = 0;
      p.forEach((pi, i) => p.forEach((pj, j) => {
        if (y[i] === 1 && y[j] === 0) {
          pairs++;
          good += pi > pj ? 1 : pi === pj ? 0.5 : 0;
        }
      }));
      const auc = areaUnderCurve(p, y);
      return pairs === 0 ? auc === null : Math.abs((auc as number) - good / pairs) < 1e-12;
    }));
  });

  it('cuts calibration bins of near-equal size in prediction order', () => {
    const p = Array.from({ length: 25 }, (_, i) => (25 - i) / 26);
    const bins = calibrationByDecile(p, p.map((v) => (v > 0.5 ? 1 : 0)));
    expect(bins.map((b) => b.cases)).toEqual([2, 3, 2, 3, 2, 3, 2, 3, 2, 3]);
    expect(bins[0]!.observedRate).toBe(0);
    expect(bins[9]!.observedRate).toBe(1);
  });
});

describe('validateCalibratedModel', () => {
  const valid = JSON.parse(JSON.stringify(calibrateModel(syntheticHistory(9, 2_000, TRUE_RATES), PLAYBOOK, CONFIG)));
  it.each([
    ['wrong version', { ...valid, version: 2 }, 'version'],
    ['rate above 1', { ...valid, baseRates: { price: { rate: 1.2, prior: 0.3, cases: 3, wins: 1 } } }, 'baseRates.price.rate'],
    ['missing weight', { ...valid, coefficients: { ...valid.coefficients, orders: { reference: 1, cap: 2 } } }, 'coefficients.orders.weight'],
    ['weight with the wrong sign', { ...valid, coefficients: { ...valid.coefficients, complaints: { weight: 0.4, reference: 0, cap: 20 } } }, 'coefficients.complaints.weight'],
    ['not an object', 'model', ''],
  ])('rejects %s at its path', (_name, data, path) => {
    const result = validateCalibratedModel(data);
    expect(result.model).toBeUndefined();
    expect(result.errors.map((e) => e.path)).toContain(path);
  });
});
