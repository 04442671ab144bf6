import { say } from '../../../src/domain/catalogue/index.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLV_CONFIG } from '../../../src/domain/clv/clv.js';
import { chooseLostThreshold, organicReturnByThreshold, settleLostThreshold } from '../../../src/domain/clv/threshold.js';
import type { PurchaseModel } from '../../../src/domain/clv/purchase-model.js';

// Six repeat buyers with P(alive) 0.004, 0.04, 0.12, 0.22, 0.28, 0.7; those at 0.04 and 0.28 buy again.
const table = {
  x: Float64Array.from([2, 2, 2, 2, 2, 2]),
  tX: Float64Array.from([5, 5, 5, 5, 5, 5]),
  T: Float64Array.from([20, 20, 20, 20, 20, 20]),
  holdout: Float64Array.from([0, 1, 0, 0, 3, 0]),
};
const pAlive = Float64Array.from([0.004, 0.04, 0.12, 0.22, 0.28, 0.7]);

describe('organic returners by lost threshold', () => {
  const candidates = organicReturnByThreshold({ ...table, pAlive }, DEFAULT_CLV_CONFIG, 4.348, [0.01, 0.05, 0.15, 0.25, 0.3]);

  it('counts the lost phase and its returners at each threshold (the config threshold included)', () => {
    expect(candidates.map((c) => [c.threshold, c.lost, c.boughtAgain])).toEqual([[0.01, 1, 0], [0.05, 2, 1], [0.15, 3, 1], [0.25, 4, 1], [0.3, 5, 2]]);
  });

  it('chooses the largest threshold within the limit and names the next', () => {
    const c = chooseLostThreshold(candidates, 0.25);
    expect(c).toMatchObject({ threshold: 0.25, withinLimit: true });
    expect(c.next?.threshold).toBe(0.3);
    expect(chooseLostThreshold(candidates, 0.1).threshold).toBe(0.01);
    expect(chooseLostThreshold(candidates.slice(1), 0.1)).toMatchObject({ threshold: 0.05, withinLimit: false });
  });

  it('settles: auto chooses, a given threshold is checked, no holdout is not validated', () => {
    const model: PurchaseModel = { name: 'bg-nbd', pAlive: (_x, _tX, _T) => NaN, expectedPurchases: () => 0, expectedIfAlive: () => 0 };
    let k = 0;
    const byRow: PurchaseModel = { ...model, pAlive: () => pAlive[k++ % 6]! };
    const auto = settleLostThreshold(byRow, table, DEFAULT_CLV_CONFIG, 'auto', 0.3, 4.348, true);
    expect(auto.config.lostThreshold).toBe(0.25);
    expect(auto.report.summary).toMatch(/P\(alive\) < 0\.25 \(chosen on the holdout\): 1 of 4 "lost" customers \(25\.0 %\) bought again in the holdout, limit 30\.0 %; 0\.3 would give 40\.0 % of 5/);
    k = 0;
    const checked = settleLostThreshold(byRow, table, DEFAULT_CLV_CONFIG, 'flag', 0.1, 4.348, true);
    expect(checked.config.lostThreshold).toBe(0.3);
    expect(say('en', 'clvFit', checked.report.warning!)).toMatch(/40\.0 % of the 5 customers it calls lost bought again/);
    const none = settleLostThreshold(model, table, DEFAULT_CLV_CONFIG, 'config', 0.1, 4.348, false);
    expect(none.report).toMatchObject({ validated: false, value: 0.3 });
    expect(none.report.summary).toMatch(/not validated/);
  });
});
