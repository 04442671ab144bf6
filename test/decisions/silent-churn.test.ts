/**
 * Customers who never cancel, simulated from a BG/NBD process with known parameters
 * (docs/clv.md section 9): clv → --lost-out → plan through the CLI, each plan scored against
 * the truth. The floors sit below the first measurement (recorded in docs/clv.md, 2026-12-05),
 * so a change that makes the hand-over's decisions worse fails here.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { runSilentChurn, type SilentChurnRun } from '../support/silent-churn-sim.js';

/**
 * Bounds on the retention contacts' true earnings. First measured (2026-12-05, keep rates from the
 * field experiments in docs/model.md section 10): 191 reorder reminders by letter earn €1,130 under
 * the truth, 77 % of the €1,463 plan expects of them (the model's value if alive runs high, docs/clv.md
 * section 9) and 53 % of the €2,137 an oracle that knows who is gone earns with 110 letters.
 */
const EARNED_OF_EXPECTED = { low: 0.6, high: 1.25 };
const EARNED_OF_ORACLE = 0.45;

describe('silent churners from a known BG/NBD truth', () => {
  const dir = tempDir('winback-silent-');
  let run: SilentChurnRun;
  beforeAll(async () => {
    run = await runSilentChurn(dir);
    console.info(`silent churn: ${JSON.stringify(run)}`);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every silent churner gets a decision with a value: none is sent to review', () => {
    expect(run.lostOut).toBeGreaterThan(1000);
    expect(run.review).toBe(0);
  });

  it('recovers most of what an oracle that knows who is gone would recover from the same customers (first measured 92 %)', () => {
    expect(run.purchaseModel.shareOfLost).toBeGreaterThan(0.85);
  });

  it('beats a letter to every lost customer and the run-rate value by at least 10 % (first measured +21 %)', () => {
    expect(run.purchaseModel.value).toBeGreaterThan(1.1 * run.everyLost.value);
    expect(run.purchaseModel.value).toBeGreaterThan(1.1 * run.runRate.value);
  });

  it('leaves the living alone: at most 12 % of letters reach a customer still buying, at most 1 % one buying monthly or more (first measured 7.4 %, 0.3 %)', () => {
    const pm = run.purchaseModel;
    expect(pm.aliveContacted / pm.contacted).toBeLessThan(0.12);
    expect(pm.highRateAliveContacted / pm.contacted).toBeLessThan(0.01);
    // The run rate writes to the living four times as often.
    expect(run.runRate.aliveContacted / run.runRate.contacted).toBeGreaterThan(2 * (pm.aliveContacted / pm.contacted));
  });

  it('core defectors get retention, the lost win-back, nobody both; the retention contacts reach mostly the living', () => {
    const r = run.retention;
    expect(r.coreDefectors).toBeGreaterThan(50);
    expect(r.track).toBe(r.coreDefectors);
    expect(r.mismatched).toBe(0);
    expect(r.duplicated).toBe(0);
    expect(r.approached).toBeGreaterThan(0);
    // Retention is for customers still there: about as many are alive in the truth as the model says
    // (first measured 49 % alive, model mean P(alive) within 0.1), several times the win-back letters' share.
    expect(Math.abs(r.approachedAlive - r.meanPAlive)).toBeLessThan(0.1);
    expect(r.approachedAlive).toBeGreaterThan(3 * (run.purchaseModel.aliveContacted / run.purchaseModel.contacted));
  });

  it('the retention contacts earn money under the truth, near what plan expects of them and near an oracle that knows who is gone', () => {
    const r = run.retention;
    const what = `earned ${Math.round(r.earned)}, plan expected ${Math.round(r.predicted)}, oracle ${Math.round(r.oracle.value)} with ${r.oracle.contacted} of ${r.coreDefectors} contacts, plan ${r.approached}`;
    expect(r.channels.every((c) => c.endsWith(':letter')), r.channels.join(', ')).toBe(true);
    expect(r.earned, what).toBeGreaterThan(0);
    expect(r.earned / r.predicted, what).toBeGreaterThan(EARNED_OF_EXPECTED.low);
    expect(r.earned / r.predicted, what).toBeLessThan(EARNED_OF_EXPECTED.high);
    expect(r.earned / r.oracle.value, what).toBeGreaterThan(EARNED_OF_ORACLE);
  });
});
