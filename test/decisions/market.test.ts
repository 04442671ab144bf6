/**
 * The simulated win-back market (docs/simulation.md): a past season of campaigns with a
 * control group, its outcomes drawn from a known truth, results → calibrate, and a new season
 * planned with and without the model, each plan scored under the truth. The thresholds the
 * plans must reach are in market-thresholds.test.ts; this file checks the run itself and that
 * nobody is contacted who must not be.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { runMarket, summarise, type MarketRun } from '../support/market-run.js';

describe('the simulated win-back market', () => {
  const dir = tempDir('winback-market-');
  let run: MarketRun;
  beforeAll(async () => {
    run = await runMarket(dir, undefined, { executed: true });
    console.info(`market: ${JSON.stringify(summarise(run))}`);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('past season: the campaign lists hold no objector and no customer without permission on their channel', () => {
    expect(run.seasonOne.contacts).toBeGreaterThan(500);
    expect(run.seasonOne.controls).toBeGreaterThan(100);
    expect(run.seasonOne.listViolations).toEqual({ noPermission: 0, objector: 0 });
  });

  it('past season: results finds the lift over the control group that the truth puts there', () => {
    const total = run.seasonOne.results.total as { lift: { low: number; difference: number } };
    expect(total.lift.low).toBeGreaterThan(0);
    expect(run.seasonOne.regainedContacted / run.seasonOne.contacts).toBeGreaterThan(run.seasonOne.regainedControl / run.seasonOne.controls);
  });

  it('calibrate fits on every contacted customer of the past season, learns the organic return from every control customer, and ranks better than chance', () => {
    const total = run.seasonOne.results.total as { contacted: { customers: number }; control: { customers: number } };
    expect(run.seasonOne.calibration.accepted).toBe(total.contacted.customers + total.control.customers);
    expect(run.seasonOne.calibration.controlCases).toBe(total.control.customers);
    expect(run.seasonOne.calibration.randomisedCases).toBeGreaterThan(0.15 * total.contacted.customers);
    expect(run.seasonOne.calibration.auc).toBeGreaterThan(0.55);
  });

  it('new season: the campaign lists of both plans contact nobody who must not be contacted', () => {
    for (const s of [run.executed?.default, run.executed?.calibrated]) {
      expect(s?.violations).toEqual({ noPermission: 0, objector: 0, unknownChannel: 0 });
      expect(s?.contacted).toBeGreaterThan(0);
    }
  });

  it('new season: every reason is read as the truth has it, so the score measures decisions, not the classifier', () => {
    expect(run.misclassified).toBe(0);
  });

  it('new season: both plans decide for every customer and date every contact', () => {
    for (const s of [run.default, run.calibrated]) {
      expect(s.unplanned).toBe(0);
      expect(s.undated).toBe(0);
      expect(s.contacted).toBeGreaterThan(0);
      expect(Number.isFinite(s.share)).toBe(true);
    }
    expect(run.default.best).toBeGreaterThan(0);
    expect(run.default.best).toBe(run.calibrated.best);
  });
});
