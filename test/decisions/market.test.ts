/**
 * The simulated win-back market (docs/simulation.md): a past season of campaigns with a
 * control group, its outcomes drawn from a known truth, results → calibrate, and a new season
 * planned with and without the model, each plan scored under the truth. The market runs once
 * for the file (seasons, plans, campaign views and the budgeted plan: the most costly set-up
 * of the suite); the first group of tests checks the run itself and that nobody is contacted
 * who must not be, the second what issue 18 asks of the plans.
 *
 * Issue 18: the default plan captures ≥ 70 % and the calibrated plan ≥ 90 % of the incremental
 * profit of the best permitted action per customer, plan.csv contacts nobody without
 * permission, and calibrating never makes the plan worse. The guards stand at what the plans
 * reach (94.2 % when last measured), so a change that costs decisions fails here. `calibrate`
 * compares its decisions with the defaults' in money on held-out control and randomised
 * customers (doubly robust, the candidate's own prediction as control variate) and writes only
 * what decides better by more than its noise without its most favourable customer, plus the
 * second lifetime learned from the returns where held-out returners confirm it and the decisions
 * with it are not worse; when nothing passes it writes no model and exits 65. On this seed it
 * writes the second lifetime (+0.7 points under the truth; docs/simulation.md, "Calibrate says
 * no, and learns channels and the second lifetime", for seeds 2025–2027). In a market whose customers answer far more often than the playbook
 * says, it must still learn (the last group, its own run). A budgeted plan is
 * measured against the best selection the truth allows within the same amount. Each test
 * reports the figure it measured.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { runMarket, summarise, type MarketRun } from '../support/market-run.js';
import type { PlanScore } from '../support/market-score.js';
import { RESPONSIVE_WORLD } from '../support/market-truth.js';

/** The budget of the budgeted plan: about a fifth of what the unbudgeted default plan spends. */
const BUDGET = 3000;
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const figures = (s: PlanScore) =>
  `captured ${pct(s.share)} (${Math.round(s.chosen)} of ${Math.round(s.best)}; ${s.violations.noPermission} contacts without permission, ${s.violations.objector} objectors contacted, ${s.lossMaking} loss-making contacts, ${Math.round(s.missedValue)} missed)`;

const dir = tempDir('winback-market-');
let run: MarketRun;
beforeAll(async () => {
  // WINBACK_MARKET_PARTS=1 also plans with the learned model and each learned part alone (for docs/simulation.md; not needed by the tests)
  const parts = process.env.WINBACK_MARKET_PARTS === '1';
  run = await runMarket(dir, undefined, { executed: true, budget: BUDGET, capacity: true, learned: parts, parts });
  console.info(`market: ${JSON.stringify(summarise(run))}`);
}, 420_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the simulated win-back market', () => {
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

describe('winback plans in the simulated market, against issue 18', () => {
  it('the default plan (no model) captures at least 94 % of the best permitted incremental profit (the issue asks 70 %)', () => {
    expect(run.default.share, `default plan: ${figures(run.default)}`).toBeGreaterThanOrEqual(0.94);
  });

  it('the calibrated plan captures at least 94 % of the best permitted incremental profit (the issue asks 90 %)', () => {
    expect(run.calibrated.share, `calibrated plan: ${figures(run.calibrated)}`).toBeGreaterThanOrEqual(0.94);
  });

  it(`plan --budget ${BUDGET} captures at least 88 % of the best selection within the same budget, choosing among each customer's actions`, () => {
    const b = run.budgeted!;
    const share = b.plan.chosen / b.best.value;
    const only = b.best.bestActionOnly;
    const what = `budgeted plan: ${Math.round(b.plan.chosen)} with ${b.plan.contacted} contacts; best ${Math.round(b.best.value)} with ${b.best.contacts}; best actions only ${Math.round(only.value)} with ${only.contacts}`;
    // measured 2026-12-05 on this seed: 90.8 % (seeds 2026, 2027: 90.4 %, 89.8 %); 61.7 % when each
    // customer kept their best unbudgeted action (docs/simulation.md)
    expect(share, what).toBeGreaterThanOrEqual(0.88);
    // more than any selection that gives each customer only their best action can reach (measured 119.5 %)
    expect(b.plan.chosen, what).toBeGreaterThan(only.value);
    expect(b.plan.violations).toEqual({ noPermission: 0, objector: 0, unknownChannel: 0 });
  });

  it('plan --capacity (a quarter of the default plan\'s phone and visit contacts) fills no channel over its places and captures at least 90 % of the exact best selection within them', () => {
    const c = run.capacity!;
    const share = c.plan.chosen / c.best.value;
    const what = `capacity phone=${c.caps.phone},visit=${c.caps.visit}: plan ${Math.round(c.plan.chosen)} with ${c.plan.contacted} contacts; exact best ${Math.round(c.best.value)}; the plan's rule on the true values ${Math.round(c.best.greedy)}`;
    expect(c.caps.phone, what).toBeGreaterThan(0);
    expect(c.planned.phone, what).toBeLessThanOrEqual(c.caps.phone);
    expect(c.planned.visit, what).toBeLessThanOrEqual(c.caps.visit);
    // measured 2026-12-06 on this seed: 93.6 % (phone 52, visit 49 places)
    expect(share, what).toBeGreaterThanOrEqual(0.9);
    // the rule itself (measured 99.7 %), given the truth's values, comes close to the exact best
    expect(c.best.greedy / c.best.value, what).toBeGreaterThanOrEqual(0.98);
    expect(c.best.greedy, what).toBeLessThanOrEqual(c.best.value + 0.01);
    expect(c.plan.violations).toEqual({ noPermission: 0, objector: 0, unknownChannel: 0 });
  });

  it('plan.csv contacts nobody without permission on the planned channel, and no objector', () => {
    for (const [name, s] of [['default', run.default], ['calibrated', run.calibrated]] as const) {
      expect(s.violations, `${name} plan: ${figures(s)}`).toEqual({ noPermission: 0, objector: 0, unknownChannel: 0 });
    }
  });

  it('price quitters get the lower-rate renewal where the truth makes it the best offer (the handbook\'s price measure)', () => {
    const r = run.renewal.default;
    const where = `renewal: best for ${r.bestThere}, chosen there ${r.chosenThere}, chosen ${r.chosen}; offer choice loses ${Math.round(r.lostValue)}`;
    expect(r.bestThere, where).toBeGreaterThanOrEqual(20);
    // where the plan renews, the truth agrees (first measured: 224 of 224)
    expect(r.chosenThere / r.chosen, where).toBeGreaterThanOrEqual(0.95);
    // with the lower rate charged for the renewal term only (not the whole horizon) the plan renews
    // 65 % of those for whom it is best (52 % before; measured 2026-12-05); the rest get the upgrade,
    // whose longer second lifetime the playbook's judgement values more than the truth does
    expect(r.chosenThere / r.bestThere, where).toBeGreaterThanOrEqual(0.6);
  });

  it('calibrating never makes the plan worse under the truth (the issue asks: never worse)', () => {
    const k = run.seasonOne.calibration.comparison;
    const what = `calibrated ${pct(run.calibrated.share)} vs default ${pct(run.default.share)}; parts written: ${k.accepted.join(', ') || 'none'}`;
    expect(run.calibrated.chosen, what).toBeGreaterThanOrEqual(run.default.chosen);
    // the comparison ran on every control and randomised customer of the past season
    expect(k.cases).toBeGreaterThan(0.9 * (run.seasonOne.controls + run.seasonOne.calibration.randomisedCases));
    // a model file only where a learned part passed (else exit 65 and no file: issue 18)
    expect(run.seasonOne.calibration.written, what).toBe(k.accepted.length > 0);
  });

  it('calibrate learns from the returns that the second lifetime is shorter than the playbook says, and the held-out returners confirm it', () => {
    // the truth's second lifetime is 10 months at the reference customer, the playbook's 20
    const life = run.seasonOne.calibration.secondLifetime;
    expect(life?.lengthScale, JSON.stringify(life)).toBeLessThan(0.8);
    expect(life?.events).toBeGreaterThan(50);
    expect(run.seasonOne.calibration.comparison.lifetime.length.accepted).toBe(true);
    // first measured (2026-12-06): written on this seed, the calibrated plan 94.9 % against 94.2 %
    expect(run.seasonOne.calibration.comparison.accepted, JSON.stringify(run.seasonOne.calibration.comparison.accepted)).toContain('lifetime');
    expect(run.calibrated.share - run.default.share).toBeGreaterThan(0.004);
  });
});

describe('a market where the playbook\'s response rates are clearly wrong (customers answer two to three times as often)', () => {
  const responsiveDir = tempDir('winback-market-');
  let responsive: MarketRun;
  beforeAll(async () => {
    const parts = process.env.WINBACK_MARKET_PARTS === '1';
    responsive = await runMarket(responsiveDir, undefined, { world: RESPONSIVE_WORLD, learned: parts, parts });
    console.info(`market (${RESPONSIVE_WORLD.name}): ${JSON.stringify(summarise(responsive))}`);
  }, 300_000);
  afterAll(() => rmSync(responsiveDir, { recursive: true, force: true }));

  it('calibrate accepts a learned part, and the calibrated plan earns more under the truth than the default plan', () => {
    const k = responsive.seasonOne.calibration.comparison;
    const what = `calibrated ${pct(responsive.calibrated.share)} vs default ${pct(responsive.default.share)}; candidates ${JSON.stringify(k.candidates.map((c) => [c.parts.join('+'), Math.round(c.difference.perCustomer), Math.round(c.difference.standardError)]))}`;
    expect(k.accepted.length, what).toBeGreaterThan(0);
    // first measured (2026-12-05): 98.8 % against 98.4 % (+0.4 points), the learned response accepted;
    // the same with the doubly robust comparison (98.80 % against 98.37 %). Measured again 2026-12-07,
    // after the control group came to be drawn on the ledger's key (another 368 of 1,899 customers
    // held out): 98.5 % against 98.4 % (+0.09 points), the second lifetime accepted, the response not
    // (14 ± 15 per customer where the other draw gave 29 ± 13). On one draw of this size the gain is
    // noise-sized, so the claim tested is its direction: the calibrated plan earns more, not less.
    expect(responsive.calibrated.share - responsive.default.share, what).toBeGreaterThan(0);
  });
});
