import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTROL_ARM, policyDifference, type CompareCase } from '../../src/domain/calibrate-compare.js';
import { propertyRuns } from '../support/property.js';

describe('policyDifference: a model against the defaults in money, from the random arms', () => {
  it('estimates each model on the arm customers it would have put there, per reason, with the stratified standard error', () => {
    // reason a: two control customers (10 and 0 brought), two with offer x (−2 and 18)
    const cases: CompareCase[] = [
      { stratum: 'a', arm: CONTROL_ARM, reward: 10 },
      { stratum: 'a', arm: CONTROL_ARM, reward: 0 },
      { stratum: 'a', arm: 'x', reward: -2 },
      { stratum: 'a', arm: 'x', reward: 18 },
    ];
    // always x (mean of the x arm, 8) against never contacting (mean of the control arm, 5)
    const d = policyDifference(cases, ['x', 'x', 'x', 'x'], [CONTROL_ARM, CONTROL_ARM, CONTROL_ARM, CONTROL_ARM]);
    expect(d.perCustomer).toBeCloseTo(3, 12);
    // control cell: values −10, 0 (variance 50, over 2); x cell: −2, 18 (variance 200, over 2)
    expect(d.standardError).toBeCloseTo(Math.sqrt(25 + 100), 12);
    expect(d.total).toBeCloseTo(12, 12);
    // the customer who adds most: 18 in the x cell of two, 9 per customer
    expect(d.largestContribution).toBeCloseTo(9, 12);
    expect(d).toMatchObject({ cases: 4, differing: 4, unmeasured: 0 });
  });

  it('weighs reasons by their share of the customers, and a choice of an arm nobody of the reason was in earns nothing', () => {
    const cases: CompareCase[] = [
      { stratum: 'a', arm: CONTROL_ARM, reward: 0 },
      { stratum: 'a', arm: 'x', reward: 30 },
      { stratum: 'a', arm: 'x', reward: 10 },
      { stratum: 'b', arm: CONTROL_ARM, reward: 4 },
    ];
    // reason a (3 of 4 customers): x brings 20 on average against 0; reason b: y was never tried, control brings 4
    const d = policyDifference(cases, ['x', 'x', 'x', 'y'], [CONTROL_ARM, CONTROL_ARM, CONTROL_ARM, CONTROL_ARM]);
    expect(d.perCustomer).toBeCloseTo((3 / 4) * 20 + (1 / 4) * -4, 12);
    expect(d).toMatchObject({ differing: 4, unmeasured: 1 });
  });

  it('is 0 with no noise where the two models agree, and changes sign when they swap', () => {
    const arm = fc.constantFrom(CONTROL_ARM, 'x', 'y');
    const row = fc.record({ stratum: fc.constantFrom('a', 'b'), arm, reward: fc.integer({ min: -500, max: 5000 }), a: arm, b: arm });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const cases = rows.map(({ stratum, arm: logged, reward }) => ({ stratum, arm: logged, reward }));
        const same = policyDifference(cases, rows.map((r) => r.a), rows.map((r) => r.a));
        expect(same.perCustomer).toBe(0);
        expect(same.standardError).toBe(0);
        expect(same.differing).toBe(0);
        expect(same.largestContribution).toBe(0);
        const ab = policyDifference(cases, rows.map((r) => r.a), rows.map((r) => r.b));
        const ba = policyDifference(cases, rows.map((r) => r.b), rows.map((r) => r.a));
        expect(ab.perCustomer + ba.perCustomer).toBeCloseTo(0, 9);
        expect(ab.standardError).toBeCloseTo(ba.standardError, 9);
      }),
      propertyRuns(100),
    );
  });
});
