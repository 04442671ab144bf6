/**
 * What issue 18 asks of winback's decisions in the simulated market (docs/simulation.md):
 * the default plan captures ≥ 70 % and the calibrated plan ≥ 90 % of the incremental profit
 * of the best permitted action per customer, plan.csv contacts nobody without permission,
 * and calibrating never makes the plan worse. Each test reports the figure it measured.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { runMarket, summarise, type MarketRun } from '../support/market-run.js';
import type { PlanScore } from '../support/market-score.js';

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const figures = (s: PlanScore) =>
  `captured ${pct(s.share)} (${Math.round(s.chosen)} of ${Math.round(s.best)}; ${s.violations.noPermission} contacts without permission, ${s.violations.objector} objectors contacted, ${s.lossMaking} loss-making contacts, ${Math.round(s.missedValue)} missed)`;

describe('winback plans in the simulated market, against issue 18', () => {
  const dir = tempDir('winback-market-');
  let run: MarketRun;
  beforeAll(async () => {
    run = await runMarket(dir);
    console.info(`market: ${JSON.stringify(summarise(run))}`);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the default plan (no model) captures at least 70 % of the best permitted incremental profit', () => {
    expect(run.default.share, `default plan: ${figures(run.default)}`).toBeGreaterThanOrEqual(0.7);
  });

  it('the calibrated plan captures at least 90 % of the best permitted incremental profit', () => {
    expect(run.calibrated.share, `calibrated plan: ${figures(run.calibrated)}`).toBeGreaterThanOrEqual(0.9);
  });

  it('plan.csv contacts nobody without permission on the planned channel, and no objector', () => {
    for (const [name, s] of [['default', run.default], ['calibrated', run.calibrated]] as const) {
      expect(s.violations, `${name} plan: ${figures(s)}`).toEqual({ noPermission: 0, objector: 0, unknownChannel: 0 });
    }
  });

  it('the calibrated plan captures no less than the default plan', () => {
    expect(run.calibrated.share, `calibrated ${pct(run.calibrated.share)} vs default ${pct(run.default.share)}`).toBeGreaterThanOrEqual(run.default.share);
  });
});
