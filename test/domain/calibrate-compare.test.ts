import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTROL_ARM, policyDifference, type CompareCase } from '../../src/domain/calibrate/compare.js';
import { propertyRuns } from '../support/property.js';

describe('policyDifference: a model against the defaults in money, from the random arms', () => {
  it('with the models\' predictions as control variate (doubly robust), takes the predicted difference and corrects it by the logged arms\' residuals', () => {
    const cases: CompareCase[] = [
      { stratum: 'a', arm: CONTROL_ARM, reward: 10 },
      { stratum: 'a', arm: CONTROL_ARM, reward: 0 },
      { stratum: 'a', arm: 'x', reward: -2 },
      { stratum: 'a', arm: 'x', reward: 18 },
    ];
    const x = ['x', 'x', 'x', 'x'];
    const none = [CONTROL_ARM, CONTROL_ARM, CONTROL_ARM, CONTROL_ARM];
    // A prediction that is right on every logged arm: no residual, the estimate is the predicted
    // gain (2 per customer) without noise, where the plain estimate says 3 ± 11.2.
    const exact = [[10, 12], [0, 2], [-4, -2], [16, 18]].map(([c, o]) => new Map([[CONTROL_ARM, c as number], ['x', o as number]]));
    const d = policyDifference(cases, x, none, exact);
    expect(d.perCustomer).toBeCloseTo(2, 12);
    expect(d.standardError).toBeCloseTo(0, 12);
    expect(d.largestContribution).toBeCloseTo(2 / 4, 12);
    // A prediction that is off: d_i = 6 − 4 + (±1)(R − μ(A)) / ½ → −10, 10, −14, 26; the mean stays 3
    const off = cases.map(() => new Map([[CONTROL_ARM, 4], ['x', 6]]));
    const o = policyDifference(cases, x, none, off);
    expect(o.perCustomer).toBeCloseTo(3, 12);
    // per reason × arm: control −10, 10 (variance 200, over 2); x −14, 26 (variance 800, over 2); each cell half the customers
    expect(o.standardError).toBeCloseTo(Math.sqrt(0.25 * 100 + 0.25 * 400), 12);
    expect(o.largestContribution).toBeCloseTo(26 / 4, 12);
    // without the most favourable customer (26): −10, 10, −14 over 3; control cell variance 200 over 2, x cell of one counts its square
    expect(o.withoutLargest.mean).toBeCloseTo(-14 / 3, 12);
    expect(o.withoutLargest.error).toBeCloseTo(Math.sqrt((2 / 3) ** 2 * 100 + (1 / 3) ** 2 * 196), 12);
  });

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
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.array(fc.integer({ min: -100, max: 3000 }), { minLength: 3, maxLength: 3 }), (rows, guess) => {
        const cases = rows.map(({ stratum, arm: logged, reward }) => ({ stratum, arm: logged, reward }));
        // the same predictions for both orders (the customer's reward ± a guess per arm)
        const mu = rows.map((r) => new Map([[CONTROL_ARM, r.reward + (guess[0] as number)], ['x', guess[1] as number], ['y', r.reward - (guess[2] as number)]]));
        const same = policyDifference(cases, rows.map((r) => r.a), rows.map((r) => r.a), mu);
        expect(same.perCustomer).toBe(0);
        expect(same.standardError).toBe(0);
        expect(same.differing).toBe(0);
        expect(same.largestContribution).toBe(0);
        const ab = policyDifference(cases, rows.map((r) => r.a), rows.map((r) => r.b), mu);
        const ba = policyDifference(cases, rows.map((r) => r.b), rows.map((r) => r.a), mu);
        expect(ab.perCustomer + ba.perCustomer).toBeCloseTo(0, 9);
        expect(ab.standardError).toBeCloseTo(ba.standardError, 9);
      }),
      propertyRuns(100),
    );
  });
});
