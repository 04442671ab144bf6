import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cdnowDir, cdnowPresent } from '../domain/clv/support.js';
import { readCsv, runCli, tempDir } from '../support/cli.js';

const present = cdnowPresent();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs clv on CDNOW_sample.txt as it is (whitespace-aligned, no header). */
async function clvOnSample(args: string[]) {
  const out = tempDir('winback-clv-honest-');
  dirs.push(out);
  const r = await runCli(['clv', path.join(cdnowDir, 'CDNOW_sample.txt'), '--delimiter', 'whitespace', '--columns', 'master_id,customer_id,date,cds,amount', '--out', out, ...args]);
  const model = r.code === 0 ? JSON.parse(readFileSync(path.join(out, 'model.json'), 'utf8')) : undefined;
  return { ...r, out, model, customers: r.code === 0 ? readCsv(path.join(out, 'customers.csv')) : [] };
}

describe.runIf(present)('honest fits on CDNOW', () => {
  it('a short window (6 weeks) puts a on its boundary: the run says so instead of a plain "converged"', async () => {
    const r = await clvOnSample(['--calibration-end', '1997-02-11']);
    expect(r.code).toBe(0);
    expect(r.model.bg_nbd.on_boundary).toEqual(['a']);
    expect(r.model.bg_nbd.not_estimable).toEqual(['a', 'b']);
    expect(r.model.bg_nbd.standard_errors.a).toBeNull();
    expect(r.model.fit_notes[0]).toMatch(/^BG\/NBD: a → 0 .*nobody can be found lost/);
    expect(r.stderr).toMatch(/warning: BG\/NBD: a → 0/);
    expect(r.stdout).toMatch(/BG\/NBD .*converged on a boundary \(a, b not estimable, see warnings\)/);
    expect(r.stdout).not.toMatch(/BG\/NBD .*\s converged \(/);
  });

  it('the 39-week calibration has no note, and its standard errors are the published ones', async () => {
    const r = await clvOnSample(['--calibration-end', '1997-09-30']);
    expect(r.model.fit_notes).toEqual([]);
    expect(r.model.bg_nbd.not_estimable).toEqual([]);
    expect(r.model.gamma_gamma.not_estimable).toEqual([]);
    expect(r.model.bg_nbd.standard_errors.a).toBeCloseTo(0.1857, 3);
    expect(r.stdout).toMatch(/BG\/NBD .* converged \(\d+ iterations\)/);
    expect(r.stderr).not.toMatch(/cannot be estimated/);
  });
});

describe.runIf(present)('silent churners reach plan valued by the model, not by a run rate', () => {
  it('on CDNOW every silent churner is valued by the model (clv\'s own figures, to the cent), none with P(alive) < 0.01 is win_back on a run rate; core defectors go to the retention track, never to win-back', async () => {
    const out = tempDir('winback-clv-handover-');
    dirs.push(out);
    const lostFile = path.join(out, 'lost.csv');
    const retentionFile = path.join(out, 'retention.csv');
    const r = await clvOnSample(['--calibration-end', '1997-09-30', '--lost-out', lostFile, '--retention-out', retentionFile]);
    expect(r.code).toBe(0);
    const handedOver = readCsv(lostFile);
    const lost = handedOver.filter((l) => l.phase === 'lost');
    expect(lost.length).toBe(r.model.phases.lost.customers);
    const dead = lost.filter((l) => Number(l.p_alive) < 0.01);
    expect(dead.length).toBeGreaterThan(0);
    expect(handedOver.every((l) => (l.phase === 'lost' || l.phase === 'core_defector') && l.value_basis === 'purchase_model')).toBe(true);
    // The hand-over carries the model's own P(alive) of customers.csv.
    const fitted = new Map(r.customers.map((c) => [c.customer_id, c]));
    for (const h of handedOver) expect(h.p_alive, h.customer_id as string).toBe(fitted.get(h.customer_id)?.p_alive);
    const retention = readCsv(retentionFile);
    expect(retention.length).toBe(r.model.phases.core_defector.customers);
    expect(new Set(retention.map((c) => c.retention_measure))).toEqual(new Set(['personal_check_in', 'reactivation_reminder']));
    // The core defectors of the hand-over are exactly clv's retention list.
    expect(handedOver.filter((l) => l.phase === 'core_defector').map((l) => l.customer_id).sort()).toEqual(retention.map((c) => c.customer_id).sort());
    // The CRM's postal addresses joined on (letters allowed), so that plan decides rather than finding no channel.
    const [head, ...lines] = readFileSync(lostFile, 'utf8').trimEnd().split('\n');
    const joined = path.join(out, 'lost-contact.csv');
    writeFileSync(joined, [`${head},street,postal_code,city,country`, ...lines.map((l, i) => `${l},Main Street ${i + 1},10115,Berlin,DE`)].join('\n') + '\n');
    const plan = await runCli(['plan', joined, '--out', path.join(out, 'plan'), '--as-of', '1997-10-01', '-q']);
    expect(plan.code, plan.stderr).toBe(0);
    const rows = new Map(readCsv(path.join(out, 'plan', 'plan.csv')).map((row) => [row.customer_id, row]));
    const cents = (v: number) => Math.round(v * 100) / 100;
    // Every silent churner, valued to the cent from the hand-over clv wrote: discounted purchases ×
    // expected spend × default margin 25 % (the unknown reason's margin factor is 1); at stake: × (1 − P(alive)).
    for (const h of lost) {
      const row = rows.get(h.customer_id)!;
      expect(row, h.customer_id as string).toBeDefined();
      const sltv = Number(h.discounted_purchases_horizon) * Number(h.expected_spend) * 0.25;
      expect(Math.abs(Number(row.sltv) - cents(sltv)), `sltv of ${h.customer_id}`).toBeLessThanOrEqual(0.01);
      expect(Math.abs(Number(row.value_at_stake) - cents((1 - Number(h.p_alive)) * sltv)), `value at stake of ${h.customer_id}`).toBeLessThanOrEqual(0.01);
      expect(row.track).toBe('win_back');
      expect(row.decision).not.toBe('review');
    }
    // No customer the model finds gone is won back on the strength of a run rate: each decision names the purchase model.
    const deadRows = dead.map((d) => rows.get(d.customer_id)!);
    expect(deadRows.filter((row) => row.decision === 'win_back').length).toBeGreaterThan(0);
    for (const row of deadRows) {
      expect(['win_back', 'let_go']).toContain(row.decision);
      expect(row.decision_reason).toMatch(/\(purchase model, P\(alive\) 0\.0[01]\)$/);
    }
    // Customer 1901 (22 purchase days in 33 days, P(alive) ≈ 0) had $21,672 at stake on a run rate;
    // regained, the model expects about $3,000 of margin over 36 months.
    const c1901 = rows.get('1901');
    expect(Number(c1901?.value_at_stake)).toBeGreaterThan(2000);
    expect(Number(c1901?.value_at_stake)).toBeLessThan(21_672 / 5);
  });
});

describe.runIf(present)('a lost threshold validated on the holdout (CDNOW, 39 + 39 weeks)', () => {
  const holdout = ['--calibration-end', '1997-09-30', '--holdout-end', '1998-06-30'];

  it('reports who bought again per phase; the old 0.3 lets 30 % of the "lost" come back on their own, and is flagged', async () => {
    const r = await clvOnSample([...holdout, '--lost-threshold', '0.3']);
    expect(r.model.lost_threshold).toMatchObject({ value: 0.3, source: '--lost-threshold', validated: true, organic_return_share: 0.2985, within_limit: false });
    expect(r.model.holdout.phases.lost).toEqual({ customers: 201, bought_again: 60, share: 0.2985 });
    // FHL 2005: the 1,411 one-time buyers made 334 holdout purchase days; 193 of them bought again.
    expect(r.model.holdout.phases.first_time_buyer).toMatchObject({ customers: 1411, bought_again: 193 });
    expect(r.stderr).toMatch(/warning: lost threshold 0\.3 \(--lost-threshold\): 29\.9 % of the 201 customers it calls lost bought again/);
    expect(r.stdout).toMatch(/\| lost +\| +201 \|.*\| +60 \(29\.9 %\) \|/);
  });

  it('chooses the threshold that keeps the organic-return share at most 10 % and says what it chose', async () => {
    const r = await clvOnSample(holdout);
    const t = r.model.lost_threshold;
    expect(t.source).toBe('chosen on the holdout');
    expect(t.organic_return_share).toBeLessThanOrEqual(0.1);
    expect(t.within_limit).toBe(true);
    const chosen = t.candidates.find((c: { threshold: number }) => c.threshold === t.value);
    expect(r.model.phases.lost.customers).toBe(chosen.lost);
    expect(r.model.holdout.phases.lost.bought_again).toBe(chosen.bought_again);
    // Every larger candidate breaks the limit.
    expect(t.candidates.filter((c: { threshold: number; share: number }) => c.threshold > t.value && c.share <= 0.1)).toEqual([]);
    expect(r.stdout).toMatch(new RegExp(`Lost threshold: P\\(alive\\) < ${t.value} \\(chosen on the holdout\\): ${chosen.bought_again} of ${chosen.lost} "lost" customers`));
    const looser = await clvOnSample([...holdout, '--max-organic-return', '40%']);
    expect(looser.model.lost_threshold.value).toBeGreaterThan(t.value);
  });

  it('says the threshold is not validated without a holdout, and refuses auto without one', async () => {
    const r = await clvOnSample(['--calibration-end', '1997-09-30']);
    expect(r.model.lost_threshold).toMatchObject({ value: 0.3, source: 'config', validated: false, organic_return_share: null, within_limit: null });
    expect(r.stdout).toMatch(/not validated: give --holdout-end/);
    const auto = await clvOnSample(['--calibration-end', '1997-09-30', '--lost-threshold', 'auto']);
    expect(auto.code).toBe(64);
    expect(auto.stderr).toMatch(/--lost-threshold auto chooses the threshold on a holdout/);
  });
});

describe.runIf(present)('--intervals on CDNOW', () => {
  it('writes bootstrap intervals for the parameters and each customer\'s CLV, around the published estimates', async () => {
    const r = await clvOnSample(['--calibration-end', '1997-09-30', '--intervals', '40']);
    expect(r.code).toBe(0);
    const iv = r.model.intervals;
    expect(iv).toMatchObject({ level: 0.9, replicates: 40, failed: 0 });
    const published: Record<string, number> = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, p: 6.25, q: 3.74, v: 15.44 };
    for (const [name, [low, high]] of Object.entries({ ...iv.purchase_model, ...iv.gamma_gamma }) as [string, number[]][]) {
      expect(low).toBeLessThan(published[name]!);
      expect(high).toBeGreaterThan(published[name]!);
    }
    const inside = r.customers.filter((c) => Number(c.clv_low) <= Number(c.clv) && Number(c.clv) <= Number(c.clv_high));
    expect(inside.length / r.customers.length).toBeGreaterThan(0.95);
    expect(r.stdout).toMatch(/90 % intervals \(40 bootstrap replicates\): r 0\.2\d\d–0\.2\d\d/);
  }, 60_000);

  it('refuses too few replicates', async () => {
    const r = await clvOnSample(['--intervals', '5']);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/--intervals '5' must be a whole number of bootstrap replicates from 20/);
  });
});
